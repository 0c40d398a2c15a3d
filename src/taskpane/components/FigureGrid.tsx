import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    // Two columns in a 320 px pane, three or more when there is room.
    gridTemplateColumns: "repeat(auto-fill, minmax(118px, 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  figure: { display: "flex", flexDirection: "column", minWidth: 0, margin: 0 },
  label: { color: tokens.colorNeutralForeground3 },
  value: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    overflowWrap: "anywhere",
    margin: 0,
  },
  note: { color: tokens.colorNeutralForeground3, margin: 0 },
  strong: { color: tokens.colorBrandForeground1 },
  warn: { color: tokens.colorPaletteRedForeground1 },
});

export interface Figure {
  readonly label: string;
  readonly value: string;
  /** A line under the value: "+$120,000 vs Baseline". */
  readonly note?: ReactNode;
  readonly tone?: "strong" | "warn";
  /** For tests and screen readers that look a figure up by name. */
  readonly testId?: string;
}

/** Labelled figures in a responsive grid (a description list: label, then value). */
export function FigureGrid({ figures }: { figures: readonly Figure[] }) {
  const s = useStyles();
  return (
    <dl className={s.grid}>
      {figures.map((f) => (
        <div key={f.label} className={s.figure}>
          <dt>
            <Caption1 className={s.label}>{f.label}</Caption1>
          </dt>
          <dd
            className={mergeClasses(s.value, f.tone === "strong" && s.strong, f.tone === "warn" && s.warn)}
            data-testid={f.testId}
          >
            {f.value}
          </dd>
          {f.note && (
            <dd className={s.note}>
              <Caption1>{f.note}</Caption1>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
