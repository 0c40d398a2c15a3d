import { Caption1, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { Plan, Rep } from "../../engine/types";
import type { AttainmentDistribution } from "../../engine/realistic";
import { useDebounced } from "../hooks/useDebounced";
import { formatMoney, formatMultiple, formatPercent } from "../model/format";
import {
  historyDistribution,
  realisticFigures,
  whatIfDistribution,
  type RealisticFigures,
  type RealisticInputs,
} from "../model/planRealistic";

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
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface RealisticPanelProps {
  readonly inputs: RealisticInputs;
  /** The plan with the bands being edited (null while they do not parse: the last figures stay). */
  readonly plan: Plan | null;
  readonly rep: Rep | null;
}

interface Column {
  readonly title: string;
  readonly figures: RealisticFigures | null;
  readonly note: string | null;
}

/**
 * What the plan's median rep can realistically expect, under last year's
 * attainment and under a typed what-if, recomputed from the bands as edited
 * (after typing pauses: the exact Normal sums take tens of milliseconds).
 */
export function RealisticPanel({ inputs, plan, rep }: RealisticPanelProps) {
  const s = useStyles();
  const [mean, setMean] = useState("90");
  const [sd, setSd] = useState("25");
  const history = useMemo(() => historyDistribution(inputs.history), [inputs]);
  const whatIf = useMemo(() => whatIfDistribution(mean, sd), [mean, sd]);
  const live = useMemo(() => ({ plan, rep, whatIf }), [plan, rep, whatIf]);
  const settled = useDebounced(live, 200);
  const [last, setLast] = useState<{ history: RealisticFigures | null; whatIf: RealisticFigures | null } | null>(null);

  const computed = useMemo(() => {
    if (!settled.plan) return null;
    const figures = (dist: AttainmentDistribution | null) =>
      dist ? realisticFigures(settled.plan!, settled.rep, dist) : null;
    return {
      history: figures(history),
      whatIf: "dist" in settled.whatIf ? figures(settled.whatIf.dist) : null,
    };
  }, [settled, history]);
  useEffect(() => {
    if (computed) setLast(computed);
  }, [computed]);
  const shown = computed ?? last;

  const columns: Column[] = [
    {
      title: "Last year",
      figures: shown?.history ?? null,
      note: history ? null : "no AttainmentHistory",
    },
    {
      title: "What if",
      figures: "dist" in whatIf ? (shown?.whatIf ?? null) : null,
      note: "problem" in whatIf ? "fix the inputs" : null,
    },
  ];
  const currency = rep?.currency ?? "";
  const money = (v: RealisticFigures["p10"]) => (rep ? formatMoney(v, currency) : formatMultiple(v));
  const rows: { label: string; value: (f: RealisticFigures) => string }[] = [
    { label: "Expected payout", value: (f) => formatMultiple(f.expectedMultiple) },
    { label: rep ? "Expected variable" : "Expected variable (× target)", value: (f) => money(f.expectedVariable) },
    { label: "% of OTE", value: (f) => (f.pctOfOte === null ? "–" : formatPercent(f.pctOfOte)) },
    { label: "P10 pay", value: (f) => money(f.p10) },
    { label: "P50 pay", value: (f) => money(f.p50) },
    { label: "P90 pay", value: (f) => money(f.p90) },
    { label: "Chance of OTE", value: (f) => formatPercent(f.probReachOte, 0) },
  ];

  return (
    <div className={s.stack}>
      <Caption1 className={s.muted} data-testid="realistic-who">
        {rep
          ? `For the plan's median rep by target variable: ${rep.name || rep.id}, OTE ${formatMoney(rep.base.plus(rep.targetVariable), currency)}. Pay is base + variable for a year at one attainment.`
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
                <td key={c.title} className={s.cell}>
                  {c.figures ? (
                    r.value(c.figures)
                  ) : r === rows[0] && c.note ? (
                    <span className={s.muted}>{c.note}</span>
                  ) : (
                    "–"
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className={s.inputs}>
        <Field label="What if: mean" size="small" hint="% of quota">
          <Input
            className={s.input}
            size="small"
            value={mean}
            onChange={(_, d) => setMean(d.value)}
            contentAfter="%"
            aria-label="What-if mean attainment"
          />
        </Field>
        <Field label="Spread (sd)" size="small" hint="Normal; 0 = all at mean">
          <Input
            className={s.input}
            size="small"
            value={sd}
            onChange={(_, d) => setSd(d.value)}
            contentAfter="%"
            aria-label="What-if standard deviation"
          />
        </Field>
      </div>
      {"problem" in whatIf && <Caption1 className={s.problem}>{whatIf.problem}</Caption1>}
      {!history && (
        <Caption1 className={s.muted}>
          Add an AttainmentHistory table (RepID, Period, Attainment) to see last year&apos;s column.
        </Caption1>
      )}
    </div>
  );
}
