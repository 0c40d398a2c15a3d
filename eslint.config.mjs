// Flat config: JS + TypeScript recommended everywhere, the Office.js discipline
// (load before read, sync before read, no sync in loops) where Office.js is used,
// and eslint-config-prettier last so formatting is prettier's job alone.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

// The layers of docs/architecture.md, enforced: dependencies point one way, UI/CLI → adapters → workbook → engine.
// Each folder of src/ names the folders it may import from besides itself, and (where listed) the only packages
// its shipped code may load; a folder not listed here (taskpane, commands) is free. ESLint sees an import's text,
// not the file it resolves to, so the rule is written once per folder depth: from src/engine/realistic/swing/x.ts,
// "../../../" leaves src/engine.
const LAYERS = [
  { folder: "engine", may: [], packages: ["decimal.js"] },
  { folder: "workbook", may: ["engine"], packages: [] },
  { folder: "xlsx", may: ["engine", "workbook"] },
  { folder: "excel", may: ["engine", "workbook"] },
  { folder: "cli", may: ["engine", "workbook", "xlsx"] },
];
const MAX_DEPTH = 8;
// Office.js is the add-in's: only these folders may load it or use its globals.
const OFFICE_FOLDERS = ["excel", "taskpane", "commands"];
const OFFICE_JS = {
  name: "@microsoft/office-js",
  message: "Only src/excel, src/taskpane and src/commands use Office.js.",
};
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function layerBlocks({ folder, may, packages }) {
  const restrict = (patterns) => ["error", { paths: OFFICE_FOLDERS.includes(folder) ? [] : [OFFICE_JS], patterns }];
  const onlyPackages = packages && {
    // Any import not starting with "." other than the listed packages.
    regex: `^(?!\\.${packages.map((p) => `|${escapeRegex(p)}$`).join("")})`,
    message: packages.length
      ? `src/${folder} loads no package but ${packages.join(", ")}.`
      : `src/${folder} loads no package (decimal.js comes through src/engine/decimal).`,
  };
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const dir = `src/${folder}/${"*/".repeat(depth)}`;
    const leaves = {
      // Up depth + 1 levels (out of src/<folder>), then into anything but a folder it may import from.
      regex: `^(?:\\.\\./){${depth}}\\.\\.(?:/|$)${may.length ? `(?!(?:${may.join("|")})(?:/|$))` : ""}`,
      message: `src/${folder} imports only from itself${may.length ? ` and src/${may.join(", src/")}` : ""}.`,
    };
    return onlyPackages
      ? [
          { files: [`${dir}*.{ts,tsx}`], rules: { "no-restricted-imports": restrict([leaves, onlyPackages]) } },
          // Its tests may load test tools (jest, fast-check, node:fs), never another folder of src/.
          { files: [`${dir}*.test.{ts,tsx}`], rules: { "no-restricted-imports": restrict([leaves]) } },
        ]
      : [{ files: [`${dir}*.{ts,tsx}`], rules: { "no-restricted-imports": restrict([leaves]) } }];
  }).flat();
}

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "out/", ".bench/", "coverage/", "test-output/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Comp data is confidential and formulas are data: never evaluate strings.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    // Plain Node scripts (bin shim, jest/webpack configs) are CommonJS.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: globals.node },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      // Warn, not error: chunked reads/writes sized to Excel's ~5 MB payload limit sync once per chunk by design.
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.{ts,tsx,js,cjs,mjs}"],
    ignores: OFFICE_FOLDERS.map((f) => `src/${f}/**`),
    rules: { "no-restricted-imports": ["error", { paths: [OFFICE_JS] }] },
  },
  ...LAYERS.flatMap(layerBlocks),
  {
    // The pane talks to the workbook through WorkbookPort (src/workbook/port); only its entry point builds the
    // Office one. Its tests use the same port over the fake Excel (test/fake-excel).
    files: ["src/taskpane/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/index.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?:\\.\\./)+excel(?:/|$)",
              message:
                "src/taskpane reaches the workbook through WorkbookPort (src/workbook/port); only src/taskpane/index.tsx imports src/excel.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/{engine,workbook,xlsx,cli}/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "OfficeExtension"].map((name) => ({ name, message: OFFICE_JS.message })),
      ],
    },
  },
  prettier,
);
