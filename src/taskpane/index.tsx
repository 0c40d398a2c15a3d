import { createRoot } from "react-dom/client";
import { officeWorkbookPort } from "../excel/officeWorkbookPort";
import { App } from "./App";
import { computeHere, computeInWorker, MODEL_WORKER_URL } from "./model/compute";
import { setEntryLocale } from "./model/numberEntry";
import { themeFor } from "./theme";

/** Render only once Office is ready (Office.onReady; never mixed with Office.initialize). */
void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  // Numbers typed in the pane follow Office's display language, else the browser's (see model/numberEntry.ts).
  setEntryLocale(Office.context?.displayLanguage || navigator.language || "en-US");
  // The model runs on its own thread (dist/model-worker.js), so the pane never freezes while it computes.
  const compute = typeof Worker === "undefined" ? computeHere : computeInWorker(MODEL_WORKER_URL);
  createRoot(root).render(
    <App port={officeWorkbookPort()} theme={themeFor(Office.context?.officeTheme)} compute={compute} />,
  );
});
