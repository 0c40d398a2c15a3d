import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let collector: (() => void) | null | undefined;

/**
 * A full garbage collection now, if V8 lets the process ask for one (else
 * nothing). The CLI asks at the two points where a stage's garbage is behind
 * it and what stays is smallest: the input tables parsed and let go, and the
 * model run done before the result sheets are written. Left to itself, V8
 * sets the next collection by the live heap at its last one, made while the
 * tables were read, and lets the heap grow to four times that (about 400 MB
 * at 10,000 reps) before collecting again.
 */
export function collectGarbage(): void {
  if (collector === undefined) collector = findCollector();
  collector?.();
}

function findCollector(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === "function") return exposed;
  try {
    // --expose-gc applies to contexts made after it is set: a new one hands out its gc.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
