import { CrmkitError } from "../errors/crmkit-error.js";
import { logBeta } from "../math/beta.js";
import { digamma, lgamma } from "../math/gamma.js";
import { gaussLegendre } from "../math/quadrature.js";
import type { CustomersInput } from "./customer-data.js";
import { aliveFromDeadLogOdds, conditionalCountProbabilities, perCustomer, readPredictionCustomers } from "./customer-predictions.js";
import { checkCount, checkHorizon, expm1Ratio, type FitData, type FitDataOptions } from "./fit-data.js";
import { checkParams, type FitReport, type MleOptions } from "./maximum-likelihood.js";
import { ClvModel, readModelJson } from "./model-base.js";
import { betaGeometricStarts, fitTransactionModel, transactionLogLikelihood, type TransactionModelSpec } from "./transaction-fit.js";
import type { TimeUnit } from "./time-unit.js";

/**
 * BG/NBD parameters: purchase rates λ ~ Gamma(shape r, rate α) and dropout
 * probabilities p ~ Beta(a, b) (after each repeat purchase, the customer leaves
 * with probability p). α is in the data's time unit.
 *
 * @example
 * ```ts
 * import type { BgNbdParams } from "crmkit/clv";
 * const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }; // FHL 2005, weeks
 * ```
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * Options of {@link fitBgNbd} (and of the other transaction-model fits).
 *
 * @example
 * ```ts
 * import type { TransactionFitOptions } from "crmkit/clv";
 * const options: TransactionFitOptions = { unit: "week", initialParams: { r: 0.5, alpha: 5, a: 1, b: 2 } };
 * ```
 */
export interface TransactionFitOptions extends FitDataOptions, MleOptions {}

const NAMES = ["r", "alpha", "a", "b"] as const;
type Name = (typeof NAMES)[number];

/** Sums Σ_{n≥1} (A)_n (a)_{n−1} / ((c+1)_{n−1} n!) zⁿ (see {@link bgConditionalNumerator}). */
function eulerTail(A: number, a: number, c: number, z: number): { sum: number; max: number } {
  let term = A * z;
  let sum = term;
  let max = Math.abs(term);
  for (let n = 1; n < 10_000_000; n++) {
    if (term === 0) break;
    const ratio = (((A + n) * (a + n - 1)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (Math.abs(term) > max) max = Math.abs(term);
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs(ratio) < 1) break;
  }
  return { sum, max };
}

/**
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))], the
 * numerator of FHL (2005) eq. 10 (and, with x = T = 0, eq. 9), computed after
 * Euler's transformation (FH note 027) in a form that is finite for a = 1 and for
 * x in the thousands.
 */
export function bgConditionalNumerator(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  const z = t / (alpha + T + t);
  const L = -Math.log1p(t / (alpha + T)); // ln(1 − z)
  const e = a - 1;
  const c = a + b + x - 1;
  const A = a + b - 1 - r;
  if ((Math.abs(A) + a + 40) / (1 - z) > 20_000) return bgAliveExpectationByQuadrature(r + x, alpha + T, a, b + x, t);
  const S = eulerTail(A, a, c, z);
  const scale = Math.exp(e * L);
  const value = -c * expm1Ratio(e, L) - scale * S.sum;
  // alternating terms (a + b − 1 − r < 0) can cancel: fall back when more than ~4 digits would be lost
  if (!(scale * S.max <= 1e4 * Math.abs(value)) || !Number.isFinite(value)) return bgAliveExpectationByQuadrature(r + x, alpha + T, a, b + x, t);
  return value;
}

/**
 * The same expectation as an integral over the dropout probability, for the
 * parameter region where the series converges too slowly (t much larger than
 * α + T): E[Y(t) | alive] = ∫ (1 − (1 + p·t/β)^(−s)) / p · Beta(p; a, b) dp, since
 * given (λ, p) an alive customer buys (1 − e^(−λpt))/p times in expectation and
 * λ ~ Gamma(s, β) given the history.
 */
function bgAliveExpectationByQuadrature(s: number, beta: number, a: number, b: number, t: number): number {
  const lB = logBeta(a, b);
  const k = t / beta;
  const h = (p: number): number => (p === 0 ? s * k : -Math.expm1(-s * Math.log1p(p * k)) / p);
  // ∫₀^½ p^(a−1)(1−p)^(b−1) h(p) dp + ∫₀^½ q^(b−1)(1−q)^(a−1) h(1−q) dq, each on dyadic pieces
  // [2^−(j+1), 2^−j] in the variable ln p (smooth there whatever a, b), plus the analytic
  // contribution of [0, ε] where the integrand is ε^a/a · h(0) to relative O(ε(sk + b)).
  const { x: gx, w: gw } = gaussLegendre(20);
  const eps = 1e-13 / (1 + s * k + a + b);
  const half = (e1: number, e2: number, g: (u: number) => number): number => {
    let total = g(0) * Math.exp(e1 * Math.log(eps) - lB - Math.log(e1));
    for (let hi = 0.5; hi > eps; hi /= 2) {
      const lo = Math.max(hi / 2, eps);
      const l0 = Math.log(lo);
      const l1 = Math.log(hi);
      const m = (l0 + l1) / 2;
      const r = (l1 - l0) / 2;
      let piece = 0;
      for (let i = 0; i < gx.length; i++) {
        const lu = m + r * gx[i]!;
        const u = Math.exp(lu);
        piece += gw[i]! * g(u) * Math.exp(e1 * lu + (e2 - 1) * Math.log1p(-u) - lB);
      }
      total += piece * r;
    }
    return total;
  };
  return half(a, b, h) + half(b, a, (q) => h(1 - q));
}

/** log of the odds that a customer with x > 0 has dropped out: ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x)). */
function logDeadOdds(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return Number.NEGATIVE_INFINITY;
  return Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/**
 * P(X(t) = n) under the BG/NBD with parameters (r, α, a, b) for a customer alive at
 * time 0: FHL (2005) eq. 8, with the negative-binomial tail summed on whichever
 * side avoids cancellation.
 */
export function bgPmf(r: number, alpha: number, a: number, b: number, n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const lp = -Math.log1p(t / alpha); // ln(α/(α+t))
  const lq = Math.log(t / (alpha + t));
  const lB = logBeta(a, b);
  const logNb = (j: number): number => lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * lp + j * lq;
  const first = Math.exp(logBeta(a, b + n) - lB + logNb(n));
  if (n === 0) return first;
  // P(NBD >= n): 1 − head when the head is small, else the tail itself
  let head = 0;
  let lt = r * lp;
  for (let j = 0; j < n; j++) {
    head += Math.exp(lt);
    lt += Math.log((r + j) / (j + 1)) + lq;
  }
  let tail: number;
  if (head <= 0.5) tail = 1 - head;
  else {
    tail = 0;
    lt = logNb(n);
    for (let j = n; j < n + 10_000_000; j++) {
      const v = Math.exp(lt);
      tail += v;
      const ratio = ((r + j) / (j + 1)) * Math.exp(lq);
      if (v <= 1e-17 * tail && ratio < 1) break;
      lt += Math.log((r + j) / (j + 1)) + lq;
    }
  }
  return first + Math.exp(logBeta(a + 1, b + n - 1) - lB) * tail;
}

/** The BG/NBD negative log-likelihood on log-parameters, with its analytic gradient (internal). */
export function bgNbdObjective(d: FitData): (theta: Float64Array, grad: Float64Array) => number {
  const nx = d.xs.length;
  const lgr = new Float64Array(nx);
  const dgr = new Float64Array(nx);
  const a2 = new Float64Array(nx);
  const da2a = new Float64Array(nx);
  const da2b = new Float64Array(nx);
  const lc4 = new Float64Array(nx);
  const dc4b = new Float64Array(nx);
  const nT = d.Ts === undefined ? 0 : d.Ts.length;
  const lTab = new Float64Array(nT);
  const iTab = new Float64Array(nT);
  return (theta, grad) => {
    const r = Math.exp(theta[0]!);
    const alpha = Math.exp(theta[1]!);
    const a = Math.exp(theta[2]!);
    const b = Math.exp(theta[3]!);
    if (![r, alpha, a, b].every((v) => v > 0 && Number.isFinite(v))) return Number.POSITIVE_INFINITY;
    const lgR = lgamma(r);
    const dgR = digamma(r);
    const lgAB = lgamma(a + b);
    const dgAB = digamma(a + b);
    const lgB = lgamma(b);
    const dgB = digamma(b);
    const la = Math.log(a);
    let ll = 0;
    let gr = 0;
    let galpha = 0;
    let ga = 0;
    let gb = 0;
    // terms that depend on x only, weighted by the total weight of each x
    for (let k = 0; k < nx; k++) {
      const v = d.xs[k]!;
      const W = d.wx[k]!;
      if (v === 0) {
        lgr[k] = 0;
        dgr[k] = 0;
        a2[k] = 0;
        da2a[k] = 0;
        da2b[k] = 0;
      } else {
        lgr[k] = lgamma(r + v) - lgR;
        dgr[k] = digamma(r + v) - dgR;
        const dABv = digamma(a + b + v);
        a2[k] = lgAB + lgamma(b + v) - lgB - lgamma(a + b + v);
        da2a[k] = dgAB - dABv;
        da2b[k] = dgAB + digamma(b + v) - dgB - dABv;
        lc4[k] = la - Math.log(b + v - 1);
        dc4b[k] = -1 / (b + v - 1);
      }
      ll += W * (lgr[k]! + a2[k]!);
      gr += W * dgr[k]!;
      ga += W * da2a[k]!;
      gb += W * da2b[k]!;
    }
    for (let k = 0; k < nT; k++) {
      const v = alpha + d.Ts![k]!;
      lTab[k] = Math.log(v);
      iTab[k] = 1 / v;
    }
    const ti = d.ti;
    const lalpha = Math.log(alpha);
    ll += d.customers * r * lalpha;
    gr += d.customers * lalpha;
    galpha += (d.customers * r) / alpha;
    const x = d.x;
    const tx = d.tx;
    const T = d.T;
    const w = d.w;
    const xi = d.xi;
    for (let i = 0; i < d.rows; i++) {
      const wi = w[i]!;
      const xv = x[i]!;
      const rx = r + xv;
      let lT: number;
      let iT: number;
      if (ti === undefined) {
        const aT = alpha + T[i]!;
        lT = Math.log(aT);
        iT = 1 / aT;
      } else {
        lT = lTab[ti[i]!]!;
        iT = iTab[ti[i]!]!;
      }
      const A3 = -rx * lT;
      if (xv === 0) {
        ll += wi * A3;
        gr -= wi * lT;
        galpha -= wi * rx * iT;
        continue;
      }
      const k = xi[i]!;
      const aTx = alpha + tx[i]!;
      const lTx = Math.log(aTx);
      const A4 = lc4[k]! - rx * lTx;
      let lse: number;
      let w3: number;
      let w4: number;
      if (A3 >= A4) {
        const e = Math.exp(A4 - A3);
        lse = A3 + Math.log1p(e);
        w4 = e / (1 + e);
        w3 = 1 - w4;
      } else {
        const e = Math.exp(A3 - A4);
        lse = A4 + Math.log1p(e);
        w3 = e / (1 + e);
        w4 = 1 - w3;
      }
      ll += wi * lse;
      gr -= wi * (w3 * lT + w4 * lTx);
      galpha -= wi * rx * (w3 * iT + w4 / aTx);
      ga += (wi * w4) / a;
      gb += wi * w4 * dc4b[k]!;
    }
    // gradient of −LL with respect to log-parameters
    grad[0] = -gr * r;
    grad[1] = -galpha * alpha;
    grad[2] = -ga * a;
    grad[3] = -gb * b;
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}

/**
 * A BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way"): non-contractual, continuous time. While alive a customer buys at rate λ;
 * after each repeat purchase they drop out with probability p. Get one with
 * {@link fitBgNbd}, {@link BgNbdModel.fromParams} or {@link BgNbdModel.fromJSON}.
 * All predictions take time in the model's `unit` and are vectorised over a
 * summary (typed arrays out).
 *
 * @example
 * ```ts
 * import { BgNbdModel } from "crmkit/clv";
 * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" });
 * m.conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 })[0]; // ≈ 1.226
 * m.probabilityAlive({ frequency: 2, recency: 30.43, T: 38.86 })[0];
 * ```
 */
export class BgNbdModel extends ClvModel<Name> {
  readonly model = "bg-nbd";
  readonly parameterNames = NAMES;

  private constructor(params: BgNbdParams, unit: TimeUnit | undefined, fit: FitReport<Name> | undefined) {
    super(params, unit, fit);
  }

  /** @internal */
  static create(params: BgNbdParams, unit: TimeUnit | undefined, fit: FitReport<Name> | undefined): BgNbdModel {
    return new BgNbdModel(params, unit, fit);
  }

  /**
   * A model with the given parameters (e.g. published ones), without a fit.
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" }).expectedPurchases(52);
   * ```
   */
  static fromParams(params: BgNbdParams, options: { readonly unit?: TimeUnit } = {}): BgNbdModel {
    return new BgNbdModel(checkParams("params", NAMES, params), options.unit, undefined);
  }

  /**
   * Reads the output of {@link ClvModel.toJSON} (an object or its JSON text).
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" });
   * BgNbdModel.fromJSON(JSON.stringify(m)).params.alpha; // 4.414
   * ```
   */
  static fromJSON(json: unknown): BgNbdModel {
    const j = readModelJson("bg-nbd", NAMES, json);
    return new BgNbdModel(j.params, j.unit, j.fit);
  }

  /** The parameters, typed. */
  get bgNbdParams(): BgNbdParams {
    return this.params as BgNbdParams;
  }

  /**
   * Expected number of repeat purchases in (0, t] of a new customer (FHL 2005 eq. 9).
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).expectedPurchases(78); // ≈ 1.8576
   * ```
   */
  expectedPurchases(t: number): number {
    checkHorizon("t", t);
    const { r, alpha, a, b } = this.bgNbdParams;
    return bgConditionalNumerator(r, alpha, a, b, 0, 0, t);
  }

  /**
   * Expected repeat purchases in the next `t` units of each customer, given their
   * history (FHL 2005 eq. 10).
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
   * m.conditionalExpectedPurchases(39, { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] });
   * ```
   */
  conditionalExpectedPurchases(t: number, customers: CustomersInput): Float64Array {
    checkHorizon("t", t);
    const c = readPredictionCustomers(customers, this.unit);
    const p = this.bgNbdParams;
    return perCustomer(c, (x, tx, T) => bgConditionalNumerator(p.r, p.alpha, p.a, p.b, x, T, t) / (1 + Math.exp(logDeadOdds(p, x, tx, T))));
  }

  /**
   * Probability that each customer is still alive at their age T (FHL 2005 eq. 11 /
   * FH note 021): 1 for customers without repeat purchases.
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
   * m.probabilityAlive({ frequency: [0, 5], recency: [0, 10], T: [30, 40] }); // [1, small]
   * ```
   */
  probabilityAlive(customers: CustomersInput): Float64Array {
    const c = readPredictionCustomers(customers, this.unit);
    const p = this.bgNbdParams;
    return perCustomer(c, (x, tx, T) => aliveFromDeadLogOdds(logDeadOdds(p, x, tx, T)));
  }

  /**
   * P(X(t) = n): probability that a new customer makes exactly `n` repeat purchases
   * in (0, t] (FHL 2005 eq. 8).
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).probabilityOfPurchases(0, 39); // ≈ 0.5737864
   * ```
   */
  probabilityOfPurchases(n: number, t: number): number {
    checkCount("n", n);
    checkHorizon("t", t);
    const { r, alpha, a, b } = this.bgNbdParams;
    return bgPmf(r, alpha, a, b, n, t);
  }

  /**
   * P(Y(t) = n | history): probability that each customer makes exactly `n`
   * purchases in the next `t` units. Given alive at T the posterior rates are
   * Gamma(r+x, α+T) and Beta(a, b+x), so this is P(alive)·P(X(t) = n | updated
   * parameters) + [n = 0]·P(dead).
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
   * m.conditionalProbabilityOfPurchases(0, 39, { frequency: 2, recency: 30.43, T: 38.86 })[0];
   * ```
   */
  conditionalProbabilityOfPurchases(n: number, t: number, customers: CustomersInput): Float64Array {
    checkCount("n", n);
    checkHorizon("t", t);
    const p = this.bgNbdParams;
    return conditionalCountProbabilities(n, this.probabilityAlive(customers), customers, (x, T) => bgPmf(p.r + x, p.alpha + T, p.a, p.b + x, n, t));
  }

  /**
   * Log-likelihood of other data under this model (e.g. a holdout cohort).
   *
   * @example
   * ```ts
   * import { BgNbdModel } from "crmkit/clv";
   * const m = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
   * m.logLikelihoodOf({ frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] });
   * ```
   */
  logLikelihoodOf(customers: CustomersInput): number {
    return transactionLogLikelihood(bgNbdObjective, NAMES, this.params, this.unit, customers);
  }
}

const BG_NBD_FIT: TransactionModelSpec<Name> = {
  model: "fitBgNbd",
  names: NAMES,
  objective: bgNbdObjective,
  starts: betaGeometricStarts,
};

/**
 * Fits the BG/NBD model by maximum likelihood (FHL 2005) on a
 * {@link CustomerSummary} or plain columns, with optional weights; duplicate
 * (x, t_x, T) rows are collapsed first. On the CDNOW sample (weeks) it gives
 * r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4 — the published estimates.
 *
 * Throws INSUFFICIENT_DATA for an empty summary or one without repeat purchases,
 * INVALID_INPUT for bad columns (recency > T, negative values…), NOT_CONVERGED
 * with the starts tried when the optimiser fails.
 *
 * @example
 * ```ts
 * import { fitBgNbd } from "crmkit/clv";
 * const model = fitBgNbd({ frequency: [0, 2, 1, 0, 5, 3], recency: [0, 20, 5, 0, 30, 25], T: [40, 38, 30, 35, 39, 40] }, { unit: "week" });
 * model.params; // { r, alpha, a, b }
 * model.logLikelihood;
 * ```
 */
export function fitBgNbd(data: CustomersInput, options: TransactionFitOptions = {}): BgNbdModel {
  const { params, report, unit } = fitTransactionModel(BG_NBD_FIT, data, options);
  if (!Object.values(params).every((v) => Number.isFinite(v))) {
    throw new CrmkitError("NOT_CONVERGED", "fitBgNbd: the optimum is at the boundary of the parameter space", { details: { params } });
  }
  return BgNbdModel.create(params, unit, report);
}
