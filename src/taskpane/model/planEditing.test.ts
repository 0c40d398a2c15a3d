import { Decimal, type MeasurePlan } from "../../engine";
import type { RawTable } from "../../workbook/types";
import { numberLocaleOf, setEntryLocale } from "./numberEntry";
import {
  addedBand,
  bandChecks,
  bandLines,
  curvePoints,
  draftsOf,
  isEdited,
  measureTermsText,
  planTermsText,
  parseBands,
  readBaselinePlans,
  saveTiersPlan,
} from "./planEditing";
import { table } from "../../../test/workbook/tables";

// AE: New ARR 70% gated at 40%, payout capped at 3×; Renewals 30%. One scenario row that the editor must leave alone.
const plans = table(
  "Plans",
  ["Plan", "Measure", "Weight", "Period", "TierMode", "Threshold", "CapPayout"],
  [
    ["AE", "New ARR", 0.7, "Quarter", "Marginal", 0.4, 3],
    ["AE", "Renewals", 0.3, "Quarter", "Marginal", null, null],
  ],
);
const tierRows: RawTable["rows"] = [
  ["AE", "New ARR", 0, 0.5, 0.5, null],
  ["AE", "New ARR", 0.5, 1, 1.5, null],
  ["AE", "New ARR", 1, 1.5, 2, null],
  ["AE", "New ARR", 1.5, null, 2.5, null],
  ["AE", "Renewals", 0, null, 1, null],
  ["AE", "New ARR", 0, null, 9, "Rich"],
];
const tables = [plans, table("Tiers", ["Plan", "Measure", "From", "To", "Rate", "Scenario"], tierRows)];

const ae = () => readBaselinePlans(tables).find((p) => p.name === "AE")!;
const newArr = () => ae().measures.find((m) => m.measure === "New ARR")!;

describe("plan editing", () => {
  it("shows attainment bands as percents and rates as multiples", () => {
    expect(draftsOf(newArr())).toEqual([
      { from: "0", to: "50", rate: "0.5" },
      { from: "50", to: "100", rate: "1.5" },
      { from: "100", to: "150", rate: "2" },
      { from: "150", to: "", rate: "2.5" },
    ]);
  });

  it("reads 150% in a multiple's field as 1.5×, as the workbook does, never 150×", () => {
    const bands = (rate: string) =>
      parseBands(
        [
          { from: "0", to: "100", rate: "1" },
          { from: "100", to: "", rate },
        ],
        newArr(),
      ).tiers!.map((t) => t.rate.toString());
    expect(bands("150%")).toEqual(["1", "1.5"]);
    expect(bands("1.5×")).toEqual(["1", "1.5"]);
    expect(bands("1.5")).toEqual(["1", "1.5"]);
  });

  it("refuses a negative rate before saving, as the workbook would", () => {
    const parsed = parseBands(
      [
        { from: "0", to: "100", rate: "1" },
        { from: "100", to: "", rate: "-1.5" },
      ],
      newArr(),
    );
    expect(parsed.tiers).toBeNull();
    expect(parsed.problems).toEqual(["Band 2: Rate cannot be negative; use 0 to pay nothing there"]);
    expect([...parsed.invalid]).toEqual(["1.rate"]);
  });

  it("adds a band after the last in the user's own writing, even when its From has a % or a decimal comma", () => {
    const open = (from: string) => [
      { from: "0", to: from, rate: "1" },
      { from, to: "", rate: "2" },
    ];
    // The last band has no limit: it ends 50 points above its From, where the new band starts.
    expect(addedBand(open("160%"), numberLocaleOf("en-US")).slice(1)).toEqual([
      { from: "160%", to: "210", rate: "2" },
      { from: "210", to: "", rate: "2" },
    ]);
    expect(addedBand(open("162,5"), numberLocaleOf("de-DE")).slice(1)).toEqual([
      { from: "162,5", to: "212,5", rate: "2" },
      { from: "212,5", to: "", rate: "2" },
    ]);
    // A From that is not a number yet: the new band's From is left for the user, never NaN.
    expect(addedBand(open("abc"), numberLocaleOf("en-US"))[2]).toEqual({ from: "", to: "", rate: "2" });
    expect(addedBand([], numberLocaleOf("en-US"))).toEqual([{ from: "0", to: "", rate: "1" }]);
  });

  it("parses drafts back to fractions and reports bad bands", () => {
    const ok = parseBands(
      [
        { from: "0", to: "80", rate: "1" },
        { from: "80%", to: "", rate: "2×" },
      ],
      newArr(),
    );
    expect(ok.problems).toEqual([]);
    expect(ok.tiers!.map((t) => [t.from.toString(), t.to?.toString() ?? null, t.rate.toString()])).toEqual([
      ["0", "0.8", "1"],
      ["0.8", null, "2"],
    ]);
    const bad = parseBands(
      [
        { from: "0", to: "", rate: "1" },
        { from: "50", to: "40", rate: "2" },
      ],
      newArr(),
    );
    expect(bad.tiers).toBeNull();
    expect(bad.problems).toEqual([
      "Band 2: To must be above From",
      "Band 1: only the last band can have no upper limit",
    ]);
    expect(parseBands([{ from: "0", to: "", rate: "x" }], newArr()).problems).toEqual([
      "Band 1: Rate must be a number",
    ]);
    expect(parseBands([], newArr()).problems).toEqual(["Add at least one band"]);
  });

  it("marks the cells at fault, so the pane can highlight them", () => {
    const bad = parseBands(
      [
        { from: "0", to: "", rate: "1" },
        { from: "50", to: "40", rate: "x" },
        { from: "-5", to: "60", rate: "2" },
      ],
      newArr(),
    );
    expect([...bad.invalid].sort()).toEqual(["1.rate", "2.from"]);
    const overlap = parseBands(
      [
        { from: "0", to: "100", rate: "1" },
        { from: "80", to: "", rate: "2" },
      ],
      newArr(),
    );
    expect(overlap.problems).toEqual(["Band 2: overlaps band 1"]);
    expect([...overlap.invalid]).toEqual(["1.from"]);
  });

  it("gives the engine's own warnings while editing: a gap after 100% says what it pays there", () => {
    const edited = parseBands(
      [
        { from: "0", to: "100", rate: "1" },
        { from: "120", to: "", rate: "2" },
      ],
      newArr(),
    );
    expect(edited.problems).toEqual([]);
    expect(bandChecks(ae(), newArr(), edited.tiers!)).toEqual([
      // Marginal: 50% × 0.5 + 50% × 1.5 = 1× reached at 100%, flat until 120% (the 3× cap and 40% gate are elsewhere).
      "Gap between 100% and 120%: no band's rate applies there, so attainment in it pays 1× target incentive throughout.",
    ]);
    // The saved bands have nothing to say.
    expect(bandChecks(ae(), newArr(), newArr().tiers)).toEqual([]);
  });

  it("lists bands for the confirmation, and knows when the drafts differ from the workbook", () => {
    expect(bandLines(newArr(), newArr().tiers)).toEqual([
      "0%–50%: 0.5×",
      "50%–100%: 1.5×",
      "100%–150%: 2×",
      "150%–no limit: 2.5×",
    ]);
    const drafts = draftsOf(newArr());
    expect(isEdited(drafts, draftsOf(newArr()))).toBe(false);
    expect(isEdited([...drafts.slice(0, 3), { ...drafts[3], rate: "3" }], draftsOf(newArr()))).toBe(true);
    expect(isEdited(drafts.slice(0, 3), draftsOf(newArr()))).toBe(true);
  });

  it("reads a band rate of 1,5 as 1.5× in de-DE, and refuses it in en-US instead of reading 15×", () => {
    const bands = [
      { from: "0", to: "100", rate: "1" },
      { from: "100", to: "", rate: "1,5" },
    ];
    const de = parseBands(bands, newArr(), numberLocaleOf("de-DE"));
    expect(de.problems).toEqual([]);
    expect(de.tiers!.map((t) => t.rate.toString())).toEqual(["1", "1.5"]);
    const us = parseBands(bands, newArr(), numberLocaleOf("en-US"));
    expect(us.tiers).toBeNull();
    expect(us.problems).toEqual([
      'Band 2: Rate must be a number: "1,5" is not a number in your format (en-US: a dot for decimals). Type it like 1.5 or 1,500.',
    ]);
    // What the editor shows is typed back the same way: 1.5 appears as "1,5" in de-DE.
    expect(draftsOf({ ...newArr(), tiers: de.tiers! }, numberLocaleOf("de-DE")).map((b) => b.rate)).toEqual([
      "1",
      "1,5",
    ]);
  });

  it("draws the engine's curve: gate at 40%, 1.0× at 100%, capped at 3×", () => {
    const pts = curvePoints(newArr(), newArr().tiers);
    const at = (a: number) => pts.filter((p) => Math.abs(p.attainment - a) < 1e-12).map((p) => p.multiple);
    // Below the 40% gate nothing pays; at 40%: 0.5 × 0.4 = 0.2.
    expect(at(0.39)).toEqual([0]);
    expect(at(0.4)).toEqual([0.2]);
    // 100%: 0.5 × 0.5 + 1.5 × 0.5 = 1.0; 150%: 1.0 + 2 × 0.5 = 2.0; 200%: 2.0 + 2.5 × 0.5 = 3.25, capped at 3.
    expect(at(1)).toEqual([1]);
    expect(at(1.5)).toEqual([2]);
    expect(at(2)).toEqual([3]);
    // Both sides of the gate are sampled, so the jump draws as a vertical step.
    expect(pts.some((p) => p.attainment < 0.4 && p.attainment > 0.3999 && p.multiple === 0)).toBe(true);
  });

  it("leaves a flat kicker amount out of the drawn curve (its multiple depends on each rep's target)", () => {
    const kicker = { rate: new Decimal("0.5"), from: new Decimal("1.2"), mode: "Marginal" as const };
    const withAmount = curvePoints({ ...newArr(), kicker: { ...kicker, amount: new Decimal(2000) } }, newArr().tiers);
    const rateOnly = curvePoints({ ...newArr(), kicker }, newArr().tiers);
    expect(withAmount).toEqual(rateOnly);
    // 150%: 2.0 from the tiers + 0.5 × 0.3 from the kicker's rate = 2.15, not 2.15 + 10 × 2,000.
    expect(withAmount.find((p) => Math.abs(p.attainment - 1.5) < 1e-12)?.multiple).toBeCloseTo(2.15, 12);
  });

  it("saves only this plan × measure's baseline rows, with the table's own headers", () => {
    const plan = ae();
    const tiers = parseBands(
      [
        { from: "0", to: "100", rate: "1" },
        { from: "100", to: "", rate: "1.8" },
      ],
      newArr(),
    ).tiers!;
    const save = saveTiersPlan(tables, plan, newArr(), tiers);
    expect(save).toEqual({
      patch: {
        table: "Tiers",
        match: { Plan: "AE", Measure: "New ARR", Scenario: "" },
        columns: ["From", "To", "Rate"],
        rows: [
          [0, 1, 1],
          [1, null, 1.8],
        ],
        // The four rows as read: written only if the workbook still holds them (not edited in Excel meanwhile).
        expected: [
          [0, 0.5, 0.5],
          [0.5, 1, 1.5],
          [1, 1.5, 2],
          [1.5, null, 2.5],
        ],
      },
      replacing: 4, // the "Rich" scenario row is not among them
    });
    // A table that says "Multiplier" for Rate and has no Scenario column: its own headers are used.
    const aliased = [
      plans,
      table(
        "Tiers",
        ["Plan", "Measure", "From", "To", "Multiplier"],
        tierRows.slice(0, 5).map((r) => r.slice(0, 5)),
      ),
    ];
    expect(saveTiersPlan(aliased, plan, newArr(), tiers)).toMatchObject({
      patch: { match: { Plan: "AE", Measure: "New ARR" }, columns: ["From", "To", "Multiplier"] },
    });
    const sheetTiers = tables.map((t) => (t.name === "Tiers" ? { ...t, source: "sheet" as const } : t));
    expect(saveTiersPlan(sheetTiers, plan, newArr(), tiers)).toEqual({
      reason: expect.stringContaining("plain sheet"),
    });
    // A measure paid by a payout matrix has no bands to save: Tiers rows beside its matrix are an error.
    const matrix = {
      linkedMeasure: "Renewals",
      measured: "Period" as const,
      mode: "Stepped" as const,
      cells: [{ attainment: new Decimal(1), linked: new Decimal(1), multiple: new Decimal(1) }],
    };
    expect(saveTiersPlan(tables, plan, { ...newArr(), matrix }, tiers)).toEqual({
      reason: "New ARR is paid by its PayoutMatrix, not by Tiers bands: edit the PayoutMatrix table to change it.",
    });
  });
});

describe("measureTermsText", () => {
  it("says a measure's terms in one line, kicker included", () => {
    const m = (over: Partial<MeasurePlan>): MeasurePlan => ({
      measure: "New ARR",
      weight: new Decimal(1),
      basis: "Individual",
      tierMode: "Marginal",
      tierBasis: "Attainment",
      rateType: "Multiplier",
      threshold: null,
      capAttainment: null,
      capPayout: null,
      tiers: [],
      ...over,
    });
    expect(
      measureTermsText(
        m({
          threshold: new Decimal(0.4),
          capPayout: new Decimal(3),
          kicker: { rate: new Decimal(0.5), from: new Decimal(1.2), mode: "Marginal" },
        }),
      ),
    ).toBe("Marginal tiers on attainment · gate 40% · payout cap 3× · kicker +0.5 from 120% (marginal)");
    expect(
      measureTermsText(
        m({
          tierBasis: "Amount",
          rateType: "Percent",
          threshold: new Decimal(0.5),
          kicker: { rate: new Decimal(0.02), from: new Decimal(100000), mode: "Retroactive" },
        }),
      ),
    ).toBe("Marginal tiers on amount · gate 50% · kicker +0.02 from 100000 (retroactive)");
    expect(
      measureTermsText(
        m({ kicker: { rate: new Decimal(0), from: new Decimal(1.1), mode: "Marginal", amount: new Decimal(2000) } }),
      ),
    ).toBe("Marginal tiers on attainment · kicker +0 + 2000 flat a period from 110% (marginal)");
    const modifier = {
      linkedMeasure: "Renewals",
      measured: "Period" as const,
      steps: [
        { from: new Decimal(0), factor: new Decimal(0.8) },
        { from: new Decimal(0.9), factor: new Decimal(1) },
      ],
    };
    expect(measureTermsText(m({ modifier }))).toBe(
      "Marginal tiers on attainment · × Renewals modifier (0%: ×0.8, 90%: ×1)",
    );
    const cell = (a: number, l: number, x: number) => ({
      attainment: new Decimal(a),
      linked: new Decimal(l),
      multiple: new Decimal(x),
    });
    const matrix = {
      linkedMeasure: "Renewals",
      measured: "YTD" as const,
      mode: "Interpolated" as const,
      cells: [cell(0.5, 0.8, 0.25), cell(0.5, 1.2, 0.6), cell(1, 0.8, 0.6), cell(1, 1.2, 1.2), cell(1.5, 1.2, 2)],
    };
    expect(measureTermsText(m({ matrix, capPayout: new Decimal(2) }))).toBe(
      "Interpolated matrix × Renewals (year to date): 3 × 2 cells, 0.25× to 2× · payout cap 2×",
    );
    expect(measureTermsText(m({ basis: "Score", capAttainment: new Decimal(1.5) }))).toBe(
      "Marginal tiers on the score (MBO) · attainment cap 150%",
    );
  });
});

describe("planTermsText", () => {
  it("says a plan's plan-wide terms in one line, and nothing for a plan without them", () => {
    const base = ae();
    expect(planTermsText(base)).toBe("");
    expect(
      planTermsText({
        ...base,
        annualCap: new Decimal(2.5),
        advancePct: new Decimal(0.8),
        annualGate: new Decimal(0.5),
        annualGateBasis: "FullYear",
        draw: new Decimal(8000),
        drawType: "Recoverable",
        drawMonths: 6,
        drawOnExit: "Forgiven",
      }),
    ).toBe(
      "annual cap 2.5× target variable · 80% advanced, the rest at year end · annual gate 50% (full year) · recoverable draw 8000 for 6 months, forgiven at exit",
    );
  });

  it("writes the terms' numbers as the bands are typed in the pane's locale: 2,5× and 112,5% in de-DE", () => {
    setEntryLocale("de-DE");
    try {
      expect(planTermsText({ ...ae(), annualCap: new Decimal(2.5), annualGate: new Decimal(1.125) })).toBe(
        "annual cap 2,5× target variable · annual gate 112,5% (full year)",
      );
      expect(measureTermsText({ ...newArr(), capPayout: new Decimal(2.5) })).toBe(
        "Marginal tiers on attainment · gate 40% · payout cap 2,5×",
      );
    } finally {
      setEntryLocale("en-US");
    }
  });
});
