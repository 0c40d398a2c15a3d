import { makeStyles, tokens } from "@fluentui/react-components";
import { formatNumber, formatPercent } from "../model/format";
import type { CurvePoint } from "../model/planEditing";

const useStyles = makeStyles({
  svg: { width: "100%", maxWidth: "380px", height: "auto", display: "block", alignSelf: "center" },
  marker: { fill: tokens.colorBrandForeground1, stroke: tokens.colorNeutralBackground1, strokeWidth: 1.5 },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  target: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, strokeDasharray: "3 3" },
  line: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2.25, strokeLinejoin: "round" },
  label: { fill: tokens.colorNeutralForeground3, fontSize: "10px", fontFamily: tokens.fontFamilyBase },
});

export interface PayoutCurveChartProps {
  readonly points: readonly CurvePoint[];
  /** Accessible summary, e.g. "AE · New ARR: 1.0× at 100%". */
  readonly label: string;
}

const W = 300;
const H = 170;
const M = { left: 34, right: 16, top: 10, bottom: 24 };

/** Payout multiple of target against attainment 0–200%, drawn as SVG (no chart library). */
export function PayoutCurveChart({ points, label }: PayoutCurveChartProps) {
  const s = useStyles();
  const maxX = 2;
  const maxY = Math.max(1, Math.ceil(Math.max(...points.map((p) => p.multiple), 0) * 2) / 2);
  const x = (a: number) => M.left + (a / maxX) * (W - M.left - M.right);
  const y = (m: number) => H - M.bottom - (m / maxY) * (H - M.top - M.bottom);
  const d = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.attainment).toFixed(1)},${y(p.multiple).toFixed(1)}`)
    .join(" ");
  const yTicks = Array.from({ length: Math.round(maxY / 0.5) + 1 }, (_, i) => i * 0.5).filter(
    (v, _, all) => all.length <= 7 || v % 1 === 0,
  );
  const xTicks = [0, 0.5, 1, 1.5, 2];
  const at100 = points.find((p) => Math.abs(p.attainment - 1) < 1e-12)?.multiple;
  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      {yTicks.map((v) => (
        <g key={`y${v}`}>
          <line className={s.grid} x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
          <text className={s.label} x={M.left - 4} y={y(v) + 3} textAnchor="end">
            {formatNumber(v)}×
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <text key={`x${v}`} className={s.label} x={x(v)} y={H - 8} textAnchor="middle">
          {formatPercent(v, 0)}
        </text>
      ))}
      <line className={s.target} x1={x(1)} x2={x(1)} y1={M.top} y2={H - M.bottom} />
      <line className={s.axis} x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
      <line className={s.axis} x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} />
      <path className={s.line} d={d} data-testid="curve-path" />
      {at100 !== undefined && <circle className={s.marker} cx={x(1)} cy={y(at100)} r={3.5} />}
    </svg>
  );
}
