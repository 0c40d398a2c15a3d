import { escapeCellText, needsSpacePreserve } from "../shared/xml-escape";

/**
 * xl/sharedStrings.xml: every text cell refers to its string by index, so a
 * string repeated on 100,000 rows is stored (and escaped) once. Text written
 * this way is always text, never a formula.
 */
export class SharedStringTable {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  /** Number of cells referring to the table (the `count` attribute). */
  private references = 0;

  indexOf(text: string): number {
    this.references++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(text);
      this.index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const parts: string[] = new Array(this.items.length);
    for (let i = 0; i < this.items.length; i++) {
      const text = this.items[i];
      const space = needsSpacePreserve(text) ? ' xml:space="preserve"' : "";
      parts[i] = `<si><t${space}>${escapeCellText(text)}</t></si>`;
    }
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.items.length}">` +
      parts.join("") +
      "</sst>"
    );
  }
}
