import type { RawCell } from "../../src/workbook/types";
import { cents, rows, run, settings, sheet } from "./workbook";

/**
 * A draw that starts mid-month and runs for six months (Draw, DrawMonths or DrawUntil, the partial first and last
 * months prorated), reproduced from a published draw agreement.
 *
 * Source: "Guaranteed Advance Draw Works", apartmentboy.com (a contractor's draw agreement published in full),
 * http://apartmentboy.com/guaranteed-advance-draw-works/
 * "Commencing with the first pay period, starting on March 16, 2017, the Contractor will be paid twice a month on the
 * first and fifteenth of each month, Contractor shall receive a draw against commissions of $1000 each pay day, paid
 * twice a month, $2000 a month for the first six months of this agreement … The first Payment of $1000.00 will be
 * transferred to Contractor's Bank Account on April 1, 2017. This will continue for 12 more pay days, ending on
 * September 15, 2017. Commencing on October 1, 2017, provided quotas have been met, Contractor will move to a minimum
 * draw amount of $2500 per month".
 *
 * What the agreement pays: each half-month from 16 March to 15 September, twelve half-months of $1,000 (16–31 March
 * paid on 1 April, …, 1–15 September paid on 15 September): $12,000, the six months at $2,000. (Its "12 more pay days"
 * after 1 April would end on 1 October; its stated end, 15 September, makes twelve pay days in all.)
 *
 * Mapping: a monthly plan (Period Month) for plan year 2017 with Draw 2,000, a draw against commissions (DrawType
 * Recoverable), the rep's StartDate 16 March 2017 and DrawMonths 6, which runs from the start date to the day before
 * the same day six months on: 16 March to 15 September. Nothing is earned, so every top-up is the draw itself.
 *
 * Where our rule differs: the agreement pays half a month for 16–31 March because it pays by half-months; the engine
 * prorates a month the draw covers in part by its days (`Proration` Days, the default): March is 16 of its 31 days,
 * 2,000 × 16/31 = 1,032.258… = 1,032.26, and September 15 of 30 days, 2,000 × 15/30 = 1,000.00 — the agreement's
 * figure. The six months cost 1,032.26 + 5 × 2,000 + 1,000 = 12,032.26 rather than 12,000. Under `Proration` Months
 * (the mid-month rule) a month counts whole or not at all: March (a start after the 15th) pays nothing and September
 * (the draw still running on the 15th) pays 2,000, 12,000 in all, the agreement's total a month-shift apart.
 * October's $2,500 draw is a second draw term; one plan has one Draw, so the test stops at the six months.
 */
const plans = (term: [string, RawCell]) =>
  sheet(
    "Plans",
    ["Plan", "Measure", "Period", "Draw", "DrawType", term[0]],
    [["AE", "Bookings", "Month", 2000, "Recoverable", term[1]]],
  );
const reps = sheet(
  "Reps",
  ["RepID", "Plan", "Base", "TargetVariable", "Quota", "StartDate"],
  [["R1", "AE", 0, 24000, 240000, "2017-03-16"]],
);

function statement(term: [string, RawCell], proration = "Days") {
  const r = run([
    settings([
      ["PlanYear", 2017],
      ["Proration", proration],
    ]),
    reps,
    plans(term),
  ]);
  return rows(r.sheets, "Results_Statements").map((s) => [s.Period, cents(s["Draw top-up"]), cents(s["Net paid"])]);
}

describe("published draw example: a $2,000 monthly draw for six months from 16 March 2017", () => {
  it("prorates the first and last months by days: March 16/31 = 1,032.26, September 15/30 = 1,000.00", () => {
    expect(statement(["DrawMonths", 6])).toEqual([
      ["2017-03", "1032.26", "1032.26"],
      ["2017-04", "2000.00", "2000.00"],
      ["2017-05", "2000.00", "2000.00"],
      ["2017-06", "2000.00", "2000.00"],
      ["2017-07", "2000.00", "2000.00"],
      ["2017-08", "2000.00", "2000.00"],
      ["2017-09", "1000.00", "1000.00"],
      ["2017-10", "0.00", "0.00"],
      ["2017-11", "0.00", "0.00"],
      ["2017-12", "0.00", "0.00"],
    ]);
  });

  it("ends on 15 September whether the term is written as six months or as the agreement's end date", () => {
    expect(statement(["DrawUntil", "2017-09-15"])).toEqual(statement(["DrawMonths", 6]));
  });

  it("a recoverable draw against commissions: with nothing earned, the rep owes the 12,032.26 drawn", () => {
    const r = run([settings([["PlanYear", 2017]]), reps, plans(["DrawMonths", 6])]);
    const [summary] = rows(r.sheets, "Results_Summary");
    expect([cents(summary["Variable paid"]), cents(summary["Draw balance"])]).toEqual(["12032.26", "12032.26"]);
  });

  it("under Proration Months a month counts whole: nothing for March, 2,000 for September, 12,000 in all", () => {
    const s = statement(["DrawMonths", 6], "Months");
    expect(s.map(([period, topUp]) => [period, topUp])).toEqual([
      ["2017-04", "2000.00"],
      ["2017-05", "2000.00"],
      ["2017-06", "2000.00"],
      ["2017-07", "2000.00"],
      ["2017-08", "2000.00"],
      ["2017-09", "2000.00"],
      ["2017-10", "0.00"],
      ["2017-11", "0.00"],
      ["2017-12", "0.00"],
    ]);
  });
});
