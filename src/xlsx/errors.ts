/** The bytes are not a readable .xlsx package; the message says what they look like instead. */
export class XlsxFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxFormatError";
  }
}
