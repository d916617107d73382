import { describe, expect, it } from "vitest";
import { fitLogisticRegression, type LogisticRegressionData } from "../../src/conversion/index.js";
import { seededRandom } from "../../src/math/seeded-random.js";
import { expectCrmkitError } from "../support/conversion-fixtures.js";
import { MTCARS } from "../support/mtcars.js";

const columns = (...cols: readonly (readonly number[])[]): Float64Array => {
  const n = cols[0]!.length;
  const x = new Float64Array(n * cols.length);
  for (let i = 0; i < n; i++) cols.forEach((c, j) => (x[i * cols.length + j] = c[i]!));
  return x;
};

const vsData: LogisticRegressionData = { x: columns(MTCARS.wt, MTCARS.disp), y: MTCARS.vs, rows: 32, columns: 2, names: ["wt", "disp"] };

/** Bernoulli log-likelihood of coefficients `b` (intercept first), written out independently of the fitter. */
function logLik(data: LogisticRegressionData, b: readonly number[]): number {
  let ll = 0;
  for (let i = 0; i < data.rows; i++) {
    let eta = b[0]!;
    for (let j = 0; j < data.columns; j++) eta += b[j + 1]! * data.x[i * data.columns + j]!;
    const p = 1 / (1 + Math.exp(-eta));
    const w = data.weights?.[i] ?? 1;
    ll += w * (data.y[i]! * Math.log(p) + (1 - data.y[i]!) * Math.log(1 - p));
  }
  return ll;
}

describe("fitLogisticRegression", () => {
  it("reproduces R's glm(vs ~ wt + disp, family = binomial, data = mtcars) as published", () => {
    // Published output (D. Lillis, "R tutorial: glm", The Analysis Factor): estimates 1.60859, 1.62635, -0.03443;
    // std. errors 2.43903, 1.49068, 0.01536; null deviance 43.86, residual deviance 21.40, AIC 27.4.
    const fit = fitLogisticRegression(vsData);
    expect(fit.names).toEqual(["(intercept)", "wt", "disp"]);
    expect(fit.coefficients[0]).toBeCloseTo(1.60859, 4);
    expect(fit.coefficients[1]).toBeCloseTo(1.62635, 4);
    expect(fit.coefficients[2]).toBeCloseTo(-0.03443, 5);
    expect(fit.standardErrors[0]).toBeCloseTo(2.43903, 4);
    expect(fit.standardErrors[1]).toBeCloseTo(1.49068, 4);
    expect(fit.standardErrors[2]).toBeCloseTo(0.01536, 5);
    expect(fit.nullDeviance).toBeCloseTo(43.86, 2);
    expect(fit.deviance).toBeCloseTo(21.4, 2);
    expect(fit.aic).toBeCloseTo(27.4, 1);
    expect(fit.logLikelihood).toBeCloseTo(-fit.deviance / 2, 10);
  });

  it("reproduces R's predict for glm(am ~ hp + wt): P(manual | 120 hp, 2800 lbs) = 0.64181 (r-tutor.com)", () => {
    const fit = fitLogisticRegression({ x: columns(MTCARS.hp, MTCARS.wt), y: MTCARS.am, rows: 32, columns: 2 });
    const eta = fit.coefficients[0]! + fit.coefficients[1]! * 120 + fit.coefficients[2]! * 2.8;
    expect(1 / (1 + Math.exp(-eta))).toBeCloseTo(0.64181, 5);
  });

  it("reproduces the Bliss (1935) beetle-mortality logit fit (Dobson & Barnett, Introduction to GLMs, Table 7.3)", () => {
    // Grouped binomial rows: y = share killed, weight = beetles. Published: b1 = -60.72 (SE 5.18), b2 = 34.27 (SE 2.91), D = 11.23.
    const dose = [1.6907, 1.7242, 1.7552, 1.7842, 1.8113, 1.8369, 1.861, 1.8839];
    const n = [59, 60, 62, 56, 63, 59, 62, 60];
    const killed = [6, 13, 18, 28, 52, 53, 61, 60];
    const fit = fitLogisticRegression({ x: new Float64Array(dose), y: killed.map((k, i) => k / n[i]!), weights: n, rows: 8, columns: 1 });
    expect(fit.coefficients[0]).toBeCloseTo(-60.72, 1);
    expect(fit.coefficients[1]).toBeCloseTo(34.27, 1);
    expect(fit.standardErrors[0]).toBeCloseTo(5.18, 2);
    expect(fit.standardErrors[1]).toBeCloseTo(2.91, 2);
    expect(fit.deviance).toBeCloseTo(11.23, 2);
  });

  it("recovers known coefficients on simulated data, within 3 standard errors", () => {
    const random = seededRandom(20240601);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const truth = [-1, 0.8, -0.5, 1.2];
    const n = 20_000;
    const x = new Float64Array(n * 3);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const row = [gauss(), random() < 0.3 ? 1 : 0, 2 * random()];
      x.set(row, i * 3);
      const eta = truth[0]! + truth[1]! * row[0]! + truth[2]! * row[1]! + truth[3]! * row[2]!;
      y[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
    const fit = fitLogisticRegression({ x, y, rows: n, columns: 3 });
    truth.forEach((b, j) => {
      expect(Math.abs(fit.coefficients[j]! - b)).toBeLessThan(3 * fit.standardErrors[j]!);
    });
    // Standard errors of that size: about 1/sqrt(n × Var(x) × p(1−p)).
    expect(fit.standardErrors[1]).toBeGreaterThan(0.01);
    expect(fit.standardErrors[1]).toBeLessThan(0.05);
  });

  it("the estimate maximises the log-likelihood and the covariance inverts its finite-difference Hessian", () => {
    const fit = fitLogisticRegression(vsData);
    const b = Array.from(fit.coefficients);
    const f = (v: number[]) => logLik(vsData, v);
    expect(fit.logLikelihood).toBeCloseTo(f(b), 9);
    const hs = [1e-5, 1e-5, 1e-7];
    // Gradient ≈ 0 (central differences).
    b.forEach((_, j) => {
      const up = [...b];
      const down = [...b];
      up[j]! += hs[j]!;
      down[j]! -= hs[j]!;
      expect(Math.abs((f(up) - f(down)) / (2 * hs[j]!))).toBeLessThan(1e-5);
    });
    // Observed information by central differences, times the covariance = identity.
    const k = 3;
    const info = new Array(k * k).fill(0) as number[];
    for (let a = 0; a < k; a++)
      for (let c = 0; c < k; c++) {
        const step = [1e-3, 1e-3, 1e-5];
        const at = (da: number, dc: number) => {
          const v = [...b];
          v[a]! += da * step[a]!;
          v[c]! += dc * step[c]!;
          return f(v);
        };
        info[a * k + c] = -(at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * step[a]! * step[c]!);
      }
    for (let r = 0; r < k; r++)
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let m = 0; m < k; m++) s += info[r * k + m]! * fit.covariance[m * k + c]!;
        expect(s).toBeCloseTo(r === c ? 1 : 0, 2); // finite differences: ~1e-3 accuracy
      }
  });

  it("ridge: the penalised score is zero at the estimate, and coefficients shrink as the penalty grows", () => {
    for (const ridgeScale of ["raw", "standardized"] as const) {
      const fit = fitLogisticRegression(vsData, { ridge: 2, ridgeScale });
      const b = fit.coefficients;
      // Stationarity: X'(y − p) = λ_j β_j (no penalty on the intercept).
      const sd = [MTCARS.wt, MTCARS.disp].map((c) => {
        const m = c.reduce((s, v) => s + v, 0) / c.length;
        return Math.sqrt(c.reduce((s, v) => s + (v - m) ** 2, 0) / c.length);
      });
      const score = [0, 0, 0];
      for (let i = 0; i < 32; i++) {
        const eta = b[0]! + b[1]! * MTCARS.wt[i]! + b[2]! * MTCARS.disp[i]!;
        const r = MTCARS.vs[i]! - 1 / (1 + Math.exp(-eta));
        score[0]! += r;
        score[1]! += r * MTCARS.wt[i]!;
        score[2]! += r * MTCARS.disp[i]!;
      }
      expect(score[0]).toBeCloseTo(0, 8);
      for (const j of [1, 2]) {
        const lambda = ridgeScale === "raw" ? 2 : 2 * sd[j - 1]! ** 2;
        expect(score[j]).toBeCloseTo(lambda * b[j]!, 6);
      }
    }
    // The norm of the standardized coefficients (β_j × sd_j) never grows with the penalty.
    const sds = [MTCARS.wt, MTCARS.disp].map((c) => {
      const m = c.reduce((s, v) => s + v, 0) / c.length;
      return Math.sqrt(c.reduce((s, v) => s + (v - m) ** 2, 0) / c.length);
    });
    const norms = [0, 0.5, 2, 10].map((ridge) => {
      const f = fitLogisticRegression(vsData, { ridge });
      return Math.hypot(f.coefficients[1]! * sds[0]!, f.coefficients[2]! * sds[1]!);
    });
    for (let i = 1; i < norms.length; i++) expect(norms[i]).toBeLessThan(norms[i - 1]!);
  });

  it("frequency weights equal duplicated rows", () => {
    const x = [0.5, 1, 1.5, 2, 2.5, 3, 3.5];
    const y = [0, 0, 1, 0, 1, 1, 1];
    const w = [1, 3, 2, 1, 1, 2, 1];
    const weighted = fitLogisticRegression({ x: new Float64Array(x), y, weights: w, rows: 7, columns: 1 });
    const xs: number[] = [];
    const ys: number[] = [];
    x.forEach((v, i) => {
      for (let k = 0; k < w[i]!; k++) {
        xs.push(v);
        ys.push(y[i]!);
      }
    });
    const expanded = fitLogisticRegression({ x: new Float64Array(xs), y: ys, rows: xs.length, columns: 1 });
    expect(weighted.coefficients[1]).toBeCloseTo(expanded.coefficients[1]!, 10);
    expect(weighted.standardErrors[1]).toBeCloseTo(expanded.standardErrors[1]!, 10);
    expect(weighted.deviance).toBeCloseTo(expanded.deviance, 9);
  });

  describe("clear errors", () => {
    const sep = { x: new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]), y: [0, 0, 0, 0, 1, 1, 1, 1], rows: 8, columns: 1 };
    it("perfect separation without ridge; with ridge it fits", () => {
      expectCrmkitError(() => fitLogisticRegression(sep), "INSUFFICIENT_DATA", /separation.*ridge/);
      const fit = fitLogisticRegression(sep, { ridge: 1 });
      expect(fit.coefficients[1]).toBeGreaterThan(0);
    });
    it("quasi-complete separation without ridge", () => {
      expectCrmkitError(() => fitLogisticRegression({ x: new Float64Array([1, 2, 3, 4, 4, 5, 6, 7]), y: [0, 0, 0, 0, 1, 1, 1, 1], rows: 8, columns: 1 }), "INSUFFICIENT_DATA", /separation/);
    });
    it("too few outcomes", () => {
      expectCrmkitError(() => fitLogisticRegression({ x: new Float64Array([1, 2, 3, 4]), y: [0, 0, 0, 0], rows: 4, columns: 1 }), "INSUFFICIENT_DATA", /too few outcomes: 0 positive/);
      expectCrmkitError(() => fitLogisticRegression({ x: new Float64Array([1, 2, 3, 4, 5, 6]), y: [0, 0, 0, 0, 0, 1], rows: 6, columns: 1 }), "INSUFFICIENT_DATA", /columns \+ 1 = 2/);
    });
    it("a constant feature, collinear features", () => {
      expectCrmkitError(() => fitLogisticRegression({ x: columns([1, 2, 3, 4, 5, 6], [7, 7, 7, 7, 7, 7]), y: [0, 1, 0, 1, 1, 0], rows: 6, columns: 2, names: ["a", "flat"] }), "INSUFFICIENT_DATA", /"flat" is constant/);
      expectCrmkitError(() => fitLogisticRegression({ x: columns([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]), y: [0, 1, 0, 1, 1, 0], rows: 6, columns: 2 }), "INSUFFICIENT_DATA", /collinear/);
    });
    it("malformed data", () => {
      expectCrmkitError(() => fitLogisticRegression({ ...vsData, x: new Float64Array(10) }), "INVALID_INPUT", /data\.x/);
      expectCrmkitError(() => fitLogisticRegression({ ...vsData, y: MTCARS.vs.map((v) => v * 2) }), "INVALID_INPUT", /data\.y\[/);
      expectCrmkitError(() => fitLogisticRegression({ ...vsData, x: columns(MTCARS.wt, MTCARS.disp.map((v, i) => (i === 3 ? Number.NaN : v))) }), "INVALID_INPUT", /row 3, column "disp"/);
      expectCrmkitError(() => fitLogisticRegression({ ...vsData, weights: new Array(32).fill(-1) as number[] }), "INVALID_INPUT", /weights/);
      expectCrmkitError(() => fitLogisticRegression(vsData, { ridge: -1 }), "INVALID_INPUT", /ridge/);
    });
  });
});
