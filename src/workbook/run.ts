import type { Issue, RawTable, SheetSpec } from "./types";

export interface RunOptions {
  /** What the tables were read from, for the subtitle line ("acme-comp.xlsx"). */
  readonly sourceName: string;
  /** When the run happened; passed in so that runs are reproducible in tests. */
  readonly computedAt: Date;
}

export interface RunResult {
  /** True when no Error-severity issue stopped the run. */
  readonly ok: boolean;
  readonly issues: readonly Issue[];
  /** Result sheets to write, Results_Issues always among them. Empty of results when !ok. */
  readonly sheets: readonly SheetSpec[];
  /** Plain JSON-able view of the results for `--json` and scripts. */
  readonly json: unknown;
  /** A few lines a person reads first (CLI prints them; the task pane shows them). */
  readonly headline: readonly string[];
}

/**
 * The whole job over plain tables: parse the inputs (src/workbook/parse),
 * run the engine, render result sheet specs. Both adapters call this.
 * (Implementation in progress: this signature is the contract.)
 */
export function runWorkbook(tables: readonly RawTable[], options: RunOptions): RunResult {
  void tables;
  void options;
  throw new Error("runWorkbook: not implemented yet");
}
