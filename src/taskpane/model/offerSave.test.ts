import { FakeExcel } from "../../../test/fake-excel";
import { fakeWorkbookPort } from "../../../test/fake-excel/fakeWorkbookPort";
import { acmeExample } from "../../workbook/example/acme";
import type { RawTable } from "../../workbook/types";
import { breakEvenWords, compareOffers, offerChoices } from "./offerComparison";
import { EMPTY_DRAFT, type OfferDraft } from "./offerDraft";
import { evaluateDraft, offerContext } from "./offerEvaluation";
import { offerSavePlan } from "./offerSave";
import { table } from "../../../test/workbook/tables";

const check: OfferDraft = {
  ...EMPTY_DRAFT,
  name: "Published check",
  base: "75000",
  pay: "150000",
  expectedAttainment: "80",
};

function valued(tables: readonly RawTable[], d: OfferDraft = check) {
  const e = evaluateDraft(d, offerContext(tables));
  if (!e.offer) throw new Error([...e.problems.values(), ...e.general].join("; "));
  return e.offer;
}

describe("offer save plan", () => {
  it("creates an Offers table (all documented columns, pay filled in consistently) when there is none", () => {
    const plan = offerSavePlan([], check, valued([]));
    expect(plan.kind).toBe("create");
    if (plan.kind !== "create") return;
    const row = Object.fromEntries(plan.table.headers.map((h, i) => [h, plan.table.rows[0][i]]));
    // TargetVariable = OTE − Base = 150,000 − 75,000.
    expect(row).toMatchObject({ Offer: "Published check", Base: 75000, TargetVariable: 75000, OTE: 150000 });
    expect(row.ExpectedAttainment).toBe(0.8);
    expect(plan.table.formats[plan.table.headers.indexOf("ExpectedAttainment")]).toBe("percent");
  });

  it("adds a row under the user's own headers, or updates the row of the same name", () => {
    const offers = table(
      "Offers",
      ["Offer Name", "Base Salary", "OTE", "Org Attainment", "Notes"],
      [
        ["Acme", 100000, 180000, 0.9, "recruiter call"],
        ["published CHECK", 1, 2, null, "old"],
      ],
    );
    const plan = offerSavePlan([offers], check, valued([offers]));
    expect(plan).toEqual({
      kind: "update",
      row: 3,
      untouched: ["Notes"],
      patch: {
        table: "Offers",
        match: { "Offer Name": "Published check" },
        columns: ["Base Salary", "OTE", "Org Attainment"],
        rows: [[75000, 150000, 0.8]],
      },
    });
    const other = { ...check, name: "Globex" };
    expect(offerSavePlan([offers], other, valued([offers], other)).kind).toBe("add");
  });

  it("refuses what it cannot write without losing a field", () => {
    const narrow = table("Offers", ["Offer", "Base", "OTE"], []);
    const withEquity = { ...check, equityValue: "50000" };
    expect(offerSavePlan([narrow], withEquity, valued([narrow], withEquity))).toEqual({
      kind: "blocked",
      reason:
        "Your Offers table has no ExpectedAttainment, EquityValue column: add them to the table, or clear those fields, to save.",
    });
    const sheet = table("Offers", ["Offer", "Base", "OTE"], [], { source: "sheet" });
    expect(offerSavePlan([sheet], check, valued([sheet])).kind).toBe("blocked");
  });

  it("round trip through the fake workbook: created, then updated in place, and read back to the same value", async () => {
    const fake = new FakeExcel();
    fake.state.addSheet("Sheet1");
    const port = fakeWorkbookPort(fake);

    const first = offerSavePlan(await port.readTables(), check, valued(await port.readTables()));
    if (first.kind !== "create") throw new Error(first.kind);
    expect((await port.insertExample([first.table])).inserted).toEqual(["Offers"]);

    const raised = { ...check, pay: "160000" };
    const tables = await port.readTables();
    const second = offerSavePlan(tables, raised, valued(tables, raised));
    if (second.kind !== "update") throw new Error(second.kind);
    await port.replaceRows(second.patch);

    const back = await port.readTables();
    const t = fake.state.tableValues("Offers");
    expect(t.rows.length).toBe(1);
    // 160,000 − 75,000 = 85,000 of target variable; 85,000 × 80% = 68,000; gap 160,000 − 143,000 = 17,000.
    const ctx = offerContext(back);
    expect(ctx.workbookOffers.map((o) => [o.name, o.base.toString(), o.targetVariable.toString()])).toEqual([
      ["Published check", "75000", "85000"],
    ]);
    const result = compareOffers(ctx, offerChoices(ctx, null)).results[0];
    expect(result.gapToOte.toString()).toBe("17000");
  });
});

describe("offer comparison", () => {
  const acme = acmeExample().map((t) => table(t.name, [...t.headers], t.rows));

  it("puts the form first, replacing the workbook row it edits, and values up to four together", () => {
    const ctx = offerContext(acme);
    const edited = valued(acme, { ...check, name: "current JOB" });
    const choices = offerChoices(ctx, edited);
    expect(choices.map((c) => [c.name, c.fromForm])).toEqual([
      ["current JOB", true],
      ["Growth-stage director", false],
      ["Late-stage director", false],
    ]);
    const c = compareOffers(ctx, choices);
    expect(c.results.map((r) => r.offer.name)).toEqual(["current JOB", "Growth-stage director", "Late-stage director"]);
    // Three offers: three pairs.
    expect(c.breakEvens.map((b) => [b.first, b.second])).toEqual([
      ["current JOB", "Growth-stage director"],
      ["current JOB", "Late-stage director"],
      ["Growth-stage director", "Late-stage director"],
    ]);
  });

  it("says where two linear offers break even", () => {
    // A: base 100,000 + 100,000 × a; B: base 150,000 + 50,000 × a. Equal where 100,000 a − 50,000 a = 50,000: a = 100%.
    const a = { ...check, name: "A", base: "100000", pay: "200000", expectedAttainment: "100" };
    const b = { ...check, name: "B", base: "150000", pay: "200000", expectedAttainment: "100" };
    const ctx = offerContext([]);
    const c = compareOffers(ctx, [
      { name: "A", fromForm: true, offer: valued([], a) },
      { name: "B", fromForm: false, offer: valued([], b) },
    ]);
    expect(c.breakEvens).toEqual([
      { first: "A", second: "B", text: "equal at 100% attainment; above it, A pays more" },
    ]);
    expect(breakEvenWords("A", { other: "B", kind: "none", at: [], aheadBelow: "other" })).toBe(
      "B pays more at every attainment from 0% to 300%",
    );
  });
});
