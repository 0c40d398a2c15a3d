import { fail, normalizeKey, ok, show, type CellParser } from "./cell";

/**
 * A choice from a fixed list, case-insensitive and ignoring spaces and
 * punctuation ("non-recoverable" = NonRecoverable), with extra spellings.
 */
export function choice<T extends string>(spellings: { readonly [K in T]: readonly string[] }): CellParser<T> {
  const lookup = new Map<string, T>();
  for (const value of Object.keys(spellings) as T[]) {
    lookup.set(normalizeKey(value), value);
    for (const alias of spellings[value]) lookup.set(normalizeKey(alias), value);
  }
  const accepted = (Object.keys(spellings) as T[]).join(", ");
  return (cell, { label }) => {
    const found = typeof cell === "string" ? lookup.get(normalizeKey(cell)) : undefined;
    return found ? ok(found) : fail(`${label} ${show(cell)} is not one of ${accepted}`);
  };
}

const TRUE_WORDS = new Set(["yes", "y", "true", "1"]);
const FALSE_WORDS = new Set(["no", "n", "false", "0"]);

/** Yes/No, True/False, 1/0, or a real TRUE/FALSE cell. */
export const yesNo: CellParser<boolean> = (cell, { label }) => {
  if (typeof cell === "boolean") return ok(cell);
  if (cell === 1 || cell === 0) return ok(cell === 1);
  if (typeof cell === "string") {
    const word = cell.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
  }
  return fail(`${label} ${show(cell)} is not one of Yes, No, True, False, 1, 0`);
};
