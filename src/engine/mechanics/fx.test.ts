import { describe, expect, it } from "@jest/globals";
import { Decimal } from "../decimal";
import type { Settings } from "../types";
import { fxRate, toReporting, toReportingRounded } from "./fx";

const d = (s: string) => new Decimal(s);
const settings: Settings = {
  reportingCurrency: "USD",
  fiscalYearStartMonth: 1,
  planYear: 2026,
  fxRates: new Map([
    ["USD", d("1")],
    ["EUR", d("1.08")],
    ["JPY", d("0.0067")],
  ]),
};

describe("toReporting", () => {
  it("multiplies by units of the reporting currency per unit of the rep's currency", () => {
    // 1,000 EUR × 1.08 = 1,080 USD
    expect(toReporting(d("1000"), "EUR", settings).toString()).toBe("1080");
    // 123,456 JPY × 0.0067 = 827.1552 USD
    expect(toReporting(d("123456"), "JPY", settings).toString()).toBe("827.1552");
  });

  it("leaves the reporting currency as it is, whatever the case", () => {
    expect(toReporting(d("12.34"), "usd", { ...settings, fxRates: new Map() }).toString()).toBe("12.34");
    expect(fxRate("eur", settings).toString()).toBe("1.08");
  });

  it("throws a clear error for a currency without a rate", () => {
    expect(() => toReporting(d("1"), "GBP", settings)).toThrow("No FX rate for GBP: add FX:GBP to Settings");
  });
});

describe("toReportingRounded", () => {
  it("converts a total of rounded lines, then rounds once to the reporting currency's minor unit", () => {
    // three EUR lines of 333.33 = 999.99 EUR; × 1.08 = 1,079.9892 → 1,079.99 USD
    const total = d("333.33").times(3);
    expect(toReportingRounded(total, "EUR", settings).toString()).toBe("1079.99");
    // 123,456 JPY → 827.1552 → 827.16 USD
    expect(toReportingRounded(d("123456"), "JPY", settings).toString()).toBe("827.16");
  });

  it("rounds halves away from zero, to whole yen when reporting in JPY", () => {
    const jpy: Settings = { ...settings, reportingCurrency: "JPY", fxRates: new Map([["USD", d("150")]]) };
    // 10.01 USD × 150 = 1,501.5 JPY → 1,502; a −10.01 clawback → −1,502
    expect(toReportingRounded(d("10.01"), "USD", jpy).toString()).toBe("1502");
    expect(toReportingRounded(d("-10.01"), "USD", jpy).toString()).toBe("-1502");
  });
});
