import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { local, parseXml, walk, type XmlElement } from "./xml";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest } = require("../../webpack.config.js") as {
  productionManifest: (xml: string, url?: string) => string;
};

const ROOT = join(__dirname, "..", "..");
const text = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(text);
const all = [...walk(manifest)];
const byLocal = (name: string): XmlElement[] => all.filter((e) => local(e.name) === name);

/** Width and height from a PNG's IHDR chunk (bytes 16..23). */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(path);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(b.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("is well-formed XML (and xmllint agrees when installed)", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
    if (existsSync("/usr/bin/xmllint")) execFileSync("/usr/bin/xmllint", ["--noout", join(ROOT, "manifest.xml")]);
    expect(() => parseXml("<a><b></a></b>")).toThrow(/not well-formed/); // the reader itself is strict
  });

  it("has a fixed GUID Id, targets workbooks and asks for ExcelApi 1.7 and ReadWriteDocument", () => {
    const id = manifest.children.find((c) => c.name === "Id")!.text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(byLocal("Host").map((h) => h.attributes.Name ?? h.attributes["xsi:type"])).toEqual(["Workbook", "Workbook"]);
    const set = byLocal("Set").find((s) => s.attributes.Name === "ExcelApi");
    expect(set?.attributes.MinVersion).toBe("1.7");
    expect(manifest.children.find((c) => c.name === "Permissions")!.text).toBe("ReadWriteDocument");
    expect(byLocal("SourceLocation")[0].attributes.DefaultValue).toBe("https://localhost:3000/taskpane.html");
  });

  it("uses https for every URL", () => {
    const urls = all.flatMap((e) =>
      Object.entries(e.attributes)
        .filter(([k, v]) => k === "DefaultValue" && /^[a-z]+:\/\//i.test(v))
        .map(([, v]) => v),
    );
    urls.push(...byLocal("AppDomain").map((e) => e.text));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it("resolves every resid to a defined resource, and the ribbon button opens the task pane from the Home tab", () => {
    const defined = new Set(
      byLocal("Resources").flatMap((r) => [...walk(r)].map((e) => e.attributes.id).filter(Boolean)),
    );
    const used = all.map((e) => e.attributes.resid).filter(Boolean);
    expect(used.length).toBeGreaterThan(10);
    for (const r of used) expect(defined).toContain(r);
    expect(byLocal("OfficeTab")[0].attributes.id).toBe("TabHome");
    expect(byLocal("Action")[0].attributes["xsi:type"]).toBe("ShowTaskpane");
  });

  it("points at icons that exist with the sizes they claim", () => {
    const images = byLocal("Image").filter((e) => e.attributes.DefaultValue);
    const sizes = new Map<string, number>([
      ["icon-16.png", 16],
      ["icon-32.png", 32],
      ["icon-64.png", 64],
      ["icon-80.png", 80],
    ]);
    for (const [file, px] of sizes) expect(pngSize(join(ROOT, "assets", file))).toEqual({ width: px, height: px });
    for (const img of images) {
      const file = img.attributes.DefaultValue.split("/").pop()!;
      expect(sizes.has(file)).toBe(true);
      expect(img.attributes.id).toContain(`${sizes.get(file)}x${sizes.get(file)}`);
    }
    for (const e of [...byLocal("IconUrl"), ...byLocal("HighResolutionIconUrl")])
      expect(sizes.has(e.attributes.DefaultValue.split("/").pop()!)).toBe(true);
  });

  it("declares the COMP functions in a shared runtime: SharedRuntime 1.1, CustomFunctionsRuntime 1.1, one page", () => {
    const sets = byLocal("Set").map((e) => `${e.attributes.Name} ${e.attributes.MinVersion}`);
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime 1.1", "CustomFunctionsRuntime 1.1"]));
    // Only in VersionOverrides: a host without them still installs the add-in and runs its pane.
    const top = manifest.children.find((c) => c.name === "Requirements")!;
    expect([...walk(top)].map((e) => e.attributes.Name).filter(Boolean)).toEqual(["ExcelApi"]);
    const runtime = byLocal("Runtime")[0];
    expect(runtime.attributes).toMatchObject({ resid: "Taskpane.Url", lifetime: "long" });
    const point = byLocal("ExtensionPoint").find((e) => e.attributes["xsi:type"] === "CustomFunctions")!;
    const loc = (name: string) =>
      [...walk(point)].find((e) => local(e.name) === name)!.children.find((c) => local(c.name) === "SourceLocation")!
        .attributes.resid;
    expect([loc("Page"), loc("Script"), loc("Metadata")]).toEqual([
      "Taskpane.Url",
      "Functions.Script.Url",
      "Functions.Metadata.Url",
    ]);
    expect(byLocal("FunctionFile")[0].attributes.resid).toBe("Taskpane.Url");
    expect(text).toContain('<bt:String id="Functions.Namespace" DefaultValue="COMP"/>');
    expect(text).toContain('DefaultValue="https://localhost:3000/functions.json"');
  });

  it("production build swaps every dev URL for ADDIN_PROD_URL", () => {
    const prod = productionManifest(text, "https://comp.acme.example/addin");
    expect(prod).not.toContain("localhost");
    expect(prod).toContain('DefaultValue="https://comp.acme.example/addin/taskpane.html"');
    expect(prod).toContain("<AppDomain>https://comp.acme.example</AppDomain>");
    parseXml(prod);
    expect(() => productionManifest(text, "http://insecure.example/")).toThrow(/https/);
  });
});
