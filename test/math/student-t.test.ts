import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../src/math/normal.js";
import { studentTCdf, studentTQuantile } from "../../src/math/student-t.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

describe("studentTCdf", () => {
  it("closed forms for df = 1, 2 and 3", () => {
    for (const t of [-1e6, -30, -2, -0.3, 0, 0.7, 4, 1e3]) {
      // Cauchy
      const cauchy = t < 0 ? Math.atan(-1 / t) / Math.PI : 0.5 + Math.atan(t) / Math.PI;
      expectClose(studentTCdf(t, 1), cauchy, 3e-15);
      // ½ + t/(2r), r = √(2+t²); the lower tail ½ − |t|/(2r) rewritten as 1/(r(r + |t|)) (no cancellation)
      const r = Math.sqrt(2 + t * t);
      const df2Tail = 1 / (r * (r + Math.abs(t)));
      expectClose(studentTCdf(t, 2), t < 0 ? df2Tail : 1 - df2Tail, 3e-15);
      const s = t / Math.sqrt(3);
      const df3 = 0.5 + (s / (1 + s * s) + Math.atan(s)) / Math.PI;
      if (t > -30) expectClose(studentTCdf(t, 3), df3, 3e-15);
    }
  });

  it("matches scipy.stats.t.cdf (1.17) in the tails", () => {
    expectClose(studentTCdf(-3, 3), 0.02883444281121865, 2e-15);
    expectClose(studentTCdf(-50, 2.5), 4.065247542479361e-5, 2e-15);
    expectClose(studentTCdf(0.1, 30), 0.5394951941048645, 2e-15);
    expectClose(studentTCdf(-1e5, 1), 3.183098861731804e-6, 2e-15);
    expectClose(studentTCdf(-40, 5), 9.205981085886477e-8, 2e-15);
  });

  it("df = Infinity is the normal; huge df approaches it", () => {
    expect(studentTCdf(1.3, Number.POSITIVE_INFINITY)).toBe(normalCdf(1.3));
    expect(Math.abs(studentTCdf(-2, 1e8) - normalCdf(-2))).toBeLessThan(1e-8);
    expect(studentTCdf(Number.NEGATIVE_INFINITY, 4)).toBe(0);
    expect(studentTCdf(Number.POSITIVE_INFINITY, 4)).toBe(1);
  });

  it("rejects bad arguments", () => {
    expectCrmkitError(() => studentTCdf(Number.NaN, 3), "INVALID_INPUT", /studentTCdf\.t/);
    expectCrmkitError(() => studentTCdf(1, 0), "INVALID_INPUT", /studentTCdf\.df/);
    expectCrmkitError(() => studentTCdf(1, Number.NaN), "INVALID_INPUT");
  });
});

describe("studentTQuantile", () => {
  it("R's qt(0.975, 10) = 2.228138851986274 and qt(0.975, 1) = 12.70620473617471", () => {
    expectClose(studentTQuantile(0.975, 10), 2.228138851986274, 1e-15);
    // (mpmath: cot(π(1 − 0.975)) = 12.706204736174704 at the double 0.975)
    expectClose(studentTQuantile(0.975, 1), 12.70620473617471, 2e-15);
  });

  it("matches scipy.stats.t.ppf (1.17)", () => {
    expectClose(studentTQuantile(0.995, 30), 2.7499956535672254, 2e-15);
    expectClose(studentTQuantile(1e-10, 3), -2225.769284683093, 2e-15);
    expectClose(studentTQuantile(0.9999, 1.5), 242.26409884652412, 2e-15);
    expectClose(studentTQuantile(0.3, 0.5), -1.0095258786071655, 2e-15);
    expectClose(studentTQuantile(0.9, 7), 1.4149239276505086, 2e-15);
  });

  it("closed forms for df = 1 and 2, far tails included", () => {
    for (const p of [1e-12, 0.01, 0.3, 0.8, 0.999]) {
      const q = Math.min(p, 1 - p);
      expectClose(Math.abs(studentTQuantile(p, 1)), 1 / Math.tan(Math.PI * q), 1e-14);
      expectClose(Math.abs(studentTQuantile(p, 2)), (1 - 2 * q) / Math.sqrt(2 * q * (1 - q)), 1e-14);
    }
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
  });

  it("rejects bad arguments", () => {
    for (const p of [0, 1, Number.NaN]) expectCrmkitError(() => studentTQuantile(p, 3), "INVALID_INPUT", /studentTQuantile\.p/);
    expectCrmkitError(() => studentTQuantile(0.3, -1), "INVALID_INPUT", /studentTQuantile\.df/);
  });

  it("property: the quantile inverts the cdf and is antisymmetric", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-10, max: 1 - 1e-10, noNaN: true }), fc.double({ min: 0.2, max: 1e5, noNaN: true }), (p, df) => {
        const t = studentTQuantile(p, df);
        const tail = t < 0 ? studentTCdf(t, df) : 1 - studentTCdf(t, df);
        const q = Math.min(p, 1 - p);
        expect(Math.abs(tail - q)).toBeLessThanOrEqual(1e-11 * q + 1e-15);
      }),
    );
    // p on a dyadic grid, where 1 − p is exact: the quantiles are exact negatives
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1023 }), fc.double({ min: 0.2, max: 1e5, noNaN: true }), (k, df) => {
        expect(studentTQuantile(1 - k / 1024, df)).toBe(-studentTQuantile(k / 1024, df) + 0); // + 0: the median is 0, not -0
      }),
    );
  });
});
