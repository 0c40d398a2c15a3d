import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../xlsx/read";
import { table } from "../../../test/workbook/tables";
import { formatPercent } from "./format";
import { EMPTY_DRAFT, type OfferDraft } from "./offerDraft";
import { evaluateDraft, offerContext, type OfferContext } from "./offerEvaluation";
import { spreadWords } from "./offerSpread";

// Solo pays on the candidate's own bookings (basis Individual); Team on the team's.
const plans = [
  table(
    "Plans",
    ["Plan", "Measure", "Basis"],
    [
      ["Solo", "Bookings", "Individual"],
      ["Team", "Bookings", "Team"],
    ],
  ),
  table(
    "Tiers",
    ["Plan", "Measure", "From", "To", "Rate"],
    [
      ["Solo", "Bookings", 0, null, 1],
      ["Team", "Bookings", 0, null, 1],
    ],
  ),
];
const bare = offerContext(plans);
const acme = offerContext(readXlsx(new Uint8Array(readFileSync(join(__dirname, "../../../examples/acme-comp.xlsx")))));

const words = (d: Partial<OfferDraft>, ctx: OfferContext = bare) => {
  const e = evaluateDraft(
    { ...EMPTY_DRAFT, name: "X", base: "100000", pay: "200000", expectedAttainment: "90", ...d },
    ctx,
  );
  expect([...e.problems.values(), ...e.general]).toEqual([]);
  return spreadWords(e.result!);
};

describe("the spread shown next to an offer's realistic figures", () => {
  it("names where the org's year-to-year spread came from", () => {
    expect(words({ spreadKind: "StdDev", spread: "12" }).text).toBe("±12% (StdDev)");
    expect(words({ spreadKind: "StdDev", spread: "0" }).text).toBe("±0% (StdDev 0)");
    expect(words({}).text).toBe("±10% (Default)");
    // The example's AttainmentHistory spans 2023–2025: the org's spread measured there.
    const h = acme.spreadHistory!;
    expect(words({}, acme).text).toBe(`±${formatPercent(h.spread)} (Org history ${h.firstYear}–${h.lastYear})`);
    expect(words({}, acme).text).toMatch(/^±\d+(\.\d)?% \(Org history 2023–2025\)$/);
    // A StdDev wins over the history.
    expect(words({ spreadKind: "StdDev", spread: "6.5" }, acme).text).toBe("±6.5% (StdDev)");
  });

  it("uses a share of reps at quota only on an individual-contributor plan", () => {
    const solo = words({ plan: "Solo", spread: "40" });
    expect(solo.text).toMatch(/^±[\d.]+% \(ShareAtQuota \(individual plan\)\)$/);
    expect(solo.tooltip).toMatch(/^One rep's spread/);
    expect(words({ plan: "Team", spread: "40" }).text).toBe("±10% (Default)");
  });

  it("explains in a tooltip that it is the year-to-year spread of the org's attainment", () => {
    for (const w of [words({ spreadKind: "StdDev", spread: "12" }), words({}), words({}, acme)])
      expect(w.tooltip).toMatch(/^The year-to-year spread of the org's attainment/);
    expect(words({}, acme).tooltip).toContain("over 3 plan years");
    expect(words({}).tooltip).toContain("10% is assumed");
  });
});
