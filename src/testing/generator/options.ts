import { invalidInput } from "../../errors/invalid-input.js";
import { CurrencyCodeSchema } from "../../model/money.js";

/**
 * The BG/NBD purchase process (Fader, Hardie & Lee 2005): while alive, a customer
 * buys at Poisson rate λ per week, λ ~ Gamma(r, α) across customers; after each
 * repeat purchase the customer drops out with probability p, p ~ Beta(a, b).
 *
 * @example
 * ```ts
 * import type { BgNbdProcess } from "crmkit/testing";
 * const cdnow: BgNbdProcess = { kind: "bgnbd", r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * ```
 */
export interface BgNbdProcess {
  readonly kind: "bgnbd";
  /** Shape of the purchase-rate gamma. */
  readonly r: number;
  /** Rate of the purchase-rate gamma, in weeks. */
  readonly alpha: number;
  /** First shape of the dropout-probability beta. */
  readonly a: number;
  /** Second shape of the dropout-probability beta. */
  readonly b: number;
}

/**
 * The Pareto/NBD purchase process (Schmittlein, Morrison & Colombo 1987): purchases
 * at Poisson rate λ ~ Gamma(r, α) per week during an exponential lifetime with rate
 * μ ~ Gamma(s, β).
 *
 * @example
 * ```ts
 * import type { ParetoNbdProcess } from "crmkit/testing";
 * const cdnow: ParetoNbdProcess = { kind: "pareto-nbd", r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 * ```
 */
export interface ParetoNbdProcess {
  readonly kind: "pareto-nbd";
  /** Shape of the purchase-rate gamma. */
  readonly r: number;
  /** Rate of the purchase-rate gamma, in weeks. */
  readonly alpha: number;
  /** Shape of the dropout-rate gamma. */
  readonly s: number;
  /** Rate of the dropout-rate gamma, in weeks. */
  readonly beta: number;
}

/**
 * How repeat purchases are generated: a buy-till-you-die process, parameters per week.
 *
 * @example
 * ```ts
 * import { DEFAULT_PURCHASE_PROCESS, type PurchaseProcess } from "crmkit/testing";
 * const p: PurchaseProcess = DEFAULT_PURCHASE_PROCESS;
 * ```
 */
export type PurchaseProcess = BgNbdProcess | ParetoNbdProcess;

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005; Colombo & Jiang 1999): each
 * transaction's value is z ~ Gamma(p, ν) with a customer-specific ν ~ Gamma(q, γ), so
 * a customer's expected spend per transaction is p/ν and the population mean is
 * pγ/(q − 1).
 *
 * @example
 * ```ts
 * import type { SpendModel } from "crmkit/testing";
 * const cdnow: SpendModel = { p: 6.25, q: 3.74, gamma: 15.44 };
 * ```
 */
export interface SpendModel {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/**
 * The shifted-beta-geometric churn of subscriptions (Fader & Hardie 2007): each
 * subscription renews month after month and cancels at each renewal with a
 * probability θ ~ Beta(alpha, beta) fixed for the customer.
 *
 * @example
 * ```ts
 * import type { SubscriptionChurn } from "crmkit/testing";
 * const churn: SubscriptionChurn = { alpha: 0.9, beta: 14 }; // mean 6% a month
 * ```
 */
export interface SubscriptionChurn {
  readonly alpha: number;
  readonly beta: number;
}

/**
 * CDNOW's published BG/NBD estimates (Fader, Hardie & Lee 2005, weeks): the default
 * purchase process, so that a CLV fit on generated data should land near them.
 *
 * @example
 * ```ts
 * import { DEFAULT_PURCHASE_PROCESS } from "crmkit/testing";
 * DEFAULT_PURCHASE_PROCESS.r; // 0.243
 * ```
 */
export const DEFAULT_PURCHASE_PROCESS: BgNbdProcess = { kind: "bgnbd", r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * CDNOW's published Gamma-Gamma estimates (Fader & Hardie 2013): p 6.25, q 3.74,
 * γ 15.44 — a mean spend of about 35 per transaction.
 *
 * @example
 * ```ts
 * import { DEFAULT_SPEND_MODEL } from "crmkit/testing";
 * const { p, q, gamma } = DEFAULT_SPEND_MODEL;
 * (p * gamma) / (q - 1); // ≈ 35.2
 * ```
 */
export const DEFAULT_SPEND_MODEL: SpendModel = { p: 6.25, q: 3.74, gamma: 15.44 };

/**
 * Default monthly subscription churn: θ ~ Beta(0.9, 14), a mean of 6% a month,
 * heterogeneous enough that retention rises with tenure.
 *
 * @example
 * ```ts
 * import { DEFAULT_SUBSCRIPTION_CHURN } from "crmkit/testing";
 * DEFAULT_SUBSCRIPTION_CHURN.alpha; // 0.9
 * ```
 */
export const DEFAULT_SUBSCRIPTION_CHURN: SubscriptionChurn = { alpha: 0.9, beta: 14 };

/**
 * Options of {@link generateTransactions} and {@link generateTransactionBatches}: the
 * part of {@link GenerateDatasetOptions} that determines the transaction log. With
 * the same values both produce exactly the purchases of `generateDataset`.
 *
 * @example
 * ```ts
 * import type { GenerateTransactionsOptions } from "crmkit/testing";
 * const o: GenerateTransactionsOptions = { seed: 1, customers: 1_000_000, asOf: new Date("2025-01-01T00:00:00Z") };
 * ```
 */
export interface GenerateTransactionsOptions {
  /** Seed: a safe integer or a string. Same seed and options, same data. */
  readonly seed: number | string;
  /** Number of customers (contacts), at least 1. */
  readonly customers: number;
  /** The dataset's "now": nothing happens after it. */
  readonly asOf: Date;
  /** When acquisition starts; default 1,095 days (three years) before `asOf`. */
  readonly start?: Date;
  /** ISO 4217 currency of every amount; default `USD`. */
  readonly currency?: string;
  /** Repeat-purchase process; default {@link DEFAULT_PURCHASE_PROCESS}. */
  readonly purchases?: PurchaseProcess;
  /** Spend per transaction; default {@link DEFAULT_SPEND_MODEL}. */
  readonly spend?: SpendModel;
  /**
   * Growth of the acquisition rate over the period: the density of `createdAt` is
   * proportional to e^(g·x) for x from 0 (start) to 1 (asOf). Default 1 (the last
   * month brings e ≈ 2.7 times as many new customers as the first); 0 is uniform.
   */
  readonly acquisitionGrowth?: number;
}

/**
 * Options of {@link generateDataset}.
 *
 * @example
 * ```ts
 * import type { GenerateDatasetOptions } from "crmkit/testing";
 * const o: GenerateDatasetOptions = { seed: 42, customers: 2_000, asOf: new Date("2025-01-01T00:00:00Z"), currency: "EUR" };
 * ```
 */
export interface GenerateDatasetOptions extends GenerateTransactionsOptions {
  /** Monthly churn of subscriptions; default {@link DEFAULT_SUBSCRIPTION_CHURN}. */
  readonly subscriptionChurn?: SubscriptionChurn;
  /**
   * Lead-to-customer conversion of referral leads relative to other leads; default
   * 1.3 (referrals convert 30% better). 1 removes the effect.
   */
  readonly referralLift?: number;
}

/** Options after validation, with defaults filled in. @internal */
export interface ResolvedOptions {
  readonly seed: number | string;
  readonly customers: number;
  readonly asOf: number;
  readonly start: number;
  readonly currency: string;
  /** Decimal places of the currency (2 for USD, 0 for JPY). */
  readonly minorUnits: number;
  readonly purchases: PurchaseProcess;
  readonly spend: SpendModel;
  readonly growth: number;
  readonly subscriptionChurn: SubscriptionChurn;
  readonly referralLift: number;
}

const DAY = 86_400_000;

function positive(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw invalidInput(field, value, "a finite number > 0");
  return value;
}

function validDate(field: string, value: unknown): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw invalidInput(field, value, "a valid Date");
  return value.getTime();
}

function resolvePurchases(where: string, p: unknown): PurchaseProcess {
  if (typeof p !== "object" || p === null) throw invalidInput(where, p, 'a purchase process { kind: "bgnbd" | "pareto-nbd", … }');
  const o = p as Record<string, unknown>;
  if (o.kind === "bgnbd") {
    return { kind: "bgnbd", r: positive(`${where}.r`, o.r), alpha: positive(`${where}.alpha`, o.alpha), a: positive(`${where}.a`, o.a), b: positive(`${where}.b`, o.b) };
  }
  if (o.kind === "pareto-nbd") {
    return { kind: "pareto-nbd", r: positive(`${where}.r`, o.r), alpha: positive(`${where}.alpha`, o.alpha), s: positive(`${where}.s`, o.s), beta: positive(`${where}.beta`, o.beta) };
  }
  throw invalidInput(`${where}.kind`, o.kind, '"bgnbd" or "pareto-nbd"');
}

/**
 * Validates generator options and fills in defaults; throws `INVALID_INPUT` naming
 * the option. `maxCustomers` bounds `customers` (object datasets are capped lower
 * than streams).
 * @internal
 */
export function resolveOptions(fn: string, options: unknown, maxCustomers: number): ResolvedOptions {
  if (typeof options !== "object" || options === null) throw invalidInput(`${fn}(options)`, options, "an options object");
  const o = options as Record<string, unknown>;
  const seed = o.seed;
  if (!(typeof seed === "string" || (typeof seed === "number" && Number.isSafeInteger(seed)))) {
    throw invalidInput("options.seed", seed, "a safe integer or a string");
  }
  const customers = o.customers;
  if (typeof customers !== "number" || !Number.isInteger(customers) || customers < 1 || customers > maxCustomers) {
    throw invalidInput("options.customers", customers, `an integer from 1 to ${maxCustomers.toLocaleString("en-US")}`);
  }
  const asOf = validDate("options.asOf", o.asOf);
  const start = o.start === undefined ? asOf - 1095 * DAY : validDate("options.start", o.start);
  if (asOf - start < DAY) throw invalidInput("options.start", o.start, `a Date at least one day before asOf (${new Date(asOf).toISOString()})`);
  const currencyInput = o.currency ?? "USD";
  const currency = CurrencyCodeSchema.safeParse(currencyInput);
  if (!currency.success) throw invalidInput("options.currency", currencyInput, "an upper-case ISO 4217 currency code such as USD");
  const minorUnits = new Intl.NumberFormat("en", { style: "currency", currency: currency.data }).resolvedOptions().maximumFractionDigits ?? 2;
  const purchases = o.purchases === undefined ? DEFAULT_PURCHASE_PROCESS : resolvePurchases("options.purchases", o.purchases);
  let spend = DEFAULT_SPEND_MODEL;
  if (o.spend !== undefined) {
    if (typeof o.spend !== "object" || o.spend === null) throw invalidInput("options.spend", o.spend, "a spend model { p, q, gamma }");
    const s = o.spend as Record<string, unknown>;
    spend = { p: positive("options.spend.p", s.p), q: positive("options.spend.q", s.q), gamma: positive("options.spend.gamma", s.gamma) };
  }
  const growth = o.acquisitionGrowth ?? 1;
  if (typeof growth !== "number" || !Number.isFinite(growth) || Math.abs(growth) > 20) {
    throw invalidInput("options.acquisitionGrowth", growth, "a finite number from -20 to 20");
  }
  let subscriptionChurn = DEFAULT_SUBSCRIPTION_CHURN;
  if (o.subscriptionChurn !== undefined) {
    if (typeof o.subscriptionChurn !== "object" || o.subscriptionChurn === null) {
      throw invalidInput("options.subscriptionChurn", o.subscriptionChurn, "{ alpha, beta }");
    }
    const c = o.subscriptionChurn as Record<string, unknown>;
    subscriptionChurn = { alpha: positive("options.subscriptionChurn.alpha", c.alpha), beta: positive("options.subscriptionChurn.beta", c.beta) };
  }
  const referralLift = o.referralLift ?? 1.3;
  if (typeof referralLift !== "number" || !Number.isFinite(referralLift) || referralLift <= 0 || referralLift > 4) {
    throw invalidInput("options.referralLift", referralLift, "a number in (0, 4]");
  }
  return { seed, customers, asOf, start, currency: currency.data, minorUnits, purchases, spend, growth, subscriptionChurn, referralLift };
}
