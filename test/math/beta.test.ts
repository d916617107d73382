import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { betaFn, logBeta } from "../../src/math/beta.js";
import { lgamma } from "../../src/math/gamma.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

// mpmath 1.3.0: log(beta(a, b)) at 50 digits
const LOG_BETA: ReadonlyArray<readonly [number, number, number]> = [
  [1e10, 0.5, -10.940560522033028],
  [0.5, 0.5, 1.1447298858494002],
  [2, 3, -2.4849066497880004],
  [1e-300, 1, 690.7755278982137],
  [1e-10, 1e-10, 23.7189981105004],
  [15, 20, -24.049722172259504],
  [1e8, 1e8, -138629444.05681732],
  [3, 1e15, -102.92318200417212],
  [9.5, 10.5, -13.709925546998463],
  [5, 12, -9.991498429858842],
  [1e300, 1e300, -1.3862943611198907e300],
];

describe("logBeta", () => {
  it.each(LOG_BETA)("logBeta(%s, %s) = %s", (a, b, expected) => {
    expectClose(logBeta(a, b), expected, 1e-15);
    expect(logBeta(b, a)).toBe(logBeta(a, b));
  });

  it("logBeta(0.1, 1e300) = lgamma(0.1) − 0.1 log(1e300) (the next term, 0.045/1e300, is below ulp)", () => {
    // (50-digit mpmath cannot resolve 1e300 + 0.1 and returns lgamma(0.1) here.)
    expectClose(logBeta(0.1, 1e300), 2.252712651734206 - 0.1 * Math.log(1e300), 1e-15);
  });

  it("beats the naive lgamma difference when one argument is huge", () => {
    // asymptotically log B(a, b) = log Γ(b) − b log a + b(1 − b)/(2a) + ... for a → ∞
    const a = 1e10;
    const b = 0.5;
    const asymptotic = lgamma(b) - b * Math.log(a) + (b * (1 - b)) / (2 * a);
    expectClose(logBeta(a, b), asymptotic, 1e-15);
    const naive = lgamma(a) + lgamma(b) - lgamma(a + b);
    expect(Math.abs(naive - asymptotic)).toBeGreaterThan(1e-7); // the naive form has lost 6+ digits
  });

  it("B(a, b) closed forms and limits", () => {
    expectClose(betaFn(2, 3), 1 / 12, 1e-15);
    expectClose(betaFn(0.5, 0.5), Math.PI, 1e-15);
    expectClose(betaFn(1, 7), 1 / 7, 1e-15);
    expect(logBeta(Number.POSITIVE_INFINITY, 2)).toBe(Number.NEGATIVE_INFINITY);
  });

  it("rejects non-positive and NaN arguments", () => {
    for (const [a, b] of [
      [0, 1],
      [1, -1],
      [Number.NaN, 1],
      [1, Number.NaN],
    ] as const) {
      expectCrmkitError(() => logBeta(a, b), "INVALID_INPUT", /logBeta\.[ab]: expected a number > 0/);
      expectCrmkitError(() => betaFn(a, b), "INVALID_INPUT", /betaFn\.[ab]/);
    }
  });

  it("property: B(a, b+1) = B(a, b) · b / (a + b)", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (a, b) => {
        const lhs = logBeta(a, b + 1);
        const rhs = logBeta(a, b) + Math.log(b / (a + b));
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(lhs)));
      }),
    );
  });
});
