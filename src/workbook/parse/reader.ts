import { cellIssue, excelRow, rowIssue } from "../issues";
import type { Issue, RawCell, RawTable, Severity } from "../types";
import { excelErrorOf, isEmptyCell, type CellContext, type CellParser, type FilledCell } from "./cells/cell";

/** "Plans row 5": how the engine names a row in its messages. */
export function rowSource(tableName: string, excelRow: number): string {
  return `${tableName} row ${excelRow}`;
}

/** Reads the body rows of one input table through its column map, collecting issues. */
export class TableReader {
  private readonly labels = new Map<string, string>();
  /** Column i's context for a cell with no number format, made once: most cells have none. */
  private readonly plain: (CellContext | undefined)[] = [];

  constructor(
    readonly table: RawTable,
    readonly columns: ReadonlyMap<string, number>,
    readonly issues: Issue[],
  ) {}

  /** Body rows that hold anything; fully empty rows are skipped silently. */
  *rows(): Generator<RowReader> {
    for (let i = 0; i < this.table.rows.length; i++) {
      if (this.table.rows[i].some((c) => !isEmptyCell(c))) yield new RowReader(this, i);
    }
  }

  /**
   * The same rows through one RowReader moved from row to row (its `failed`
   * cleared at each): for a reader that keeps nothing of the row past `read`,
   * at half a million rows an object each saved.
   */
  forEachRow(read: (row: RowReader) => void): void {
    const cursor = new RowReader(this, 0);
    for (let i = 0; i < this.table.rows.length; i++) {
      if (!this.table.rows[i].some((c) => !isEmptyCell(c))) continue;
      cursor.index = i;
      cursor.failed = false;
      read(cursor);
    }
  }

  /** A reader of body row `index` (0-based), to report on it after the pass that read it. */
  row(index: number): RowReader {
    return new RowReader(this, index);
  }

  has(key: string): boolean {
    return this.columns.has(key);
  }

  /** What a parser is told about a cell of column `i` (read as `key`) with number format `format`. */
  context(key: string, i: number, format: string | null): CellContext {
    if (format !== null) return { label: this.header(key), format };
    return (this.plain[i] ??= { label: this.header(key), format: null });
  }

  /** The header as the user wrote it (falls back to the key when the column is absent); read once per column. */
  header(key: string): string {
    let label = this.labels.get(key);
    if (label === undefined) {
      const i = this.columns.get(key);
      label = i === undefined ? key : String(this.table.headers[i]).trim();
      this.labels.set(key, label);
    }
    return label;
  }
}

/**
 * One body row. Reading a cell either returns a value or records an issue on
 * that cell and marks the row failed, so a row with several bad cells reports
 * them all and then is left out of the model.
 */
export class RowReader {
  failed = false;

  constructor(
    readonly reader: TableReader,
    /** The body row (0-based); moved only by TableReader.forEachRow. */
    public index: number,
  ) {}

  get table(): RawTable {
    return this.reader.table;
  }

  /** The row number Excel shows. */
  get excelRow(): number {
    return excelRow(this.table, this.index);
  }

  /** "Plans row 5": how the engine names this row in its messages. */
  get source(): string {
    return rowSource(this.table.name, this.excelRow);
  }

  cell(key: string): RawCell {
    const i = this.reader.columns.get(key);
    return i === undefined ? null : (this.table.rows[this.index][i] ?? null);
  }

  blank(key: string): boolean {
    return isEmptyCell(this.cell(key));
  }

  /** Required cell: blank is an error. Null when blank or invalid (the row is then failed). */
  required<T>(key: string, parser: CellParser<T>): T | null {
    const i = this.reader.columns.get(key);
    const cell = i === undefined ? null : (this.table.rows[this.index][i] ?? null);
    if (cell === null || i === undefined || isEmptyCell(cell)) {
      this.error(key, `${this.reader.header(key)} is required`);
      return null;
    }
    return this.parse(key, i, cell, parser);
  }

  /** Optional cell: null when blank, or when invalid (the row is then failed). */
  optional<T>(key: string, parser: CellParser<T>): T | null {
    const i = this.reader.columns.get(key);
    const cell = i === undefined ? null : (this.table.rows[this.index][i] ?? null);
    if (cell === null || i === undefined || isEmptyCell(cell)) return null;
    return this.parse(key, i, cell, parser);
  }

  /** A filled cell of column `i` through its parser. */
  private parse<T>(key: string, i: number, cell: FilledCell, parser: CellParser<T>): T | null {
    const excelError = excelErrorOf(cell);
    if (excelError) {
      this.error(
        key,
        `${this.reader.header(key)} shows the Excel error ${excelError}; fix the formula or enter a value`,
      );
      return null;
    }
    const format = this.table.numberFormats?.[this.index]?.[i] ?? null;
    const parsed = parser(cell, this.reader.context(key, i, format));
    if (parsed.ok) return parsed.value;
    this.error(key, parsed.message);
    return null;
  }

  /** Records an Error on a cell (or on the row when key is null or its column is absent) and fails the row. */
  error(key: string | null, message: string): void {
    this.failed = true;
    this.report("Error", key, message);
  }

  warn(key: string | null, message: string): void {
    this.report("Warning", key, message);
  }

  info(key: string | null, message: string): void {
    this.report("Info", key, message);
  }

  private report(severity: Severity, key: string | null, message: string): void {
    const i = key === null ? undefined : this.reader.columns.get(key);
    this.reader.issues.push(
      i === undefined
        ? rowIssue(this.table, this.index, severity, message)
        : cellIssue(this.table, this.index, i, severity, message),
    );
  }
}
