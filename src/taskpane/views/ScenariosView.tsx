import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  useId,
  tokens,
} from "@fluentui/react-components";
import { OpenRegular, PlayRegular } from "@fluentui/react-icons";
import { useMemo, useRef } from "react";
import type { WorkbookPort } from "../../workbook/port";
import type { RawTable } from "../../workbook/types";
import { IssueList } from "../components/IssueList";
import { progressOf, RunProgress } from "../components/RunProgress";
import { ScenarioCards } from "../components/ScenarioCards";
import { Section } from "../components/Section";
import { useAnnounceText } from "../hooks/useAnnounceText";
import { useOpenSheet } from "../hooks/useOpenSheet";
import { formatPercent } from "../model/format";
import type { RunPhase } from "../model/runPipeline";
import { BACKTEST_SHEET, backtestSummary, scenarioComparison, SCENARIO_SHEETS } from "../model/scenarioComparison";
import { listScenarios, type ScenarioChoice } from "../model/scenarioSelection";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: { listStyleType: "none", display: "flex", alignItems: "flex-start", minWidth: 0 },
  check: { flexShrink: 0 },
  text: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    paddingTop: "6px",
    overflowWrap: "anywhere",
    cursor: "pointer",
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  sheets: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

export interface ScenariosViewProps {
  readonly port: WorkbookPort;
  readonly tables: readonly RawTable[];
  /** Scenario names the user unchecked. */
  readonly leftOut: readonly string[];
  readonly onLeftOutChange: (leftOut: readonly string[]) => void;
  readonly phase: RunPhase;
  readonly onRun: () => void;
  /** Another run is writing the workbook. */
  readonly blocked?: boolean;
}

function changes(c: ScenarioChoice): string {
  const parts = [
    c.planRows ? `${c.planRows} Plans ${c.planRows === 1 ? "row" : "rows"}` : "",
    c.tierRows ? `${c.tierRows} Tiers ${c.tierRows === 1 ? "row" : "rows"}` : "",
  ].filter(Boolean);
  return parts.length ? `changes ${parts.join(", ")}` : "no plan changes";
}

/** Pick scenarios, run them, compare what each costs and buys. */
export function ScenariosView({ port, tables, leftOut, onLeftOutChange, phase, onRun, blocked }: ScenariosViewProps) {
  const s = useStyles();
  const sheets = useOpenSheet(port);
  const choices = useMemo(() => listScenarios(tables), [tables]);
  const running = progressOf(phase) !== null;
  const idBase = useId("scenario");
  // A run that finishes while the tab is open is announced (the button's label only goes back from "Running…");
  // opening the tab on an earlier run's result is not.
  const sawRun = useRef(false);
  if (running) sawRun.current = true;
  const finished = phase.kind === "done" && sawRun.current ? phase.result : null;
  const sheetCount = finished?.ok ? new Set(finished.sheets.map((x) => x.name)).size : 0;
  useAnnounceText(
    finished
      ? finished.ok
        ? `Scenario run finished: ${sheetCount} result ${sheetCount === 1 ? "sheet" : "sheets"} written.`
        : "Scenario run not computed: fix the problems listed below."
      : null,
    finished,
  );

  if (choices === null) {
    return (
      <Section title="Scenarios">
        <Body1>
          No <b>Scenarios</b> table yet. Add an Excel table named <b>Scenarios</b> with a <b>Scenario</b> column (one
          name per row), a Description, and the attainment each assumes: <b>Attainment</b> (
          {`a flat ${formatPercent(0.9)}`}), or <b>Distribution</b> (Historical, Normal or LogNormal) with Mean and
          StdDev or ShareAtQuota.
        </Body1>
        <Body1>
          Rows of Plans and Tiers with that name in their <b>Scenario</b> column change the plan inside that scenario
          only. Then come back here to run and compare them.
        </Body1>
        <Caption1>
          <Link href="help.html#scenarios" target="_blank">
            How scenarios work
          </Link>
        </Caption1>
      </Section>
    );
  }

  const out = new Set(leftOut);
  const checked = choices.filter((c) => !out.has(c.name));
  const toggle = (name: string, on: boolean) =>
    onLeftOutChange(on ? leftOut.filter((n) => n !== name) : [...leftOut, name]);
  const result = phase.kind === "done" ? phase.result : null;
  const comparison = result?.ok ? scenarioComparison(result.sheets) : null;
  const backtest = result?.ok ? backtestSummary(result.sheets) : null;
  const { open, missing } = sheets;
  const written = new Set(result?.sheets.map((x) => x.name) ?? []);

  return (
    <div className={s.stack}>
      <Section
        title="Scenarios"
        action={<Caption1 className={s.muted}>{`${checked.length} of ${choices.length}`}</Caption1>}
      >
        <Caption1 className={s.muted}>
          Each scenario is your baseline plan plus its rows in Plans and Tiers, under its attainment assumption.
        </Caption1>
        {choices.length === 0 ? (
          <Body1>The Scenarios table has no scenarios yet (see the Inputs tab for problems).</Body1>
        ) : (
          <ul className={s.list}>
            {choices.map((c, i) => (
              <li key={c.name} className={s.item}>
                <Checkbox
                  id={`${idBase}-${i}`}
                  className={s.check}
                  checked={!out.has(c.name)}
                  onChange={(_, d) => toggle(c.name, d.checked === true)}
                  aria-label={c.name}
                />
                <label className={s.text} htmlFor={`${idBase}-${i}`}>
                  <Body1 className={s.name}>{c.name}</Body1>
                  <Caption1>
                    {c.assumption} · {changes(c)}
                  </Caption1>
                  {c.description && <Caption1 className={s.muted}>{c.description}</Caption1>}
                </label>
              </li>
            ))}
          </ul>
        )}
        <div className={s.actions}>
          <Button
            appearance="primary"
            icon={<PlayRegular />}
            onClick={onRun}
            disabled={blocked || (choices.length > 0 && checked.length === 0)}
            // Keeps focus while it runs (a disabled button drops it to the page).
            disabledFocusable={running}
            data-testid="run-scenarios"
          >
            {running ? "Running…" : checked.length === choices.length ? "Run all" : `Run ${checked.length} checked`}
          </Button>
        </div>
        {choices.length > 0 && checked.length === 0 && (
          <Caption1 data-testid="none-checked">Check at least one scenario to run.</Caption1>
        )}
        {checked.length > 0 && checked.length < choices.length && (
          <Caption1 className={s.muted}>
            Unchecked scenarios are left out of this run in memory; your tables are not changed, and the Results sheets
            will show only the checked ones.
          </Caption1>
        )}
        <RunProgress phase={phase} />
      </Section>
      {result && !result.ok && (
        <Section title="Not computed: fix the problems below">
          <IssueList
            issues={result.issues.filter((i) => i.severity !== "Info")}
            onSelect={(a) => void port.selectCell(a).catch(() => undefined)}
          />
        </Section>
      )}
      {comparison && (
        <Section title="Comparison">
          <Caption1 className={s.muted}>
            In {comparison.currency}, as on Results_Scenarios. Cost of sales is total comp ÷ bookings. Scenarios with a
            distribution show expected figures (expected numbers of reps).
          </Caption1>
          <Caption1 className={s.muted} data-testid="like-for-like">
            Like for like: each scenario&apos;s variable cost is compared with the baseline plans under the same
            attainment — the same actuals, the same flat attainment, or the same distribution and period swing.
          </Caption1>
          <ScenarioCards comparison={comparison} />
        </Section>
      )}
      {backtest && (
        <Section title="Backtest">
          <Body1 data-testid="backtest-summary">{backtest}</Body1>
          <Caption1 className={s.muted}>
            The realistic model fitted on the earlier years of AttainmentHistory and scored on the last, rep by rep, on{" "}
            <Link as="button" onClick={() => open(BACKTEST_SHEET)}>
              {BACKTEST_SHEET}
            </Link>
            .
          </Caption1>
        </Section>
      )}
      {result?.ok && (
        <Section title="Open a result sheet">
          <div className={s.sheets}>
            {SCENARIO_SHEETS.filter((name) => written.has(name)).map((name) => (
              <Button
                key={name}
                size="small"
                icon={<OpenRegular />}
                onClick={() => open(name)}
                aria-label={`Open ${name}`}
              >
                {name.replace("Results_", "")}
              </Button>
            ))}
          </div>
          {missing && (
            <MessageBar intent="warning" data-testid="sheet-missing">
              <MessageBarBody>{missing}</MessageBarBody>
            </MessageBar>
          )}
        </Section>
      )}
    </div>
  );
}
