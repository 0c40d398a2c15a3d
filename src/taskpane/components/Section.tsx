import { Card, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  card: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    gap: tokens.spacingVerticalS,
    boxShadow: tokens.shadow2,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minHeight: "24px",
  },
});

/** A subtle card with a heading and an optional action at its right. */
export function Section({ title, action, children }: { title: ReactNode; action?: ReactNode; children: ReactNode }) {
  const s = useStyles();
  return (
    <Card className={s.card} appearance="filled">
      <div className={s.header}>
        <Subtitle2>{title}</Subtitle2>
        {action}
      </div>
      {children}
    </Card>
  );
}
