import { invalidInput } from "../errors/invalid-input.js";
import { readCustomers, reconcileUnit, type CustomersInput } from "./customer-data.js";
import type { GammaGammaModel } from "./gamma-gamma.js";
import { checkUnit, unitsPer, type TimeUnit } from "./time-unit.js";

/**
 * What {@link customerLifetimeValue} needs from a transaction model: expected
 * purchases over a horizon given the history. BG/NBD, Pareto/NBD, MBG/NBD and
 * BG/BB models all qualify.
 *
 * @example
 * ```ts
 * import { BgNbdModel, type TransactionModel } from "crmkit/clv";
 * const model: TransactionModel = BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" });
 * ```
 */
export interface TransactionModel {
  /** Time unit of the model's rates (undefined for discrete-opportunity models). */
  readonly unit: TimeUnit | undefined;
  conditionalExpectedPurchases(t: number, customers: CustomersInput): Float64Array;
}

/**
 * Options of {@link customerLifetimeValue}.
 *
 * @example
 * ```ts
 * import type { CustomerLifetimeValueOptions } from "crmkit/clv";
 * ```
 */
export interface CustomerLifetimeValueOptions {
  /** Predicts purchases (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB). */
  readonly transactionModel: TransactionModel;
  /** Predicts the value of each purchase; or give `spend`. */
  readonly spendModel?: GammaGammaModel;
  /** Expected value per purchase for each customer (instead of `spendModel`). */
  readonly spend?: ArrayLike<number>;
  /** The customers (with `monetaryValue` when `spendModel` is used). */
  readonly summary: CustomersInput;
  /** Number of discounting periods to sum over (e.g. 12 months). */
  readonly horizon: number;
  /** Length of a discounting period (default `"month"`). */
  readonly horizonUnit?: TimeUnit;
  /** Discount rate per discounting period (e.g. 0.01 a month). */
  readonly discountRate: number;
  /** Profit margin applied to spend (default 1: revenue). */
  readonly margin?: number;
  /**
   * Model time units per discounting period. By default derived from the units
   * (weeks per month = 30.4375 / 7 ≈ 4.348); set it to reproduce other conventions
   * (lifetimes uses 30 days or 4.345 weeks a month) or for discrete models (1).
   */
  readonly unitsPerPeriod?: number;
}

/**
 * Discounted customer lifetime value of each customer over `horizon` periods:
 * Σₖ margin · spend · (E[purchases by period k] − E[by period k−1]) / (1 + d)ᵏ,
 * the purchases predicted by `transactionModel` from each customer's history and
 * the spend by `spendModel` (Gamma-Gamma) or given. Cash flows are discounted at
 * the end of each period, as in lifetimes.
 *
 * Units are explicit: the model's time unit (from the fit or the summary) and the
 * discounting period (`horizonUnit`, a month by default) fix how many model units
 * make a period; a summary in a different unit than the model is an error. This
 * is the weeks-treated-as-days trap of lifetimes' `customer_lifetime_value(freq="D")`
 * default, made impossible.
 *
 * @example
 * ```ts
 * import { BgNbdModel, GammaGammaModel, customerLifetimeValue } from "crmkit/clv";
 * const clv = customerLifetimeValue({
 *   transactionModel: BgNbdModel.fromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { unit: "week" }),
 *   spendModel: GammaGammaModel.fromParams({ p: 6.25, q: 3.74, gamma: 15.44 }),
 *   summary: { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86], monetaryValue: [22.35, 0], unit: "week" },
 *   horizon: 12,
 *   discountRate: 0.01,
 * });
 * clv[0]; // 12-month CLV of CDNOW customer 1, in dollars
 * ```
 */
export function customerLifetimeValue(options: CustomerLifetimeValueOptions): Float64Array {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object { transactionModel, summary, horizon, discountRate, … }");
  const { transactionModel: model, spendModel, summary } = options;
  if (typeof model !== "object" || model === null || typeof model.conditionalExpectedPurchases !== "function") {
    throw invalidInput("options.transactionModel", model, "a fitted transaction model (BG/NBD, Pareto/NBD, MBG/NBD or BG/BB)");
  }
  const horizon = options.horizon;
  if (typeof horizon !== "number" || !Number.isInteger(horizon) || horizon < 0) throw invalidInput("options.horizon", horizon, "an integer number of periods >= 0");
  const d = options.discountRate;
  if (typeof d !== "number" || !Number.isFinite(d) || d <= -1) throw invalidInput("options.discountRate", d, "a finite rate > -1 per period (0.01 = 1%)");
  const margin = options.margin ?? 1;
  if (typeof margin !== "number" || !Number.isFinite(margin)) throw invalidInput("options.margin", margin, "a finite number (0.3 = 30%)");
  const horizonUnit = options.horizonUnit ?? "month";
  checkUnit("options.horizonUnit", horizonUnit);
  const c = readCustomers(summary, { field: "options.summary", allowEmpty: true });
  let perPeriod: number;
  if (options.unitsPerPeriod !== undefined) {
    perPeriod = options.unitsPerPeriod;
    if (typeof perPeriod !== "number" || !Number.isFinite(perPeriod) || perPeriod <= 0) throw invalidInput("options.unitsPerPeriod", perPeriod, "a finite number > 0");
    reconcileUnit("options.summary", c.unit, model.unit);
  } else {
    const unit = reconcileUnit("options.summary", c.unit, model.unit);
    if (unit === undefined) {
      throw invalidInput("options.summary.unit", undefined, "a known time unit: fit the model on a CustomerSummary (or pass { unit }), or give options.unitsPerPeriod");
    }
    perPeriod = unitsPer(unit, horizonUnit);
  }
  let spend: Float64Array;
  if (options.spend !== undefined) {
    if (spendModel !== undefined) throw invalidInput("options.spend", "both spend and spendModel", "only one of spend and spendModel");
    spend = Float64Array.from(options.spend);
    if (spend.length !== c.n) throw invalidInput("options.spend", `length ${spend.length}`, `one value per customer (${c.n})`);
    for (let i = 0; i < c.n; i++) if (!Number.isFinite(spend[i]!)) throw invalidInput(`options.spend[${i}]`, spend[i], "a finite number");
  } else if (spendModel !== undefined) {
    spend = spendModel.conditionalExpectedSpend(summary);
  } else {
    throw invalidInput("options.spendModel", undefined, "a spend model (fitGammaGamma) or per-customer options.spend");
  }
  const clv = new Float64Array(c.n);
  let previous: Float64Array = new Float64Array(c.n);
  for (let k = 1; k <= horizon; k++) {
    const cumulative = model.conditionalExpectedPurchases(k * perPeriod, summary);
    const factor = margin / Math.pow(1 + d, k);
    for (let i = 0; i < c.n; i++) clv[i]! += (cumulative[i]! - previous[i]!) * spend[i]! * factor;
    previous = cumulative;
  }
  return clv;
}

/**
 * Historic (backward-looking) CLV: the margin earned from each customer so far,
 * margin × total spend. No prediction: a baseline to compare models with.
 *
 * @example
 * ```ts
 * import { historicClv } from "crmkit/clv";
 * historicClv([120, 40], { margin: 0.3 }); // Float64Array [36, 12]
 * ```
 */
export function historicClv(totalSpend: ArrayLike<number>, options: { readonly margin?: number } = {}): Float64Array {
  const margin = options.margin ?? 1;
  if (typeof margin !== "number" || !Number.isFinite(margin)) throw invalidInput("options.margin", margin, "a finite number");
  if (typeof totalSpend !== "object" || totalSpend === null || typeof totalSpend.length !== "number") throw invalidInput("totalSpend", totalSpend, "an array of per-customer spend");
  const out = new Float64Array(totalSpend.length);
  for (let i = 0; i < totalSpend.length; i++) {
    const v = totalSpend[i]!;
    if (typeof v !== "number" || !Number.isFinite(v)) throw invalidInput(`totalSpend[${i}]`, v, "a finite number");
    out[i] = margin * v;
  }
  return out;
}

/**
 * Options of {@link marginMultipleClv}.
 *
 * @example
 * ```ts
 * import type { MarginMultipleOptions } from "crmkit/clv";
 * const o: MarginMultipleOptions = { margin: 100, retentionRate: 0.8, discountRate: 0.1 };
 * ```
 */
export interface MarginMultipleOptions {
  /** Margin per period per customer. */
  readonly margin: number;
  /** Probability that a customer renews each period, in [0, 1). */
  readonly retentionRate: number;
  /** Discount rate per period (> −1; with r < 1 + d). */
  readonly discountRate: number;
  /**
   * `"gupta-lehmann"` (default): m·r/(1+d−r) — margins at the end of each period,
   * starting after the first renewal (Gupta & Lehmann 2003). `"fader-hardie"`:
   * m·(1+d)/(1+d−r) — the just-acquired customer pays now and at each renewal
   * (Fader & Hardie's note on this formula's timing).
   */
  readonly timing?: "gupta-lehmann" | "fader-hardie";
}

/**
 * The margin-multiple CLV of a contractual customer with constant margin and
 * retention: m·r/(1+d−r) (Gupta & Lehmann), or m·(1+d)/(1+d−r) with the first
 * payment counted (`timing: "fader-hardie"`).
 *
 * @example
 * ```ts
 * import { marginMultipleClv } from "crmkit/clv";
 * marginMultipleClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }); // 266.67
 * marginMultipleClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, timing: "fader-hardie" }); // 366.67
 * ```
 */
export function marginMultipleClv(options: MarginMultipleOptions): number {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object { margin, retentionRate, discountRate }");
  const { margin: m, retentionRate: r, discountRate: d } = options;
  if (typeof m !== "number" || !Number.isFinite(m)) throw invalidInput("options.margin", m, "a finite number");
  if (typeof r !== "number" || !(r >= 0 && r < 1)) throw invalidInput("options.retentionRate", r, "a probability in [0, 1)");
  if (typeof d !== "number" || !Number.isFinite(d) || d <= -1 || 1 + d - r <= 0) throw invalidInput("options.discountRate", d, `a rate > -1 with 1 + d > retentionRate (${r})`);
  const timing = options.timing ?? "gupta-lehmann";
  if (timing === "gupta-lehmann") return (m * r) / (1 + d - r);
  if (timing === "fader-hardie") return (m * (1 + d)) / (1 + d - r);
  throw invalidInput("options.timing", timing, '"gupta-lehmann" or "fader-hardie"');
}

/**
 * Options of {@link averageOrderValueClv}.
 *
 * @example
 * ```ts
 * import type { AverageOrderValueOptions } from "crmkit/clv";
 * const o: AverageOrderValueOptions = { averageOrderValue: 50, purchasesPerPeriod: 4, churnRate: 0.25, margin: 0.3 };
 * ```
 */
export interface AverageOrderValueOptions {
  /** Mean revenue per order. */
  readonly averageOrderValue: number;
  /** Orders per customer per period. */
  readonly purchasesPerPeriod: number;
  /** Expected lifespan in periods; or give `churnRate` (lifespan = 1/churn). */
  readonly lifespan?: number;
  /** Share of customers lost per period, in (0, 1]. */
  readonly churnRate?: number;
  /** Profit margin (default 1). */
  readonly margin?: number;
}

/**
 * The practitioners' CLV: average order value × purchases per period × margin ×
 * lifespan (or / churn rate). Undiscounted and population-level: a quick estimate,
 * not a model.
 *
 * @example
 * ```ts
 * import { averageOrderValueClv } from "crmkit/clv";
 * averageOrderValueClv({ averageOrderValue: 50, purchasesPerPeriod: 4, churnRate: 0.25, margin: 0.3 }); // 240
 * ```
 */
export function averageOrderValueClv(options: AverageOrderValueOptions): number {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object { averageOrderValue, purchasesPerPeriod, lifespan | churnRate }");
  const { averageOrderValue: aov, purchasesPerPeriod: f } = options;
  const margin = options.margin ?? 1;
  if (typeof aov !== "number" || !Number.isFinite(aov) || aov < 0) throw invalidInput("options.averageOrderValue", aov, "a finite number >= 0");
  if (typeof f !== "number" || !Number.isFinite(f) || f < 0) throw invalidInput("options.purchasesPerPeriod", f, "a finite number >= 0");
  if (typeof margin !== "number" || !Number.isFinite(margin)) throw invalidInput("options.margin", margin, "a finite number");
  let lifespan: number;
  if (options.lifespan !== undefined) {
    if (options.churnRate !== undefined) throw invalidInput("options.churnRate", options.churnRate, "undefined when lifespan is given (one of the two)");
    lifespan = options.lifespan;
    if (typeof lifespan !== "number" || !Number.isFinite(lifespan) || lifespan < 0) throw invalidInput("options.lifespan", lifespan, "a finite number of periods >= 0");
  } else {
    const churn = options.churnRate;
    if (typeof churn !== "number" || !(churn > 0 && churn <= 1)) throw invalidInput("options.churnRate", churn, "a rate in (0, 1] (or give lifespan)");
    lifespan = 1 / churn;
  }
  return aov * f * margin * lifespan;
}
