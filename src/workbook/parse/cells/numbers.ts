import { compactDecimal, Decimal, fromDouble, ZERO } from "../../../engine";
import { fail, ok, show, type CellParser, type Parsed } from "./cell";
import { isCurrencyCode } from "./currencies";

/** A number read from text, with what decorated it. */
export interface NumberText {
  readonly value: Decimal;
  /** Written with a trailing `%` (value is still as written: "120%" -> 120). */
  readonly percent: boolean;
  /** Written with a trailing `x` or `×` ("1.5x"). */
  readonly multiple: boolean;
}

/** A currency symbol (optionally with a country prefix: US$, C$) or an ISO code before the number. */
const CURRENCY_PREFIX = /^(?:[A-Za-z]{0,3}[$€£¥₹]|([A-Za-z]{3})(?=[\s\d.(+\-−]))\s*/;
/** The same after the number: 1.200 €, 1,200 USD, 1200USD. */
const CURRENCY_SUFFIX = /\s*(?:[$€£¥₹]|(?<=[\d\s])([A-Za-z]{3}))$/;
const SIGN = /^[-+−]\s*/;

/** 1,234,567.89 or 1234.5 or .5 (a dot for decimals; commas, spaces or apostrophes group thousands). */
const US_STYLE = /^(?:\d{1,3}(?:([,' ])\d{3})(?:\1\d{3})*|\d*)(?:\.\d+)?$/;
const EXPONENT = /^(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+$/;
/** 1.234,5 / 1 234,5 / 12,5 / 1.234.567: a comma for decimals or dots for thousands. */
const COMMA_DECIMAL = /^(?:\d{1,3}(?:[. ']\d{3})*,\d+|\d+,\d+|\d{1,3}(?:\.\d{3}){2,})$/;
/** 300.000 / 1.200: one dot and three digits after it reads 300 here and 300,000 where a dot groups thousands (an amount's concern). */
const DOT_THOUSANDS = /^[1-9]\d{0,2}\.\d{3}$/;

/**
 * Reads the number in a text cell the way a finance user types it:
 * `1200`, `1,200.50`, `$1,200.50`, `USD 1,200`, `(1,200.50)` (negative),
 * `-1200`, `120%`, `1.5x`. Comma-decimal text (`1.200,50`) is refused as
 * ambiguous rather than guessed; so, for an amount (`options.amount`: a
 * workbook's money cell), is one whose one dot has three digits after it
 * (`300.000`, `€1.200`: 300 or 300,000?) — a rate such as an FX 1.085 is not,
 * and neither is the pane's input, which its locale has already read.
 */
export function parseNumberText(text: string, options: { amount?: boolean } = {}): Parsed<NumberText> {
  const original = text.trim();
  let s = original.replace(/[\u00A0\u2007\u202F]/g, " ");
  let negative = false;
  let signs = 0;

  // Parentheses, sign and currency can nest in any order: ($5), -$5, $-5, $(5).
  for (let pass = 0; pass < 3; pass++) {
    const paren = /^\((.*)\)$/.exec(s);
    if (paren) {
      negative = !negative;
      signs++;
      s = paren[1].trim();
    }
    const sign = SIGN.exec(s);
    if (sign) {
      if (!sign[0].startsWith("+")) negative = !negative;
      signs++;
      s = s.slice(sign[0].length);
    }
    const cur = CURRENCY_PREFIX.exec(s);
    if (cur && (cur[1] === undefined || isCurrencyCode(cur[1]))) s = s.slice(cur[0].length);
  }
  let percent = false;
  let multiple = false;
  if (/%$/.test(s)) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  } else if (/[xX×]$/.test(s)) {
    multiple = true;
    s = s.slice(0, -1).trimEnd();
  }
  const curEnd = CURRENCY_SUFFIX.exec(s);
  if (curEnd && !percent && !multiple && (curEnd[1] === undefined || isCurrencyCode(curEnd[1])))
    s = s.slice(0, curEnd.index).trimEnd();

  if (signs > 1 || s === "") return fail(`"${original}" is not a number`);
  let digits: string;
  if (EXPONENT.test(s)) digits = s;
  else if (options.amount && DOT_THOUSANDS.test(s) && !percent && !multiple)
    return fail(
      `"${original}" has an ambiguous number format: it reads ${s.replace(".", "")} where a dot groups thousands; write ${s.replace(".", "")} or ${s.replace(/0+$/, "").replace(/\.$/, "")} (no dots for thousands)`,
    );
  else if (US_STYLE.test(s) && /\d/.test(s)) digits = s.replace(/[,' ]/g, "");
  else if (COMMA_DECIMAL.test(s))
    return fail(
      `"${original}" has an ambiguous number format: write it with a dot for decimals and no dots for thousands (e.g. 1200.50)`,
    );
  else return fail(`"${original}" is not a number`);

  const value = compactDecimal(new Decimal(digits));
  return ok({ value: negative && !value.isZero() ? value.neg() : value, percent, multiple });
}

/**
 * A JS number from a numeric cell, as the shortest text that round-trips (0.1
 * stays 0.1), as decimal.js reads a number (fromDouble: whole cents without
 * the text). −0 is 0.
 */
export function decimalOfNumber(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  return n === 0 ? ZERO : fromDouble(n);
}

/** A plain number (no %, no ×): counts, months, years. */
export const plainNumber: CellParser<Decimal> = (cell, { label }) => {
  if (typeof cell === "number") {
    const d = decimalOfNumber(cell);
    return d ? ok(d) : fail(`${label} ${show(cell)} is not a number`);
  }
  if (typeof cell === "boolean") return fail(`${label} ${show(cell)} is not a number`);
  const parsed = parseNumberText(cell);
  if (!parsed.ok) return fail(`${label} ${parsed.message}`);
  if (parsed.value.percent || parsed.value.multiple) return fail(`${label} ${show(cell)} should be a plain number`);
  return ok(parsed.value.value);
};

/** A whole number (a month of tenure, a year). */
export const integer: CellParser<number> = (cell, ctx) => {
  const n = plainNumber(cell, ctx);
  if (!n.ok) return n;
  if (!n.value.isInteger()) return fail(`${ctx.label} ${show(cell)} should be a whole number`);
  return ok(n.value.toNumber());
};

/**
 * A share of reps at or above quota, from which a spread is fitted through the
 * normal quantile: kept to 0.1%–99.9%, where that quantile is finite at the
 * engine's precision (a share of 1e−300 would put the spread at infinity).
 */
export const SHARE_AT_QUOTA_RANGE = { min: new Decimal("0.001"), max: new Decimal("0.999") } as const;

export function shareAtQuotaProblem(share: Decimal, header: string): string | null {
  return share.gte(SHARE_AT_QUOTA_RANGE.min) && share.lte(SHARE_AT_QUOTA_RANGE.max)
    ? null
    : `${header} must be between 0.1% and 99.9%: a spread cannot be fitted to ${share.times(100).toSignificantDigits(6).toString()}% of reps at quota`;
}
