import { Caption1, Field, Input, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Tier } from "../../engine";
import { useAnnounceText } from "../hooks/useAnnounceText";
import { useDebounced } from "../hooks/useDebounced";
import { formatMoney, formatMoneyDelta, formatMultiple, formatPercent } from "../model/format";
import { entryLocale } from "../model/numberEntry";
import { whatIfSpec, type Priced, type RealisticFigures } from "../model/planRealistic";
import { tierText, type RealisticAnswer, type RealisticQuery } from "../model/realisticQuery";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  inputs: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  input: { minWidth: 0, width: "100%" },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontVariantNumeric: "tabular-nums",
    tableLayout: "fixed",
  },
  th: {
    textAlign: "right",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    padding: `0 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    overflowWrap: "anywhere",
    verticalAlign: "bottom",
  },
  label: {
    textAlign: "left",
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXXS} 0`,
    width: "38%",
  },
  cell: {
    textAlign: "right",
    fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: "nowrap",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  // A column's note ("fix the inputs", "no AttainmentHistory") wraps in its cell, where figures do not.
  note: { whiteSpace: "normal", overflowWrap: "anywhere", fontSize: tokens.fontSizeBase200 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface RealisticPanelProps {
  /** Prices the bands on the model thread, on the realistic model it keeps for the workbook as read. */
  readonly price: (query: RealisticQuery) => Promise<RealisticAnswer>;
  readonly plan: string;
  readonly measure: string;
  /** The bands being edited (null while they do not parse: the last figures stay). */
  readonly tiers: readonly Tier[] | null;
}

interface Column {
  readonly title: string;
  readonly figures: RealisticFigures | null;
  readonly note: string | null;
}

const figuresOf = (p: Priced | null | undefined): RealisticFigures | null => (p && "figures" in p ? p.figures : null);

/**
 * What the plan's median rep can realistically expect, under the org's
 * attainment history and under a typed what-if, recomputed from the bands as
 * edited by the run's own model. It is priced on the model thread after
 * typing pauses (one rep costs a few milliseconds there, a team leader's a
 * few more; the workbook's realistic model is built there once per workbook
 * change), so the pane never waits on it; the last figures stay until the
 * next arrive, and an answer overtaken by a later edit is dropped.
 */
export function RealisticPanel({ price, plan, measure, tiers }: RealisticPanelProps) {
  const s = useStyles();
  const [mean, setMean] = useState("90");
  const [sd, setSd] = useState("25");
  const whatIf = useMemo(() => whatIfSpec(mean, sd), [mean, sd]);
  const live = useMemo(
    () =>
      tiers
        ? { plan, measure, tiers: tiers.map(tierText), mean, sd, locale: entryLocale().tag, today: Date.now() }
        : null,
    [plan, measure, tiers, mean, sd],
  );
  const settled = useDebounced(live, 200);
  const [shown, setShown] = useState<RealisticAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!settled) return;
    let current = true;
    price(settled).then(
      (answer) => {
        if (!current) return;
        setShown(answer);
        setFailure(null);
      },
      (e: unknown) => {
        if (current) setFailure(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      current = false;
    };
  }, [price, settled]);
  const hasHistory = (shown?.historyYears ?? 0) > 0;
  const rep = shown?.rep ?? null;

  const problemOf = (p: Priced | null | undefined) => (p && "problem" in p ? p.problem : null);
  const columns: Column[] = [
    {
      title: "History",
      figures: hasHistory ? figuresOf(shown?.history) : null,
      note: hasHistory ? (problemOf(shown?.history) ? "not priced" : null) : "no AttainmentHistory",
    },
    {
      title: "What if",
      figures: "spec" in whatIf ? figuresOf(shown?.whatIf) : null,
      note: "problem" in whatIf || problemOf(shown?.whatIf) ? "fix the inputs" : null,
    },
  ];
  const basis = [shown?.history, shown?.whatIf].find((p) => p && "basis" in p);
  const problems = [
    failure,
    problemOf(shown?.history),
    "problem" in whatIf ? whatIf.problem : problemOf(shown?.whatIf),
  ].filter((p): p is string => p !== null);
  // The what-if's problem marks its field, describes it and is announced, as the pane's other messages are.
  const whatIfProblem = "problem" in whatIf ? whatIf.problem : problemOf(shown?.whatIf);
  const badField = "problem" in whatIf ? (whatIf.field ?? null) : null;
  useAnnounceText(problems.join(" "));
  const currency = rep?.currency ?? "";
  const money = (v: RealisticFigures["p10"]) => (rep ? formatMoney(v, currency) : formatMultiple(v));
  const delta = (f: RealisticFigures) => {
    const d = f.expectedVariable.minus(f.savedVariable);
    if (!rep) return d.isZero() ? "same" : `${d.isPos() ? "+" : "−"}${formatMultiple(d.abs())}`;
    return formatMoneyDelta(d, currency);
  };
  const rows: { label: string; value: (f: RealisticFigures) => string; testId?: string }[] = [
    { label: "Expected payout", value: (f) => formatMultiple(f.expectedMultiple) },
    { label: rep ? "Expected variable" : "Expected variable (× target)", value: (f) => money(f.expectedVariable) },
    { label: "vs saved bands", value: delta, testId: "realistic-vs-saved" },
    { label: "% of OTE", value: (f) => (f.pctOfOte === null ? "–" : formatPercent(f.pctOfOte)) },
    { label: "P10 pay", value: (f) => money(f.p10) },
    { label: "P50 pay", value: (f) => money(f.p50) },
    { label: "P90 pay", value: (f) => money(f.p90) },
    { label: "Chance of OTE", value: (f) => formatPercent(f.probReachOte, 0) },
  ];

  return (
    <div className={s.stack}>
      <Caption1 className={s.muted} data-testid="realistic-who">
        {!shown
          ? "Pricing on the workbook's realistic model…"
          : rep
            ? `For the plan's median rep by target variable: ${rep.name || rep.id}, OTE ${formatMoney(rep.ote, currency)}. Pay is base + variable over a full year, as on Results_Realistic.`
            : "Nobody is on this plan in Reps: figures are multiples of target incentive, without base."}
      </Caption1>
      <table className={s.table} data-testid="realistic-table">
        <thead>
          <tr>
            <th className={s.label} scope="col">
              <span className={s.muted}>Attainment</span>
            </th>
            {columns.map((c) => (
              <th key={c.title} className={s.th} scope="col">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <th className={s.label} scope="row">
                {r.label}
              </th>
              {columns.map((c) => (
                <td key={c.title} className={s.cell} data-testid={r.testId && `${r.testId}-${c.title}`}>
                  {c.figures ? (
                    r.value(c.figures)
                  ) : r === rows[0] && c.note ? (
                    <span className={mergeClasses(s.muted, s.note)}>{c.note}</span>
                  ) : (
                    "–"
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {basis && "basis" in basis && (
        <Caption1 className={s.muted} data-testid="realistic-basis">
          {`Attainment: ${basis.basis.attainment} · ${basis.basis.swing}.`}
          {hasHistory &&
            ` History: each year's level drawn from ${shown?.historyYears} rep-years of AttainmentHistory.`}
        </Caption1>
      )}
      <div className={s.inputs}>
        <Field label="What if: mean" size="small" hint="% of quota">
          <Input
            className={s.input}
            size="small"
            value={mean}
            onChange={(_, d) => setMean(d.value)}
            contentAfter="%"
            aria-invalid={badField === "mean"}
            aria-describedby={badField === "mean" ? "whatif-problem" : undefined}
            aria-label="What-if mean attainment"
          />
        </Field>
        <Field label="Spread (sd)" size="small" hint="Normal, of the year; 0 = all at mean">
          <Input
            className={s.input}
            size="small"
            value={sd}
            onChange={(_, d) => setSd(d.value)}
            contentAfter="%"
            aria-invalid={badField === "sd"}
            aria-describedby={badField === "sd" ? "whatif-problem" : undefined}
            aria-label="What-if standard deviation"
          />
        </Field>
      </div>
      {problems.map((p, i) => (
        <Caption1 key={i} className={s.problem} id={p === whatIfProblem ? "whatif-problem" : undefined}>
          {p}
        </Caption1>
      ))}
      {shown?.partial && <Caption1 className={s.muted}>{shown.partial}</Caption1>}
      {shown && !hasHistory && (
        <Caption1 className={s.muted}>
          Add an AttainmentHistory table (RepID, Period, Attainment) to see the History column.
        </Caption1>
      )}
    </div>
  );
}
