import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fitParetoNbd, ParetoNbdModel } from "../../src/clv/index.js";
import { logHyp2f1Pareto, paretoNbdObjective } from "../../src/clv/pareto-nbd.js";
import { logHyp2f1 } from "../../src/math/hyp2f1.js";
import { hasSharedData, whenPresent } from "../support/shared-data.js";
import { readCdnowSummary } from "../support/cdnow.js";
import { expectGradientMatchesFiniteDifferences, gradientCheckData } from "../support/gradient-check.js";
import { expectConditionalPmfConsistent } from "../support/btyd-properties.js";

const HAS_DATA = hasSharedData("cdnow_customers_summary_with_transactions.csv");

const BTYD = ParetoNbdModel.fromParams({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, { unit: "week" });

describe.skipIf(!HAS_DATA)("fitParetoNbd on CDNOW (FHL 2005)", () => {
  const s = readCdnowSummary();
  const model = whenPresent(HAS_DATA, () => fitParetoNbd({ frequency: s.x, recency: s.tx, T: s.T, unit: "week" }));

  it("reproduces the published log-likelihood tightly and the parameters to 1%", () => {
    expect(Math.abs(model.logLikelihood - -9595.0)).toBeLessThan(0.05);
    const published = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    for (const [k, v] of Object.entries(published)) expect(Math.abs(model.params[k as keyof typeof published] - v) / v).toBeLessThan(0.01);
    expect(model.converged).toBe(true);
  });

  it("matches R BTYD's expected purchases and the walkthrough's conditional expectation (lifetimes' tests)", () => {
    const btyd = [0.0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211];
    btyd.forEach((v, t) => expect(Math.abs(model.expectedPurchases(t) - v)).toBeLessThan(0.01));
    expect(Math.abs(model.conditionalExpectedPurchases(52, { frequency: 26, recency: 30.86, T: 31 })[0]! - 25.46)).toBeLessThan(0.01);
  });

  it("fits the same on collapsed rows with weights", () => {
    const w = fitParetoNbd({ frequency: s.x, recency: s.tx, T: s.T, weights: new Float64Array(s.x.length).fill(3) });
    expect(w.logLikelihood).toBeCloseTo(3 * model.logLikelihood, 3);
    expect(w.params.r).toBeCloseTo(model.params.r, 3);
  });
});

describe("ParetoNbdModel predictions", () => {
  it("P(alive) of the BTYD walkthrough (p. 8): 0.9979", () => {
    expect(Math.abs(BTYD.probabilityAlive({ frequency: 26, recency: 30.86, T: 31 })[0]! - 0.9979)).toBeLessThan(0.001);
  });

  it("guards against underflow: nearby histories give nearby predictions (lifetimes' values)", () => {
    const m = ParetoNbdModel.fromParams({ r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 });
    const [left, right] = m.conditionalExpectedPurchases(10, { frequency: [132, 133], recency: [200, 200], T: [200, 200] });
    expect(left).toBeCloseTo(6.2060517889632418, 8);
    expect(right).toBeCloseTo(6.2528722475748113, 8);
  });

  it("stays finite at lifetimes' overflow parameters", () => {
    const m = ParetoNbdModel.fromParams({ r: 10.465, alpha: 7.98565181e-3, s: 3.0516, beta: 2.82 });
    expect(Number.isFinite(m.logLikelihoodOf({ frequency: [400, 500, 500], recency: [5, 1, 4], T: [6, 37, 37] }))).toBe(true);
    for (const p of m.probabilityAlive({ frequency: [40, 50, 50], recency: [5, 1, 4], T: [6, 37, 37] })) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it("P(X(t) = n) equals the defining integral (independent midpoint quadrature)", () => {
    const { r, alpha, s, beta } = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const m = ParetoNbdModel.fromParams({ r, alpha, s, beta });
    const lg = (x: number): number => {
      let sh = 0;
      while (x < 20) {
        sh -= Math.log(x);
        x += 1;
      }
      return sh + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
    };
    for (const [n, t] of [
      [0, 10],
      [1, 10],
      [3, 52],
      [7, 100],
    ] as const) {
      const nb = (tau: number) => Math.exp(lg(r + n) - lg(r) - lg(n + 1) + r * Math.log(alpha / (alpha + tau)) + (n === 0 ? 0 : n * Math.log(tau / (alpha + tau))));
      let integral = 0;
      const steps = 100000;
      for (let i = 0; i < steps; i++) {
        const tau = ((i + 0.5) / steps) * t;
        integral += ((s * Math.pow(beta, s)) / Math.pow(beta + tau, s + 1)) * nb(tau) * (t / steps);
      }
      const direct = nb(t) * Math.pow(beta / (beta + t), s) + integral;
      expect(m.probabilityOfPurchases(n, t)).toBeCloseTo(direct, 7);
    }
  });

  it("property: the conditional PMF sums to 1 and its mean is the conditional expectation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 5, max: 60, noNaN: true }), fc.double({ min: 1, max: 30, noNaN: true }), (x, frac, T, t) => {
        const h = { frequency: x, recency: x === 0 ? 0 : frac * T, T };
        expectConditionalPmfConsistent(BTYD, t, h, 150);
      }),
      { numRuns: 15 },
    );
  });

  it("property: P(alive) in [0, 1] and finite expectations at extreme inputs", () => {
    fc.assert(
      fc.property(
        fc.record({ r: fc.double({ min: 1e-2, max: 1e2, noNaN: true }), alpha: fc.double({ min: 1e-2, max: 1e3, noNaN: true }), s: fc.double({ min: 1e-2, max: 1e2, noNaN: true }), beta: fc.double({ min: 1e-2, max: 1e3, noNaN: true }) }),
        fc.integer({ min: 0, max: 500 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        (params, x, frac, T) => {
          const m = ParetoNbdModel.fromParams(params);
          const h = { frequency: x, recency: x === 0 ? 0 : frac * T, T };
          const pa = m.probabilityAlive(h)[0]!;
          expect(pa).toBeGreaterThanOrEqual(0);
          expect(pa).toBeLessThanOrEqual(1);
          expect(Number.isFinite(m.conditionalExpectedPurchases(20, h)[0]!)).toBe(true);
          expect(Number.isFinite(m.logLikelihoodOf(h))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("Pareto/NBD likelihood", () => {
  it("the specialised 2F1 equals the general one", () => {
    const out = { log: 0, sign: 1, da: 0, db: 0, dc: 0, dz: 0 };
    for (const [a, b, z] of [
      [30.2, 1.6, 0.3],
      [30.2, 29.5, 0.95],
      [1.2, 1.1, 0.0001],
    ] as const) {
      logHyp2f1Pareto(a, b, z, true, out);
      const g = logHyp2f1(a, b, a + 1, z, true);
      expect(out.log).toBeCloseTo(g.log, 12);
      expect(out.da).toBeCloseTo(g.da + g.dc, 9);
      expect(out.db).toBeCloseTo(g.db, 9);
      expect(out.dz).toBeCloseTo(g.dz, 8);
    }
  });

  it("has an analytic gradient equal to finite differences, on both sides of α = β", () => {
    const f = paretoNbdObjective(gradientCheckData());
    for (const p of [
      [0.553, 10.578, 0.606, 11.669],
      [0.553, 12.5, 0.606, 11.669],
      [2, 0.1, 5, 0.3],
      [0.05, 100, 0.05, 40],
    ]) {
      expectGradientMatchesFiniteDifferences(f, p, 2e-5);
    }
  });

  it("sums over customers (lifetimes' test)", () => {
    const m = ParetoNbdModel.fromParams({ r: 1, alpha: 1, s: 1, beta: 1 });
    expect(m.logLikelihoodOf({ frequency: [1, 3], recency: [2, 2], T: [5, 6] })).toBeCloseTo(m.logLikelihoodOf({ frequency: 1, recency: 2, T: 5 }) + m.logLikelihoodOf({ frequency: 3, recency: 2, T: 6 }), 12);
  });

  it("rejects bad input", () => {
    expect(() => fitParetoNbd({ frequency: [0, 0], recency: [0, 0], T: [1, 2] })).toThrow(/frequency 0/);
    expect(() => fitParetoNbd({ frequency: [], recency: [], T: [] })).toThrow(/no customers/);
    expect(() => fitParetoNbd({ frequency: [2], recency: [3], T: [2] })).toThrow(/recency\[0\]/);
    expect(() => BTYD.conditionalExpectedPurchases(-1, { frequency: 1, recency: 1, T: 2 })).toThrow(/t:/);
    expect(() => BTYD.probabilityOfPurchases(1.5, 2)).toThrow(/n:/);
  });
});

describe("Pareto/NBD and BG/NBD at the edges", () => {
  it("t_x = T, x in the hundreds, tiny and huge parameters stay finite", async () => {
    const { BgNbdModel } = await import("../../src/clv/index.js");
    const edge = { frequency: [300, 0, 1, 500], recency: [50, 0, 1e-9, 49.999], T: [50, 1e-9, 1e-9, 50] };
    for (const params of [
      { r: 1e-6, alpha: 1e6, s: 1e-6, beta: 1e6 },
      { r: 1e3, alpha: 1e-4, s: 1e3, beta: 1e-4 },
      { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
    ]) {
      const m = ParetoNbdModel.fromParams(params);
      expect(Number.isFinite(m.logLikelihoodOf(edge))).toBe(true);
      for (const v of m.probabilityAlive(edge)) expect(v >= 0 && v <= 1).toBe(true);
      for (const v of m.conditionalExpectedPurchases(52, edge)) expect(Number.isFinite(v) && v >= 0).toBe(true);
      const b = BgNbdModel.fromParams({ r: params.r, alpha: params.alpha, a: params.s, b: params.beta });
      expect(Number.isFinite(b.logLikelihoodOf(edge))).toBe(true);
      for (const v of b.conditionalExpectedPurchases(52, edge)) expect(Number.isFinite(v) && v >= 0).toBe(true);
    }
    // last purchase at the observation end: certainly alive
    expect(ParetoNbdModel.fromParams({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }).probabilityAlive({ frequency: 3, recency: 20, T: 20 })[0]).toBe(1);
  });
});
