import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { runWorkbook, type RunResult } from "../workbook/run";
import type { RawTable } from "../workbook/types";
import { readXlsx } from "../xlsx/read";
import { writeXlsx } from "../xlsx/write";
import type { ModelArgs } from "./args";
import { inputTablesUsed } from "./inputTables";
import { EXIT_INPUT_ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, type CliIo } from "./io";
import { defaultOutputPath, displayPath, isSameFile } from "./paths";
import { countBySeverity, formatIssues, formatOutputSummary, inputErrorsLine, sortIssues } from "./report";
import { packageVersion } from "./help";
import { aboutLines } from "./about";

/** A failure that maps to an exit status and one message line. */
class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** `compplan model`: read → run → write. The input file is only ever read. */
export function modelCommand(args: ModelArgs, io: CliIo): number {
  const cwd = io.cwd ?? process.cwd();
  const say = (lines: readonly string[]) => lines.forEach((line) => io.stdout(`${line}\n`));
  try {
    const inputPath = resolve(cwd, args.input);
    const outputPath = chooseOutput(args, inputPath, cwd);
    const tables = readInput(inputPath);
    const sourceName = basename(inputPath);
    const computedAt = (io.now ?? (() => new Date()))();
    const result = runWorkbook(tables, { sourceName, computedAt });

    if (!result.ok) {
      reportInputErrors(result, args, io);
      return EXIT_INPUT_ERRORS;
    }
    const copies = inputTablesUsed(tables);
    if (outputPath !== null) writeOutput(outputPath, result, copies, sourceName, computedAt);

    if (args.json) io.stdout(`${JSON.stringify(result.json, null, 2)}\n`);
    else if (!args.quiet) {
      say(result.headline);
      const issueLines = formatIssues(result.issues);
      if (issueLines.length > 0) say(["", ...issueLines]);
      if (outputPath !== null) {
        say([
          "",
          ...formatOutputSummary(
            displayPath(outputPath, cwd),
            result.sheets.map((s) => s.name),
            copies.map((t) => t.name),
          ),
        ]);
      }
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr(`compplan: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`compplan: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}

function chooseOutput(args: ModelArgs, inputPath: string, cwd: string): string | null {
  // With --json the caller wants data on stdout; a workbook only when asked for.
  if (args.output === null && args.json) return null;
  const outputPath = args.output === null ? defaultOutputPath(inputPath) : resolve(cwd, args.output);
  if (isSameFile(outputPath, inputPath)) {
    throw new CliFailure(EXIT_USAGE, `refusing to write the output over the input (${args.input}); choose another -o`);
  }
  return outputPath;
}

function readInput(inputPath: string): RawTable[] {
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
    return readXlsx(bytes);
  } catch (error) {
    // Whatever the reader trips on (not a zip, no workbook part, broken XML), the file is not a workbook we can read.
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliFailure(EXIT_USAGE, `${inputPath} is not a readable .xlsx workbook: ${reason}`);
  }
}

function reportInputErrors(result: RunResult, args: ModelArgs, io: CliIo): void {
  const errors = countBySeverity(result.issues, "Error");
  if (!args.quiet && !args.json) {
    result.headline.forEach((line) => io.stdout(`${line}\n`));
    io.stdout("\n");
    formatIssues(result.issues).forEach((line) => io.stdout(`${line}\n`));
  } else {
    // Quiet and --json still owe the user the reasons, on stderr.
    const onlyErrors = sortIssues(result.issues).filter((issue) => issue.severity === "Error");
    formatIssues(onlyErrors).forEach((line) => io.stderr(`${line}\n`));
  }
  io.stderr(`${inputErrorsLine(errors)}\n`);
}

/** Writes beside the target and renames, so a failed run never leaves half a workbook. */
function writeOutput(
  outputPath: string,
  result: RunResult,
  inputCopies: readonly RawTable[],
  sourceName: string,
  computedAt: Date,
): void {
  const about = aboutLines({
    sourceName,
    computedAt,
    version: packageVersion(),
    resultSheets: result.sheets.map((s) => s.name),
    inputCopies: inputCopies.map((t) => t.name),
  });
  const bytes = writeXlsx({ sheets: result.sheets, inputCopies, about, createdAt: computedAt });
  const temporary = `${outputPath}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(temporary, bytes);
    renameSync(temporary, outputPath);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw new CliFailure(EXIT_INTERNAL, `cannot write ${outputPath}: ${(error as Error).message}`);
  }
}
