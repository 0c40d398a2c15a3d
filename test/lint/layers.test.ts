import { beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/**
 * The layers of docs/architecture.md, enforced by eslint.config.mjs: each case
 * is one file's code, linted through the ESLint Node API (`lintText` with the
 * file's path, in lintText.mjs) with the project's config, and the errors of the
 * layer rules are listed. Outside src/engine the engine is reached only through
 * its public API, src/engine/index.ts, which nothing inside src/engine imports.
 */
const FORBIDDEN: readonly (readonly [file: string, code: string, message: string])[] = [
  ["src/engine/x.ts", 'import "../workbook/run";', "src/engine imports only from itself."],
  ["src/engine/x.ts", 'import "../excel/officeWorkbookPort";', "src/engine imports only from itself."],
  ["src/engine/realistic/swing/x.ts", 'import "../../../workbook/run";', "src/engine imports only from itself."],
  ["src/engine/offers/x.test.ts", 'import "../../../test/cli/helpers";', "src/engine imports only from itself."],
  ["src/engine/x.ts", 'import "node:fs";', "src/engine loads no package but decimal.js."],
  [
    "src/workbook/x.ts",
    'import "../excel/officeWorkbookPort";',
    "src/workbook imports only from itself and src/engine.",
  ],
  ["src/workbook/parse/x.ts", 'import "../../xlsx/read";', "src/workbook imports only from itself and src/engine."],
  ["src/workbook/x.ts", 'import "decimal.js";', "src/workbook loads no package"],
  [
    "src/xlsx/writer/x.ts",
    'import "../../cli/main";',
    "src/xlsx imports only from itself and src/engine, src/workbook.",
  ],
  ["src/xlsx/x.ts", 'import "../taskpane/App";', "src/xlsx imports only from itself and src/engine, src/workbook."],
  ["src/excel/x.ts", 'import "../taskpane/App";', "src/excel imports only from itself and src/engine, src/workbook."],
  ["src/excel/x.ts", 'import "../xlsx/read";', "src/excel imports only from itself and src/engine, src/workbook."],
  [
    "src/functions/x.ts",
    'import "../excel/watchTables";',
    "src/functions imports only from itself and src/engine, src/workbook.",
  ],
  [
    "src/functions/x.ts",
    'import "../taskpane/App";',
    "src/functions imports only from itself and src/engine, src/workbook.",
  ],
  ["src/functions/x.ts", 'import { Decimal } from "../engine/decimal";', 'only through its public API: "../engine"'],
  [
    "src/functions/x.ts",
    "CustomFunctions.associate('X', () => 1);",
    "In src/functions only functions.ts touches the host",
  ],
  ["src/functions/x.ts", "Excel.run(async () => {});", "In src/functions only functions.ts touches the host"],
  ["src/cli/x.ts", 'import "@microsoft/office-js";', "Only src/excel, src/taskpane and src/commands use Office.js."],
  ["test/cli/x.ts", 'import "@microsoft/office-js";', "Only src/excel, src/taskpane and src/commands use Office.js."],
  ["src/engine/x.ts", "Excel.run(async () => {});", "Only src/excel, src/taskpane and src/commands use Office.js."],
  ["src/workbook/x.ts", "export const host = Office.context;", "Only src/excel, src/taskpane and src/commands"],
  // Outside src/engine, the engine only through its public API (src/engine/index.ts); inside, never through it.
  ["src/workbook/x.ts", 'import { runModel } from "../engine/model";', 'only through its public API: "../engine"'],
  [
    "src/workbook/parse/cells/x.ts",
    'import "../../../engine/decimal";',
    'only through its public API: "../../../engine"',
  ],
  ["src/workbook/x.test.ts", 'import "../engine/testing/builders";', "only through its public API"],
  ["src/xlsx/writer/x.ts", 'import "../../engine/realistic/distribution";', "only through its public API"],
  ["src/excel/x.ts", 'import "../engine/offers";', "only through its public API"],
  ["src/cli/x.ts", 'import "../engine/assertNever";', "only through its public API"],
  ["src/taskpane/model/x.ts", 'import "../../engine/realisticModel";', "only through its public API"],
  ["src/commands/x.ts", 'import "../engine/types";', "only through its public API"],
  ["src/engine/x.ts", 'import { runModel } from "./index";', "src/engine does not import its own public API"],
  ["src/engine/x.ts", 'import { runModel } from ".";', "src/engine does not import its own public API"],
  ["src/engine/realistic/swing/x.ts", 'import "../..";', "src/engine does not import its own public API"],
  [
    "src/workbook/port.ts",
    'import "../excel/readInputTables";',
    "src/workbook imports only from itself and src/engine.",
  ],
  [
    "src/taskpane/App.tsx",
    'import "../excel/officeWorkbookPort";',
    "src/taskpane reaches the workbook through WorkbookPort",
  ],
  [
    "src/taskpane/views/x.tsx",
    'import "../../excel/writeResultSheets";',
    "only src/taskpane/index.tsx imports src/excel",
  ],
];

const ALLOWED: readonly (readonly [file: string, code: string])[] = [
  ["src/functions/x.ts", 'import "../engine";\nimport "../workbook/parse";'],
  ["src/functions/functions.ts", "export const e = CustomFunctions.ErrorCode;"],
  ["src/engine/x.ts", 'import "./decimal";'],
  ["src/engine/x.ts", 'import "decimal.js";'],
  ["src/engine/realistic/swing/x.ts", 'import "../../decimal";'],
  ["src/engine/offers/x.test.ts", 'import "fast-check";\nimport "../testing/builders";'],
  ["src/workbook/x.ts", 'import { runModel } from "../engine";'],
  ["src/workbook/parse/cells/x.ts", 'import "../../../engine";\nimport "../../types";'],
  ["src/workbook/x.test.ts", 'import { Decimal } from "../engine";'],
  ["src/xlsx/writer/x.ts", 'import { assertNever } from "../../engine";'],
  ["src/taskpane/model/x.ts", 'import "../../engine";\nimport "../../workbook/run";'],
  ["src/engine/x.ts", 'import { runModel } from "./model";\nimport "./realistic/distribution";'],
  ["src/engine/realistic/x.ts", 'import "../model";\nimport ".";\nimport "./index";'],
  ["src/xlsx/writer/x.ts", 'import "../../workbook/types";\nimport "fflate";'],
  ["src/excel/x.ts", 'import "../workbook/run";\nExcel.run(async () => {});'],
  ["src/cli/x.ts", 'import "../xlsx/read";\nimport "node:fs";'],
  ["src/taskpane/x.ts", 'import "../workbook/port";\nimport "@microsoft/office-js";'],
  ["src/taskpane/index.tsx", 'import "../excel/officeWorkbookPort";\nimport "../workbook/port";'],
  ["src/taskpane/model/x.test.ts", 'import "../../../test/fake-excel/fakeWorkbookPort";'],
];

const LAYER_RULES = ["no-restricted-imports", "no-restricted-globals"];
let errors: string[][] = [];

beforeAll(() => {
  const cases = [...FORBIDDEN, ...ALLOWED].map(([filePath, code]) => ({ filePath, code: `${code}\n` }));
  const run = spawnSync(process.execPath, [join(__dirname, "lintText.mjs")], {
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`lintText.mjs failed: ${run.stderr}`);
  const messages = JSON.parse(run.stdout) as { ruleId: string | null; severity: number; message: string }[][];
  errors = messages.map((m) =>
    m.filter((x) => x.severity === 2 && LAYER_RULES.includes(x.ruleId ?? "")).map((x) => x.message),
  );
});

describe("lint enforces the layers", () => {
  it.each(FORBIDDEN.map((c, k) => [...c, k] as const))("%s: %s is an error", (_file, _code, message, k) => {
    expect(errors[k]).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it.each(ALLOWED.map((c, k) => [...c, FORBIDDEN.length + k] as const))("%s: %s is allowed", (_file, _code, k) => {
    expect(errors[k]).toEqual([]);
  });
});
