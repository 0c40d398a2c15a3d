import { createRoot } from "react-dom/client";
import { officeWorkbookPort } from "../excel/officeWorkbookPort";
import { App } from "./App";
import { themeFor } from "./theme";

/** Render only once Office is ready (Office.onReady; never mixed with Office.initialize). */
void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(<App port={officeWorkbookPort()} theme={themeFor(Office.context?.officeTheme)} />);
});
