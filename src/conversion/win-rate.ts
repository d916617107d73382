import { proportionInterval } from "../math/proportion-interval.js";
import { consumeDealsAsOf } from "./deals-as-of.js";
import { assertRows, type ConversionInput } from "./input.js";
import type { ConversionDeal } from "./records.js";
import { checkDate, checkLevel, checkOneOf, checkOptions, insufficient } from "./validate.js";

/**
 * How a binomial confidence interval is computed (see `proportionInterval` in
 * `crmkit/math`): Wilson (default), Wald, Agresti–Coull or Clopper–Pearson.
 *
 * @example
 * ```ts
 * import type { IntervalMethod } from "crmkit/conversion";
 * const m: IntervalMethod = "clopper-pearson";
 * ```
 */
export type IntervalMethod = "wilson" | "wald" | "agresti-coull" | "clopper-pearson";

const METHODS: readonly IntervalMethod[] = ["wilson", "wald", "agresti-coull", "clopper-pearson"];

/**
 * A proportion with its confidence interval.
 *
 * @example
 * ```ts
 * import type { RateEstimate } from "crmkit/conversion";
 * const r: RateEstimate = { rate: 0.3, low: 0.2, high: 0.42, level: 0.95, method: "wilson" };
 * ```
 */
export interface RateEstimate {
  /** Successes / trials. */
  readonly rate: number;
  /** Lower confidence bound. */
  readonly low: number;
  /** Upper confidence bound. */
  readonly high: number;
  readonly level: number;
  readonly method: IntervalMethod;
}

/**
 * Options of {@link winRate}.
 *
 * @example
 * ```ts
 * import type { WinRateOptions } from "crmkit/conversion";
 * const q1: WinRateOptions = { closedFrom: new Date("2024-01-01"), closedBefore: new Date("2024-04-01") };
 * ```
 */
export interface WinRateOptions {
  /**
   * Reference time: deals created after it are ignored and deals closed after it
   * count as still open. Default: the data as given.
   */
  readonly asOf?: Date;
  /** Count only deals closed at or after this instant. */
  readonly closedFrom?: Date;
  /** Count only deals closed before this instant. */
  readonly closedBefore?: Date;
  /** Confidence level of the interval (default 0.95). */
  readonly level?: number;
  /** Interval method (default `"wilson"`). */
  readonly method?: IntervalMethod;
}

/**
 * The result of {@link winRate}.
 *
 * @example
 * ```ts
 * import type { WinRateResult } from "crmkit/conversion";
 * const pct = (r: WinRateResult) => `${(100 * r.rate).toFixed(1)}% of ${r.closed} closed deals`;
 * ```
 */
export interface WinRateResult extends RateEstimate {
  readonly won: number;
  readonly lost: number;
  /** won + lost: the denominator of `rate`. */
  readonly closed: number;
  /** Deals still open (as of `asOf`); not in the denominator of `rate`. */
  readonly open: number;
  /**
   * The other definition found in some tools: won / (won + lost + open). It
   * counts open deals as not won, so it understates the win rate while deals are
   * in flight.
   */
  readonly rateOverAllDeals: number;
}

/**
 * Win rate: won / (won + lost) over closed deals (Salesforce's and most sales
 * tools' definition), with a confidence interval; the variant over all deals is
 * returned as `rateOverAllDeals`. Throws `INSUFFICIENT_DATA` when no deal is closed.
 *
 * @example
 * ```ts
 * import { winRate } from "crmkit/conversion";
 * const day = (d: string) => new Date(`${d}T00:00:00Z`);
 * const r = winRate([
 *   { id: "a", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-02-01") },
 *   { id: "b", status: "lost", createdAt: day("2024-01-05"), closedAt: day("2024-02-10") },
 *   { id: "c", status: "won", createdAt: day("2024-01-09"), closedAt: day("2024-03-01") },
 *   { id: "d", status: "open", createdAt: day("2024-02-01") },
 * ]);
 * r.rate; // 2 / 3
 * r.rateOverAllDeals; // 2 / 4
 * ```
 */
export function winRate(deals: Iterable<ConversionDeal>, options?: WinRateOptions): WinRateResult;
export function winRate(deals: AsyncIterable<ConversionDeal>, options?: WinRateOptions): Promise<WinRateResult>;
export function winRate(deals: ConversionInput<ConversionDeal>, options?: WinRateOptions): WinRateResult | Promise<WinRateResult>;
export function winRate(deals: ConversionInput<ConversionDeal>, options?: WinRateOptions): WinRateResult | Promise<WinRateResult> {
  assertRows(deals, "deals");
  const o = checkOptions(options);
  const asOf = o.asOf === undefined ? Infinity : checkDate(o.asOf, "options.asOf");
  const from = o.closedFrom === undefined ? -Infinity : checkDate(o.closedFrom, "options.closedFrom");
  const before = o.closedBefore === undefined ? Infinity : checkDate(o.closedBefore, "options.closedBefore");
  const level = o.level === undefined ? 0.95 : checkLevel(o.level, "options.level");
  const method = o.method === undefined ? "wilson" : checkOneOf(o.method, METHODS, "options.method");
  let won = 0;
  let lost = 0;
  return consumeDealsAsOf(
    deals,
    asOf,
    (deal, _i, _created, closed) => {
      if (closed < from || closed >= before) return;
      if (deal.status === "won") won++;
      else lost++;
    },
    (open) => {
      const closed = won + lost;
      if (closed === 0) {
        throw insufficient(`winRate: no closed deals${o.closedFrom !== undefined || o.closedBefore !== undefined ? " in the closing window" : ""} (${open} open): the win rate is undefined`, { open });
      }
      const ci = proportionInterval(won, closed, { level, method });
      return { won, lost, closed, open, rate: won / closed, low: ci.low, high: ci.high, level, method, rateOverAllDeals: won / (closed + open) };
    },
  );
}
