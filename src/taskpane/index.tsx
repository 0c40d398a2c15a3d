import { createRoot } from "react-dom/client";
import { officeWorkbookPort } from "../excel/officeWorkbookPort";
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
  createRoot(root).render(<Root port={officeWorkbookPort()} compute={compute} />);
});
