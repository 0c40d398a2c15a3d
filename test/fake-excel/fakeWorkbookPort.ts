import { workbookPortFor } from "../../src/excel/workbookPortFor";
import type { WorkbookPort } from "../../src/workbook/port";
import { runWith } from "./excelRun";
import type { FakeExcel } from "./index";

/**
 * The task pane's WorkbookPort over the fake: the Office port's own code
 * (`workbookPortFor`), the fake host. The workbook name is the fake's, read
 * without a round trip.
 */
export function fakeWorkbookPort(fake: FakeExcel): WorkbookPort {
  return workbookPortFor((batch) => runWith(fake, batch), { workbookName: async () => fake.state.workbookName });
}
