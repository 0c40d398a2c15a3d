import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { SheetSpec } from "../../src/workbook/types";
import { attr, tags, type Parts } from "./package-checks";

/**
 * A user's workbook built with exceljs (independent of our writer): styled
 * cells, a table, a formula, merged cells, frozen panes, a workbook-level and
 * a sheet-level defined name, and a second sheet holding an image (a drawing
 * without a chart).
 */
export async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2025, 5, 1));
  wb.modified = wb.created;
  const inputs = wb.addWorksheet("Inputs", { views: [{ state: "frozen", ySplit: 1 }] });
  inputs.addTable({
    name: "Reps",
    ref: "A1",
    columns: [{ name: "RepID" }, { name: "Name" }, { name: "Base" }, { name: "Double" }],
    rows: [
      ["E1", "Ana", 100000, null],
      ["E2", "Ben", 90000.5, null],
      ["E3", "Zoë 東京", 80000, null],
    ],
  });
  for (let r = 2; r <= 4; r++) {
    inputs.getCell(`C${r}`).numFmt = '"€"#,##0.00';
    inputs.getCell(`D${r}`).value = { formula: `C${r}*2`, result: (inputs.getCell(`C${r}`).value as number) * 2 };
  }
  inputs.getCell("A2").font = { bold: true, color: { argb: "FFC00000" } };
  inputs.getCell("B3").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  inputs.getCell("B4").border = { bottom: { style: "thin" } };
  inputs.getCell("F1").value = "Merged note";
  inputs.mergeCells("F1:G1");
  inputs.getColumn(2).width = 24;
  wb.definedNames.add("Inputs!$C$2:$C$4", "BaseSalaries");

  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "See Inputs";
  notes.getCell("A2").value = 0.25;
  notes.getCell("A2").numFmt = "0.0%";
  notes.pageSetup.printArea = "A1:B2";
  const image = wb.addImage({ buffer: Buffer.from(PNG_1X1, "base64") as unknown as ExcelJS.Buffer, extension: "png" });
  notes.addImage(image, "C3:E8");

  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** Rewrites parts of a package (fflate, so the test does not lean on our zip code). */
export function editPackage(bytes: Uint8Array, edit: (parts: Record<string, string | Uint8Array>) => void): Uint8Array {
  const parts: Record<string, string | Uint8Array> = { ...unzipSync(bytes) };
  edit(parts);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(parts)) zippable[name] = typeof data === "string" ? strToU8(data) : data;
  return zipSync(zippable);
}

export function text(parts: Record<string, string | Uint8Array>, name: string): string {
  const data = parts[name];
  return typeof data === "string" ? data : strFromU8(data);
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Adds xl/calcChain.xml listing cells as [address, sheetId]. */
export function withCalcChain(bytes: Uint8Array, cells: readonly [string, number][]): Uint8Array {
  return editPackage(bytes, (parts) => {
    parts["xl/calcChain.xml"] =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      cells.map(([r, i]) => `<c r="${r}" i="${i}"/>`).join("") +
      "</calcChain>";
    parts["xl/_rels/workbook.xml.rels"] = text(parts, "xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      `<Relationship Id="rId900" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
    );
    parts["[Content_Types].xml"] = text(parts, "[Content_Types].xml").replace(
      "</Types>",
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
    );
  });
}

/** A macro-enabled package: the workbook's content type and a (fake) VBA project part. */
export function asMacroEnabled(bytes: Uint8Array): Uint8Array {
  return editPackage(bytes, (parts) => {
    parts["xl/vbaProject.bin"] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
    parts["xl/_rels/workbook.xml.rels"] = text(parts, "xl/_rels/workbook.xml.rels").replace(
      "</Relationships>",
      '<Relationship Id="rId901" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    parts["[Content_Types].xml"] = text(parts, "[Content_Types].xml")
      .replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      )
      .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  });
}

/** Result sheets like the model's: a summary (text, money, percent) and a payout curve with a chart. */
export function resultSpecs(scale = 1): SheetSpec[] {
  return [
    {
      name: "Results_Summary",
      title: "Summary by rep",
      subtitle: `Computed from user.xlsx (run ${scale})`,
      columns: [
        { header: "RepID", format: "text" },
        { header: "VariablePay", format: "money" },
        { header: "PctOfOTE", format: "percent" },
      ],
      rows: [
        ["E1", 1234.56 * scale, 1.05],
        ['=HYPERLINK("x")', 99.5 * scale, 0.5],
        ["Zoë 東京 & <co>", 0, 0],
      ],
    },
    {
      name: "Results_PayoutCurve",
      title: "Payout curve",
      subtitle: "AE plan",
      columns: [
        { header: "Attainment", format: "percent" },
        { header: "PayoutMultiple", format: "multiple" },
      ],
      // 0%, 50%, ..., 200%: multiple = attainment × scale
      rows: [0, 0.5, 1, 1.5, 2].map((a) => [a, a * scale]),
      charts: [
        {
          kind: "scatterLine",
          title: "Payout multiple",
          xTitle: "Attainment",
          yTitle: "Multiple",
          series: [{ name: "AE", xColumn: 0, yColumn: 1, firstRow: 0, lastRow: 4 }],
        },
      ],
    },
  ];
}

/** Parts (other than [Content_Types].xml and .rels) that no relationship chain from the package reaches. */
export function unreachableParts(parts: Parts): string[] {
  const reached = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const source = queue.pop() as string;
    const slash = source.lastIndexOf("/");
    const rels = parts[`${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`] ?? "";
    for (const rel of tags(rels, "Relationship")) {
      if (attr(rel, "TargetMode") === "External") continue;
      const segments = source.split("/").slice(0, -1);
      for (const s of (attr(rel, "Target") ?? "").split("/")) {
        if (s === "..") segments.pop();
        else if (s !== "." && s !== "") segments.push(s);
      }
      const target = segments.join("/");
      if (!reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return Object.keys(parts).filter(
    (name) => name !== "[Content_Types].xml" && !name.endsWith(".rels") && !name.endsWith("/") && !reached.has(name),
  );
}
