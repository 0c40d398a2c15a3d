import { minorUnits, type RepResult, type ScenarioResult, type StatementLine } from "../../engine";
import { rowsArray, type ColumnSpec, type SheetSpec, type SpecCell, type StreamedSheet } from "../types";
import { minorNum, num } from "./cells";
import { nestedRows } from "./rows";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Name", format: "text" },
  { header: "Period", format: "text" },
  { header: "Currency", format: "text" },
  { header: "Earned", format: "money" },
  { header: "Over annual cap", format: "money" },
  { header: "Deferred to year end", format: "money" },
  { header: "Adjustments", format: "money" },
  { header: "Draw top-up", format: "money" },
  { header: "Recovered", format: "money" },
  { header: "Draw balance", format: "money" },
  { header: "True-up deferred", format: "money" },
  { header: "Debit recovered", format: "money" },
  { header: "Clawback carried", format: "money" },
  { header: "Held back", format: "money" },
  { header: "Net paid", format: "money" },
  { header: "Notes", format: "text" },
];

/**
 * Results_Statements: the pay statement, one row per scenario × rep × period
 * the rep was paid in. A negative true-up under Clawback is deferred as a
 * debit (TrueUpDeferred) and recovered from later pay (DebitRecovered), so
 * NetPaid is never negative unless the plan says NegativePay; under Hold,
 * HeldBack is what has been paid beyond YTD earned.
 */
export function statementsSheet(scenarios: readonly ScenarioResult[], subtitleText: string): SheetSpec {
  const sheet = statementsStreamed(scenarios, subtitleText);
  return { ...sheet, rows: rowsArray(sheet.rows) };
}

/** Results_Statements with its rows made as they are written (the CLI's streaming writer). */
export function statementsStreamed(scenarios: readonly ScenarioResult[], subtitleText: string): StreamedSheet {
  const repsOf = scenarios.flatMap((s) => s.reps.map((r) => ({ s, r })));
  return {
    name: "Results_Statements",
    title: "Pay statements: what each rep is paid each period",
    subtitle: `${subtitleText} · Net paid = Earned − Over annual cap − Deferred to year end + Draw top-up − Recovered + Adjustments + True-up deferred − Debit recovered`,
    columns: COLUMNS,
    rows: nestedRows(
      repsOf,
      ({ r }) => r.statement,
      () => 1,
      ({ s, r }, st) =>
        st.commissionMinor === undefined
          ? statementRow(s.name, r, st)
          : commissionRow(s.name, r, st, minorNum(st.commissionMinor, minorUnits(r.rep.currency))),
    ),
  };
}

/** A period that is its commission alone: Earned and Net paid, every other amount 0 (made without a Decimal). */
function commissionRow(scenario: string, r: RepResult, st: StatementLine, earned: number): SpecCell[] {
  return [
    scenario,
    r.rep.id,
    r.rep.name,
    st.period.key,
    r.rep.currency,
    earned,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    0,
    earned,
    null,
  ];
}

function statementRow(scenario: string, r: RepResult, st: StatementLine): SpecCell[] {
  return [
    scenario,
    r.rep.id,
    r.rep.name,
    st.period.key,
    r.rep.currency,
    num(st.earned),
    num(st.overCap),
    num(st.deferredToYearEnd),
    num(st.adjustments),
    num(st.drawTopUp),
    num(st.recovered),
    num(st.drawBalance),
    num(st.deferred),
    num(st.debitRecovered),
    num(st.clawbackCarried),
    num(st.held),
    num(st.netPaid),
    st.notes || null,
  ];
}
