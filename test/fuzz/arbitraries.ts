import fc from "fast-check";
import type { CellValue, Mutation } from "./mutate";

/** Number text a cell could hold, typed or forged: the edges of doubles, of our limits, and of Excel's. */
const NUMBER_TEXT = [
  "0",
  "-0",
  "1",
  "-1",
  "0.5",
  "1.5",
  "85",
  "1e13",
  "1e14",
  "-1e13",
  "1e-300",
  "1e300",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "9007199254740993",
  "4294967296",
  "1048577",
  "46000",
  "2958466",
  "0.1",
  "0.005",
  "0.015",
  "",
  " ",
  "abc",
  "0x1F",
  "1,5",
];

/** Text a user could type into a table: IDs in other case, enum words, formulas, numbers as text, odd characters. */
const TEXT = [
  "",
  " ",
  "E1101",
  "e1101 ",
  "E1300",
  "E1000",
  "Baseline",
  "USD",
  "EUR",
  "JPY",
  "XXX",
  "2026-Q1",
  "2026-Q5",
  "2026-13",
  "2026-02-30",
  "Monthly",
  "Quarterly",
  "Annual",
  "Multiplier",
  "Rate",
  "Marginal",
  "Retroactive",
  "Curve",
  "Team",
  "Individual",
  "Historical",
  "Normal",
  "LogNormal",
  "Hold",
  "Clawback",
  "NegativePay",
  "=1+1",
  "@SUM(A1)",
  "+A1",
  "-2",
  "1,5",
  "85%",
  "0.85",
  "1e309",
  "5.377e5",
  "TRUE",
  "#N/A",
  "<&>\"'",
  "\u200b",
  "é",
  "RepID",
  "Quota",
  "Amount",
  "Plan",
];

/** Fragments a hostile or broken file could hold at any point of its XML. */
const XML_TEXT = [
  "<",
  ">",
  "</row>",
  "</c>",
  "</sheetData>",
  '<row r="20000000">',
  '<row r="4000000000"><c r="A4000000000"><v>1</v></c></row>',
  '<c r="ZZZZZ1"><v>1</v></c>',
  '<c r="A1048577"><v>1</v></c>',
  '<c r="XFD1"><v>1</v></c>',
  '<c r="B2" t="s"><v>99999</v></c>',
  '<c r="B2" t="s"><v>-1</v></c>',
  "&amp;",
  "&#0;",
  "&#x10FFFF;",
  "&bogus;",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
  "<![CDATA[x]]>",
  '<?xml version="1.0"?>',
  '"',
  "<x>".repeat(1000),
  "\u0000",
  '<tableColumn id="99" name="RepID"/>',
  '<sheet name="Reps" sheetId="99" r:id="rId99"/>',
  '<Relationship Id="rId1" Type="x" Target="../../../../etc/passwd"/>',
];

const numberText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NUMBER_TEXT) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000_000 }).map(String) },
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  // Around Excel's 32,767-character cell limit.
  { weight: 1, arbitrary: fc.constantFrom(32_767, 32_768, 40_000).map((n) => "x".repeat(n)) },
);

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: numberText.map((t) => ({ type: "n" as const, text: t })) },
  { weight: 4, arbitrary: text.map((t) => ({ type: "s" as const, text: t })) },
  { weight: 1, arbitrary: fc.constantFrom("0", "1", "2", "x").map((t) => ({ type: "b" as const, text: t })) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "#REF!").map((t) => ({ type: "e" as const, text: t })) },
  { weight: 1, arbitrary: fc.constant({ type: "blank" as const }) },
);

const index = fc.nat({ max: 100_000 });
const sheet = fc.nat({ max: 30 });

/** What a user could do to the tables: values, copies, rows, table ranges, header and ID text. */
export const cellMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("cell" as const), sheet, at: index, value: cellValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("copyCell" as const), sheet, from: index, to: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("sharedString" as const), at: index, text }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropRow" as const), sheet, at: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("copyRow" as const),
      sheet,
      at: index,
      times: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(2000)),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("tableRef" as const),
      table: fc.nat({ max: 30 }),
      ref: fc.oneof(
        fc.record({ rows: fc.integer({ min: -5, max: 5 }), cols: fc.integer({ min: -3, max: 3 }) }),
        fc.constantFrom("A1:XFD1048576", "A1", "B2:A1", "ZZZZ1:A1", "A1:A1048577", ""),
      ),
    }),
  },
);

/** What a damaged or hostile file could hold: broken XML anywhere, or a flipped byte in the zip. */
export const xmlMutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("xml" as const),
      part: fc.nat({ max: 60 }),
      at: index,
      op: fc.constantFrom("cut" as const, "delete" as const, "insert" as const, "repeat" as const),
      length: fc.integer({ min: 1, max: 400 }),
      text: fc.oneof(fc.constantFrom(...XML_TEXT), fc.string({ maxLength: 8 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("zipByte" as const),
      at: fc.nat(),
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
);

export const cellCase = fc.array(cellMutation, { minLength: 1, maxLength: 4 });
export const xmlCase = fc.array(xmlMutation, { minLength: 1, maxLength: 3 });
/** The long run's mix: mostly what users type, a third what broken files hold. */
export const anyCase = fc.oneof({ weight: 2, arbitrary: cellCase }, { weight: 1, arbitrary: xmlCase });
