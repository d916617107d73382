import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erf, erfc } from "../../src/math/erf.js";
import { regularizedGammaP, regularizedGammaQ } from "../../src/math/incomplete-gamma.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

// [a, x, P(a, x), Q(a, x)] from mpmath 1.3.0 gammainc(..., regularized=True) at 50 digits.
const CASES: ReadonlyArray<readonly [number, number, number, number]> = [
  [1, 2, 0.8646647167633873, 0.1353352832366127],
  [0.5, 2, 0.9544997361036416, 0.04550026389635842],
  [10, 200, 1, 2.044095593580732e-72],
  [0.01, 1, 0.997783765376772, 0.00221623462322799],
  [1e-5, 0.5, 0.9999944022347146, 5.59776528542266e-6],
  [0.5, 1e-10, 1.1283791670579e-5, 0.9999887162083294],
  [3, 2.5, 0.45618688411667047, 0.5438131158833295],
  [100, 90, 0.15822098918643016, 0.8417790108135699],
  [100, 110, 0.8417213299399129, 0.15827867006008708],
  [1e4, 1e4, 0.5013298083399552, 0.4986701916600448],
  [1e6, 1e6 + 1000, 0.8413447863683403, 0.15865521363165971],
  [2.5, 40, 0.9999999999999991, 8.391825114831611e-16],
  [50, 0.1, 2.980904350473765e-115, 1],
  [0.1, 50, 1, 5.891960493418554e-25],
  [1e-10, 1e-5, 0.999999998906428, 1.0935719794146443e-9],
  [20, 19.5, 0.48485574668593734, 0.5151442533140627],
];

describe("regularizedGammaP / regularizedGammaQ", () => {
  it.each(CASES)("a = %s, x = %s", (a, x, p, q) => {
    // each tail is accurate relative to itself; far tails (|log value| ~ 165) lose ~|log|·ε
    const tolerance = (v: number): number => Math.max(2e-15, 2e-16 * Math.abs(Math.log(v)));
    expectClose(regularizedGammaP(a, x), p, tolerance(p), "P");
    expectClose(regularizedGammaQ(a, x), q, tolerance(q), "Q");
  });

  it("closed forms: P(1, x) = 1 − e^−x, P(½, x) = erf(√x)", () => {
    for (const x of [1e-8, 0.3, 1, 5, 30]) {
      expectClose(regularizedGammaQ(1, x), Math.exp(-x), 3e-15);
      expectClose(regularizedGammaP(0.5, x), erf(Math.sqrt(x)), 3e-15);
      expectClose(regularizedGammaQ(0.5, x), erfc(Math.sqrt(x)), 4e-15);
    }
  });

  it("limits", () => {
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, 0)).toBe(1);
    expect(regularizedGammaP(2, Number.POSITIVE_INFINITY)).toBe(1);
    expect(regularizedGammaQ(2, Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("rejects bad arguments", () => {
    for (const [a, x] of [
      [0, 1],
      [-1, 1],
      [Number.POSITIVE_INFINITY, 1],
      [Number.NaN, 1],
      [1, -1],
      [1, Number.NaN],
    ] as const) {
      expectCrmkitError(() => regularizedGammaP(a, x), "INVALID_INPUT", /regularizedGammaP\.(a|x)/);
      expectCrmkitError(() => regularizedGammaQ(a, x), "INVALID_INPUT", /regularizedGammaQ\.(a|x)/);
    }
  });

  it("property: P + Q = 1 and P is non-decreasing in x", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        fc.double({ min: 0, max: 2e4, noNaN: true }),
        (a, x, y) => {
          expect(Math.abs(regularizedGammaP(a, x) + regularizedGammaQ(a, x) - 1)).toBeLessThanOrEqual(1e-14);
          if (x <= y) expect(regularizedGammaP(a, x)).toBeLessThanOrEqual(regularizedGammaP(a, y) + 1e-15);
        },
      ),
    );
  });
});
