import {
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { OpenRegular, PlayRegular } from "@fluentui/react-icons";
import type { WorkbookPort } from "../../workbook/port";
import { IssueList } from "../components/IssueList";
import { progressOf, RunProgress } from "../components/RunProgress";
import { Section } from "../components/Section";
import { RepLookupSection } from "../components/RepLookupSection";
import { ScenarioCards } from "../components/ScenarioCards";
import { useFocusFallback } from "../hooks/useFocusFallback";
import { useOpenSheet } from "../hooks/useOpenSheet";
import { formatCount } from "../model/format";
import { scenarioComparison } from "../model/scenarioComparison";
import type { FreshnessNote } from "../model/resultFreshness";
import { parseTraceReps, type RunPhase } from "../model/runPipeline";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  words: { color: tokens.colorNeutralForeground3, cursor: "pointer" },
  headline: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  sheet: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  sheetName: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export interface RunViewProps {
  readonly port: WorkbookPort;
  readonly phase: RunPhase;
  /** Whether the Results sheets are current (null before any run). */
  readonly freshness?: FreshnessNote | null;
  /** A scenario run is writing the result sheets: Run waits (one writer at a time). */
  readonly blocked?: boolean;
  /** The workbook has no Reps table: nothing to run (a run would only write a Results_Issues sheet). */
  readonly noInputs?: boolean;
  /** Stops the computation (before anything is written); absent where it cannot be stopped. */
  readonly onCancel?: () => void;
  /** Runs the model; `traceReps` are traced in full on Results_Trace. */
  readonly onRun: (traceReps: readonly string[]) => void;
}

/** Run button, progress, headline figures, and the result sheets to jump to. */
export function RunView({
  port,
  phase,
  freshness = null,
  blocked = false,
  noInputs = false,
  onRun,
  onCancel,
}: RunViewProps) {
  const s = useStyles();
  const sheets = useOpenSheet(port);
  // One source for the figures: the Scenarios view's cards, from Results_Scenarios.
  const comparison = phase.kind === "done" && phase.result.ok ? scenarioComparison(phase.result.sheets) : null;
  const running = progressOf(phase) !== null;
  const [trace, setTrace] = useState("");
  const moveFocus = useFocusFallback();
  const runRef = useRef<HTMLButtonElement>(null);
  const failedRef = useRef<HTMLDivElement>(null);
  const cancel = (stop: () => void) => {
    // The Cancel button goes with the computation: focus goes to what the run says then, else back to Run.
    moveFocus(() => failedRef.current ?? runRef.current);
    stop();
  };
  return (
    <div className={s.stack}>
      <Section title="Run the model">
        <Body1>
          Reads the input tables, computes every payout and writes the Results sheets. Your input sheets are never
          changed.
        </Body1>
        <Field
          label="Trace reps (optional)"
          hint="RepIDs such as E1101, E1304: Results_Trace then shows how their pay was built, step by step, however large the run."
        >
          <Input value={trace} onChange={(_, d) => setTrace(d.value)} data-testid="trace-reps" />
        </Field>
        <div className={s.actions}>
          <Button
            appearance="primary"
            icon={<PlayRegular />}
            onClick={() => onRun(parseTraceReps(trace))}
            disabled={blocked || noInputs}
            // Keeps focus while it runs (a disabled button drops it to the page).
            disabledFocusable={running}
            ref={runRef}
            data-testid="run"
          >
            {running ? "Running…" : "Run"}
          </Button>
          {phase.kind === "computing" && onCancel && (
            <Button appearance="secondary" onClick={() => cancel(onCancel)} data-testid="cancel-run">
              Cancel
            </Button>
          )}
        </div>
        {noInputs && (
          <Caption1 data-testid="no-inputs">
            This workbook has no Reps table yet: insert the example or add your tables (Inputs tab), then run.
          </Caption1>
        )}
        {blocked && (
          <Caption1 className={s.muted}>A scenario run is writing the result sheets: Run waits for it.</Caption1>
        )}
        <RunProgress phase={phase} failedRef={failedRef} />
        {freshness && (
          <MessageBar intent={freshness.intent} data-testid="freshness">
            <MessageBarBody>{freshness.text}</MessageBarBody>
          </MessageBar>
        )}
      </Section>
      {phase.kind === "done" && (
        <>
          <Section title={phase.result.ok ? "Results" : "Not computed: fix the problems below"}>
            {!phase.result.ok && (
              <MessageBar intent="warning">
                <MessageBarBody>Only Results_Issues was written. Click a problem to see its cell.</MessageBarBody>
              </MessageBar>
            )}
            {comparison && <ScenarioCards comparison={comparison} />}
            {/* The CLI's headline, for those who want it in words; the cards above are the figures. */}
            {phase.result.ok ? (
              <details className={s.words}>
                <summary>
                  <Caption1>The same in words (as the CLI prints it)</Caption1>
                </summary>
                <HeadlineLines lines={phase.result.headline} className={s.headline} />
              </details>
            ) : (
              <HeadlineLines lines={phase.result.headline} className={s.headline} />
            )}
            {phase.report.warnings.map((w, i) => (
              <MessageBar key={i} intent="warning">
                <MessageBarBody>{w}</MessageBarBody>
              </MessageBar>
            ))}
          </Section>
          {phase.result.ok && <RepLookupSection sheets={phase.result.sheets} />}
          <Section title="Result sheets">
            {phase.result.sheets.map((sheet) => (
              <div key={sheet.name} className={s.sheet}>
                <span className={s.sheetName}>
                  <Body1>{sheet.name}</Body1>{" "}
                  <Caption1 className={s.muted}>
                    {formatCount(sheet.rows.length)} {sheet.rows.length === 1 ? "row" : "rows"}
                  </Caption1>
                </span>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<OpenRegular />}
                  onClick={() => sheets.open(sheet.name)}
                  aria-label={`Open ${sheet.name}`}
                >
                  Open
                </Button>
              </div>
            ))}
            {sheets.missing && (
              <MessageBar intent="warning" data-testid="sheet-missing">
                <MessageBarBody>{sheets.missing}</MessageBarBody>
              </MessageBar>
            )}
          </Section>
          {!phase.result.ok && (
            <Section title="Problems">
              <IssueList
                issues={phase.result.issues.filter((i) => i.severity !== "Info")}
                onSelect={(a) => void port.selectCell(a).catch(() => undefined)}
              />
            </Section>
          )}
        </>
      )}
    </div>
  );
}

/** The run's headline sentences, as the CLI prints them. */
function HeadlineLines({ lines, className }: { lines: readonly string[]; className: string }) {
  return (
    <ul className={className} data-testid="headline">
      {lines.map((line, i) => (
        <li key={i}>
          <Body1>{line}</Body1>
        </li>
      ))}
    </ul>
  );
}
