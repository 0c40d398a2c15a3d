import { isInputTableName, LiveFunctions } from "../../functions/live";
import type { WorkbookPort } from "../../workbook/port";
import { SharedRead } from "../../workbook/sharedRead";
import type { Compute } from "./compute";

/**
 * The shared runtime's parts, wired as the pane's entry wires them (and the
 * tests and the bench, over the fake host): one read of the input tables for
 * the pane and the COMP.* functions (SharedRead), one model thread for both
 * (Compute: the pane's worker), and the watch on the input tables that drops
 * the read, and what the model thread built on it, when one changes.
 */
export interface Runtime {
  /** The pane's port: reads through the shared read; its writes to input tables drop it. */
  readonly port: WorkbookPort;
  readonly shared: SharedRead;
  /** The model thread the pane and the functions share. */
  readonly compute: Compute;
  /** The worksheet functions, where the host runs them in this runtime. */
  readonly live: LiveFunctions | null;
  /** Settles once the watch is attached (reads are kept from then on), or could not be. */
  readonly watching: Promise<void>;
}

export interface RuntimeOptions {
  /** The workbook (officeWorkbookPort in Excel). */
  readonly source: WorkbookPort;
  readonly compute: Compute;
  /** Calls back with a changed table's name ("" when it cannot be named): watchTables over the host's run. */
  readonly watch: (onChange: (table: string) => void) => Promise<void>;
  /** Whether the host runs the COMP.* functions in this runtime (SharedRuntime 1.1 and CustomFunctions). */
  readonly functions: boolean;
}

export function startRuntime({ source, compute, watch, functions }: RuntimeOptions): Runtime {
  const shared = new SharedRead(source);
  // In this order: the model thread forgets before the open cells ask again.
  shared.onInvalidate(compute.forget);
  const live = functions
    ? new LiveFunctions({ read: () => shared.read(), evaluate: (tables, calls) => compute.functions(tables, calls) })
    : null;
  if (live) shared.onInvalidate(() => live.invalidate());
  const watching = watch((table) => {
    if (table === "" || isInputTableName(table)) shared.invalidate();
  }).then(
    () => shared.watching(),
    // Without the watch nothing is kept: every read reads the workbook, as before.
    () => undefined,
  );
  return { port: shared.port(), shared, compute, live, watching };
}
