import { cellCase } from "./arbitraries";
import { FUZZ_RUNS, fuzzCli } from "./harness";

describe("fuzz: what a user could type into the example's tables", () => {
  it(`${FUZZ_RUNS} mutated workbooks each end in success, located errors (exit 1) or an unreadable file (exit 2)`, () => {
    const counts = fuzzCli(cellCase);
    // Values, copies, rows and table ranges: most cases still read, and both success and located errors occur.
    expect(counts.get("success")).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(counts.get("located error")).toBeGreaterThan(FUZZ_RUNS / 10);
  });
});
