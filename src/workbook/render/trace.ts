import type { ScenarioResult } from "../../engine/model";
import { explainLine } from "../../engine/trace";
import type { ColumnSpec, SheetSpec, SpecCell } from "../types";
import { num } from "./cells";

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
];

/** Past this many payout lines the trace would swamp the workbook; it is left out with a note. */
export const TRACE_LINE_LIMIT = 20_000;

/** Results_Trace: how each payout line was built. Null when there are too many lines to trace. */
export function traceSheet(scenarios: readonly ScenarioResult[], subtitleText: string): SheetSpec | null {
  const lineCount = scenarios.reduce((n, s) => n + s.lines.length, 0);
  if (lineCount > TRACE_LINE_LIMIT) return null;
  const rows: SpecCell[][] = [];
  for (const s of scenarios) {
    for (const line of s.lines) {
      for (const t of explainLine(line)) {
        rows.push([
          s.name,
          line.rep.id,
          line.period.key,
          line.measure,
          t.step,
          t.detail,
          num(t.from),
          num(t.to),
          num(t.credit),
          num(t.rate),
          num(t.amount),
        ]);
      }
    }
  }
  return {
    name: "Results_Trace",
    title: "Trace: how each payout was built",
    subtitle: subtitleText,
    columns: COLUMNS,
    rows,
  };
}
