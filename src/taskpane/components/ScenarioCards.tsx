import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { formatCount, formatMoney, formatPercent } from "../model/format";
import { comparisonNote, type ScenarioComparison, type ScenarioFigures } from "../model/scenarioComparison";
import { FigureGrid, type Figure } from "./FigureGrid";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  card: {
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: "flex", flexDirection: "column", minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  basis: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const dash = "–";

function figures(row: ScenarioFigures, currency: string): Figure[] {
  const money = (v: number | null) => (v === null ? dash : formatMoney(v, currency));
  const pct = (v: number | null) => (v === null ? dash : formatPercent(v));
  const count = (v: number | null) => (v === null ? dash : formatCount(v));
  const id = (what: string) => `scenario-${row.scenario}-${what}`;
  const text = comparisonNote(row, currency);
  const delta = text ? (
    <span
      data-testid={id("delta")}
      title={row.baselineVariableCost === null ? undefined : `${row.comparedWith}: ${money(row.baselineVariableCost)}`}
    >
      {text}
    </span>
  ) : undefined;
  const adjusted =
    row.adjustments === null || row.adjustments === 0 ? undefined : `and adjustments ${money(row.adjustments)}`;
  return [
    { label: "Variable pay", value: money(row.variablePay), note: adjusted, testId: id("pay") },
    { label: "% of target variable", value: pct(row.pctOfTargetVariable), testId: id("pct-target") },
    { label: "Variable cost", value: money(row.totalVariableCost), note: delta, testId: id("variable") },
    { label: "Cost of sales", value: pct(row.costOfSales), testId: id("cos") },
    { label: "Avg % of OTE", value: pct(row.avgPctOfOte), testId: id("pct") },
    { label: "Variable cost of sales", value: pct(row.variableCostOfSales), testId: id("vcos") },
    { label: "Reps at quota", value: count(row.repsAtOrAboveQuota), testId: id("quota") },
    { label: "Reps capped", value: count(row.repsCapped), testId: id("capped") },
  ];
}

/**
 * Results_Scenarios as one card per scenario, each against the baseline plans
 * under the same attainment (its ComparedWith): on the same actuals, at the
 * same flat attainment, or under the same distribution and period swing.
 */
export function ScenarioCards({ comparison }: { comparison: ScenarioComparison }) {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="Scenario comparison">
      {comparison.rows.map((row) => (
        <li key={row.scenario} className={s.card} data-testid={`scenario-card-${row.scenario}`}>
          <div className={s.head}>
            <Body1 className={s.name}>{row.scenario}</Body1>
            <Caption1 className={s.basis}>{row.basis}</Caption1>
          </div>
          <FigureGrid figures={figures(row, comparison.currency)} />
        </li>
      ))}
    </ul>
  );
}
