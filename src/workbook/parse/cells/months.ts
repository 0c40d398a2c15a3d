const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "Feb", "February", "Sept." -> 2; null when not a month name. */
export function monthFromName(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\.$/, "");
  if (t.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(t) || (t === "sept" && m === "september"));
  return i < 0 ? null : i + 1;
}
