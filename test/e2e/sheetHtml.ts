/** One used cell of a fake sheet, as the fake host's `__fakeExcel.cells(sheet)` reports it. */
export interface SheetCell {
  readonly address: string;
  readonly r: number;
  readonly c: number;
  readonly formula: string | null;
  readonly value: unknown;
}

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);

const shown = (v: unknown) =>
  typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : escape(String(v ?? ""));

const column = (c: number) => {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/**
 * A fake sheet drawn as Excel shows it, for the README's picture: the grid of
 * values (formula cells tinted, spilled cells outlined) and beside it the
 * formulas, as the formula bar would show each.
 */
export function sheetHtml(title: string, cells: readonly SheetCell[]): string {
  const rows = Math.max(...cells.map((x) => x.r)) + 1;
  const cols = Math.max(...cells.map((x) => x.c)) + 1;
  const at = new Map(cells.map((x) => [`${x.r},${x.c}`, x]));
  const spilled = new Set<string>();
  for (const x of cells)
    if (x.formula?.includes("CURVE"))
      for (let r = x.r; at.get(`${r},${x.c}`)?.value !== undefined && r < rows; r++)
        for (const c of [x.c, x.c + 1]) if (!(r === x.r && c === x.c)) spilled.add(`${r},${c}`);
  const grid = Array.from({ length: rows }, (_, r) => {
    const tds = Array.from({ length: cols }, (_, c) => {
      const x = at.get(`${r},${c}`);
      const cls = x?.formula ? "f" : spilled.has(`${r},${c}`) ? "s" : "";
      const num = typeof x?.value === "number" ? " n" : "";
      return `<td class="${cls}${num}">${x ? shown(x.value) : ""}</td>`;
    }).join("");
    return `<tr><th>${r + 1}</th>${tds}</tr>`;
  }).join("");
  const formulas = cells
    .filter((x) => x.formula)
    .map((x) => `<tr><th>${x.address}</th><td><code>${escape(x.formula!)}</code></td></tr>`)
    .join("");
  const head = Array.from({ length: cols }, (_, c) => `<th>${column(c)}</th>`).join("");
  return `<!doctype html><html><head><style>
    body { margin: 0; font: 13px "Segoe UI", "DejaVu Sans", sans-serif; background: #fff; color: #222; }
    #sheet { display: flex; gap: 20px; padding: 12px; align-items: flex-start; width: max-content; }
    h2 { font-size: 13px; margin: 0 0 6px; color: #217346; }
    table { border-collapse: collapse; }
    .grid th { background: #f3f3f3; color: #555; font-weight: normal; border: 1px solid #d4d4d4; padding: 2px 6px; }
    .grid td { border: 1px solid #e1e1e1; padding: 2px 8px; min-width: 56px; height: 18px; white-space: nowrap; }
    .grid td.n { text-align: right; font-variant-numeric: tabular-nums; }
    .grid td.f { background: #e8f3ec; }
    .grid td.s { background: #f4faf6; outline: 1px dashed #9cc9ad; outline-offset: -2px; }
    .formulas th { text-align: left; color: #555; font-weight: normal; padding: 1px 8px 1px 0; }
    .formulas code { font: 12px "DejaVu Sans Mono", monospace; }
  </style></head><body><div id="sheet">
    <div><h2>${escape(title)} (values)</h2><table class="grid"><tr><th></th>${head}</tr>${grid}</table></div>
    <div><h2>Formulas</h2><table class="formulas">${formulas}</table></div>
  </div></body></html>`;
}
