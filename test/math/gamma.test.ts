import fc from "fast-check";
import { gammaln } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { digamma, lgamma, lgamma1p, lgammaCorrection, trigamma } from "../../src/math/gamma.js";
import { expectClose, expectCrmkitError, relativeError } from "../support/numeric.js";

const EULER = 0.5772156649015329;

// Reference values: mpmath 1.3.0 (loggamma, digamma, psi(1, x)) at 50 digits, rounded to double.
const LGAMMA: ReadonlyArray<readonly [number, number]> = [
  [1e-300, 690.7755278982137],
  [1e-8, 18.42068073818021],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [1 + 1e-8, -5.772156531688512e-9],
  [1.4616321449683622, -0.12148629053584961],
  [2 - 1e-9, -4.227843697573328e-10],
  [2.5, 0.2846828704729192],
  [3, 0.6931471805599453],
  [7.3, 7.147892523022248],
  [9.99, 12.779315214350193],
  [10, 12.801827480081469],
  [100, 359.1342053695754],
  [1e10, 220258509288.81058],
  [1e300, 6.897755278982137e302],
];
const DIGAMMA: ReadonlyArray<readonly [number, number]> = [
  [1e-300, -9.999999999999999e299],
  [1e-8, -100000000.57721564],
  [0.1, -10.423754940411076],
  [0.5, -1.9635100260214235],
  [2, 0.42278433509846713],
  [2.5, 0.7031566406452432],
  [7.3, 1.9178203356379862],
  [9.99, 2.250700372831201],
  [10, 2.251752589066721],
  [100, 4.600161852738087],
  [1e10, 23.025850929890456],
  [1e300, 690.7755278982137],
];
const TRIGAMMA: ReadonlyArray<readonly [number, number]> = [
  [1e-8, 1.0000000000000002e16],
  [0.1, 101.43329915079275],
  [0.5, 4.934802200544679],
  [1, 1.6449340668482264],
  [2.5, 0.49035775610023485],
  [7.3, 0.1467957681314271],
  [10, 0.10516633568168575],
  [100, 0.010050166663333571],
  [1e10, 1.00000000005e-10],
];

describe("lgamma", () => {
  it("known closed forms: log Γ(½) = log √π, Γ(n) = (n−1)!", () => {
    expectClose(lgamma(0.5), Math.log(Math.sqrt(Math.PI)), 2e-16);
    expect(lgamma(1)).toBe(0);
    expect(lgamma(2)).toBe(0);
    expectClose(lgamma(5), Math.log(24), 2e-16);
    expectClose(lgamma(21), Math.log(2432902008176640000), 2e-16);
  });

  it.each(LGAMMA)("lgamma(%s) = %s", (x, expected) => {
    // relative accuracy also next to the zeros at 1 and 2
    expectClose(lgamma(x), expected, 3e-16);
  });

  it("extremes: Infinity, overflow, and bad input", () => {
    expect(lgamma(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(lgamma(Number.MIN_VALUE)).toBeCloseTo(744.4400719213812, 12);
    for (const bad of [0, -1, -0.5, Number.NaN, Number.NEGATIVE_INFINITY]) {
      expectCrmkitError(() => lgamma(bad), "INVALID_INPUT", /lgamma\.x: expected a number > 0/);
    }
  });

  it("internal helpers: lgamma1p keeps tiny arguments, lgammaCorrection matches Stirling's remainder", () => {
    // mpmath: loggamma(1 + 1e-10), loggamma(10) − (9.5 log 10 − 10 + log √(2π))
    expectClose(lgamma1p(1e-10), -5.7721566481928616e-11, 1e-15);
    expectClose(lgammaCorrection(10), 0.00833056343336287, 1e-15);
  });

  it("is more accurate than simple-statistics' gammaln, which is why crmkit has its own", () => {
    // simple-statistics 7 (Lanczos) at 1 + 1e-8, 2 − 1e-9 and 1e-300 versus mpmath
    expect(relativeError(gammaln(1 + 1e-8), -5.772156531688512e-9)).toBeGreaterThan(1e-9);
    expect(relativeError(gammaln(2 - 1e-9), -4.227843697573328e-10)).toBeGreaterThan(1e-7);
    expect(gammaln(1e-300)).toBe(Number.POSITIVE_INFINITY);
    // it is fine (1e-15) away from the zeros and tiny arguments
    expect(relativeError(gammaln(7.3), 7.147892523022248)).toBeLessThan(1e-14);
    expect(relativeError(lgamma(1 + 1e-8), -5.772156531688512e-9)).toBeLessThan(1e-15);
  });

  it("property: the recurrence lgamma(x + 1) = lgamma(x) + log x", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const lhs = lgamma(x + 1);
        const rhs = lgamma(x) + Math.log(x);
        expect(Math.abs(lhs - rhs)).toBeLessThanOrEqual(4e-15 * Math.max(1, Math.abs(lhs), Math.abs(lgamma(x))));
      }),
    );
  });
});

describe("digamma / trigamma", () => {
  it("known values: ψ(1) = −γ, ψ(½) = −γ − 2 log 2, ψ′(1) = π²/6, ψ′(½) = π²/2", () => {
    expectClose(digamma(1), -EULER, 2e-16);
    expectClose(digamma(0.5), -EULER - 2 * Math.LN2, 2e-16);
    expectClose(trigamma(1), (Math.PI * Math.PI) / 6, 2e-16);
    expectClose(trigamma(0.5), (Math.PI * Math.PI) / 2, 2e-16);
    // the positive root of ψ (mpmath: ψ(x0) = −9.24e-17 at the double nearest x0): absolute accuracy
    expect(Math.abs(digamma(1.4616321449683622))).toBeLessThan(3e-16);
  });

  it.each(DIGAMMA)("digamma(%s) = %s", (x, expected) => {
    expectClose(digamma(x), expected, 3e-16);
  });

  it.each(TRIGAMMA)("trigamma(%s) = %s", (x, expected) => {
    expectClose(trigamma(x), expected, 5e-16);
  });

  it("limits and bad input", () => {
    expect(digamma(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(trigamma(Number.POSITIVE_INFINITY)).toBe(0);
    for (const bad of [0, -2, Number.NaN]) {
      expectCrmkitError(() => digamma(bad), "INVALID_INPUT", /digamma\.x/);
      expectCrmkitError(() => trigamma(bad), "INVALID_INPUT", /trigamma\.x/);
    }
  });

  it("property: ψ and ψ′ are the derivatives of lgamma and ψ (central differences)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1e4, noNaN: true }), (x) => {
        const h = 1e-4 * x;
        const dLgamma = (lgamma(x + h) - lgamma(x - h)) / (2 * h);
        const dDigamma = (digamma(x + h) - digamma(x - h)) / (2 * h);
        expect(Math.abs(dLgamma - digamma(x))).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(digamma(x))));
        expect(Math.abs(dDigamma - trigamma(x))).toBeLessThanOrEqual(1e-6 * Math.max(1, trigamma(x)));
      }),
    );
  });
});
