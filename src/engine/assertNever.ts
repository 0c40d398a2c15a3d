/**
 * The `default` of every switch over a union type, given the value switched on
 * (the union itself when the switch reads its `kind`). With a case for each
 * member the value left is `never`, so a member added to the union without its
 * case fails type-checking here; at run time a value outside the union (data
 * that bypassed the types) throws instead of being handled as some other member.
 */
export function assertNever(x: never): never {
  let shown: string;
  try {
    shown = JSON.stringify(x) ?? String(x);
  } catch {
    shown = String(x);
  }
  throw new Error(`Unexpected value: ${shown.slice(0, 200)}`);
}
