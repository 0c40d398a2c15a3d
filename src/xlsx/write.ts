import type { RawTable, SheetSpec } from "../workbook/types";
import { addAboutSheet } from "./writer/about-sheet";
import { addInputCopySheet } from "./writer/input-copy-sheet";
import { PackageBuilder } from "./writer/package-builder";
import { addResultSheet } from "./writer/result-sheet";

export interface WriteXlsxOptions {
  /** Result sheets, written in this order after the About sheet. */
  readonly sheets: readonly SheetSpec[];
  /** The input tables the run used, written as value copies after the results. */
  readonly inputCopies: readonly RawTable[];
  /** Lines for the first sheet "About" (what this file contains). */
  readonly about: readonly string[];
  /** Creation time stamped in the document properties and zip entries (default: now); fix it for reproducible files. */
  readonly createdAt?: Date;
}

/**
 * A fresh .xlsx package (not a copy of the user's file): About, the result
 * sheets as formatted tables with their charts, then value copies of the inputs.
 */
export function writeXlsx(options: WriteXlsxOptions): Uint8Array {
  const pkg = new PackageBuilder();
  addAboutSheet(pkg, options.about);
  for (const sheet of options.sheets) addResultSheet(pkg, sheet);
  for (const input of options.inputCopies) addInputCopySheet(pkg, input);
  return pkg.zip(options.about[0] ?? "Compensation model results", options.createdAt ?? new Date());
}
