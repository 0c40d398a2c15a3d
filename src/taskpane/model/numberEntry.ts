/**
 * Numbers typed into the pane, read the way the user's locale writes them.
 *
 * A finance user in Berlin types `1,5` for one and a half; one in New York
 * types `1.5`, and `1,500` for fifteen hundred. Reading either with the
 * other's rules silently gives a number 10× or 1000× off, so the separators
 * follow the user's locale (Office's display language, else the browser's),
 * and anything that only makes sense in the other convention is refused with
 * a message that says how to type it. The result is the number in canonical
 * form ("1234.5"), for the workbook parsers.
 */
export interface NumberLocale {
  /** BCP 47 tag the separators came from ("de-DE"). */
  readonly tag: string;
  readonly decimal: "." | ",";
  /** The grouping character: ",", ".", "'", or a space (plain, no-break or narrow no-break). */
  readonly group: string;
}

export function numberLocaleOf(tag: string): NumberLocale {
  try {
    const parts = new Intl.NumberFormat(tag).formatToParts(12345.6);
    const decimal = parts.find((p) => p.type === "decimal")?.value === "," ? "," : ".";
    const group = parts.find((p) => p.type === "group")?.value ?? (decimal === "," ? "." : ",");
    return { tag, decimal, group };
  } catch {
    // A tag Intl refuses: the US convention, as Excel's own default (and a tag the pane's figures can be shown in).
    return { tag: "en-US", decimal: ".", group: "," };
  }
}

let current: NumberLocale = numberLocaleOf("en-US");

/**
 * Set once when the pane starts, from Office's display language or the browser's: the one locale the pane reads
 * typed numbers in and shows its figures in (format.ts).
 */
export function setEntryLocale(tag: string): void {
  current = numberLocaleOf(tag);
}

export function entryLocale(): NumberLocale {
  return current;
}

/**
 * A number the pane puts in a field (a rate read from the workbook, one it
 * restated), written as the user types it: the locale's decimal separator,
 * no grouping — so what the pane shows, the pane reads back as the same number.
 */
export function entryText(value: { toString(): string }, locale: NumberLocale = current): string {
  const text = value.toString();
  return locale.decimal === "," ? text.replace(".", ",") : text;
}

export type NumberEntry =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/**
 * The typed text with its numeric part rewritten in canonical form (dot
 * decimals, no grouping), everything around it (a sign, `$`, `%`, `×`, `k`)
 * kept; or why it cannot be read without guessing.
 */
export function canonicalNumber(text: string, locale: NumberLocale = current): NumberEntry {
  const match = /\d[\d.,' \u00A0\u202F\u2007]*/.exec(text);
  if (!match) return { ok: true, text };
  // Trailing separators are not part of the number ("1.5 %" keeps its space).
  const core = match[0].replace(/[.,' \u00A0\u202F\u2007]+$/, "");
  const start = match.index;
  const before = text.slice(0, start);
  const after = text.slice(start + core.length);
  const leadingDot = /[.,]$/.test(before) ? before.slice(-1) : "";
  const whole = leadingDot + core;
  const prefix = leadingDot ? before.slice(0, -1) : before;
  const canonical = readCore(whole, locale);
  if (canonical === null) return { ok: false, message: refusal(whole, locale) };
  return { ok: true, text: `${prefix}${canonical}${after}` };
}

/** Characters that group thousands in any locale: never read as a decimal point. */
const NEUTRAL_GROUPS = ["'", " ", "\u00A0", "\u202F", "\u2007"];

/** "1.234,5" → "1234.5" in a comma-decimal locale; null when the text does not fit the locale's rules. */
function readCore(core: string, locale: NumberLocale): string | null {
  const [intPart, ...fractions] = core.split(locale.decimal);
  if (fractions.length > 1) return null; // two decimal separators
  const fraction = fractions[0];
  if (fraction !== undefined && !/^\d*$/.test(fraction)) return null;
  if (intPart === "" && (fraction === undefined || fraction === "")) return null;
  let digits = intPart;
  if (/\D/.test(intPart)) {
    // Grouped: 1–3 digits, then groups of exactly three, one grouping character throughout — the locale's own,
    // or a space or apostrophe. The other convention's decimal point ("1.5" in de-DE) is not grouping.
    const sep = [...intPart].find((c) => !/\d/.test(c))!;
    if (sep !== locale.group && !NEUTRAL_GROUPS.includes(sep)) return null;
    const escaped = sep.replace(/[.\\]/g, "\\$&");
    if (!new RegExp(`^\\d{1,3}(?:${escaped}\\d{3})+$`).test(intPart)) return null;
    digits = intPart.split(sep).join("");
  }
  return fraction === undefined ? digits : `${digits || "0"}.${fraction}`;
}

function refusal(core: string, locale: NumberLocale): string {
  const dec = locale.decimal === "." ? "a dot" : "a comma";
  const example = locale.decimal === "." ? "1.5 or 1,500" : "1,5 or 1.500";
  return `"${core}" is not a number in your format (${locale.tag}: ${dec} for decimals). Type it like ${example}.`;
}

/**
 * An amount of money as typed: canonicalNumber's rules, and one more. A whole number of one to three digits with
 * exactly three after the decimal separator ("150,000" in de-DE, "150.000" in en-US) is how the other convention
 * writes thousands, and an amount is never typed to a thousandth: refused, never read as 150.
 */
export function canonicalAmount(text: string, locale: NumberLocale = current): NumberEntry {
  const entry = canonicalNumber(text, locale);
  if (!entry.ok) return entry;
  const core = /\d[\d.,' \u00A0\u202F\u2007]*/.exec(text)?.[0].replace(/[.,' \u00A0\u202F\u2007]+$/, "") ?? "";
  const [whole, thousandths] = core.split(locale.decimal);
  if (thousandths === undefined || !/^\d{1,3}$/.test(whole) || !/^\d{3}$/.test(thousandths)) return entry;
  const dec = locale.decimal === "." ? "a dot" : "a comma";
  const grouped = `${whole}${locale.group}${thousandths}`;
  return {
    ok: false,
    message: `"${core}" is not a clear amount in your format (${locale.tag}: ${dec} for decimals). Type ${grouped} for ${whole} thousand, or ${whole}.`,
  };
}
