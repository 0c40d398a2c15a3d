import { EXCEL_MAX_ROWS, describePastExcel, sheetRowCount, sheetsPastExcel } from "./sheetLimits";
import type { SheetSpec } from "./types";

describe("a result sheet Excel can hold", () => {
  const sheet = (rows: number): SheetSpec => ({
    name: "Results_Payouts",
    title: "t",
    subtitle: "s",
    columns: [{ header: "A", format: "integer" }],
    rows: new Array<number[]>(rows).fill([1]),
  });

  it("takes its rows plus four: title, subtitle, a blank line and the header, up to Excel's 1,048,576", () => {
    expect(EXCEL_MAX_ROWS).toBe(2 ** 20);
    expect(sheetRowCount(sheet(10))).toBe(14);
    expect(sheetsPastExcel([sheet(1_048_572)])).toEqual([]);
    expect(sheetsPastExcel([sheet(1_048_573)])).toEqual([{ sheet: "Results_Payouts", rows: 1_048_577 }]);
    expect(describePastExcel(sheetsPastExcel([sheet(1_080_000)]))).toBe(
      "Results_Payouts would take 1,080,004 rows, past Excel's limit of 1,048,576 rows a sheet: Excel could not open it whole.",
    );
  });
});
