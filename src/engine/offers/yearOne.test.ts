import { Decimal } from "../decimal";
import { rampFactor, yearOneEnd, yearOneMonths, yearOneVariable } from "./yearOne";

const d = (v: string) => new Decimal(v);
const terms = {
  targetVariable: d("75000"),
  expectedVariable: d("60000"), // 80% of target on a linear plan: 5,000 a month
  rampMonths: 0,
  rampGuarantee: null,
  nonRecoverableDraw: null,
};

describe("year one", () => {
  it("without a ramp, year one earns the steady-state expected variable", () => {
    expect(yearOneVariable(terms).toString()).toBe("60000");
  });

  it("a linear 3-month ramp earns 25%, 50%, 75% of a month, then full months", () => {
    expect([1, 2, 3, 4].map((k) => rampFactor(k, 3).toString())).toEqual(["0.25", "0.5", "0.75", "1"]);
    // 5,000 × (0.25 + 0.5 + 0.75) + 9 × 5,000 = 7,500 + 45,000 = 52,500 (= 60,000 × 10.5/12).
    expect(yearOneVariable({ ...terms, rampMonths: 3 }).toString()).toBe("52500");
  });

  it("a ramp guarantee is a floor in the ramp months only", () => {
    // Guarantee 50% × 75,000 / 12 = 3,125 a month. Ramp months: max(1,250, 3,125), max(2,500, 3,125),
    // max(3,750, 3,125) = 3,125 + 3,125 + 3,750 = 10,000; then 9 × 5,000 = 45,000. Total 55,000.
    const months = yearOneMonths({ ...terms, rampMonths: 3, rampGuarantee: d("0.5") });
    expect(months.slice(0, 4).map((m) => m.toString())).toEqual(["3125", "3125", "3750", "5000"]);
    expect(yearOneVariable({ ...terms, rampMonths: 3, rampGuarantee: d("0.5") }).toString()).toBe("55000");
  });

  it("a non-recoverable draw is a monthly floor over all of year one", () => {
    // Every expected month (≤ 5,000) is below the 5,500 draw: 12 × 5,500 = 66,000.
    expect(yearOneVariable({ ...terms, rampMonths: 3, nonRecoverableDraw: d("5500") }).toString()).toBe("66000");
    // A 4,000 draw lifts only the ramp months: 4,000 × 3 + 9 × 5,000 = 57,000.
    expect(yearOneVariable({ ...terms, rampMonths: 3, nonRecoverableDraw: d("4000") }).toString()).toBe("57000");
  });

  it("year one ends the day before the first anniversary", () => {
    expect(yearOneEnd("2026-01-01")).toBe("2026-12-31");
    expect(yearOneEnd("2026-07-15")).toBe("2027-07-14");
    expect(yearOneEnd("2028-02-29")).toBe("2029-02-28");
  });
});
