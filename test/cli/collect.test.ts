import { collectGarbage } from "../../src/cli/collect";

// ES2021, past the project's lib (ES2020); Node has had it since 14.6.
declare const WeakRef: new <T extends object>(target: T) => { deref(): T | undefined };

describe("collectGarbage", () => {
  it("collects what nothing references any more", async () => {
    const made = (() => new WeakRef({ rows: new Array(1000).fill("garbage") }))();
    // A WeakRef keeps its target for the rest of the job that made or read it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(made.deref()).toBeUndefined();
  });

  it("collects again each time it is asked (the CLI asks twice: after the parse and after the run)", async () => {
    collectGarbage();
    const later = (() => new WeakRef({ rows: new Array(1000).fill("later garbage") }))();
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(later.deref()).toBeUndefined();
  });
});
