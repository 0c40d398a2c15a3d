/**
 * A problem the engine finds in a plan or in the data (the workbook layer has
 * already checked each cell). `source` is the "Table row N" text the contract
 * attached to the input, so the workbook layer can point at the cell.
 */
export interface EngineIssue {
  readonly severity: "Error" | "Warning" | "Info";
  readonly message: string;
  readonly source?: string;
  readonly column?: string;
}
