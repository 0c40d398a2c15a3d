import { readFileSync } from "node:fs";
import { join } from "node:path";
import { toNumber } from "../../src/engine";
import { statementsSheet } from "../../src/workbook/render/statements";
import { ParsedWorkbook } from "../../src/workbook/workbookModel";
import { readXlsx } from "../../src/xlsx/read";

/**
 * Results_Statements writes a period that is its commission alone straight
 * from its minor units (no Decimal made): every such row must be what the
 * line's own amounts give, read one by one, as every other row is written.
 */
describe("Results_Statements rows of a commission-only period", () => {
  const tables = readXlsx(readFileSync(join(__dirname, "../../examples/acme-comp.xlsx")));
  const result = new ParsedWorkbook(tables, new Date("2026-12-05T00:00:00Z")).run();
  const rows = statementsSheet(result.scenarios, "").rows as unknown[][];
  const lines = result.scenarios.flatMap((s) => s.reps.flatMap((r) => r.statement.map((st) => ({ s, r, st }))));

  it("are the line's Earned and Net paid with every other amount 0, as its getters read", () => {
    expect(rows).toHaveLength(lines.length);
    const fast = lines.flatMap(({ st }, i) => (st.commissionMinor === undefined ? [] : [i]));
    // Acme has commission-only periods and others (draws, SPIFs): both kinds are written.
    expect(fast.length).toBeGreaterThan(100);
    expect(fast.length).toBeLessThan(lines.length);
    for (const i of fast) {
      const { s, r, st } = lines[i];
      const amounts = [
        st.earned,
        st.overCap,
        st.deferredToYearEnd,
        st.adjustments,
        st.drawTopUp,
        st.recovered,
        st.drawBalance,
        st.deferred,
        st.debitRecovered,
        st.clawbackCarried,
        st.held,
        st.netPaid,
      ].map(toNumber);
      expect(rows[i]).toEqual([
        s.name,
        r.rep.id,
        r.rep.name,
        st.period.key,
        r.rep.currency,
        ...amounts,
        st.notes || null,
      ]);
    }
  });
});
