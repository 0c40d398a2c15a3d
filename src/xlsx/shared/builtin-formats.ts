/**
 * Excel's built-in number formats (ECMA-376 Part 1, 18.8.30): styles refer to
 * them by id without declaring the code. The reader reports the code; the
 * writer maps a known code back to its id so a round trip keeps it built-in.
 */
const BUILTIN: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/**
 * Ids 27–36 and 50–58 are East Asian locale date formats with no fixed code;
 * Excel in those locales writes them undeclared. Reporting a date code keeps
 * such cells recognisable as dates downstream.
 */
const LOCALE_DATE_CODE = "yyyy-mm-dd";

export function builtinFormatCode(id: number): string | null {
  const code = BUILTIN[id];
  if (code !== undefined) return code;
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return LOCALE_DATE_CODE;
  return null;
}

const BY_CODE: ReadonlyMap<string, number> = new Map(
  Object.entries(BUILTIN).map(([id, code]) => [code, Number(id)] as const),
);

/** The built-in id for a format code, or null when it must be declared as a custom format. */
export function builtinFormatId(code: string): number | null {
  return BY_CODE.get(code) ?? null;
}
