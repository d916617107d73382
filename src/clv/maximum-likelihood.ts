import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { numericHessian } from "../math/hessian.js";
import { invertSymmetricPositiveDefinite } from "../math/linear-algebra.js";
import { normalQuantile } from "../math/normal.js";
import { minimize } from "../math/optimize.js";

/**
 * How a model was fitted: the maximised log-likelihood (a total over customers, in
 * the data's own time unit — comparable with the published values), AIC and BIC,
 * the standard errors and covariance of the parameters from the inverse Hessian of
 * the negative log-likelihood at the optimum (on the natural scale, by the delta
 * method from the log-parameters the optimiser works on), and the optimiser's
 * bookkeeping.
 *
 * @example
 * ```ts
 * import type { FitReport } from "crmkit/clv";
 * const describe = (f: FitReport<"r" | "alpha">) => `LL ${f.logLikelihood.toFixed(1)} after ${f.iterations} iterations`;
 * ```
 */
export interface FitReport<N extends string> {
  /** Maximised log-likelihood (total over the weighted customers). */
  readonly logLikelihood: number;
  /** Akaike information criterion, 2k − 2 LL. */
  readonly aic: number;
  /** Bayesian information criterion, k ln(n) − 2 LL (n = customers). */
  readonly bic: number;
  /** Customers (sum of weights) the model was fitted on. */
  readonly customers: number;
  /** Distinct rows after collapsing duplicates. */
  readonly rows: number;
  /** Whether the optimiser met its convergence criterion. */
  readonly converged: boolean;
  /** Optimiser iterations of the retained start. */
  readonly iterations: number;
  /** Objective evaluations over all starts. */
  readonly evaluations: number;
  /** Starting points tried. */
  readonly starts: number;
  /** Standard errors on the natural scale; `null` when the Hessian is not positive definite (a flat likelihood). */
  readonly standardErrors: Readonly<Record<N, number>> | null;
  /** Covariance matrix of the natural parameters (in the order of `parameterNames`), or `null`. */
  readonly covariance: readonly (readonly number[])[] | null;
  /** Covariance matrix of the log-parameters, or `null`. */
  readonly logCovariance: readonly (readonly number[])[] | null;
  /** Parameter names, in the order of the covariance matrices. */
  readonly parameterNames: readonly N[];
}

/**
 * A confidence interval for one parameter.
 *
 * @example
 * ```ts
 * import type { ParameterInterval } from "crmkit/clv";
 * const ci: ParameterInterval = { estimate: 0.243, low: 0.22, high: 0.27, level: 0.95 };
 * ```
 */
export interface ParameterInterval {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly level: number;
}

/**
 * Wald confidence intervals from a fit: on the natural scale (estimate ± z·SE, as
 * lifetimes reports them; may cross zero) or on the log scale (exp(log estimate ±
 * z·SE_log), always positive and usually better for these positive parameters).
 *
 * @example
 * ```ts
 * import { fitBgNbd, parameterIntervals } from "crmkit/clv";
 * const model = fitBgNbd({ frequency: [0, 2, 1, 0, 5, 3], recency: [0, 20, 5, 0, 30, 25], T: [40, 38, 30, 35, 39, 40] });
 * parameterIntervals(model.fit!, model.params, 0.9, "log").r;
 * ```
 */
export function parameterIntervals<N extends string>(
  report: FitReport<N>,
  params: Readonly<Record<N, number>>,
  level = 0.95,
  scale: "natural" | "log" = "natural",
): Record<N, ParameterInterval> {
  if (!(level > 0 && level < 1)) throw invalidInput("level", level, "a number in (0, 1)");
  if (scale !== "natural" && scale !== "log") throw invalidInput("scale", scale, '"natural" or "log"');
  if (report.standardErrors === null || report.logCovariance === null) {
    throw new CrmkitError("INSUFFICIENT_DATA", "No confidence intervals: the Hessian at the optimum is not positive definite (the likelihood is flat in some direction)", {
      details: { parameterNames: report.parameterNames },
    });
  }
  const z = normalQuantile(0.5 + level / 2);
  const out = {} as Record<N, ParameterInterval>;
  report.parameterNames.forEach((name, i) => {
    const est = params[name];
    if (scale === "natural") {
      const se = report.standardErrors![name];
      out[name] = { estimate: est, low: est - z * se, high: est + z * se, level };
    } else {
      const se = Math.sqrt(report.logCovariance![i]![i]!);
      out[name] = { estimate: est, low: est * Math.exp(-z * se), high: est * Math.exp(z * se), level };
    }
  });
  return out;
}

/** The negative log-likelihood on log-parameters, writing its gradient (internal). */
export type LogObjective = (theta: Float64Array, grad: Float64Array) => number;

/** What {@link fitMaximumLikelihood} needs (internal). */
export interface MleProblem<N extends string> {
  readonly model: string;
  readonly names: readonly N[];
  readonly objective: LogObjective;
  /** Starting points on the natural scale, tried in order until one converges. */
  readonly starts: readonly (readonly number[])[];
  readonly customers: number;
  readonly rows: number;
  readonly maxIterations?: number;
}

/** Options every fit accepts. */
export interface MleOptions {
  /** Starting parameters (natural scale), tried first. */
  readonly initialParams?: Readonly<Record<string, number>>;
  /** Iteration limit per start (default 500). */
  readonly maxIterations?: number;
}

/**
 * Maximises a log-likelihood over positive parameters (optimising their logs with
 * L-BFGS and analytic gradients), restarting from further points when a start
 * fails, then computes the Hessian-based standard errors. Throws NOT_CONVERGED
 * with what was tried (internal).
 */
export function fitMaximumLikelihood<N extends string>(problem: MleProblem<N>): { params: Record<N, number>; report: FitReport<N> } {
  const k = problem.names.length;
  const scale = 1 / Math.max(1, problem.customers);
  const scaled = (theta: Float64Array, grad: Float64Array): number => {
    const v = problem.objective(theta, grad);
    for (let i = 0; i < k; i++) grad[i]! *= scale;
    return v * scale;
  };
  const tried: { start: number[]; value: number; converged: boolean; reason: string; iterations: number }[] = [];
  type Run = { x: Float64Array; value: number; converged: boolean; iterations: number };
  let best: Run | undefined; // best converged run
  let bestAny: Run | undefined; // best run of any kind
  let evaluations = 0;
  const gradientNorm = (x: Float64Array): number => {
    const g = new Float64Array(k);
    scaled(x, g);
    let m = 0;
    for (let i = 0; i < k; i++) m = Math.max(m, Math.abs(g[i]!));
    return m;
  };
  const run = (theta0: Float64Array, label: number[]): void => {
    const res = minimize(scaled, theta0, { maxIterations: problem.maxIterations ?? 500, gradientTolerance: 1e-9, relativeTolerance: 1e-14 });
    evaluations += res.evaluations;
    const finite = Number.isFinite(res.value) && Array.from(res.x).every(Number.isFinite);
    // a line search that fails at a stationary point has converged to working precision
    const converged = finite && (res.converged || (res.reason === "line-search-failed" && gradientNorm(res.x) < 1e-6));
    tried.push({ start: label, value: res.value / scale, converged, reason: res.reason, iterations: res.iterations });
    if (!finite) return;
    const r: Run = { x: res.x, value: res.value, converged, iterations: res.iterations };
    if (bestAny === undefined || r.value < bestAny.value) bestAny = r;
    if (converged && (best === undefined || r.value < best.value)) best = r;
  };
  for (const start of problem.starts) {
    run(Float64Array.from(start, (v) => Math.log(v)), [...start]);
    if (best !== undefined && gradientNorm(best.x) < 1e-5) break;
  }
  // a better point that did not converge: restart from it once
  if (bestAny !== undefined && (best === undefined || bestAny.value < best.value - 1e-9 * Math.max(1, Math.abs(best.value)))) {
    run(bestAny.x, Array.from(bestAny.x, (v) => Math.exp(v)));
  }
  if (best === undefined) {
    throw new CrmkitError("NOT_CONVERGED", `${problem.model}: the maximum-likelihood fit did not converge from ${tried.length} starting point(s); see details.tried`, {
      details: { model: problem.model, tried },
    });
  }
  const thetaHat = best.x;
  const params = {} as Record<N, number>;
  problem.names.forEach((name, i) => {
    params[name] = Math.exp(thetaHat[i]!);
  });
  const ll = -best.value / scale;
  const hess = numericHessian((th, g) => {
    problem.objective(th, g);
  }, thetaHat);
  const inv = invertSymmetricPositiveDefinite(hess, k);
  let standardErrors: Record<N, number> | null = null;
  let covariance: number[][] | null = null;
  let logCovariance: number[][] | null = null;
  if (inv !== null && Array.from(inv).every(Number.isFinite)) {
    logCovariance = [];
    covariance = [];
    standardErrors = {} as Record<N, number>;
    for (let i = 0; i < k; i++) {
      const li: number[] = [];
      const ci: number[] = [];
      for (let j = 0; j < k; j++) {
        const v = inv[i * k + j]!;
        li.push(v);
        ci.push(v * Math.exp(thetaHat[i]! + thetaHat[j]!));
      }
      logCovariance.push(li);
      covariance.push(ci);
      standardErrors[problem.names[i]!] = Math.sqrt(ci[i]!);
    }
  }
  const report: FitReport<N> = {
    logLikelihood: ll,
    aic: 2 * k - 2 * ll,
    bic: k * Math.log(problem.customers) - 2 * ll,
    customers: problem.customers,
    rows: problem.rows,
    converged: best.converged,
    iterations: best.iterations,
    evaluations,
    starts: tried.length,
    standardErrors,
    covariance,
    logCovariance,
    parameterNames: problem.names,
  };
  return { params, report };
}

/** The log-likelihood of `objective` at the natural-scale `params` (internal). */
export function logLikelihoodAt<N extends string>(objective: LogObjective, names: readonly N[], params: Readonly<Record<N, number>>): number {
  return -objective(Float64Array.from(names, (n) => Math.log(params[n])), new Float64Array(names.length));
}

/** Builds the list of starts: the user's, then the model's defaults (internal). */
export function startingPoints<N extends string>(names: readonly N[], options: MleOptions, defaults: readonly (readonly number[])[]): number[][] {
  const starts: number[][] = [];
  const init = options.initialParams;
  if (init !== undefined) {
    const s = names.map((n) => {
      const v = init[n];
      if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) throw invalidInput(`options.initialParams.${n}`, v, "a finite number > 0");
      return v;
    });
    starts.push(s);
  }
  for (const d of defaults) starts.push([...d]);
  return starts;
}

/** Checks a parameter record: every name a finite positive number (internal). */
export function checkParams<N extends string>(field: string, names: readonly N[], params: unknown): Record<N, number> {
  if (typeof params !== "object" || params === null) throw invalidInput(field, params, `an object { ${names.join(", ")} }`);
  const out = {} as Record<N, number>;
  for (const n of names) {
    const v = (params as Record<string, unknown>)[n];
    if (typeof v !== "number" || !Number.isFinite(v) || !(v > 0)) throw invalidInput(`${field}.${n}`, v, "a finite number > 0");
    out[n] = v;
  }
  return out;
}
