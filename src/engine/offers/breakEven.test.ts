import type { CurveSegment } from "../line/segments";
import { Decimal, ONE, ZERO } from "../decimal";
import { cashLine, crossings } from "./breakEven";
import { LINEAR_UNCAPPED } from "./offerCurve";

const d = (v: string) => new Decimal(v);
const seg = (from: string, to: string | null, intercept: string, slope: string): CurveSegment => ({
  from: d(from),
  to: to === null ? null : d(to),
  intercept: d(intercept),
  slope: d(slope),
});
const at = (c: ReturnType<typeof crossings>) => c.at.map((x) => x.toString());

describe("break-even attainment between two offers", () => {
  it("two linear offers cross where their cash lines meet", () => {
    // A: 150,000 + 90,000 a; B: 170,000 + 50,000 a. Equal when 40,000 a = 20,000, a = 50%.
    const a = cashLine(LINEAR_UNCAPPED, d("150000"), d("90000"));
    const b = cashLine(LINEAR_UNCAPPED, d("170000"), d("50000"));
    const c = crossings(a, b);
    expect(c).toMatchObject({ kind: "cross", firstAhead: -1 });
    expect(at(c)).toEqual(["0.5"]);
    // Seen from B the same point, with B ahead below it.
    expect(crossings(b, a)).toMatchObject({ kind: "cross", firstAhead: 1 });
  });

  it("equity per year shifts the line: touching at 0% is not a break-even", () => {
    // A with 20,000 a year of equity: 170,000 + 90,000 a vs 170,000 + 50,000 a: equal only at 0, A ahead after.
    const a = cashLine(LINEAR_UNCAPPED, d("170000"), d("90000"));
    const b = cashLine(LINEAR_UNCAPPED, d("170000"), d("50000"));
    expect(crossings(a, b)).toMatchObject({ kind: "none", at: [], firstAhead: 1 });
  });

  it("a gate makes a jump, and the break-even is at the gate", () => {
    // A: base 100,000, TV 100,000, nothing below a 50% gate, then 1.0× from 0: 100,000 → 150,000 at 50%.
    // B: 130,000 flat. A is behind below 50% and ahead from 50% on.
    const gated = [seg("0", "0.5", "0", "0"), seg("0.5", null, "0", "1")];
    const a = cashLine(gated, d("100000"), d("100000"));
    const b = cashLine(LINEAR_UNCAPPED, d("130000"), ZERO);
    const c = crossings(a, b);
    expect(c).toMatchObject({ kind: "cross", firstAhead: -1 });
    expect(at(c)).toEqual(["0.5"]);
  });

  it("an accelerated but capped offer against a linear one crosses twice", () => {
    // A: base 100,000, TV 100,000; 1.0× to 100%, 3× above, capped at 2× target (reached at 100% + 1/3).
    //   cash 200,000 + 300,000 (a − 1) above 100%, flat 300,000 from 133.3%.
    // B: 120,000 + 100,000 a.
    // Below 100%: A − B = −20,000 (B ahead). Above: 200,000 + 300,000(a − 1) = 120,000 + 100,000 a
    //   ⇔ 200,000 a = 220,000 ⇔ a = 1.1. On the cap: 300,000 = 120,000 + 100,000 a ⇔ a = 1.8.
    const third = ONE.div(3);
    const curve: CurveSegment[] = [
      seg("0", "1", "0", "1"),
      { from: ONE, to: ONE.plus(third), intercept: d("-2"), slope: d("3") },
      { from: ONE.plus(third), to: null, intercept: d("2"), slope: ZERO },
    ];
    const a = cashLine(curve, d("100000"), d("100000"));
    const b = cashLine(LINEAR_UNCAPPED, d("120000"), d("100000"));
    const c = crossings(a, b);
    expect(c).toMatchObject({ kind: "cross", firstAhead: -1 });
    expect(at(c)).toEqual(["1.1", "1.8"]);
  });

  it("crossings past 300% are not reported", () => {
    // A: 100,000 + 10,000 a vs B: 140,000: equal at a = 4 (400%).
    const a = cashLine(LINEAR_UNCAPPED, d("100000"), d("10000"));
    const b = cashLine(LINEAR_UNCAPPED, d("140000"), ZERO);
    expect(crossings(a, b)).toMatchObject({ kind: "none", at: [], firstAhead: -1 });
  });

  it("equal over a stretch, then apart on the other side: the break-even is where the stretch begins", () => {
    // A − B: −10,000 on [0, 1), 0 on [1, 2), +10,000 from 2.
    const a = [seg("0", "1", "90000", "0"), seg("1", "2", "100000", "0"), seg("2", null, "110000", "0")];
    const b = cashLine(LINEAR_UNCAPPED, d("100000"), ZERO);
    expect(at(crossings(a, b))).toEqual(["1"]);
  });

  it("identical offers", () => {
    const a = cashLine(LINEAR_UNCAPPED, d("100000"), d("50000"));
    expect(crossings(a, a)).toMatchObject({ kind: "identical", at: [], firstAhead: 0 });
  });
});
