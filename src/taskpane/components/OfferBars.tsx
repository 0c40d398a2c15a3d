import { makeStyles, tokens } from "@fluentui/react-components";
import { formatMoneyCompact } from "../model/format";

const useStyles = makeStyles({
  // Drawn for a 320 px pane; wider panes get it larger up to a point, not stretched across.
  svg: { width: "100%", maxWidth: "400px", height: "auto", display: "block" },
  base: { fill: tokens.colorBrandBackground },
  variable: { fill: tokens.colorPaletteLightTealBorderActive },
  equity: { fill: tokens.colorPaletteMarigoldBorderActive },
  name: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  total: { fill: tokens.colorNeutralForeground2, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
  legend: { fill: tokens.colorNeutralForeground3, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
});

export interface OfferBar {
  readonly name: string;
  readonly base: number;
  readonly variable: number;
  readonly equity: number;
}

const W = 300;
const ROW = 34;
const LEGEND = 18;
/** Room a 10 px label needs per character (DejaVu Sans, the widest fallback, runs about 6.2 px), with a margin. */
const CHAR = 6.4;
/** Where each legend entry starts: after the one before it, its swatch, its label and a gap. */
const LEGEND_X = [0, 52, 182] as const;

/** A year's expected pay per offer: base, expected variable and equity per year, stacked (SVG, no chart library). */
export function OfferBars({ bars, currency }: { bars: readonly OfferBar[]; currency: string }) {
  const s = useStyles();
  const max = Math.max(1, ...bars.map((b) => b.base + b.variable + b.equity));
  const totals = bars.map((b) => formatMoneyCompact(b.base + b.variable + b.equity, currency));
  // The longest total ("1,2 Mio. $", "270.000 $") fits right of the longest bar, inside the chart.
  const labelRight = 8 + CHAR * Math.max(6, ...totals.map((t) => t.length));
  const scale = (v: number) => (Math.max(0, v) / max) * (W - labelRight);
  const h = LEGEND + bars.length * ROW;
  const parts = [
    ["Base", "base", s.base],
    ["Expected variable", "variable", s.variable],
    ["Equity / yr", "equity", s.equity],
  ] as const;
  const summary = bars.map((b, i) => `${b.name}: ${totals[i]} a year`).join("; ");
  return (
    <svg
      className={s.svg}
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-label={`Expected pay per year by offer. ${summary}`}
    >
      {parts.map(([label, , cls], i) => (
        <g key={label} transform={`translate(${LEGEND_X[i]},0)`}>
          <rect className={cls} x={0} y={3} width={9} height={9} rx={2} />
          <text className={s.legend} x={13} y={11}>
            {label}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = LEGEND + i * ROW;
        let x = 0;
        return (
          <g key={b.name} data-testid={`offer-bar-${b.name}`}>
            <text className={s.name} x={0} y={y + 11}>
              {b.name.length > 44 ? `${b.name.slice(0, 43)}…` : b.name}
            </text>
            {parts.map(([label, key, cls]) => {
              const w = scale(b[key]);
              const rect = <rect key={label} className={cls} x={x} y={y + 15} width={w} height={12} />;
              x += w;
              return rect;
            })}
            <text className={s.total} x={x + 4} y={y + 25}>
              {totals[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
