import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareCdf, chiSquareQuantile, chiSquareSf } from "../../src/math/chi-square.js";
import { erf, erfc } from "../../src/math/erf.js";
import { normalQuantile } from "../../src/math/normal.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

describe("chiSquareCdf / chiSquareSf", () => {
  it("matches mpmath (regularized gamma at 50 digits)", () => {
    expectClose(chiSquareSf(3.841458820694124, 1), 0.05000000000000006, 5e-15);
    expectClose(chiSquareSf(100, 1), 1.523970604832105e-23, 5e-15);
    expectClose(chiSquareSf(50, 30), 0.01240206071890058, 5e-15);
    expectClose(chiSquareSf(1e4, 1e4), 0.49811936596618267, 5e-15);
    expectClose(chiSquareSf(0.5, 0.3), 0.15604916709686203, 5e-15);
    expectClose(chiSquareSf(18.307038053275146, 10), 0.05000000000000001, 5e-15);
    expectClose(chiSquareCdf(0.001, 5), 1.6814877189706276e-9, 5e-15);
    expectClose(chiSquareCdf(50, 30), 0.9875979392810994, 5e-15);
    expectClose(chiSquareCdf(0.5, 0.3), 0.843950832903138, 5e-15);
  });

  it("closed forms: df = 2 is exponential, df = 1 is a squared normal", () => {
    for (const x of [1e-6, 0.5, 2, 20, 600]) expectClose(chiSquareSf(x, 2), Math.exp(-x / 2), 4e-15);
    // (beyond x ≈ 20 the rounding of √(x/2) alone moves erfc by more than 1e-14)
    for (const x of [1e-6, 0.5, 2, 20]) {
      expectClose(chiSquareCdf(x, 1), erf(Math.sqrt(x / 2)), 4e-15);
      expectClose(chiSquareSf(x, 1), erfc(Math.sqrt(x / 2)), 4e-15);
    }
  });

  it("rejects bad arguments", () => {
    expectCrmkitError(() => chiSquareCdf(-1, 2), "INVALID_INPUT", /chiSquareCdf\.x/);
    expectCrmkitError(() => chiSquareSf(1, 0), "INVALID_INPUT", /chiSquareSf\.df/);
    expectCrmkitError(() => chiSquareSf(Number.NaN, 1), "INVALID_INPUT");
    expectCrmkitError(() => chiSquareCdf(1, Number.POSITIVE_INFINITY), "INVALID_INPUT");
  });
});

describe("chiSquareQuantile", () => {
  it("R's qchisq(0.95, 1) = 3.841458820694124 and qchisq(0.95, 10) = 18.30703805327515", () => {
    expectClose(chiSquareQuantile(0.95, 1), 3.841458820694124, 1e-15);
    expectClose(chiSquareQuantile(0.95, 10), 18.30703805327515, 1e-15);
    // df = 1: the square of the normal quantile
    expectClose(chiSquareQuantile(0.95, 1), normalQuantile(0.975) ** 2, 1e-15);
  });

  it("matches scipy.stats.chi2 (1.17) ppf / isf", () => {
    expectClose(chiSquareQuantile(1e-10, 3), 5.20939762143448e-7, 1e-14);
    expectClose(chiSquareQuantile(0.999999, 4), 33.37684158165888, 1e-14);
    expectClose(chiSquareQuantile(0.05, 0.5), 8.437150840525987e-6, 1e-14);
    expectClose(chiSquareQuantile(0.5, 1000), 999.333412403381, 1e-14);
    expectClose(chiSquareQuantile(0.01, 1e5), 98962.56777829022, 1e-14);
    expectClose(chiSquareQuantile(0.99, 3), 11.344866730144373, 1e-14);
  });

  it("df = 2 closed form: −2 log(1 − p)", () => {
    for (const p of [1e-12, 0.1, 0.5, 0.9, 0.999999]) expectClose(chiSquareQuantile(p, 2), -2 * Math.log1p(-p), 2e-15);
  });

  it("rejects bad arguments", () => {
    for (const p of [0, 1, -1, Number.NaN]) expectCrmkitError(() => chiSquareQuantile(p, 3), "INVALID_INPUT", /chiSquareQuantile\.p/);
    expectCrmkitError(() => chiSquareQuantile(0.5, -3), "INVALID_INPUT", /chiSquareQuantile\.df/);
  });

  it("property: the quantile inverts the distribution function", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 0.1, max: 1e4, noNaN: true }), (p, df) => {
        const x = chiSquareQuantile(p, df);
        const back = p < 0.5 ? chiSquareCdf(x, df) : 1 - chiSquareSf(x, df);
        expect(Math.abs(back - p)).toBeLessThanOrEqual(1e-12 * Math.min(p, 1 - p) + 1e-15);
      }),
    );
  });
});
