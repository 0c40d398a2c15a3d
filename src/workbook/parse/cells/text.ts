import { fail, ok, show, type CellParser } from "./cell";

/** Text such as a name or an ID; a number cell becomes its digits (RepID 1001 -> "1001"). */
export const text: CellParser<string> = (cell, { label }) => {
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is a TRUE/FALSE value, not text`);
  return ok(typeof cell === "number" ? String(cell) : cell.trim().replace(/\s+/g, " "));
};

/** A 3-letter ISO 4217 currency code, upper-cased. */
export const currencyCode: CellParser<string> = (cell, ctx) => {
  const t = text(cell, ctx);
  if (!t.ok) return t;
  return /^[A-Za-z]{3}$/.test(t.value)
    ? ok(t.value.toUpperCase())
    : fail(`${ctx.label} ${show(cell)} is not a 3-letter currency code like USD`);
};
