import { strToU8, zipSync } from "fflate";

/**
 * Hand-written SpreadsheetML packages for reader edge cases that exceljs
 * never produces (prefixes, missing references, phonetic runs...). Zipped
 * with fflate, independently of our own zip code.
 */
export interface FixtureSheet {
  readonly name: string;
  /** Full worksheet XML. */
  readonly xml: string;
  /** Table part XML, related from this sheet. */
  readonly tables?: readonly string[];
}

export interface FixtureOptions {
  readonly sheets: readonly FixtureSheet[];
  readonly sharedStrings?: string;
  readonly styles?: string;
  readonly date1904?: boolean;
  /** Write the workbook's relationship targets as absolute part names ("/xl/worksheets/sheet1.xml"). */
  readonly absoluteTargets?: boolean;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function fixturePackage(options: FixtureOptions): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, xml: string): void => {
    files[path] = strToU8(xml);
  };
  put(
    "_rels/.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetEntries = options.sheets
    .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  put(
    "xl/workbook.xml",
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
      `<workbookPr${options.date1904 ? ' date1904="1"' : ""}/><sheets>${sheetEntries}</sheets></workbook>`,
  );
  const prefix = options.absoluteTargets ? "/xl/" : "";
  const rels = options.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${prefix}worksheets/sheet${i + 1}.xml"/>`,
  );
  const n = options.sheets.length;
  if (options.sharedStrings)
    rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="${prefix}sharedStrings.xml"/>`);
  if (options.styles) rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="${prefix}styles.xml"/>`);
  put(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  if (options.sharedStrings) put("xl/sharedStrings.xml", options.sharedStrings);
  if (options.styles) put("xl/styles.xml", options.styles);
  let tableCount = 0;
  options.sheets.forEach((sheet, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, sheet.xml);
    const tableRels = (sheet.tables ?? []).map((xml, k) => {
      tableCount++;
      put(`xl/tables/table${tableCount}.xml`, xml);
      return `<Relationship Id="rId${k + 1}" Type="${REL}/table" Target="../tables/table${tableCount}.xml"/>`;
    });
    if (tableRels.length > 0) {
      put(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tableRels.join("")}</Relationships>`,
      );
    }
  });
  return zipSync(files);
}

/** A worksheet whose sheetData is `rows` (each a <row> element or bare cells). */
export function worksheet(sheetData: string, prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}` : "xmlns";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData>${sheetData}</${p}sheetData></${p}worksheet>`;
}
