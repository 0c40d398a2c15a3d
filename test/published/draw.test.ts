import { runModel } from "../../src/engine/model";
import type { Plan } from "../../src/engine/types";
import { amount, d, measure, model, plan, rep, tiers } from "../../src/engine/testing/builders";

/**
 * A recoverable draw for the first six months of employment (Draw, DrawType, DrawRecovery, DrawMonths), reproduced
 * from published worked examples.
 *
 * Source 1: "Recoverable Draw Scenario", Siebel Incentive Compensation Administration Guide (Oracle),
 * https://docs.oracle.com/cd/E05553_01/books/InCompAdm/InCompAdmPlanDesign8.html
 * "Your company uses recoverable draws to compensate employees for the first six months of employment. … Table 4.
 * Recoverable Draw Scenario — Month | Gross Earnings | Draw Eligible | Net Earnings: 1/02 $2,750 $2,000 $2,750;
 * 2/02 $3,000 $2,000 $3,000; 3/02 $1,500 $2,000 $2,000; 4/02 $2,375 $2,000 $2,000; 5/02 $3,000 $2,000 $2,875;
 * 6/02 $2,750 $2,000 $2,750 … in March, Smythe earns only $1,500 … the company pays $1,500 plus an additional $500 …
 * The additional $500 is seen as a loan … In April, Smythe earns $2,375 in commissions. However, he owes $500 …
 * $375 is paid back to the draw. His net earning is $2000. In May … He pays off the draw balance of $125 and receives
 * net earnings statements representing $2,875."
 * (The table's last column, headed Draw Balance, is the month's gross earnings less the draw and less what was still
 * owed: 750, 1,000, −500, −125, 875, 750; its negative figures are the balance owed, the engine's Draw balance of 500
 * after March and 125 after April.)
 *
 * Source 2: "Creating a Draw for a Compensation Plan", the same guide,
 * https://docs.oracle.com/cd/E05553_01/books/InCompAdm/InCompAdmPlanDesign24.html
 * "suppose your company sets up a draw amount of $2,000 for new sales representatives during their first six months
 * of employment. In a given month, if a sales representative's performance results in gross earnings of $800, the
 * company pays the sales representative the $800 earned, plus an additional $1,200, so that the total net earnings
 * equals the draw amount of $2,000."
 *
 * Mapping: a monthly plan whose one measure is a 100% commission on credit (RateType Percent, money bands), so a
 * month's credit is its gross earnings; Draw 2,000 a month, Recoverable, recovered only from earnings above the draw
 * (DrawRecovery AboveDraw: April recovers 375 of the 500 owed, not all of it); DrawMonths 6 from a StartDate of
 * 1 January (the guide's 1/02 is January; the plan year here is 2026).
 */
const sixMonthDraw: Partial<Plan> = {
  period: "Month",
  draw: d(2000),
  drawType: "Recoverable",
  drawRecovery: "AboveDraw",
  drawMonths: 6,
};
const month = (m: number, value: number) => {
  const mm = String(m).padStart(2, "0");
  const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
  return amount("R1", `2026-${mm}-01`, `2026-${mm}-${last}`, value);
};

function statement(gross: number[]) {
  const input = model({
    planList: [
      plan({
        ...sixMonthDraw,
        measures: [measure({ tierBasis: "Amount", rateType: "Percent", tiers: tiers([0, null, 1]) })],
      }),
    ],
    reps: [rep({ startDate: "2026-01-01" })],
    actuals: gross.map((g, i) => month(i + 1, g)),
  });
  return runModel(input).scenarios[0].reps[0].statement;
}

describe("published draw examples: Siebel's recoverable draw for the first six months", () => {
  const s = statement([2750, 3000, 1500, 2375, 3000, 2750, 1500]);

  it("Table 4: net earnings 2,750, 3,000, 2,000, 2,000, 2,875, 2,750 on gross 2,750, 3,000, 1,500, 2,375, 3,000, 2,750", () => {
    expect(s.slice(0, 6).map((l) => l.netPaid.toFixed(2))).toEqual([
      "2750.00",
      "3000.00",
      "2000.00",
      "2000.00",
      "2875.00",
      "2750.00",
    ]);
  });

  it("the text: a $500 loan in March, $375 paid back in April, the last $125 in May", () => {
    expect(s.slice(0, 6).map((l) => l.drawTopUp.toFixed(2))).toEqual([
      "0.00",
      "0.00",
      "500.00",
      "0.00",
      "0.00",
      "0.00",
    ]);
    expect(s.slice(0, 6).map((l) => l.recovered.toFixed(2))).toEqual([
      "0.00",
      "0.00",
      "0.00",
      "375.00",
      "125.00",
      "0.00",
    ]);
    expect(s.slice(0, 6).map((l) => l.drawBalance.toFixed(2))).toEqual([
      "0.00",
      "0.00",
      "500.00",
      "125.00",
      "0.00",
      "0.00",
    ]);
  });

  it("after the six months the draw no longer tops up (the engine's DrawMonths; July is not in the guide's table)", () => {
    // July earns 1,500, under the 2,000 draw, but the draw ended on 30 June: July pays its 1,500.
    expect([s[6].drawTopUp.toFixed(2), s[6].netPaid.toFixed(2)]).toEqual(["0.00", "1500.00"]);
  });

  it("'Creating a Draw': gross earnings of $800 are paid $800 plus $1,200, so that net earnings equal the $2,000 draw", () => {
    const [jan] = statement([800]);
    expect([jan.earned, jan.drawTopUp, jan.netPaid].map((x) => x.toFixed(2))).toEqual(["800.00", "1200.00", "2000.00"]);
  });
});
