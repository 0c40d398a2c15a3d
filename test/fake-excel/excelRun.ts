import type { FakeContext, FakeExcel } from "./index";

/** Runs an adapter function that takes an Excel.RequestContext against the fake (the one cast in one place). */
export function runWith<T>(fake: FakeExcel, fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return fake.run((ctx: FakeContext) => fn(ctx as unknown as Excel.RequestContext));
}
