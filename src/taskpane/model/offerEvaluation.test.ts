import { Decimal, DEFAULT_ORG_SPREAD, normalCdf, normalPdf } from "../../engine";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readOffers } from "../../workbook/parse/offers";
import { OFFERS_SHEET, offersSheet } from "../../workbook/render/offers";
import { runWorkbook } from "../../workbook/run";
import { readXlsx } from "../../xlsx/read";
import { DEFAULT_SETTINGS } from "../../workbook/parse/settings";
import { readPlans } from "../../workbook/parse/plans";
import type { Issue, RawTable } from "../../workbook/types";
import { OFFER_COLUMNS } from "./offerColumns";
import { canonicalAmount, numberLocaleOf, setEntryLocale } from "./numberEntry";
import { amountOf, draftCells, EMPTY_DRAFT, percentOf, percentShown, type OfferDraft } from "./offerDraft";
import { compareOffers, offerChoices } from "./offerComparison";
import { draftTable, evaluateDraft, offerContext, planNeedsQuota } from "./offerEvaluation";
import { table } from "../../../test/workbook/tables";

// Director: 1.0× to 100%, 1.5× above (marginal). Commission pays 10% of bookings, so an offer on it needs a quota.
const tables = [
  table(
    "Plans",
    ["Plan", "Measure", "RateType"],
    [
      ["Director", "Bookings", null],
      ["Commission", "Bookings", "Percent"],
    ],
  ),
  table(
    "Tiers",
    ["Plan", "Measure", "From", "To", "Rate"],
    [
      ["Director", "Bookings", 0, 1, 1],
      ["Director", "Bookings", 1, null, 1.5],
      ["Commission", "Bookings", 0, null, "10%"],
    ],
  ),
];
const ctx = offerContext(tables, new Date("2026-06-15"));
const d = (v: string) => new Decimal(v);
const draft = (d: Partial<OfferDraft>): OfferDraft => ({ ...EMPTY_DRAFT, name: "Candidate", ...d });

describe("offer form: typed text to Offers cells", () => {
  it("refuses an amount written with the other convention's thousands, never reading 150,000 as 150", () => {
    const de = numberLocaleOf("de-DE");
    const us = numberLocaleOf("en-US");
    expect([amountOf("150,000", de), amountOf("$150,000", de), amountOf("1,500k", de)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect([amountOf("150.000", us), amountOf("150.000 $", us)]).toEqual([undefined, undefined]);
    // Unambiguous ones are still read.
    expect([amountOf("150.000", de), amountOf("150,5", de), amountOf("150,000", us), amountOf("150.5", us)]).toEqual([
      150000, 150.5, 150000, 150.5,
    ]);
    expect(canonicalAmount("150,000", de)).toEqual({
      ok: false,
      message:
        '"150,000" is not a clear amount in your format (de-DE: a comma for decimals). Type 150.000 for 150 thousand, or 150.',
    });
    setEntryLocale("de-DE");
    try {
      const { cells, problems } = draftCells(draft({ base: "150,000", signOnBonus: "1.5", equityValue: "20.000" }));
      expect(cells.base).toBeNull();
      expect(problems.get("base")).toMatch(/^"150,000" is not a clear amount in your format \(de-DE/);
      expect(problems.get("signOnBonus")).toMatch(/^"1.5" is not a number in your format \(de-DE/);
      expect(cells.equityValue).toBe(20000);
    } finally {
      setEntryLocale("en-US");
    }
  });

  it("reads amounts and percents the way a candidate types them", () => {
    expect(amountOf("150,000")).toBe(150000);
    expect(amountOf("$150k")).toBe(150000);
    expect(amountOf("1.2m")).toBe(1200000);
    expect(amountOf("")).toBeNull();
    expect(amountOf("lots")).toBeUndefined();
    expect(percentOf("80")).toBe(0.8);
    expect(percentOf("80%")).toBe(0.8);
    expect(percentOf("12.5")).toBe(0.125);
    // 85, 85% and 0.85 all mean 85%: a plain number up to 1.5 is a fraction, and the field says how it was read.
    expect([percentOf("85"), percentOf("85%"), percentOf("0.85"), percentOf("1.2"), percentOf("2")]).toEqual([
      0.85, 0.85, 0.85, 1.2, 0.02,
    ]);
    expect([percentShown("0.85"), percentShown("85"), percentShown("2"), percentShown("")]).toEqual([
      "= 85%",
      "= 85%",
      "= 2%",
      null,
    ]);
    // In a comma-decimal locale, 0,85 is 85% and 1.500 is one thousand five hundred.
    const de = numberLocaleOf("de-DE");
    expect([percentOf("0,85", de), amountOf("1.500", de), amountOf("1,5k", de), percentShown("0,855", de)]).toEqual([
      0.85,
      1500,
      1500,
      "= 85,5\u00A0%", // as the pane writes a percent in de-DE, not "85,5%"
    ]);
    expect(amountOf("1,5")).toBeUndefined(); // en-US: refused, not 15
    const { cells, problems } = draftCells(
      draft({ base: "75k", pay: "150,000", expectedAttainment: "80", startDate: "2026-03-01", rampMonths: "2.5" }),
    );
    expect(cells.base).toBe(75000);
    expect(cells.ote).toBe(150000);
    expect(cells.targetVariable).toBeNull();
    expect(cells.expectedAttainment).toBe(0.8);
    // 2026-03-01 is Excel day 46082 (as the example's StartDate column holds it).
    expect(cells.startDate).toBe(46082);
    expect(problems.get("rampMonths")).toBe("Type a whole number, like 12");
  });
});

describe("offer form: valued by the engine", () => {
  it("the published check: OTE 150,000 at 50/50, linear and uncapped, org at 80%, is 15,000 below OTE", () => {
    // No StdDev and no AttainmentHistory: the org's attainment is A ~ N(0.8, 0.1), the default org spread.
    // Linear, uncapped: expected variable 75,000 × E[max(A, 0)] = 75,000 × (0.8 Φ(8) + 0.1 φ(8)) = 60,000 to the
    // cent; expected cash 75,000 + 60,000 = 135,000; gap 150,000 − 135,000 = 15,000 = 10% of OTE.
    const e = evaluateDraft(draft({ base: "75000", pay: "150000", expectedAttainment: "80" }), ctx);
    expect(e.problems.size).toBe(0);
    const r = e.result!;
    expect(r.ote.toString()).toBe("150000");
    expect(r.expectedVariable.toString()).toBe("60000");
    expect(r.steadyStateExpected.toString()).toBe("135000");
    expect(r.gapToOte.toString()).toBe("15000");
    expect(r.gapPct!.toString()).toBe("0.1");
    expect([r.spread.toString(), r.spreadSource]).toEqual([DEFAULT_ORG_SPREAD.toString(), "Default"]);
    // (The percentiles and the chance of OTE are the engine's: see src/engine/offers/evaluate.test.ts.)
    // No plan and equity-free: the engine asks for the bonus structure, nothing else.
    expect(e.warnings).toEqual([expect.stringMatching(/^no Plan given/)]);
  });

  it("StdDev 0 keeps the org flat at its mean: every percentile is the expected cash, and 80% never reaches OTE", () => {
    const e = evaluateDraft(
      draft({ base: "75000", pay: "150000", expectedAttainment: "80", spreadKind: "StdDev", spread: "0" }),
      ctx,
    );
    const r = e.result!;
    expect(r.spreadSource).toBe("None");
    expect([r.p10, r.p50, r.p90].map(String)).toEqual(["135000", "135000", "135000"]);
    expect(r.probReachOte.toString()).toBe("0");
  });

  it("a director at OTE 240,000 with base 144,000 and the org at 70% expects 67,200 of variable, 28,800 (12%) short", () => {
    // Target variable 240,000 − 144,000 = 96,000; linear and uncapped, so the spread leaves the expected variable at
    // 96,000 × 70% = 67,200 (but for the censoring at 0, nothing to the cent); gap 96,000 − 67,200 = 28,800 = 12% of 240,000.
    const r = evaluateDraft(draft({ base: "144000", pay: "240000", expectedAttainment: "70%" }), ctx).result!;
    expect(r.expectedVariable.toString()).toBe("67200");
    expect(r.gapToOte.toString()).toBe("28800");
    expect(r.gapPct!.toString()).toBe("0.12");
  });

  it("year one, equity and the four-year total", () => {
    // TV 100,000 at 100% (linear): 100,000 a year. Ramp 3 months earns 1/4, 2/4, 3/4 of a month:
    // 100,000/12 × (0.25 + 0.5 + 0.75 + 9) = 8,333.33… × 10.5 = 87,500. Year one = 100,000 + 87,500 + 10,000 sign-on.
    // Equity 120,000 over 4 years (12-month cliff): 30,000 a year. Four years = 197,500 + 3 × 200,000 + 120,000.
    const r = evaluateDraft(
      draft({
        base: "100000",
        payKind: "TargetVariable",
        pay: "100000",
        expectedAttainment: "100",
        rampMonths: "3",
        signOnBonus: "10000",
        equityValue: "120000",
        vestingYears: "4",
        cliffMonths: "12",
      }),
      ctx,
    ).result!;
    expect(r.yearOne.cash.toString()).toBe("197500");
    expect(r.equity.perYear.toString()).toBe("30000");
    expect(r.fourYearTotal.toString()).toBe("917500");
  });

  it("follows a workbook plan's accelerator and reports the parser's problems under their fields", () => {
    // Director plan (a + 0.5 (a − 1)⁺ of target) with the org at A ~ N(1.2, 0.1) (the default org spread):
    //   E[max(A, 0)] = 1.2 Φ(12) + 0.1 φ(12) = 1.2 (to 1e−32)
    //   E[(A − 1)⁺] = 0.2 Φ(2) + 0.1 φ(2) = 0.2 × 0.97724987 + 0.1 × 0.05399097 = 0.20084907
    //   multiple = 1.2 + 0.5 × 0.20084907 = 1.30042454 → 100,000 × 1.30042454 = 130,042.45; 30,042.45 above OTE.
    // (At a flat 120% it would be 1.3× = 130,000: the spread adds what the accelerator pays above the mean.)
    const r = evaluateDraft(
      draft({ base: "100000", pay: "200000", plan: "Director", expectedAttainment: "120" }),
      ctx,
    ).result!;
    const z = d("2");
    const byHand = d("100000")
      .times(
        d("1.2").plus(
          d("0.2")
            .times(normalCdf(z))
            .plus(d("0.1").times(normalPdf(z)))
            .div(2),
        ),
      )
      .toDecimalPlaces(2);
    expect(byHand.toString()).toBe("130042.45");
    expect(r.expectedVariable.toString()).toBe(byHand.toString());
    expect(r.gapToOte.toString()).toBe(d("200000").minus(d("100000").plus(byHand)).toString());
    expect(r.gapToOte.toString()).toBe("-30042.45");

    const bad = evaluateDraft(draft({ base: "100000", pay: "90000", expectedAttainment: "80", spread: "150" }), ctx);
    expect(bad.result).toBeNull();
    expect(bad.problems.get("pay")).toBe("OTE 90,000 is below Base 100,000");
    expect(bad.problems.get("spread")).toBe(
      "Share at quota must be between 0.1% and 99.9%: a spread cannot be fitted to 150% of reps at quota",
    );

    expect(planNeedsQuota(ctx, "Commission")).toBe(true);
    expect(planNeedsQuota(ctx, "Director")).toBe(false);
    const noQuota = evaluateDraft(draft({ base: "1", pay: "2", plan: "Commission" }), ctx);
    expect(noQuota.problems.get("quota")).toMatch(/needs its Annual quota above 0/);
  });

  it("names the form's fields as the form labels them, not the Offers columns behind them", () => {
    const said = (d: Partial<OfferDraft>) => {
      const e = evaluateDraft(draft(d), ctx);
      return { problems: Object.fromEntries(e.problems), general: e.general, warnings: e.warnings };
    };
    const offer = { base: "100000", pay: "200000" };
    expect(said({ ...offer, spread: "20", spreadKind: "StdDev" }).problems).toEqual({
      expectedAttainment: "A spread (Std dev) needs Expected attainment, the mean it spreads around (e.g. 70%)",
    });
    expect(said({ ...offer, rampMonths: "13" }).problems).toEqual({
      rampMonths: "Ramp months 13 is more than 12: the ramp is part of year one",
    });
    expect(said({ ...offer, vestingYears: "2", cliffMonths: "30" }).problems).toEqual({
      cliffMonths: "Cliff months 30 is longer than the 24-month vesting schedule",
    });
    expect(said({ ...offer, payKind: "TargetVariable", plan: "Commission", quota: "-5" }).problems).toEqual({
      quota: "Annual quota can't be negative",
    });
    expect(said({ base: "100000" }).problems).toEqual({
      pay: "Give two of Base, Target variable, OTE (only Base is given)",
    });
    // The engine's questions too, and a sentence that starts "Offer …" keeps its start.
    expect(said({ ...offer, rampGuarantee: "50", equityValue: "100000" }).warnings).toEqual(
      expect.arrayContaining([
        "Ramp guarantee is not used: the offer has no Ramp months",
        expect.stringMatching(/^the equity grant has no Vesting years and Cliff months; /),
      ]),
    );
    expect(said({ ...offer, expectedAttainment: "70", spread: "60" }).warnings).toContainEqual(
      expect.stringMatching(/^Share at quota is the share of individual reps at quota: .* Give Std dev for /),
    );
    expect(said({ ...offer, currency: "EUR" }).problems).toEqual({
      currency: "Offer Candidate is in EUR but Settings has no FX rate for it: add the setting FX:EUR (USD per 1 EUR)",
    });
    // No message of any of these names an Offers column the form labels otherwise.
    const columns = OFFER_COLUMNS.filter((c) => c.label !== c.name && c.key !== "offer").map((c) => c.name);
    const all = [
      { ...offer, spread: "150", expectedAttainment: "80" },
      { ...offer, spread: "20" },
      { ...offer, rampGuarantee: "50", equityValue: "1" },
      { ...offer, vestingYears: "0" },
      { ...offer, expectedAttainment: "70", spread: "60" },
      { ...offer, expectedAttainment: "0", spread: "10", spreadKind: "StdDev" as const },
      { base: "1", pay: "2", plan: "Commission" },
    ].flatMap((d) => {
      const s = said(d);
      return [...Object.values(s.problems), ...s.general, ...s.warnings];
    });
    expect(all.length).toBeGreaterThan(8);
    expect(all.filter((m) => columns.some((c) => new RegExp(`\\b${c}\\b`).test(m)))).toEqual([]);
  });
});

describe("offers in the example workbook (examples/acme-comp.xlsx)", () => {
  const acme = readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../../examples/acme-comp.xlsx"))));
  const run = (tables: typeof acme) => {
    const result = runWorkbook(tables, { sourceName: "acme-comp.xlsx", computedAt: new Date("2026-12-31T12:00:00Z") });
    expect(result.ok).toBe(true);
    return result.sheets.find((s) => s.name === OFFERS_SHEET)!;
  };
  const acmeCtx = offerContext(acme);

  it("the pane values the workbook's offers exactly as Results_Offers does, the org's history spread included", () => {
    const sheet = run(acme);
    const shown = compareOffers(acmeCtx, offerChoices(acmeCtx, null));
    // Every figure of every offer (spread and its source, percentiles, gap, totals, break-evens), as the sheet shows it.
    expect(offersSheet(shown.results, "").rows).toEqual(sheet.rows);
    // The current job states no StdDev: its spread is the org's year-to-year spread measured in AttainmentHistory.
    const source = sheet.columns.findIndex((c) => c.header === "Spread source");
    expect(sheet.rows.map((r) => r[source])).toContainEqual(expect.stringMatching(/^Org history \d{4}–\d{4}$/));
    expect(shown.results.map((r) => r.spreadSource)).toContain("AttainmentHistory");
  });

  it("the form's offer is valued as Results_Offers values the same row saved to the Offers table", () => {
    const form = draft({ name: "Published check", base: "75000", pay: "160000", plan: "AE", expectedAttainment: "80" });
    const e = evaluateDraft(form, acmeCtx);
    expect(e.result!.spreadSource).toBe("AttainmentHistory");

    // The form's cells under the example's Offers headers (every filled cell has its column there).
    const typed = draftTable(form);
    const cells = Object.fromEntries(typed.headers.map((h, i) => [h, typed.rows[0][i]]));
    const offers = acme.find((t) => t.name === "Offers" && t.source === "table")!;
    const row = offers.headers.map((h) => cells[h] ?? null);
    expect(row.filter((c) => c !== null)).toHaveLength(Object.values(cells).filter((c) => c !== null).length);
    const saved = acme.map((t) =>
      t === offers
        ? { ...t, rows: [...t.rows, row], numberFormats: t.numberFormats && [...t.numberFormats, t.numberFormats[0]] }
        : t,
    );
    const sheet = run(saved);
    const name = sheet.columns.findIndex((c) => c.header === "Offer");
    expect(offersSheet([e.result!], "").rows[0]).toEqual(sheet.rows.find((r) => r[name] === "Published check"));
  });
});

describe("offer columns", () => {
  it("every alias the form knows is read by the Offers parser into the same field", () => {
    const plans = readPlans({ Plans: tables[0], Tiers: tables[1] }, { known: null }, []);
    const values: Record<string, unknown> = {
      offer: "X",
      base: 100,
      targetVariable: 50,
      ote: 150,
      plan: "Director",
      quota: 1000,
      expectedAttainment: 0.9,
      stdDev: 0.2,
      shareAtQuota: 0.4,
      rampMonths: 2,
      rampGuarantee: 0.5,
      signOnBonus: 7,
      equityValue: 8,
      vestingYears: 3,
      cliffMonths: 6,
      vestingFrequency: "Quarterly",
      startDate: "2026-03-01",
      currency: "USD",
    };
    for (const column of OFFER_COLUMNS) {
      for (const header of [column.name, ...(column.aliases ?? [])]) {
        // The column under test spelled `header`, the others under their documented names (one spread only).
        const spread = column.key === "shareAtQuota" ? "stdDev" : "shareAtQuota";
        const others = OFFER_COLUMNS.filter((c) => c.key !== column.key && c.key !== spread);
        const headers = [header, ...others.map((c) => c.name)];
        const row = [values[column.key], ...others.map((c) => values[c.key])] as RawTable["rows"][number];
        const issues: Issue[] = [];
        const offers = readOffers(table("Offers", headers, [row]), { plans, settings: DEFAULT_SETTINGS }, issues);
        expect({ header, issues: issues.map((i) => i.message) }).toEqual({ header, issues: [] });
        const o = offers[0] as unknown as Record<string, { toString(): string } | null>;
        const field = column.key === "offer" ? "name" : column.key === "ote" ? "base" : column.key;
        expect({ header, value: String(o[field]) }).toEqual({
          header,
          value: column.key === "ote" ? "100" : String(values[column.key]),
        });
      }
    }
  });
});
