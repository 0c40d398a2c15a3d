import { attainmentCap } from "./attainmentCap";
import { gate } from "./gate";
import { kicker } from "./kicker";
import { matrix } from "./matrix";
import { modifier } from "./modifier";
import type { LineMechanic } from "./mechanic";
import { payoutCap } from "./payoutCap";
import { tiers } from "./tiers";

/**
 * Every line mechanic, in the order a payout line applies them: the gate on
 * true attainment, the attainment cap on the credit, the rates (the tiers or,
 * in their place, a payout matrix; a kicker), a linked measure's modifier,
 * the payout cap. The matrix comes after the kicker: its money may be over the
 * line's own denominator (LineState.over), which it brings the rates before
 * it onto. A new mechanic is one module added here (docs/extending.md).
 */
export const LINE_MECHANICS: readonly LineMechanic[] = [
  gate,
  attainmentCap,
  tiers,
  kicker,
  matrix,
  modifier,
  payoutCap,
];
