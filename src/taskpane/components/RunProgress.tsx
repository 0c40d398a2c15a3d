import { Caption1, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from "@fluentui/react-components";
import type { Ref } from "react";
import type { RunPhase } from "../model/runPipeline";
import { formatCount } from "../model/format";
import { assertNever } from "../../engine";

const useStyles = makeStyles({
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

const n = formatCount;

/** The progress line of a run in progress; null when the phase is not a running one. */
export function progressOf(phase: RunPhase): { label: string; value: number | undefined } | null {
  switch (phase.kind) {
    case "reading":
      return {
        label: phase.rowsTotal
          ? `Reading inputs… ${n(phase.rowsRead)} of ${n(phase.rowsTotal)} rows`
          : "Reading inputs…",
        value: phase.rowsTotal ? phase.rowsRead / phase.rowsTotal : undefined,
      };
    case "computing": {
      const step = phase.step;
      if (!step) return { label: `Computing from ${n(phase.rows)} input rows…`, value: undefined };
      const reps = step.reps;
      const within = reps && reps.total > 0 ? reps.done / reps.total : 0;
      const scenarios = reps && reps.reps > 0 ? Math.round(reps.total / reps.reps) : 1;
      const count = !reps
        ? ""
        : scenarios > 1
          ? `, ${n(reps.done)} of ${n(reps.total)} rep-scenarios (${n(reps.reps)} reps × ${n(scenarios)})`
          : `, ${n(reps.done)} of ${n(reps.total)} reps`;
      return {
        label: `Computing from ${n(phase.rows)} input rows: ${step.label}${count}, stage ${step.done + 1} of ${step.total}…`,
        value: (step.done + within) / step.total,
      };
    }
    case "writing":
      return {
        label: `Writing results… ${n(phase.rowsWritten)} of ${n(phase.rowsTotal)} rows`,
        value: phase.rowsTotal ? phase.rowsWritten / phase.rowsTotal : undefined,
      };
    case "idle":
    case "done":
    case "failed":
      return null;
    default:
      return assertNever(phase);
  }
}

/**
 * Progress bar and line (reading / computing / writing, in rows) while a run is under way; why it failed after,
 * in a message focus can be moved to (`failedRef`: after Cancel, whose button is gone).
 */
export function RunProgress({ phase, failedRef }: { phase: RunPhase; failedRef?: Ref<HTMLDivElement> }) {
  const s = useStyles();
  if (phase.kind === "failed") {
    return (
      <MessageBar intent="error" data-testid="run-failed" ref={failedRef} tabIndex={-1}>
        <MessageBarBody>{phase.message}</MessageBarBody>
      </MessageBar>
    );
  }
  const progress = progressOf(phase);
  if (!progress) return null;
  return (
    <div className={s.progress} aria-live="polite">
      <ProgressBar value={progress.value} thickness="large" />
      <Caption1 className={s.muted}>{progress.label}</Caption1>
    </div>
  );
}
