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
// its shipped code may load; a folder without `may` (taskpane, commands) may import any folder. Outside src/engine,
// the engine is imported only through its public API, src/engine/index.ts ("../engine", never "../engine/model"),
// and inside it nothing imports that index. ESLint sees an import's text, not the file it resolves to, so the rule
// is written once per folder depth: from src/engine/realistic/swing/x.ts, "../../../" leaves src/engine.
const LAYERS = [
  { folder: "engine", may: [], packages: ["decimal.js"] },
  { folder: "workbook", may: ["engine"], packages: [] },
  { folder: "xlsx", may: ["engine", "workbook"] },
  { folder: "excel", may: ["engine", "workbook"] },
  { folder: "cli", may: ["engine", "workbook", "xlsx"] },
  // The COMP.* worksheet functions: over the workbook and engine only; the pane's entry wires them to Office.
  { folder: "functions", may: ["engine", "workbook"], packages: [] },
  // The pane reaches the workbook through WorkbookPort (src/workbook/port); only its entry point builds the Office one.
  { folder: "taskpane", notInto: { folder: "excel", except: "index.tsx" } },
  { folder: "commands" },
];
const MAX_DEPTH = 8;
// Office.js is the add-in's: only these folders may load it or use its globals.
const OFFICE_FOLDERS = ["excel", "taskpane", "commands"];
const OFFICE_JS = {
  name: "@microsoft/office-js",
  message: "Only src/excel, src/taskpane and src/commands use Office.js.",
};
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function layerBlocks({ folder, may, packages, notInto }) {
  const restrict = (patterns) => ["error", { paths: OFFICE_FOLDERS.includes(folder) ? [] : [OFFICE_JS], patterns }];
  const onlyPackages = packages && {
    // Any import not starting with "." other than the listed packages.
    regex: `^(?!\\.${packages.map((p) => `|${escapeRegex(p)}$`).join("")})`,
    message: packages.length
      ? `src/${folder} loads no package but ${packages.join(", ")}.`
      : `src/${folder} loads no package (decimal.js comes through src/engine).`,
  };
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const dir = `src/${folder}/${"*/".repeat(depth)}`;
    const leaves = may && {
      // Up depth + 1 levels (out of src/<folder>), then into anything but a folder it may import from.
      regex: `^(?:\\.\\./){${depth}}\\.\\.(?:/|$)${may.length ? `(?!(?:${may.join("|")})(?:/|$))` : ""}`,
      message: `src/${folder} imports only from itself${may.length ? ` and src/${may.join(", src/")}` : ""}.`,
    };
    const api =
      folder === "engine"
        ? {
            // Up depth levels to src/engine itself ("." from the top, ".." one folder down), or its index.
            regex: `^${depth ? `\\.\\.(?:/\\.\\.){${depth - 1}}` : "\\."}(?:/(?:index(?:\\.ts)?)?)?$`,
            message: "src/engine does not import its own public API (src/engine/index.ts): import the module itself.",
          }
        : {
            // Up depth + 1 levels (out of src/<folder>), into src/engine, then any further path.
            regex: `^(?:\\.\\./){${depth}}\\.\\./engine/`,
            message: `Outside src/engine, import the engine only through its public API: "${"../".repeat(depth + 1)}engine".`,
          };
    const barred = notInto && {
      regex: `^(?:\\.\\./){${depth}}\\.\\./${notInto.folder}(?:/|$)`,
      message: `src/${folder} reaches the workbook through WorkbookPort (src/workbook/port); only src/${folder}/${notInto.except} imports src/${notInto.folder}.`,
    };
    const patterns = [leaves, api].filter(Boolean);
    if (barred)
      return [
        { files: [`${dir}*.{ts,tsx}`], rules: { "no-restricted-imports": restrict([...patterns, barred]) } },
        ...(depth === 0
          ? [{ files: [`${dir}${notInto.except}`], rules: { "no-restricted-imports": restrict(patterns) } }]
          : []),
      ];
    return onlyPackages
      ? [
          { files: [`${dir}*.{ts,tsx}`], rules: { "no-restricted-imports": restrict([...patterns, onlyPackages]) } },
          // Its tests may load test tools (jest, fast-check, node:fs), never another folder of src/.
          { files: [`${dir}*.test.{ts,tsx}`], rules: { "no-restricted-imports": restrict(patterns) } },
        ]
      : [{ files: [`${dir}*.{ts,tsx}`], rules: { "no-restricted-imports": restrict(patterns) } }];
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
    files: ["src/{engine,workbook,xlsx,cli}/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "OfficeExtension"].map((name) => ({ name, message: OFFICE_JS.message })),
      ],
    },
  },
  {
    // src/functions is plain TypeScript but for the file Excel loads (functions.ts, with its JSDoc metadata and
    // the CustomFunctions glue) and the fallback entry that loads it.
    files: ["src/functions/**/*.{ts,tsx}"],
    ignores: ["src/functions/functions.ts", "src/functions/fallback.ts"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...["Excel", "Office", "OfficeExtension", "CustomFunctions"].map((name) => ({
          name,
          message:
            "In src/functions only functions.ts touches the host (CustomFunctions); the rest is plain TypeScript.",
        })),
      ],
    },
  },
  prettier,
);
