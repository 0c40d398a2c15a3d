import { parseRelationships, isType } from "../reader/relationships";
import { workbookContentType } from "./content-types";
import { SourcePackage } from "./source-package";

export type WorkbookExtension = ".xlsx" | ".xlsm" | ".xltx" | ".xltm";

/**
 * The file extension that fits the package's workbook content type. Excel
 * refuses to open a macro-enabled package named .xlsx (and the reverse), so
 * the output, which keeps the input's content type, must keep its kind too.
 */
export function workbookExtension(input: Uint8Array): WorkbookExtension {
  const pkg = new SourcePackage(input);
  return extensionOf(pkg, workbookPartOf(pkg));
}

/** The workbook part the package relationships name (almost always xl/workbook.xml). */
export function workbookPartOf(pkg: SourcePackage): string {
  const rootRels = pkg.text("_rels/.rels");
  const rel = rootRels
    ? parseRelationships(rootRels, "").find((r) => isType(r, "officeDocument") && !r.external)
    : undefined;
  return rel?.target ?? "xl/workbook.xml";
}

export function extensionOf(pkg: SourcePackage, workbookPart: string): WorkbookExtension {
  const type = workbookContentType(pkg.text("[Content_Types].xml") ?? "", workbookPart) ?? "";
  const template = type.includes(".template");
  const macros = type.includes("macroEnabled");
  return template ? (macros ? ".xltm" : ".xltx") : macros ? ".xlsm" : ".xlsx";
}
