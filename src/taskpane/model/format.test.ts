import { Decimal } from "../../engine";
import {
  formatCount,
  formatMoney,
  formatMoneyCompact,
  formatMoneyDelta,
  formatMultiple,
  formatNumber,
  formatPercent,
  localizeFigures,
  localizeNoteAmounts,
} from "./format";
import { numberLocaleOf, setEntryLocale } from "./numberEntry";

describe("pane formatting", () => {
  it("rewrites the engine's en-US percents and multiples as the pane writes figures (band checks, offer warnings)", () => {
    const de = numberLocaleOf("de-DE");
    const us = numberLocaleOf("en-US");
    const gap = "Gap between 150% and 162.5%: no band's rate applies there, up to 1000% (E1205, 2026-Q3)";
    expect(localizeFigures(gap, de)).toBe(
      "Gap between 150\u00A0% and 162,5\u00A0%: no band's rate applies there, up to 1.000\u00A0% (E1205, 2026-Q3)",
    );
    expect(localizeFigures(gap, us)).toBe(
      "Gap between 150% and 162.5%: no band's rate applies there, up to 1,000% (E1205, 2026-Q3)",
    );
    expect(localizeFigures("modelled as 1.0× target variable per 100% of quota", de)).toBe(
      "modelled as 1,0× target variable per 100\u00A0% of quota",
    );
  });

  it("writes an adjustment's amount in a statement's notes as money in the rep's currency", () => {
    const notes = "Clawback 30000: Customer churned within 90 days; SPIF 1500.5";
    expect(localizeNoteAmounts(notes, "USD", numberLocaleOf("en-US"))).toBe(
      "Clawback $30,000: Customer churned within 90 days; SPIF $1,501",
    );
    expect(localizeNoteAmounts(notes, "USD", numberLocaleOf("de-DE"))).toBe(
      "Clawback 30.000\u00A0$: Customer churned within 90 days; SPIF 1.501\u00A0$",
    );
  });

  it("shows money in whole units with the currency's symbol, and a code Intl does not know as a prefix", () => {
    expect(formatMoney(new Decimal("15000"), "USD")).toBe("$15,000");
    // Half a unit rounds away from zero, like Excel's ROUND.
    expect(formatMoney(3404203.5, "USD")).toBe("$3,404,204");
    expect(formatMoney(-0.4, "USD")).toBe("$0");
    expect(formatMoney(92500, "EUR")).toBe("€92,500");
    expect(formatMoney(1200, "XYZ1")).toBe("XYZ1 1,200");
  });

  it("percents, multiples, expected counts and signed differences", () => {
    expect(formatPercent(new Decimal("0.12"))).toBe("12%");
    expect(formatPercent(0.093738)).toBe("9.4%");
    expect(formatMultiple(new Decimal("0.8846"))).toBe("0.88×");
    expect(formatCount(19)).toBe("19");
    expect(formatCount(12.345)).toBe("12.3");
    expect(formatCount(10_000)).toBe("10,000");
    expect(formatMoneyDelta(120000, "USD")).toBe("+$120,000");
    expect(formatMoneyDelta(-8000, "USD")).toBe("−$8,000");
    expect(formatMoneyDelta(0.2, "USD")).toBe("$0");
    expect(formatMoneyCompact(217_000, "USD")).toBe("$217K");
    expect(formatNumber(0.5)).toBe("0.5");
  });

  describe("in the pane's locale (de-DE: Intl's own rendering, the words unchanged)", () => {
    const de = numberLocaleOf("de-DE");
    // Intl writes a no-break space between a figure and its % or currency sign in de-DE.
    const nb = (s: string) => s.replace(/ /g, "\u00A0");

    it("given the locale", () => {
      expect(formatMoney(new Decimal("1234567"), "USD", de)).toBe(nb("1.234.567 $"));
      expect(formatMoney(-0.4, "EUR", de)).toBe(nb("0 €"));
      expect(formatMoney(1200, "XYZ1", de)).toBe("XYZ1 1.200");
      expect(formatPercent(0.875, 1, de)).toBe(nb("87,5 %"));
      expect(formatPercent(new Decimal("0.12"), 1, de)).toBe(nb("12 %"));
      expect(formatMultiple(new Decimal("0.8846"), de)).toBe("0,88×");
      expect(formatCount(12.345, de)).toBe("12,3");
      expect(formatCount(10_000, de)).toBe("10.000");
      expect(formatMoneyDelta(-8000, "USD", de)).toBe(nb("−8.000 $"));
      expect(formatNumber(0.5, 1, 0, de)).toBe("0,5");
    });

    it("by default, once the pane has set it (and back)", () => {
      setEntryLocale("de-DE");
      try {
        expect([formatMoney(1234567, "USD"), formatPercent(0.875), formatCount(490011)]).toEqual([
          nb("1.234.567 $"),
          nb("87,5 %"),
          "490.011",
        ]);
      } finally {
        setEntryLocale("en-US");
      }
      expect([formatMoney(1234567, "USD"), formatPercent(0.875), formatCount(490011)]).toEqual([
        "$1,234,567",
        "87.5%",
        "490,011",
      ]);
    });

    it("a tag Intl refuses shows the US convention rather than failing", () => {
      expect(formatPercent(0.875, 1, numberLocaleOf("not a locale"))).toBe("87.5%");
    });
  });
});
