/** Where the CLI writes; tests pass collectors so they run main() in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Clock for the "computed at" line; tests fix it. */
  readonly now?: () => Date;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  readonly cwd?: string;
  /** Rows a worksheet may take (default Excel's 1,048,576); tests lower it to reach the limit on a small workbook. */
  readonly sheetRowLimit?: number;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Exit statuses, documented in --help and the README. */
export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;
/** A bug or an I/O failure while writing the output: not the user's input. */
export const EXIT_INTERNAL = 3;
