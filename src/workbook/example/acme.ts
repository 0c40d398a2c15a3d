import { acmeOrg } from "./acmeOrg";
import {
  actualsTable,
  adjustmentsTable,
  attainmentHistoryTable,
  plansTable,
  rampsTable,
  repsTable,
  scenariosTable,
  settingsTable,
  tiersTable,
} from "./acmeTables";
import { acmeOffersTable } from "./offers";
import type { ExampleTable } from "./exampleTable";

export type { ExampleTable } from "./exampleTable";

/**
 * The Acme example workbook (plan year 2026): a director and three managers
 * paid on their teams, 24 AEs on quarterly marginal plans (three of them in
 * Berlin, paid in EUR; one leaving in August), a mid-year hire on a ramp with a
 * recoverable draw, a SPIF, a clawback and a bonus, four scenarios over last
 * year's attainment, and three job offers to compare. Deterministic: the CLI's examples/acme-comp.xlsx and the task
 * pane's "Insert example" produce the same tables. No Node or Office APIs.
 */
export function acmeExample(): readonly ExampleTable[] {
  const org = acmeOrg();
  return [
    settingsTable(),
    repsTable(org),
    plansTable(),
    tiersTable(),
    rampsTable(),
    actualsTable(org),
    adjustmentsTable(),
    scenariosTable(),
    attainmentHistoryTable(org),
    acmeOffersTable(),
  ];
}
