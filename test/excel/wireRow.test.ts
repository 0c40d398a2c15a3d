import { toWireRow } from "../../src/excel/sheetLayout";

describe("cells as the add-in sends them to Excel", () => {
  it("keeps text as it reads: a formula-like start gets Excel's text prefix, a leading apostrophe one more", () => {
    expect(toWireRow(["'Rep Roster'!I7", "=1+1", "-5 days", "plain", 3, null, true])).toEqual([
      // Excel drops one leading apostrophe as its text prefix: the address keeps its quote.
      "''Rep Roster'!I7",
      "'=1+1",
      "'-5 days",
      "plain",
      3,
      "",
      true,
    ]);
  });
});
