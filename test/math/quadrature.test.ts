import { describe, expect, it } from "vitest";
import { gaussLegendre, integrate, integrateUnit } from "../../src/math/quadrature.js";

describe("quadrature", () => {
  it("integrates smooth functions and end-point singularities", () => {
    expect(integrate(Math.sin, 0, Math.PI)).toBeCloseTo(2, 12);
    expect(integrateUnit((x) => 1 / Math.sqrt(x))).toBeCloseTo(2, 10);
    expect(integrateUnit((_x, y) => Math.log(y))).toBeCloseTo(-1, 12);
    // B(0.3, 0.6) = Γ(.3)Γ(.6)/Γ(.9) = 4.16891417890789 (mpmath)
    const b = integrateUnit((x, y) => Math.pow(x, -0.7) * Math.pow(y, -0.4), { tolerance: 1e-10, maxLevel: 14 });
    expect(b).toBeCloseTo(4.16891417890789, 8);
    expect(integrate((x) => x, 3, 3)).toBe(0);
  });

  it("has the textbook Gauss–Legendre nodes", () => {
    const { x, w } = gaussLegendre(3);
    expect(x[2]).toBeCloseTo(Math.sqrt(3 / 5), 15);
    expect(w[0]).toBeCloseTo(5 / 9, 15);
    expect(w[1]).toBeCloseTo(8 / 9, 15);
    const g = gaussLegendre(20);
    let s = 0;
    for (let i = 0; i < 20; i++) s += g.w[i]! * g.x[i]! ** 38;
    expect(s).toBeCloseTo(2 / 39, 14);
  });

  it("rejects bad arguments", () => {
    expect(() => integrate(Math.sin, Number.NaN, 1)).toThrow(/a:/);
    expect(() => gaussLegendre(0)).toThrow(/n:/);
    expect(() => integrateUnit(() => Number.NaN)).toThrow(/not finite/);
  });
});
