import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaQuantile, regularizedIncompleteBeta } from "../../src/math/incomplete-beta.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

// [x, a, b, I_x(a, b)]: mpmath 1.3.0 betainc(regularized=True) at 40 digits
const CASES: ReadonlyArray<readonly [number, number, number, number]> = [
  [0.5, 2, 3, 0.6875],
  [0.3, 1, 1, 0.3],
  [0.001, 0.5, 0.5, 0.020135041633377492],
  [0.999, 0.5, 30, 1],
  [0.5, 100, 100, 0.5],
  [1e-10, 2, 5, 1.4999999996000002e-19],
  [0.9, 0.1, 0.1, 0.593614906063724],
  [0.5, 1e-3, 5, 0.9999891279249409],
];

describe("regularizedIncompleteBeta", () => {
  it.each(CASES)("I_%s(%s, %s) = %s", (x, a, b, expected) => {
    expectClose(regularizedIncompleteBeta(x, a, b), expected, 3e-15);
  });

  it("large shapes (a + b in the thousands and millions) stay accurate to ~1e-13", () => {
    expectClose(regularizedIncompleteBeta(0.45, 1000, 1200), 0.3346623426715413, 3e-14); // mpmath
    expectClose(regularizedIncompleteBeta(0.2, 5e5, 2e6), 0.5001261566342999, 3e-13); // scipy 1.17 (Boost)
  });

  it("closed forms: I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b", () => {
    for (const x of [1e-6, 0.2, 0.7, 0.999]) {
      expectClose(regularizedIncompleteBeta(x, 3.5, 1), x ** 3.5, 4e-15);
      expectClose(regularizedIncompleteBeta(x, 1, 4), -Math.expm1(4 * Math.log1p(-x)), 2e-15);
    }
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it("binomial link: P(X <= 3) for X ~ Binomial(10, 0.4) = I_0.6(7, 4) = 0.3822806016", () => {
    // Σ_{k<=3} C(10,k) 0.4^k 0.6^(10-k), computed exactly
    let cdf = 0;
    const choose = [1, 10, 45, 120];
    for (let k = 0; k <= 3; k++) cdf += choose[k]! * 0.4 ** k * 0.6 ** (10 - k);
    expectClose(regularizedIncompleteBeta(0.6, 7, 4), cdf, 2e-15);
  });

  it("rejects bad arguments", () => {
    expectCrmkitError(() => regularizedIncompleteBeta(1.5, 1, 1), "INVALID_INPUT", /regularizedIncompleteBeta\.x: expected a number in \[0, 1\]/);
    expectCrmkitError(() => regularizedIncompleteBeta(Number.NaN, 1, 1), "INVALID_INPUT");
    expectCrmkitError(() => regularizedIncompleteBeta(0.5, 0, 1), "INVALID_INPUT", /\.a/);
    expectCrmkitError(() => regularizedIncompleteBeta(0.5, 1, Number.POSITIVE_INFINITY), "INVALID_INPUT", /\.b/);
  });

  it("property: I_x(a, b) = 1 − I_{1−x}(b, a), non-decreasing in x", () => {
    // x on a dyadic grid so that 1 − x is exact
    const grid = fc.integer({ min: 0, max: 2 ** 20 }).map((k) => k / 2 ** 20);
    fc.assert(
      fc.property(
        grid,
        grid,
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        fc.double({ min: 0.01, max: 500, noNaN: true }),
        (x, y, a, b) => {
          const value = regularizedIncompleteBeta(x, a, b);
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          expect(Math.abs(value - (1 - regularizedIncompleteBeta(1 - x, b, a)))).toBeLessThanOrEqual(1e-12);
          if (x <= y) expect(value).toBeLessThanOrEqual(regularizedIncompleteBeta(y, a, b) + 1e-13);
        },
      ),
    );
  });
});

describe("betaQuantile", () => {
  it("matches scipy.special.betaincinv (1.17) and closed forms", () => {
    expect(betaQuantile(0.5, 2, 2)).toBeCloseTo(0.5, 15);
    expectClose(betaQuantile(0.025, 1, 9), 1 - 0.975 ** (1 / 9), 2e-15);
    expectClose(betaQuantile(0.975, 683, 244), 0.7646253982754387, 1e-14);
    expectClose(betaQuantile(0.025, 682, 244), 0.707668264079039, 1e-14);
    expectClose(betaQuantile(1e-10, 0.5, 3), 2.8444444444444438e-21, 1e-14);
    expectClose(betaQuantile(0.999999, 3, 0.5), 0.9999999999997156, 1e-15);
    expectClose(betaQuantile(0.3, 0.2, 0.3), 0.021446585037983242, 1e-14);
  });

  it("rejects bad arguments", () => {
    for (const p of [0, 1, Number.NaN]) expectCrmkitError(() => betaQuantile(p, 1, 1), "INVALID_INPUT", /betaQuantile\.p/);
    expectCrmkitError(() => betaQuantile(0.5, -1, 1), "INVALID_INPUT", /betaQuantile\.a/);
  });

  it("property: inverts the distribution function", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }),
        fc.double({ min: 0.05, max: 2000, noNaN: true }),
        fc.double({ min: 0.05, max: 2000, noNaN: true }),
        (p, a, b) => {
          const x = betaQuantile(p, a, b);
          // x is the root up to a few units in its last place: I at x ∓ 4 ulp brackets p
          const ulp = 2 ** (Math.floor(Math.log2(x)) - 52);
          const slack = 1e-13 * Math.min(p, 1 - p);
          expect(regularizedIncompleteBeta(Math.max(0, x - 4 * ulp), a, b)).toBeLessThanOrEqual(p + slack);
          expect(regularizedIncompleteBeta(Math.min(1, x + 4 * ulp), a, b)).toBeGreaterThanOrEqual(p - slack);
        },
      ),
    );
  });
});
