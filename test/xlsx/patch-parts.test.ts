import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { addResultSheets } from "../../src/xlsx/patch";
import { appendWorksheetTitles } from "../../src/xlsx/patch/app-properties";
import { AppendedStyles } from "../../src/xlsx/patch/appended-styles";
import { calcChainSheetIds } from "../../src/xlsx/patch/calc-chain";
import { PartGraph } from "../../src/xlsx/patch/part-graph";
import { editRelationships, freshRelIds } from "../../src/xlsx/patch/relationships-xml";
import { SourcePackage } from "../../src/xlsx/patch/source-package";
import { appendSheets, parseBook } from "../../src/xlsx/patch/workbook-xml";
import { FontId } from "../../src/xlsx/writer/style-registry";
import { fixturePackage, worksheet } from "./package-fixture";
import { hasXmllint, packageProblems, unzipParts, xmllintErrors } from "./package-checks";
import { editPackage, resultSpecs, unreachableParts } from "./patch-fixtures";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

describe("AppendedStyles", () => {
  it("appends to a prefixed styles part with the part's prefix, after a self-closing numFmts", () => {
    const xml =
      `<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="0"/>` +
      '<x:fonts count="1"><x:font><x:sz val="10"/></x:font></x:fonts>' +
      '<x:fills count="2"><x:fill/><x:fill/></x:fills><x:borders count="1"><x:border/></x:borders>' +
      '<x:cellStyleXfs count="1"><x:xf/></x:cellStyleXfs>' +
      '<x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>';
    const styles = new AppendedStyles(xml);
    // Existing: 1 font, 2 xfs. Ours: "0.0%" -> numFmt 164 (no custom ids in use), xf 2; the title font -> font 1, xf 3.
    expect(styles.xf("0.0%")).toBe(2);
    expect(styles.xf(null, FontId.Title)).toBe(3);
    expect(styles.xf("0.0%")).toBe(2);
    // A built-in code needs no numFmt: yyyy-mm-dd is not built in, m/d/yyyy... "0%" is id 9.
    expect(styles.xf("0%")).toBe(4);
    const out = styles.result();
    expect(out).toContain('<x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.0%"/></x:numFmts>');
    expect(out).toContain('<x:fonts count="2"><x:font><x:sz val="10"/></x:font><x:font><x:b/><x:sz val="14"/>');
    expect(out).toContain(
      '<x:cellXfs count="5"><x:xf numFmtId="0"/><x:xf numFmtId="14" applyNumberFormat="1"/>' +
        '<x:xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<x:xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
        '<x:xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></x:cellXfs>',
    );
  });

  it("adds the lists a sparse styles part lacks, with Excel's default entries first", () => {
    const styles = new AppendedStyles(`<styleSheet xmlns="${MAIN}"><dxfs count="0"/></styleSheet>`);
    // Defaults: font 0, xf 0. Ours: numFmt 164 in a new numFmts, xf 1.
    expect(styles.xf('0.00"x"')).toBe(1);
    const out = styles.result();
    expect(out.indexOf("<numFmts")).toBeLessThan(out.indexOf("<fonts"));
    expect(out.indexOf("<cellXfs")).toBeLessThan(out.indexOf("<dxfs"));
    expect(out).toMatch(/<fills count="2">.*<\/fills><borders count="1">/);
    expect(out).toContain(
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164"',
    );
  });

  it("changes nothing when only the default style is used", () => {
    const styles = new AppendedStyles(`<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf/></cellXfs></styleSheet>`);
    expect(styles.xf(null)).toBe(0);
    expect(styles.changed).toBe(false);
  });
});

describe("workbook.xml edits", () => {
  it("appends prefixed sheets and creates <definedNames> after <sheets> (and externalReferences)", () => {
    const xml =
      `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="A" sheetId="7" rel:id="rId1"/></x:sheets>` +
      '<x:externalReferences><x:externalReference rel:id="rId2"/></x:externalReferences><x:calcPr/></x:workbook>';
    const book = parseBook(xml);
    expect(book.sheets).toEqual([{ name: "A", sheetId: 7, relId: "rId1" }]);
    const out = appendSheets(xml, book, [{ name: "R&D", relId: "rId3" }], ['<definedName name="n">1</definedName>']);
    expect(out).toBe(
      `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets><x:sheet name="A" sheetId="7" rel:id="rId1"/>` +
        '<x:sheet name="R&amp;D" sheetId="8" rel:id="rId3"/></x:sheets>' +
        '<x:externalReferences><x:externalReference rel:id="rId2"/></x:externalReferences>' +
        '<x:definedNames><x:definedName name="n">1</x:definedName></x:definedNames><x:calcPr/></x:workbook>',
    );
  });

  it("declares the relationships namespace on a new sheet when the root does not bind it", () => {
    const xml = `<workbook xmlns="${MAIN}"><sheets><sheet xmlns:q="${REL}" name="A" sheetId="1" q:id="rId1"/></sheets></workbook>`;
    const out = appendSheets(xml, parseBook(xml), [{ name: "B", relId: "rId2" }], []);
    expect(out).toContain(`<sheet name="B" sheetId="2" xmlns:r="${REL}" r:id="rId2"/></sheets>`);
  });

  it("refuses Strict Open XML", () => {
    expect(() => parseBook('<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>')).toThrow(
      /Strict Open XML/,
    );
  });
});

describe("relationship and property edits", () => {
  it("removes, re-points and appends relationships, leaving the rest as it was", () => {
    const xml =
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet1.xml"/>' +
      "<Relationship Id='rId2' Type='t/calcChain' Target='calcChain.xml'/></Relationships>";
    const out = editRelationships(xml, {
      remove: new Set(["rId2"]),
      retarget: new Map([["rId1", "worksheets/sheet9.xml"]]),
      add: [{ id: "rId3", type: "t/worksheet", target: "worksheets/sheet10.xml" }],
    });
    expect(out).toBe(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="t/worksheet" Target="worksheets/sheet9.xml"/>' +
        '<Relationship Id="rId3" Type="t/worksheet" Target="worksheets/sheet10.xml"/></Relationships>',
    );
    // 3 ids taken: candidates start at rId4; rId4 is taken, so rId5 and rId6.
    expect(freshRelIds(["rId1", "rId4", "x"], 2)).toEqual(["rId5", "rId6"]);
  });

  it("lists sheet ids in calcChain, explicit i attributes only (others inherit the previous)", () => {
    expect([
      ...calcChainSheetIds('<calcChain><c r="A1" i="1"/><c r="A2"/><c r="B1" i="3" l="1"/></calcChain>'),
    ]).toEqual([1, 3]);
  });

  it("adds sheet titles under the heading whose titles are the worksheets (any UI language), else leaves app.xml", () => {
    const app =
      '<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="4" baseType="variant">' +
      "<vt:variant><vt:lpstr>Arbeitsblätter</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>" +
      "<vt:variant><vt:lpstr>Benannte Bereiche</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>" +
      '</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr">' +
      "<vt:lpstr>Reps</vt:lpstr><vt:lpstr>Plans</vt:lpstr><vt:lpstr>Reps!Druckbereich</vt:lpstr></vt:vector></TitlesOfParts></Properties>";
    const out = appendWorksheetTitles(app, ["Reps", "Plans"], ["Results_Summary"]);
    expect(out).toContain("<vt:i4>3</vt:i4>");
    expect(out).toContain("<vt:i4>1</vt:i4>");
    expect(out).toContain(
      '<vt:vector size="4" baseType="lpstr"><vt:lpstr>Reps</vt:lpstr><vt:lpstr>Plans</vt:lpstr>' +
        "<vt:lpstr>Results_Summary</vt:lpstr><vt:lpstr>Reps!Druckbereich</vt:lpstr></vt:vector>",
    );
    expect(appendWorksheetTitles(app, ["Reps", "Other"], ["Results_Summary"])).toBeNull();
  });
});

describe("PartGraph", () => {
  it("deletes what only a replaced sheet used and keeps a part another sheet still uses", () => {
    const rels = (items: [string, string][]) =>
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
        .map(([id, target]) => `<Relationship Id="${id}" Type="${REL}/x" Target="${target}"/>`)
        .join("")}</Relationships>`;
    const bytes = zipSync({
      "_rels/.rels": strToU8(rels([["rId1", "xl/workbook.xml"]])),
      "xl/workbook.xml": strToU8("<workbook/>"),
      "xl/_rels/workbook.xml.rels": strToU8(
        rels([
          ["rId1", "worksheets/sheet1.xml"],
          ["rId2", "worksheets/sheet2.xml"],
        ]),
      ),
      "xl/worksheets/sheet1.xml": strToU8("<worksheet/>"),
      "xl/worksheets/_rels/sheet1.xml.rels": strToU8(rels([["rId1", "../drawings/drawing1.xml"]])),
      "xl/worksheets/sheet2.xml": strToU8("<worksheet/>"),
      "xl/worksheets/_rels/sheet2.xml.rels": strToU8(rels([["rId1", "../drawings/drawing2.xml"]])),
      "xl/drawings/drawing1.xml": strToU8("<wsDr/>"),
      "xl/drawings/_rels/drawing1.xml.rels": strToU8(rels([["rId1", "../media/image1.png"]])),
      "xl/drawings/drawing2.xml": strToU8("<wsDr/>"),
      "xl/drawings/_rels/drawing2.xml.rels": strToU8(
        rels([
          ["rId1", "../media/image1.png"],
          ["rId2", "../media/image2.png"],
        ]),
      ),
      "xl/media/image1.png": new Uint8Array([1]),
      "xl/media/image2.png": new Uint8Array([2]),
    });
    const pkg = new SourcePackage(bytes);
    const orphaned = new PartGraph(pkg).orphanedBy("xl/workbook.xml", new Set(["rId2"]), pkg);
    expect([...orphaned].sort()).toEqual([
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/media/image2.png",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet2.xml",
    ]);
  });
});

describe("a minimal package (no styles part, no definedNames, no app.xml, no rels default)", () => {
  it("gets a styles part of its own and stays a valid package exceljs reads", async () => {
    const bare = fixturePackage({
      sheets: [{ name: "Data", xml: worksheet('<row r="1"><c r="A1"><v>42</v></c></row>') }],
    });
    const input = editPackage(bare, (p) => {
      p["[Content_Types].xml"] =
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
    });
    const output = addResultSheets({ input, sheets: resultSpecs(), createdAt: new Date(Date.UTC(2026, 0, 1)) });
    const parts = unzipParts(output);
    // The styles part is new: related from the workbook, typed, and holding Excel's defaults before ours.
    expect(parts["xl/styles.xml"]).toContain('<cellXfs count="');
    expect(parts["xl/_rels/workbook.xml.rels"]).toMatch(/relationships\/styles" Target="styles\.xml"/);
    expect(parts["[Content_Types].xml"]).toContain(
      '"/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"',
    );
    // The rels default was missing: added.
    expect(parts["[Content_Types].xml"]).toContain('<Default Extension="rels"');
    expect(parts["xl/workbook.xml"]).toContain('<definedNames><definedName name="CompPlan_Owned" localSheetId="1"');
    expect(unreachableParts(parts)).toEqual([]);
    if (hasXmllint()) expect(xmllintErrors(parts)).toBe("");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(output) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Data", "Results_Summary", "Results_PayoutCurve"]);
    expect(wb.getWorksheet("Results_Summary")!.getCell("B5").numFmt).toBe("#,##0.00");
    expect(packageProblems(parts)).toEqual([]);
  });
});
