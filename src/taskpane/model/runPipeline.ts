import type { WorkbookPort, WriteReport } from "../../workbook/port";
import type { RunResult, RunStep } from "../../workbook/run";
import { describePastExcel, sheetsPastExcel } from "../../workbook/sheetLimits";
import { computeHere, type Compute } from "./compute";
import type { RawTable } from "../../workbook/types";

/** Where a run is, for the progress line. */
export type RunPhase =
  | { readonly kind: "idle" }
  | { readonly kind: "reading"; readonly rowsRead: number; readonly rowsTotal: number }
  | { readonly kind: "computing"; readonly rows: number; readonly step?: RunStep }
  | { readonly kind: "writing"; readonly rowsWritten: number; readonly rowsTotal: number }
  | {
      readonly kind: "done";
      readonly result: RunResult;
      readonly report: WriteReport;
      /** The workbook's name, and when the run computed. */
      readonly source: string;
      readonly at: Date;
      /** The input tables the run read: what the pane shows afterwards, with no second read of the workbook. */
      readonly tables: readonly RawTable[];
    }
  | { readonly kind: "failed"; readonly message: string };

/**
 * Read the inputs, compute, write the result sheets; reports each phase. The
 * same runWorkbook the CLI calls (in the pane, on its worker thread), so both
 * give the same numbers.
 */
export async function runPipeline(
  port: WorkbookPort,
  onPhase: (phase: RunPhase) => void,
  now: () => Date = () => new Date(),
  options: { readonly traceReps?: readonly string[]; readonly compute?: Compute } = {},
): Promise<RunPhase> {
  const compute = options.compute ?? computeHere;
  try {
    onPhase({ kind: "reading", rowsRead: 0, rowsTotal: 0 });
    const tables = await port.readTables((p) =>
      onPhase({ kind: "reading", rowsRead: p.rowsRead, rowsTotal: p.rowsTotal }),
    );
    const sourceName = await port.workbookName();
    const rows = tables.reduce((n, t) => n + t.rows.length, 0);
    onPhase({ kind: "computing", rows });
    const at = now();
    const result = await compute(
      tables,
      { sourceName, computedAt: at, traceReps: options.traceReps },
      { cancellable: true, onStep: (step) => onPhase({ kind: "computing", rows, step }) },
    );
    // Past Excel's last row a sheet would be cut off: refused before anything is written.
    const past = sheetsPastExcel(result.sheets);
    if (past.length > 0)
      throw new Error(
        `${describePastExcel(past)} Nothing was written: the Results sheets are as they were. ` +
          "The command-line tool writes every row as CSV files: compplan model <workbook> --format csv.",
      );
    const rowsTotal = result.sheets.reduce((n, s) => n + s.rows.length, 0);
    onPhase({ kind: "writing", rowsWritten: 0, rowsTotal });
    const report = await port.writeSheets(result.sheets, (p) =>
      onPhase({ kind: "writing", rowsWritten: p.rowsWritten, rowsTotal: p.rowsTotal }),
    );
    const done: RunPhase = { kind: "done", result, report, source: sourceName, at, tables };
    onPhase(done);
    return done;
  } catch (e) {
    const failed: RunPhase = { kind: "failed", message: e instanceof Error ? e.message : String(e) };
    onPhase(failed);
    return failed;
  }
}

/** "E1101, E1304" (commas, semicolons or spaces) → the RepIDs to trace in full; [] for none. */
export function parseTraceReps(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((id) => id !== ""))];
}
