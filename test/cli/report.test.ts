import { formatIssues, formatOutputSummary, issueLocation } from "../../src/cli/report";
import type { Issue } from "../../src/workbook/types";

const issue = (fields: Partial<Issue>): Issue => ({
  severity: "Error",
  table: "Reps",
  sheet: "Reps",
  row: null,
  column: null,
  address: null,
  message: "",
  ...fields,
});

describe("issue lines", () => {
  it("says where a problem is, in Excel's words", () => {
    expect(issueLocation(issue({ row: 7, column: "Base" }))).toBe("Reps row 7, column Base");
    expect(issueLocation(issue({ row: 7 }))).toBe("Reps row 7");
    expect(issueLocation(issue({ column: "Plan" }))).toBe("Reps, column Plan");
    expect(issueLocation(issue({ table: "" }))).toBe("");
  });

  it("lists errors first, then warnings, then info, addresses aligned", () => {
    const lines = formatIssues([
      issue({
        severity: "Warning",
        table: "Plans",
        row: 3,
        column: "Weight",
        address: "Plans!C3",
        message: "weights sum to 90%",
      }),
      issue({ severity: "Info", table: "", message: "no Tiers table: 1.0× from 0" }),
      issue({ row: 7, column: "Base", address: "Reps!D7", message: "Base is not a number" }),
    ]);
    // Address column is as wide as the longest ("(workbook)" = 10 characters), then two spaces.
    expect(lines).toEqual([
      "Error   Reps!D7     Reps row 7, column Base: Base is not a number",
      "Warning Plans!C3    Plans row 3, column Weight: weights sum to 90%",
      "Info    (workbook)  no Tiers table: 1.0× from 0",
    ]);
  });
});

describe("output summary", () => {
  it("says the output is the user's workbook plus the result sheets", () => {
    const lines = formatOutputSummary("out/acme-results.xlsx", "acme.xlsx", {
      results: ["Results_Payouts", "Results_Issues"],
      replaced: [],
      leftAlone: [],
    });
    expect(lines).toEqual([
      "Wrote out/acme-results.xlsx",
      "  acme.xlsx plus the result sheets: Results_Payouts, Results_Issues",
      "  Everything else in the workbook is as it was. The input file was not changed.",
    ]);
  });

  it("names the sheets of an earlier run it replaced and those it left as they were", () => {
    const lines = formatOutputSummary("r.xlsx", "r0.xlsx", {
      results: ["Results_Payouts", "Results_Issues"],
      replaced: ["Results_Payouts"],
      leftAlone: ["Results_Trace"],
    });
    expect(lines.slice(2, 4)).toEqual([
      "  Replaced our sheets from an earlier run: Results_Payouts",
      "  Left as they were (from an earlier run, not produced this time): Results_Trace",
    ]);
  });
});
