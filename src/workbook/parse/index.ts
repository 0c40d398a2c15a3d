import { inputChecks, weekCalendarOf, type Adjustment, type ModelInput, type Scenario } from "../../engine";
import { locateEngineIssue } from "../engineIssues";
import { dedupeIssues, hasErrors, sortIssues, workbookIssue } from "../issues";
import type { Issue, RawTable } from "../types";
import { readAdjustments } from "./adjustments";
import { readAmounts, type AmountRows } from "./amounts";
import { readAttainmentHistory } from "./history";
import { INPUT_NAMES, locateInputs } from "./locate";
import { readOffers } from "./offers";
import { labelKey, labelSpan, type PeriodLabel, type Span } from "./periods";
import { resolvePlanYear } from "./planYear";
import { readPlans } from "./plans";
import { checkDuplicateQuotas, checkZeroQuotas } from "./quotaChecks";
import { readRamps } from "./ramps";
import { readReps } from "./reps";
import { readScenarios } from "./scenarios";
import { readSettings } from "./settings";

export interface ParseOptions {
  /** Used only to default the plan year when neither Settings nor the data name one. */
  readonly today: Date;
}

export interface ParseResult {
  /** Null exactly when an Error issue was found. */
  readonly input: ModelInput | null;
  /** Every problem found, in table order then row order. */
  readonly issues: Issue[];
}

const REQUIRED_HINT = {
  Reps: "with the columns RepID, Plan, and two of Base, TargetVariable and OTE (one row per rep)",
  Plans: "with at least the column Plan (one row per plan and measure)",
} as const;

/**
 * Reads the input tables (as the adapters hand them over) into the engine's
 * ModelInput, reporting every problem with its table, Excel row, column and
 * address. Pure: no I/O, no clock except `options.today`.
 */
export function parseModelInput(tables: readonly RawTable[], options: ParseOptions): ParseResult {
  const issues: Issue[] = [];
  const found = locateInputs(tables);
  for (const name of ["Reps", "Plans"] as const) {
    if (!found[name])
      issues.push(
        workbookIssue(
          "Error",
          `The workbook has no ${name} table: add an Excel table or a sheet named ${name} ${REQUIRED_HINT[name]}`,
          name,
        ),
      );
  }

  const settings = readSettings(found.Settings, issues);
  const scenarioTable = readScenarios(found.Scenarios, issues);
  const ramps = readRamps(found.Ramps, issues);
  const plans = readPlans(found, { known: scenarioTable.names }, issues);
  const reps = readReps(found.Reps, { plans, ramps, settings }, issues);
  const quotas = readAmounts("Quotas", found.Quotas, { reps, plans }, issues);
  const actuals = readAmounts("Actuals", found.Actuals, { reps, plans }, issues);
  const scores = readAmounts("Scores", found.Scores, { reps, plans }, issues);
  const adjustmentRecords = readAdjustments(found.Adjustments, reps, issues);
  const attainmentHistory = readAttainmentHistory(found.AttainmentHistory, issues, settings);
  const offers = readOffers(found.Offers, { plans, settings }, issues);

  const fy = settings.fiscalYearStartMonth;
  // A week calendar (4-4-5, …): every label is placed on its fiscal weeks.
  const calendar = weekCalendarOf(settings);
  const planYear = resolvePlanYear(
    settings.planYear,
    [...quotas.labels, ...actuals.labels, ...scores.labels],
    fy,
    options.today,
    found.Settings,
    issues,
    calendar,
  );
  // Large inputs repeat a few labels many times: place each label once (a column's equal cells share one label),
  // and labels of the same days share one Span, which the duplicate check uses as a key.
  const spans = new Map<string, Span>();
  const spanByDays = new Map<string, Span>();
  const spanByLabel = new Map<PeriodLabel, Span>();
  const spanOf = (label: PeriodLabel): Span => {
    let span = spanByLabel.get(label);
    if (span) return span;
    const key = labelKey(label);
    span = spans.get(key);
    if (!span) {
      const placed = labelSpan(label, fy, planYear, calendar);
      const days = `${placed.start}\u0000${placed.end}`;
      span = spanByDays.get(days);
      if (!span) spanByDays.set(days, (span = placed));
      spans.set(key, span);
    }
    spanByLabel.set(label, span);
    return span;
  };
  const place = (rows: AmountRows): void => {
    for (let i = 0; i < rows.amounts.length; i++) rows.amounts[i].place(spanOf(rows.labels[i]));
  };
  place(quotas);
  place(actuals);
  place(scores);
  checkDuplicateQuotas(quotas, (i) => spanOf(quotas.labels[i]));
  checkZeroQuotas(quotas, actuals, reps.zeroQuotas);
  const adjustments: Adjustment[] = adjustmentRecords.map((a) => ({
    repId: a.repId,
    ...spanOf(a.label),
    type: a.type,
    amount: a.amount,
    note: a.note,
    source: a.row.source,
  }));

  // Without a Scenarios table, scenario names used in Plans and Tiers define the scenarios (assumption: actuals).
  const scenarios: Scenario[] =
    scenarioTable.names !== null
      ? scenarioTable.scenarios
      : plans.scenariosUsed.map((name) => ({ name, assumption: null, description: "" }));

  const input: ModelInput = {
    settings: {
      reportingCurrency: settings.reportingCurrency,
      fiscalYearStartMonth: fy,
      planYear,
      fxRates: settings.fxRates,
      ...(settings.calendar ? { calendar: settings.calendar } : {}),
      ...(settings.proration ? { proration: settings.proration } : {}),
    },
    reps: reps.reps,
    plans: plans.plans,
    scenarioPlans: plans.scenarioPlans,
    scenarios,
    quotas: quotas.amounts,
    actuals: actuals.amounts,
    ...(scores.amounts.length > 0 ? { scores: scores.amounts } : {}),
    adjustments,
    // The Settings rule for ramp tenure month 1 travels with each schedule, where the ramp is priced.
    ramps:
      settings.rampMonthOne === "StartMonth"
        ? ramps.ramps
        : new Map([...ramps.ramps].map(([k, r]) => [k, { ...r, monthOne: settings.rampMonthOne }])),
    attainmentHistory,
    ...(found.Offers ? { offers } : {}),
  };
  if (hasErrors(issues)) issues.push(...modelChecks(input, found, issues, tables));
  const sorted = sortIssues(dedupeIssues(issues), INPUT_NAMES);
  return hasErrors(sorted) ? { input: null, issues: sorted } : { input, issues: sorted };
}

/**
 * When the tables' own problems stop the run, the problems the model would
 * find next — a plan's design (overlapping bands), an amount that straddles a
 * payout period, a second score in one — are asked for too, so the user hears
 * of them all at once: plan designs when the tables that define plans read
 * cleanly, amounts when Settings, Reps and the plans do too (otherwise their
 * findings would follow from rows already refused).
 */
function modelChecks(
  input: ModelInput,
  found: ReturnType<typeof locateInputs>,
  issues: readonly Issue[],
  tables: readonly RawTable[],
): Issue[] {
  const clean = (names: readonly (keyof typeof found)[]) =>
    !issues.some(
      (i) => i.severity === "Error" && names.some((n) => found[n] !== undefined && i.table === found[n]!.name),
    );
  const planTables = ["Plans", "Tiers", "Modifiers", "PayoutMatrix", "Scenarios", "Ramps"] as const;
  const plans = clean(planTables) && input.plans.size > 0;
  const amounts = plans && clean(["Settings", "Reps"]) && input.reps.length > 0;
  if (!plans) return [];
  return inputChecks(input, { plans, amounts }).map((i) => locateEngineIssue(i, tables));
}
