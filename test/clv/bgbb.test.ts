import { describe, expect, it } from "vitest";
import { BgBbModel, fitBgBb } from "../../src/clv/index.js";
import { bgBbObjective } from "../../src/clv/bgbb.js";
import { hasSharedData, whenPresent } from "../support/shared-data.js";
import { readDonations } from "../support/cdnow.js";
import { expectGradientMatchesFiniteDifferences } from "../support/gradient-check.js";

const HAS_DATA = hasSharedData("donations.csv");

describe.skipIf(!HAS_DATA)("fitBgBb on the donations data (FHS 2010)", () => {
  const d = readDonations();
  const m = whenPresent(HAS_DATA, () => fitBgBb(d));

  it("reproduces α 1.204, β 0.750, γ 0.657, δ 2.783 and LL −33,225.6", () => {
    expect(m.params.alpha).toBeCloseTo(1.204, 3);
    expect(m.params.beta).toBeCloseTo(0.75, 3);
    expect(m.params.gamma).toBeCloseTo(0.657, 3);
    expect(m.params.delta).toBeCloseTo(2.783, 3);
    expect(m.logLikelihood).toBeCloseTo(-33225.6, 1);
    expect(m.fit?.customers).toBe(11104);
  });

  it("matches FHS table 6 and Hardie's spreadsheet (lifetimes' tests)", () => {
    const alive = m.probabilityAlive({ frequency: [0, 2, 6], recency: [0, 4, 6], T: [6, 6, 6] });
    [0.11, 0.59, 0.93].forEach((v, i) => expect(alive[i]).toBeCloseTo(v, 2));
    const e = m.conditionalExpectedPurchases(5, d);
    let total = 0;
    e.forEach((v, i) => (total += v * d.weights[i]!));
    expect(Math.abs(total - 12884.2)).toBeLessThan(0.5);
    expect(Math.abs(11104 * m.probabilityOfPurchases(0, 6) - 3454.9)).toBeLessThan(0.1);
    expect(Math.abs(11104 * m.probabilityOfPurchases(6, 6) - 1253.1)).toBeLessThan(0.1);
  });

  it("fits the expanded data (one row per donor) like the weighted rows", () => {
    const ex = { frequency: [] as number[], recency: [] as number[], T: [] as number[] };
    d.weights.forEach((w, i) => {
      for (let k = 0; k < w; k++) {
        ex.frequency.push(d.frequency[i]!);
        ex.recency.push(d.recency[i]!);
        ex.T.push(d.T[i]!);
      }
    });
    const e = fitBgBb(ex);
    expect(e.params.alpha).toBeCloseTo(m.params.alpha, 4);
    expect(e.fit?.rows).toBe(22);
  });
});

describe("BgBbModel", () => {
  const m = BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
  it("P(X(n) = x) sums to 1 with mean E[X(n)]", () => {
    for (const n of [1, 6, 20]) {
      let s = 0;
      let mean = 0;
      for (let x = 0; x <= n; x++) {
        const p = m.probabilityOfPurchases(x, n);
        s += p;
        mean += x * p;
      }
      expect(s).toBeCloseTo(1, 12);
      expect(mean).toBeCloseTo(m.expectedPurchases(n), 10);
    }
  });

  it("is continuous at γ = 1", () => {
    const at = (g: number) => BgBbModel.fromParams({ alpha: 1, beta: 1, gamma: g, delta: 2 }).expectedPurchases(10);
    expect(at(1)).toBeCloseTo((at(1 - 1e-6) + at(1 + 1e-6)) / 2, 8);
  });

  it("has an analytic gradient equal to finite differences", () => {
    const d = { rows: 4, x: Float64Array.of(0, 1, 3, 6), tx: Float64Array.of(0, 2, 5, 6), n: Float64Array.of(6, 6, 6, 6), w: Float64Array.of(10, 3, 2, 5), customers: 20 };
    const f = bgBbObjective(d);
    expectGradientMatchesFiniteDifferences(f, [1.2, 0.75, 0.66, 2.8]);
  });

  it("rejects non-discrete or inconsistent data", () => {
    expect(() => fitBgBb({ frequency: [1], recency: [1.5], T: [6] })).toThrow(/recency\[0\].*integer/);
    expect(() => fitBgBb({ frequency: [3], recency: [2], T: [6] })).toThrow(/frequency\[0\].*at most recency/);
    expect(() => fitBgBb({ frequency: [0], recency: [0], T: [6] })).toThrow(/frequency 0/);
    expect(() => fitBgBb({ frequency: [1], recency: [1], T: [6] }, { weights: [Number.NaN] })).toThrow(/weights\[0\]/);
  });
});
