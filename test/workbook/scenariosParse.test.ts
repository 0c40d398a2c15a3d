import type { Scenario } from "../../src/engine/types";
import { parseModelInput } from "../../src/workbook/parse";
import { readScenarios } from "../../src/workbook/parse/scenarios";
import type { Issue, RawCell, RawTable } from "../../src/workbook/types";
import { minimalTables, table, TODAY, withTables } from "./tables";

const HEADERS = [
  "Scenario",
  "Attainment",
  "Distribution",
  "Mean",
  "StdDev",
  "PeriodSpread",
  "PeriodCorrelation",
  "TeamCorrelation",
];
const scenariosTable = (rows: readonly (readonly RawCell[])[], headers: readonly string[] = HEADERS) =>
  table("Scenarios", headers, rows);
const located = (e: Issue) => `${e.address ?? `${e.table} row ${e.row}`} ${e.severity}: ${e.message}`;
const read = (t: RawTable) => {
  const issues: Issue[] = [];
  const { scenarios } = readScenarios(t, issues);
  return { scenarios, issues: issues.map(located) };
};
const swings = (s: Scenario) =>
  [s.periodSpread, s.periodCorrelation, s.teamCorrelation].map((d) =>
    d === null || d === undefined ? d : d.toString(),
  );

describe("Scenarios period and team swings", () => {
  it("reads PeriodSpread, PeriodCorrelation and TeamCorrelation with a distribution", () => {
    const { scenarios, issues } = read(
      scenariosTable([
        ["History", null, "Historical", null, null, "30%", 0.4, "50%"], // row 2
        ["Normal", null, "Normal", 0.9, 0.25, 0, "-90%", 0], // row 3: the lowest values
        ["LogNormal", null, "LogNormal", 0.9, 0.25, "100%", "95%", 1], // row 4: the highest values
        ["Defaults", null, "Historical", null, null, null, null, null], // row 5: blank: from history or the default
      ]),
    );
    expect(issues).toEqual([]);
    expect(scenarios.map((s) => [s.name, s.assumption?.kind, ...swings(s)])).toEqual([
      ["History", "Historical", "0.3", "0.4", "0.5"],
      ["Normal", "Normal", "0", "-0.9", "0"],
      ["LogNormal", "LogNormal", "1", "0.95", "1"],
      ["Defaults", "Historical", null, null, null],
    ]);
  });

  it("accepts the other headers", () => {
    for (const headers of [
      ["Period Spread", "Period Correlation", "Team Correlation"],
      ["Period Swing", "Period Autocorrelation", "Member Correlation"],
      ["Quarterly Spread", "period_correlation", "team correlation"],
    ]) {
      const { scenarios, issues } = read(
        scenariosTable([["H", "Historical", "20%", "10%", "30%"]], ["Scenario", "Distribution", ...headers]),
      );
      expect(issues).toEqual([]);
      expect(swings(scenarios[0])).toEqual(["0.2", "0.1", "0.3"]);
    }
  });

  it("refuses values out of range, naming the range", () => {
    const { scenarios, issues } = read(
      scenariosTable([
        ["A", null, "Historical", null, null, "-1%", null, null], // row 2
        ["B", null, "Historical", null, null, "101%", null, null], // row 3
        ["C", null, "Normal", 0.9, 0.2, null, "-91%", null], // row 4
        ["D", null, "Normal", 0.9, 0.2, null, "96%", null], // row 5
        ["E", null, "LogNormal", 0.9, 0.2, null, null, "-5%"], // row 6
        ["F", null, "LogNormal", 0.9, 0.2, null, null, 1.5], // row 7
        ["G", null, "Historical", null, null, "lots", null, null], // row 8
        ["H", null, "Historical", null, null, 30, null, null], // row 9: plain 30 means 30%
      ]),
    );
    expect(issues).toEqual([
      "Scenarios!F2 Error: PeriodSpread must be between 0% and 100%",
      "Scenarios!F3 Error: PeriodSpread must be between 0% and 100%",
      "Scenarios!G4 Error: PeriodCorrelation must be between -90% and 95%",
      "Scenarios!G5 Error: PeriodCorrelation must be between -90% and 95%",
      "Scenarios!H6 Error: TeamCorrelation must be between 0% and 100%",
      "Scenarios!H7 Error: TeamCorrelation must be between 0% and 100%",
      'Scenarios!F8 Error: PeriodSpread "lots" is not a number',
      "Scenarios!F9 Error: PeriodSpread 30 looks like 30%; write 30% or 0.3",
    ]);
    expect(scenarios).toEqual([]);
  });

  it("warns that the swings are not used without a distribution", () => {
    const { scenarios, issues } = read(
      scenariosTable(
        [
          ["Flat", "90%", null, null, null, "30%", 0.2, "50%", null], // row 2
          ["Actuals", null, null, null, null, "150%", null, null, "Plain actuals"], // row 3: unused, so not checked
        ],
        [...HEADERS, "Description"],
      ),
    );
    expect(issues).toEqual([
      "Scenarios!F2 Warning: PeriodSpread is not used by a flat attainment",
      "Scenarios!G2 Warning: PeriodCorrelation is not used by a flat attainment",
      "Scenarios!H2 Warning: TeamCorrelation is not used by a flat attainment",
      "Scenarios!F3 Warning: PeriodSpread is not used by a scenario without an Attainment or Distribution",
    ]);
    expect(scenarios.map((s) => [s.name, s.assumption?.kind ?? null, ...swings(s)])).toEqual([
      ["Flat", "Flat", null, null, null],
      ["Actuals", null, null, null, null],
    ]);
  });

  it("passes the swings to the model input", () => {
    const { input, issues } = parseModelInput(
      withTables(minimalTables(), scenariosTable([["History", null, "Historical", null, null, "25%", "10%", "40%"]])),
      { today: TODAY },
    );
    expect(issues.filter((i) => i.severity !== "Info")).toEqual([]);
    expect(input!.scenarios.map((s) => [s.name, ...swings(s)])).toEqual([["History", "0.25", "0.1", "0.4"]]);
  });
});
