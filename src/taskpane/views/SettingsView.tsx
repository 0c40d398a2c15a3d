import {
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  tokens,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import type { RawTable } from "../../workbook/types";
import { Section } from "../components/Section";
import {
  currencyProblem,
  currentSettings,
  fxProblems,
  MONTHS,
  restateFx,
  settingsEntries,
  usedCurrencies,
  type SettingsDraft,
} from "../model/settingsEditing";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * Reporting currency, FX rates and fiscal-year start, written to the Settings
 * table. A change of reporting currency offers to restate the rates in one
 * confirmed step, and Save stays off while a currency in use has no rate, so
 * the workbook is never left unrunnable.
 */
export function SettingsView({
  port,
  tables,
  onSaved,
}: {
  port: WorkbookPort;
  tables: readonly RawTable[];
  onSaved: () => void;
}) {
  const s = useStyles();
  const [draft, setDraft] = useState<SettingsDraft>(() => currentSettings(tables));
  const [status, setStatus] = useState<{ intent: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setDraft(currentSettings(tables)), [tables]);
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
          <MessageBar intent="warning" data-testid="currency-change">
            <MessageBarBody>
              The FX rates are quoted in {savedCurrency}. Changing the reporting currency to {reporting} needs them in{" "}
              {reporting}:{" "}
              {restated
                ? `restate them from 1 ${reporting} = ${rates.get(reporting)} ${savedCurrency}, or type them below.`
                : `type them below (there is no ${reporting} rate to restate them from).`}
            </MessageBarBody>
            {restated && (
              <Button size="small" onClick={() => setDraft(restated)} data-testid="restate-fx">
                Restate the rates in {reporting}
              </Button>
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
        <Field label="Fiscal year starts in" hint="Quarters and the plan year are counted from this month.">
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
        <div>
          <Button
            appearance="primary"
            icon={<SaveRegular />}
            disabled={busy || problem !== null || missing.length > 0}
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
