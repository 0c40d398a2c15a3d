import { Decimal } from "../../engine";
import { formatCount, formatMoney, formatMoneyDelta, formatMultiple, formatPercent } from "./format";

describe("pane formatting", () => {
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
  });
});
