import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import type { WorkbookPort } from "../../workbook/port";
import { acmeExample } from "../../workbook/example/acme";
import { Section } from "../components/Section";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
});

/** First-time help: no Reps table yet, so offer the Acme example tables. */
export function InsertExampleCard({ port, onInserted }: { port: WorkbookPort; onInserted: () => void }) {
  const s = useStyles();
  // Counted from the tables it inserts, so the card and the example cannot disagree.
  const people = useMemo(() => acmeExample().find((t) => t.name === "Reps")?.rows.length ?? 0, []);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const insert = async () => {
    setState({ busy: true, error: null });
    try {
      // All or nothing: half of the example beside the user's own Plans or Tiers would be a broken mix.
      const report = await port.insertExample(acmeExample(), { whole: true });
      if (report.inserted.length === 0) {
        const taken = report.skipped;
        setState({
          busy: false,
          error: `Nothing was inserted: this workbook already has ${taken.length === 1 ? "a sheet or table" : "sheets or tables"} named ${taken.join(", ")}, which the example uses. Rename ${taken.length === 1 ? "it" : "them"}, or insert the example into a new workbook.`,
        });
        return;
      }
      setState({ busy: false, error: null });
      onInserted();
    } catch (e) {
      setState({ busy: false, error: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <Section title="Start with an example">
      <div className={s.body}>
        <Body1>
          No <b>Reps</b> table yet. Insert a small example company ({people} people, quarterly plans with accelerators,
          gates and caps) on new sheets, then press Run.
        </Body1>
        <Button
          appearance="primary"
          icon={state.busy ? <Spinner size="tiny" aria-label="Inserting" /> : <TableAddRegular />}
          // Keeps focus while it inserts; the Inputs view moves it once the card is gone.
          disabledFocusable={state.busy}
          onClick={insert}
        >
          Insert example
        </Button>
        {state.error && (
          <MessageBar intent="error" data-testid="insert-error">
            <MessageBarBody>{state.error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </Section>
  );
}
