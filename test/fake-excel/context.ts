import { fakeError, FakeExcelError } from "./errors";
import type { WorkbookState } from "./state";

/**
 * The request/sync machinery of the fake, strict like office.js:
 * - every property read throws PropertyNotLoaded unless it was loaded and a
 *   sync has returned since;
 * - writes and method calls are queued and applied in order at `sync()`;
 *   an op that fails leaves the ops before it applied (Excel has no batch
 *   rollback) and the ones after it not run;
 * - each sync's request (queued ops) and response (loaded values) is measured
 *   in JSON bytes and refused over the limit, like Excel on the web.
 */

export interface SyncStats {
  readonly index: number;
  readonly requestBytes: number;
  responseBytes: number;
  readonly ops: number;
  /** Ops that change the workbook (cell writes, adds, renames, deletes...). */
  readonly writes: number;
  /** Cells written through `values` in this sync. */
  readonly cellsWritten: number;
  readonly calcSuspended: boolean;
  readonly screenSuspended: boolean;
}

export interface Op {
  /** "Range.values=", "Worksheet.delete()", "Range.load"... */
  readonly name: string;
  readonly write: boolean;
  readonly bytes: number;
  readonly cells: number;
  readonly exec: () => void;
}

export interface FakeHost {
  readonly state: WorkbookState;
  readonly syncs: SyncStats[];
  readonly payloadLimit: number;
  /** How a sync's reply arrives (default: a microtask). */
  readonly roundTrip?: () => Promise<void>;
  /** When each sync's operations were applied ([start, end] in performance.now() ms): Excel's side of the work. */
  readonly hostWork?: [number, number][];
  /** Return true to make that op fail (failure injection); ops before it stay applied. */
  failWhen: ((op: Op, syncIndex: number) => boolean) | null;
  /** ExcelApi 1.x minor version the host claims (9 = ExcelApi 1.9). */
  readonly apiMinor: number;
  /** What a method on a null object gives: a null object (default) or an ItemNotFound failure. */
  nullChain: "propagate" | "throw";
}

const OP_OVERHEAD = 60;

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  // Fast path: pure ASCII (the usual case) is one byte per character.
  if (!NON_ASCII.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code > 0x7f) n += code > 0x7ff ? (code >= 0xd800 && code <= 0xdbff ? 1 : 2) : 1;
  }
  return n;
}

export class FakeRequestContext {
  private queue: Op[] = [];
  private staged: (() => void)[] = [];
  private responseBytes = 0;
  private closed = false;
  /** Objects whose loaded values become readable when the current sync returns. */
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };

  constructor(readonly host: FakeHost) {}

  get state(): WorkbookState {
    return this.host.state;
  }

  enqueue(op: Op): void {
    this.assertOpen();
    this.queue.push(op);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  /** Called by load ops while a sync executes: counts bytes now, publishes values when the sync succeeds. */
  respond(bytes: number, publish: () => void): void {
    this.responseBytes += bytes;
    this.staged.push(publish);
  }

  assertOpen(): void {
    if (this.closed)
      throw fakeError("InvalidObjectPath", "this request context is closed: the object was used outside its Excel.run");
  }

  close(): void {
    this.closed = true;
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const ops = this.queue;
    this.queue = [];
    const index = this.host.syncs.length + 1;
    const requestBytes = 100 + ops.reduce((n, op) => n + op.bytes, 0);
    const stats: SyncStats = {
      index,
      requestBytes,
      responseBytes: 0,
      ops: ops.length,
      writes: ops.filter((o) => o.write).length,
      cellsWritten: ops.reduce((n, o) => n + o.cells, 0),
      calcSuspended: ops.some((o) => o.name === "Application.suspendApiCalculationUntilNextSync()"),
      screenSuspended: ops.some((o) => o.name === "Application.suspendScreenUpdatingUntilNextSync()"),
    };
    this.host.syncs.push(stats);
    // A round trip is always asynchronous; with `roundTrip` (the browser host) it ends in a new task, as a reply
    // from Excel's process does, rather than in a microtask of the same one.
    await (this.host.roundTrip?.() ?? Promise.resolve());
    if (requestBytes > this.host.payloadLimit) {
      throw fakeError(
        "RequestPayloadSizeLimitExceeded",
        `request of ${requestBytes} bytes exceeds the ${this.host.payloadLimit}-byte limit`,
      );
    }
    this.responseBytes = 0;
    this.staged = [];
    // The work Excel does in its own process: timed, so a measure of the pane's thread can leave it out.
    const started = performance.now();
    try {
      for (const op of ops) {
        if (this.host.failWhen?.(op, index))
          throw fakeError("GeneralException", `injected failure at ${op.name} (sync ${index})`);
        try {
          op.exec();
        } catch (e) {
          if (e instanceof FakeExcelError) throw e;
          throw fakeError("GeneralException", `${op.name}: ${(e as Error).message}`);
        }
      }
    } finally {
      this.host.hostWork?.push([started, performance.now()]);
      this.host.state.raiseTableChanges();
    }
    stats.responseBytes = this.responseBytes + 50;
    if (stats.responseBytes > this.host.payloadLimit) {
      throw fakeError(
        "ResponsePayloadSizeLimitExceeded",
        `response of ${stats.responseBytes} bytes exceeds the ${this.host.payloadLimit}-byte limit`,
      );
    }
    for (const publish of this.staged) publish();
    this.staged = [];
  }
}

type Getter<T> = (target: T) => unknown;

class NullParent extends Error {}

/**
 * Base of every proxy. `locate` finds the target in the workbook when the
 * first op that needs it runs (then it is fixed, like an office.js object path).
 */
export abstract class FakeObject<T> {
  private target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private nullKnown = false;

  constructor(
    readonly ctx: FakeRequestContext,
    private readonly locate: () => T | null,
    private readonly typeName: string,
    nullable = false,
  ) {
    if (nullable) {
      ctx.enqueue({
        name: `${typeName}.getItemOrNullObject`,
        write: false,
        bytes: OP_OVERHEAD,
        cells: 0,
        exec: () => {
          this.tryResolve();
          ctx.respond(10, () => {
            this.nullKnown = true;
          });
        },
      });
    }
  }

  /** Scalar properties that `load` can read. */
  protected abstract scalars(): Record<string, Getter<T>>;
  /** Navigation properties ("worksheet" of a table) for loads like "worksheet/name". */
  protected navigations(): Record<string, () => FakeObject<unknown>> {
    return {};
  }

  get isNullObject(): boolean {
    if (!this.nullKnown)
      throw fakeError("PropertyNotLoaded", `${this.typeName}.isNullObject is not available before context.sync()`);
    return this.target === null;
  }

  tryResolve(): T | null {
    if (this.target === undefined) {
      try {
        this.target = this.locate();
      } catch (e) {
        if (!(e instanceof NullParent)) throw e;
        this.target = null;
      }
    }
    return this.target;
  }

  /**
   * For locators of objects derived from this one: a child of a null object
   * is a null object too (its load reports isNullObject), unless the host is
   * set to throw as a stricter Excel might.
   */
  protected parent(): T {
    const t = this.tryResolve();
    if (t !== null) return t;
    if (this.ctx.host.nullChain === "throw") throw fakeError("ItemNotFound", `${this.typeName} is a null object`);
    throw new NullParent();
  }

  private readonly navCache = new Map<string, unknown>();

  /** Navigation properties return the same proxy each time, so what was loaded on it stays readable. */
  protected cached<V>(key: string, make: () => V): V {
    if (!this.navCache.has(key)) this.navCache.set(key, make());
    return this.navCache.get(key) as V;
  }

  resolve(): T {
    const t = this.tryResolve();
    if (t === null) throw fakeError("ItemNotFound", `${this.typeName} does not exist (null object)`);
    return t;
  }

  /** office.js style property read: only after load + sync. */
  protected read<V>(prop: string): V {
    this.ctx.assertOpen();
    if (!this.loaded.has(prop)) {
      throw fakeError(
        "PropertyNotLoaded",
        `The property '${prop}' of ${this.typeName} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(prop) as V;
  }

  /** Queues a property write. */
  protected write(prop: string, value: unknown, apply: (target: T) => void, cells = 0): void {
    this.ctx.enqueue({
      name: `${this.typeName}.${prop}=`,
      write: true,
      bytes: OP_OVERHEAD + jsonBytes(value),
      cells,
      exec: () => apply(this.resolve()),
    });
  }

  /** Queues a method call. */
  protected call(method: string, args: unknown, apply: (target: T) => void, write = true): void {
    this.ctx.enqueue({
      name: `${this.typeName}.${method}()`,
      write,
      bytes: OP_OVERHEAD + jsonBytes(args),
      cells: 0,
      exec: () => apply(this.resolve()),
    });
  }

  load(spec?: string | string[] | { select?: string }): this {
    const paths = normalizeLoad(spec);
    this.ctx.enqueue({
      name: `${this.typeName}.load`,
      write: false,
      bytes: OP_OVERHEAD + jsonBytes(paths),
      cells: 0,
      exec: () => this.execLoad(paths),
    });
    return this;
  }

  /** Runs inside a sync: computes the values now, publishes them if the sync succeeds. */
  execLoad(paths: readonly string[] | null): void {
    const t = this.tryResolve();
    if (t === null) {
      this.ctx.respond(10, () => {
        this.nullKnown = true;
      });
      return;
    }
    const scalars = this.scalars();
    const navs = this.navigations();
    const direct = paths === null ? Object.keys(scalars) : paths.filter((p) => !p.includes("/"));
    const nested = new Map<string, string[]>();
    for (const p of paths ?? []) {
      const i = p.indexOf("/");
      if (i < 0) continue;
      const head = p.slice(0, i);
      nested.set(head, [...(nested.get(head) ?? []), p.slice(i + 1)]);
    }
    const values: [string, unknown][] = [];
    for (const p of direct) {
      if (navs[p]) {
        nested.set(p, nested.get(p) ?? []);
        continue;
      }
      const get = scalars[p];
      if (!get) throw fakeError("InvalidArgument", `${this.typeName} has no property '${p}'`);
      values.push([p, get(t)]);
    }
    let bytes = 0;
    for (const [, v] of values) bytes += jsonBytes(v) + 8;
    this.ctx.respond(bytes, () => {
      this.nullKnown = true;
      for (const [p, v] of values) this.loaded.set(p, v);
    });
    for (const [head, rest] of nested) {
      const nav = navs[head];
      if (!nav) throw fakeError("InvalidArgument", `${this.typeName} has no navigation '${head}'`);
      nav().execLoad(rest.length ? rest : null);
    }
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

function normalizeLoad(spec?: string | string[] | { select?: string }): string[] | null {
  if (spec === undefined) return null;
  const list = typeof spec === "string" ? spec.split(",") : Array.isArray(spec) ? spec : (spec.select ?? "").split(",");
  const out = list.map((s) => s.trim()).filter((s) => s.length > 0);
  return out.length ? out : null;
}

/**
 * A collection: `items` is readable after load + sync; "items/name" and
 * plain "name" both load that property of every item.
 */
export abstract class FakeCollection<T, P extends FakeObject<T>> extends FakeObject<readonly T[]> {
  private itemProxies: P[] | null = null;

  protected abstract proxyFor(target: T): P;

  protected override scalars(): Record<string, Getter<readonly T[]>> {
    return { count: (ts) => ts.length };
  }

  get items(): P[] {
    this.ctx.assertOpen();
    if (this.itemProxies === null)
      throw fakeError(
        "PropertyNotLoaded",
        "The property 'items' is not available. Call load() and context.sync() first.",
      );
    return this.itemProxies;
  }

  get count(): number {
    return this.read<number>("count");
  }

  override execLoad(paths: readonly string[] | null): void {
    const targets = this.resolve();
    const itemPaths = (paths ?? [])
      .filter((p) => p !== "count" && p !== "items")
      .map((p) => (p.startsWith("items/") ? p.slice(6) : p));
    if (paths?.includes("count")) super.execLoad(["count"]);
    if (paths !== null && itemPaths.length === 0 && !paths.includes("items")) return;
    const proxies = targets.map((t) => this.proxyFor(t));
    for (const p of proxies) p.execLoad(itemPaths.length ? itemPaths : null);
    this.ctx.respond(10, () => {
      this.itemProxies = proxies;
    });
  }
}

export { OP_OVERHEAD };
