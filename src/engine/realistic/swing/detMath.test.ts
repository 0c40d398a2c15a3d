import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { detCdf, detExp, detLog, detPdf, detQuantile, detSqrt } from "./detMath";

describe("deterministic math", () => {
  it("is accurate: exp and ln to a few ulps, Φ and Φ⁻¹ to 1e-15, √ to an ulp", () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 20000; i++) {
      const x = (next() - 0.5) * 100;
      expect(Math.abs(detExp(x) / Math.exp(x) - 1)).toBeLessThan(2e-15);
      const y = Math.exp((next() - 0.5) * 600);
      expect(Math.abs(detLog(y) - Math.log(y))).toBeLessThan(1e-15 * Math.max(1, Math.abs(Math.log(y))));
      expect(Math.abs(detSqrt(y) / Math.sqrt(y) - 1)).toBeLessThanOrEqual(2.3e-16);
      const p = next();
      expect(Math.abs(detCdf(detQuantile(p)) - p)).toBeLessThan(1e-15);
    }
    // Published values: Φ(1) = 0.841344746068543, Φ(−3) = 0.00134989803163010, φ(0) = 1/√(2π).
    expect(detCdf(1)).toBeCloseTo(0.841344746068543, 15);
    expect(detCdf(-3)).toBeCloseTo(0.0013498980316301, 16);
    expect(detCdf(-5)).toBeCloseTo(2.866515718791939e-7, 20);
    expect(detPdf(0)).toBe(0.3989422804014327);
    expect(detQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
  });

  it("is the only math the swing integration uses: no engine-approximated Math functions there", () => {
    const dir = __dirname;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      // Code only: comments may name what is avoided.
      const code = readFileSync(join(dir, file), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      expect({
        file,
        uses: code.match(/Math\.(exp|log\w*|pow|sqrt|sin|cos|tan|cbrt|hypot|expm1|atan\w*)\b|\*\*/g),
      }).toEqual({
        file,
        uses: null,
      });
    }
  });
});
