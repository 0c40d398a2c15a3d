import { createRoot } from "react-dom/client";
import { officeWorkbookPort } from "../excel/officeWorkbookPort";
import { watchTables } from "../excel/watchTables";
import { attachLiveFunctions, hostHasCustomFunctions } from "../functions/functions";
import { isInputTableName, LiveFunctions } from "../functions/live";
import type { WorkbookPort } from "../workbook/port";
import { App } from "./App";
import { useOfficeTheme } from "./hooks/useOfficeTheme";
import { computeHere, computeInWorker, MODEL_WORKER_URL, type Compute } from "./model/compute";
import { setEntryLocale } from "./model/numberEntry";

const officeTheme = () => Office.context?.officeTheme;

/** The App in Office's theme, following it when the user switches themes. */
function Root({ port, compute }: { port: WorkbookPort; compute: Compute }) {
  const theme = useOfficeTheme(officeTheme);
  return <App port={port} theme={theme} compute={compute} />;
}

/** Render only once Office is ready (Office.onReady; never mixed with Office.initialize). */
void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  // Numbers typed in the pane follow Office's display language, else the browser's (see model/numberEntry.ts).
  setEntryLocale(Office.context?.displayLanguage || navigator.language || "en-US");
  // The model runs on its own thread (dist/model-worker.js), so the pane never freezes while it computes.
  const compute = typeof Worker === "undefined" ? computeHere : computeInWorker(MODEL_WORKER_URL);
  const port = officeWorkbookPort();
  startLiveFunctions(port);
  createRoot(root).render(<Root port={port} compute={compute} />);
});

/**
 * The shared runtime: this page also hosts the COMP.* worksheet functions. They read the input tables through
 * the pane's port, once per change: an edit of an input table (tables.onChanged) drops the read and answers
 * every open function again. A host without the shared runtime loads functions.js instead (#N/A, see there).
 */
function startLiveFunctions(port: ReturnType<typeof officeWorkbookPort>): void {
  if (!hostHasCustomFunctions() || !Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1")) return;
  const live = new LiveFunctions({ read: () => port.readTables() });
  attachLiveFunctions(live);
  void watchTables(
    (batch) => Excel.run(batch),
    (table) => {
      if (table === "" || isInputTableName(table)) live.invalidate();
    },
  ).catch(() => undefined);
}
