import {
  evaluateOffers,
  RealisticContext,
  runModel,
  type ModelInput,
  type ModelResult,
  type OffersEvaluation,
  type RepProgress,
} from "../engine";
import { parseModelInput, type ParseResult } from "./parse";
import { unitRep } from "./planStandIn";
import type { RawTable } from "./types";

/**
 * One read of the input tables and what is computed from it, each made once:
 * the parse (as the Run parses), the model run, the offers, and the realistic
 * context the plan editor and the COMP.* functions price one plan on. The
 * pane's model thread keeps one per read it holds, so the Run, the Inputs
 * check, the plan editor and the worksheet functions share them
 * (docs/architecture.md, "Live worksheet functions in one runtime").
 */

/**
 * What a WorkbookModel keeps once made. What it does not keep is made for the
 * one who asked and let go, as a Run lets go of everything it made: at 10,000
 * reps the parse is ~155 MB and the model run ~80 MB, worth holding only when
 * something will ask again.
 */
export interface Keep {
  /** The parse, and the offers and realistic context made from it. */
  parse: boolean;
  /** The model run (COMP.PAY's). */
  run: boolean;
}

export class WorkbookModel {
  private kept: ParsedWorkbook | null = null;

  constructor(
    readonly tables: readonly RawTable[],
    /** Read when something is made (the model thread sets it as requests show who asks again). */
    readonly keep: Keep = { parse: true, run: true },
  ) {}

  /**
   * The tables parsed as of `today`. The parse depends on the date only
   * through its year (the plan year when neither Settings nor the data name
   * one), so one parse serves every date in that year.
   */
  at(today: Date): ParsedWorkbook {
    if (this.kept?.year === today.getFullYear()) return this.kept;
    const made = new ParsedWorkbook(this.tables, today, () => this.keep.run);
    if (this.keep.parse) this.kept = made;
    return made;
  }
}

/** The tables parsed at one date, and what is computed from the parse, made when first asked. */
export class ParsedWorkbook {
  readonly year: number;
  readonly parsed: ParseResult;
  private result: ModelResult | null = null;
  private offerValues: OffersEvaluation | null = null;
  private context: RealisticContext | null = null;

  /** Parses at once and keeps no reference to the tables (the CLI lets their rows go once parsed). */
  constructor(
    tables: readonly RawTable[],
    today: Date,
    private readonly keepRun: () => boolean = () => true,
  ) {
    this.year = today.getFullYear();
    this.parsed = parseModelInput(tables, { today });
  }

  private get input(): ModelInput {
    if (!this.parsed.input) throw new Error("internal: the workbook's input tables have errors");
    return this.parsed.input;
  }

  /** The model run (every scenario), as the Run computes it; `progress` is heard only when it is computed now. */
  run(progress?: RepProgress): ModelResult {
    if (this.result) return this.result;
    const result = runModel(this.input, progress);
    if (this.keepRun()) this.result = result;
    return result;
  }

  offers(): OffersEvaluation {
    return (this.offerValues ??= evaluateOffers(this.input));
  }

  /**
   * The realistic-earnings context over the workbook's reps plus the plan
   * stand-in rep (planStandIn.ts): what the plan editor and COMP.EXPECTED,
   * PERCENTILE and PROBOTE price one plan on. Its caches are keyed by each
   * plan's pay structure, so edited bands and the workbook's share it safely.
   */
  standInContext(): RealisticContext {
    const input = this.input;
    return (this.context ??= new RealisticContext({
      ...input,
      reps: [...input.reps, unitRep(input.settings.reportingCurrency)],
    }));
  }
}
