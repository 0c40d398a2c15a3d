import { formatAddress } from "../a1";
import { FakeCollection, FakeObject, OP_OVERHEAD, jsonBytes, type FakeRequestContext } from "../context";
import { fakeError } from "../errors";
import type { SheetState } from "../state";
import type { FakeRange } from "./ranges";

/** Worksheet-scoped names (the add-in's ownership mark). */

interface NameRef {
  readonly sheet: SheetState;
  readonly key: string;
}

export class FakeNamedItemCollection extends FakeCollection<NameRef, FakeNamedItem> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: () => SheetState,
  ) {
    super(
      ctx,
      () => {
        const s = sheet();
        return [...s.names.keys()].map((key) => ({ sheet: s, key }));
      },
      "NamedItemCollection",
    );
  }
  protected proxyFor(target: NameRef): FakeNamedItem {
    return new FakeNamedItem(this.ctx, () => target);
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let created: NameRef | null = null;
    this.ctx.enqueue({
      name: "NamedItemCollection.add()",
      write: true,
      bytes: OP_OVERHEAD + jsonBytes([name, typeof reference === "string" ? reference : "range", comment ?? ""]),
      cells: 0,
      exec: () => {
        const s = this.sheet();
        if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name)) throw fakeError("InvalidArgument", `invalid name ${name}`);
        if (s.names.has(name.toLowerCase())) throw fakeError("ItemAlreadyExists", `name ${name} exists on ${s.name}`);
        const formula =
          typeof reference === "string"
            ? reference
            : `=${formatAddress(reference.resolve().sheet.name, reference.resolve().rect)}`;
        s.names.set(name.toLowerCase(), { name, formula, comment: comment ?? "" });
        created = { sheet: s, key: name.toLowerCase() };
      },
    });
    return new FakeNamedItem(this.ctx, () => {
      if (!created) throw fakeError("InvalidObjectPath", "name was not created");
      return created;
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.ctx,
      () => {
        const s = this.sheet();
        return s.names.has(name.toLowerCase()) ? { sheet: s, key: name.toLowerCase() } : null;
      },
      true,
    );
  }
}

export class FakeNamedItem extends FakeObject<NameRef> {
  constructor(ctx: FakeRequestContext, locate: () => NameRef | null, nullable = false) {
    super(ctx, locate, "NamedItem", nullable);
  }
  private entry(t: NameRef): { name: string; formula: string; comment: string } {
    const e = t.sheet.names.get(t.key);
    if (!e) throw fakeError("ItemNotFound", "name was deleted");
    return e;
  }
  protected scalars(): Record<string, (t: NameRef) => unknown> {
    return {
      name: (t) => this.entry(t).name,
      formula: (t) => this.entry(t).formula,
      comment: (t) => this.entry(t).comment,
      value: (t) => this.entry(t).formula.replace(/^="?|"$/g, ""),
    };
  }
  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get comment(): string {
    return this.read("comment");
  }
  delete(): void {
    this.call("delete", null, (t) => {
      t.sheet.names.delete(t.key);
    });
  }
}
