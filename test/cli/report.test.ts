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
  it("names the result sheets, the input copies and what is not carried over", () => {
    const lines = formatOutputSummary(
      "out/acme-results.xlsx",
      ["Results_Payouts", "Results_Issues"],
      ["Reps", "Plans"],
    );
    expect(lines[0]).toBe("Wrote out/acme-results.xlsx");
    expect(lines[1]).toBe("  About, then the result sheets: Results_Payouts, Results_Issues");
    expect(lines[2]).toBe("  Value copies of the input tables: Reps, Plans");
    expect(lines[3]).toMatch(/charts, pivot tables, macros and formatting/);
  });
});
