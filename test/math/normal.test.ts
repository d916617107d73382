import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalLogCdf, normalLogPdf, normalLogSf, normalPdf, normalQuantile, normalSf } from "../../src/math/normal.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

// Reference values: mpmath 1.3.0 (ncdf / npdf at 50 digits, evaluated at the exact double
// arguments) rounded to double, unless noted.
const CDF: ReadonlyArray<readonly [number, number]> = [
  [-37, 5.725571222524577e-300],
  [-30, 4.906713927148187e-198],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-1, 0.15865525393145705],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.3, 0.6179114221889527],
  [0.7, 0.758036347776927],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [3, 0.9986501019683699],
  [8, 0.9999999999999993],
];

const QUANTILES: ReadonlyArray<readonly [number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-100, -21.273453560965326],
  [1e-20, -9.262340089798407],
  [1e-12, -7.034483825301132],
  [1e-5, -4.264890793922825],
  [0.01, -2.326347874040841],
  [0.025, -1.9599639845400543],
  [0.3, -0.5244005127080408],
  [0.7, 0.5244005127080407],
  [0.975, 1.9599639845400538],
  [0.999999, 4.753424308817087],
];

describe("normalCdf / normalSf", () => {
  it.each(CDF)("Φ(%s) = %s", (x, expected) => {
    expectClose(normalCdf(x), expected, 1e-15);
    // symmetry: the upper tail at -x is the same number
    expectClose(normalSf(-x), expected, 1e-15);
  });

  it("keeps the upper tail where 1 - Φ cancels", () => {
    expectClose(normalSf(10), 7.619853024160525e-24, 1e-15);
    expectClose(normalSf(37), 5.725571222524577e-300, 1e-15);
    // normalSf(38) = 2.885428360068784...e-316 (mpmath) is subnormal: the nearest double,
    // 2.88542835e-316, keeps 8 digits
    expectClose(normalSf(38), 2.88542835e-316, 1e-8);
    expect(normalSf(38)).toBeGreaterThan(0);
    // the exact value at 40 is 3.655893540915e-350, below the smallest double: it underflows
    expect(normalSf(40)).toBe(0);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalSf(Number.NEGATIVE_INFINITY)).toBe(1);
  });

  it("matches R's documented pnorm(1.96) = 0.9750021", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 7);
  });

  it("rejects NaN", () => {
    expectCrmkitError(() => normalCdf(Number.NaN), "INVALID_INPUT", /normalCdf\.x/);
    expectCrmkitError(() => normalSf(Number.NaN), "INVALID_INPUT", /normalSf\.x/);
    expectCrmkitError(() => normalLogCdf(Number.NaN), "INVALID_INPUT");
    expectCrmkitError(() => normalLogSf(Number.NaN), "INVALID_INPUT");
    expectCrmkitError(() => normalPdf(Number.NaN), "INVALID_INPUT");
    expectCrmkitError(() => normalLogPdf(Number.NaN), "INVALID_INPUT");
  });

  it("property: Φ is non-decreasing, Φ(x) + Φ(-x) = 1", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -40, max: 40, noNaN: true }), (x, y) => {
        if (x <= y) expect(normalCdf(x)).toBeLessThanOrEqual(normalCdf(y));
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThanOrEqual(3e-16);
      }),
    );
  });
});

describe("normalLogCdf / normalLogSf", () => {
  it("is finite far beyond the underflow of Φ", () => {
    // mpmath: log(ncdf(x))
    expectClose(normalLogCdf(-1e5), -5000000012.431864, 1e-15);
    expectClose(normalLogCdf(-1000), -500007.82669481216, 1e-15);
    expectClose(normalLogCdf(-40), -804.6084420137538, 1e-15);
    expectClose(normalLogCdf(-38.5), -745.695270290411, 1e-15);
    expectClose(normalLogCdf(-10), -53.23128515051247, 1e-15);
    expectClose(normalLogCdf(-1), -1.8410216450092636, 1e-15);
    expectClose(normalLogCdf(0), -Math.LN2, 1e-16);
    expectClose(normalLogCdf(3), -0.0013508099647481938, 1e-14);
    expectClose(normalLogCdf(10), -7.619853024160525e-24, 1e-15);
    expectClose(normalLogSf(40), -804.6084420137538, 1e-15);
    expect(normalLogCdf(Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalLogCdf(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe("normalPdf", () => {
  it("matches reference values, tails included", () => {
    expectClose(normalPdf(0), 0.3989422804014327, 1e-16);
    expectClose(normalPdf(1.96), 0.05844094433345146, 1e-15);
    expectClose(normalPdf(-10), 7.694598626706419e-23, 1e-15);
    expectClose(normalPdf(30), 1.4736461348785476e-196, 1e-15);
    expect(normalPdf(Number.POSITIVE_INFINITY)).toBe(0);
    expectClose(normalLogPdf(0), -0.9189385332046728, 1e-16);
  });
});

describe("normalQuantile", () => {
  it("qnorm(0.975) = 1.959963984540054 (R)", () => {
    expectClose(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expect(normalQuantile(0.5)).toBe(0);
  });

  it.each(QUANTILES)("Φ⁻¹(%s) = %s", (p, expected) => {
    expectClose(normalQuantile(p), expected, 2e-15);
  });

  it("rejects p outside (0, 1)", () => {
    for (const p of [0, 1, -0.1, 1.1, Number.NaN]) {
      expectCrmkitError(() => normalQuantile(p), "INVALID_INPUT", /normalQuantile\.p: expected a probability strictly between 0 and 1/);
    }
  });

  it("property: quantile inverts the cdf", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1 - 1e-12, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        expectClose(p < 0.5 ? normalCdf(z) : normalSf(z), p < 0.5 ? p : 1 - p, 1e-12);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: -37, max: 8, noNaN: true }), (x) => {
        expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(x)) + 1e-15 / normalPdf(x));
      }),
    );
  });
});
