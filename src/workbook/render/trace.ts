import {
  minorUnits,
  explainLine,
  moneyText,
  type Decimal,
  type ScenarioResult,
  type StatementLine,
  type TeamMemberCredit,
  type TraceStep,
  type Rep,
} from "../../engine";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num, percentText } from "./cells";

const COLUMNS: readonly ColumnSpec[] = [
  { header: "Scenario", format: "text" },
  { header: "RepID", format: "text" },
  { header: "Period", format: "text" },
  { header: "Measure", format: "text" },
  { header: "Step", format: "text" },
  { header: "Detail", format: "text", width: 60 },
  { header: "From", format: "decimal" },
  { header: "To", format: "decimal" },
  { header: "Credit", format: "money" },
  { header: "Rate", format: "decimal" },
  { header: "Amount", format: "money" },
  { header: "Currency", format: "text" },
];

/** Past this many payout lines the trace would swamp the workbook; it is left out with a note. */
export const TRACE_LINE_LIMIT = 20_000;

export interface TraceOptions {
  /** Trace only these reps (RepIDs), however many lines the run has: `compplan model --trace`, the pane's "Trace this rep". */
  readonly reps?: ReadonlySet<string>;
}

/**
 * Results_Trace: how each rep's pay was built, period by period — each
 * payout line step by step (quota, target incentive and BCR, the team's
 * members and their FX conversion, attainment, bands, caps, true-up), then
 * the period's statement (draw top-up, recovery, adjustments, debits, net
 * paid). Null when there are too many lines to trace and no reps were chosen.
 */
export function traceSheet(
  scenarios: readonly ScenarioResult[],
  subtitleText: string,
  options: TraceOptions = {},
): SheetSpec | null {
  const chosen = options.reps;
  const lineCount = scenarios.reduce((n, s) => n + s.lines.length, 0);
  if (chosen === undefined && lineCount > TRACE_LINE_LIMIT) return null;
  const rows: SpecCell[][] = [];
  for (const s of scenarios) {
    const flat = s.scenario?.assumption?.kind === "Flat" ? s.scenario.assumption.attainment : null;
    for (const r of s.reps) {
      if (chosen !== undefined && !chosen.has(r.rep.id)) continue;
      const digits = minorUnits(r.rep.currency);
      const money = (d: Decimal) => moneyText(d, digits);
      const statementOf = new Map(r.statement.map((st) => [st.period.key, st]));
      const row = (period: string, measure: string | null, t: TraceStep) =>
        rows.push([
          s.name,
          r.rep.id,
          period,
          measure,
          t.step,
          t.detail,
          num(t.from),
          num(t.to),
          num(t.credit),
          num(t.rate),
          num(t.amount),
          r.rep.currency,
        ]);
      const flush = (key: string) => {
        const st = statementOf.get(key);
        if (!st) return;
        statementOf.delete(key);
        row(key, null, statementStep(st, money));
      };
      let current: string | null = null;
      for (const line of r.lines) {
        if (current !== null && current !== line.period.key) flush(current);
        current = line.period.key;
        for (const t of explainLine(line)) {
          if (t.step === "Team" && flat !== null) {
            // Not the members' bookings: everyone at the flat attainment, on the members' quotas.
            row(line.period.key, line.measure, {
              ...t,
              detail: `credit = the team's bookings with everyone at ${percentText(flat)}: ${percentText(flat)} of the quotas of ${r.rep.id}'s reports`,
            });
            continue;
          }
          row(line.period.key, line.measure, t);
          if (t.step !== "Team") continue;
          for (const m of s.teamMembers?.(line) ?? []) row(line.period.key, line.measure, memberStep(m, r.rep, money));
        }
      }
      if (current !== null) flush(current);
      // Periods with a statement but no line (a leaver's late clawback), in period order.
      for (const key of [...statementOf.keys()]) flush(key);
    }
  }
  return {
    name: "Results_Trace",
    title: "Trace: how each rep's pay was built",
    subtitle: chosen === undefined ? subtitleText : `${subtitleText} · traced reps: ${[...chosen].join(", ")}`,
    columns: COLUMNS,
    rows,
  };
}

const EMPTY: Omit<TraceStep, "step" | "detail"> = { from: null, to: null, credit: null, rate: null, amount: null };

/** One report's share of a leader's team credit, converted to the leader's currency. */
function memberStep(m: TeamMemberCredit, leader: Rep, money: (d: Decimal) => string): TraceStep {
  const own = `${m.rep.id} ${m.rep.name}: ${moneyText(m.credit, minorUnits(m.rep.currency))} ${m.rep.currency}`;
  return {
    ...EMPTY,
    step: "Team member",
    detail:
      m.rate === null
        ? own
        : `${own} × ${m.rate.toDecimalPlaces(6).toString()} = ${money(m.inLeaderCurrency)} ${leader.currency}`,
    credit: m.inLeaderCurrency,
    rate: m.rate,
  };
}

/** The period's pay statement in one sentence, each term named as on Results_Statements. */
function statementStep(st: StatementLine, money: (d: Decimal) => string): TraceStep {
  const terms: [string, Decimal, 1 | -1][] = [
    ["over annual cap", st.overCap, -1],
    ["deferred to year end", st.deferredToYearEnd, -1],
    ["draw top-up", st.drawTopUp, 1],
    ["recovered", st.recovered, -1],
    ["adjustments", st.adjustments, 1],
    ["true-up deferred", st.deferred, 1],
    ["debit recovered", st.debitRecovered, -1],
  ];
  let detail = `earned ${money(st.earned)}`;
  for (const [name, value, sign] of terms) {
    if (value.isZero()) continue;
    const signed = value.times(sign);
    detail += ` ${signed.isNeg() ? "−" : "+"} ${name} ${money(signed.abs())}`;
  }
  detail += ` = net paid ${money(st.netPaid)}`;
  const balances: string[] = [];
  if (!st.drawBalance.isZero()) balances.push(`draw balance ${money(st.drawBalance)}`);
  if (!st.clawbackCarried.isZero()) balances.push(`clawback carried ${money(st.clawbackCarried)}`);
  if (!st.held.isZero()) balances.push(`held back ${money(st.held)}`);
  if (balances.length > 0) detail += `; ${balances.join(", ")}`;
  return { ...EMPTY, step: "Statement", detail, amount: st.netPaid };
}
