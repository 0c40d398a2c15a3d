import fc from "fast-check";
import { Decimal } from "../decimal";
import { roundMoney } from "./rounding";

describe("roundMoney", () => {
  it("rounds half away from zero to the currency's minor unit (Excel's ROUND)", () => {
    const r = (v: string, c: string) => roundMoney(new Decimal(v), c).toString();
    expect(r("2.345", "USD")).toBe("2.35");
    expect(r("-2.345", "USD")).toBe("-2.35");
    expect(r("2.3449999", "EUR")).toBe("2.34");
    expect(r("1.5", "JPY")).toBe("2");
    expect(r("-0.5", "JPY")).toBe("-1");
    expect(r("1.0005", "KWD")).toBe("1.001");
    // Already whole minor units: the value itself.
    expect(r("1200.5", "USD")).toBe("1200.5");
    expect(r("-7", "JPY")).toBe("-7");
  });

  it("agrees with toDecimalPlaces(minor units, ROUND_HALF_UP) on any amount, rounded or not", () => {
    const currencies = ["USD", "JPY", "KWD"] as const;
    const digits = { USD: 2, JPY: 0, KWD: 3 };
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...currencies),
        (int, places, currency) => {
          const amount = new Decimal(`${int.toString()}e-${places}`);
          const rounded = roundMoney(amount, currency);
          expect(rounded.eq(amount.toDecimalPlaces(digits[currency], Decimal.ROUND_HALF_UP))).toBe(true);
          expect(rounded.decimalPlaces()).toBeLessThanOrEqual(digits[currency]);
        },
      ),
    );
  });
});
