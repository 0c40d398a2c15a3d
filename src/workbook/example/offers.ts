import { PLAN_YEAR } from "./acmeOrg";
import { excelSerial } from "./excelDate";
import type { ExampleTable } from "./exampleTable";

/**
 * The Offers table of the Acme example: a sales manager weighing two director
 * offers against staying put. The growth-stage offer has the biggest OTE
 * (240k) and grant, but its org reached 70% of quota last year and moves
 * ±12% from year to year, so it is realistically worth about 213k a year; the
 * late-stage offer (230k OTE, on the example's AE plan: gates, a decelerator
 * and a 3× cap; org at 85% ± 8%) is worth about 217k a year, though over four
 * years the growth-stage grant keeps that offer narrowly ahead (Four-year total
 * 1,047,729 against 1,043,132 in Results_Offers). The current job is on the Manager plan at 95%,
 * its spread taken from the org's own AttainmentHistory.
 */
export function acmeOffersTable(): ExampleTable {
  const start = excelSerial(PLAN_YEAR, 3, 1);
  return {
    name: "Offers",
    headers: [
      "Offer",
      "Base",
      "OTE",
      "Plan",
      "ExpectedAttainment",
      "StdDev",
      "RampMonths",
      "RampGuarantee",
      "SignOnBonus",
      "EquityValue",
      "VestingYears",
      "CliffMonths",
      "VestingFrequency",
      "StartDate",
      "Currency",
    ],
    formats: [
      "text",
      "money",
      "money",
      "text",
      "percent",
      "percent",
      "integer",
      "percent",
      "money",
      "money",
      "integer",
      "integer",
      "text",
      "date",
      "text",
    ],
    rows: [
      [
        "Growth-stage director",
        150000,
        240000,
        "Director",
        0.7,
        0.12,
        3,
        0.5,
        null,
        200000,
        4,
        12,
        "Monthly",
        start,
        "USD",
      ],
      [
        "Late-stage director",
        165000,
        230000,
        "AE",
        0.85,
        0.08,
        2,
        null,
        20000,
        160000,
        4,
        12,
        "Quarterly",
        start,
        "USD",
      ],
      ["Current job", 140000, 200000, "Manager", 0.95, null, 0, null, null, null, null, null, null, start, "USD"],
    ],
  };
}
