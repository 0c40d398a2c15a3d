import fc from "fast-check";
import { Decimal } from "../../src/engine/decimal";
import type { CellParser, Parsed } from "../../src/workbook/parse/cells/cell";
import { date, serialToIso } from "../../src/workbook/parse/cells/dates";
import { choice, yesNo } from "../../src/workbook/parse/cells/enums";
import { cachedMoney, money, quotaProblem } from "../../src/workbook/parse/cells/money";
import { multiple } from "../../src/workbook/parse/cells/multiple";
import { parseNumberText } from "../../src/workbook/parse/cells/numbers";
import { percent } from "../../src/workbook/parse/cells/percent";
import { currencyCode } from "../../src/workbook/parse/cells/text";

const value = <T>(p: Parsed<T>): T => {
  if (!p.ok) throw new Error(`expected a value, got: ${p.message}`);
  return p.value;
};
const message = <T>(p: Parsed<T>): string => {
  if (p.ok) throw new Error(`expected a failure, got ${String(p.value)}`);
  return p.message;
};
const read = <T>(parser: CellParser<T>, cell: string | number | boolean, format: string | null = null, label = "Col") =>
  parser(cell, { label, format });
const str = (d: Decimal) => d.toString();

describe("number text", () => {
  it.each([
    ["1200", "1200"],
    ["1,200.50", "1200.5"],
    ["$1,200.50", "1200.5"],
    ["(1,200.50)", "-1200.5"],
    ["-1200", "-1200"],
    ["−1200", "-1200"], // Unicode minus
    ["USD 1,200", "1200"],
    ["1,200 USD", "1200"],
    ["-$5", "-5"],
    ["$-5", "-5"],
    ["$(5)", "-5"],
    ["US$ 12", "12"],
    ["1 234 567.5", "1234567.5"],
    [".5", "0.5"],
    ["1.2000", "1.2"], // a dot is the decimal point…
    ["0.125", "0.125"],
    ["1.5e3", "1500"],
  ])("%s -> %s", (text, expected) => {
    expect(str(value(parseNumberText(text)).value)).toBe(expected);
  });

  it.each(["€1.200,50", "1.200,50 €", "1,5", "1,20", "1200,50", "1.200.000", "1 200,50"])(
    "refuses comma-decimal %s as ambiguous",
    (text) => {
      expect(message(parseNumberText(text))).toContain("ambiguous number format");
    },
  );

  it.each(["abc", "12abc", "abc 12", "--5", "(-5)", "$", "12,34,567", ""])("refuses %s", (text) => {
    expect(message(parseNumberText(text))).toBe(`"${text.trim()}" is not a number`);
  });

  it.each([
    ["300.000", "300000", "300"],
    ["€300.000", "300000", "300"],
    ["1.200", "1200", "1.2"],
    ["-45.500 USD", "45500", "45.5"],
  ])(
    "…but refuses the amount %s, one dot and three digits after it, as ambiguous (where a dot groups thousands it is %s)",
    (text, thousands, decimal) => {
      expect(message(parseNumberText(text, { amount: true }))).toBe(
        `"${text}" has an ambiguous number format: it reads ${thousands} where a dot groups thousands; write ${thousands} or ${decimal} (no dots for thousands)`,
      );
      // Not an amount (an FX rate of 1.085; a number the pane's locale has already read): the dot is the decimal point.
      expect(str(value(parseNumberText(text)).value).replace("-", "")).toBe(decimal);
    },
  );

  it("notes % and x suffixes", () => {
    expect(value(parseNumberText("120%"))).toMatchObject({ percent: true, multiple: false });
    expect(str(value(parseNumberText("120%")).value)).toBe("120");
    expect(value(parseNumberText("1.5x"))).toMatchObject({ percent: false, multiple: true });
  });
});

describe("money", () => {
  it("keeps a number cell's shortest round-trip text, so 0.1 stays 0.1", () => {
    expect(str(value(read(money, 0.1)))).toBe("0.1");
    // 0.1 + 0.2 in a cell (a formula result) is exactly what the cell holds.
    expect(str(value(read(money, 0.1 + 0.2)))).toBe("0.30000000000000004");
    expect(str(value(read(money, 1200.5)))).toBe("1200.5");
    expect(str(value(read(money, -0)))).toBe("0");
    expect(str(value(read(money, 89163.8)))).toBe("89163.8");
  });

  it("reads every finite number cell within ±1e13 as the Decimal of its shortest text, and refuses the rest", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = read(money, n);
        if (Math.abs(n) <= 1e13) expect(value(r).eq(new Decimal(String(n)))).toBe(true);
        else expect(message(r)).toMatch(/is beyond ±10,000,000,000,000 \(ten trillion\)/);
      }),
    );
    // The text 1e309 is a finite Decimal but no double: refused before it could become Infinity on a sheet.
    expect(message(read(money, "1e309", null, "Amount"))).toBe(
      'Amount "1e309" is beyond ±10,000,000,000,000 (ten trillion): no single amount, quota or pay in a plan is that large',
    );
    expect(str(value(read(money, 1e13)))).toBe("10000000000000");
    // At the limit's own exponent the digits decide; below it, every amount is within.
    expect(str(value(read(money, "-10,000,000,000,000")))).toBe("-10000000000000");
    expect(str(value(read(money, "9999999999999.99")))).toBe("9999999999999.99");
    expect(message(read(money, "10000000000000.01"))).toMatch(/is beyond ±10,000,000,000,000/);
    expect(message(read(money, "-19000000000000"))).toMatch(/is beyond ±10,000,000,000,000/);
  });

  it("takes a quota of 0 or at least a cent", () => {
    for (const ok of ["0", "0.01", "0.010", "0.0100001", "1", "1e13"])
      expect(quotaProblem(new Decimal(ok), "Quota")).toBeNull();
    for (const [under, shown] of [
      ["0.0099999", "0.0099999"],
      ["0.001", "0.001"],
      ["1e-300", "1e-300"],
    ])
      expect(quotaProblem(new Decimal(under), "Quota")).toBe(
        `Quota ${shown} is less than a cent: a quota is 0 (nothing to attain) or at least 0.01`,
      );
    expect(quotaProblem(new Decimal("-0.01"), "Quota")).toBe("Quota can't be negative");
  });

  it("reads a number cell once when cached (one Decimal for a repeated quota), and says as much as money of the rest", () => {
    const cached = cachedMoney();
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1200.5)),
        (n) => {
          const direct = read(money, n, null, "Quota");
          const first = read(cached, n, null, "Quota");
          const again = read(cached, n, null, "Quota");
          if (direct.ok) {
            expect(value(first).eq(direct.value)).toBe(true);
            expect(value(again)).toBe(value(first));
          } else {
            expect(message(first)).toBe(message(direct));
            // A refusal is made for its own column: not one remembered under another label.
            expect(message(read(cached, n, null, "Target"))).toBe(message(read(money, n, null, "Target")));
          }
        },
      ),
    );
    expect(str(value(read(cached, "$1,200.50")))).toBe("1200.5");
    expect(message(read(cached, "12%", null, "Quota"))).toBe('Quota "12%" is a percent, not an amount');
  });

  it("reads money text and refuses percents and booleans", () => {
    expect(str(value(read(money, "$1,200.50")))).toBe("1200.5");
    // Scientific notation, as Excel shows a large number stored as text (documented in docs/workbook.md).
    expect(str(value(read(money, "5.377e5")))).toBe("537700");
    expect(message(read(money, "12%", null, "Base"))).toBe('Base "12%" is a percent, not an amount');
    expect(message(read(money, true, null, "Base"))).toBe("Base TRUE is not an amount");
    expect(message(read(money, "twelve", null, "Base"))).toBe('Base "twelve" is not a number');
  });
});

describe("percent", () => {
  it("accepts 1.2 as a number (formatted 0% or not), 120% as text, 1.2 as text", () => {
    expect(str(value(read(percent, 1.2)))).toBe("1.2");
    expect(str(value(read(percent, 1.2, "0%")))).toBe("1.2");
    expect(str(value(read(percent, "120%")))).toBe("1.2");
    expect(str(value(read(percent, "1.2")))).toBe("1.2");
    expect(str(value(read(percent, "12.5 %")))).toBe("0.125");
  });

  it("refuses a plain number above 3 as a probable percent", () => {
    expect(message(read(percent, 70, null, "Weight"))).toBe("Weight 70 looks like 70%; write 70% or 0.7");
    expect(message(read(percent, "120", null, "Threshold"))).toBe("Threshold 120 looks like 120%; write 120% or 1.2");
    // 3 itself is a plausible fraction (300%).
    expect(str(value(read(percent, 3)))).toBe("3");
    // With a % format the cell says what it means: 70 formatted 0% shows 7000%.
    expect(str(value(read(percent, 70, "0.0%")))).toBe("70");
  });
});

describe("multiple", () => {
  it("reads 1.5, 1.5x and 150% as 1.5 and refuses 150 as a probable percent", () => {
    expect(str(value(read(multiple, 1.5)))).toBe("1.5");
    expect(str(value(read(multiple, "1.5x")))).toBe("1.5");
    expect(str(value(read(multiple, "150%")))).toBe("1.5");
    expect(message(read(multiple, 150, null, "Rate"))).toBe("Rate 150 looks like 150%; write 150% or 1.5x");
  });
});

describe("dates", () => {
  it("reads Excel serials in the 1900 system", () => {
    expect(value(serialToIso(45658))).toBe("2025-01-01");
    expect(value(serialToIso(1))).toBe("1900-01-01");
    expect(value(serialToIso(59))).toBe("1900-02-28");
    // Serial 60 is the fake 1900-02-29; 61 is 1 March.
    expect(message(serialToIso(60))).toContain("29 February 1900");
    expect(value(serialToIso(61))).toBe("1900-03-01");
    // 45658 + 365 (2025 is not leap) = 46023 = 2026-01-01; +31 + 14 = 46068 = 2026-02-15.
    expect(value(serialToIso(46068))).toBe("2026-02-15");
    // A time of day is dropped.
    expect(value(serialToIso(45658.75))).toBe("2025-01-01");
    expect(message(serialToIso(0))).toContain("not a date");
  });

  it("reads ISO and year-first slash text, and refuses the rest", () => {
    expect(value(read(date, "2026-02-15"))).toBe("2026-02-15");
    expect(value(read(date, "2026/2/5"))).toBe("2026-02-05");
    expect(value(read(date, "2026-02-15T00:00:00Z"))).toBe("2026-02-15");
    expect(message(read(date, "2026-02-30", null, "StartDate"))).toBe('StartDate "2026-02-30" is not a real date');
    expect(message(read(date, "02/15/2026", null, "StartDate"))).toBe(
      'StartDate "02/15/2026" is not a date; enter an Excel date or write it as 2026-02-15',
    );
    expect(message(read(date, 60, "yyyy-mm-dd", "StartDate"))).toMatch(/^StartDate 60 is Excel's 29 February 1900/);
  });
});

describe("choices", () => {
  const period = choice<"Month" | "Quarter" | "Year">({
    Month: ["Monthly", "M"],
    Quarter: ["Quarterly", "Q"],
    Year: ["Annual", "Annually", "Y"],
  });
  const drawType = choice<"Recoverable" | "NonRecoverable">({ Recoverable: [], NonRecoverable: [] });

  it("matches case, spacing and punctuation loosely, with aliases", () => {
    expect(value(read(period, "monthly"))).toBe("Month");
    expect(value(read(period, " q "))).toBe("Quarter");
    expect(value(read(period, "ANNUALLY"))).toBe("Year");
    expect(value(read(drawType, "non-recoverable"))).toBe("NonRecoverable");
  });

  it("lists the accepted values when it fails", () => {
    expect(message(read(period, "Weekly", null, "Period"))).toBe('Period "Weekly" is not one of Month, Quarter, Year');
  });

  it("reads yes/no in every usual spelling", () => {
    expect([true, "Yes", "TRUE", "1", 1, "y"].map((c) => value(read(yesNo, c)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([false, "No", "false", "0", 0, "N"].map((c) => value(read(yesNo, c)))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(message(read(yesNo, "maybe", null, "Cumulative"))).toBe(
      'Cumulative "maybe" is not one of Yes, No, True, False, 1, 0',
    );
  });

  it("upper-cases currency codes", () => {
    expect(value(read(currencyCode, " eur "))).toBe("EUR");
    expect(message(read(currencyCode, "Euro", null, "Currency"))).toBe(
      'Currency "Euro" is not a 3-letter currency code like USD',
    );
  });
});

describe("number text, property", () => {
  it("reads back any amount written the US way, with $, grouping and accounting parentheses", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        (whole, cents, negative) => {
          const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
          const body = `$${grouped}.${String(cents).padStart(2, "0")}`;
          const written = negative ? `(${body})` : body;
          const expected = new Decimal(`${whole}.${String(cents).padStart(2, "0")}`);
          const read = value(parseNumberText(written)).value;
          return read.eq(negative ? expected.neg() : expected);
        },
      ),
    );
  });
});
