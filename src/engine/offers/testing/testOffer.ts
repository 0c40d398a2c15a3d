import { Decimal, ZERO } from "../../decimal";
import type { Offer } from "../types";

/** An offer with every optional term left out (test helper; amounts as strings, never JS floats). */
export function testOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    name: "Offer A",
    currency: "USD",
    base: new Decimal("75000"),
    targetVariable: new Decimal("75000"),
    plan: null,
    expectedAttainment: null,
    stdDev: null,
    shareAtQuota: null,
    quota: null,
    rampMonths: 0,
    rampGuarantee: null,
    draw: null,
    drawType: null,
    signOnBonus: ZERO,
    equityValue: ZERO,
    vestingYears: null,
    cliffMonths: null,
    vestingFrequency: null,
    startDate: null,
    source: "Offers row 2",
    ...overrides,
  };
}
