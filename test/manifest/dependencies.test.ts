import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";

/**
 * Production dependencies are exactly what shipped code loads: the CLI and the
 * task pane are built from src/ (tests, test helpers and the bench are not
 * shipped). Anything else belongs in devDependencies, so an install for the
 * add-in or the CLI pulls in nothing it does not run.
 */
const root = join(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "testing" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name"; relative and Node built-ins → null. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("node:") || builtinModules.includes(specifier)) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

describe("package.json", () => {
  it("lists as dependencies exactly the packages shipped code imports", () => {
    const imported = new Set<string>();
    for (const file of sourceFiles(join(root, "src"))) {
      const text = readFileSync(file, "utf8");
      const statements = [
        ...text.matchAll(/^import\s[^;]*?\bfrom\s+"([^"]+)";/gm), // import … from "x";
        ...text.matchAll(/^import\s+"([^"]+)";/gm), // import "x";
        ...text.matchAll(/^export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s+from\s+"([^"]+)";/gm), // export … from "x";
      ];
      for (const m of statements) {
        const name = packageOf(m[1]);
        if (name !== null) imported.add(name);
      }
    }
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...imported].sort());
  });

  it("names each production dependency in the README, with why it is there", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Dependencies"), readme.indexOf("## Project layout"));
    for (const name of Object.keys(pkg.dependencies)) expect(section).toContain(`\`${name}\``);
    expect(Object.keys(pkg.devDependencies)).toContain("exceljs");
  });
});
