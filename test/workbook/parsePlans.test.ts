import type { MeasurePlan, Plan } from "../../src/engine/types";
import { parseModelInput } from "../../src/workbook/parse";
import type { Issue, RawTable } from "../../src/workbook/types";
import { table, TODAY } from "./tables";

const parse = (tables: readonly RawTable[]) => parseModelInput(tables, { today: TODAY });
const errors = (issues: readonly Issue[]) => issues.filter((i) => i.severity === "Error");
const reps = (plan = "AE") => table("Reps", ["RepID", "Plan", "Base", "TargetVariable"], [["R1", plan, 100000, 50000]]);
/** Bands as "from-to@rate" text, to compare at a glance. */
const bands = (m: MeasurePlan) =>
  m.tiers.map((t) => `${t.from.toString()}-${t.to?.toString() ?? "∞"}@${t.rate.toString()}`);
const measure = (plan: Plan | undefined, name: string) => plan!.measures.find((m) => m.measure === name)!;

const PLAN_HEADERS = [
  "Plan",
  "Measure",
  "Weight",
  "Period",
  "Threshold",
  "CapAttainment",
  "Cumulative",
  "Draw",
  "Scenario",
];
const plansTable = table("Plans", PLAN_HEADERS, [
  ["AE", "New ARR", "70%", "Quarter", 0.5, null, null, null, null], // row 2
  ["AE", "Renewals", 0.3, null, null, 1.5, null, null, null], // row 3
  ["AE", "New ARR", 0.7, "Monthly", 0.4, null, null, null, "Upside"], // row 4: replaces New ARR in Upside
  ["SE", null, null, "Monthly", null, null, "Yes", "$2,000", null], // row 5: Measure defaults to Bookings, Weight to 100%
]);
const tiersTable = table(
  "Tiers",
  ["Plan", "Measure", "From", "To", "Rate", "Scenario"],
  [
    ["AE", "New ARR", 0, 1, 1, null], // row 2
    ["AE", "new arr", "100%", null, 2, null], // row 3
    ["AE", "Renewals", 0, null, 1, null], // row 4
    ["AE", "New ARR", 0, 1, 0.8, "Lean"], // row 5: Lean replaces every New ARR band
    ["AE", "New ARR", 1, null, "1.5x", "Lean"], // row 6
    ["SE", null, "100%", null, 1.5, null], // row 7: the only measure; out of order on purpose
    ["SE", null, 0, "100%", 1, null], // row 8
  ],
);
const scenariosTable = table(
  "Scenarios",
  ["Scenario", "Attainment", "Distribution", "Mean", "StdDev", "ShareAtQuota", "Description"],
  [
    ["Upside", null, null, null, null, null, "Lower gate"],
    ["Lean", 0.9, null, null, null, null, null],
    ["Spread", null, "normal", "95%", "25%", null, null],
    ["Past", null, "Historical", null, null, null, null],
  ],
);

describe("Plans and Tiers", () => {
  const { input, issues } = parse([reps(), plansTable, tiersTable, scenariosTable]);

  it("builds baseline plans with defaults and sorted bands", () => {
    expect(errors(issues)).toEqual([]);
    const ae = input!.plans.get("AE")!;
    expect(ae).toMatchObject({
      name: "AE",
      period: "Quarter",
      combine: "PerMeasure",
      cumulative: false,
      negativeTrueUp: "Hold",
      draw: null,
      drawType: "Recoverable",
      drawRecovery: "AboveDraw",
      teamScope: "Subtree",
      source: "Plans row 2",
    });
    expect(
      ae.measures.map((m) => [
        m.measure,
        m.weight.toString(),
        m.threshold?.toString() ?? null,
        m.capAttainment?.toString() ?? null,
      ]),
    ).toEqual([
      ["New ARR", "0.7", "0.5", null],
      ["Renewals", "0.3", null, "1.5"],
    ]);
    expect(measure(ae, "New ARR")).toMatchObject({
      basis: "Individual",
      tierMode: "Marginal",
      tierBasis: "Attainment",
      rateType: "Multiplier",
      capPayout: null,
      source: "Plans row 2",
    });
    expect(bands(measure(ae, "New ARR"))).toEqual(["0-1@1", "1-∞@2"]);
    expect(measure(ae, "New ARR").tiers.map((t) => t.source)).toEqual(["Tiers row 2", "Tiers row 3"]);
    expect(bands(measure(ae, "Renewals"))).toEqual(["0-∞@1"]);

    const se = input!.plans.get("SE")!;
    expect(se).toMatchObject({ period: "Month", cumulative: true });
    expect(se.draw!.toString()).toBe("2000");
    expect(se.measures.map((m) => [m.measure, m.weight.toString()])).toEqual([["Bookings", "1"]]);
    expect(bands(se.measures[0])).toEqual(["0-1@1", "1-∞@1.5"]);
  });

  it("replaces a plan × measure row inside a scenario and keeps the rest of the baseline", () => {
    const upside = input!.scenarioPlans.get("Upside")!.get("AE")!;
    // Plan-wide values stated on the scenario's rows win: Upside pays monthly.
    expect(upside).toMatchObject({ period: "Month", source: "Plans row 4" });
    expect(measure(upside, "New ARR").threshold!.toString()).toBe("0.4");
    expect(measure(upside, "New ARR").source).toBe("Plans row 4");
    // No Upside bands: the baseline bands still apply.
    expect(bands(measure(upside, "New ARR"))).toEqual(["0-1@1", "1-∞@2"]);
    expect(measure(upside, "Renewals").source).toBe("Plans row 3");
    expect(input!.scenarioPlans.get("Upside")!.has("SE")).toBe(false);
  });

  it("replaces all bands of a plan × measure when a scenario has any", () => {
    const lean = input!.scenarioPlans.get("Lean")!.get("AE")!;
    expect(lean.period).toBe("Quarter");
    expect(measure(lean, "New ARR").threshold!.toString()).toBe("0.5");
    expect(bands(measure(lean, "New ARR"))).toEqual(["0-1@0.8", "1-∞@1.5"]);
    expect(bands(measure(lean, "Renewals"))).toEqual(["0-∞@1"]);
    // The baseline is untouched.
    expect(bands(measure(input!.plans.get("AE"), "New ARR"))).toEqual(["0-1@1", "1-∞@2"]);
  });

  it("reads each scenario's attainment assumption", () => {
    expect(input!.scenarios.map((s) => [s.name, s.description])).toEqual([
      ["Upside", "Lower gate"],
      ["Lean", ""],
      ["Spread", ""],
      ["Past", ""],
    ]);
    const [upside, lean, spread, past] = input!.scenarios.map((s) => s.assumption);
    expect(upside).toBeNull();
    expect(lean).toEqual({ kind: "Flat", attainment: expect.anything() });
    expect(lean!.kind === "Flat" && lean!.attainment.toString()).toBe("0.9");
    expect(spread!.kind).toBe("Normal");
    if (spread!.kind === "Normal") {
      expect([spread!.mean.toString(), spread!.stdDev!.toString(), spread!.shareAtQuota]).toEqual([
        "0.95",
        "0.25",
        null,
      ]);
    }
    expect(past).toEqual({ kind: "Historical", scope: "Org" });
  });

  it("adds a measure to a plan inside a scenario", () => {
    const wider = table(
      "Plans",
      ["Plan", "Measure", "Weight", "Scenario"],
      [
        ["AE", "New ARR", 1, null],
        ["AE", "New ARR", 0.8, "Wider"],
        ["AE", "Services", 0.2, "Wider"],
      ],
    );
    const r = parse([reps(), wider]);
    expect(errors(r.issues)).toEqual([]);
    expect(r.input!.plans.get("AE")!.measures.map((m) => m.measure)).toEqual(["New ARR"]);
    expect(
      r
        .input!.scenarioPlans.get("Wider")!
        .get("AE")!
        .measures.map((m) => `${m.measure} ${m.weight.toString()}`),
    ).toEqual(["New ARR 0.8", "Services 0.2"]);
    // No Scenarios table: the names used define the scenarios, measured on actuals.
    expect(r.input!.scenarios).toEqual([{ name: "Wider", assumption: null, description: "" }]);
  });

  it("reads band bounds by TierBasis and rates by RateType", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "TierBasis", "RateType", "TierMode"],
      [
        ["AE", "Bookings", "Amount", "Percent", "Retroactive"],
        ["CSM", "Renewals", null, null, "Curve"],
      ],
    );
    const tiers = table(
      "Tiers",
      ["Plan", "From", "To", "Rate"],
      [
        ["AE", "$0", "$500,000", "5%"],
        ["AE", "$500,000", null, 0.08],
        ["CSM", "50%", null, 0],
        ["CSM", "100%", "150%", 1], // To is ignored for a curve point
        ["CSM", 1.5, null, "2x"],
      ],
    );
    const r = parse([reps(), plans, tiers]);
    expect(errors(r.issues)).toEqual([]);
    expect(bands(r.input!.plans.get("AE")!.measures[0])).toEqual(["0-500000@0.05", "500000-∞@0.08"]);
    expect(bands(r.input!.plans.get("CSM")!.measures[0])).toEqual(["0.5-∞@0", "1-∞@1", "1.5-∞@2"]);
    expect(r.issues.filter((i) => i.severity === "Info" && i.table === "Tiers")).toEqual([
      expect.objectContaining({
        address: "Tiers!C5",
        message: "To is not used in Curve mode: each row is a point (From = attainment, Rate = payout multiple)",
      }),
    ]);
  });
});

describe("a Curve measure's RateType", () => {
  it("is a payout multiple whatever RateType says: Percent is warned about on its cell and priced as Multiplier", () => {
    const plans = table("Plans", ["Plan", "Measure", "RateType", "TierMode"], [["AE", "Renewals", "Percent", "Curve"]]);
    const tiers = table(
      "Tiers",
      ["Plan", "From", "Rate"],
      [
        ["AE", 0, 0],
        ["AE", 1, 1],
      ],
    );
    const r = parse([reps(), plans, tiers]);
    expect(errors(r.issues)).toEqual([]);
    expect(r.input!.plans.get("AE")!.measures[0].rateType).toBe("Multiplier");
    expect(r.issues.filter((i) => i.table === "Plans")).toEqual([
      expect.objectContaining({
        severity: "Warning",
        address: "Plans!C2",
        message:
          "RateType Percent does nothing in Curve mode: a curve's Rate is a payout multiple of target incentive, so Renewals pays as Multiplier rates do",
      }),
    ]);
  });
});

describe("a Curve measure's TierBasis", () => {
  it("must be Attainment: a curve on credited amounts is refused on its cell, not paid a factor of quota off", () => {
    const plans = table("Plans", ["Plan", "Measure", "TierBasis", "TierMode"], [["AE", "Bookings", "Amount", "Curve"]]);
    const tiers = table(
      "Tiers",
      ["Plan", "From", "Rate"],
      [
        ["AE", 0, 0],
        ["AE", 1000, 1],
      ],
    );
    const r = parse([reps(), plans, tiers]);
    expect(r.input).toBeNull();
    expect(errors(r.issues).filter((i) => i.table === "Plans")).toEqual([
      expect.objectContaining({
        address: "Plans!C2",
        message:
          "TierBasis Amount cannot be used in Curve mode: a curve's points are attainments with a payout multiple of target incentive; use TierBasis Attainment, or Marginal or Retroactive tiers to pay by credited amount",
      }),
    ]);
  });
});

describe("Plans and Tiers errors", () => {
  it("reports every bad cell at once, in table then row order", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Weight", "Period", "Threshold", "Scenario"],
      [
        ["AE", "New ARR", 70, "Quarter", null, null], // row 2: 70 looks like 70%
        ["AE", "Renewals", null, "Month", "400%", null], // row 3: Weight missing, Period disagrees, Threshold too high
        ["AE", "New ARR", 0.5, null, null, null], // row 4: New ARR twice
        ["AE", "New ARR", 0.5, null, null, "Dream"], // row 5: unknown scenario
        ["SE", "Bookings", null, "Weekly", null, null], // row 6: bad Period
      ],
    );
    const tiers = table(
      "Tiers",
      ["Plan", "Measure", "From", "To", "Rate"],
      [
        ["AE", null, 0, 1, 1], // row 2: which measure?
        ["AE", "New ARR", 1.5, 1, 1], // row 3: From ≥ To
        ["XX", null, 0, null, 1], // row 4: unknown plan
        ["AE", "Upsell", 0, null, 1], // row 5: unknown measure
      ],
    );
    const scenarios = table("Scenarios", ["Scenario"], [["Base case"]]);
    const { input, issues } = parse([reps(), plans, tiers, scenarios]);
    expect(input).toBeNull();
    expect(errors(issues).map((e) => `${e.address} ${e.message}`)).toEqual([
      "Plans!C2 Weight 70 looks like 70%; write 70% or 0.7",
      "Plans!C3 Weight is required: plan AE has 2 measures (New ARR, Renewals), so say each one's share of target incentive",
      "Plans!D3 Plan AE has different Period on rows 2 and 3 (Quarter, Month); a plan has one Period: write it once or the same on every row",
      "Plans!E3 Threshold 400% is above 300%; write a threshold like 50%",
      "Plans!B4 Plan AE has measure New ARR twice (rows 2 and 4); a plan has one row per measure",
      'Plans!F5 Scenario "Dream" is not in the Scenarios table (scenarios: Base case)',
      'Plans!D6 Period "Weekly" is not one of Month, Quarter, Year',
      "Tiers!B2 Plan AE has several measures (New ARR, Renewals): say in Measure which one this band is for",
      "Tiers!D3 From 150% must be below To 100%",
      'Tiers!A4 Plan "XX" is not in Plans (plans: AE, SE)',
      'Tiers!B5 Plan AE has no measure "Upsell" (its measures: New ARR, Renewals)',
    ]);
  });

  it("ties a blank Measure to the first measure of a WeightedAttainment plan", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Weight", "Combine"],
      [
        ["AE", "New ARR", 0.6, "Weighted Attainment"],
        ["AE", "Renewals", 0.4, null],
      ],
    );
    const tiers = table("Tiers", ["Plan", "From", "Rate"], [["AE", 0, 1]]);
    const { input, issues } = parse([reps(), plans, tiers]);
    expect(errors(issues)).toEqual([]);
    expect(input!.plans.get("AE")!.combine).toBe("WeightedAttainment");
    expect(input!.plans.get("AE")!.measures.map((m) => m.tiers.length)).toEqual([1, 0]);
  });

  it("needs a Plan column and says which headers it accepts", () => {
    const plans = table("Plans", ["Name", "Measure"], [["AE", "Bookings"]]);
    const errs = errors(parse([reps(), plans]).issues);
    expect(errs[0]).toMatchObject({
      table: "Plans",
      row: null,
      message: "Plans has no Plan column; add one (accepted headers: Plan, Plan Name, Comp Plan)",
    });
  });

  it("refuses two columns that mean the same thing", () => {
    const plans = table("Plans", ["Plan", "Weight", "Weighting"], [["AE", 1, 1]]);
    expect(errors(parse([reps(), plans]).issues)).toEqual([
      expect.objectContaining({
        row: 1,
        address: "Plans!C1",
        message: 'Columns "Weight" and "Weighting" both mean Weight; keep one of them',
      }),
    ]);
  });

  it("checks scenario assumptions", () => {
    const scenarios = table(
      "Scenarios",
      ["Scenario", "Attainment", "Distribution", "Mean", "StdDev", "ShareAtQuota"],
      [
        ["A", null, "LogNormal", 0.9, null, null], // row 2: no spread
        ["B", null, "Normal", 0.9, 0.2, 0.4], // row 3: both spreads
        ["C", 0.9, "Normal", 0.9, 0.2, null], // row 4: flat and a distribution
        ["A", 0.9, null, null, null, null], // row 5: duplicate
        ["D", null, "Normal", null, null, null], // row 6: neither Mean nor a spread
        ["E", null, "Normal", null, 0.2, null], // row 7: no Mean
      ],
    );
    const errs = errors(parse([reps(), table("Plans", ["Plan"], [["AE"]]), scenarios]).issues);
    expect(errs.map((e) => `${e.address ?? `row ${e.row}`} ${e.message}`)).toEqual([
      "row 2 A LogNormal distribution needs StdDev (e.g. 25%) or ShareAtQuota (e.g. 55%)",
      "Scenarios!F3 Give StdDev or ShareAtQuota, not both: either one fixes the spread of a Normal distribution",
      "Scenarios!B4 Give a flat Attainment or a Distribution, not both",
      "Scenarios!A5 Scenario A is listed twice (rows 2 and 5); keep one",
      // One message for the row, on its Mean cell, not one for Mean and another for the spread.
      "Scenarios!D6 A Normal distribution needs Mean (e.g. 95%) and StdDev (e.g. 25%) or ShareAtQuota (e.g. 55%)",
      "Scenarios!D7 A Normal distribution needs Mean (e.g. 95%)",
    ]);
  });
});

describe("a measure's Kicker columns", () => {
  it("read the rate as the measure's Tiers Rate, the trigger as its From, and Marginal unless told", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Weight", "TierBasis", "RateType", "Kicker", "Kicker Trigger", "Kicker Mode"],
      [
        ["AE", "New ARR", 0.5, null, null, "0.5x", "120%", null], // row 2
        ["AE", "Services", 0.5, "Amount", "Percent", "2%", 100000, "All"], // row 3
      ],
    );
    const r = parse([reps(), plans]);
    expect(errors(r.issues)).toEqual([]);
    const ae = r.input!.plans.get("AE");
    const show = (m: MeasurePlan) => {
      const k = m.kicker!;
      return `${k.rate.toString()} from ${k.from.toString()} ${k.mode}`;
    };
    expect(show(measure(ae, "New ARR"))).toBe("0.5 from 1.2 Marginal");
    expect(show(measure(ae, "Services"))).toBe("0.02 from 100000 Retroactive");
  });

  it("read a flat KickerAmount with or without a rate, and need its trigger", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Weight", "KickerFrom", "Kicker Amount"],
      [
        ["AE", "A", 0.5, "120%", "$5,000"], // row 2
        ["AE", "B", 0.5, null, 5000], // row 3
      ],
    );
    const r = parse([reps(), plans]);
    expect(errors(r.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      "Plans!D3 Kicker Amount needs a KickerFrom trigger: where the kicker starts",
    ]);
    const ok = parse([reps(), table("Plans", ["Plan", "KickerFrom", "KickerAmount"], [["AE", "120%", 5000]])]);
    const k = ok.input!.plans.get("AE")!.measures[0].kicker!;
    expect([k.rate.toString(), k.from.toString(), k.amount!.toString()]).toEqual(["0", "1.2", "5000"]);
  });

  it("name the cell when a rate has no trigger, a trigger no rate, or a rate is negative", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Weight", "Kicker", "KickerFrom"],
      [
        ["AE", "A", 0.25, 0.5, null], // row 2
        ["AE", "B", 0.25, null, "120%"], // row 3
        ["AE", "C", 0.25, -0.5, "120%"], // row 4
        ["AE", "D", 0.25, null, null], // row 5: no kicker
      ],
    );
    const r = parse([reps(), plans]);
    expect(r.input).toBeNull();
    expect(errors(r.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      "Plans!E2 Kicker needs a KickerFrom trigger: where the extra rate starts",
      "Plans!D3 KickerFrom needs a Kicker rate: the extra rate paid from the trigger up",
      "Plans!D4 Kicker can't be negative: a kicker adds pay (for less above a level, use a lower band in Tiers)",
    ]);
  });
});

describe("a Score (MBO) measure", () => {
  it("reads Basis MBO as Score, takes its attainment from Scores, and refuses money terms and Actuals rows", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Weight", "Basis", "TierBasis", "RateType"],
      [
        ["AE", "New ARR", 0.6, null, null, null], // row 2
        ["AE", "MBO", 0.2, "MBO", null, null], // row 3
        ["AE", "Goals", 0.1, "Score", "Amount", null], // row 4
        ["AE", "Quality", 0.1, "Scored", null, "Percent"], // row 5
      ],
    );
    const actuals = table("Actuals", ["RepID", "Period", "Measure", "Amount"], [["R1", "2026-Q1", "MBO", 5]]);
    const r = parse([reps(), plans, actuals]);
    expect(errors(r.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      "Plans!E4 TierBasis Amount cannot be used on a Score (MBO) measure: its attainment is the score in Scores; use TierBasis Attainment",
      "Plans!F5 RateType Percent cannot be used on a Score (MBO) measure: there is no credited amount to pay a percent of; use Multiplier rates (multiples of target incentive per 100% of score)",
      "Actuals!C2 MBO is a Score (MBO) measure: its attainment is entered in the Scores table, not as an amount in Actuals",
    ]);
    const ok = parse([
      reps(),
      table("Plans", ["Plan", "Measure", "Weight", "Basis"], [["AE", "MBO", 1, "MBO"]]),
      table("Scores", ["RepID", "Period", "Measure", "Score"], [["R1", "2026-Q1", "MBO", 0.85]]),
    ]);
    expect(errors(ok.issues)).toEqual([]);
    expect(measure(ok.input!.plans.get("AE"), "MBO").basis).toBe("Score");
    expect(ok.input!.scores!.map((s) => [s.repId, s.measure, s.start, s.end, s.amount.toString()])).toEqual([
      ["R1", "MBO", "2026-01-01", "2026-03-31", "0.85"],
    ]);
  });
});

describe("the Modifiers table (a linked measure's multiplier)", () => {
  const plans2 = table(
    "Plans",
    ["Plan", "Measure", "Weight", "Scenario"],
    [
      ["AE", "New ARR", 0.7, null],
      ["AE", "Renewals", 0.3, null],
    ],
  );
  const steps = (m: MeasurePlan) =>
    `${m.modifier!.linkedMeasure} ${m.modifier!.measured}: ` +
    m.modifier!.steps.map((s) => `${s.from.toString()}→${s.factor.toString()}`).join(" ");

  it("reads a measure's steps, sorted, and a scenario's rows replace the baseline's", () => {
    const modifiers = table(
      "Modifiers",
      ["Plan", "Measure", "Linked Measure", "From", "Multiplier", "Measured", "Scenario"],
      [
        ["AE", "New ARR", "renewals", "110%", "1.1x", null, null],
        ["AE", "New ARR", "Renewals", 0, 0.8, null, null],
        ["AE", "New ARR", "Renewals", "90%", 1, null, null],
        ["AE", "New ARR", "Renewals", 0, 0, "YTD", "Strict"],
        ["AE", "New ARR", "Renewals", "80%", 1, "YTD", "Strict"],
      ],
    );
    const r = parse([reps(), plans2, modifiers]);
    expect(errors(r.issues)).toEqual([]);
    expect(steps(measure(r.input!.plans.get("AE"), "New ARR"))).toBe("Renewals Period: 0→0.8 0.9→1 1.1→1.1");
    expect(measure(r.input!.plans.get("AE"), "Renewals").modifier).toBeUndefined();
    expect(steps(measure(r.input!.scenarioPlans.get("Strict")!.get("AE"), "New ARR"))).toBe("Renewals YTD: 0→0 0.8→1");
  });

  it("names the cell of a link to itself, to a measure the plan lacks, and of a From given twice", () => {
    const modifiers = table(
      "Modifiers",
      ["Plan", "Measure", "LinkedMeasure", "From", "Multiplier"],
      [
        ["AE", "New ARR", "New ARR", 0, 0.8], // row 2
        ["AE", "Renewals", "Services", 0, 0.8], // row 3
        ["AE", "Renewals", "Services", 0, 1], // row 4
      ],
    );
    const r = parse([reps(), plans2, modifiers]);
    expect(errors(r.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      "Modifiers!C2 New ARR cannot be modified by its own attainment: its tiers already pay on it; link another measure of the plan",
      'Modifiers!C3 The plan has no measure "Services" to link to (its measures: New ARR, Renewals)',
      'Modifiers!C4 The plan has no measure "Services" to link to (its measures: New ARR, Renewals)',
      "Modifiers!D4 Renewals has two modifier rows from 0%: keep one",
    ]);
  });

  it("calls a typo in one row a measure the plan lacks, and a row linking to itself such, not a second link", () => {
    const modifiers = table(
      "Modifiers",
      ["Plan", "Measure", "LinkedMeasure", "From", "Multiplier"],
      [
        ["AE", "New ARR", "Renewals", 0, 0.8], // row 2
        ["AE", "New ARR", "Renewal", 0.9, 1], // row 3: a typo
        ["AE", "New ARR", "New ARR", 1.1, 1.1], // row 4: itself
      ],
    );
    const r = parse([reps(), plans2, modifiers]);
    expect(errors(r.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      'Modifiers!C3 The plan has no measure "Renewal" to link to (its measures: New ARR, Renewals)',
      "Modifiers!C4 New ARR cannot be modified by its own attainment: its tiers already pay on it; link another measure of the plan",
    ]);
  });
});

describe("a plan's draw terms", () => {
  it("reads DrawMonths, DrawUntil and DrawOnExit as plan-wide values, and names a bad cell", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Draw", "Draw Duration", "Draw Until", "Draw At Termination"],
      [
        ["AE", "Bookings", 3000, 6, null, "Forgive"],
        ["SE", "Bookings", 3000, null, "2026-06-30", null],
      ],
    );
    const r = parse([reps(), plans]);
    expect(errors(r.issues)).toEqual([]);
    const ae = r.input!.plans.get("AE")!;
    const se = r.input!.plans.get("SE")!;
    expect([ae.drawMonths, ae.drawUntil, ae.drawOnExit]).toEqual([6, null, "Forgiven"]);
    expect([se.drawMonths, se.drawUntil, se.drawOnExit]).toEqual([null, "2026-06-30", "Owed"]);
    const bad = parse([reps(), table("Plans", ["Plan", "Draw", "DrawMonths"], [["AE", 3000, 200]])]);
    expect(errors(bad.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      "Plans!C2 DrawMonths 200 is not a number of months from 1 to 120 (0 or blank: all year)",
    ]);
  });
});

describe("a plan's annual cap", () => {
  it("reads AnnualCap as a multiple and AnnualCapAmount as money, plan-wide, and names a negative cell", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Annual Cap", "AnnualCapAmount"],
      [["AE", "Bookings", "200%", "$150,000"]],
    );
    const r = parse([reps(), plans]);
    expect(errors(r.issues)).toEqual([]);
    const ae = r.input!.plans.get("AE")!;
    expect([ae.annualCap?.toString(), ae.annualCapAmount?.toString()]).toEqual(["2", "150000"]);
    const bad = parse([reps(), table("Plans", ["Plan", "AnnualCap"], [["AE", -1]])]);
    expect(errors(bad.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      "Plans!B2 AnnualCap can't be negative (0: no cap)",
    ]);
  });
});

describe("a plan's advances and annual gate", () => {
  it("reads AdvancePct, AnnualGate and AnnualGateBasis plan-wide, and names a bad cell", () => {
    const plans = table(
      "Plans",
      ["Plan", "Measure", "Advance %", "Annual Gate", "Gate Basis"],
      [["AE", "Bookings", "80%", "90%", "Prorated"]],
    );
    const r = parse([reps(), plans]);
    expect(errors(r.issues)).toEqual([]);
    const ae = r.input!.plans.get("AE")!;
    expect([ae.advancePct?.toString(), ae.annualGate?.toString(), ae.annualGateBasis]).toEqual([
      "0.8",
      "0.9",
      "ProratedYTD",
    ]);
    const bad = parse([reps(), table("Plans", ["Plan", "AdvancePct"], [["AE", "120%"]])]);
    expect(errors(bad.issues).map((i) => `${i.address} ${i.message}`)).toEqual([
      "Plans!B2 AdvancePct must be more than 0% and at most 100% (the share of each period's earnings paid as it is earned)",
    ]);
  });
});
