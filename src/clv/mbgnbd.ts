import { digamma, lgamma } from "../math/gamma.js";
import { bgConditionalNumerator, bgPmf, type BgNbdParams, type TransactionFitOptions } from "./bgnbd.js";
import type { CustomersInput } from "./customer-data.js";
import { aliveFromDeadLogOdds, conditionalCountProbabilities, perCustomer, readPredictionCustomers } from "./customer-predictions.js";
import { checkCount, checkHorizon, type FitData } from "./fit-data.js";
import { checkParams, type FitReport } from "./maximum-likelihood.js";
import { ClvModel, readModelJson } from "./model-base.js";
import { betaGeometricStarts, fitTransactionModel, transactionLogLikelihood, type TransactionModelSpec } from "./transaction-fit.js";
import type { TimeUnit } from "./time-unit.js";

/**
 * MBG/NBD parameters: as the BG/NBD's (λ ~ Gamma(r, α), p ~ Beta(a, b)), but the
 * customer may also drop out right after the first purchase.
 *
 * @example
 * ```ts
 * import type { MbgNbdParams } from "crmkit/clv";
 * const cdnow: MbgNbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }; // BTYDplus, weeks
 * ```
 */
export type MbgNbdParams = BgNbdParams;

const NAMES = ["r", "alpha", "a", "b"] as const;
type Name = (typeof NAMES)[number];

/** The MBG/NBD negative log-likelihood on log-parameters, with its analytic gradient (internal). */
export function mbgNbdObjective(d: FitData): (theta: Float64Array, grad: Float64Array) => number {
  const nx = d.xs.length;
  const lgr = new Float64Array(nx);
  const dgr = new Float64Array(nx);
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
    for (let k = 0; k < nx; k++) {
      const v = d.xs[k]!;
      const W = d.wx[k]!;
      lgr[k] = v === 0 ? 0 : lgamma(r + v) - lgR;
      dgr[k] = v === 0 ? 0 : digamma(r + v) - dgR;
      const dABv = digamma(a + b + v + 1);
      // B(a, b+x+1)/B(a, b)
      ll += W * (lgr[k]! + lgAB + lgamma(b + v + 1) - lgB - lgamma(a + b + v + 1));
      gr += W * dgr[k]!;
      ga += W * (dgAB - dABv);
      gb += W * (dgAB + digamma(b + v + 1) - dgB - dABv);
      lc4[k] = la - Math.log(b + v);
      dc4b[k] = -1 / (b + v);
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
    for (let i = 0; i < d.rows; i++) {
      const wi = d.w[i]!;
      const k = d.xi[i]!;
      const rx = r + d.x[i]!;
      let lT: number;
      let iT: number;
      if (ti === undefined) {
        const aT = alpha + d.T[i]!;
        lT = Math.log(aT);
        iT = 1 / aT;
      } else {
        lT = lTab[ti[i]!]!;
        iT = iTab[ti[i]!]!;
      }
      const aTx = alpha + d.tx[i]!;
      const lTx = Math.log(aTx);
      const A3 = -rx * lT;
      const A4 = lc4[k]! - rx * lTx;
      let lse: number;
      let w4: number;
      if (A3 >= A4) {
        const e = Math.exp(A4 - A3);
        lse = A3 + Math.log1p(e);
        w4 = e / (1 + e);
      } else {
        const e = Math.exp(A3 - A4);
        lse = A4 + Math.log1p(e);
        w4 = 1 / (1 + e);
      }
      const w3 = 1 - w4;
      ll += wi * lse;
      gr -= wi * (w3 * lT + w4 * lTx);
      galpha -= wi * rx * (w3 * iT + w4 / aTx);
      ga += (wi * w4) / a;
      gb += wi * w4 * dc4b[k]!;
    }
    grad[0] = -gr * r;
    grad[1] = -galpha * alpha;
    grad[2] = -ga * a;
    grad[3] = -gb * b;
    return Number.isFinite(ll) ? -ll : Number.POSITIVE_INFINITY;
  };
}

/**
 * The MBG/NBD model (Batislam, Denizel & Filiztekin 2007; Hoppe & Wagner 2007): the
 * BG/NBD with a dropout opportunity right after the first purchase as well, so
 * customers without repeat purchases are not assumed alive. Given alive at T the
 * posterior is λ ~ Gamma(r+x, α+T), p ~ Beta(a, b+x+1): every prediction is the
 * BG/NBD's with b + 1, weighted by this model's P(alive).
 *
 * @example
 * ```ts
 * import { MbgNbdModel } from "crmkit/clv";
 * const m = MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, { unit: "week" });
 * m.probabilityAlive({ frequency: 0, recency: 0, T: 30 })[0]; // < 1 unlike the BG/NBD
 * ```
 */
export class MbgNbdModel extends ClvModel<Name> {
  readonly model = "mbg-nbd";
  readonly parameterNames = NAMES;

  private constructor(params: MbgNbdParams, unit: TimeUnit | undefined, fit: FitReport<Name> | undefined) {
    super(params, unit, fit);
  }

  /** @internal */
  static create(params: MbgNbdParams, unit: TimeUnit | undefined, fit: FitReport<Name> | undefined): MbgNbdModel {
    return new MbgNbdModel(params, unit, fit);
  }

  /**
   * A model with the given parameters.
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).expectedPurchases(39);
   * ```
   */
  static fromParams(params: MbgNbdParams, options: { readonly unit?: TimeUnit } = {}): MbgNbdModel {
    return new MbgNbdModel(checkParams("params", NAMES, params), options.unit, undefined);
  }

  /**
   * Reads the output of `toJSON()`.
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromJSON({ model: "mbg-nbd", params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, unit: "week" }).params.b; // 1.614
   * ```
   */
  static fromJSON(json: unknown): MbgNbdModel {
    const j = readModelJson("mbg-nbd", NAMES, json);
    return new MbgNbdModel(j.params, j.unit, j.fit);
  }

  /** The parameters, typed. */
  get mbgNbdParams(): MbgNbdParams {
    return this.params as MbgNbdParams;
  }

  /**
   * E[X(t)] for a new customer: b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))].
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).expectedPurchases(78);
   * ```
   */
  expectedPurchases(t: number): number {
    checkHorizon("t", t);
    const { r, alpha, a, b } = this.mbgNbdParams;
    return (b / (a + b)) * bgConditionalNumerator(r, alpha, a, b + 1, 0, 0, t);
  }

  /**
   * Expected purchases in the next `t` units given each customer's history.
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).conditionalExpectedPurchases(39, { frequency: 2, recency: 30.43, T: 38.86 });
   * ```
   */
  conditionalExpectedPurchases(t: number, customers: CustomersInput): Float64Array {
    checkHorizon("t", t);
    const alive = this.probabilityAlive(customers);
    const c = readPredictionCustomers(customers, this.unit);
    const { r, alpha, a, b } = this.mbgNbdParams;
    return perCustomer(c, (x, _tx, T, i) => alive[i]! * bgConditionalNumerator(r, alpha, a, b + 1, x, T, t));
  }

  /**
   * P(alive at T | history) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).probabilityAlive({ frequency: [0, 4], recency: [0, 30], T: [38, 38] });
   * ```
   */
  probabilityAlive(customers: CustomersInput): Float64Array {
    const c = readPredictionCustomers(customers, this.unit);
    const { r, alpha, a, b } = this.mbgNbdParams;
    return perCustomer(c, (x, tx, T) => aliveFromDeadLogOdds(Math.log(a / (b + x)) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx))));
  }

  /**
   * P(X(t) = n) for a new customer (who may drop out right after the first purchase).
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).probabilityOfPurchases(0, 39);
   * ```
   */
  probabilityOfPurchases(n: number, t: number): number {
    checkCount("n", n);
    checkHorizon("t", t);
    const { r, alpha, a, b } = this.mbgNbdParams;
    return (b / (a + b)) * bgPmf(r, alpha, a, b + 1, n, t) + (n === 0 ? a / (a + b) : 0);
  }

  /**
   * P(Y(t) = n | history) for each customer.
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).conditionalProbabilityOfPurchases(1, 39, { frequency: 2, recency: 30.43, T: 38.86 });
   * ```
   */
  conditionalProbabilityOfPurchases(n: number, t: number, customers: CustomersInput): Float64Array {
    checkCount("n", n);
    checkHorizon("t", t);
    const { r, alpha, a, b } = this.mbgNbdParams;
    return conditionalCountProbabilities(n, this.probabilityAlive(customers), customers, (x, T) => bgPmf(r + x, alpha + T, a, b + x + 1, n, t));
  }

  /**
   * Log-likelihood of other data under this model.
   *
   * @example
   * ```ts
   * import { MbgNbdModel } from "crmkit/clv";
   * MbgNbdModel.fromParams({ r: 1, alpha: 1, a: 1, b: 1 }).logLikelihoodOf({ frequency: [1, 3], recency: [2, 2], T: [5, 6] });
   * ```
   */
  logLikelihoodOf(customers: CustomersInput): number {
    return transactionLogLikelihood(mbgNbdObjective, NAMES, this.params, this.unit, customers);
  }
}

const MBG_NBD_FIT: TransactionModelSpec<Name> = {
  model: "fitMbgNbd",
  names: NAMES,
  objective: mbgNbdObjective,
  starts: betaGeometricStarts,
};

/**
 * Fits the MBG/NBD model by maximum likelihood. On the CDNOW sample (weeks) it
 * gives r 0.525, α 6.183, a 0.891, b 1.614 (BTYDplus' estimates).
 *
 * @example
 * ```ts
 * import { fitMbgNbd } from "crmkit/clv";
 * fitMbgNbd({ frequency: [0, 2, 1, 0, 5, 3], recency: [0, 20, 5, 0, 30, 25], T: [40, 38, 30, 35, 39, 40] }).params;
 * ```
 */
export function fitMbgNbd(data: CustomersInput, options: TransactionFitOptions = {}): MbgNbdModel {
  const { params, report, unit } = fitTransactionModel(MBG_NBD_FIT, data, options);
  return MbgNbdModel.create(params, unit, report);
}
