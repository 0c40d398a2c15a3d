import { Body1, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { Section } from "./Section";

declare const __COMPPLAN_VERSION__: string | undefined;

/** The version the build stamps in (webpack DefinePlugin); "development" under tests. */
export const APP_VERSION = typeof __COMPPLAN_VERSION__ === "string" ? __COMPPLAN_VERSION__ : "development";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Version, help, the privacy promise and where to get support: what a user (and the Office Store) asks first. */
export function AboutSection() {
  const s = useStyles();
  return (
    <Section title="About">
      <div className={s.body} data-testid="about">
        <Body1>CompPlan {APP_VERSION}</Body1>
        <Body1>
          Privacy: your compensation data stays in this workbook. CompPlan loads only its own files, makes no other
          network call, keeps no telemetry and stores nothing outside the workbook.
        </Body1>
        <Caption1 className={s.muted}>
          <Link href="help.html" target="_blank">
            Help
          </Link>
          {" · "}
          <Link href="help.html#privacy" target="_blank">
            Privacy
          </Link>
          {" · "}
          <Link href="help.html#support" target="_blank">
            Support
          </Link>
        </Caption1>
      </div>
    </Section>
  );
}
