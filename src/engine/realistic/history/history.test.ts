import { Decimal } from "../../decimal";
import type { AttainmentRecord } from "../../types";
import { historySwing, orgYears, orgYearSpread, teamCorrelationFromHistory } from "./historyStats";
import { repYears } from "./repYears";

const d = (s: string | number) => new Decimal(String(s));

/** Quarterly records of one rep and year. */
function quarters(repId: string, year: number, values: (string | number)[], quota?: number): AttainmentRecord[] {
  return values.map((v, index) => ({
    repId,
    period: `${year}-Q${index + 1}`,
    attainment: d(v),
    placed: { year, periodsPerYear: 4, index },
    quota: quota === undefined ? null : d(quota),
  }));
}

describe("AttainmentHistory as rep-years", () => {
  it("groups a rep's quarters into one year whose level is the quota-weighted mean (credit over quota)", () => {
    const records = [
      ...quarters("A", 2025, ["0.5", "1.5", "1", "1"]),
      // Unequal quotas: (100·0.5 + 300·1.5) ÷ 400 = 1.25, credit 500 over quota 400.
      {
        repId: "B",
        period: "2025-Q1",
        attainment: d("0.5"),
        placed: { year: 2025, periodsPerYear: 4, index: 0 },
        quota: d(100),
      },
      {
        repId: "B",
        period: "2025-Q2",
        attainment: d("1.5"),
        placed: { year: 2025, periodsPerYear: 4, index: 1 },
        quota: d(300),
      },
    ] satisfies AttainmentRecord[];
    const years = repYears(records);
    expect(years.map((y) => [y.repId, y.year, y.level.toString(), y.periods.length])).toEqual([
      ["A", 2025, "1", 4],
      ["B", 2025, "1.25", 2],
    ]);
  });

  it("reads 96 quarterly records of 24 reps as 24 rep-years, not 96 years", () => {
    const records = Array.from({ length: 24 }, (_, r) => quarters(`R${r}`, 2025, ["0.8", "1.2", "0.9", "1.1"])).flat();
    const years = repYears(records);
    expect(years).toHaveLength(24);
    expect(years.every((y) => y.level.eq(1))).toBe(true);
  });

  it("counts a record that cannot be placed, or has no RepID, as a year of its own", () => {
    const years = repYears([
      { repId: "A", period: "FY last", attainment: d("0.9"), placed: null },
      { repId: null, period: "2025-Q1", attainment: d("1.2"), placed: { year: 2025, periodsPerYear: 4, index: 0 } },
    ]);
    expect(years.map((y) => [y.level.toString(), y.periods.length])).toEqual([
      ["0.9", 0],
      ["1.2", 0],
    ]);
  });
});

describe("period swing measured from history", () => {
  it("is the root mean square of each period's deviation from its year's level, relative to it", () => {
    // Levels 1 and 0.5; deviations ±0.2 in both (0.4/0.6 around 0.5 are ±20% too): spread 0.2 exactly.
    const swing = historySwing(
      repYears([
        ...quarters("A", 2025, ["0.8", "1.2", "0.8", "1.2"]),
        ...quarters("B", 2025, ["0.4", "0.6", "0.4", "0.6"]),
      ]),
    );
    expect(swing?.spread.toString()).toBe("0.2");
    expect(swing?.periodsPerYear).toBe(4);
    expect(swing?.repYears).toBe(2);
    // Alternating quarters: consecutive swings move against each other.
    expect(swing!.correlation.lt(0)).toBe(true);
  });

  it("finds consecutive periods moving together when they drift through the year", () => {
    const swing = historySwing(
      repYears(["A", "B", "C"].flatMap((r) => quarters(r, 2025, ["0.7", "0.9", "1.1", "1.3"]))),
    );
    expect(swing!.correlation.gt(0.5)).toBe(true);
  });

  it("is null without a rep-year of two or more periods", () => {
    expect(
      historySwing(
        repYears([
          { repId: "A", period: "2025", attainment: d(1), placed: { year: 2025, periodsPerYear: 1, index: 0 } },
        ]),
      ),
    ).toBeNull();
  });
});

describe("the org's year-to-year variation", () => {
  /** Four reps a year around the org's level for that year, ±0.2. */
  const org = (levels: number[]) =>
    levels.flatMap((level, k) =>
      ["A", "B", "C", "D"].flatMap((r, i) =>
        quarters(
          r,
          2023 + k,
          Array(4).fill(
            d(level)
              .plus(i % 2 === 0 ? "0.2" : "-0.2")
              .toString(),
          ),
        ),
      ),
    );

  it("gives each year's org attainment and the spread of its reps", () => {
    const years = orgYears(repYears(org([0.8, 0.9, 1.0])));
    expect(years.map((y) => [y.year, y.attainment.toString(), y.reps])).toEqual([
      [2023, "0.8", 4],
      [2024, "0.9", 4],
      [2025, "1", 4],
    ]);
    // Within-year variance of 1.0, 0.6, 1.0, 0.6 around 0.8: 4 × 0.04 ÷ 3.
    expect(years[0].repVariance.toString()).toBe(d("0.16").div(3).toString());
    expect(orgYearSpread(years)?.toString()).toBe("0.1");
  });

  it("estimates how much members move together from the org's year-to-year spread", () => {
    // Var(org) = 0.01; σ² = 0.16/3; n = 4: ρ = (4·0.01/(0.16/3) − 1)/3 = (0.75 − 1)/3 < 0 → 0.
    expect(teamCorrelationFromHistory(orgYears(repYears(org([0.8, 0.9, 1.0]))))?.toString()).toBe("0");
    // Var(org) = 0.04: ρ = (4·0.04·3/0.16 − 1)/3 = (3 − 1)/3 = 0.6667.
    expect(teamCorrelationFromHistory(orgYears(repYears(org([0.8, 1.0, 1.2]))))?.toString()).toBe("0.6667");
  });

  it("needs three years to estimate a correlation", () => {
    expect(teamCorrelationFromHistory(orgYears(repYears(org([0.8, 1.0]))))).toBeNull();
  });
});
