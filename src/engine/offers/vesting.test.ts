import { Decimal } from "../decimal";
import { vestedMonths, vestingByYear } from "./vesting";

const d = (v: string) => new Decimal(v);
const years = (list: Decimal[]) => list.map((x) => x.toString());

describe("equity vesting", () => {
  it("100k over 4 years, 12-month cliff, monthly: 25,000 at the cliff, then 25,000 a year", () => {
    // 100,000 × 12/48 = 25,000 vests at the end of month 12; then 100,000/48 = 2,083.33… a month.
    expect(
      years(vestingByYear(d("100000"), { vestingYears: 4, cliffMonths: 12, frequency: "Monthly" }, "USD")),
    ).toEqual(["25000", "25000", "25000", "25000"]);
  });

  it("nothing before the cliff, the accrued amount at it, then vesting on each frequency date", () => {
    const monthly = { vestingYears: 4, cliffMonths: 12, frequency: "Monthly" } as const;
    const quarterly = { ...monthly, frequency: "Quarterly" } as const;
    const annual = { ...monthly, frequency: "Annual" } as const;
    expect(vestedMonths(11, monthly)).toBe(0);
    expect(vestedMonths(12, monthly)).toBe(12);
    expect(vestedMonths(13, monthly)).toBe(13);
    // Quarterly: month 13 and 14 still show the cliff's 12 months; month 15 vests the next quarter.
    expect([13, 14, 15].map((m) => vestedMonths(m, quarterly))).toEqual([12, 12, 15]);
    // Annual: 12 until month 24.
    expect([23, 24, 47, 48, 60].map((m) => vestedMonths(m, annual))).toEqual([12, 24, 36, 48, 48]);
    // A 4-month cliff on a quarterly schedule vests 4 months at the cliff, then 6, 9, 12.
    const shortCliff = { vestingYears: 4, cliffMonths: 4, frequency: "Quarterly" } as const;
    expect([3, 4, 5, 6, 9].map((m) => vestedMonths(m, shortCliff))).toEqual([0, 4, 4, 6, 9]);
  });

  it("quarterly and annual schedules vest the same per year of tenure as monthly (years end on every grid)", () => {
    for (const frequency of ["Quarterly", "Annual"] as const) {
      expect(years(vestingByYear(d("100000"), { vestingYears: 4, cliffMonths: 12, frequency }, "USD"))).toEqual([
        "25000",
        "25000",
        "25000",
        "25000",
      ]);
    }
  });

  it("an 18-month cliff pays nothing in year 1 and two years' worth in year 2", () => {
    // At month 18: 100,000 × 18/48 = 37,500; by month 24: 50,000. Year 1 = 0, year 2 = 50,000.
    expect(years(vestingByYear(d("100000"), { vestingYears: 4, cliffMonths: 18, frequency: "Annual" }, "USD"))).toEqual(
      ["0", "50000", "25000", "25000"],
    );
  });

  it("rounds the cumulative amount, so the years add up to the grant to the cent", () => {
    // 100,000 / 3: cumulative 33,333.33 → 66,666.67 → 100,000; years 33,333.33 + 33,333.34 + 33,333.33.
    const byYear = vestingByYear(d("100000"), { vestingYears: 3, cliffMonths: 0, frequency: "Monthly" }, "USD");
    expect(years(byYear)).toEqual(["33333.33", "33333.34", "33333.33"]);
    expect(byYear.reduce((a, b) => a.plus(b)).toString()).toBe("100000");
  });
});
