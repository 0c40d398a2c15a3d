import { fail, ok, show, type CellParser } from "./cell";

/** Whitespace that collapsing would change: a run of two, or any but a plain space. */
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** Text such as a name or an ID; a number cell becomes its digits (RepID 1001 -> "1001"). */
export const text: CellParser<string> = (cell, { label }) => {
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is a TRUE/FALSE value, not text`);
  if (typeof cell === "number") return ok(String(cell));
  const trimmed = cell.trim();
  return ok(UNTIDY_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed);
};

/** A 3-letter ISO 4217 currency code, upper-cased. */
export const currencyCode: CellParser<string> = (cell, ctx) => {
  const t = text(cell, ctx);
  if (!t.ok) return t;
  return /^[A-Za-z]{3}$/.test(t.value)
    ? ok(t.value.toUpperCase())
    : fail(`${ctx.label} ${show(cell)} is not a 3-letter currency code like USD`);
};
