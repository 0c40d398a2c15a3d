/**
 * A result sheet or table name is taken by something of the user's. Nothing
 * is written: we never overwrite a sheet we did not create. The message tells
 * the user what to rename.
 */
export class ResultSheetConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ResultSheetConflictError";
  }
}
