import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { BgNbdModel, fitBgNbd } from "../../src/clv/index.js";
import { bgNbdObjective } from "../../src/clv/bgnbd.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { hasSharedData, whenPresent } from "../support/shared-data.js";
import { readCdnowSummary } from "../support/cdnow.js";
import { expectGradientMatchesFiniteDifferences, gradientCheckData } from "../support/gradient-check.js";
import { expectConditionalPmfConsistent } from "../support/btyd-properties.js";

const HAS_DATA = hasSharedData("cdnow_customers_summary_with_transactions.csv");

// Lanczos-free log-gamma by Stirling with shift, independent of src/math (for test-side integrals)
function lgammaLocal(x: number): number {
  let shift = 0;
  while (x < 20) {
    shift -= Math.log(x);
    x += 1;
  }
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}

const PUBLISHED = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" });

describe.skipIf(!HAS_DATA)("fitBgNbd on CDNOW (FHL 2005)", () => {
  const s = readCdnowSummary();
  const model = whenPresent(HAS_DATA, () => fitBgNbd({ frequency: s.x, recency: s.tx, T: s.T, unit: "week" }));

  it("reproduces the published estimates and log-likelihood", () => {
    expect(model.params.r).toBeCloseTo(0.243, 3);
    expect(model.params.alpha).toBeCloseTo(4.414, 3);
    expect(model.params.a).toBeCloseTo(0.793, 3);
    expect(model.params.b).toBeCloseTo(2.426, 3);
    expect(model.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(model.converged).toBe(true);
    expect(model.unit).toBe("week");
    expect(model.fit?.customers).toBe(2357);
    expect(model.fit?.rows).toBeLessThan(2357); // duplicates collapsed
  });

  it("gives lifetimes' standard errors and 95% intervals (lifetimes docs: se 0.01, 0.38, 0.19, 0.71)", () => {
    const se = model.standardErrors!;
    expect(se.r).toBeCloseTo(0.01, 2);
    expect(se.alpha).toBeCloseTo(0.38, 2);
    expect(se.a).toBeCloseTo(0.19, 2);
    expect(se.b).toBeCloseTo(0.71, 2);
    const ci = model.confidenceIntervals(0.95);
    expect(ci.r.low).toBeCloseTo(0.22, 2);
    expect(ci.alpha.low).toBeCloseTo(3.67, 2);
    expect(ci.alpha.high).toBeCloseTo(5.15, 2);
    const logCi = model.confidenceIntervals(0.95, "log");
    expect(logCi.b.low).toBeGreaterThan(0);
    expect(model.aic).toBeCloseTo(2 * 4 + 2 * 9582.43, 1);
  });

  it("matches lifetimes' test values for the predictions (Hardie's spreadsheet)", () => {
    // conditional expected purchases of CDNOW customer 1 over the next 39 weeks
    expect(Math.abs(model.conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 })[0]! - 1.226)).toBeLessThan(0.001);
    const times = [0.1429, 1.0, 3.0, 31.8571, 32.0, 78.0];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(model.expectedPurchases(t) - expected[i]!)).toBeLessThan(1e-3));
  });

  it("fits the same with weights as with repeated rows", () => {
    const w = fitBgNbd({ frequency: s.x, recency: s.tx, T: s.T }, { weights: new Float64Array(s.x.length).fill(2) });
    expect(w.params.r).toBeCloseTo(model.params.r, 5);
    expect(w.logLikelihood).toBeCloseTo(2 * model.logLikelihood, 4);
  });
});

describe("BgNbdModel predictions", () => {
  it("match R BTYD's P(X(t) = n) (lifetimes' test values)", () => {
    expect(Math.abs(PUBLISHED.probabilityOfPurchases(10, 2) - 1.07869e-7)).toBeLessThan(1e-10);
    expect(PUBLISHED.probabilityOfPurchases(0, 39)).toBeCloseTo(0.5737864, 6);
    const pmf = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    pmf.forEach((v, i) => expect(PUBLISHED.probabilityOfPurchases(11 + i, 30)).toBeCloseTo(v, 8));
  });

  it("P(alive) is 1 without repeat purchases and 0 for an absurd history", () => {
    expect(PUBLISHED.probabilityAlive({ frequency: 0, recency: 0, T: 1 })[0]).toBe(1);
    expect(PUBLISHED.probabilityAlive({ frequency: 1000, recency: 10, T: 100 })[0]).toBe(0);
  });

  it("property: the PMF sums to 1 and its mean is E[X(t)]", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 100, noNaN: true }), (t) => {
        let sum = 0;
        let mean = 0;
        for (let n = 0; n < 400; n++) {
          const p = PUBLISHED.probabilityOfPurchases(n, t);
          sum += p;
          mean += n * p;
        }
        expect(sum).toBeCloseTo(1, 6);
        expect(mean).toBeCloseTo(PUBLISHED.expectedPurchases(t), 3);
      }),
      { numRuns: 20 },
    );
  });

  it("property: the conditional PMF sums to 1 and its mean is the conditional expectation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 5, max: 80, noNaN: true }), fc.double({ min: 1, max: 60, noNaN: true }), (x, frac, T, t) => {
        const h = { frequency: x, recency: x === 0 ? 0 : frac * T, T };
        expectConditionalPmfConsistent(PUBLISHED, t, h, 600, true);
      }),
      { numRuns: 25 },
    );
  });

  it("property: P(alive) in [0, 1], conditional expectations finite and non-decreasing in t, at extreme inputs", () => {
    fc.assert(
      fc.property(
        fc.record({ r: fc.double({ min: 1e-2, max: 1e2, noNaN: true }), alpha: fc.double({ min: 1e-2, max: 1e3, noNaN: true }), a: fc.double({ min: 1e-2, max: 1e2, noNaN: true }), b: fc.double({ min: 1e-2, max: 1e2, noNaN: true }) }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (params, x, frac, T) => {
          const m = BgNbdModel.fromParams(params);
          const h = { frequency: x, recency: x === 0 ? 0 : frac * T, T };
          const pa = m.probabilityAlive(h)[0]!;
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1);
          const e1 = m.conditionalExpectedPurchases(10, h)[0]!;
          const e2 = m.conditionalExpectedPurchases(20, h)[0]!;
          expect(Number.isFinite(e1) && Number.isFinite(e2)).toBe(true);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-9));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("agrees between the series and the integral over p", () => {
    const m = BgNbdModel.fromParams({ r: 0.7, alpha: 3, a: 1.7, b: 4 });
    // t = 1e5 weeks forces the quadrature path; t = 50 the series: both against a direct integral
    for (const [t, h] of [
      [50, { frequency: 4, recency: 20, T: 30 }],
      [1e5, { frequency: 4, recency: 20, T: 30 }],
    ] as const) {
      const got = m.conditionalExpectedPurchases(t, h)[0]!;
      // E[Y|alive] via Σ_k P(N ≥ k)(1−p)^(k−1) integrated numerically on a grid: independent check
      const s = 0.7 + 4;
      const beta = 3 + 30;
      let num = 0;
      const steps = 200000;
      const lB = Math.log(1) + lgammaLocal(1.7) + lgammaLocal(8) - lgammaLocal(9.7);
      for (let i = 0; i < steps; i++) {
        const p = (i + 0.5) / steps;
        num += ((1 - Math.pow(1 + (p * t) / beta, -s)) / p) * Math.exp(0.7 * Math.log(p) + 7 * Math.log(1 - p) - lB) / steps;
      }
      const alive = m.probabilityAlive(h)[0]!;
      expect(got).toBeCloseTo(num * alive, 4);
    }
  });

  it("is finite and continuous at a = 1 (the (a−1) denominator)", () => {
    const at = (a: number) => BgNbdModel.fromParams({ r: 0.5, alpha: 5, a, b: 2 }).conditionalExpectedPurchases(30, { frequency: 3, recency: 20, T: 30 })[0]!;
    expect(Number.isFinite(at(1))).toBe(true);
    expect(at(1)).toBeCloseTo((at(1 - 1e-7) + at(1 + 1e-7)) / 2, 8);
  });

  it("round-trips through JSON", () => {
    const m = BgNbdModel.fromJSON(JSON.stringify(fitBgNbd({ frequency: [0, 2, 1, 0, 5, 3], recency: [0, 20, 5, 0, 30, 25], T: [40, 38, 30, 35, 39, 40] }, { unit: "day" })));
    expect(m.unit).toBe("day");
    expect(m.fit?.converged).toBe(true);
    expect(() => BgNbdModel.fromJSON({ model: "pareto-nbd", params: {} })).toThrow(/json\.model/);
    expect(() => BgNbdModel.fromParams({ r: -1, alpha: 1, a: 1, b: 1 })).toThrow(/params\.r/);
    expect(() => PUBLISHED.logLikelihood).toThrow(/built from parameters/);
  });

  it("refuses data in another unit than the model's", () => {
    expect(() => PUBLISHED.probabilityAlive({ frequency: [1], recency: [3], T: [5], unit: "day" })).toThrow(/unit.*"week"/);
  });
});

describe("BG/NBD likelihood", () => {
  it("has an analytic gradient equal to finite differences", () => {
    const f = bgNbdObjective(gradientCheckData());
    for (const p of [
      [0.243, 4.414, 0.793, 2.426],
      [2, 0.1, 5, 0.3],
      [0.01, 100, 0.05, 40],
    ]) {
      expectGradientMatchesFiniteDifferences(f, p);
    }
  });

  it("sums over customers: the log-likelihood of two rows is the sum of each (lifetimes' test)", () => {
    const m = BgNbdModel.fromParams({ r: 1, alpha: 1, a: 1, b: 1 });
    const both = m.logLikelihoodOf({ frequency: [1, 3], recency: [2, 2], T: [5, 6] });
    const one = m.logLikelihoodOf({ frequency: 1, recency: 2, T: 5 });
    const two = m.logLikelihoodOf({ frequency: 3, recency: 2, T: 6 });
    expect(both).toBeCloseTo(one + two, 12);
  });
});

describe("fitBgNbd bad input", () => {
  const expectCode = (f: () => unknown, code: string, msg: RegExp) => {
    let err: unknown;
    try {
      f();
    } catch (e) {
      err = e;
    }
    expect(isCrmkitError(err)).toBe(true);
    expect((err as { code: string }).code).toBe(code);
    expect(String(err)).toMatch(msg);
  };
  it("rejects empty data, all-zero frequency, recency > T, negative values", () => {
    expectCode(() => fitBgNbd({ frequency: [], recency: [], T: [] }), "INSUFFICIENT_DATA", /no customers/);
    expectCode(() => fitBgNbd({ frequency: [0, 0], recency: [0, 0], T: [3, 4] }), "INSUFFICIENT_DATA", /frequency 0/);
    expectCode(() => fitBgNbd({ frequency: [1, 0], recency: [5, 0], T: [3, 4] }), "INVALID_INPUT", /recency\[0\].*\[0, T\]/);
    expectCode(() => fitBgNbd({ frequency: [-1, 0], recency: [0, 0], T: [3, 4] }), "INVALID_INPUT", /frequency\[0\]/);
    expectCode(() => fitBgNbd({ frequency: [1.5, 0], recency: [1, 0], T: [3, 4] }), "INVALID_INPUT", /frequency\[0\].*integer/);
    expectCode(() => fitBgNbd({ frequency: [1, 0], recency: [1, 0], T: [3, -4] }), "INVALID_INPUT", /T\[1\]/);
    expectCode(() => fitBgNbd({ frequency: [1, 0], recency: [1, 2], T: [3, 4] }), "INVALID_INPUT", /recency\[1\].*0 when frequency is 0/);
    expectCode(() => fitBgNbd({ frequency: [1, 0], recency: [1], T: [3, 4] }), "INVALID_INPUT", /recency.*length/);
    expectCode(() => fitBgNbd({ frequency: [1, 0], recency: [1, 0], T: [3, 4] }, { weights: [1, -1] }), "INVALID_INPUT", /weights\[1\]/);
    expectCode(() => fitBgNbd(null as never), "INVALID_INPUT", /data/);
  });
  it("reports NOT_CONVERGED with what was tried", () => {
    expectCode(() => fitBgNbd({ frequency: [1, 0, 2], recency: [1, 0, 3], T: [3, 4, 5] }, { maxIterations: 1 }), "NOT_CONVERGED", /starting point/);
  });
});
