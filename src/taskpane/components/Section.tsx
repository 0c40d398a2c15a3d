import { Card, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { ReactNode, Ref } from "react";

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
  // Subtitle2 (which takes no ref) as a real heading.
  title: { ...typographyStyles.subtitle2, margin: 0 },
});

/**
 * A subtle card with a heading and an optional action at its right. The title is an h2 under the pane's h1, so
 * screen readers can list and jump between sections; `headingRef` makes it a place to move focus to.
 */
export function Section({
  title,
  action,
  children,
  headingRef,
}: {
  title: ReactNode;
  action?: ReactNode;
  children: ReactNode;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const s = useStyles();
  return (
    <Card className={s.card} appearance="filled">
      <div className={s.header}>
        <h2 className={s.title} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
          {title}
        </h2>
        {action}
      </div>
      {children}
    </Card>
  );
}
