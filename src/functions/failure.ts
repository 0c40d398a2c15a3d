/**
 * What a worksheet function answers: a number, a dynamic array, or an Excel
 * error with the reason (shown in the cell's error tooltip). Plain data, so it
 * crosses to and from the model thread as a structured clone.
 */

/** The Excel errors the functions give: a value that cannot be used, and something not in the workbook. */
export type FailureCode = "#VALUE!" | "#N/A" | "#NUM!";

export type FunctionAnswer =
  | { readonly value: number | readonly (readonly number[])[] }
  | { readonly error: FailureCode; readonly message: string };

/** Thrown inside a function's body; the call answers it as the Excel error. */
export class FunctionFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
    this.name = "FunctionFailure";
  }
}

export const notAvailable = (message: string): FunctionFailure => new FunctionFailure("#N/A", message);
export const badValue = (message: string): FunctionFailure => new FunctionFailure("#VALUE!", message);

/** Runs a body, answering a FunctionFailure as its error (anything else is a bug: #VALUE! with its text). */
export function answer(body: () => number | readonly (readonly number[])[]): FunctionAnswer {
  try {
    const value = body();
    if (typeof value === "number" && !Number.isFinite(value))
      return { error: "#NUM!", message: `The result is not a finite number (${String(value)}).` };
    return { value };
  } catch (e) {
    if (e instanceof FunctionFailure) return { error: e.code, message: e.message };
    return { error: "#VALUE!", message: e instanceof Error ? e.message : String(e) };
  }
}
