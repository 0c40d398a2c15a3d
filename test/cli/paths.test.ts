import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultOutputPath, displayPath, isSameFile } from "../../src/cli/paths";

describe("paths", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "compplan-paths-"));
    writeFileSync(join(dir, "in.xlsx"), "x");
    symlinkSync(join(dir, "in.xlsx"), join(dir, "link.xlsx"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("puts the results beside the input", () => {
    expect(defaultOutputPath("/data/acme-comp.xlsx")).toBe("/data/acme-comp-results.xlsx");
    expect(defaultOutputPath("/data/plan")).toBe("/data/plan-results.xlsx");
  });

  it("recognises the input under another spelling or through a symlink", () => {
    expect(isSameFile(join(dir, "in.xlsx"), join(dir, "sub", "..", "in.xlsx"))).toBe(true);
    expect(isSameFile(join(dir, "link.xlsx"), join(dir, "in.xlsx"))).toBe(true);
    expect(isSameFile(join(dir, "in-results.xlsx"), join(dir, "in.xlsx"))).toBe(false);
  });

  it("shows paths inside the working directory relative to it", () => {
    expect(displayPath("/work/x/out/a.xlsx", "/work/x")).toBe("out/a.xlsx");
    expect(displayPath("/elsewhere/a.xlsx", "/work/x")).toBe("/elsewhere/a.xlsx");
  });
});
