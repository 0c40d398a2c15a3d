/**
 * Text for a terminal: every control character but tab and line feed (C0,
 * DEL, C1 — ESC and CSI start the sequences that move the cursor, clear the
 * screen or set the window title; CR overwrites a line) and the bidirectional
 * overrides that reorder what is shown are written as \uXXXX. Inside a JSON
 * string that is the same character, escaped, so --json keeps its data.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// Control characters are what this matches, on purpose.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
