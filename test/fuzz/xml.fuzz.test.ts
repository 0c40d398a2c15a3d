import { xmlCase } from "./arbitraries";
import { FUZZ_RUNS, fuzzCli } from "./harness";

describe("fuzz: broken and hostile XML anywhere in the example, and flipped zip bytes", () => {
  it(`${FUZZ_RUNS} damaged workbooks each end in success, located errors (exit 1) or an unreadable file (exit 2)`, () => {
    const counts = fuzzCli(xmlCase);
    expect(counts.get("unreadable")).toBeGreaterThan(FUZZ_RUNS / 10);
    expect((counts.get("success") ?? 0) + (counts.get("located error") ?? 0)).toBeGreaterThan(FUZZ_RUNS / 10);
  });
});
