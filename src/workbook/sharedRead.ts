import { locateInputs } from "./parse/locate";
import type { ReadProgress, ReadRequest, WorkbookPort } from "./port";
import type { RawTable } from "./types";

/**
 * The shared runtime's one read of the input tables, for the pane and the
 * COMP.* functions alike (docs/architecture.md, "Live worksheet functions in
 * one runtime"): whoever reads first, the other is handed the same read (the
 * same array, so the model thread, which knows reads by identity, holds it
 * and what it built on it once). The read is kept until an input table
 * changes: `invalidate` (tables.onChanged, through watchTables, or the pane's
 * own write to an input table) drops it and tells the listeners — the
 * functions answer their open cells again, the model thread forgets.
 *
 * A read is kept only when a change to it would be heard: tables.onChanged
 * was being watched before it began, every input it found is an Excel table
 * (an input kept on a plain sheet raises no event), and it has Reps and
 * Plans (a workbook still being set up gains tables, which raises none
 * either). Any other read serves only those who asked while it was made.
 */
export class SharedRead {
  private current: Promise<readonly RawTable[]> | null = null;
  private watched = false;
  /** Bumped by every invalidation: a read that began before one is not kept. */
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  /** Reads made through the source port (tests and the bench count them). */
  reads = 0;

  constructor(private readonly source: WorkbookPort) {}

  /** Changes to the input tables are heard from now on (watchTables is attached). */
  watching(): void {
    this.watched = true;
  }

  /** The input tables: the kept read (or the one being made), else a new one. */
  read(onProgress?: (p: ReadProgress) => void, request: ReadRequest = {}): Promise<readonly RawTable[]> {
    if (request.fresh) this.invalidate();
    if (this.current) return this.current;
    const generation = this.generation;
    const heard = this.watched;
    this.reads++;
    const reading: Promise<readonly RawTable[]> = this.source.readTables(onProgress).then(
      (tables) => {
        if (this.current === reading && !(heard && generation === this.generation && changesHeard(tables)))
          this.current = null;
        return tables;
      },
      (error: unknown) => {
        if (this.current === reading) this.current = null;
        throw error;
      },
    );
    this.current = reading;
    return reading;
  }

  /** An input table changed: the read is dropped and every listener told. */
  invalidate(): void {
    this.current = null;
    this.generation++;
    for (const listener of [...this.listeners]) listener();
  }

  /** Called on every invalidation; returns the unsubscribe. */
  onInvalidate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The pane's port: it reads through this shared read, and its writes to the
   * input tables (the example, the plan editor's tiers, Settings) drop it,
   * since the change event they raise arrives only later. Writing the result
   * sheets changes no input.
   */
  port(): WorkbookPort {
    const source = this.source;
    const thenInvalidate = async <T>(write: Promise<T>): Promise<T> => {
      try {
        return await write;
      } finally {
        this.invalidate();
      }
    };
    return {
      readTables: (onProgress, request) => this.read(onProgress, request),
      writeSheets: (sheets, onProgress) => source.writeSheets(sheets, onProgress),
      insertExample: (tables, options) => thenInvalidate(source.insertExample(tables, options)),
      selectCell: (address) => source.selectCell(address),
      activateSheet: (name) => source.activateSheet(name),
      replaceRows: (patch) => thenInvalidate(source.replaceRows(patch)),
      writeSettings: (entries) => thenInvalidate(source.writeSettings(entries)),
      markResultsStale: (note) => source.markResultsStale(note),
      workbookName: () => source.workbookName(),
    };
  }
}

/** Whether tables.onChanged would report a change to this read: Reps and Plans present, every input an Excel table. */
function changesHeard(tables: readonly RawTable[]): boolean {
  const found = locateInputs(tables);
  return (
    found.Reps !== undefined &&
    found.Plans !== undefined &&
    Object.values(found).every((t) => t === undefined || t.source === "table")
  );
}
