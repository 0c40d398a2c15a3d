import { realisticBacktest, runRealistic, type ModelResult, type RepProgress, type ScenarioResult } from "../engine";
import { locateEngineIssue } from "./engineIssues";
import { subtitle } from "./render/cells";
import { issuesSheet } from "./render/issuesSheet";
import { payoutCurveSheet } from "./render/payoutCurve";
import { payoutsSheet, payoutsStreamed } from "./render/payouts";
import { summarySheet } from "./render/summary";
import { statementsSheet, statementsStreamed } from "./render/statements";
import { realisticSheet } from "./render/realistic";
import { scenariosSheet } from "./render/scenarios";
import { scenarioDeltasSheet } from "./render/scenarioDeltas";
import { backtestSheet, describeBacktest } from "./render/backtest";
import { offersSheet } from "./render/offers";
import { traceSheet, TRACE_LINE_LIMIT } from "./render/trace";
import { resultsJson } from "./render/json";
import { headline } from "./render/headline";
import { scenarioFigures } from "./render/totals";
import {
  renderSheet,
  type Issue,
  type PendingSheet,
  type RawTable,
  type SheetSource,
  type SheetSpec,
  type SpecCell,
  type StreamedSheet,
} from "./types";
import { ParsedWorkbook, type WorkbookModel } from "./workbookModel";

export interface RunOptions {
  /** What the tables were read from, for the subtitle line ("acme-comp.xlsx"). */
  readonly sourceName: string;
  /** When the run happened; passed in so that runs are reproducible in tests. */
  readonly computedAt: Date;
  /** RepIDs to trace in full, whatever the size of the run (`--trace`, the pane's "Trace reps"); absent = every line up to the limit. */
  readonly traceReps?: readonly string[];
  /** Called as each stage starts ("paying every line", 2 of 5): the task pane's progress while it computes. */
  readonly onStep?: (step: RunStep) => void;
}

/** A stage of runWorkbook: what it is doing, and how far along the stages it is. */
export interface RunStep {
  readonly label: string;
  readonly done: number;
  readonly total: number;
  /**
   * In the stages that price reps: `done` of `total` priced, each rep once per
   * scenario (`total` = `reps` × the stage's scenarios). Heard at most once per
   * percent.
   */
  readonly reps?: { readonly done: number; readonly total: number; readonly reps: number };
}

const STEPS = [
  "reading the tables",
  "paying every line",
  "realistic earnings",
  "offers and the backtest",
  "building the result sheets",
] as const;

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

/** A run whose large result sheets are rendered only when written (runWorkbookStreamed). */
export interface StreamedRunResult extends Omit<RunResult, "sheets"> {
  /**
   * The result sheets in order: the large ones (Summary, Statements, Payouts,
   * Realistic) as PendingSheets, rendered, checked finite and let go one at a
   * time by whoever writes them; the small ones as specs.
   */
  readonly sheets: readonly SheetSource[];
}

/**
 * The whole job over plain tables: parse the inputs, run the engine, render
 * result sheet specs. Both adapters (Excel and .xlsx) call this, so the add-in
 * and the CLI compute the same numbers from the same tables. With `model`
 * (the same tables' WorkbookModel, kept by the pane's model thread) the parse
 * and the model run are taken from it when it holds them, and left in it when
 * it keeps them.
 */
export function runWorkbook(tables: readonly RawTable[], options: RunOptions, model?: WorkbookModel): RunResult {
  const run = runWorkbookStreamed(tables, options, model);
  const sheets = run.sheets.map(renderSheet);
  // The json getter is carried over, not read: 240,000 lines of JSON are built only when asked for.
  return Object.defineProperties(
    { ok: run.ok, issues: run.issues, sheets, headline: run.headline } as Omit<RunResult, "json">,
    { json: { get: () => run.json, enumerable: true } },
  ) as RunResult;
}

/**
 * runWorkbook for a writer that streams (the CLI): the same run, but the
 * large result sheets are rendered one at a time as they are written, so the
 * run never holds all of them; and the input tables are let go once parsed
 * when the caller hands them over (a function returning the only reference
 * to them: TablesSource); their rows are 70+ MB at 10,000 reps, and only
 * their shapes are kept, to locate engine issues.
 */
export function runWorkbookStreamed(
  source: TablesSource,
  options: RunOptions,
  model?: WorkbookModel,
): StreamedRunResult {
  const step = (i: number) => options.onStep?.({ label: STEPS[i], done: i, total: STEPS.length });
  // Reps priced, as a percent of the stage: a progress bar needs no more, and a worker posts no more.
  const repsIn = (i: number, reps: number): RepProgress | undefined => {
    const onStep = options.onStep;
    if (!onStep) return undefined;
    let shown = -1;
    return (done, total) => {
      const percent = total === 0 ? 100 : Math.floor((done * 100) / total);
      if (percent === shown) return;
      shown = percent;
      onStep({ label: STEPS[i], done: i, total: STEPS.length, reps: { done, total, reps } });
    };
  };
  step(0);
  const { workbook, tables } = parseTables(source, options.computedAt, model);
  const parsed = workbook.parsed;
  const issues: Issue[] = [...parsed.issues];
  const planYear = parsed.input ? ` · plan year ${parsed.input.settings.planYear}` : "";
  const sub = subtitle(options.sourceName, options.computedAt) + planYear;
  if (!parsed.input) return failed(issues, sub);

  const input = parsed.input;
  step(1);
  const result: ModelResult = workbook.run(repsIn(1, input.reps.length));
  const engineIssues = [...result.issues];
  step(2);
  const realistic = runRealistic(input, engineIssues, repsIn(2, input.reps.length));
  step(3);
  const backtest = realisticBacktest(input);
  const offers = workbook.offers();
  engineIssues.push(...offers.issues);
  issues.push(...engineIssues.map((i) => locateEngineIssue(i, tables)));
  if (issues.some((i) => i.severity === "Error")) return failed(issues, sub);

  step(4);
  let chosen: Set<string> | undefined;
  if (options.traceReps?.length) {
    // RepIDs match as everywhere else in the workbook: ignoring capitals and surrounding spaces.
    const known = new Map(input.reps.map((r) => [r.id.trim().toLowerCase(), r.id]));
    const idOf = (id: string) => known.get(id.trim().toLowerCase());
    chosen = new Set(options.traceReps.flatMap((id) => idOf(id) ?? []));
    const unknown = options.traceReps.filter((id) => idOf(id) === undefined);
    if (unknown.length > 0)
      issues.push({
        severity: "Warning",
        table: "Reps",
        sheet: "",
        row: null,
        column: null,
        address: null,
        message: `Trace: no rep ${unknown.join(", ")} in Reps; ${unknown.length === 1 ? "it was" : "they were"} left out of Results_Trace.`,
      });
  }
  const trace = traceSheet(result.scenarios, sub, { reps: chosen });
  if (!trace) {
    issues.push({
      severity: "Info",
      table: "",
      sheet: "",
      row: null,
      column: null,
      address: null,
      message: `Results_Trace was left out: more than ${TRACE_LINE_LIMIT.toLocaleString("en-US")} payout lines. Trace chosen reps instead (compplan model --trace E1101,E1304, or "Trace reps" in the add-in).`,
    });
  }
  const { settings } = input;
  const figures = scenarioFigures(result.scenarios, realistic, settings, result.baselineAt);
  // What the sheets rendered later and the JSON read: the trace above was the last to ask a line's team members.
  const rendered = withoutTeamMembers(result);
  const optional = (sheet: SheetSpec | null) => (sheet ? [sheet] : []);
  const sheets: SheetSource[] = [
    pending("Results_Summary", () => summarySheet(rendered.scenarios, sub, settings)),
    pending(
      "Results_Statements",
      () => statementsSheet(rendered.scenarios, sub),
      () => statementsStreamed(rendered.scenarios, sub),
    ),
    pending(
      "Results_Payouts",
      () => payoutsSheet(rendered.scenarios, sub),
      () => payoutsStreamed(rendered.scenarios, sub),
    ),
    ...(realistic.length ? [pending("Results_Realistic", () => realisticSheet(realistic, sub))] : []),
    ...(result.scenarios.length > 1 || realistic.length ? [scenariosSheet(figures, sub, settings)] : []),
    ...optional(scenarioDeltasSheet(result, realistic, sub)),
    ...optional(backtest && backtestSheet(backtest, sub)),
    ...(offers.results.length ? [offersSheet(offers.results, sub)] : []),
    payoutCurveSheet(result.scenarios, realistic, sub),
    ...optional(trace),
    issuesSheet(issues, sub),
  ];
  assertFinite(sheets.filter((sheet): sheet is SheetSpec => !("render" in sheet)));
  return succeeded(
    {
      ok: true,
      issues,
      sheets,
      headline: [...headline(figures, settings.reportingCurrency), ...(backtest ? [describeBacktest(backtest)] : [])],
    },
    rendered,
  );
}

/**
 * The model result without each scenario's `teamMembers`: that function keeps
 * the whole model input (every Quotas and Actuals row, ~100 MB at 10,000
 * reps) for a trace step, and only the trace, made before the sheets are
 * written, asks it. The lines, statements and reps are the same objects.
 */
function withoutTeamMembers(result: ModelResult): ModelResult {
  const strip = (scenario: ScenarioResult): ScenarioResult => {
    const { teamMembers, ...rest } = scenario;
    void teamMembers;
    return rest;
  };
  return {
    ...result,
    scenarios: result.scenarios.map(strip),
    ...(result.baselineAt
      ? { baselineAt: new Map([...result.baselineAt].map(([name, scenario]) => [name, strip(scenario)])) }
      : {}),
  };
}

/**
 * The JSON view is built only when asked for (--json): 240,000 lines of JSON
 * are not free. Its getter is made here, outside runWorkbook, so it holds the
 * model result and not runWorkbook's scope — the input tables (100+ MB at
 * 10,000 reps) are let go before the output is written.
 */
/**
 * The render boundary: no result cell is NaN or ±Infinity. Inputs are bounded
 * (docs/workbook.md, Limits) so none should arise; if one does it is a bug,
 * and it stops the run (the CLI's exit 3) rather than reaching a sheet as
 * #NUM! or a silently wrong total.
 */
export function assertFinite(sheets: readonly SheetSpec[]): void {
  for (const sheet of sheets) for (let r = 0; r < sheet.rows.length; r++) assertFiniteRow(sheet, sheet.rows[r], r);
}

function assertFiniteRow(sheet: Pick<SheetSpec, "name" | "columns">, row: readonly SpecCell[], r: number): void {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "number" && !Number.isFinite(v))
      throw new Error(
        `internal: ${sheet.name} row ${r + 1}, column ${sheet.columns[c]?.header ?? c + 1} would hold ${String(v)}`,
      );
  }
}

/**
 * A large sheet rendered when written, checked finite as it is rendered; with
 * `stream`, a streaming writer may instead take its rows one at a time, each
 * checked as it is made.
 */
function pending(name: string, make: () => SheetSpec, stream?: () => StreamedSheet): PendingSheet {
  const sheet: PendingSheet = {
    name,
    render: () => {
      const spec = make();
      if (spec.name !== name) throw new Error(`internal: ${name} rendered as ${spec.name}`);
      assertFinite([spec]);
      return spec;
    },
  };
  if (!stream) return sheet;
  return {
    ...sheet,
    stream: () => {
      const streamed = stream();
      if (streamed.name !== name) throw new Error(`internal: ${name} rendered as ${streamed.name}`);
      const rows = streamed.rows;
      return {
        ...streamed,
        rows: {
          length: rows.length,
          row: (i) => {
            const row = rows.row(i);
            assertFiniteRow(streamed, row, i);
            return row;
          },
        },
      };
    },
  };
}

/**
 * The input tables, or a function that hands them over (called once). Handed
 * over, no frame of the run holds them once they are parsed: an argument's
 * stack slot keeps what it was passed for the whole call, even when the
 * parameter is assigned another value.
 */
export type TablesSource = readonly RawTable[] | (() => readonly RawTable[]);

/**
 * The tables parsed (or the model's parse of them), and their shapes (names,
 * headers, positions), all the run keeps of them: the rows are garbage once
 * parsed, unless the caller keeps them.
 */
function parseTables(
  source: TablesSource,
  computedAt: Date,
  model: WorkbookModel | undefined,
): { workbook: ParsedWorkbook; tables: readonly RawTable[] } {
  const tables = typeof source === "function" ? source() : source;
  if (model && model.tables !== tables) throw new Error("internal: a WorkbookModel of other tables");
  const workbook = model ? model.at(computedAt) : new ParsedWorkbook(tables, computedAt);
  return { workbook, tables: tables.map(tableShape) };
}

/** A table without its rows: what locating an engine issue needs. */
function tableShape(table: RawTable): RawTable {
  return { ...table, rows: [], numberFormats: undefined };
}

function succeeded(fields: Omit<StreamedRunResult, "json">, result: ModelResult): StreamedRunResult {
  return {
    ...fields,
    get json() {
      return resultsJson(result, fields.issues);
    },
  };
}

function failed(issues: readonly Issue[], sub: string): StreamedRunResult {
  const errors = issues.filter((i) => i.severity === "Error").length;
  return {
    ok: false,
    issues,
    sheets: [issuesSheet(issues, sub)],
    json: { ok: false, issues },
    headline: [`Stopped: ${errors} error${errors === 1 ? "" : "s"} in the input. Nothing was computed.`],
  };
}
