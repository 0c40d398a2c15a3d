/** Lines of the output's About sheet: where it came from and, plainly, what it does not contain. */
export function aboutLines(options: {
  readonly sourceName: string;
  readonly computedAt: Date;
  readonly version: string;
  readonly resultSheets: readonly string[];
  readonly inputCopies: readonly string[];
}): string[] {
  const when = options.computedAt.toISOString().replace("T", " ").slice(0, 19);
  return [
    "Compensation model results",
    `Computed by compplan ${options.version} from ${options.sourceName} at ${when} UTC.`,
    "",
    `Result sheets: ${options.resultSheets.join(", ")}.`,
    `Value copies of the input tables: ${options.inputCopies.length ? options.inputCopies.join(", ") : "none"}.`,
    "",
    `This is a new workbook, not a copy of ${options.sourceName}: its charts, pivot tables, macros, other sheets and`,
    "formatting are not here. The input file was not changed.",
  ];
}
