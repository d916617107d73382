import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareConversion } from "../../src/conversion/index.js";
import { expectCrmkitError } from "../support/conversion-fixtures.js";

describe("compareConversion", () => {
  it("reproduces statsmodels' proportions_ztest example ([5, 12] of [83, 99])", () => {
    // statsmodels/stats/tests/test_proportion.py::test_default_values (GH 2969).
    const c = compareConversion({ conversions: 5, total: 83 }, { conversions: 12, total: 99 });
    expect(c.test).toBe("z");
    expect(c.zTest.z).toBeCloseTo(-1.4078304151258787, 7);
    expect(c.zTest.pValue).toBeCloseTo(0.15918129181156992, 7);
    expect(c.pValue).toBe(c.zTest.pValue);
  });

  it("gives the Wald interval of the difference and the Katz interval of the relative lift (hand computation)", () => {
    const c = compareConversion({ conversions: 5, total: 83 }, { conversions: 12, total: 99 });
    // p1 − p2 ± 1.959964 × sqrt(p1 q1 / n1 + p2 q2 / n2); exp(log(p1/p2) ± z sqrt(1/x1 − 1/n1 + 1/x2 − 1/n2)) − 1.
    expect(c.difference).toBeCloseTo(-0.06097115735669953, 14);
    expect(c.differenceInterval.low).toBeCloseTo(-0.1431502097879433, 8);
    expect(c.differenceInterval.high).toBeCloseTo(0.02120789507454425, 8);
    expect(c.relativeLift!.estimate).toBeCloseTo(-0.5030120481927711, 14);
    expect(c.relativeLift!.low).toBeCloseTo(-0.8174720840762801, 8);
    expect(c.relativeLift!.high).toBeCloseTo(0.353201360962051, 8);
  });

  it("reproduces statsmodels' pairwise tests against R's prop.test (smokers data)", () => {
    // statsmodels TestProportion: n_success [73, 90, 114, 75] of nobs [86, 93, 136, 82];
    // raw p-values of the pairs (0,1) (0,2) (0,3) (1,2) (1,3) (2,3) from R's pairwise.prop.test(correct = FALSE).
    const x = [73, 90, 114, 75];
    const n = [86, 93, 136, 82];
    const expected = [0.00533824886503131, 0.8327574849753566, 0.1880573726722516, 0.002026764254350234, 0.1309487516334318, 0.1076118730631731];
    const pairs = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]] as const;
    pairs.forEach(([i, j], k) => {
      const c = compareConversion({ conversions: x[i]!, total: n[i]! }, { conversions: x[j]!, total: n[j]! });
      expect(c.zTest.pValue).toBeCloseTo(expected[k]!, 10);
    });
  });

  it("switches to Fisher's exact test when an expected count is below 5", () => {
    // 90/93 vs 75/82: expected failures in the second group 82 × 10/175 = 4.69.
    const c = compareConversion({ conversions: 90, total: 93 }, { conversions: 75, total: 82 });
    expect(c.minExpected).toBeCloseTo(4.685714285714287, 12);
    expect(c.test).toBe("fisher-exact");
    expect(c.pValue).toBeCloseTo(0.19260827420493493, 9); // scipy.stats.fisher_exact([[90, 3], [75, 7]])
    expect(c.zTest.pValue).toBeCloseTo(0.1309487516334318, 10);
  });

  it("R's fisher.test tea-tasting example: p = 0.4857 (= 34/70)", () => {
    const c = compareConversion({ conversions: 3, total: 4 }, { conversions: 1, total: 4 });
    expect(c.test).toBe("fisher-exact");
    expect(c.pValue).toBeCloseTo(34 / 70, 12);
  });

  it("R's fisher.test Convictions example, with the exact test forced (exactBelow)", () => {
    // Dizygotic twins 2 of 17 convicted vs monozygotic 10 of 13. R documents the one-sided
    // p = 0.0004652; the two-sided p is 0.000536724 (scipy.stats.fisher_exact agrees with both).
    const c = compareConversion({ conversions: 2, total: 17 }, { conversions: 10, total: 13 }, { exactBelow: 10 });
    expect(c.minExpected).toBeCloseTo(5.2, 12);
    expect(c.test).toBe("fisher-exact");
    expect(c.pValue).toBeCloseTo(0.0005367241191434358, 10);
    expect(compareConversion({ conversions: 2, total: 17 }, { conversions: 10, total: 13 }).test).toBe("z");
  });

  it("no variation at all: no evidence of a difference, explicitly", () => {
    const c = compareConversion({ conversions: 0, total: 10 }, { conversions: 0, total: 20 });
    expect(c.zTest).toEqual({ z: 0, pValue: 1, standardError: 0 });
    expect(c.relativeLift).toBeNull();
    expect(c.pValue).toBe(1);
  });

  it("property: p-values in [0, 1], the interval contains the difference, swapping groups negates it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, f1, f2) => {
        const a = { conversions: Math.round(f1 * n1), total: n1 };
        const b = { conversions: Math.round(f2 * n2), total: n2 };
        const c = compareConversion(a, b);
        const d = compareConversion(b, a);
        expect(c.pValue).toBeGreaterThanOrEqual(0);
        expect(c.pValue).toBeLessThanOrEqual(1 + 1e-12);
        expect(c.differenceInterval.low).toBeLessThanOrEqual(c.difference + 1e-12);
        expect(c.differenceInterval.high).toBeGreaterThanOrEqual(c.difference - 1e-12);
        expect(d.difference).toBeCloseTo(-c.difference, 12);
        expect(d.zTest.pValue).toBeCloseTo(c.zTest.pValue, 10);
      }),
    );
  });

  it("bad input", () => {
    expectCrmkitError(() => compareConversion({ conversions: 5, total: 0 }, { conversions: 1, total: 3 }), "INVALID_INPUT", /a\.conversions/);
    expectCrmkitError(() => compareConversion({ conversions: 0, total: 0 }, { conversions: 1, total: 3 }), "INSUFFICIENT_DATA", /a has no records/);
    expectCrmkitError(() => compareConversion({ conversions: 1.5, total: 3 }, { conversions: 1, total: 3 }), "INVALID_INPUT", /whole number/);
    expectCrmkitError(() => compareConversion({ conversions: 1, total: 3 }, { conversions: 1, total: -3 }), "INVALID_INPUT", /b\.total/);
    expectCrmkitError(() => compareConversion({ conversions: 1, total: 3 }, { conversions: 1, total: 3 }, { level: 1 }), "INVALID_INPUT", /level/);
  });
});
