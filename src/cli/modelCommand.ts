import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { runWorkbookStreamed, type StreamedRunResult } from "../workbook/run";
import { describePastExcel, EXCEL_MAX_ROWS } from "../workbook/sheetLimits";
import type { RawTable } from "../workbook/types";
import { XlsxFormatError } from "../xlsx/errors";
import {
  isResultsWorkbook,
  patchWorkbook,
  ResultSheetConflictError,
  SheetsPastLimitError,
  workbookExtension,
  type PatchResult,
} from "../xlsx/patch";
import { readXlsx } from "../xlsx/read";
import type { ModelArgs } from "./args";
import { EXIT_INPUT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import { defaultOutputPath, displayPath, isSameFile, removeStaleTemporaries, temporaryPath } from "./paths";
import { collectGarbage } from "./collect";
import { CsvFolderError, writeCsvFolder, type CsvWritten } from "./csvOutput";
import {
  countBySeverity,
  formatCsvSummary,
  formatIssues,
  formatOutputSummary,
  inputErrorsLine,
  sortIssues,
} from "./report";

/** A failure that maps to an exit status and one message line. */
class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

interface Input {
  readonly bytes: Uint8Array;
  /** Let go once the run has them: at 10,000 reps they are 100+ MB the write does not need. */
  tables: RawTable[] | null;
}

/** `compplan model`: read → run → write the input workbook plus the result sheets. The input file is only ever read. */
export function modelCommand(args: ModelArgs, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const say = (lines: readonly string[]) => lines.forEach((line) => io.stdout(`${line}\n`));
  try {
    const inputPath = resolve(cwd, args.input);
    const explicitOutput = checkExplicitOutput(args, inputPath, cwd);
    const input = readInput(inputPath);
    const outputPath = chooseOutput(args, inputPath, explicitOutput, input.bytes);
    if (outputPath !== null && args.format !== "csv") checkReplaceable(outputPath);
    const sourceName = basename(inputPath);
    const computedAt = (io.now ?? (() => new Date()))();
    // The tables are handed over, not kept (nor passed, which would keep them on the stack): the run lets their
    // rows go once parsed.
    const result = runWorkbookStreamed(() => takeTables(input), {
      sourceName,
      computedAt,
      traceReps: args.trace,
      // Once the tables are parsed and let go (the first stage after reading), the heap is at its smallest.
      onStep: (step) => {
        if (step.done === 1 && step.reps === undefined) collectGarbage();
      },
    });

    if (!result.ok) {
      reportInputErrors(result, args, io);
      return EXIT_INPUT_ERRORS;
    }
    // The engine's own garbage, before the result sheets are made.
    collectGarbage();
    let summary: string[] = [];
    if (outputPath !== null && args.format === "csv") {
      const written = writeCsvOutput(outputPath, result);
      summary = formatCsvSummary(displayPath(outputPath, cwd), written.files, written.replaced);
    } else if (outputPath !== null) {
      const written = writeOutput(outputPath, inputPath, input.bytes, result, computedAt, io.sheetRowLimit);
      summary = formatOutputSummary(displayPath(outputPath, cwd), sourceName, {
        results: result.sheets.map((s) => s.name),
        replaced: written.replaced,
        leftAlone: written.leftAlone,
      });
    }

    if (args.json) io.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
    else if (!args.quiet) {
      say(result.headline);
      const issueLines = formatIssues(result.issues);
      if (issueLines.length > 0) say(["", ...issueLines]);
      if (summary.length > 0) say(["", ...summary]);
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr(`compplan: ${error.message}\n`);
      return error.exitCode;
    }
    // Damage found outside the reader (the package kind, a part only copied): still the file, not a bug.
    if (error instanceof XlsxFormatError) {
      io.stderr(`compplan: ${resolve(cwd, args.input)} is not a readable .xlsx workbook: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`compplan: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}

/** -o, resolved, refused when it names the input (checked before reading anything). */
function checkExplicitOutput(args: ModelArgs, inputPath: string, cwd: string): string | null {
  if (args.output === null) return null;
  const outputPath = resolve(cwd, args.output);
  if (isSameFile(outputPath, inputPath)) {
    throw new CliFailure(EXIT_USAGE, `refusing to write the output over the input (${args.input}); choose another -o`);
  }
  return outputPath;
}

/**
 * Where the output goes: -o, or `<input>-results.<ext>` beside the input; none
 * with --json and no -o. The output keeps the input's kind (a macro-enabled
 * workbook stays .xlsm), so its extension must fit it or Excel will not open it.
 */
function chooseOutput(args: ModelArgs, inputPath: string, explicit: string | null, bytes: Uint8Array): string | null {
  // With --json the caller wants data on stdout; a workbook only when asked for.
  if (explicit === null && args.json) return null;
  // CSV: a folder, `<input>-results/` beside the input unless -o names one.
  if (args.format === "csv") return explicit ?? defaultOutputPath(inputPath, "");
  const extension = workbookExtension(bytes);
  if (explicit === null) return defaultOutputPath(inputPath, extension);
  if (extname(explicit).toLowerCase() !== extension) {
    throw new CliFailure(
      EXIT_USAGE,
      `the output keeps the input's workbook kind, so it must end in ${extension} (got ${args.output ?? ""})`,
    );
  }
  return explicit;
}

/**
 * An existing output file is replaced only when it is an earlier run's (a
 * workbook with our result sheets) and may be written: a file of the user's
 * that happens to have the name, or one made read-only, is left as it was.
 * Checked before the model runs, so the refusal comes at once.
 */
function checkReplaceable(outputPath: string): void {
  if (!existsSync(outputPath)) return;
  const stat = lstatSync(outputPath);
  if (stat.isDirectory()) throw new CliFailure(EXIT_USAGE, `${outputPath} is a folder; name a workbook file with -o`);
  const refuse = (why: string) =>
    new CliFailure(
      EXIT_USAGE,
      `${outputPath} ${why}; it was left as it was. Choose another name with -o, or move it away.`,
    );
  if (!stat.isFile()) throw refuse("is not a plain file");
  // Read-only by its mode (as a user sets it, `chmod a-w`, and as root's access check would not see it) or to us.
  let writable = (stat.mode & 0o222) !== 0;
  try {
    accessSync(outputPath, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable) throw refuse("is read-only");
  if (!isResultsWorkbook(readFileSync(outputPath)))
    throw refuse("exists and is not a workbook compplan wrote (it has no result sheets of ours)");
}

function takeTables(input: Input): RawTable[] {
  const tables = input.tables ?? [];
  input.tables = null;
  return tables;
}

function readInput(inputPath: string): Input {
  let bytes: Uint8Array;
  try {
    if (!statSync(inputPath).isFile()) throw new CliFailure(EXIT_USAGE, `${inputPath} is not a file`);
    bytes = readFileSync(inputPath);
  } catch (error) {
    if (error instanceof CliFailure) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String(error);
    throw new CliFailure(EXIT_USAGE, `cannot read ${inputPath}: ${reason}`);
  }
  try {
    return { bytes, tables: readXlsx(bytes) };
  } catch (error) {
    // The reader names what it cannot take (not a zip, no workbook part, broken XML, past a limit) with an
    // XlsxFormatError; anything else is a bug in the reader, reported as one rather than blamed on the file.
    if (!(error instanceof XlsxFormatError)) throw error;
    throw new CliFailure(EXIT_USAGE, `${inputPath} is not a readable .xlsx workbook: ${error.message}`);
  }
}

function reportInputErrors(result: StreamedRunResult, args: ModelArgs, io: CliIo): void {
  const errors = countBySeverity(result.issues, "Error");
  if (!args.quiet && !args.json) {
    result.headline.forEach((line) => io.stdout(`${line}\n`));
    io.stdout("\n");
    formatIssues(result.issues).forEach((line) => io.stdout(`${line}\n`));
  } else {
    // Quiet and --json still owe the user the reasons, on stderr; --json also owes a script its JSON ({ ok: false, issues }).
    if (args.json) io.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
    const onlyErrors = sortIssues(result.issues).filter((issue) => issue.severity === "Error");
    formatIssues(onlyErrors).forEach((line) => io.stderr(`${line}\n`));
  }
  io.stderr(`${inputErrorsLine(errors)}\n`);
}

/** The result tables as a folder of CSV files; a folder that is not ours to replace is refused. */
function writeCsvOutput(outputPath: string, result: StreamedRunResult): CsvWritten {
  try {
    return writeCsvFolder(outputPath, result.sheets);
  } catch (error) {
    if (error instanceof CsvFolderError) throw new CliFailure(EXIT_USAGE, error.message);
    throw new CliFailure(EXIT_INTERNAL, `cannot write ${outputPath}: ${(error as Error).message}`);
  }
}

/**
 * The input package with the result sheets added (ours from an earlier run
 * replaced), written beside the target and renamed, so a failed run never
 * leaves half a workbook. The sheets are rendered and deflated one at a time;
 * the file is then written a piece at a time, the input's parts straight from
 * its bytes, so the output is never assembled in memory. A sheet past Excel's
 * last row stops it before anything is written.
 */
function writeOutput(
  outputPath: string,
  inputPath: string,
  input: Uint8Array,
  result: StreamedRunResult,
  computedAt: Date,
  rowLimit = EXCEL_MAX_ROWS,
): PatchResult {
  let patched: PatchResult;
  try {
    patched = patchWorkbook({ input, sheets: result.sheets, createdAt: computedAt, rowLimit });
  } catch (error) {
    if (error instanceof SheetsPastLimitError)
      throw new CliFailure(
        EXIT_INPUT_ERRORS,
        `${describePastExcel(error.past, rowLimit)} Nothing was written. --format csv writes every row (one CSV file per result table).`,
      );
    // A result name taken by the user's own sheet or table: like an input error, nothing is written.
    if (error instanceof ResultSheetConflictError) throw new CliFailure(EXIT_INPUT_ERRORS, error.message);
    if (error instanceof XlsxFormatError) {
      throw new CliFailure(EXIT_USAGE, `cannot add the result sheets to ${inputPath}: ${error.message}`);
    }
    throw error;
  }
  const temporary = temporaryPath(outputPath, process.pid, false);
  removeStaleTemporaries(outputPath, false);
  try {
    mkdirSync(dirname(outputPath), { recursive: true });
    writeStreamed(temporary, patched);
    renameSync(temporary, outputPath);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw new CliFailure(EXIT_INTERNAL, `cannot write ${outputPath}: ${(error as Error).message}`);
  }
  return patched;
}

/** Small pieces (headers, small parts) are gathered to this size before a write; larger ones go straight out. */
const WRITE_BUFFER = 1 << 20;

/** The patched package to `path`, piece by piece through one buffer. */
function writeStreamed(path: string, patched: PatchResult): void {
  const fd = openSync(path, "w");
  try {
    const buffer = new Uint8Array(WRITE_BUFFER);
    let used = 0;
    const flush = () => {
      for (let at = 0; at < used;) at += writeSync(fd, buffer, at, used - at);
      used = 0;
    };
    patched.writeTo((chunk) => {
      if (chunk.length >= WRITE_BUFFER / 4) {
        flush();
        for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at, chunk.length - at);
        return;
      }
      if (used + chunk.length > WRITE_BUFFER) flush();
      buffer.set(chunk, used);
      used += chunk.length;
    });
    flush();
  } finally {
    closeSync(fd);
  }
}
