import { Badge, Body1, Button, Caption1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, CheckmarkCircleRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { WorkbookPort } from "../../workbook/port";
import type { Issue, RawTable } from "../../workbook/types";
import { IssueList } from "../components/IssueList";
import { Section } from "../components/Section";
import { useFocusFallback } from "../hooks/useFocusFallback";
import { formatCount } from "../model/format";
import { countBySeverity, hasRepsTable, summarizeInputs } from "../model/inputSummary";
import { InsertExampleCard } from "./InsertExampleCard";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  name: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  ok: {
    color: tokens.colorPaletteGreenForeground1,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
  table: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

export interface InputsViewProps {
  readonly port: WorkbookPort;
  readonly tables: readonly RawTable[] | null;
  readonly issues: readonly Issue[];
  readonly busy: boolean;
  readonly onRefresh: () => void;
}

/** What the add-in found in the workbook and what is wrong with it, table by table. */
export function InputsView({ port, tables, issues, busy, onRefresh }: InputsViewProps) {
  const s = useStyles();
  const moveFocus = useFocusFallback();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refreshRef = useRef<HTMLButtonElement>(null);
  // The example card goes once its tables are read: focus goes to them. A Refresh that finds the first tables
  // swaps the first-time layout for the tables', and its Refresh button for theirs.
  const inserted = () => {
    moveFocus(() => headingRef.current);
    onRefresh();
  };
  const refresh = () => {
    moveFocus(() => refreshRef.current);
    onRefresh();
  };
  if (tables === null) return <Spinner label="Reading the workbook…" size="small" />;
  const { inputs, workbookIssues } = summarizeInputs(tables, issues);
  const total = countBySeverity(issues);
  const select = (address: string) => void port.selectCell(address).catch(() => undefined);
  if (tables.length === 0) {
    // A fresh workbook: no wall of "missing table" errors, just the way in.
    return (
      <div className={s.stack}>
        <InsertExampleCard port={port} onInserted={inserted} />
        <Section title="Or bring your own tables">
          <Body1>
            Create Excel tables (Insert &gt; Table) named <b>Reps</b> and <b>Plans</b>, and optionally Tiers, Quotas,
            Actuals, Adjustments, Ramps, Scenarios and Settings, then press Refresh.
          </Body1>
          <div>
            <Button
              size="small"
              icon={busy ? <Spinner size="extra-tiny" aria-label="Checking" /> : <ArrowClockwiseRegular />}
              onClick={refresh}
              disabledFocusable={busy}
              ref={refreshRef}
            >
              Refresh
            </Button>
          </div>
        </Section>
      </div>
    );
  }
  return (
    <div className={s.stack}>
      {!hasRepsTable(tables) && <InsertExampleCard port={port} onInserted={inserted} />}
      <Section
        title="Input tables"
        headingRef={headingRef}
        action={
          <Button
            size="small"
            appearance="subtle"
            icon={busy ? <Spinner size="extra-tiny" aria-label="Checking" /> : <ArrowClockwiseRegular />}
            onClick={refresh}
            // Keeps focus while it reads (a disabled button drops it to the page).
            disabledFocusable={busy}
            ref={refreshRef}
          >
            Refresh
          </Button>
        }
      >
        <div className={s.row}>
          {total.errors > 0 && (
            <Badge color="danger" appearance="tint">
              {total.errors} to fix
            </Badge>
          )}
          {total.warnings > 0 && (
            <Badge color="warning" appearance="tint">
              {total.warnings} to check
            </Badge>
          )}
          {total.errors === 0 && total.warnings === 0 && hasRepsTable(tables) && (
            <span className={s.ok}>
              <CheckmarkCircleRegular /> <Body1>Ready to run</Body1>
            </span>
          )}
        </div>
        {workbookIssues.length > 0 && <IssueList issues={workbookIssues} onSelect={select} />}
        {inputs.map((input) => {
          const c = countBySeverity(input.issues);
          return (
            <div key={input.name} className={s.table} data-testid={`input-${input.name}`}>
              <div className={s.row}>
                <Body1 className={s.name}>{input.name}</Body1>
                {input.found ? (
                  <Caption1 className={s.muted}>
                    {formatCount(input.rows)} {input.rows === 1 ? "row" : "rows"} ·{" "}
                    {input.found.source === "table" ? "table" : "sheet"} on {input.found.sheet}
                  </Caption1>
                ) : (
                  <Badge color="danger" appearance="outline">
                    missing
                  </Badge>
                )}
                {c.errors > 0 && (
                  <Badge color="danger" size="small">
                    {c.errors}
                  </Badge>
                )}
                {c.warnings > 0 && (
                  <Badge color="warning" size="small">
                    {c.warnings}
                  </Badge>
                )}
              </div>
              {input.issues.length > 0 && <IssueList issues={input.issues} onSelect={select} limit={8} />}
            </div>
          );
        })}
      </Section>
    </div>
  );
}
