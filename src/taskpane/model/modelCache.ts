import { evaluateCalls, type FunctionCall } from "../../functions/comp";
import type { FunctionAnswer } from "../../functions/failure";
import { FunctionModel } from "../../functions/functionModel";
import { runWorkbook, type RunOptions, type RunResult } from "../../workbook/run";
import type { RawTable } from "../../workbook/types";
import { WorkbookModel, type Keep } from "../../workbook/workbookModel";
import { realisticModel, type RealisticModel } from "./planRealistic";
import { answerRealistic, type RealisticAnswer, type RealisticQuery } from "./realisticQuery";

/**
 * The model thread's cache (the pane's worker, or the pane's own thread when
 * there is none): for the last read of the input tables it was asked about,
 * one WorkbookModel — the parse, the model run, the offers, the realistic
 * context — shared by the Run, the Inputs check, the plan editor's realistic
 * figures and the COMP.* functions, and what each of those builds on it (the
 * plan editor's RealisticModel, the functions' FunctionModel). A read is
 * known by identity (the pane never changes one in place): other tables
 * replace everything held, and `forget` drops it when an input table changes.
 *
 * What a Run makes is kept only for a consumer that will ask again: the parse
 * once the plan editor or a function has asked on this thread, the model run
 * once a COMP.PAY has. A pane with no such formula and the editor closed holds
 * no more than before (at 10,000 reps, the parse is ~155 MB, the run ~80 MB).
 */
export class ModelCache {
  private held: Held | null = null;
  /** Learnt from the requests, for the thread's life: the workbook's formulas and the editor ask again. */
  private readonly keep: Keep = { parse: false, run: false };

  /** The Run, or the Inputs check: runWorkbook on the tables' WorkbookModel. */
  run(tables: readonly RawTable[], options: RunOptions): RunResult {
    return runWorkbook(tables, options, this.on(tables).workbook);
  }

  /** The plan editor's figures for edited bands, on the realistic model kept for these tables. */
  realistic(tables: readonly RawTable[], query: RealisticQuery): RealisticAnswer {
    this.keep.parse = true;
    const held = this.on(tables);
    held.realistic ??= realisticModel(held.workbook, new Date(query.today));
    return answerRealistic(held.realistic, query);
  }

  /** A batch of worksheet-function calls, answered on these tables' FunctionModel. */
  functions(tables: readonly RawTable[], calls: readonly FunctionCall[], today: number): FunctionAnswer[] {
    this.keep.parse = true;
    if (calls.some((c) => c.name === "PAY")) this.keep.run = true;
    const held = this.on(tables);
    return evaluateCalls(calls, () => (held.functions ??= new FunctionModel(held.workbook, new Date(today))));
  }

  /** An input table changed: nothing held describes the workbook any more. */
  forget(): void {
    this.held = null;
  }

  /** Whether these tables are the ones held (tests). */
  holds(tables: readonly RawTable[]): boolean {
    return this.held?.workbook.tables === tables;
  }

  private on(tables: readonly RawTable[]): Held {
    if (this.held?.workbook.tables !== tables)
      this.held = { workbook: new WorkbookModel(tables, this.keep), realistic: null, functions: null };
    return this.held;
  }
}

interface Held {
  readonly workbook: WorkbookModel;
  realistic: RealisticModel | null;
  functions: FunctionModel | null;
}
