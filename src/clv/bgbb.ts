import { CrmkitError } from "../errors/crmkit-error.js";
import { logBeta } from "../math/beta.js";
import { digamma, lgamma } from "../math/gamma.js";
import { collapseRows } from "./collapse-rows.js";
import { readCustomers, type CustomerColumns, type CustomersInput } from "./customer-data.js";
import { perCustomer } from "./customer-predictions.js";
import { checkCount } from "./fit-data.js";
import { checkParams, fitMaximumLikelihood, logLikelihoodAt, startingPoints, type FitReport, type MleOptions } from "./maximum-likelihood.js";
import { ClvModel, readModelJson } from "./model-base.js";
import { rowWeights } from "./row-weights.js";

/**
 * BG/BB parameters (Fader, Hardie & Shang 2010): the transaction probability
 * p ~ Beta(α, β) per opportunity while alive, and the dropout probability
 * θ ~ Beta(γ, δ) per opportunity.
 *
 * @example
 * ```ts
 * import type { BgBbParams } from "crmkit/clv";
 * const donations: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * ```
 */
export interface BgBbParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
}

/**
 * Options of {@link fitBgBb}.
 *
 * @example
 * ```ts
 * import type { BgBbFitOptions } from "crmkit/clv";
 * const options: BgBbFitOptions = { weights: [3464, 1091] };
 * ```
 */
export interface BgBbFitOptions extends MleOptions {
  /** Number of customers per row (compressed data), overriding the data's `weights`. */
  readonly weights?: ArrayLike<number>;
}

const NAMES = ["alpha", "beta", "gamma", "delta"] as const;
type Name = (typeof NAMES)[number];

interface DiscreteData {
  readonly rows: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly w: Float64Array;
  readonly customers: number;
}

/** The BG/BB negative log-likelihood on log-parameters, with its analytic gradient (internal). */
export function bgBbObjective(d: DiscreteData): (theta: Float64Array, grad: Float64Array) => number {
  let maxN = 0;
  for (let i = 0; i < d.rows; i++) maxN = Math.max(maxN, d.n[i]!);
  const terms = new Float64Array(maxN + 2);
  const ga = new Float64Array(maxN + 2);
  const gb = new Float64Array(maxN + 2);
  const gg = new Float64Array(maxN + 2);
  const gd = new Float64Array(maxN + 2);
  return (theta, grad) => {
    const al = Math.exp(theta[0]!);
    const be = Math.exp(theta[1]!);
    const ga0 = Math.exp(theta[2]!);
    const de = Math.exp(theta[3]!);
    if (![al, be, ga0, de].every((v) => v > 0 && Number.isFinite(v))) return Number.POSITIVE_INFINITY;
    const lBab = logBeta(al, be);
    const lBgd = logBeta(ga0, de);
    const dAab = digamma(al) - digamma(al + be);
    const dBab = digamma(be) - digamma(al + be);
    const dGgd = digamma(ga0) - digamma(ga0 + de);
    const dDgd = digamma(de) - digamma(ga0 + de);
    let ll = 0;
    const g = [0, 0, 0, 0];
    for (let i = 0; i < d.rows; i++) {
      const x = d.x[i]!;
      const tx = d.tx[i]!;
      const n = d.n[i]!;
      let k = 0;
      const add = (m: number, gOff: number, dOff: number): void => {
        // ln B(α+x, β+m) − ln B(α,β) + ln B(γ+gOff, δ+dOff) − ln B(γ,δ)
        terms[k] = logBeta(al + x, be + m) - lBab + logBeta(ga0 + gOff, de + dOff) - lBgd;
        const sab = digamma(al + be + x + m);
        const sgd = digamma(ga0 + de + gOff + dOff);
        ga[k] = digamma(al + x) - sab - dAab;
        gb[k] = digamma(be + m) - sab - dBab;
        gg[k] = digamma(ga0 + gOff) - sgd - dGgd;
        gd[k] = digamma(de + dOff) - sgd - dDgd;
        k++;
      };
      add(n - x, 0, n);
      for (let j = 0; j <= n - tx - 1; j++) add(tx - x + j, 1, tx + j);
      let mx = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < k; j++) if (terms[j]! > mx) mx = terms[j]!;
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(terms[j]! - mx);
      const lse = mx + Math.log(s);
      const w = d.w[i]!;
      ll += w * lse;
      for (let j = 0; j < k; j++) {
        const p = (Math.exp(terms[j]! - mx) / s) * w;
        g[0]! += p * ga[j]!;
        g[1]! += p * gb[j]!;
        g[2]! += p * gg[j]!;
        g[3]! += p * gd[j]!;
      }
    }
    grad[0] = -g[0]! * al;
    grad[1] = -g[1]! * be;
    grad[2] = -g[2]! * ga0;
    grad[3] = -g[3]! * de;
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}

function logLik(p: BgBbParams, x: number, tx: number, n: number): number {
  const lBab = logBeta(p.alpha, p.beta);
  const lBgd = logBeta(p.gamma, p.delta);
  let acc = logBeta(p.alpha + x, p.beta + n - x) - lBab + logBeta(p.gamma, p.delta + n) - lBgd;
  for (let j = 0; j <= n - tx - 1; j++) {
    const t = logBeta(p.alpha + x, p.beta + tx - x + j) - lBab + logBeta(p.gamma + 1, p.delta + tx + j) - lBgd;
    acc = acc > t ? acc + Math.log1p(Math.exp(t - acc)) : t + Math.log1p(Math.exp(acc - t));
  }
  return acc;
}

/** The customers of a prediction, as discrete-time columns (an empty summary allowed). */
function readDiscreteCustomers(customers: CustomersInput): CustomerColumns {
  return readCustomers(customers, { field: "customers", discrete: true, allowEmpty: true });
}

function readDiscrete(data: CustomersInput, weights: ArrayLike<number> | undefined, allowEmpty: boolean): DiscreteData {
  const c = readCustomers(data, { field: "data", discrete: true, allowEmpty });
  const w = rowWeights(c.w, weights, c.n);
  const col = collapseRows([c.x, c.tx, c.T], w);
  let customers = 0;
  for (let i = 0; i < col.rows; i++) customers += col.w[i]!;
  return { rows: col.rows, x: col.cols[0]!, tx: col.cols[1]!, n: col.cols[2]!, w: col.w, customers };
}

/**
 * The BG/BB model (Fader, Hardie & Shang 2010) for discrete, non-contractual
 * settings — yearly donations, annual events, any fixed transaction opportunities.
 * Data: x = opportunities with a transaction (out of the n = `T` opportunities
 * after the first), t_x = the last such opportunity (0 if none), as integers.
 *
 * @example
 * ```ts
 * import { BgBbModel } from "crmkit/clv";
 * const m = BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
 * m.probabilityAlive({ frequency: 6, recency: 6, T: 6 })[0]; // ≈ 0.93 (FHS 2010 table 6)
 * ```
 */
export class BgBbModel extends ClvModel<Name> {
  readonly model = "bg-bb";
  readonly parameterNames = NAMES;

  private constructor(params: BgBbParams, fit: FitReport<Name> | undefined) {
    super(params, undefined, fit);
  }

  /** @internal */
  static create(params: BgBbParams, fit: FitReport<Name> | undefined): BgBbModel {
    return new BgBbModel(params, fit);
  }

  /**
   * A model with the given parameters.
   *
   * @example
   * ```ts
   * import { BgBbModel } from "crmkit/clv";
   * BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).expectedPurchases(6);
   * ```
   */
  static fromParams(params: BgBbParams): BgBbModel {
    return new BgBbModel(checkParams("params", NAMES, params), undefined);
  }

  /**
   * Reads the output of `toJSON()`.
   *
   * @example
   * ```ts
   * import { BgBbModel } from "crmkit/clv";
   * BgBbModel.fromJSON({ model: "bg-bb", params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, unit: undefined }).params.delta; // 2.783
   * ```
   */
  static fromJSON(json: unknown): BgBbModel {
    const j = readModelJson("bg-bb", NAMES, json);
    return new BgBbModel(j.params, j.fit);
  }

  /** The parameters, typed. */
  get bgBbParams(): BgBbParams {
    return this.params as BgBbParams;
  }

  /**
   * E[X(n)]: expected transactions of a new customer in the first `n` opportunities (FHS 2010 eq. 8).
   *
   * @example
   * ```ts
   * import { BgBbModel } from "crmkit/clv";
   * BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).expectedPurchases(6);
   * ```
   */
  expectedPurchases(n: number): number {
    checkCount("n", n);
    const { alpha, beta, gamma, delta } = this.bgBbParams;
    return (alpha / (alpha + beta)) * survivalSum(gamma, delta, 0, n);
  }

  /**
   * P(X(n) = x): probability that a new customer transacts at exactly `x` of the
   * first `n` opportunities (FHS 2010 eq. 7).
   *
   * @example
   * ```ts
   * import { BgBbModel } from "crmkit/clv";
   * 11104 * BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).probabilityOfPurchases(0, 6); // ≈ 3454.9
   * ```
   */
  probabilityOfPurchases(x: number, n: number): number {
    checkCount("x", x);
    checkCount("n", n);
    if (x > n) return 0;
    const { alpha, beta, gamma, delta } = this.bgBbParams;
    const lBab = logBeta(alpha, beta);
    const lBgd = logBeta(gamma, delta);
    const lChoose = (a: number, b: number): number => lgamma(a + 1) - lgamma(b + 1) - lgamma(a - b + 1);
    let p = Math.exp(lChoose(n, x) + logBeta(alpha + x, beta + n - x) - lBab + logBeta(gamma, delta + n) - lBgd);
    for (let i = x; i <= n - 1; i++) p += Math.exp(lChoose(i, x) + logBeta(alpha + x, beta + i - x) - lBab + logBeta(gamma + 1, delta + i) - lBgd);
    return p;
  }

  /**
   * Probability that each customer is alive at opportunity n + `periodsAhead`
   * given (x, t_x, n) (FHS 2010 eq. 11; `periodsAhead` = 1: alive at the next opportunity).
   *
   * @example
   * ```ts
   * import { BgBbModel } from "crmkit/clv";
   * BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).probabilityAlive({ frequency: [0, 2], recency: [0, 4], T: [6, 6] }); // ≈ [0.11, 0.59]
   * ```
   */
  probabilityAlive(customers: CustomersInput, periodsAhead = 1): Float64Array {
    checkCount("periodsAhead", periodsAhead);
    const p = this.bgBbParams;
    return perCustomer(readDiscreteCustomers(customers), (x, tx, n) => {
      const l = logBeta(p.alpha + x, p.beta + n - x) - logBeta(p.alpha, p.beta) + logBeta(p.gamma, p.delta + n + periodsAhead) - logBeta(p.gamma, p.delta) - logLik(p, x, tx, n);
      return Math.min(1, Math.exp(l));
    });
  }

  /**
   * Expected transactions of each customer in the next `periods` opportunities
   * given (x, t_x, n) (FHS 2010 eq. 13).
   *
   * @example
   * ```ts
   * import { BgBbModel } from "crmkit/clv";
   * BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).conditionalExpectedPurchases(5, { frequency: 6, recency: 6, T: 6 });
   * ```
   */
  conditionalExpectedPurchases(periods: number, customers: CustomersInput): Float64Array {
    checkCount("periods", periods);
    const p = this.bgBbParams;
    return perCustomer(readDiscreteCustomers(customers), (x, tx, n) => {
      const l = logBeta(p.alpha + x + 1, p.beta + n - x) - logBeta(p.alpha, p.beta) - logLik(p, x, tx, n);
      return Math.exp(l) * survivalSum(p.gamma, p.delta, n, periods);
    });
  }

  /**
   * Log-likelihood of other data under this model.
   *
   * @example
   * ```ts
   * import { BgBbModel } from "crmkit/clv";
   * BgBbModel.fromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }).logLikelihoodOf({ frequency: [0, 6], recency: [0, 6], T: [6, 6], weights: [3464, 1203] });
   * ```
   */
  logLikelihoodOf(customers: CustomersInput): number {
    const d = readDiscrete(customers, undefined, false);
    return logLikelihoodAt(bgBbObjective(d), NAMES, this.params);
  }
}

/**
 * Σ_{k=n+1}^{n+m} P(alive at opportunity k | alive at 0) under θ ~ Beta(γ, δ) =
 * δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+m)/Γ(γ+δ+n+m)], continuous at γ = 1.
 */
function survivalSum(gamma: number, delta: number, n: number, m: number): number {
  if (m === 0) return 0;
  const base = lgamma(gamma + delta) - lgamma(1 + delta);
  const u1 = base + lgamma(1 + delta + n) - lgamma(gamma + delta + n);
  const u2 = base + lgamma(1 + delta + n + m) - lgamma(gamma + delta + n + m);
  if (Math.abs(gamma - 1) < 1e-9) return delta * (digamma(1 + delta + n + m) - digamma(1 + delta + n));
  return (delta / (gamma - 1)) * Math.exp(u1) * -Math.expm1(u2 - u1);
}

/**
 * Fits the BG/BB model by maximum likelihood on discrete data (x, t_x, n as
 * integers in `frequency`, `recency`, `T`), compressed rows with `weights`
 * accepted. On the donations data it gives α 1.204, β 0.750, γ 0.657, δ 2.783
 * (FHS 2010).
 *
 * @example
 * ```ts
 * import { fitBgBb } from "crmkit/clv";
 * const m = fitBgBb({ frequency: [0, 1, 2, 3, 6], recency: [0, 1, 4, 5, 6], T: [6, 6, 6, 6, 6], weights: [300, 100, 60, 50, 120] });
 * m.params;
 * ```
 */
export function fitBgBb(data: CustomersInput, options: BgBbFitOptions = {}): BgBbModel {
  const d = readDiscrete(data, options.weights, false);
  let repeaters = 0;
  for (let i = 0; i < d.rows; i++) if (d.x[i]! > 0) repeaters += d.w[i]!;
  if (!(d.customers > 0)) throw new CrmkitError("INSUFFICIENT_DATA", "fitBgBb: the data has no customers with a positive weight", {});
  if (!(repeaters > 0)) throw new CrmkitError("INSUFFICIENT_DATA", "fitBgBb: every customer has frequency 0; the transaction and dropout processes cannot be identified", { details: { customers: d.customers } });
  const starts = startingPoints(NAMES, options, [
    [1, 1, 1, 1],
    [0.5, 0.5, 0.5, 2],
    [2, 1, 1, 5],
  ]);
  const { params, report } = fitMaximumLikelihood({
    model: "fitBgBb",
    names: NAMES,
    objective: bgBbObjective(d),
    starts,
    customers: d.customers,
    rows: d.rows,
    maxIterations: options.maxIterations,
  });
  return BgBbModel.create(params as BgBbParams, report);
}
