import type { SheetSpec, SpecCell } from "../../workbook/types";

/**
 * One rep, drilled into from a run's result sheets (the drill-down a manager
 * asks for): their year, each period's statement, each payout line, and the
 * realistic band. Read from the same sheet specs the run wrote, so the pane
 * shows exactly what Results_Summary, _Statements, _Payouts and _Realistic say.
 */
export interface RepLookup {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly plan: string;
  readonly totalEarnings: number | null;
  readonly pctOfOte: number | null;
  readonly statement: readonly {
    readonly period: string;
    readonly earned: number;
    readonly netPaid: number;
    readonly notes: string | null;
  }[];
  readonly lines: readonly {
    readonly period: string;
    readonly measure: string;
    readonly attainment: number | null;
    readonly payout: number | null;
  }[];
  /** The realistic band under the first realistic set (history, when there is one). */
  readonly realistic: {
    readonly scenario: string;
    readonly p10: number;
    readonly p50: number;
    readonly p90: number;
    readonly expectedTotal: number;
    readonly probReachOte: number;
  } | null;
}

const BASELINE = "Baseline";

/** The rows of a result sheet as readers by header. */
function rowsOf(sheets: readonly SheetSpec[], name: string): ((header: string) => SpecCell)[] {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) return [];
  const index = new Map(sheet.columns.map((c, j) => [c.header, j]));
  return sheet.rows.map((row) => (header: string) => {
    const j = index.get(header);
    return j === undefined ? null : (row[j] ?? null);
  });
}

const num = (v: SpecCell): number | null => (typeof v === "number" ? v : null);
const text = (v: SpecCell): string => (v === null ? "" : String(v));

/** Everyone on the baseline run, in Results_Summary's order: "E1101 · Alex Kim". */
export function repChoices(sheets: readonly SheetSpec[]): { id: string; name: string }[] {
  return rowsOf(sheets, "Results_Summary")
    .filter((r) => r("Scenario") === BASELINE)
    .map((r) => ({ id: text(r("RepID")), name: text(r("Name")) }));
}

/** One rep's figures on the baseline run, or null when the run has no such rep. */
export function repLookup(sheets: readonly SheetSpec[], id: string): RepLookup | null {
  const mine = (r: (h: string) => SpecCell) => r("RepID") === id;
  const summary = rowsOf(sheets, "Results_Summary").find((r) => r("Scenario") === BASELINE && mine(r));
  if (!summary) return null;
  const realistic = rowsOf(sheets, "Results_Realistic").find(mine);
  return {
    id,
    name: text(summary("Name")),
    currency: text(summary("Currency")),
    plan: text(summary("Plan")),
    totalEarnings: num(summary("Total earnings")),
    pctOfOte: num(summary("% of OTE")),
    statement: rowsOf(sheets, "Results_Statements")
      .filter((r) => r("Scenario") === BASELINE && mine(r))
      .map((r) => ({
        period: text(r("Period")),
        earned: num(r("Earned")) ?? 0,
        netPaid: num(r("Net paid")) ?? 0,
        notes: r("Notes") === null ? null : text(r("Notes")),
      })),
    lines: rowsOf(sheets, "Results_Payouts")
      .filter((r) => r("Scenario") === BASELINE && mine(r))
      .map((r) => ({
        period: text(r("Period")),
        measure: text(r("Measure")),
        attainment: num(r("Attainment")),
        payout: num(r("Payout")),
      })),
    realistic: realistic
      ? {
          scenario: text(realistic("Scenario")),
          p10: num(realistic("P10")) ?? 0,
          p50: num(realistic("P50")) ?? 0,
          p90: num(realistic("P90")) ?? 0,
          expectedTotal: num(realistic("Expected total")) ?? 0,
          probReachOte: num(realistic("P(reach OTE)")) ?? 0,
        }
      : null,
  };
}
