import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitMbgNbd, MbgNbdModel } from "../../src/clv/index.js";
import { mbgNbdObjective } from "../../src/clv/mbgnbd.js";
import { hasSharedData, whenPresent } from "../support/shared-data.js";
import { readCdnowSummary } from "../support/cdnow.js";
import { expectGradientMatchesFiniteDifferences, gradientCheckData } from "../support/gradient-check.js";
import { expectConditionalPmfConsistent } from "../support/btyd-properties.js";

const HAS_DATA = hasSharedData("cdnow_customers_summary_with_transactions.csv");

describe.skipIf(!HAS_DATA)("fitMbgNbd on CDNOW", () => {
  const s = readCdnowSummary();
  const model = whenPresent(HAS_DATA, () => fitMbgNbd({ frequency: s.x, recency: s.tx, T: s.T, unit: "week" }));

  it("reproduces BTYDplus' estimates r 0.525, α 6.183, a 0.891, b 1.614", () => {
    expect(model.params.r).toBeCloseTo(0.525, 3);
    expect(model.params.alpha).toBeCloseTo(6.183, 3);
    expect(model.params.a).toBeCloseTo(0.891, 3);
    expect(model.params.b).toBeCloseTo(1.614, 3);
    expect(model.converged).toBe(true);
  });

  it("predicts close to Hardie's BG/NBD spreadsheet values (lifetimes' MBG/NBD tests)", () => {
    expect(Math.abs(model.conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 })[0]! - 1.226)).toBeLessThan(0.05);
    const times = [0.1429, 1.0, 3.0, 31.8571, 32.0, 78.0];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(Math.abs(model.expectedPurchases(t) / expected[i]! - 1)).toBeLessThan(0.05));
    expect(model.probabilityAlive({ frequency: 0, recency: 0, T: 1 })[0]).toBeLessThan(1);
  });
});

describe("MbgNbdModel", () => {
  const m = MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 });
  it("PMF sums to 1 with mean E[X(t)]; conditional PMF with mean the conditional expectation", () => {
    for (const t of [1, 10, 52]) {
      let sum = 0;
      let mean = 0;
      for (let n = 0; n < 400; n++) {
        const p = m.probabilityOfPurchases(n, t);
        sum += p;
        mean += n * p;
      }
      expect(sum).toBeCloseTo(1, 8);
      expect(mean).toBeCloseTo(m.expectedPurchases(t), 5);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 5, max: 60, noNaN: true }), fc.double({ min: 1, max: 40, noNaN: true }), (x, f, T, t) => {
        const h = { frequency: x, recency: x === 0 ? 0 : f * T, T };
        expectConditionalPmfConsistent(m, t, h, 400);
      }),
      { numRuns: 15 },
    );
  });

  it("has an analytic gradient equal to finite differences", () => {
    const f = mbgNbdObjective(gradientCheckData());
    for (const p of [
      [0.525, 6.183, 0.891, 1.614],
      [2, 0.1, 5, 0.3],
    ]) {
      expectGradientMatchesFiniteDifferences(f, p);
    }
  });

  it("sums over customers and rejects bad input", () => {
    const u = MbgNbdModel.fromParams({ r: 1, alpha: 1, a: 1, b: 1 });
    expect(u.logLikelihoodOf({ frequency: [1, 3], recency: [2, 2], T: [5, 6] })).toBeCloseTo(u.logLikelihoodOf({ frequency: 1, recency: 2, T: 5 }) + u.logLikelihoodOf({ frequency: 3, recency: 2, T: 6 }), 12);
    expect(() => fitMbgNbd({ frequency: [0], recency: [0], T: [3] })).toThrow(/frequency 0/);
    expect(() => fitMbgNbd({ frequency: [2], recency: [3], T: [2] })).toThrow(/recency\[0\]/);
    expect(() => MbgNbdModel.fromJSON({ model: "bg-nbd", params: {} })).toThrow(/json\.model/);
  });
});
