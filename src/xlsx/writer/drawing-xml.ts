import { escapePlainText } from "../shared/xml-escape";

/** A chart frame between two cell corners (0-based column and row indexes). */
export interface ChartAnchor {
  readonly relId: string;
  readonly name: string;
  readonly fromColumn: number;
  readonly fromRow: number;
  readonly toColumn: number;
  readonly toRow: number;
}

function marker(tag: "from" | "to", column: number, row: number): string {
  return `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** xl/drawings/drawingN.xml: one twoCellAnchor graphic frame per chart. */
export function drawingXml(anchors: readonly ChartAnchor[]): string {
  const frames = anchors
    .map(
      (a, i) =>
        '<xdr:twoCellAnchor editAs="oneCell">' +
        marker("from", a.fromColumn, a.fromRow) +
        marker("to", a.toColumn, a.toRow) +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapePlainText(a.name)}"/>` +
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${a.relId}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>",
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    frames +
    "</xdr:wsDr>"
  );
}
