import type { Decimal } from "../../engine";

/**
 * How the task pane shows figures. Display only: the engine has already
 * rounded every amount; a Decimal becomes a JS number here, at the edge.
 */

type Shown = number | Decimal;

const asNumber = (v: Shown): number => (typeof v === "number" ? v : v.toNumber());

const moneyFormats = new Map<string, (n: number) => string>();

function moneyFormat(currency: string): (n: number) => string {
  let f = moneyFormats.get(currency);
  if (!f) {
    try {
      const intl = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 });
      f = (n) => intl.format(n);
    } catch {
      // Not a code Intl knows: show the code instead of a symbol.
      const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
      f = (n) => `${currency} ${plain.format(n)}`;
    }
    moneyFormats.set(currency, f);
  }
  return f;
}

/** Whole currency units ("$15,000", "€92,500"): the pane is for reading, the sheets carry the cents. */
export function formatMoney(value: Shown, currency: string): string {
  const n = asNumber(value);
  // Rounds to -0 below half a unit: "$0", not "-$0".
  return moneyFormat(currency)(Math.round(n) === 0 ? 0 : n);
}

/** A fraction as a percent with at most `digits` decimals: 0.12 → "12%", 0.1234 → "12.3%". */
export function formatPercent(fraction: Shown, digits = 1): string {
  const n = asNumber(fraction) * 100;
  return `${n.toLocaleString("en-US", { maximumFractionDigits: digits })}%`;
}

/** A payout multiple of target: 0.8846 → "0.88×". */
export function formatMultiple(value: Shown): string {
  return `${asNumber(value).toFixed(2)}×`;
}

/**
 * A count that may be an expected (fractional) number of reps: 19 → "19", 12.345 → "12.3", 10000 → "10,000".
 * One decimal, as the headline writes it (render/headline.ts), so the pane and the CLI never show 8.16 and 8.2.
 */
export function formatCount(value: Shown): string {
  return asNumber(value).toLocaleString("en-US", { maximumFractionDigits: 1 });
}

/** A signed money difference: "+$120,000", "−$8,000", "$0". */
export function formatMoneyDelta(value: Shown, currency: string): string {
  const n = asNumber(value);
  const shown = formatMoney(Math.abs(n), currency);
  if (Math.round(n) === 0) return shown;
  return n > 0 ? `+${shown}` : `−${shown}`;
}

const compactFormats = new Map<string, Intl.NumberFormat>();

/** Short money for narrow columns and chart labels: "$217K", "$1.06M". */
export function formatMoneyCompact(value: Shown, currency: string): string {
  let f = compactFormats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        notation: "compact",
        maximumSignificantDigits: 3,
      });
    } catch {
      f = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });
    }
    compactFormats.set(currency, f);
  }
  return f.format(asNumber(value));
}
