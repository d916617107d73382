import { describe, expect, it } from "vitest";
import { fitMaximumLikelihood, parameterIntervals, type FitReport } from "../../src/clv/maximum-likelihood.js";
import { isCrmkitError } from "../../src/errors/index.js";

describe("fitMaximumLikelihood", () => {
  // the log-likelihood of n exponential waiting times with rate λ: n ln λ − λ Σt; MLE λ = n/Σt, se = λ/√n
  const times = [0.5, 1.2, 0.3, 2.2, 0.8, 1.0, 0.4, 1.6];
  const n = times.length;
  const sum = times.reduce((a, b) => a + b, 0);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    const lambda = Math.exp(theta[0]!);
    grad[0] = -(n - lambda * sum); // d/dlogλ of −LL
    return -(n * Math.log(lambda) - lambda * sum);
  };
  it("finds the MLE and its delta-method standard error", () => {
    const { params, report } = fitMaximumLikelihood({ model: "exp", names: ["lambda"], objective, starts: [[5]], customers: n, rows: n });
    expect(params.lambda).toBeCloseTo(n / sum, 8);
    expect(report.standardErrors!.lambda).toBeCloseTo(n / sum / Math.sqrt(n), 5);
    expect(report.logLikelihood).toBeCloseTo(n * Math.log(n / sum) - n, 8);
    expect(report.aic).toBeCloseTo(2 - 2 * report.logLikelihood, 10);
    const ci = parameterIntervals(report, params, 0.95, "log");
    expect(ci.lambda.low).toBeCloseTo((n / sum) * Math.exp((-1.959963984540054 * 1) / Math.sqrt(n)), 4);
  });
  it("reports NOT_CONVERGED with the starts tried, and checks interval arguments", () => {
    let err: unknown;
    try {
      fitMaximumLikelihood({ model: "flat", names: ["x"], objective: () => Number.NaN, starts: [[1], [2]], customers: 1, rows: 1 });
    } catch (e) {
      err = e;
    }
    expect(isCrmkitError(err, "NOT_CONVERGED") || isCrmkitError(err, "INVALID_INPUT")).toBe(true);
    const report = { standardErrors: null, logCovariance: null, parameterNames: ["x"] } as unknown as FitReport<"x">;
    expect(() => parameterIntervals(report, { x: 1 })).toThrow(/not positive definite/);
    expect(() => parameterIntervals(report, { x: 1 }, 1.5)).toThrow(/level/);
  });
});
