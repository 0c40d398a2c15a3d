import { Body1, Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, InfoRegular, WarningRegular } from "@fluentui/react-icons";
import type { Issue } from "../../workbook/types";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    justifyContent: "flex-start",
    textAlign: "left",
    width: "100%",
    // Padding inside the width: a problem with no cell (no button) was 12 px wider than its card.
    boxSizing: "border-box",
    minWidth: 0,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  icon: { flexShrink: 0, marginTop: "2px", fontSize: "16px", display: "inline-flex" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground3 },
  text: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground3 },
});

export interface IssueListProps {
  readonly issues: readonly Issue[];
  /** Shows the cell in Excel; absent for issues without an address. */
  readonly onSelect: (address: string) => void;
  readonly limit?: number;
}

/** Problems with severity icons; a click selects the cell in Excel. */
export function IssueList({ issues, onSelect, limit = 50 }: IssueListProps) {
  const s = useStyles();
  const shown = issues.slice(0, limit);
  return (
    <ul className={s.list}>
      {shown.map((issue, i) => {
        const Icon =
          issue.severity === "Error" ? ErrorCircleRegular : issue.severity === "Warning" ? WarningRegular : InfoRegular;
        const tone = issue.severity === "Error" ? s.error : issue.severity === "Warning" ? s.warning : s.info;
        // The colour sits on a wrapper the icon inherits it from (currentColor): a class on the icon itself was
        // lost, and a Button's icon slot sets its own colour.
        const mark = (
          <span className={mergeClasses(s.icon, tone)} role="img" aria-label={issue.severity}>
            <Icon />
          </span>
        );
        const body = (
          <span className={s.text}>
            <Body1>{issue.message}</Body1>
            {issue.address && <Caption1 className={s.where}>{issue.address}</Caption1>}
          </span>
        );
        return (
          <li key={i}>
            {issue.address ? (
              <Button
                appearance="subtle"
                className={s.item}
                icon={mark}
                onClick={() => onSelect(issue.address!)}
                title={`Show ${issue.address} in Excel`}
              >
                {body}
              </Button>
            ) : (
              <div className={s.item} style={{ paddingLeft: tokens.spacingHorizontalM }}>
                {mark}
                {body}
              </div>
            )}
          </li>
        );
      })}
      {issues.length > limit && (
        <Caption1 className={s.where}>
          …and {issues.length - limit} more (all are listed on Results_Issues after a run)
        </Caption1>
      )}
    </ul>
  );
}
