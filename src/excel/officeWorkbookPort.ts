import type { WorkbookPort } from "../workbook/port";
import { workbookPortFor } from "./workbookPortFor";

/** The WorkbookPort over office.js: each call is one Excel.run around one adapter function. */
export function officeWorkbookPort(): WorkbookPort {
  return workbookPortFor((batch) => Excel.run(batch));
}
