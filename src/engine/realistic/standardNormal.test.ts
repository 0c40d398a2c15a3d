import { d, diff } from "./testing/fixtures";
import { normalCdf, normalPdf } from "./standardNormal";

// Reference values: published to 30 digits (Φ(1), Φ(−2)) or from mpmath at 60 digits.
describe("standard normal Φ and φ", () => {
  it("matches known values to at least 30 digits in the body", () => {
    expect(diff(normalCdf(d("1")), "0.841344746068542948585232545632037922")).toBeLessThan(1e-33);
    expect(diff(normalCdf(d("-2")), "0.022750131948179207200282637166533437")).toBeLessThan(1e-33);
    expect(diff(normalCdf(d("1.5")), "0.933192798731141933995505959020113920")).toBeLessThan(1e-33);
    expect(diff(normalPdf(d("1.5")), "0.129517595665891727614099557954741491")).toBeLessThan(1e-33);
    expect(diff(normalCdf(d("-3.5")), "0.000232629079035525036349925886727984774")).toBeLessThan(1e-36);
    expect(normalCdf(d("0")).toString()).toBe("0.5");
  });

  it("keeps full relative precision far in the tails (continued fraction side)", () => {
    const rel = (x: ReturnType<typeof d>, ref: string) => x.minus(ref).div(ref).abs().toNumber();
    expect(rel(normalCdf(d("-10")), "7.61985302416052606597334325159930836350e-24")).toBeLessThan(1e-30);
    expect(rel(normalCdf(d("-40")), "3.65589354091502970374898580268828366505e-350")).toBeLessThan(1e-30);
    // Either side of the switch from series to continued fraction at |z| = 8.
    expect(rel(normalCdf(d("-7.9")), "1.394517146659268252840825951180435378676e-15")).toBeLessThan(1e-30);
    expect(rel(normalCdf(d("-8.1")), "2.747959392398220468853598288228802188629e-16")).toBeLessThan(1e-30);
    expect(diff(normalCdf(d("7")), "0.999999999998720187456114164995616376309")).toBeLessThan(1e-33);
  });

  it("is symmetric: Φ(z) + Φ(−z) = 1", () => {
    for (const z of ["0.3", "1.2815", "2.5", "6.2", "9"]) {
      expect(diff(normalCdf(d(z)).plus(normalCdf(d(z).neg())), "1")).toBeLessThan(1e-33);
    }
  });
});
