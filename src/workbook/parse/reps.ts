import type { Decimal, Rep } from "../../engine";
import { headerIssue, tableIssue } from "../issues";
import type { Issue, RawTable } from "../types";
import { date } from "./cells/dates";
import { money, quotaProblem } from "./cells/money";
import { currencyCode, text } from "./cells/text";
import { formatAmount, formatRows } from "./format";
import { mapColumns, type FieldSpec } from "./headers";
import { listForMessage } from "./names";
import type { PlansRead } from "./plans";
import type { RampsRead } from "./ramps";
import { checkPayColumns, PAY_FIELDS, readPay } from "./pay";
import { TableReader, type RowReader } from "./reader";
import type { SettingsRead } from "./settings";

/** RepID and its spellings; Quotas, Actuals, Adjustments and AttainmentHistory accept the same. */
export const REP_ID_FIELD: FieldSpec = {
  key: "repId",
  name: "RepID",
  aliases: ["Rep ID", "Employee ID", "EmployeeID", "Rep", "ID", "Emp ID", "Rep Number", "Employee Number"],
  required: true,
};

export const REPS_FIELDS: readonly FieldSpec[] = [
  REP_ID_FIELD,
  { key: "name", name: "Name", aliases: ["Rep Name", "Employee", "Employee Name", "Full Name"] },
  { key: "role", name: "Role", aliases: ["Title", "Job Title", "Position"] },
  { key: "manager", name: "Manager", aliases: ["Manager ID", "ManagerID", "Reports To", "Manager RepID"] },
  { key: "plan", name: "Plan", aliases: ["Plan Name", "Comp Plan"], required: true },
  { key: "currency", name: "Currency", aliases: ["Currency Code", "Pay Currency", "Ccy"] },
  ...PAY_FIELDS,
  { key: "quota", name: "Quota", aliases: ["Annual Quota", "Quota Amount"] },
  { key: "startDate", name: "StartDate", aliases: ["Start", "Start Date", "Hire Date", "HireDate"] },
  { key: "endDate", name: "EndDate", aliases: ["End", "End Date", "Termination Date", "Term Date", "Leave Date"] },
  { key: "ramp", name: "Ramp", aliases: ["Ramp Schedule", "Ramp Name"] },
];

export interface RepsRead {
  readonly readable: boolean;
  /** Every RepID written in Reps, valid row or not (references to them are not "unknown"). */
  readonly ids: ReadonlySet<string>;
  /**
   * RepIDs compared the way Excel compares them, ignoring case: lower-cased ID → its spelling in Reps. A
   * reference written "e1101" finds rep "E1101".
   */
  readonly canonical: ReadonlyMap<string, string>;
  readonly reps: Rep[];
  /** RepID -> baseline plan name (when it exists). */
  readonly planOf: ReadonlyMap<string, string>;
  /** Zero annual quotas, to check against actuals once those are read. */
  readonly zeroQuotas: readonly {
    readonly repId: string;
    readonly measure: string;
    readonly row: RowReader;
    readonly key: string;
  }[];
}

export interface RepsContext {
  readonly plans: PlansRead;
  readonly ramps: RampsRead;
  readonly settings: SettingsRead;
}

/**
 * Reps: one row per person. Any two of Base, TargetVariable and OTE give the
 * third; `Quota` is the annual quota of the plan's first measure and
 * `Quota <Measure>` columns give the others.
 */
export function readReps(table: RawTable | undefined, ctx: RepsContext, issues: Issue[]): RepsRead {
  const result = {
    readable: false,
    ids: new Set<string>(),
    canonical: new Map<string, string>(),
    reps: [] as Rep[],
    planOf: new Map<string, string>(),
    zeroQuotas: [] as RepsRead["zeroQuotas"][number][],
  };
  if (!table) return result;

  // `Quota <Measure>` columns: key "quota:<measure>".
  const quotaColumns: { key: string; measure: string }[] = [];
  const claimed = new Map<string, number>();
  const columns = mapColumns(table, REPS_FIELDS, issues, {
    claim: (header, normalized, i) => {
      const measureText = quotaMeasureText(header, normalized);
      if (measureText === null) return false;
      const measure = ctx.plans.measures.getLoose(measureText);
      if (measure === undefined) {
        if (ctx.plans.readable)
          issues.push(
            headerIssue(
              table,
              i,
              "Warning",
              `Column "${header}" reads as the annual quota of measure ${measureText}, but no plan has that measure (measures: ${listForMessage(ctx.plans.measures.list())}); it is not used`,
            ),
          );
        return true;
      }
      const first = claimed.get(measure);
      if (first !== undefined) {
        issues.push(
          headerIssue(
            table,
            i,
            "Error",
            `Columns "${table.headers[first]}" and "${header}" both give the ${measure} quota; keep one of them`,
          ),
        );
        return true;
      }
      claimed.set(measure, i);
      quotaColumns.push({ key: `quota:${measure}`, measure });
      return true;
    },
  });
  if (!columns) return result;
  for (const [measure, i] of claimed) columns.set(`quota:${measure}`, i);
  result.readable = true;

  const payReadable = checkPayColumns(table, "Reps", columns, issues);

  const reader = new TableReader(table, columns, issues);
  const firstRowOf = new Map<string, number>();
  const pending: { row: RowReader; rep: Rep | null; manager: string | null }[] = [];
  for (const row of reader.rows()) {
    const id = row.required("repId", text);
    if (id !== null) {
      const key = id.toLowerCase();
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) {
        const first = result.canonical.get(key)!;
        row.error(
          "repId",
          first === id
            ? `RepID ${id} is used twice (${formatRows([earlier, row.excelRow])}); each rep needs one row`
            : `RepID "${id}" is the same ID as "${first}" (${formatRows([earlier, row.excelRow])}): IDs match whatever their case, as in Excel; each rep needs one row`,
        );
      } else {
        firstRowOf.set(key, row.excelRow);
        result.canonical.set(key, id);
      }
      result.ids.add(id);
    }
    const read = readRep(row, id, ctx, payReadable, quotaColumns, result.zeroQuotas);
    pending.push({ row, rep: read.rep, manager: read.manager });
    // Known even when the row has other errors, so Quotas and Actuals rows of the rep are still checked.
    if (id !== null && read.plan !== null && !result.planOf.has(id)) result.planOf.set(id, read.plan);
  }
  if (pending.length === 0) issues.push(tableIssue(table, "Error", "Reps has no rows: add one row per rep"));

  // Managers are checked once every RepID is known; cycles are the roll-up's business.
  for (const { row, rep, manager } of pending) {
    // A manager written in another case is that rep, as an Excel lookup would find it.
    const known = manager === null ? null : (result.canonical.get(manager.toLowerCase()) ?? null);
    if (manager !== null && known === null) row.error("manager", `Manager "${manager}" is not a RepID in Reps`);
    if (rep && !row.failed)
      result.reps.push(known !== null && known !== rep.managerId ? { ...rep, managerId: known } : rep);
  }
  return result;
}

function readRep(
  row: RowReader,
  id: string | null,
  ctx: RepsContext,
  payReadable: boolean,
  quotaColumns: readonly { key: string; measure: string }[],
  zeroQuotas: RepsRead["zeroQuotas"][number][],
): { rep: Rep | null; manager: string | null; plan: string | null } {
  const header = (k: string) => row.reader.header(k);
  const { settings, plans, ramps } = ctx;
  const name = row.optional("name", text) ?? "";
  const role = row.optional("role", text) ?? "";
  const manager = row.optional("manager", text);

  const planText = row.required("plan", text);
  let plan: string | null = null;
  if (planText !== null) {
    plan = plans.baselineNames.get(planText) ?? null;
    if (plan === null && plans.readable) {
      const known = listForMessage(plans.baselineNames.list());
      row.error(
        "plan",
        plans.allNames.get(planText) !== undefined
          ? `Plan "${planText}" has only scenario rows in Plans; a rep needs a baseline plan (a Plans row with no Scenario). Plans: ${known}`
          : `Plan "${planText}" is not in Plans (plans: ${known})`,
      );
    }
  }

  const currency = row.optional("currency", currencyCode) ?? settings.reportingCurrency;
  if (
    currency !== settings.reportingCurrency &&
    !settings.fxRates.has(currency) &&
    !settings.refusedFx?.has(currency) // its Settings row already has the error
  ) {
    row.error(
      row.blank("currency") ? null : "currency",
      `Rep ${id ?? ""} is paid in ${currency} but Settings has no FX rate for it: add the setting FX:${currency} (${settings.reportingCurrency} per 1 ${currency})`,
    );
  }

  const pay = readPay(row, payReadable, currency);

  const annualQuota = new Map<string, Decimal>();
  const addQuota = (key: string, measure: string | undefined) => {
    const q = row.optional(key, money);
    if (q === null || measure === undefined) return;
    const problem = quotaProblem(q, header(key));
    if (problem) return row.error(key, problem);
    const earlier = annualQuota.get(measure);
    if (earlier !== undefined && !earlier.eq(q))
      return row.error(
        key,
        `${header(key)} ${formatAmount(q)} disagrees with ${header("quota")} ${formatAmount(earlier)}, which is also the ${measure} quota (plan ${plan}'s first measure)`,
      );
    annualQuota.set(measure, q);
    if (q.isZero() && id !== null) zeroQuotas.push({ repId: id, measure, row, key });
  };
  addQuota("quota", plan === null ? undefined : plans.firstMeasure.get(plan));
  for (const c of quotaColumns) addQuota(c.key, c.measure);

  const startDate = row.optional("startDate", date);
  const endDate = row.optional("endDate", date);
  if (startDate !== null && endDate !== null && endDate < startDate)
    row.error("endDate", `${header("endDate")} ${endDate} is before ${header("startDate")} ${startDate}`);

  const rampText = row.optional("ramp", text);
  let ramp: string | null = null;
  if (rampText !== null) {
    ramp = ramps.names.get(rampText) ?? null;
    if (ramp === null)
      row.error(
        "ramp",
        ramps.present
          ? `Ramp "${rampText}" is not in the Ramps table (ramps: ${listForMessage(ramps.names.list())})`
          : `Ramp "${rampText}" needs a Ramps table, and the workbook has none: add one, or clear Ramp`,
      );
  }

  if (id === null || plan === null || pay === null || row.failed) return { rep: null, manager, plan };
  return {
    manager,
    plan,
    rep: {
      id,
      name,
      role,
      managerId: manager,
      plan,
      currency,
      base: pay.base,
      targetVariable: pay.targetVariable,
      annualQuota,
      startDate,
      endDate,
      ramp,
      row: row.excelRow,
    },
  };
}

/** "Quota Renewals", "Quota: Renewals", "Renewals Quota" -> "Renewals"; null when the header is not of that shape. */
function quotaMeasureText(header: string, normalized: string): string | null {
  if (normalized === "quota" || !(normalized.startsWith("quota") || normalized.endsWith("quota"))) return null;
  const m = /^\s*quota\b[\s:\-–_]*(.+?)\s*$/i.exec(header) ?? /^\s*(.+?)[\s:\-–_]*\bquota\s*$/i.exec(header);
  if (m && /\p{L}|\p{N}/u.test(m[1])) return m[1];
  const rest = normalized.startsWith("quota") ? normalized.slice(5) : normalized.slice(0, -5);
  return rest.length > 0 ? rest : null;
}
