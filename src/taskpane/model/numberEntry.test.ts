import { canonicalNumber, numberLocaleOf } from "./numberEntry";

const us = numberLocaleOf("en-US");
const de = numberLocaleOf("de-DE");
const fr = numberLocaleOf("fr-FR");
const ch = numberLocaleOf("de-CH");
const read = (text: string, locale = us) => {
  const r = canonicalNumber(text, locale);
  return r.ok ? r.text : `refused: ${r.message}`;
};

describe("numbers typed in the user's locale", () => {
  it("takes the separators from the locale", () => {
    expect([us.decimal, us.group]).toEqual([".", ","]);
    expect([de.decimal, de.group]).toEqual([",", "."]);
    expect(fr.decimal).toBe(",");
    expect(ch.decimal).toBe(".");
  });

  it("reads en-US: a dot for decimals, commas grouping thousands", () => {
    expect(
      ["1.5", "1,500", "1,234,567.89", "$150,000", "-2.5", "85%", "1.5x", ".5", "1 500"].map((t) => read(t)),
    ).toEqual(["1.5", "1500", "1234567.89", "$150000", "-2.5", "85%", "1.5x", "0.5", "1500"]);
  });

  it("refuses in en-US what only a comma-decimal locale writes, instead of reading 1,5 as 15", () => {
    expect(read("1,5")).toBe(
      'refused: "1,5" is not a number in your format (en-US: a dot for decimals). Type it like 1.5 or 1,500.',
    );
    expect(read("1.234,5")).toMatch(/^refused/);
    expect(read("12,50%")).toMatch(/^refused/);
  });

  it("reads de-DE: a comma for decimals, dots grouping thousands", () => {
    expect(["1,5", "1.500", "1.234.567,89", "-2,5", "85,5%", "1,5×", "1 500,25"].map((t) => read(t, de))).toEqual([
      "1.5",
      "1500",
      "1234567.89",
      "-2.5",
      "85.5%",
      "1.5×",
      "1500.25",
    ]);
  });

  it("refuses in de-DE what only a dot-decimal locale writes", () => {
    expect(read("1.5", de)).toBe(
      'refused: "1.5" is not a number in your format (de-DE: a comma for decimals). Type it like 1,5 or 1.500.',
    );
    expect(read("1,234.5", de)).toMatch(/^refused/);
  });

  it("reads fr-FR with spaces grouping, and refuses a dot there", () => {
    expect(read("1\u202F500,5", fr)).toBe("1500.5");
    expect(read("1.500", fr)).toMatch(/^refused/);
  });
});
