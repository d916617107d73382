import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantile, quantileSorted, quantiles } from "../../src/math/quantile.js";
import { expectCrmkitError } from "../support/numeric.js";

describe("quantileSorted (type 7)", () => {
  it("matches R's quantile(1:4, type = 7)", () => {
    // R: quantile(1:4, c(0, .25, .5, .75, 1)) -> 1.00 1.75 2.50 3.25 4.00
    expect([0, 0.25, 0.5, 0.75, 1].map((p) => quantileSorted([1, 2, 3, 4], p))).toEqual([1, 1.75, 2.5, 3.25, 4]);
  });

  it("matches numpy's documented example (np.quantile([[10,7,4],[3,2,1]], 0.5) = 3.5)", () => {
    expect(quantile([10, 7, 4, 3, 2, 1], 0.5)).toBe(3.5);
  });

  it("hand-computed interpolation: h = (n-1)p", () => {
    // n = 5, p = 0.9: h = 3.6 -> x[3] + 0.6 (x[4] - x[3]) = 40 + 0.6 * 60 = 76
    expect(quantileSorted([10, 20, 30, 40, 100], 0.9)).toBeCloseTo(76, 12);
    expect(quantileSorted(new Float64Array([7]), 0.3)).toBe(7);
    expect(quantileSorted([-1e308, 1e308], 0.5)).toBe(0);
  });

  it("rejects empty, unsorted, non-finite data and p outside [0, 1]", () => {
    expectCrmkitError(() => quantileSorted([], 0.5), "INVALID_INPUT", /non-empty/);
    expectCrmkitError(() => quantileSorted([1, 3, 2], 0.5), "INVALID_INPUT", /sorted\[2\].*sorted ascending/);
    expectCrmkitError(() => quantileSorted([1, Number.NaN], 0.5), "INVALID_INPUT", /finite/);
    expectCrmkitError(() => quantileSorted([1, 2], 1.5), "INVALID_INPUT", /quantileSorted\.p.*\[0, 1\]/);
    expectCrmkitError(() => quantileSorted([1, 2], Number.NaN), "INVALID_INPUT");
    expectCrmkitError(() => quantileSorted(null as unknown as number[], 0.5), "INVALID_INPUT");
  });
});

describe("quantile / quantiles", () => {
  it("sorts a copy and leaves the input alone", () => {
    const values = [10, 1, 7, 3];
    expect(quantile(values, 0.5)).toBe(5);
    expect(values).toEqual([10, 1, 7, 3]);
    expect(Array.from(quantiles([5, 1, 4, 2, 3], [0.2, 0.4, 0.6, 0.8])).map((v) => Number(v.toFixed(12)))).toEqual([1.8, 2.6, 3.4, 4.2]);
  });

  it("rejects bad input", () => {
    expectCrmkitError(() => quantile([], 0.5), "INVALID_INPUT", /quantile\.values/);
    expectCrmkitError(() => quantile([1, Number.POSITIVE_INFINITY], 0.5), "INVALID_INPUT", /values\[1\]/);
    expectCrmkitError(() => quantile([1, 2], -0.1), "INVALID_INPUT");
    expectCrmkitError(() => quantiles([1, 2], [0.5, 2]), "INVALID_INPUT", /ps\[1\]/);
    expectCrmkitError(() => quantiles([], [0.5]), "INVALID_INPUT");
  });

  it("property: between min and max, non-decreasing in p, and exact at the order statistics", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p1, p2) => {
          const sorted = [...values].sort((a, b) => a - b);
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const qLo = quantile(values, lo);
          const qHi = quantile(values, hi);
          expect(qLo).toBeGreaterThanOrEqual(sorted[0]!);
          expect(qHi).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
          expect(qLo).toBeLessThanOrEqual(qHi);
          const k = Math.floor(lo * (sorted.length - 1));
          expect(quantileSorted(sorted, sorted.length === 1 ? 0 : k / (sorted.length - 1))).toBe(sorted[k]);
        },
      ),
    );
  });
});
