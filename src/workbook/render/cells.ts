import type { Decimal } from "../../engine/decimal";
import type { Ratio } from "../../engine/ratio";
import type { SpecCell } from "../types";

/**
 * Engine values become sheet cells here, at the edge: Excel stores doubles, and
 * every money value has already been rounded to its minor unit by the engine.
 */
export function num(value: Decimal | null | undefined): SpecCell {
  return value === null || value === undefined ? null : value.toNumber();
}

export function ratioNum(value: Ratio): number {
  return value.num.div(value.den).toNumber();
}

/** A display-only money value (a target incentive that is a fraction of a cent off a whole): to the cent. */
export function money(value: Decimal | Ratio): number {
  const d = "num" in value ? value.num.div(value.den) : value;
  return d.toDecimalPlaces(2).toNumber();
}

export function subtitle(sourceName: string, computedAt: Date, extra = ""): string {
  const when = computedAt.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  return `Computed from ${sourceName} on ${when}${extra ? ` · ${extra}` : ""}`;
}
