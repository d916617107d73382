import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalCdf } from "../../src/math/normal.js";
import { twoProportionZTest } from "../../src/math/two-proportion-test.js";
import { expectClose, expectCrmkitError } from "../support/numeric.js";

describe("twoProportionZTest", () => {
  it("statsmodels' documented example proportions_ztest([5, 12], [83, 99]): p-value 0.159", () => {
    const result = twoProportionZTest(5, 83, 12, 99);
    expect(result.pValue).toBeCloseTo(0.159, 3);
    // by hand: pooled p = 17/182, SE = √(p(1−p)(1/83 + 1/99))
    const pBar = 17 / 182;
    const se = Math.sqrt(pBar * (1 - pBar) * (1 / 83 + 1 / 99));
    expectClose(result.standardError, se, 1e-15);
    expectClose(result.z, (5 / 83 - 12 / 99) / se, 1e-14);
    expectClose(result.pValue, 2 * normalCdf(-Math.abs(result.z)), 1e-14);
  });

  it("z² equals Pearson's chi-square of the 2×2 table (R: prop.test(correct = FALSE))", () => {
    const [a, b, c, d] = [120, 380, 90, 410];
    const n = a + b + c + d;
    const chi2 = (n * (a * d - b * c) ** 2) / ((a + b) * (c + d) * (a + c) * (b + d));
    const result = twoProportionZTest(a, a + b, c, c + d);
    expectClose(result.z * result.z, chi2, 1e-13);
  });

  it("the CI uses the unpooled SE; pooled: false changes the test SE; one-sided alternatives", () => {
    const result = twoProportionZTest(45, 100, 30, 100, { level: 0.9 });
    const unpooled = Math.sqrt((0.45 * 0.55) / 100 + (0.3 * 0.7) / 100);
    expectClose(result.ci.high - result.difference, 1.6448536269514722 * unpooled, 1e-14);
    expect(result.ci.level).toBe(0.9);
    expectClose(twoProportionZTest(45, 100, 30, 100, { pooled: false }).standardError, unpooled, 1e-15);
    const greater = twoProportionZTest(45, 100, 30, 100, { alternative: "greater" });
    const less = twoProportionZTest(45, 100, 30, 100, { alternative: "less" });
    expectClose(greater.pValue + less.pValue, 1, 1e-15);
    expectClose(greater.pValue * 2, twoProportionZTest(45, 100, 30, 100).pValue, 1e-14);
  });

  it("degenerate data (documented): no variation gives z = 0, p = 1", () => {
    const none = twoProportionZTest(0, 50, 0, 70);
    expect(none).toMatchObject({ difference: 0, standardError: 0, z: 0, pValue: 1 });
    const split = twoProportionZTest(0, 10, 10, 10, { pooled: false });
    expect(split.z).toBe(Number.NEGATIVE_INFINITY);
    expect(split.pValue).toBe(0);
  });

  it("rejects bad input", () => {
    expectCrmkitError(() => twoProportionZTest(1, 0, 1, 2), "INVALID_INPUT", /n1: expected at least one trial/);
    expectCrmkitError(() => twoProportionZTest(3, 2, 1, 2), "INVALID_INPUT", /x1: expected an integer <= n1 \(2\)/);
    expectCrmkitError(() => twoProportionZTest(1, 2, 3, 2), "INVALID_INPUT", /x2/);
    expectCrmkitError(() => twoProportionZTest(1, 2, 1, 0), "INVALID_INPUT", /n2/);
    expectCrmkitError(() => twoProportionZTest(Number.NaN, 2, 1, 2), "INVALID_INPUT", /x1/);
    expectCrmkitError(() => twoProportionZTest(1, 2, 1, 2, { level: 2 }), "INVALID_INPUT", /level/);
    expectCrmkitError(() => twoProportionZTest(1, 2, 1, 2, { alternative: "up" as "less" }), "INVALID_INPUT", /alternative/);
  });

  it("property: swapping the groups negates z and keeps the two-sided p-value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, s1, s2) => {
        const x1 = Math.round(s1 * n1);
        const x2 = Math.round(s2 * n2);
        const ab = twoProportionZTest(x1, n1, x2, n2);
        const ba = twoProportionZTest(x2, n2, x1, n1);
        expect(ba.z).toBe(ab.z === 0 ? 0 : -ab.z);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 14);
        expect(ab.pValue).toBeGreaterThanOrEqual(0);
        expect(ab.pValue).toBeLessThanOrEqual(1);
      }),
    );
  });
});
