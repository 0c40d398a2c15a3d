import { Body1, Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { formatMoneyCompact, formatPercent } from "../model/format";
import { MAX_COMPARED, type OfferChoice, type OfferComparison } from "../model/offerComparison";
import { OfferBars } from "./OfferBars";
import { OfferSpread } from "./OfferSpread";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  choices: { display: "flex", flexDirection: "column", margin: 0, padding: 0 },
  choice: { listStyleType: "none", minWidth: 0 },
  table: { width: "100%", borderCollapse: "collapse", tableLayout: "fixed", fontVariantNumeric: "tabular-nums" },
  th: {
    textAlign: "right",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    padding: `0 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: "bottom",
  },
  name: {
    textAlign: "left",
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    overflowWrap: "anywhere",
    padding: `${tokens.spacingVerticalXXS} 0`,
    width: "40%",
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  cell: {
    textAlign: "right",
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXXS} 0 ${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: "nowrap",
  },
  breakEvens: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  subheading: { margin: 0 },
  spread: { display: "block", color: tokens.colorNeutralForeground3 },
});

export interface OfferCompareProps {
  readonly choices: readonly OfferChoice[];
  /** Names the user unchecked. */
  readonly excluded: ReadonlySet<string>;
  readonly onToggle: (name: string, on: boolean) => void;
  readonly comparison: OfferComparison;
}

/** Up to four offers side by side: realistic pay, the chance of OTE, a stacked bar, and where each pair breaks even. */
export function OfferCompare({ choices, excluded, onToggle, comparison }: OfferCompareProps) {
  const s = useStyles();
  const checked = choices.filter((c) => !excluded.has(c.name)).length;
  const money = (v: Parameters<typeof formatMoneyCompact>[0]) => formatMoneyCompact(v, comparison.currency);
  return (
    <div className={s.stack}>
      <ul className={s.choices}>
        {choices.map((c) => {
          const on = !excluded.has(c.name);
          return (
            <li key={c.name} className={s.choice}>
              <Checkbox
                checked={on}
                disabled={!on && checked >= MAX_COMPARED}
                onChange={(_, d) => onToggle(c.name, d.checked === true)}
                label={c.fromForm ? `${c.name} (this form)` : c.name}
              />
            </li>
          );
        })}
      </ul>
      {comparison.results.length > 0 && (
        <>
          <table className={s.table} data-testid="offer-compare">
            <thead>
              <tr>
                <th className={s.th} style={{ textAlign: "left" }} scope="col">
                  Offer
                </th>
                <th className={s.th} scope="col">
                  Cash / yr (no equity)
                </th>
                <th className={s.th} scope="col">
                  4 years (with equity)
                </th>
                <th className={s.th} scope="col">
                  Chance of OTE
                </th>
              </tr>
            </thead>
            <tbody>
              {comparison.results.map((r) => (
                <tr key={r.offer.name}>
                  <th className={s.name} scope="row">
                    {r.offer.name}
                    <Caption1 className={s.spread}>
                      <OfferSpread result={r} testId="offer-compare-spread" />
                    </Caption1>
                  </th>
                  <td className={s.cell}>{money(r.steadyStateExpected)}</td>
                  <td className={s.cell}>{money(r.fourYearTotal)}</td>
                  <td className={s.cell}>{formatPercent(r.probReachOte, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <OfferBars
            currency={comparison.currency}
            bars={comparison.results.map((r) => ({
              name: r.offer.name,
              base: r.base.toNumber(),
              variable: r.expectedVariable.toNumber(),
              equity: r.equity.perYear.toNumber(),
            }))}
          />
          {comparison.breakEvens.length > 0 && (
            <>
              <Body1 as="h3" className={s.subheading}>
                Break-even attainment (annual cash incl. equity per year)
              </Body1>
              <ul className={s.breakEvens} data-testid="offer-break-evens">
                {comparison.breakEvens.map((b) => (
                  <li key={`${b.first}|${b.second}`}>
                    <Caption1>
                      <b>{b.first}</b> vs <b>{b.second}</b>: {b.text}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {comparison.results.length === 0 && <Caption1 className={s.muted}>Check the offers to compare.</Caption1>}
    </div>
  );
}
