import { attainmentCap } from "./attainmentCap";
import { gate } from "./gate";
import { kicker } from "./kicker";
import { modifier } from "./modifier";
import type { LineMechanic } from "./mechanic";
import { payoutCap } from "./payoutCap";
import { tiers } from "./tiers";

/**
 * Every line mechanic, in the order a payout line applies them: the gate on
 * true attainment, the attainment cap on the credit, the rates, a linked
 * measure's modifier, the payout cap. A new mechanic is one module added here (docs/extending.md).
 */
export const LINE_MECHANICS: readonly LineMechanic[] = [gate, attainmentCap, tiers, kicker, modifier, payoutCap];
