import { createRoot } from "react-dom/client";
import { officeWorkbookPort } from "../excel/officeWorkbookPort";
import { watchTables } from "../excel/watchTables";
import { attachLiveFunctions, hostHasCustomFunctions } from "../functions/functions";
import type { WorkbookPort } from "../workbook/port";
import { App } from "./App";
import { useOfficeTheme } from "./hooks/useOfficeTheme";
import { computeHere, computeInWorker, MODEL_WORKER_URL, type Compute } from "./model/compute";
import { setEntryLocale } from "./model/numberEntry";
import { startRuntime } from "./model/runtime";

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
  // The shared runtime: this page also hosts the COMP.* worksheet functions (a host without it loads
  // functions.js instead, which answers #N/A). The pane and the functions share one read of the input tables
  // and the model thread, and tables.onChanged drops the read when an input table changes (model/runtime.ts).
  const runtime = startRuntime({
    source: officeWorkbookPort(),
    compute,
    watch: (onChange) => watchTables((batch) => Excel.run(batch), onChange),
    functions:
      hostHasCustomFunctions() && Office.context?.requirements?.isSetSupported("SharedRuntime", "1.1") === true,
  });
  attachLiveFunctions(runtime.live);
  createRoot(root).render(<Root port={runtime.port} compute={compute} />);
});
