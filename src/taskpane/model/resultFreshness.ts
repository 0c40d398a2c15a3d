/**
 * Whether the Results sheets still describe the workbook: what the pane says
 * above them. Results are stale once an input is saved from the pane (bands,
 * settings, an offer) or the scenarios to run change after the last run, and
 * after a run that failed (the sheets then hold the run before it).
 */
export interface Freshness {
  /** The last run that wrote results: when, and from which workbook. */
  readonly lastRun: { readonly at: Date; readonly source: string } | null;
  /** The last change made from the pane since then (null: none). */
  readonly changedAt: Date | null;
  /** A run that failed after lastRun (null: none). */
  readonly failedAt: Date | null;
}

export const NO_RUN: Freshness = { lastRun: null, changedAt: null, failedAt: null };

export function ranAt(at: Date, source: string): Freshness {
  return { lastRun: { at, source }, changedAt: null, failedAt: null };
}

/** A change made from the pane: results computed before it are stale (nothing to mark before any run). */
export function changed(f: Freshness, at: Date): Freshness {
  return f.lastRun === null ? f : { ...f, changedAt: f.changedAt ?? at };
}

export function failed(f: Freshness, at: Date): Freshness {
  return f.lastRun === null ? f : { ...f, failedAt: at };
}

export interface FreshnessNote {
  readonly intent: "info" | "warning";
  readonly text: string;
}

/** "14:05" in the user's clock. */
const clock = (d: Date) => d.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

/** What the Run view says about the Results sheets; null before any run. */
export function freshnessNote(f: Freshness, time: (d: Date) => string = clock): FreshnessNote | null {
  if (f.lastRun === null) return null;
  const last = `last run at ${time(f.lastRun.at)} from ${f.lastRun.source}`;
  if (f.failedAt !== null)
    return {
      intent: "warning",
      text: `The run at ${time(f.failedAt)} stopped: the Results sheets are still from the ${last}. Fix the problems and run again.`,
    };
  if (f.changedAt !== null)
    return {
      intent: "warning",
      text: `The Results sheets were computed before your last change at ${time(f.changedAt)} (${last}): run again to update them.`,
    };
  return { intent: "info", text: `Results are up to date: ${last}.` };
}

/** The line a stale result sheet carries under its title; null while the sheets are current. */
export function sheetNote(f: Freshness, time: (d: Date) => string = clock): string | null {
  if (f.lastRun === null) return null;
  if (f.failedAt !== null)
    return `Out of date: the run at ${time(f.failedAt)} stopped on errors; these results are from the run at ${time(f.lastRun.at)}. Fix the problems and run again.`;
  if (f.changedAt !== null)
    return `Out of date: computed at ${time(f.lastRun.at)}, before your last change at ${time(f.changedAt)}. Run again to update.`;
  return null;
}
