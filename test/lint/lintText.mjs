// Lints code as if it were the files named, with the project's own eslint.config.mjs:
// stdin is [{ filePath, code }] (paths relative to the repository), stdout the messages of each.
// A script, not in-process, because jest's module sandbox cannot load the ES-module config.
import { ESLint } from "eslint";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd: root });
const cases = JSON.parse(readFileSync(0, "utf8"));
const results = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  results.push(result.messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message })));
}
process.stdout.write(JSON.stringify(results));
