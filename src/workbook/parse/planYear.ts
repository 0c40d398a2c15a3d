import type { WeekCalendar } from "../../engine";
import { tableIssue, workbookIssue } from "../issues";
import type { Issue, RawTable } from "../types";
import { labelPlanYear, type PeriodLabel } from "./periods";

/**
 * The plan year to model: Settings PlanYear, else the plan year most period
 * labels in Quotas and Actuals fall in (the earliest on a tie), else the
 * current year. Says which it chose when Settings did not.
 */
export function resolvePlanYear(
  explicit: number | null,
  labels: readonly PeriodLabel[],
  fiscalYearStart: number,
  today: Date,
  settingsTable: RawTable | undefined,
  issues: Issue[],
  /** A week calendar places dated labels in the fiscal year whose weeks hold them. */
  calendar: WeekCalendar | null = null,
): number {
  if (explicit !== null) return explicit;
  const votes = new Map<number, number>();
  for (const label of labels) {
    const year = labelPlanYear(label, fiscalYearStart, calendar);
    if (year !== null) votes.set(year, (votes.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of votes) {
    const bestCount = best === null ? -1 : votes.get(best)!;
    if (count > bestCount || (count === bestCount && year < best!)) best = year;
  }
  const year = best ?? today.getFullYear();
  const why =
    best !== null
      ? "the plan year most periods in Quotas and Actuals fall in"
      : "the current year: no period in Quotas or Actuals names a year";
  const message = `Plan year ${year} (${why}); set PlanYear in Settings to choose another`;
  issues.push(settingsTable ? tableIssue(settingsTable, "Info", message) : workbookIssue("Info", message));
  return year;
}
