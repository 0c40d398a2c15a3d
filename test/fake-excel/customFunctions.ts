import { colName, parseAddress } from "./a1";
import type { CellValue, SheetState, WorkbookState } from "./state";

/**
 * The fake host's custom functions, as Excel runs them for an add-in:
 *
 * - `CustomFunctions.associate(id, fn)` (or an object of them) binds ids of
 *   the metadata (the functions.json the build generated from JSDoc); an id
 *   the metadata does not declare is refused, as Excel refuses it;
 * - a formula `=COMP.NAME(args)` written to a cell (through `Range.values` or
 *   typed by the test) is invoked with its arguments coerced to the declared
 *   types (omitted optional ones as null), then the invocation: a streaming
 *   function's `setResult` may answer again and again until `onCanceled`,
 *   which Excel calls when the formula or one of its arguments changes;
 * - `CustomFunctions.Error(code, message)` shows as the error value, its
 *   message kept for the cell; a 2-D array spills (#SPILL! over a value);
 * - everything a recalculation invokes is invoked in one task (so an add-in
 *   can batch), and answers arrive asynchronously.
 *
 * Unsupported (not used by the add-in): nested formulas, ranges as arguments,
 * volatile functions, repeating parameters.
 */

export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly options?: { readonly stream?: boolean; readonly volatile?: boolean; readonly cancelable?: boolean };
  readonly parameters: readonly { readonly name: string; readonly type?: string; readonly optional?: boolean }[];
  readonly result?: { readonly dimensionality?: string };
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class FakeFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

type Arg = { kind: "value"; value: CellValue | null } | { kind: "ref"; sheet: string | null; r: number; c: number };

interface FormulaCell {
  readonly sheet: SheetState;
  readonly r: number;
  readonly c: number;
  readonly formula: string;
  readonly meta: FunctionMetadata | null;
  readonly args: readonly Arg[];
  canceled?: () => void;
  spill: [number, number][];
  /** Answers given to the current invocation. */
  answers: number;
}

const key = (sheetId: string, r: number, c: number) => `${sheetId}|${r}|${c}`;

export class FakeCustomFunctions {
  readonly registry = new Map<string, (...args: unknown[]) => unknown>();
  private readonly cells = new Map<string, FormulaCell>();
  private readonly dependents = new Map<string, Set<FormulaCell>>();
  private readonly messages = new Map<string, string>();
  private dirty = new Set<FormulaCell>();
  /** Invocations made, answers delivered, recalculations run (each invokes its dirty cells in one task). */
  invocations = 0;
  deliveries = 0;
  recalcs = 0;
  private waiters: { until: () => boolean; resolve: () => void }[] = [];

  /** The `CustomFunctions` global the add-in's code sees. */
  readonly global = {
    associate: (id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) => {
      const pairs = typeof id === "string" ? [[id, fn!] as const] : Object.entries(id);
      for (const [k, f] of pairs) {
        const upper = k.toUpperCase();
        if (!this.metadata.functions.some((m) => m.id.toUpperCase() === upper))
          throw new Error(`CustomFunctions.associate: ${k} is not in the functions' metadata`);
        if (typeof f !== "function") throw new Error(`CustomFunctions.associate: ${k} is not a function`);
        this.registry.set(upper, f);
      }
    },
    Error: FakeFunctionError,
    ErrorCode: ERROR_CODES,
  };

  constructor(
    readonly state: WorkbookState,
    readonly metadata: { readonly functions: readonly FunctionMetadata[] },
    readonly namespace = "COMP",
  ) {
    state.formulas = {
      entered: (sheet, r, c, formula) => this.entered(sheet, r, c, formula),
      changed: (sheet, r, c) => this.changed(sheet, r, c),
    };
  }

  /** A user types into a cell: a formula, or a value (its dependents recalculate; tables raise onChanged). */
  type(sheetName: string, address: string, input: string | number | boolean): void {
    const sheet = this.state.findSheet(sheetName) ?? this.state.addSheet(sheetName);
    const { rect } = parseAddress(address);
    this.state.writeValue(sheet, rect.r0, rect.c0, input);
    this.state.raiseTableChanges();
  }

  /** The error message of a cell showing an error ("" when none). */
  message(sheetName: string, address: string): string {
    const sheet = this.state.findSheet(sheetName);
    const { rect } = parseAddress(address);
    return sheet ? (this.messages.get(key(sheet.id, rect.r0, rect.c0)) ?? "") : "";
  }

  /** Resolves once every formula cell has been answered at least once since it was last invoked. */
  settled(): Promise<void> {
    return this.when(() => this.dirty.size === 0 && [...this.cells.values()].every((f) => f.answers > 0));
  }

  /** Resolves once `n` more answers have been delivered. */
  delivered(n: number): Promise<void> {
    const target = this.deliveries + n;
    return this.when(() => this.deliveries >= target);
  }

  private when(until: () => boolean): Promise<void> {
    if (until()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  private wake(): void {
    const ready = this.waiters.filter((w) => w.until());
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  // ---- formulas ----

  private entered(sheet: SheetState, r: number, c: number, formula: string): void {
    this.remove(sheet, r, c);
    const parsed = this.parse(formula);
    const cell: FormulaCell = { sheet, r, c, formula, spill: [], answers: 0, ...parsed };
    this.cells.set(key(sheet.id, r, c), cell);
    for (const a of cell.args)
      if (a.kind === "ref") {
        const s = a.sheet === null ? sheet : this.state.findSheet(a.sheet);
        if (!s) continue;
        const k = key(s.id, a.r, a.c);
        if (!this.dependents.has(k)) this.dependents.set(k, new Set());
        this.dependents.get(k)!.add(cell);
      }
    this.markDirty(cell);
    this.changed(sheet, r, c);
  }

  private remove(sheet: SheetState, r: number, c: number): void {
    const k = key(sheet.id, r, c);
    const old = this.cells.get(k);
    if (!old) return;
    old.canceled?.();
    this.clearSpill(old);
    this.cells.delete(k);
    this.dirty.delete(old);
    for (const set of this.dependents.values()) set.delete(old);
  }

  private changed(sheet: SheetState, r: number, c: number): void {
    const k = key(sheet.id, r, c);
    // A value typed over a formula removes it.
    if (this.cells.has(k) && sheet.rows[r]?.f?.get(c) === undefined) this.remove(sheet, r, c);
    for (const dep of this.dependents.get(k) ?? []) this.markDirty(dep);
  }

  private markDirty(cell: FormulaCell): void {
    const first = this.dirty.size === 0;
    this.dirty.add(cell);
    if (first) queueMicrotask(() => this.recalc());
  }

  /** One recalculation: every dirty cell invoked in this one task. */
  private recalc(): void {
    const cells = [...this.dirty];
    this.dirty = new Set();
    this.recalcs++;
    for (const cell of cells) this.invoke(cell);
  }

  private parse(formula: string): { meta: FunctionMetadata | null; args: Arg[] } {
    const m = /^=\s*([A-Za-z_][\w]*)\.([A-Za-z_][\w.]*)\s*\((.*)\)\s*$/s.exec(formula);
    if (!m || m[1].toUpperCase() !== this.namespace) return { meta: null, args: [] };
    const meta = this.metadata.functions.find((f) => f.name.toUpperCase() === m[2].toUpperCase()) ?? null;
    return { meta, args: splitArgs(m[3]).map(parseArg) };
  }

  private invoke(cell: FormulaCell): void {
    cell.canceled?.();
    cell.canceled = undefined;
    cell.answers = 0;
    const { meta } = cell;
    const fn = meta && this.registry.get(meta.id.toUpperCase());
    if (!meta || !fn) return this.answer(cell, new FakeFunctionError("#NAME?", "No such function."), true);
    const required = meta.parameters.filter((p) => !p.optional).length;
    if (cell.args.length < required || cell.args.length > meta.parameters.length)
      return this.answer(cell, new FakeFunctionError("#VALUE!", "Wrong number of arguments."), true);
    const values: unknown[] = [];
    for (let i = 0; i < meta.parameters.length; i++) {
      const p = meta.parameters[i];
      const raw = i < cell.args.length ? this.valueOf(cell, cell.args[i]) : null;
      const v = coerce(raw, p.type ?? "any", p.optional === true);
      if (v instanceof FakeFunctionError) return this.answer(cell, v, true);
      values.push(v);
    }
    this.invocations++;
    const address = `${cell.sheet.name}!${colName(cell.c)}${cell.r + 1}`;
    let open = true;
    if (meta.options?.stream) {
      const invocation = {
        address,
        onCanceled: undefined as (() => void) | undefined,
        setResult: (v: unknown) => {
          if (open) this.answer(cell, v, false);
        },
      };
      cell.canceled = () => {
        open = false;
        invocation.onCanceled?.();
      };
      fn(...values, invocation);
      return;
    }
    cell.canceled = () => {
      open = false;
    };
    try {
      void Promise.resolve(fn(...values, { address })).then(
        (v) => open && this.answer(cell, v, false),
        (e) => open && this.answer(cell, e, false),
      );
    } catch (e) {
      this.answer(cell, e, false);
    }
  }

  private valueOf(cell: FormulaCell, a: Arg): CellValue | null {
    if (a.kind === "value") return a.value;
    const s = a.sheet === null ? cell.sheet : this.state.findSheet(a.sheet);
    if (!s) return null;
    const v = this.state.getValue(s, a.r, a.c);
    return v === "" ? null : v;
  }

  /** Shows an answer in the cell: a value, an error with its message, or a spilled array. */
  private answer(cell: FormulaCell, v: unknown, now: boolean): void {
    if (!this.cells.has(key(cell.sheet.id, cell.r, cell.c))) return;
    const k = key(cell.sheet.id, cell.r, cell.c);
    this.clearSpill(cell);
    this.messages.delete(k);
    if (v instanceof FakeFunctionError || v instanceof Error) {
      const code = v instanceof FakeFunctionError ? v.code : "#VALUE!";
      this.state.setComputed(cell.sheet, cell.r, cell.c, code);
      if (v.message) this.messages.set(k, v.message);
    } else if (Array.isArray(v)) {
      const rows = v as unknown[][];
      const blocked = rows.some((row, i) =>
        row.some((_, j) => (i || j) && this.state.getValue(cell.sheet, cell.r + i, cell.c + j) !== ""),
      );
      if (blocked) this.state.setComputed(cell.sheet, cell.r, cell.c, "#SPILL!");
      else
        rows.forEach((row, i) =>
          row.forEach((x, j) => {
            this.state.setComputed(cell.sheet, cell.r + i, cell.c + j, x as CellValue);
            if (i || j) cell.spill.push([cell.r + i, cell.c + j]);
          }),
        );
    } else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") {
      this.state.setComputed(cell.sheet, cell.r, cell.c, v);
    } else this.state.setComputed(cell.sheet, cell.r, cell.c, "#VALUE!");
    if (!now) this.deliveries++;
    cell.answers++;
    // The formula's own value changed: cells that refer to it recalculate.
    for (const dep of this.dependents.get(k) ?? []) this.markDirty(dep);
    this.wake();
  }

  private clearSpill(cell: FormulaCell): void {
    for (const [r, c] of cell.spill) this.state.setComputed(cell.sheet, r, c, undefined);
    cell.spill = [];
  }
}

/** Splits a formula's argument list on top-level commas (commas inside "..." are text). */
function splitArgs(text: string): string[] {
  if (text.trim() === "") return [];
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

function parseArg(text: string): Arg {
  if (text === "") return { kind: "value", value: null };
  if (/^".*"$/s.test(text)) return { kind: "value", value: text.slice(1, -1).replace(/""/g, '"') };
  if (/^(true|false)$/i.test(text)) return { kind: "value", value: text.toUpperCase() === "TRUE" };
  const n = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/i.exec(text);
  if (n) return { kind: "value", value: n[2] ? Number(n[1]) / 100 : Number(n[1]) };
  const ref = /^(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text);
  if (ref) {
    const { rect } = parseAddress(`${ref[2]}${ref[3]}`);
    const sheet = ref[1] ? (ref[1].startsWith("'") ? ref[1].slice(1, -1).replace(/''/g, "'") : ref[1]) : null;
    return { kind: "ref", sheet, r: rect.r0, c: rect.c0 };
  }
  throw new Error(`The fake's formulas take literals and cell references only: ${text}`);
}

/** An argument as Excel hands it to a parameter of the declared type (an error value passes as #VALUE!). */
function coerce(v: CellValue | null, type: string, optional: boolean): unknown {
  if (typeof v === "string" && /^#[A-Z/0]+[!?]?$|^#N\/A$/.test(v)) return new FakeFunctionError("#VALUE!", v);
  if (v === null) return optional ? null : type === "number" ? 0 : type === "string" ? "" : null;
  switch (type) {
    case "number":
      if (typeof v === "number") return v;
      if (typeof v === "boolean") return v ? 1 : 0;
      return /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(v) ? Number(v) : new FakeFunctionError("#VALUE!");
    case "string":
      return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
    case "boolean":
      return typeof v === "boolean" ? v : typeof v === "number" ? v !== 0 : new FakeFunctionError("#VALUE!");
    default:
      return v;
  }
}
