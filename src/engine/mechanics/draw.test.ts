import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Decimal, sum } from "../decimal";
import type { DrawRecovery, DrawType } from "../types";
import { planPeriods } from "../periods";
import { applyDraw, drawAmounts, type DrawLine } from "./draw";

const d = (s: string) => new Decimal(s);
const money = (xs: string[]) => xs.map(d);
const col = (lines: DrawLine[], k: keyof DrawLine) => lines.map((l) => l[k].toString());

// Oracle's draw example: a 1,000 per period minimum against earnings 500, 700, 400; then 3,000.
const draw = d("1000");
const earned = money(["500", "700", "400", "3000"]);

describe("applyDraw: recoverable, AboveDraw", () => {
  const lines = applyDraw(earned, draw, "Recoverable", "AboveDraw");

  it("tops up to the draw and carries the top-ups as a balance", () => {
    // top-ups 1,000 − 500 = 500, 1,000 − 700 = 300, 1,000 − 400 = 600; balance 500 → 800 → 1,400
    expect(col(lines, "topUp").slice(0, 3)).toEqual(["500", "300", "600"]);
    expect(col(lines, "balance").slice(0, 3)).toEqual(["500", "800", "1400"]);
    expect(col(lines, "netPaid").slice(0, 3)).toEqual(["1000", "1000", "1000"]);
  });

  it("recovers from earnings above the draw", () => {
    // period 4: recover min(1,400, 3,000 − 1,000) = 1,400; net 3,000 − 1,400 = 1,600; balance 0
    const l = lines[3];
    expect([l.topUp, l.recovered, l.balance, l.netPaid].map(String)).toEqual(["0", "1400", "0", "1600"]);
  });

  it("recovers only part of the balance when earnings are just above the draw", () => {
    // balance 1,400, earned 1,500: recover min(1,400, 500) = 500 → net 1,000, balance 900
    const l = applyDraw(money(["500", "700", "400", "1500"]), draw, "Recoverable", "AboveDraw")[3];
    expect([l.recovered, l.netPaid, l.balance].map(String)).toEqual(["500", "1000", "900"]);
  });
});

describe("applyDraw: recoverable, FullBalance", () => {
  const lines = applyDraw(earned, draw, "Recoverable", "FullBalance");

  it("nets the whole balance first, then tops up what is left to the draw", () => {
    // p1: recover 0, left 500, top-up 500, balance 500
    // p2: recover min(500, 700) = 500, left 200, top-up 800, balance 500 − 500 + 800 = 800
    // p3: recover min(800, 400) = 400, left 0, top-up 1,000, balance 800 − 400 + 1,000 = 1,400
    // p4: recover min(1,400, 3,000) = 1,400, left 1,600 ≥ 1,000, top-up 0, balance 0
    expect(col(lines, "recovered")).toEqual(["0", "500", "400", "1400"]);
    expect(col(lines, "topUp")).toEqual(["500", "800", "1000", "0"]);
    expect(col(lines, "balance")).toEqual(["500", "800", "1400", "0"]);
    expect(col(lines, "netPaid")).toEqual(["1000", "1000", "1000", "1600"]);
  });
});

describe("applyDraw: after the draw stops", () => {
  // Draw runs in periods 1–3 only (balance 1,400 as above); then earnings 1,500 and 600.
  const e = money(["500", "700", "400", "1500", "600"]);
  const active = [true, true, true, false, false];

  it("AboveDraw keeps recovering only from earnings above the draw amount", () => {
    // p4: recover min(1,400, 1,500 − 1,000) = 500 → net 1,000, balance 900
    // p5: 600 < 1,000 and no draw: no top-up, no recovery → net 600, balance 900 still owed
    const lines = applyDraw(e, draw, "Recoverable", "AboveDraw", active);
    expect(col(lines, "recovered").slice(3)).toEqual(["500", "0"]);
    expect(col(lines, "topUp").slice(3)).toEqual(["0", "0"]);
    expect(col(lines, "netPaid").slice(3)).toEqual(["1000", "600"]);
    expect(col(lines, "balance").slice(3)).toEqual(["900", "900"]);
  });

  it("FullBalance recovers from all earnings", () => {
    // p4: recover min(1,400, 1,500) = 1,400 → net 100, balance 0; p5: nothing owed → net 600
    const lines = applyDraw(e, draw, "Recoverable", "FullBalance", active);
    expect(col(lines, "recovered").slice(3)).toEqual(["1400", "0"]);
    expect(col(lines, "netPaid").slice(3)).toEqual(["100", "600"]);
    expect(col(lines, "balance").slice(3)).toEqual(["0", "0"]);
  });
});

describe("applyDraw: non-recoverable", () => {
  it("pays max(earned, draw) while the draw runs and never owes anything back", () => {
    // 500 → top-up 500; 700 → 300; 400 → 600; 3,000 → 0 and nothing recovered
    const lines = applyDraw(earned, draw, "NonRecoverable", "AboveDraw");
    expect(col(lines, "topUp")).toEqual(["500", "300", "600", "0"]);
    expect(col(lines, "netPaid")).toEqual(["1000", "1000", "1000", "3000"]);
    expect(col(lines, "recovered")).toEqual(["0", "0", "0", "0"]);
    expect(col(lines, "balance")).toEqual(["0", "0", "0", "0"]);
  });

  it("pays earnings only once the draw stops", () => {
    const lines = applyDraw(money(["250.50", "250.50"]), draw, "NonRecoverable", "FullBalance", [true, false]);
    // 1,000 − 250.50 = 749.50 top-up in period 1; none in period 2
    expect(col(lines, "topUp")).toEqual(["749.5", "0"]);
    expect(col(lines, "netPaid")).toEqual(["1000", "250.5"]);
  });
});

describe("applyDraw properties", () => {
  const cents = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).map((n) => new Decimal(n).div(100));
  const arb = fc.record({
    earned: fc.array(cents(-200_000, 800_000), { minLength: 1, maxLength: 12 }),
    draw: cents(0, 500_000),
    active: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    type: fc.constantFrom<DrawType>("Recoverable", "NonRecoverable"),
    recovery: fc.constantFrom<DrawRecovery>("AboveDraw", "FullBalance"),
  });

  it("balance is never negative; Σ netPaid = Σ earned + final balance (recoverable); net ≥ draw while it runs", () => {
    fc.assert(
      fc.property(arb, ({ earned, draw, active, type, recovery }) => {
        const lines = applyDraw(earned, draw, type, recovery, active);
        for (const [k, l] of lines.entries()) {
          expect(l.balance.isNeg()).toBe(false);
          expect(l.netPaid.eq(l.earned.plus(l.topUp).minus(l.recovered))).toBe(true);
          if (active[k]) expect(l.netPaid.gte(draw)).toBe(true);
          if (!active[k]) expect(l.topUp.isZero()).toBe(true);
        }
        const final = lines[lines.length - 1].balance;
        if (type === "Recoverable") expect(sum(lines.map((l) => l.netPaid)).eq(sum(earned).plus(final))).toBe(true);
        else expect(final.isZero()).toBe(true);
      }),
    );
  });

  it("while the draw runs every period, AboveDraw and FullBalance pay the same net and carry the same balance", () => {
    fc.assert(
      fc.property(arb, ({ earned, draw }) => {
        const a = applyDraw(earned, draw, "Recoverable", "AboveDraw");
        const f = applyDraw(earned, draw, "Recoverable", "FullBalance");
        a.forEach((l, k) => {
          expect(l.netPaid.eq(f[k].netPaid)).toBe(true);
          expect(l.balance.eq(f[k].balance)).toBe(true);
        });
      }),
    );
  });
});

describe("drawAmounts: the draw's term and partial periods", () => {
  const periods = planPeriods("Quarter", { planYear: 2026, fiscalYearStartMonth: 1 });
  const cents = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const amounts = (plan: Parameters<typeof drawAmounts>[0], start: string | null, end: string | null = null) =>
    drawAmounts(plan, periods, start, end, cents).map((a) => a.toFixed(2));

  it("prorates a partial period by days: a hire on 15 April gets 77 of Q2's 91 days", () => {
    // 6,000 × 77 ÷ 91 = 5,076.923… → 5,076.92
    expect(amounts({ draw: d("6000") }, "2026-04-15")).toEqual(["0.00", "5076.92", "6000.00", "6000.00"]);
  });

  it("runs for DrawMonths of tenure, to the day before the same day N months on", () => {
    // 4 months from 15 April: to 14 August. Q3 holds 1 July–14 August, 45 of 92 days: 6,000 × 45 ÷ 92 = 2,934.78.
    expect(amounts({ draw: d("6000"), drawMonths: 4 }, "2026-04-15")).toEqual(["0.00", "5076.92", "2934.78", "0.00"]);
    // Without a start date the term counts from the plan year's first day: 6 months is Q1 and Q2.
    expect(amounts({ draw: d("6000"), drawMonths: 6 }, null)).toEqual(["6000.00", "6000.00", "0.00", "0.00"]);
  });

  it("runs until DrawUntil, and never past the rep's last day", () => {
    // 1 July–15 August is 46 of Q3's 92 days: 3,000.00.
    expect(amounts({ draw: d("6000"), drawUntil: "2026-08-15" }, null)).toEqual([
      "6000.00",
      "6000.00",
      "3000.00",
      "0.00",
    ]);
    // A leaver on 31 May: 61 of Q2's 91 days, 6,000 × 61 ÷ 91 = 4,021.98.
    expect(amounts({ draw: d("6000") }, null, "2026-05-31")).toEqual(["6000.00", "4021.98", "0.00", "0.00"]);
  });
});
