/**
 * Excel on the web refuses a request or a response of about 5 MB
 * (RequestPayloadSizeLimitExceeded). We keep every sync under a 4 MB
 * estimate, measured as JSON bytes, which is what goes over the wire.
 */
export const PAYLOAD_BUDGET = 4_000_000;

/** Per-op envelope (object path, action, ids) on top of its JSON arguments. */
export const OP_BYTES = 200;

/** Exact UTF-8 byte length of a value's JSON, without allocating a buffer. */
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  // Fast path: pure ASCII (the usual case) is one byte per character.
  if (!NON_ASCII.test(s)) return s.length;
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code > 0x7f) n += code > 0x7ff ? (code >= 0xd800 && code <= 0xdbff ? 1 : 2) : 1;
  }
  return n;
}
