import type { Decimal } from "../../engine";
import { entryLocale, type NumberLocale } from "./numberEntry";

/**
 * How the task pane shows figures. Display only: the engine has already
 * rounded every amount; a Decimal becomes a JS number here, at the edge.
 * Figures follow the locale the pane reads typed numbers in (numberEntry.ts:
 * Office's display language, else the browser's), so a de-DE pane shows
 * "1.234.567 $" and "87,5 %" and reads "1,5" back; the words stay English.
 */

type Shown = number | Decimal;

const asNumber = (v: Shown): number => (typeof v === "number" ? v : v.toNumber());

/** Intl formats are costly to make: one per locale, options and currency. */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: NumberLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale.tag} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale.tag, options);
    formats.set(key, f);
  }
  return f;
}

/** A currency format, or null for a code Intl does not know. */
function currencyFormat(locale: NumberLocale, currency: string, options: Intl.NumberFormatOptions) {
  try {
    return numberFormat(locale, { style: "currency", currency, ...options });
  } catch {
    return null;
  }
}

/** Whole currency units ("$15,000", "€92,500"; "15.000 $" in de-DE): the pane is for reading, the sheets carry the cents. */
export function formatMoney(value: Shown, currency: string, locale: NumberLocale = entryLocale()): string {
  const n = asNumber(value);
  // Rounds to -0 below half a unit: "$0", not "-$0".
  const shown = Math.round(n) === 0 ? 0 : n;
  const intl = currencyFormat(locale, currency, { maximumFractionDigits: 0 });
  // Not a code Intl knows: show the code instead of a symbol.
  return intl ? intl.format(shown) : `${currency} ${numberFormat(locale, { maximumFractionDigits: 0 }).format(shown)}`;
}

/** A fraction as a percent with at most `digits` decimals: 0.12 → "12%", 0.1234 → "12.3%" ("12,3 %" in de-DE). */
export function formatPercent(fraction: Shown, digits = 1, locale: NumberLocale = entryLocale()): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(asNumber(fraction));
}

/** A payout multiple of target: 0.8846 → "0.88×" ("0,88×" in de-DE). */
export function formatMultiple(value: Shown, locale: NumberLocale = entryLocale()): string {
  const f = numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  return `${f.format(asNumber(value))}×`;
}

/** A plain number with `min` to `max` decimals: 0.5 → "0.5" ("0,5" in de-DE), 1234 → "1,234". */
export function formatNumber(value: Shown, max = 1, min = 0, locale: NumberLocale = entryLocale()): string {
  return numberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max }).format(asNumber(value));
}

/**
 * A count that may be an expected (fractional) number of reps: 19 → "19", 12.345 → "12.3", 10000 → "10,000".
 * One decimal, as the headline writes it (render/headline.ts), so the pane and the CLI never show 8.16 and 8.2.
 */
export function formatCount(value: Shown, locale: NumberLocale = entryLocale()): string {
  return formatNumber(value, 1, 0, locale);
}

/** A signed money difference: "+$120,000", "−$8,000", "$0". */
export function formatMoneyDelta(value: Shown, currency: string, locale: NumberLocale = entryLocale()): string {
  const n = asNumber(value);
  const shown = formatMoney(Math.abs(n), currency, locale);
  if (Math.round(n) === 0) return shown;
  return n > 0 ? `+${shown}` : `−${shown}`;
}

/** Short money for narrow columns and chart labels: "$217K", "$1.06M". */
export function formatMoneyCompact(value: Shown, currency: string, locale: NumberLocale = entryLocale()): string {
  const compact = { notation: "compact", maximumSignificantDigits: 3 } as const;
  const f = currencyFormat(locale, currency, compact) ?? numberFormat(locale, compact);
  return f.format(asNumber(value));
}

/**
 * Text the engine wrote in its own (en-US) figures — a band check's "gap between 150% and 162.5%", an offer's
 * "1.0× target variable per 100% of quota" — with each percent and multiple written as the pane writes figures
 * ("150 %", "162,5 %", "1,0×" in de-DE; "1,000%" in en-US). Figures keep the decimals they were given.
 */
export function localizeFigures(text: string, locale: NumberLocale = entryLocale()): string {
  return text.replace(/(?<![\w.,])(\d+)(?:\.(\d+))?(%|×)/g, (_, whole: string, fraction: string | undefined, unit) => {
    const digits = Math.min(fraction?.length ?? 0, 6);
    const value = Number(fraction === undefined ? whole : `${whole}.${fraction}`);
    return unit === "%"
      ? formatPercent(value / 100, digits, locale)
      : `${formatNumber(value, digits, digits, locale)}×`;
  });
}

/**
 * A statement's notes with each adjustment's amount ("Clawback 30000: churned") in the rep's currency, as the pane
 * writes money ("Clawback $30,000: churned"; "Clawback 30.000 $" in de-DE).
 */
export function localizeNoteAmounts(notes: string, currency: string, locale: NumberLocale = entryLocale()): string {
  return notes.replace(
    /(^|; )([A-Z][A-Za-z]*) (-?\d+(?:\.\d+)?)(?=:|;|$)/g,
    (_, start: string, type: string, amount: string) =>
      `${start}${type} ${formatMoney(Number(amount), currency, locale)}`,
  );
}
