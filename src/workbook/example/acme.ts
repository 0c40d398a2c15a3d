import { acmeOrg } from "./acmeOrg";
import { actualsTable, plansTable, repsTable, settingsTable, tiersTable } from "./acmeTables";
import type { ExampleTable } from "./exampleTable";

export type { ExampleTable } from "./exampleTable";

/**
 * The Acme example workbook (plan year 2026): a director, three managers and
 * 24 AEs on quarterly marginal plans with quarterly New ARR and Renewals
 * bookings. Deterministic: the CLI's examples/acme-comp.xlsx and the task
 * pane's "Insert example" produce the same tables. No Node or Office APIs.
 */
export function acmeExample(): readonly ExampleTable[] {
  const org = acmeOrg();
  return [settingsTable(), repsTable(org), plansTable(), tiersTable(), actualsTable(org)];
}
