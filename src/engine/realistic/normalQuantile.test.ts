import { normalQuantile } from "./normalQuantile";
import { normalCdf } from "./standardNormal";
import { d, diff } from "./testing/fixtures";

// References from mpmath (findroot on ncdf at 50 digits).
describe("normal quantile Φ⁻¹", () => {
  it("matches known values to 30 digits", () => {
    expect(diff(normalQuantile(d("0.9")), "1.28155156554460046696510332944874281862")).toBeLessThan(1e-32);
    expect(diff(normalQuantile(d("0.1")), "-1.28155156554460046696510332944874281862")).toBeLessThan(1e-32);
    expect(diff(normalQuantile(d("0.3")), "-0.524400512708040784038289325025122554325")).toBeLessThan(1e-32);
    expect(normalQuantile(d("0.5")).isZero()).toBe(true);
  });

  it("stays exact in the far tails", () => {
    expect(diff(normalQuantile(d("1e-10")), "-6.36134090240405620469537582826522167920")).toBeLessThan(1e-31);
    expect(diff(normalQuantile(d("0.999999")), "4.75342430882289894819398818700427500564")).toBeLessThan(1e-31);
    expect(diff(normalQuantile(d("1e-300")), "-37.0470962993611992372229625078604368443")).toBeLessThan(1e-30);
  });

  it("inverts Φ", () => {
    for (const p of ["0.0001", "0.025", "0.42", "0.8", "0.99"]) {
      expect(diff(normalCdf(normalQuantile(d(p))), p)).toBeLessThan(1e-33);
    }
  });

  it("refuses probabilities outside (0, 1)", () => {
    expect(() => normalQuantile(d("0"))).toThrow(RangeError);
    expect(() => normalQuantile(d("1"))).toThrow(RangeError);
  });
});
