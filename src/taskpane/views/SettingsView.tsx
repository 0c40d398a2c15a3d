import {
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  tokens,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useRef, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import type { RawTable } from "../../workbook/types";
import { Section } from "../components/Section";
import { useFocusFallback } from "../hooks/useFocusFallback";
import {
  CALENDARS,
  calendarProblems,
  currencyProblem,
  currentSettings,
  fxProblems,
  MONTHS,
  previewYear,
  PRORATIONS,
  restateFx,
  settingsEntries,
  usedCurrencies,
  WEEKDAYS,
  weekYearPreview,
  YEAR_END_RULES,
  yearEndText,
  type CalendarChoice,
  type ProrationChoice,
  type SettingsDraft,
} from "../model/settingsEditing";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A problem the Settings table has with a value this field writes: a warning, since saving replaces it. */
function tableProblem(message: string | undefined) {
  return message === undefined
    ? { validationState: "none" as const }
    : {
        validationState: "warning" as const,
        validationMessage: `The Settings table says: ${message}. Saving writes the value chosen here.`,
      };
}

const PRORATION_HINTS: Record<ProrationChoice, string> = {
  Days: "A rep who starts or leaves mid-period gets days employed ÷ days in the period.",
  Months:
    "A month counts when the rep started on or before its 15th and was still employed on its 15th; months counted ÷ months in the period.",
  FullMonths: "Only months worked from their first day to their last count; months counted ÷ months in the period.",
};

/**
 * Reporting currency, FX rates, fiscal-year start, calendar (months or a
 * 52/53-week 4-4-5, 4-5-4 or 5-4-4 year and its year end) and proration,
 * written to the Settings table as the CLI reads them. A change of reporting
 * currency offers to restate the rates in one confirmed step, and Save stays
 * off while a currency in use has no rate, so the workbook is never left
 * unrunnable; a value in the table the CLI refuses is shown on its field.
 */
export function SettingsView({
  port,
  tables,
  edit,
  onEditChange,
  onSaved,
}: {
  port: WorkbookPort;
  tables: readonly RawTable[];
  /** The unsaved draft, kept by the pane across tabs (null: the table as read). */
  edit: SettingsDraft | null;
  onEditChange: (draft: SettingsDraft) => void;
  onSaved: () => void;
}) {
  const s = useStyles();
  const draft = edit ?? currentSettings(tables);
  const setDraft = onEditChange;
  const [status, setStatus] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = currencyProblem(draft.reportingCurrency);
  const savedCurrency = currentSettings(tables).reportingCurrency;
  const reporting = draft.reportingCurrency.trim().toUpperCase();
  const switching = problem === null && reporting !== savedCurrency;
  const missing = problem === null ? fxProblems(draft, tables) : [];
  const rates = new Map((draft.fx ?? []).map((f) => [f.currency, f.rate]));
  const shown = [...new Set([...rates.keys(), ...usedCurrencies(tables)])].filter((c) => c !== reporting).sort();
  const setRate = (currency: string, rate: string) =>
    setDraft({
      ...draft,
      fx: [...(draft.fx ?? []).filter((f) => f.currency !== currency), { currency, rate }],
    });
  const restated = switching ? restateFx(draft, savedCurrency) : null;
  // What Restate did, said in the message it came from (the button goes: its rate is now the reporting one).
  const [restatedFrom, setRestatedFrom] = useState<{ to: string; rate: string } | null>(null);
  const justRestated = switching && restatedFrom !== null && restatedFrom.to === reporting;
  const changeRef = useRef<HTMLDivElement>(null);
  const moveFocus = useFocusFallback();
  const restate = () => {
    if (!restated) return;
    setRestatedFrom({ to: reporting, rate: rates.get(reporting) ?? "" });
    // The button is gone once pressed: focus goes to the message that says what was done, not to the page.
    moveFocus(() => changeRef.current);
    setDraft(restated);
  };
  const problems = calendarProblems(tables);
  const calendar = draft.calendar ?? "Months";
  const weeks = calendar !== "Months";
  const yearEnd = draft.yearEnd ?? { weekday: 6, rule: "Last" as const };
  const preview = weekYearPreview(draft, previewYear(tables, new Date()));
  const save = async () => {
    setBusy(true);
    setStatus(null);
    try {
      await port.writeSettings(settingsEntries(tables, draft));
      setStatus({ intent: "success", text: "Saved to the Settings table." });
      onSaved();
    } catch (e) {
      setStatus({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Settings">
      <div className={s.form}>
        <Body1 className={s.muted}>
          Stored in the workbook's Settings table, so the CLI and everyone opening the file use the same values.
        </Body1>
        <Field
          label="Reporting currency"
          validationMessage={problem ?? undefined}
          validationState={problem ? "error" : "none"}
          hint="Totals across reps are converted to this currency."
        >
          <Input
            value={draft.reportingCurrency}
            maxLength={3}
            onChange={(_, d) => setDraft({ ...draft, reportingCurrency: d.value.toUpperCase() })}
          />
        </Field>
        {switching && (
          <MessageBar
            intent={justRestated ? "info" : "warning"}
            // At 320 px a button beside the message squeezed it to a word a line: the button goes below it.
            layout="multiline"
            data-testid="currency-change"
            ref={changeRef}
            tabIndex={-1}
          >
            <MessageBarBody>
              {justRestated
                ? `Restated the FX rates in ${reporting}, from 1 ${reporting} = ${restatedFrom.rate} ${savedCurrency}: check them below, then save.`
                : `The FX rates are quoted in ${savedCurrency}. Changing the reporting currency to ${reporting} needs them in ${reporting}: ${
                    restated
                      ? `restate them from 1 ${reporting} = ${rates.get(reporting)} ${savedCurrency}, or type them below.`
                      : `type them below (there is no ${reporting} rate to restate them from).`
                  }`}
            </MessageBarBody>
            {restated && (
              <MessageBarActions>
                <Button size="small" onClick={restate} data-testid="restate-fx">
                  Restate the rates in {reporting}
                </Button>
              </MessageBarActions>
            )}
          </MessageBar>
        )}
        {shown.map((currency) => (
          <Field
            key={currency}
            label={`FX ${currency}`}
            hint={`${reporting} per 1 ${currency}`}
            validationMessage={missing.find((m) => m.includes(` ${currency}:`))}
            validationState={missing.some((m) => m.includes(` ${currency}:`)) ? "error" : "none"}
          >
            <Input
              value={rates.get(currency) ?? ""}
              onChange={(_, d) => setRate(currency, d.value)}
              aria-label={`FX rate for ${currency}`}
            />
          </Field>
        ))}
        <Field
          label="Fiscal year starts in"
          hint={
            weeks
              ? "The plan year is named after this month's year; it ends in the month before, on the day chosen below."
              : "Quarters and the plan year are counted from this month."
          }
          {...tableProblem(problems.fiscalYearStart)}
        >
          <Dropdown
            value={MONTHS[draft.fiscalYearStartMonth - 1]}
            selectedOptions={[String(draft.fiscalYearStartMonth)]}
            onOptionSelect={(_, d) => setDraft({ ...draft, fiscalYearStartMonth: Number(d.optionValue) })}
          >
            {MONTHS.map((m, i) => (
              <Option key={m} value={String(i + 1)}>
                {m}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field
          label="Calendar"
          hint={
            weeks
              ? "Periods are whole weeks: each quarter is 13, split 4-4-5, 4-5-4 or 5-4-4. Month labels like 2026-03 name fiscal months."
              : "Periods are calendar months."
          }
          {...tableProblem(problems.calendar)}
        >
          <Dropdown
            value={CALENDARS.find((c) => c.value === calendar)!.label}
            selectedOptions={[calendar]}
            onOptionSelect={(_, d) => setDraft({ ...draft, calendar: d.optionValue as CalendarChoice })}
          >
            {CALENDARS.map((c) => (
              <Option key={c.value} value={c.value}>
                {c.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {weeks && (
          <>
            <Field
              label="Fiscal year ends on"
              hint="The year ends on one weekday: the last one of the month before the fiscal year starts, or the one nearest that month's last day."
              {...tableProblem(problems.fiscalYearEnd)}
            >
              <Dropdown
                value={YEAR_END_RULES.find((r) => r.value === yearEnd.rule)!.label}
                selectedOptions={[yearEnd.rule]}
                onOptionSelect={(_, d) =>
                  setDraft({
                    ...draft,
                    yearEnd: { ...yearEnd, rule: d.optionValue === "Nearest" ? "Nearest" : "Last" },
                  })
                }
              >
                {YEAR_END_RULES.map((r) => (
                  <Option key={r.value} value={r.value}>
                    {r.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Weekday the year ends on" hint={`Written as “${yearEndText(draft)}”. ${preview ?? ""}.`}>
              <Dropdown
                value={WEEKDAYS[yearEnd.weekday]}
                selectedOptions={[String(yearEnd.weekday)]}
                onOptionSelect={(_, d) =>
                  setDraft({ ...draft, yearEnd: { ...yearEnd, weekday: Number(d.optionValue) } })
                }
                data-testid="year-end-weekday"
              >
                {WEEKDAYS.map((w, i) => (
                  <Option key={w} value={String(i)}>
                    {w}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </>
        )}
        <Field
          label="Prorate a partial year by"
          hint={PRORATION_HINTS[draft.proration ?? "Days"]}
          {...tableProblem(problems.proration)}
        >
          <Dropdown
            value={PRORATIONS.find((p) => p.value === (draft.proration ?? "Days"))!.label}
            selectedOptions={[draft.proration ?? "Days"]}
            onOptionSelect={(_, d) => setDraft({ ...draft, proration: d.optionValue as ProrationChoice })}
          >
            {PRORATIONS.map((p) => (
              <Option key={p.value} value={p.value}>
                {p.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div>
          <Button
            appearance="primary"
            icon={<SaveRegular />}
            disabled={problem !== null || missing.length > 0}
            // Keeps focus while it saves (a disabled button drops it to the page).
            disabledFocusable={busy}
            onClick={save}
          >
            Save to workbook
          </Button>
        </div>
        {status && (
          <MessageBar intent={status.intent}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </Section>
  );
}
