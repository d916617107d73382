import { expect } from "vitest";
import { prepareFitDataLoose, type FitData } from "../../src/clv/fit-data.js";
import { numericGradient } from "../../src/math/hessian.js";

/** A negative log-likelihood on log-parameters that writes its gradient. */
type Objective = (theta: Float64Array, grad: Float64Array) => number;

/**
 * Expects the analytic gradient `f` writes at the natural-scale `params` to equal
 * finite differences on the log-parameters, within `rel` relative (absolute below 1).
 */
export function expectGradientMatchesFiniteDifferences(f: Objective, params: readonly number[], rel = 1e-5): void {
  const k = params.length;
  const theta = Float64Array.from(params, Math.log);
  const g = new Float64Array(k);
  f(theta, g);
  const fd = numericGradient((th) => f(th, new Float64Array(k)), theta);
  for (let i = 0; i < k; i++) expect(Math.abs(g[i]! - fd[i]!)).toBeLessThan(rel * Math.max(1, Math.abs(g[i]!)));
}

/** Seven weighted (x, t_x, T) rows, zeros and a heavy buyer included: the data of the likelihood-gradient checks. */
export function gradientCheckData(): FitData {
  return prepareFitDataLoose(Float64Array.of(0, 1, 3, 7, 0, 2, 40), Float64Array.of(0, 2, 5, 9.5, 0, 1, 30), Float64Array.of(5, 6, 9, 10, 3, 20, 31), Float64Array.of(3, 1, 2, 1, 1, 4, 1));
}
