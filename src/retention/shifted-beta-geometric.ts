import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { numericHessian } from "../math/hessian.js";
import { invertSymmetricPositiveDefinite } from "../math/linear-algebra.js";
import { minimize } from "../math/optimize.js";

/**
 * A shifted-beta-geometric (sBG) retention model (Fader & Hardie 2007): each
 * customer churns at the end of any period with a constant probability θ, and θ
 * varies across customers as Beta(α, β). Periods are counted from 1; T is the
 * period in which a customer churns, so S(t) = P(T > t) is the share still active
 * at the start of period t + 1 (S(0) = 1).
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from "crmkit/retention";
 * const m = shiftedBetaGeometric(0.668, 3.806); // the "high end" customers of Fader & Hardie (2007)
 * m.survival(1); // ≈ 0.851
 * m.retentionRate(5); // ≈ 0.933: retention rises as the riskiest customers leave
 * ```
 */
export interface ShiftedBetaGeometric {
  readonly alpha: number;
  readonly beta: number;
  /** S(t) = P(T > t) = B(α, β + t) / B(α, β), for integer t >= 0. */
  survival(t: number): number;
  /** P(T = t) = B(α + 1, β + t − 1) / B(α, β): churn in period t >= 1. */
  churnProbability(t: number): number;
  /** r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1): the renewal rate at the end of period t >= 1. */
  retentionRate(t: number): number;
  /** S(0), S(1), …, S(periods): the projected survival curve. */
  project(periods: number): Float64Array;
  /**
   * E[T] = (α + β − 1) / (α − 1) periods; `Infinity` when α <= 1, where the mean
   * lifetime diverges (heavy tail of near-loyal customers) — use
   * {@link ShiftedBetaGeometric.discountedExpectedLifetime} or a horizon instead.
   */
  readonly expectedLifetime: number;
  /** Expected number of periods a new customer is active within the first `horizon` periods: Σ_{t=0}^{horizon−1} S(t). */
  expectedLifetimeWithin(horizon: number): number;
  /**
   * Discounted expected lifetime of a new customer, DEL(d) = Σ_{t≥1} S(t − 1) / (1 + d)^{t−1}
   * = ₂F₁(1, β; α + β; 1 / (1 + d)): the value of a customer paying 1 at the start of each active period.
   */
  discountedExpectedLifetime(discountRate: number): number;
  /**
   * Discounted expected residual lifetime (Fader & Hardie 2010) of a customer who has
   * made `renewals` = n − 1 renewals: DERL = Σ_{t≥n} [S(t) / S(n − 1)] / (1 + d)^{t−n}
   * = (β + n − 1) / (α + β + n − 1) · ₂F₁(1, β + n; α + β + n; 1 / (1 + d)). Multiply by the
   * margin per period for the residual value of such a customer. With d = 0 it is
   * the expected number of further renewals, (β + n − 1) / (α − 1) (`Infinity` if α <= 1).
   */
  discountedExpectedResidualLifetime(renewals: number, discountRate: number): number;
}

/**
 * A fitted sBG model: the {@link ShiftedBetaGeometric} at the maximum-likelihood
 * estimates, with the fit's diagnostics.
 *
 * @example
 * ```ts
 * import type { ShiftedBetaGeometricFit } from "crmkit/retention";
 * const summary = (f: ShiftedBetaGeometricFit) => `α=${f.alpha.toFixed(3)} β=${f.beta.toFixed(3)} LL=${f.logLikelihood.toFixed(1)}`;
 * ```
 */
export interface ShiftedBetaGeometricFit extends ShiftedBetaGeometric {
  /** Maximised log-likelihood. */
  readonly logLikelihood: number;
  /** Asymptotic standard errors (inverse Hessian, delta method); `null` if the Hessian is not positive definite. */
  readonly standardErrors: { readonly alpha: number; readonly beta: number } | null;
  /** Customers in the data (Σ of the cohorts' period-0 counts). */
  readonly customers: number;
  /** Cohorts fitted. */
  readonly cohorts: number;
  readonly iterations: number;
  readonly converged: true;
}

/**
 * Options of {@link fitShiftedBetaGeometric}.
 *
 * @example
 * ```ts
 * import type { FitShiftedBetaGeometricOptions } from "crmkit/retention";
 * const o: FitShiftedBetaGeometricOptions = { maxIterations: 1000 };
 * ```
 */
export interface FitShiftedBetaGeometricOptions {
  /** Iteration limit of the optimiser (default 500). */
  readonly maxIterations?: number;
}

function checkParam(field: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v <= 0) throw invalidInput(field, v, "a finite number > 0");
  return v;
}

function checkPeriod(field: string, t: unknown, min: number): number {
  if (typeof t !== "number" || !Number.isInteger(t) || t < min) throw invalidInput(field, t, `an integer >= ${min}`);
  return t;
}

function checkDiscount(d: unknown): number {
  if (typeof d !== "number" || !Number.isFinite(d) || d < 0) throw invalidInput("discountRate", d, "a discount rate >= 0 per period (0.1 = 10%)");
  return d;
}

/** log S(t) by the product form Π_{i<t} (β + i) / (α + β + i); exact for the integer t of interest. */
function logSurvival(alpha: number, beta: number, t: number): number {
  let s = 0;
  for (let i = 0; i < t; i++) s += Math.log((beta + i) / (alpha + beta + i));
  return s;
}

/** Σ_{k≥0} z^k Π_{i<k} (b + i) / (c + i) = ₂F₁(1, b; c; z) for 0 <= z < 1, b < c. */
function hypergeometric1(b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 10_000_000; k++) {
    term *= ((b + k) / (c + k)) * z;
    sum += term;
    if (term < sum * 1e-17) return sum;
  }
  throw new CrmkitError("NOT_CONVERGED", `the hypergeometric series 2F1(1, ${b}; ${c}; ${z}) did not converge in 10^7 terms (discount rate too close to 0)`, {
    details: { b, c, z },
  });
}

/**
 * The sBG model with known parameters (from a previous fit, a paper, a prior).
 *
 * @example
 * ```ts
 * import { shiftedBetaGeometric } from "crmkit/retention";
 * const regular = shiftedBetaGeometric(0.704, 1.182);
 * regular.project(12); // S(0) … S(12)
 * regular.discountedExpectedResidualLifetime(4, 0.1); // value in periods of a customer with 4 renewals
 * ```
 */
export function shiftedBetaGeometric(alpha: number, beta: number): ShiftedBetaGeometric {
  checkParam("alpha", alpha);
  checkParam("beta", beta);
  return makeModel(alpha, beta);
}

function makeModel(alpha: number, beta: number): ShiftedBetaGeometric {
  return {
    alpha,
    beta,
    survival(t: number): number {
      checkPeriod("t", t, 0);
      return Math.exp(logSurvival(alpha, beta, t));
    },
    churnProbability(t: number): number {
      checkPeriod("t", t, 1);
      return Math.exp(logSurvival(alpha, beta, t - 1) + Math.log(alpha / (alpha + beta + t - 1)));
    },
    retentionRate(t: number): number {
      checkPeriod("t", t, 1);
      return (beta + t - 1) / (alpha + beta + t - 1);
    },
    project(periods: number): Float64Array {
      checkPeriod("periods", periods, 0);
      const out = new Float64Array(periods + 1);
      let s = 1;
      out[0] = 1;
      for (let t = 1; t <= periods; t++) {
        s *= (beta + t - 1) / (alpha + beta + t - 1);
        out[t] = s;
      }
      return out;
    },
    expectedLifetime: alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Number.POSITIVE_INFINITY,
    expectedLifetimeWithin(horizon: number): number {
      checkPeriod("horizon", horizon, 0);
      let s = 1;
      let sum = 0;
      for (let t = 0; t < horizon; t++) {
        sum += s;
        s *= (beta + t) / (alpha + beta + t);
      }
      return sum;
    },
    discountedExpectedLifetime(discountRate: number): number {
      const d = checkDiscount(discountRate);
      if (d === 0) return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Number.POSITIVE_INFINITY;
      return hypergeometric1(beta, alpha + beta, 1 / (1 + d));
    },
    discountedExpectedResidualLifetime(renewals: number, discountRate: number): number {
      const n = checkPeriod("renewals", renewals, 0) + 1;
      const d = checkDiscount(discountRate);
      if (d === 0) return alpha > 1 ? (beta + n - 1) / (alpha - 1) : Number.POSITIVE_INFINITY;
      return ((beta + n - 1) / (alpha + beta + n - 1)) * hypergeometric1(beta + n, alpha + beta + n, 1 / (1 + d));
    },
  };
}

/** Survivor counts pooled over cohorts: churn counts per period and censored counts per last observed period. */
interface SbgData {
  /** lost[t] for t = 1..T (index t). */
  readonly lost: Float64Array;
  /** alive[t]: customers still active after t periods when their observation ended. */
  readonly alive: Float64Array;
  readonly maxT: number;
  readonly customers: number;
}

function pool(input: ArrayLike<number> | readonly ArrayLike<number>[]): { data: SbgData; cohorts: number } {
  const isNested = Array.isArray(input) && input.length > 0 && typeof input[0] === "object" && input[0] !== null;
  const cohorts: ArrayLike<number>[] = isNested ? [...(input as readonly ArrayLike<number>[])] : [input as ArrayLike<number>];
  if (!isNested && (typeof input !== "object" || input === null || typeof (input as ArrayLike<number>).length !== "number")) {
    throw invalidInput("survivors", input, "an array of counts alive at the start of each period (period 0 first), or an array of such arrays");
  }
  let maxT = 0;
  cohorts.forEach((s, c) => {
    const field = isNested ? `survivors[${c}]` : "survivors";
    if (typeof s !== "object" || s === null || typeof s.length !== "number") throw invalidInput(field, s, "an array of counts");
    if (s.length < 2) {
      throw new CrmkitError("INSUFFICIENT_DATA", `${field}: needs counts for period 0 and at least one more period, got ${s.length}`, { details: { field, length: s.length } });
    }
    for (let t = 0; t < s.length; t++) {
      const v = s[t];
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalidInput(`${field}[${t}]`, v, "a finite count >= 0");
      if (t > 0 && v > s[t - 1]!) {
        throw invalidInput(`${field}[${t}]`, v, `at most the previous count (${s[t - 1]}): survivors cannot increase (a customer who left and came back is a new customer)`);
      }
    }
    if (s[0] === 0) throw invalidInput(`${field}[0]`, 0, "a positive count of customers at period 0");
    maxT = Math.max(maxT, s.length - 1);
  });
  const lost = new Float64Array(maxT + 1);
  const alive = new Float64Array(maxT + 1);
  let customers = 0;
  for (const s of cohorts) {
    customers += s[0]!;
    for (let t = 1; t < s.length; t++) lost[t]! += s[t - 1]! - s[t]!;
    alive[s.length - 1]! += s[s.length - 1]!;
  }
  let churned = 0;
  for (let t = 1; t <= maxT; t++) churned += lost[t]!;
  if (churned === 0) {
    throw new CrmkitError("INSUFFICIENT_DATA", "fitShiftedBetaGeometric: no customer churned in the data, so the churn rate is not identified (the likelihood grows without bound as β → ∞)", {
      details: { customers },
    });
  }
  let survived = 0;
  for (let t = 1; t <= maxT; t++) survived += alive[t]!;
  if (survived === 0 && lost[1] === customers) {
    throw new CrmkitError("INSUFFICIENT_DATA", "fitShiftedBetaGeometric: every customer churned in the first period, so the heterogeneity is not identified", {
      details: { customers },
    });
  }
  return { data: { lost, alive, maxT, customers }, cohorts: cohorts.length };
}

/**
 * Log-likelihood of the sBG and its gradient with respect to (log α, log β):
 * LL = Σ_t lost_t log P(T = t) + Σ_t alive_t log S(t), by the recursions
 * S(t) = S(t − 1)(β + t − 1)/(α + β + t − 1) and P(T = t) = S(t − 1) α / (α + β + t − 1).
 */
export function sbgLogLikelihood(alpha: number, beta: number, lost: ArrayLike<number>, alive: ArrayLike<number>, grad?: Float64Array): number {
  const maxT = lost.length - 1;
  let ll = 0;
  let logS = 0; // log S(t − 1)
  let dSa = 0; // d log S(t − 1) / dα
  let dSb = 0; // d log S(t − 1) / dβ
  let ga = 0;
  let gb = 0;
  const logAlpha = Math.log(alpha);
  for (let t = 1; t <= maxT; t++) {
    const denom = alpha + beta + t - 1;
    const l = lost[t]!;
    if (l > 0) {
      ll += l * (logS + logAlpha - Math.log(denom));
      ga += l * (dSa + 1 / alpha - 1 / denom);
      gb += l * (dSb - 1 / denom);
    }
    logS += Math.log((beta + t - 1) / denom);
    dSa -= 1 / denom;
    dSb += 1 / (beta + t - 1) - 1 / denom;
    const a = alive[t]!;
    if (a > 0) {
      ll += a * logS;
      ga += a * dSa;
      gb += a * dSb;
    }
  }
  if (grad !== undefined) {
    grad[0] = ga * alpha;
    grad[1] = gb * beta;
  }
  return ll;
}

/**
 * Fits the shifted-beta-geometric model by maximum likelihood to survivor counts:
 * the number of customers of a cohort still active at the start of each period,
 * period 0 (acquisition) first — e.g. `[1000, 631, 468, 382, 326, 289, 262, 241]`.
 * Several cohorts observed for different numbers of periods can be fitted together
 * (pass an array of such arrays); they share α and β. The optimiser (L-BFGS on
 * log α, log β with the analytic gradient) starts at α = β = 1.
 *
 * Reproduces Fader & Hardie (2007): α = 0.704, β = 1.182 on their "regular"
 * customers and α = 0.668, β = 3.806 on the "high end" ones (checked in the tests).
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from "crmkit/retention";
 * const fit = fitShiftedBetaGeometric([1000, 869, 743, 653, 593, 551, 517, 491]);
 * fit.alpha; // ≈ 0.668
 * fit.beta; // ≈ 3.806
 * fit.project(12); // survival to year 12
 * fit.discountedExpectedResidualLifetime(7, 0.1); // periods of value left in a customer with 7 renewals
 * ```
 */
export function fitShiftedBetaGeometric(survivors: ArrayLike<number> | readonly ArrayLike<number>[], options: FitShiftedBetaGeometricOptions = {}): ShiftedBetaGeometricFit {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object");
  const maxIterations = options.maxIterations ?? 500;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw invalidInput("options.maxIterations", maxIterations, "an integer >= 1");
  const { data, cohorts } = pool(survivors);
  const scale = 1 / data.customers;
  const objective = (x: Float64Array, grad: Float64Array): number => {
    const ll = sbgLogLikelihood(Math.exp(x[0]!), Math.exp(x[1]!), data.lost, data.alive, grad);
    grad[0] = -grad[0]! * scale;
    grad[1] = -grad[1]! * scale;
    return -ll * scale;
  };
  const result = minimize(objective, Float64Array.from([0, 0]), { maxIterations });
  if (!result.converged) {
    throw new CrmkitError("NOT_CONVERGED", `fitShiftedBetaGeometric: the optimiser stopped without converging (${result.reason}) after ${result.iterations} iterations`, {
      details: { reason: result.reason, iterations: result.iterations, x: Array.from(result.x), gradient: Array.from(result.gradient) },
    });
  }
  const alpha = Math.exp(result.x[0]!);
  const beta = Math.exp(result.x[1]!);
  const logLikelihood = sbgLogLikelihood(alpha, beta, data.lost, data.alive);

  // Standard errors: Hessian of −LL in (log α, log β), inverted, then the delta method.
  let standardErrors: ShiftedBetaGeometricFit["standardErrors"] = null;
  const hessian = numericHessian((x, g) => {
    sbgLogLikelihood(Math.exp(x[0]!), Math.exp(x[1]!), data.lost, data.alive, g);
    g[0] = -g[0]!;
    g[1] = -g[1]!;
  }, result.x);
  const cov = invertSymmetricPositiveDefinite(hessian, 2);
  if (cov !== null && cov[0]! > 0 && cov[3]! > 0) {
    standardErrors = { alpha: alpha * Math.sqrt(cov[0]!), beta: beta * Math.sqrt(cov[3]!) };
  }
  return {
    ...makeModel(alpha, beta),
    logLikelihood,
    standardErrors,
    customers: data.customers,
    cohorts,
    iterations: result.iterations,
    converged: true,
  };
}
