import { escapePlainText, escapeXml } from "../shared/xml-escape";

/** Boilerplate parts of a SpreadsheetML package. */

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  theme: "application/vnd.openxmlformats-officedocument.theme+xml",
  core: "application/vnd.openxmlformats-package.core-properties+xml",
  app: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
} as const;

export const REL_TYPE = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  styles: `${REL}/styles`,
  sharedStrings: `${REL}/sharedStrings`,
  theme: `${REL}/theme`,
  table: `${REL}/table`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  extendedProperties: `${REL}/extended-properties`,
  coreProperties: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
} as const;

export interface RelationshipEntry {
  readonly id: string;
  readonly type: string;
  /** Relative to the source part's folder. */
  readonly target: string;
}

export function relationshipsXml(rels: readonly RelationshipEntry[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return `${DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** [Content_Types].xml; `overrides` maps part names ("/xl/workbook.xml") to content types. */
export function contentTypesXml(overrides: ReadonlyMap<string, string>): string {
  const items = [...overrides]
    .map(([part, type]) => `<Override PartName="${escapeXml(part)}" ContentType="${type}"/>`)
    .join("");
  return (
    `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `${items}</Types>`
  );
}

/** xl/workbook.xml; sheet i has relationship id rId{i+1}; `definedNames` are <definedName> elements. */
export function workbookXml(sheetNames: readonly string[], definedNames: readonly string[] = []): string {
  const sheets = sheetNames
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  const names = definedNames.length === 0 ? "" : `<definedNames>${definedNames.join("")}</definedNames>`;
  return (
    `${DECL}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    '<workbookPr defaultThemeVersion="164011"/><bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets}</sheets>${names}<calcPr calcId="191029"/></workbook>`
  );
}

/**
 * The rows a sheet repeats at the top of every printed page (Excel's Page
 * Setup › Print titles), as the defined name Excel keeps them in.
 */
export function printTitlesXml(sheetIndex: number, sheetName: string, rows: string): string {
  const sheet = `'${sheetName.replace(/'/g, "''")}'`;
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex}">${escapeXml(`${sheet}!${rows}`)}</definedName>`;
}

/** W3CDTF without milliseconds, as Office writes it. */
function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function corePropertiesXml(title: string, created: Date): string {
  const when = w3cdtf(created);
  return (
    `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapePlainText(title)}</dc:title><dc:creator>compplan</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

export function appPropertiesXml(): string {
  return (
    `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>compplan</Application></Properties>'
  );
}

/** The Office colour and font scheme: table styles and chart series colours resolve against it. */
export function themeXml(): string {
  const fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
  const line = (w: number) => `<a:ln w="${w}">${fill}</a:ln>`;
  const effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
  const colour = (tag: string, rgb: string) => `<a:${tag}><a:srgbClr val="${rgb}"/></a:${tag}>`;
  const font = (face: string) => `<a:latin typeface="${face}"/><a:ea typeface=""/><a:cs typeface=""/>`;
  return (
    `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>` +
    '<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>' +
    '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1>' +
    colour("dk2", "44546A") +
    colour("lt2", "E7E6E6") +
    colour("accent1", "4472C4") +
    colour("accent2", "ED7D31") +
    colour("accent3", "A5A5A5") +
    colour("accent4", "FFC000") +
    colour("accent5", "5B9BD5") +
    colour("accent6", "70AD47") +
    colour("hlink", "0563C1") +
    colour("folHlink", "954F72") +
    "</a:clrScheme>" +
    `<a:fontScheme name="Office"><a:majorFont>${font("Calibri Light")}</a:majorFont><a:minorFont>${font("Calibri")}</a:minorFont></a:fontScheme>` +
    `<a:fmtScheme name="Office"><a:fillStyleLst>${fill}${fill}${fill}</a:fillStyleLst>` +
    `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
    `<a:effectStyleLst>${effect}${effect}${effect}</a:effectStyleLst>` +
    `<a:bgFillStyleLst>${fill}${fill}${fill}</a:bgFillStyleLst></a:fmtScheme>` +
    "</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
  );
}
