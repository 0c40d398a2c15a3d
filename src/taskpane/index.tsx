import { createRoot } from "react-dom/client";
import { officeWorkbookPort } from "../excel/officeWorkbookPort";
import { App } from "./App";
import { setEntryLocale } from "./model/numberEntry";
import { themeFor } from "./theme";

/** Render only once Office is ready (Office.onReady; never mixed with Office.initialize). */
void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  // Numbers typed in the pane follow Office's display language, else the browser's (see model/numberEntry.ts).
  setEntryLocale(Office.context?.displayLanguage || navigator.language || "en-US");
  createRoot(root).render(<App port={officeWorkbookPort()} theme={themeFor(Office.context?.officeTheme)} />);
});
