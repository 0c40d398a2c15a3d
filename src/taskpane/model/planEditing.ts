import { localizeFigures } from "./format";
import { canonicalNumber, entryLocale, entryText, type NumberLocale } from "./numberEntry";
import {
  buildPayoutCurve,
  checkPlan,
  Decimal,
  type MeasurePlan,
  type PayoutMatrix,
  type Plan,
  type Tier,
} from "../../engine";
import type { RowPatch } from "../../workbook/port";
import { normalizeKey } from "../../workbook/parse/cells/cell";
import { locateInputs } from "../../workbook/parse/locate";
import { nameKey } from "../../workbook/parse/names";
import { readPlans } from "../../workbook/parse/plans";
import { TIER_FIELDS } from "../../workbook/parse/tierRows";
import type { RawCell, RawTable } from "../../workbook/types";

/**
 * The plan editor's model: a plan × measure's bands as the user types them
 * (percent or money bounds, multiple or percent rates), the payout curve the
 * engine draws from them, and the Tiers rows to write back.
 */

/** A band as typed: From, To (blank = no limit), Rate, in display units. */
export interface BandDraft {
  readonly from: string;
  readonly to: string;
  readonly rate: string;
}

export interface Units {
  /** "%" when bounds are attainment, "" for amounts. */
  readonly bound: "%" | "";
  /** "%" for a percent of credited amount, "×" for a multiple. */
  readonly rate: "%" | "×";
}

/** Baseline plans as the engine reads them from Plans and Tiers (problems are the Inputs view's job). */
export function readBaselinePlans(tables: readonly RawTable[]): Plan[] {
  const found = locateInputs(tables);
  return [...readPlans(found, { known: null }, []).plans.values()];
}

export function unitsOf(measure: MeasurePlan): Units {
  return {
    bound: measure.tierBasis === "Amount" ? "" : "%",
    rate: measure.tierMode !== "Curve" && measure.rateType === "Percent" ? "%" : "×",
  };
}

const HUNDRED = new Decimal(100);

/** A band's value as the user types it: percent or plain, with the locale's decimal separator. */
function show(value: Decimal, percent: boolean, locale: NumberLocale): string {
  return entryText((percent ? value.times(HUNDRED) : value).toDecimalPlaces(6), locale);
}

export function draftsOf(measure: MeasurePlan, locale: NumberLocale = entryLocale()): BandDraft[] {
  const u = unitsOf(measure);
  return measure.tiers.map((t) => ({
    from: show(t.from, u.bound === "%", locale),
    to: t.to === null ? "" : show(t.to, u.bound === "%", locale),
    rate: show(t.rate, u.rate === "%", locale),
  }));
}

/**
 * A band's number as typed in the user's locale ("1,5" in de-DE, "1.5" in en-US), in the field's units (`unit`):
 * typed with the other unit's sign it is converted, as the workbook reads it — 150% in a multiple's field is 1.5×,
 * 1.5× in a percent field 150 — never taken as 150×. A message when it is not a number.
 */
function parseNumber(text: string, locale: NumberLocale, unit: "%" | "×" | "" = ""): Decimal | string {
  const entry = canonicalNumber(text.trim(), locale);
  if (!entry.ok) return entry.message;
  const percent = /%\s*$/.test(entry.text);
  const multiple = /[×x]\s*$/i.test(entry.text);
  const t = entry.text.replace(/[%×x\s]/gi, "");
  if (t === "" || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return "not a number";
  const value = new Decimal(t);
  if (unit === "×" && percent) return value.div(HUNDRED);
  if (unit === "%" && multiple) return value.times(HUNDRED);
  return value;
}

/**
 * The drafts with a band added after the last: it starts at the last band's
 * To, or, when that band has no limit, 50 points above its From, which then
 * becomes the last band's To; left blank when that From is not a number yet.
 */
export function addedBand(drafts: readonly BandDraft[], locale: NumberLocale = entryLocale()): BandDraft[] {
  const last = drafts[drafts.length - 1];
  if (!last) return [{ from: "0", to: "", rate: "1" }];
  let end = last.to.trim();
  if (end === "") {
    const from = parseNumber(last.from.trim() || "0", locale);
    end = typeof from === "string" ? "" : show(from.plus(50), false, locale);
  }
  return [...drafts.slice(0, -1), { ...last, to: end }, { from: end, to: "", rate: last.rate }];
}

export interface ParsedBands {
  readonly tiers: Tier[] | null;
  /** One message per problem, "Band 2: To must be above From". */
  readonly problems: string[];
  /** The cells at fault, as `${band index}.${field}` ("1.to"), to mark them. */
  readonly invalid: ReadonlySet<string>;
}

/** Drafts -> engine tiers (fractions), with the checks a person needs before saving. */
export function parseBands(
  drafts: readonly BandDraft[],
  measure: MeasurePlan,
  locale: NumberLocale = entryLocale(),
): ParsedBands {
  const u = unitsOf(measure);
  const scale = (d: Decimal, percent: boolean): Decimal => (percent ? d.div(HUNDRED) : d);
  const problems: string[] = [];
  const invalid = new Set<string>();
  const tiers: Tier[] = [];
  drafts.forEach((d, i) => {
    const label = `Band ${i + 1}`;
    const from = parseNumber(d.from, locale, u.bound);
    const to = d.to.trim() === "" ? null : parseNumber(d.to, locale, u.bound);
    const rate = parseNumber(d.rate, locale, u.rate);
    // A number typed the other locale's way ("1,5" in en-US) is refused with how to type it, never guessed.
    const why = (v: Decimal | string | null) => (typeof v === "string" && v !== "not a number" ? `: ${v}` : "");
    const fault = (field: keyof BandDraft, message: string) => {
      problems.push(message);
      invalid.add(`${i}.${field}`);
    };
    if (typeof from === "string") fault("from", `${label}: From must be a number${why(from)}`);
    if (typeof to === "string") fault("to", `${label}: To must be a number or blank (no limit)${why(to)}`);
    if (typeof rate === "string") fault("rate", `${label}: Rate must be a number${why(rate)}`);
    if (typeof from === "string" || typeof rate === "string" || typeof to === "string") return;
    if (from.isNeg()) fault("from", `${label}: From cannot be negative`);
    // The workbook refuses a negative rate (pay would fall as the rep sells more): so does the editor, before saving.
    if (rate.isNeg()) fault("rate", `${label}: Rate cannot be negative; use 0 to pay nothing there`);
    if (to !== null && to.lte(from)) fault("to", `${label}: To must be above From`);
    tiers.push({
      from: scale(from, u.bound === "%"),
      to: to === null ? null : scale(to, u.bound === "%"),
      rate: scale(rate, u.rate === "%"),
    });
  });
  // Bands are compared in the order typed only when every band parsed (indices then match the rows).
  if (tiers.length === drafts.length)
    for (let i = 1; i < tiers.length; i++) {
      const prev = tiers[i - 1];
      if (tiers[i].from.lt(prev.from)) {
        problems.push(`Band ${i + 1}: bands must go up (From below band ${i}'s)`);
        invalid.add(`${i}.from`);
      } else if (prev.to === null) {
        problems.push(`Band ${i}: only the last band can have no upper limit`);
        invalid.add(`${i - 1}.to`);
      } else if (prev.to.gt(tiers[i].from)) {
        problems.push(`Band ${i + 1}: overlaps band ${i}`);
        invalid.add(`${i}.from`);
      }
    }
  if (drafts.length === 0) problems.push("Add at least one band");
  return { tiers: problems.length ? null : tiers, problems, invalid };
}

/**
 * What the engine's own checks say about this measure with the edited bands
 * (a gap, no band at 0, 100% not paying target…): the warnings a run would
 * give, shown while editing rather than after saving.
 */
export function bandChecks(plan: Plan, measure: MeasurePlan, tiers: readonly Tier[]): string[] {
  const edited: Plan = {
    ...plan,
    measures: plan.measures.map((m) => (m.measure === measure.measure ? { ...m, tiers: [...tiers] } : m)),
  };
  const label =
    plan.combine === "WeightedAttainment" ? `Plan ${plan.name}: ` : `Plan ${plan.name}, ${measure.measure}: `;
  return checkPlan(edited)
    .filter((i) => i.message.startsWith(label))
    .map((i) => localizeFigures(i.message.slice(label.length).replace(/^./, (c) => c.toUpperCase())));
}

/** "0%–100%: 1×" for each band, as the confirmation shows what a save replaces and with what. */
export function bandLines(measure: MeasurePlan, tiers: readonly Tier[]): string[] {
  const u = unitsOf(measure);
  const locale = entryLocale();
  const bound = (d: Decimal) => `${show(d, u.bound === "%", locale)}${u.bound}`;
  return tiers.map(
    (t) =>
      `${bound(t.from)}–${t.to === null ? "no limit" : bound(t.to)}: ${show(t.rate, u.rate === "%", locale)}${u.rate}`,
  );
}

/** Whether the drafts differ from the bands in the workbook (`saved`: draftsOf the measure). */
export function isEdited(drafts: readonly BandDraft[], saved: readonly BandDraft[]): boolean {
  return (
    drafts.length !== saved.length ||
    drafts.some((d, i) => d.from !== saved[i].from || d.to !== saved[i].to || d.rate !== saved[i].rate)
  );
}

export interface CurvePoint {
  readonly attainment: number;
  readonly multiple: number;
}

/** Base commission rate assumed by the preview of Percent-rate plans (target ÷ quota varies by rep). */
export const PREVIEW_BCR = new Decimal("0.1");

/**
 * The payout curve on 0–200% attainment, from the engine (threshold, caps and
 * tier mode included): every 1%, plus both sides of each break so jumps of a
 * retroactive table or a gate show as vertical steps. Numbers here are for
 * drawing only.
 */
export function curvePoints(measure: MeasurePlan, tiers: readonly Tier[], max = 2): CurvePoint[] {
  // A flat kicker amount is money: as a multiple it depends on each rep's target, which the preview has not got
  // (its multiple of a BCR of 10% on a quota of 1 would be 10 × the amount). It is said in the terms line instead.
  const kicker = measure.kicker?.amount ? { ...measure.kicker, amount: null } : measure.kicker;
  const curve = buildPayoutCurve({ ...measure, tiers, kicker }, PREVIEW_BCR);
  const xs = new Set<string>();
  for (let i = 0; i <= max * 100; i++) xs.add(new Decimal(i).div(HUNDRED).toString());
  const points: { x: Decimal; y: Decimal }[] = [...xs].map((x) => ({
    x: new Decimal(x),
    y: curve.evaluate(new Decimal(x)),
  }));
  const eps = new Decimal("1e-9");
  for (const b of curve.breakpoints) {
    if (b.lte(0) || b.gt(max)) continue;
    points.push({ x: b.minus(eps), y: curve.evaluate(b.minus(eps)) }, { x: b, y: curve.evaluate(b) });
  }
  const unique = new Map(points.map((p) => [p.x.toString(), p]));
  return [...unique.values()]
    .sort((a, b) => a.x.comparedTo(b.x))
    .map((p) => ({ attainment: p.x.toNumber(), multiple: p.y.toNumber() }));
}

/** Header text the user's Tiers table uses for a field (aliases accepted), or null when it has none. */
function headerFor(tiers: RawTable, key: string): string | null {
  const spec = TIER_FIELDS.find((f) => f.key === key)!;
  const names = new Set([spec.name, ...(spec.aliases ?? [])].map(normalizeKey));
  return tiers.headers.find((h) => names.has(normalizeKey(h))) ?? null;
}

export interface SavePlan {
  readonly patch: RowPatch;
  /** Baseline rows of this plan × measure in Tiers now (for the confirmation). */
  readonly replacing: number;
}

/**
 * The write for "Save to workbook": this plan × measure's baseline rows of
 * the Tiers table (scenario rows and other plans untouched). Null with a
 * reason when Tiers is not an Excel table the add-in can update in place.
 */
/** Why a matrix measure has no bands to edit (the plan editor shows it in place of the bands). */
export function matrixMeasureText(measure: MeasurePlan): string {
  return `${measure.measure} is paid by its PayoutMatrix, not by Tiers bands: edit the PayoutMatrix table to change it.`;
}

export function saveTiersPlan(
  tables: readonly RawTable[],
  plan: Plan,
  measure: MeasurePlan,
  tiers: readonly Tier[],
): SavePlan | { readonly reason: string } {
  if (measure.matrix) return { reason: matrixMeasureText(measure) };
  const table = locateInputs(tables).Tiers;
  if (!table)
    return {
      reason: "There is no Tiers table: add an Excel table named Tiers with columns Plan, Measure, From, To, Rate.",
    };
  if (table.source !== "table")
    return {
      reason: "Tiers is a plain sheet: turn it into an Excel table (Insert > Table, named Tiers) to edit it here.",
    };
  const planCol = headerFor(table, "plan");
  const fromCol = headerFor(table, "from");
  const rateCol = headerFor(table, "rate");
  const toCol = headerFor(table, "to") ?? null;
  if (!planCol || !fromCol || !rateCol) return { reason: "The Tiers table needs Plan, From and Rate columns." };
  if (!toCol && tiers.some((t) => t.to !== null))
    return { reason: "The Tiers table has no To column for the bands' upper limits." };
  const measureCol = headerFor(table, "measure");
  const scenarioCol = headerFor(table, "scenario");

  const idx = (h: string | null): number => (h === null ? -1 : table.headers.indexOf(h));
  const text = (c: RawCell | undefined): string => (c === null || c === undefined ? "" : nameKey(String(c)));
  const mine = table.rows.filter(
    (r) => text(r[idx(planCol)]) === nameKey(plan.name) && (scenarioCol === null || text(r[idx(scenarioCol)]) === ""),
  );
  // A blank Measure means the plan's first measure: keep writing it that way if that is how the table does it.
  const isFirst = plan.measures[0]?.measure === measure.measure;
  const blankMeasure =
    measureCol !== null &&
    isFirst &&
    mine.some((r) => text(r[idx(measureCol)]) === "") &&
    !mine.some((r) => text(r[idx(measureCol)]) === nameKey(measure.measure));
  const measureValue = blankMeasure ? "" : measure.measure;
  const replacing = mine.filter(
    (r) => measureCol === null || text(r[idx(measureCol)]) === nameKey(measureValue),
  ).length;

  const match: Record<string, string> = { [planCol]: plan.name };
  if (measureCol) match[measureCol] = measureValue;
  if (scenarioCol) match[scenarioCol] = "";
  const columns = toCol ? [fromCol, toCol, rateCol] : [fromCol, rateCol];
  const rows = tiers.map((t): RawCell[] =>
    toCol
      ? [t.from.toNumber(), t.to === null ? null : t.to.toNumber(), t.rate.toNumber()]
      : [t.from.toNumber(), t.rate.toNumber()],
  );
  // What this plan × measure's rows held when read: the port writes only if they still do.
  const colIdx = columns.map((h) => idx(h));
  const expected = mine
    .filter((r) => measureCol === null || text(r[idx(measureCol)]) === nameKey(measureValue))
    .map((r) => colIdx.map((c) => r[c] ?? null));
  return { patch: { table: table.name, match, columns, rows, expected }, replacing };
}

/** A term's exact percent, written as the bands are typed: the locale's decimal separator ("112,5%" in de-DE). */
const pct = (x: Decimal) => `${entryText(x.times(HUNDRED))}%`;

/** A measure's terms in a line under the plan editor's picker: "Marginal tiers on attainment · gate 40% · payout cap 3×". */
export function measureTermsText(m: MeasurePlan): string {
  const onAxis = (x: Decimal) => (m.tierBasis === "Attainment" ? pct(x) : entryText(x));
  const own = m.basis === "Score" ? "the score (MBO)" : m.tierBasis.toLowerCase();
  const parts = [m.matrix ? matrixText(m.matrix) : `${m.tierMode} tiers on ${own}`];
  if (m.threshold) parts.push(`gate ${pct(m.threshold)}`);
  if (m.capAttainment) parts.push(`attainment cap ${pct(m.capAttainment)}`);
  if (m.capPayout) parts.push(`payout cap ${entryText(m.capPayout)}×`);
  if (m.modifier)
    parts.push(
      `× ${m.modifier.linkedMeasure} modifier (${m.modifier.steps.map((s) => `${pct(s.from)}: ×${entryText(s.factor)}`).join(", ")})`,
    );
  if (m.kicker) {
    const flat = m.kicker.amount ? ` + ${entryText(m.kicker.amount)} flat a period` : "";
    parts.push(
      `kicker +${entryText(m.kicker.rate)}${flat} from ${onAxis(m.kicker.from)} (${m.kicker.mode.toLowerCase()})`,
    );
  }
  return parts.join(" · ");
}

/** A payout matrix in a few words: "Interpolated matrix × Renewals (this period): 3 × 3 cells, 0.25× to 2×". */
function matrixText(mx: PayoutMatrix): string {
  const distinct = (values: readonly Decimal[]) => new Set(values.map((v) => v.toString())).size;
  const multiples = mx.cells.map((c) => c.multiple).sort((a, b) => a.comparedTo(b));
  const range = `${entryText(multiples[0])}× to ${entryText(multiples[multiples.length - 1])}×`;
  const grid = `${distinct(mx.cells.map((c) => c.attainment))} × ${distinct(mx.cells.map((c) => c.linked))} cells`;
  return `${mx.mode} matrix × ${mx.linkedMeasure} (${mx.measured === "YTD" ? "year to date" : "this period"}): ${grid}, ${range}`;
}

/** A plan's plan-wide terms in a line (read only): "annual cap 2.5× · 80% advanced · annual gate 50% (full year) · …"; "" when none. */
export function planTermsText(p: Plan): string {
  const parts: string[] = [];
  if (p.annualCap) parts.push(`annual cap ${entryText(p.annualCap)}× target variable`);
  if (p.annualCapAmount) parts.push(`annual cap ${entryText(p.annualCapAmount)}`);
  if (p.advancePct) parts.push(`${pct(p.advancePct)} advanced, the rest at year end`);
  if (p.annualGate)
    parts.push(
      `annual gate ${pct(p.annualGate)} (${p.annualGateBasis === "ProratedYTD" ? "prorated year to date" : "full year"})`,
    );
  if (p.draw) {
    const term = p.drawMonths ? ` for ${p.drawMonths} months` : p.drawUntil ? ` until ${p.drawUntil}` : "";
    const exit = p.drawType === "Recoverable" ? `, ${p.drawOnExit === "Forgiven" ? "forgiven" : "owed"} at exit` : "";
    parts.push(
      `${p.drawType === "Recoverable" ? "recoverable" : "non-recoverable"} draw ${entryText(p.draw)}${term}${exit}`,
    );
  }
  return parts.join(" · ");
}
