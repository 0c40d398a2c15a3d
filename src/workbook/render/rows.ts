import type { SheetRows, SpecCell } from "../types";

/**
 * Rows over groups of items, made when asked for: each item of each group
 * gives `partsOf(item)` consecutive rows (a payout line and its measures' rows,
 * a rep's statements), in group then item order. Only an index is held (three
 * integers a row), not the rows: a streaming writer makes each row, writes it
 * and lets it go.
 */
export function nestedRows<G, I>(
  groups: readonly G[],
  itemsOf: (group: G) => readonly I[],
  partsOf: (item: I) => number,
  make: (group: G, item: I, part: number) => readonly SpecCell[],
): SheetRows {
  let length = 0;
  for (let gi = 0; gi < groups.length; gi++) {
    const items = itemsOf(groups[gi]);
    for (let k = 0; k < items.length; k++) length += partsOf(items[k]);
  }
  const groupOf = new Int32Array(length);
  const itemOf = new Int32Array(length);
  const partOf = new Int32Array(length);
  let at = 0;
  groups.forEach((g, gi) => {
    const items = itemsOf(g);
    for (let k = 0; k < items.length; k++) {
      const parts = partsOf(items[k]);
      for (let p = 0; p < parts; p++, at++) {
        groupOf[at] = gi;
        itemOf[at] = k;
        partOf[at] = p;
      }
    }
  });
  return {
    length,
    row(i) {
      if (!(i >= 0 && i < length)) throw new RangeError(`row ${i} of ${length}`);
      const group = groups[groupOf[i]];
      return make(group, itemsOf(group)[itemOf[i]], partOf[i]);
    },
  };
}
