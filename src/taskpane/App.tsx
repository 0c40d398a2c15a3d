import {
  AriaLiveAnnouncer,
  Caption1,
  FluentProvider,
  makeStyles,
  Subtitle1,
  Tab,
  TabList,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import {
  BranchForkRegular,
  DataLineRegular,
  HandshakeRegular,
  PlayRegular,
  SettingsRegular,
  TableRegular,
} from "@fluentui/react-icons";
import { useCallback, useEffect, useState } from "react";
import type { WorkbookPort } from "../workbook/port";
import type { Issue, RawTable } from "../workbook/types";
import type { SettingsDraft } from "./model/settingsEditing";
import { AboutSection } from "./components/AboutSection";
import { progressOf } from "./components/RunProgress";
import { computeHere, type Compute } from "./model/compute";
import { hasRepsTable } from "./model/inputSummary";
import { EMPTY_DRAFT, type OfferDraft } from "./model/offerDraft";
import { runPipeline, type RunPhase } from "./model/runPipeline";
import { runScenarios } from "./model/scenarioRun";
import { InputsView } from "./views/InputsView";
import { OffersView } from "./views/OffersView";
import { NO_PLAN_EDITS, PlanEditor, type PlanEdits } from "./views/PlanEditor";
import { RunView } from "./views/RunView";
import { changed, failed, freshnessNote, NO_RUN, ranAt, sheetNote, type Freshness } from "./model/resultFreshness";
import { ScenariosView } from "./views/ScenariosView";
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
  // Six labelled tabs are wider than a 320 px pane. Narrow, they sit in two rows of three, each column as wide as
  // its longest name, so every name shows whole (a scrolling list hid Offers and Settings; equal cells cut
  // "Scenarios"); wider, in one row that wraps if it must.
  tabs: {
    display: "grid",
    gridTemplateColumns: "repeat(3, max-content)",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    "@media (min-width: 600px)": { display: "flex", flexWrap: "wrap" },
  },
  tab: { flexShrink: 0, justifyContent: "flex-start" },
  title: { margin: 0 },
  main: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

type TabId = "inputs" | "run" | "plan" | "scenarios" | "offers" | "settings";

const TABS: readonly { id: TabId; label: string; icon: JSX.Element }[] = [
  { id: "inputs", label: "Inputs", icon: <TableRegular /> },
  { id: "run", label: "Run", icon: <PlayRegular /> },
  { id: "plan", label: "Plans", icon: <DataLineRegular /> },
  { id: "scenarios", label: "Scenarios", icon: <BranchForkRegular /> },
  { id: "offers", label: "Offers", icon: <HandshakeRegular /> },
  { id: "settings", label: "Settings", icon: <SettingsRegular /> },
];

/** The task pane: tabs as plain state (office.js nulls history, so no router). */
export function App({ port, theme, compute = computeHere }: { port: WorkbookPort; theme: Theme; compute?: Compute }) {
  const s = useStyles();
  const [tab, setTab] = useState<TabId>("inputs");
  const [tables, setTables] = useState<readonly RawTable[] | null>(null);
  const [issues, setIssues] = useState<readonly Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [phase, setPhase] = useState<RunPhase>({ kind: "idle" });
  // Kept here, not in the views, so switching tabs keeps a scenario run, a half-typed offer, the offers left out of
  // the comparison and unsaved bands.
  const [scenarioPhase, setScenarioPhase] = useState<RunPhase>({ kind: "idle" });
  const [leftOut, setLeftOut] = useState<readonly string[]>([]);
  const [offerDraft, setOfferDraft] = useState<OfferDraft>(EMPTY_DRAFT);
  const [offersLeftOut, setOffersLeftOut] = useState<ReadonlySet<string>>(new Set());
  const [planEdits, setPlanEdits] = useState<PlanEdits>(NO_PLAN_EDITS);
  // Unsaved Settings edits survive a tab switch; they belong to the read they were made on (a new read shows the table).
  const [settingsEdit, setSettingsEdit] = useState<{ on: readonly RawTable[]; draft: SettingsDraft } | null>(null);
  // Whether the Results sheets still describe the workbook (model/resultFreshness.ts).
  const [freshness, setFreshness] = useState<Freshness>(NO_RUN);
  // Stale result sheets say so on the sheet too, under their title (a new run rewrites them and clears it).
  const staleNote = sheetNote(freshness);
  useEffect(() => {
    if (staleNote !== null) void port.markResultsStale(staleNote).catch(() => undefined);
  }, [port, staleNote]);
  const afterRun = (end: RunPhase) => {
    if (end.kind === "done" && end.result.ok) setFreshness(ranAt(end.at, end.source));
    else if (end.kind === "done" || end.kind === "failed") setFreshness((f) => failed(f, new Date()));
  };
  const saved = () => {
    setFreshness((f) => changed(f, new Date()));
    void refresh();
  };

  /** Reads the tables (the runtime's kept read, unless `fresh`: the Inputs tab's Refresh) and checks them. */
  const refresh = useCallback(
    async (fresh = false) => {
      setBusy(true);
      try {
        const read = await port.readTables(undefined, { fresh });
        setTables(read);
        // Dry run (on the model thread): runWorkbook reports every problem even when it cannot compute.
        setIssues((await compute(read, { sourceName: "", computedAt: new Date() }, { issuesOnly: true })).issues);
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
    },
    [port, compute],
  );

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (traceReps: readonly string[]) => {
    // One writer at a time: a scenario run may be writing the same result sheets.
    if (progressOf(scenarioPhase) !== null) return;
    const end = await runPipeline(port, setPhase, undefined, { traceReps, compute });
    afterRun(end);
    // The run read the inputs and checked them: show those, rather than read and check the workbook again
    // (seconds at 10,000 reps). Writing the result sheets does not change an input table.
    if (end.kind === "done") {
      setTables(end.tables);
      setIssues(end.result.issues);
    }
  };
  const runChecked = async () => {
    const end = await runScenarios(port, leftOut, setScenarioPhase, undefined, compute);
    afterRun(end);
    // The scenario run wrote the Results sheets: it is now the last run, on the Run tab too (which still showed
    // an earlier failure).
    if (end.kind === "done") {
      setPhase(end);
      void refresh();
    }
  };

  return (
    // Layout on an inner div: Fluent copies the provider's className onto every portal's mount node (dropdown
    // lists, dialogs), and a full-height flex box there covers the pane and swallows every click.
    <FluentProvider theme={theme}>
      {/* Status messages (saved, refused, a run's outcome) are announced to screen readers: MessageBar announces
          through this, and without it says nothing. */}
      <AriaLiveAnnouncer>
        <div className={s.root}>
          <header className={s.header}>
            <img className={s.logo} src="assets/icon-32.png" alt="" />
            <div className={s.titles}>
              <Subtitle1 as="h1" className={s.title}>
                CompPlan
              </Subtitle1>
              <Caption1 className={s.muted}>Sales compensation model</Caption1>
            </div>
          </header>
          <nav aria-label="Views">
            <TabList
              className={s.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as TabId)}
            >
              {TABS.map((t) => (
                <Tab key={t.id} className={s.tab} value={t.id} icon={t.icon}>
                  {t.label}
                </Tab>
              ))}
            </TabList>
          </nav>
          <main className={s.main}>
            {tab === "inputs" && (
              <InputsView
                port={port}
                tables={tables}
                issues={issues}
                busy={busy}
                onRefresh={() => void refresh(true)}
              />
            )}
            {tab === "run" && (
              <RunView
                port={port}
                phase={phase}
                freshness={freshnessNote(freshness)}
                blocked={progressOf(scenarioPhase) !== null}
                noInputs={tables !== null && !hasRepsTable(tables)}
                onCancel={compute.cancel}
                onRun={(traceReps) => void run(traceReps)}
              />
            )}
            {tab === "plan" && tables && (
              <PlanEditor
                port={port}
                tables={tables}
                compute={compute}
                edits={planEdits}
                onEditsChange={setPlanEdits}
                onSaved={saved}
              />
            )}
            {tab === "scenarios" && tables && (
              <ScenariosView
                port={port}
                tables={tables}
                leftOut={leftOut}
                onLeftOutChange={(next) => {
                  setLeftOut(next);
                  setFreshness((f) => changed(f, new Date()));
                }}
                phase={scenarioPhase}
                onRun={() => void runChecked()}
                blocked={progressOf(phase) !== null}
              />
            )}
            {tab === "offers" && tables && (
              <OffersView
                port={port}
                tables={tables}
                draft={offerDraft}
                onDraftChange={setOfferDraft}
                excluded={offersLeftOut}
                onExcludedChange={setOffersLeftOut}
                onSaved={saved}
              />
            )}
            {tab === "settings" && tables && (
              <SettingsView
                port={port}
                tables={tables}
                edit={settingsEdit?.on === tables ? settingsEdit.draft : null}
                onEditChange={(draft) => setSettingsEdit({ on: tables, draft })}
                onSaved={saved}
              />
            )}
            {tab === "settings" && <AboutSection />}
          </main>
        </div>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
