import type { Decimal } from "../decimal";

/**
 * Why an attainment distribution cannot be built. `field` names the input
 * column at fault so the workbook contract can point the issue at the right
 * cell of `Scenarios` / `Offers` / `AttainmentHistory`.
 */
export type DistributionField = "Attainment" | "Mean" | "StdDev" | "ShareAtQuota" | "AttainmentHistory" | "Weight";

export class DistributionError extends Error {
  constructor(
    readonly field: DistributionField,
    message: string,
  ) {
    super(message);
    this.name = "DistributionError";
  }
}

/** 0.705 → "70.5%", for messages. */
export function pct(x: Decimal): string {
  return `${x.times(100).toDecimalPlaces(2).toString()}%`;
}
