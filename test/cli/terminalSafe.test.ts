import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { terminalSafe } from "../../src/cli/terminalSafe";
import { copyExample, runCli, tempDir } from "./helpers";

describe("workbook text on the terminal", () => {
  it("shows control characters and bidirectional overrides as \\uXXXX, keeping tab and line feed", () => {
    expect(terminalSafe("a\u001b]0;title\u0007b\u009b2J\r\u202Ec\td\n")).toBe(
      "a\\u001b]0;title\\u0007b\\u009b2J\\u000d\\u202ec\td\n",
    );
    // In JSON it is the same text, escaped: --json keeps the data.
    const data = { name: "x\u009b31m\u202E" };
    expect(JSON.parse(terminalSafe(JSON.stringify(data)))).toEqual(data);
  });

  it("prints a scenario name holding escape sequences without obeying them", () => {
    const dir = tempDir();
    try {
      copyExample(dir);
      const path = join(dir, "acme-comp.xlsx");
      const parts = unzipSync(readFileSync(path));
      const strings = strFromU8(parts["xl/sharedStrings.xml"]);
      expect(strings).toContain(">60/40 measure mix<");
      // Excel's escape for a control character in XML text: _x001B_ is ESC.
      parts["xl/sharedStrings.xml"] = strToU8(
        strings.replace(">60/40 measure mix<", ">_x001B_]0;owned_x0007__x001B_[2J_x001B_[31mFAKE_x001B_[0m<"),
      );
      writeFileSync(path, zipSync(parts));
      const run = runCli(["model", "acme-comp.xlsx", "-o", "out.xlsx"], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("\\u001b]0;owned\\u0007\\u001b[2J\\u001b[31mFAKE\\u001b[0m: 29 reps");
      // eslint-disable-next-line no-control-regex
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
