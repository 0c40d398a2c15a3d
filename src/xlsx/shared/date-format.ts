/**
 * Whether a number format code shows a calendar date (so the cell holds a
 * serial date). Time-only codes (h:mm, [h]:mm:ss) are not dates: they hold
 * durations or fractions of a day.
 */
export function isDateFormatCode(code: string): boolean {
  // Drop quoted literals, backslash escapes and [..] sections (colours, locales, elapsed time).
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
  // Only the first (positive) section decides; y and d appear in no other token.
  const first = bare.split(";")[0];
  return /[yd]/i.test(first);
}
