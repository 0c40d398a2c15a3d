import {
  Caption1,
  FluentProvider,
  makeStyles,
  Subtitle1,
  Tab,
  TabList,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import { DataLineRegular, PlayRegular, SettingsRegular, TableRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useState } from "react";
import type { WorkbookPort } from "../excel/port";
import { runWorkbook } from "../workbook/run";
import type { Issue, RawTable } from "../workbook/types";
import { runPipeline, type RunPhase } from "./model/runPipeline";
import { InputsView } from "./views/InputsView";
import { PlanEditor } from "./views/PlanEditor";
import { RunView } from "./views/RunView";
import { SettingsView } from "./views/SettingsView";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  logo: { width: "28px", height: "28px", flexShrink: 0 },
  titles: { display: "flex", flexDirection: "column", lineHeight: 1.1 },
  muted: { color: tokens.colorNeutralForeground3 },
  tabs: {
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

type TabId = "inputs" | "run" | "plan" | "settings";

/** The task pane: tabs as plain state (office.js nulls history, so no router). */
export function App({ port, theme }: { port: WorkbookPort; theme: Theme }) {
  const s = useStyles();
  const [tab, setTab] = useState<TabId>("inputs");
  const [tables, setTables] = useState<readonly RawTable[] | null>(null);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<RunPhase>({ kind: "idle" });

  const refresh = useCallback(async () => {
    setBusy(true);
    try {
      const read = await port.readTables();
      setTables(read);
      // Dry run: runWorkbook reports every problem even when it cannot compute.
      setIssues(runWorkbook(read, { sourceName: "", computedAt: new Date() }).issues);
    } catch (e) {
      setTables([]);
      setIssues([
        {
          severity: "Error",
          table: "",
          sheet: "",
          row: null,
          column: null,
          address: null,
          message: `Could not read the workbook: ${e instanceof Error ? e.message : String(e)}`,
        },
      ]);
    } finally {
      setBusy(false);
    }
  }, [port]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async () => {
    const end = await runPipeline(port, setPhase);
    if (end.kind === "done") void refresh();
  };

  return (
    <FluentProvider theme={theme} className={s.root}>
      <header className={s.header}>
        <img className={s.logo} src="assets/icon-32.png" alt="" />
        <div className={s.titles}>
          <Subtitle1>CompPlan</Subtitle1>
          <Caption1 className={s.muted}>Sales compensation model</Caption1>
        </div>
      </header>
      <TabList className={s.tabs} size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
        <Tab value="inputs" icon={<TableRegular />}>
          Inputs
        </Tab>
        <Tab value="run" icon={<PlayRegular />}>
          Run
        </Tab>
        <Tab value="plan" icon={<DataLineRegular />}>
          Plans
        </Tab>
        <Tab value="settings" icon={<SettingsRegular />} aria-label="Settings" />
      </TabList>
      <main className={s.main}>
        {tab === "inputs" && (
          <InputsView port={port} tables={tables} issues={issues} busy={busy} onRefresh={() => void refresh()} />
        )}
        {tab === "run" && <RunView port={port} phase={phase} onRun={() => void run()} />}
        {tab === "plan" && tables && <PlanEditor port={port} tables={tables} onSaved={() => void refresh()} />}
        {tab === "settings" && tables && <SettingsView port={port} tables={tables} onSaved={() => void refresh()} />}
      </main>
    </FluentProvider>
  );
}
