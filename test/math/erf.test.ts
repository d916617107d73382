import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { erf, erfc } from "../../src/math/erf.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

// Reference values: mpmath 1.3.0 at 50 significant digits, rounded to double; the leading
// digits agree with Abramowitz & Stegun table 7.1 (erf(1) = 0.842700792949714869...,
// erf(0.5) = 0.520499877813046537...).
const ERF: ReadonlyArray<readonly [number, number]> = [
  [1e-300, 1.1283791670955126e-300],
  [1e-10, 1.1283791670955126e-10],
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [0.84375, 0.7672256612323416],
  [1, 0.8427007929497149],
  [1.25, 0.9229001282564583],
  [2, 0.9953222650189527],
  [3, 0.9999779095030014],
  [5.9, 0.9999999999999999],
];
const ERFC: ReadonlyArray<readonly [number, number]> = [
  [-3, 1.9999779095030015],
  [-1, 1.8427007929497148],
  [0.1, 0.8875370839817152],
  [0.3, 0.6713732405408726],
  [1, 0.15729920705028513],
  [2, 0.004677734981047266],
  [2.8, 7.501319466545903e-5],
  [5, 1.537459794428035e-12],
  [10, 2.088487583762545e-45],
  [20, 5.395865611607901e-176],
  [26, 5.663192408856143e-296],
];

describe("erf", () => {
  it.each(ERF)("erf(%s) = %s", (x, expected) => {
    expectClose(erf(x), expected, 2e-16);
    expectClose(erf(-x), -expected, 2e-16);
  });

  it("limits and bad input", () => {
    expect(erf(0)).toBe(0);
    expect(erf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(erf(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(erf(40)).toBe(1);
    expectCrmkitError(() => erf(Number.NaN), "INVALID_INPUT", /erf\.x/);
  });
});

describe("erfc", () => {
  it.each(ERFC)("erfc(%s) = %s", (x, expected) => {
    expectClose(erfc(x), expected, 2e-15);
  });

  it("limits and bad input", () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfc(30)).toBe(0); // true value 2.6e-393 underflows
    expect(erfc(-10)).toBe(2);
    expectCrmkitError(() => erfc(Number.NaN), "INVALID_INPUT", /erfc\.x/);
  });

  it("property: erf(x) + erfc(x) = 1 and erf is odd and increasing", () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true }), (x, y) => {
        expect(Math.abs(erf(x) + erfc(x) - 1)).toBeLessThanOrEqual(4e-16);
        expect(erf(-x)).toBe(-erf(x));
        if (x < y) expect(erf(x)).toBeLessThanOrEqual(erf(y));
      }),
    );
  });
});
