/** Errors shaped like OfficeExtension.Error: a `code` the adapter can test, a message a person can read. */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidObjectPath"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "GeneralException";

export class FakeExcelError extends Error {
  constructor(
    readonly code: FakeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export function fakeError(code: FakeErrorCode, message: string): FakeExcelError {
  return new FakeExcelError(code, message);
}
