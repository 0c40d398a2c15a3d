import type { FakeHost, Op, SyncStats } from "./context";
import { FakeRequestContext } from "./context";
import { FakeWorkbook } from "./objects";
import { WorkbookState } from "./state";

export { FakeExcelError } from "./errors";
export { WorkbookState } from "./state";
export type { SyncStats, Op } from "./context";

/** Excel on the web refuses a request or a response of about 5 MB. */
export const EXCEL_WEB_PAYLOAD_LIMIT = 5_000_000;

/** The context object handed to batch functions: `context.workbook`, `context.sync()`. */
export class FakeContext extends FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeWorkbook["application"];
  constructor(host: FakeHost) {
    super(host);
    this.workbook = new FakeWorkbook(this);
    this.application = this.workbook.application;
  }
}

/**
 * A strict in-memory Excel: `run` behaves like `Excel.run` (a final sync when
 * ops are pending; objects are dead after the batch), `syncs` records every
 * round trip with its payload sizes.
 */
export class FakeExcel implements FakeHost {
  readonly state = new WorkbookState();
  readonly syncs: SyncStats[] = [];
  readonly hostWork: [number, number][] = [];
  roundTrip?: () => Promise<void>;
  failWhen: ((op: Op, syncIndex: number) => boolean) | null = null;
  nullChain: "propagate" | "throw" = "propagate";

  constructor(
    readonly payloadLimit = EXCEL_WEB_PAYLOAD_LIMIT,
    /** ExcelApi 1.x minor version the host claims. */
    readonly apiMinor = 12,
  ) {}

  async run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this);
    try {
      const result = await batch(context);
      if (context.pending()) await context.sync();
      return result;
    } finally {
      context.close();
    }
  }

  /** Fails the op at `opName` the `nth` time it runs from now on (1-based), once. */
  failAt(opName: string, nth = 1): void {
    let seen = 0;
    this.failWhen = (op) => {
      if (op.name !== opName) return false;
      seen++;
      if (seen === nth) {
        this.failWhen = null;
        return true;
      }
      return false;
    };
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  isApiSupported(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    return major === 1 && (minor ?? 0) <= this.apiMinor;
  }
}
