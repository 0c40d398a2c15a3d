/** The bytes are not a readable .xlsx package; the message says what they look like instead. */
export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxFormatError";
  }
}

/** "The .xlsx file is damaged: <what>." — a part is missing, broken or past a limit. */
export function damaged(what: string): XlsxFormatError {
  return new XlsxFormatError(`The .xlsx file is damaged: ${what}.`);
}
