import { describe, expect, it } from "vitest";
import { solveIncreasing } from "../../src/math/root.js";

describe("solveIncreasing (internal safeguarded Newton)", () => {
  it("finds √2 from a poor start and with an infinite upper bracket", () => {
    expect(solveIncreasing((x) => x * x - 2, (x) => 2 * x, 1, 0, 2)).toBeCloseTo(Math.SQRT2, 15);
    expect(solveIncreasing((x) => x * x - 2, (x) => 2 * x, 1e-9, 0, Number.POSITIVE_INFINITY)).toBeCloseTo(Math.SQRT2, 15);
  });

  it("falls back to bisection when the Newton step leaves the bracket (flat derivative)", () => {
    // atan has a vanishing derivative far out: Newton from 50 would jump far outside (−∞, ∞)
    const root = solveIncreasing((x) => Math.atan(x - 100), (x) => 1 / (1 + (x - 100) ** 2), 1, 0, Number.POSITIVE_INFINITY);
    expect(root).toBeCloseTo(100, 12);
  });

  it("handles roots spanning many orders of magnitude (geometric bisection)", () => {
    const root = solveIncreasing((x) => Math.log(x) + 600, () => 0, 0.5, 0, 1);
    expect(root / Math.exp(-600)).toBeCloseTo(1, 12);
  });
});
