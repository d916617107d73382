import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveLinear } from "../../src/math/linear-algebra.js";
import { minimize, nelderMead } from "../../src/math/optimize.js";
import { expectCrmkitError } from "../support/numeric.js";

/** Extended Rosenbrock (More, Garbow & Hillstrom 1981, problem 21): minimum 0 at (1, ..., 1). */
function rosenbrock(x: Float64Array, g: Float64Array): number {
  let f = 0;
  g.fill(0);
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i]!;
    const b = x[i + 1]!;
    f += (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    g[i] = g[i]! - 2 * (1 - a) - 400 * a * (b - a * a);
    g[i + 1] = g[i + 1]! + 200 * (b - a * a);
  }
  return f;
}

describe("minimize (L-BFGS, strong Wolfe)", () => {
  it("solves the 2-D Rosenbrock function from the classic start (-1.2, 1)", () => {
    const r = minimize(rosenbrock, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.reason).toBe("gradient-tolerance");
    expect(r.x[0]).toBeCloseTo(1, 7);
    expect(r.x[1]).toBeCloseTo(1, 7);
    expect(r.value).toBeLessThan(1e-14);
    expect(r.iterations).toBeLessThan(100);
    expect(r.evaluations).toBeGreaterThan(r.iterations);
  });

  it("solves the 10-D extended Rosenbrock function", () => {
    const start = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -1.2 : 1));
    const r = minimize(rosenbrock, start, { maxIterations: 2000 });
    expect(r.converged).toBe(true);
    for (const v of r.x) expect(v).toBeCloseTo(1, 6);
  });

  it("handles a badly scaled quadratic (condition number 1e8)", () => {
    const scales = [1e-4, 1e-2, 1, 1e2, 1e4];
    const target = [3, -2, 0.5, 7, -1];
    const r = minimize(
      (x, g) => {
        let f = 0;
        for (let i = 0; i < x.length; i++) {
          const dx = x[i]! - target[i]!;
          f += 0.5 * scales[i]! * dx * dx;
          g[i] = scales[i]! * dx;
        }
        return f;
      },
      [0, 0, 0, 0, 0],
      { gradientTolerance: 1e-12, maxIterations: 5000 },
    );
    expect(r.converged).toBe(true);
    for (let i = 0; i < 5; i++) expect(r.x[i]).toBeCloseTo(target[i]!, 4);
  });

  it("backtracks when f is Infinity or NaN outside its domain instead of crashing", () => {
    // f(x) = x − log x on x > 0 (minimum 1 at x = 1); outside: Infinity, or NaN
    for (const outside of [Number.POSITIVE_INFINITY, Number.NaN]) {
      const r = minimize(
        (x, g) => {
          const v = x[0]!;
          if (v <= 0) {
            g[0] = Number.NaN;
            return outside;
          }
          g[0] = 1 - 1 / v;
          return v - Math.log(v);
        },
        [0.001],
      );
      expect(r.converged).toBe(true);
      expect(r.x[0]).toBeCloseTo(1, 7);
      expect(r.value).toBeCloseTo(1, 12);
    }
  });

  it("recovers a maximum-likelihood fit in log space (normal mean and log sd: closed form)", () => {
    const data = Float64Array.from([2.1, 3.4, 1.9, 5.6, 4.2, 3.3, 2.8, 4.9, 3.1, 3.7]);
    const n = data.length;
    const mean = data.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
    const r = minimize(
      (p, g) => {
        const [mu, logSigma] = [p[0]!, p[1]!];
        const sigma = Math.exp(logSigma);
        let ss = 0;
        let sr = 0;
        for (const v of data) {
          ss += (v - mu) ** 2;
          sr += v - mu;
        }
        g[0] = -sr / (sigma * sigma);
        g[1] = n - ss / (sigma * sigma);
        return n * logSigma + ss / (2 * sigma * sigma);
      },
      [0, 0],
    );
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(mean, 8);
    expect(Math.exp(r.x[1]!)).toBeCloseTo(sd, 8);
  });

  it("reports max-iterations and a failed line search honestly", () => {
    const capped = minimize(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(capped).toMatchObject({ converged: false, reason: "max-iterations", iterations: 3 });
    // a gradient with the wrong sign: no step along −g decreases f
    const wrong = minimize(
      (x, g) => {
        g[0] = -2 * x[0]!;
        return x[0]! * x[0]!;
      },
      [3],
    );
    expect(wrong).toMatchObject({ converged: false, reason: "line-search-failed" });
    expect(wrong.x[0]).toBe(3);
  });

  it("stops on the relative change when f cannot improve further", () => {
    // f = 1e12 + |x − 1|^1.5: every improvement is below 1e-12 of |f|
    const r = minimize(
      (x, g) => {
        const v = x[0]! - 1;
        g[0] = 1.5 * Math.sign(v) * Math.sqrt(Math.abs(v));
        return 1e12 + Math.abs(v) ** 1.5;
      },
      [1.7],
      { gradientTolerance: 1e-30 },
    );
    expect(r.iterations).toBe(1);
    expect(r.converged).toBe(true);
    expect(r.reason).toBe("relative-change");
  });

  it("rejects bad input", () => {
    expectCrmkitError(() => minimize(rosenbrock, []), "INVALID_INPUT", /minimize\.x0/);
    expectCrmkitError(() => minimize(rosenbrock, [Number.NaN, 1]), "INVALID_INPUT", /minimize\.x0\[0\]/);
    expectCrmkitError(() => minimize(() => Number.POSITIVE_INFINITY, [1]), "INVALID_INPUT", /fn is finite/);
    expectCrmkitError(
      () =>
        minimize((_x, g) => {
          g[0] = Number.NaN;
          return 1;
        }, [1]),
      "INVALID_INPUT",
      /gradient is finite/,
    );
    expectCrmkitError(() => minimize(rosenbrock, [1, 1], { memory: 0 }), "INVALID_INPUT", /options\.memory/);
    expectCrmkitError(() => minimize(rosenbrock, [1, 1], { maxIterations: 1.5 }), "INVALID_INPUT", /maxIterations/);
    expectCrmkitError(() => minimize(rosenbrock, [1, 1], { gradientTolerance: -1 }), "INVALID_INPUT", /gradientTolerance/);
    expectCrmkitError(() => minimize("f" as unknown as typeof rosenbrock, [1]), "INVALID_INPUT", /minimize\.fn/);
  });

  it("property: finds the minimum of random convex quadratics ½xᵀAx − bᵀx (x* = A⁻¹b)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n }),
            fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
        ([n, entries, b]) => {
          // A = BᵀB + I/10 is symmetric positive definite
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++)
            for (let j = 0; j < n; j++) {
              let s = i === j ? 0.1 : 0;
              for (let k = 0; k < n; k++) s += entries[k * n + i]! * entries[k * n + j]!;
              a[i * n + j] = s;
            }
          const expected = solveLinear(a, n, b);
          const r = minimize(
            (x, g) => {
              let f = 0;
              for (let i = 0; i < n; i++) {
                let ax = 0;
                for (let j = 0; j < n; j++) ax += a[i * n + j]! * x[j]!;
                g[i] = ax - b[i]!;
                f += 0.5 * x[i]! * ax - b[i]! * x[i]!;
              }
              return f;
            },
            new Float64Array(n),
            { gradientTolerance: 1e-12, maxIterations: 2000 },
          );
          expect(r.converged).toBe(true);
          const scale = Math.max(1, ...Array.from(expected, Math.abs));
          for (let i = 0; i < n; i++) expect(Math.abs(r.x[i]! - expected[i]!)).toBeLessThanOrEqual(1e-5 * scale);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("nelderMead", () => {
  it("minimises the Rosenbrock function without derivatives", () => {
    const r = nelderMead((x) => rosenbrock(x, new Float64Array(2)), [-1.2, 1], { maxEvaluations: 5000, maxIterations: 5000 });
    expect(r.converged).toBe(true);
    expect(r.reason).toBe("simplex-converged");
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    expect(Math.abs(r.gradient[0]!)).toBeLessThan(1e-2);
  });

  it("handles non-smooth objectives and non-finite regions", () => {
    const r = nelderMead((x) => (x[0]! - 3) ** 2 + Math.abs(x[1]! + 1), [0, 0]);
    expect(r.x[0]).toBeCloseTo(3, 4);
    expect(r.x[1]).toBeCloseTo(-1, 4);
    const domain = nelderMead((x) => (x[0]! > 0 ? x[0]! - Math.log(x[0]!) : Number.NaN), [0.05]);
    expect(domain.converged).toBe(true);
    expect(domain.x[0]).toBeCloseTo(1, 4);
  });

  it("reports budget exhaustion and rejects bad input", () => {
    const r = nelderMead((x) => rosenbrock(x, new Float64Array(2)), [-1.2, 1], { maxEvaluations: 20 });
    expect(r).toMatchObject({ converged: false, reason: "max-evaluations" });
    const it2 = nelderMead((x) => rosenbrock(x, new Float64Array(2)), [-1.2, 1], { maxIterations: 5 });
    expect(it2).toMatchObject({ converged: false, reason: "max-iterations", iterations: 5 });
    expectCrmkitError(() => nelderMead(() => 1, []), "INVALID_INPUT", /nelderMead\.x0/);
    expectCrmkitError(() => nelderMead(() => Number.NaN, [1]), "INVALID_INPUT", /f is finite/);
    expectCrmkitError(() => nelderMead(() => 1, [1], { initialStep: 0 }), "INVALID_INPUT", /initialStep/);
  });
});
