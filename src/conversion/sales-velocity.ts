import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { Money } from "../model/money.js";
import { FloatBuffer } from "./float-buffer.js";
import { consumeDealsAsOf } from "./deals-as-of.js";
import { assertRows, type ConversionInput } from "./input.js";
import type { ConversionDeal } from "./records.js";
import { DAY_MS, checkDate, checkNonNegative, checkNonNegativeAt, checkOptions, checkPositive, insufficient, Locator } from "./validate.js";

/**
 * The four levers of {@link salesVelocity}.
 *
 * @example
 * ```ts
 * import type { SalesVelocityInput } from "crmkit/conversion";
 * const v: SalesVelocityInput = { opportunities: 50, winRate: 0.25, averageDealSize: 50_000, cycleLength: 45 };
 * ```
 */
export interface SalesVelocityInput {
  /** Open (qualified) opportunities in the pipeline. */
  readonly opportunities: number;
  /** Win rate in [0, 1]. */
  readonly winRate: number;
  /** Average size of a won deal: a number, or `Money` (the result then carries its currency). */
  readonly averageDealSize: number | Money;
  /** Average sales-cycle length in days (> 0). */
  readonly cycleLength: number;
}

/**
 * Sales velocity: expected revenue per day.
 *
 * @example
 * ```ts
 * import type { SalesVelocity } from "crmkit/conversion";
 * const perMonth = (v: SalesVelocity) => v.perDay * 30;
 * ```
 */
export interface SalesVelocity {
  /** opportunities × winRate × averageDealSize / cycleLength. */
  readonly perDay: number;
  /** The currency, when `averageDealSize` was `Money`. */
  readonly currency: string | null;
}

/**
 * Sales velocity = opportunities × win rate × average deal size / sales-cycle
 * length (days): the revenue the pipeline produces per day (the formula used by
 * Salesforce, HubSpot and most sales literature).
 *
 * @example
 * ```ts
 * import { salesVelocity } from "crmkit/conversion";
 * salesVelocity({ opportunities: 18, winRate: 0.24, averageDealSize: 42_000, cycleLength: 78 }).perDay; // ≈ 2326.15
 * ```
 */
export function salesVelocity(input: SalesVelocityInput): SalesVelocity {
  if (input === null || typeof input !== "object") throw invalidInput("input", input, "{ opportunities, winRate, averageDealSize, cycleLength }");
  const opportunities = checkNonNegative(input.opportunities, "input.opportunities");
  const rate = input.winRate;
  if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) throw invalidInput("input.winRate", rate, "a win rate in [0, 1]");
  const cycle = checkPositive(input.cycleLength, "input.cycleLength");
  let size: number;
  let currency: string | null = null;
  if (typeof input.averageDealSize === "object" && input.averageDealSize !== null) {
    size = checkNonNegative(input.averageDealSize.amount, "input.averageDealSize.amount");
    if (typeof input.averageDealSize.currency !== "string") throw invalidInput("input.averageDealSize.currency", input.averageDealSize.currency, "an ISO 4217 currency code");
    currency = input.averageDealSize.currency;
  } else {
    size = checkNonNegative(input.averageDealSize, "input.averageDealSize");
  }
  return { perDay: (opportunities * rate * size) / cycle, currency };
}

/**
 * Options of {@link salesVelocityFromDeals}.
 *
 * @example
 * ```ts
 * import type { SalesVelocityOptions } from "crmkit/conversion";
 * const o: SalesVelocityOptions = { asOf: new Date("2024-07-01"), lookbackDays: 365, currency: "EUR" };
 * ```
 */
export interface SalesVelocityOptions {
  /** Reference time: open opportunities are counted at it; history is read up to it. */
  readonly asOf: Date;
  /** Win rate, deal size and cycle length come from deals closed in the last `lookbackDays` before `asOf` (default: all history). */
  readonly lookbackDays?: number;
  /**
   * The currency of the deal sizes. Required when won deals carry more than one
   * currency (then only deals in it count); amounts are never summed across
   * currencies.
   */
  readonly currency?: string;
}

/**
 * {@link salesVelocity} with its levers measured from deals.
 *
 * @example
 * ```ts
 * import type { SalesVelocityReport } from "crmkit/conversion";
 * const explain = (r: SalesVelocityReport) =>
 *   `${r.opportunities} open × ${(100 * r.winRate).toFixed(0)}% × ${r.averageDealSize.amount} / ${r.cycleLength} days`;
 * ```
 */
export interface SalesVelocityReport {
  readonly asOf: Date;
  /** Deals open at `asOf`. */
  readonly opportunities: number;
  /** won / (won + lost) over the deals closed in the lookback window. */
  readonly winRate: number;
  /** Mean amount of the won deals in the window. */
  readonly averageDealSize: Money;
  /** Mean days from creation to close of the won deals in the window. */
  readonly cycleLength: number;
  /** Expected revenue per day. */
  readonly perDay: number;
  readonly currency: string;
  readonly won: number;
  readonly lost: number;
  /** Won deals without an amount (left out of the average deal size). */
  readonly wonWithoutAmount: number;
}

/**
 * Sales velocity measured from deals: opportunities = deals open at `asOf`; win
 * rate, average won deal size and mean sales cycle (created → closed) from the
 * deals closed in the lookback window. Throws `INSUFFICIENT_DATA` without won
 * deals, `CURRENCY_MISMATCH` when won deals mix currencies and no `currency`
 * is given.
 *
 * @example
 * ```ts
 * import { salesVelocityFromDeals } from "crmkit/conversion";
 * const day = (d: string) => new Date(`${d}T00:00:00Z`);
 * const eur = (amount: number) => ({ amount, currency: "EUR" });
 * const r = salesVelocityFromDeals(
 *   [
 *     { id: "a", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-01-31"), amount: eur(10_000) },
 *     { id: "b", status: "lost", createdAt: day("2024-01-01"), closedAt: day("2024-02-15"), amount: eur(5_000) },
 *     { id: "c", status: "open", createdAt: day("2024-02-01"), amount: eur(8_000) },
 *     { id: "d", status: "open", createdAt: day("2024-02-03"), amount: eur(9_000) },
 *   ],
 *   { asOf: day("2024-03-01") },
 * );
 * r.perDay; // 2 × 0.5 × 10000 / 30 ≈ 333.33
 * ```
 */
export function salesVelocityFromDeals(deals: Iterable<ConversionDeal>, options: SalesVelocityOptions): SalesVelocityReport;
export function salesVelocityFromDeals(deals: AsyncIterable<ConversionDeal>, options: SalesVelocityOptions): Promise<SalesVelocityReport>;
export function salesVelocityFromDeals(deals: ConversionInput<ConversionDeal>, options: SalesVelocityOptions): SalesVelocityReport | Promise<SalesVelocityReport>;
export function salesVelocityFromDeals(deals: ConversionInput<ConversionDeal>, options: SalesVelocityOptions): SalesVelocityReport | Promise<SalesVelocityReport> {
  assertRows(deals, "deals");
  const o = checkOptions(options);
  const asOf = checkDate(o.asOf, "options.asOf");
  const from = o.lookbackDays === undefined ? -Infinity : asOf - checkPositive(o.lookbackDays, "options.lookbackDays") * DAY_MS;
  if (o.currency !== undefined && (typeof o.currency !== "string" || !/^[A-Z]{3}$/.test(o.currency))) throw invalidInput("options.currency", o.currency, "an ISO 4217 currency code such as USD");
  let won = 0;
  let lost = 0;
  let wonWithoutAmount = 0;
  let currency: string | undefined = o.currency;
  let firstCurrencyAt = "";
  const sizes = new FloatBuffer();
  const loc = new Locator("deals");
  let cycleSum = 0;
  return consumeDealsAsOf(
    deals,
    asOf,
    (deal, i, created, closed) => {
      if (closed < from) return;
      if (deal.status === "lost") {
        lost++;
        return;
      }
      won++;
      cycleSum += (closed - created) / DAY_MS;
      const amount = deal.amount;
      if (amount === undefined) {
        wonWithoutAmount++;
        return;
      }
      const at = loc.set(i, deal.id);
      checkNonNegativeAt(amount.amount, at, ".amount.amount");
      if (currency === undefined) {
        currency = amount.currency;
        firstCurrencyAt = String(at);
      } else if (amount.currency !== currency) {
        if (o.currency !== undefined) return;
        throw new CrmkitError(
          "CURRENCY_MISMATCH",
          `salesVelocityFromDeals: won deals in ${currency} (${firstCurrencyAt}) and ${amount.currency} (${at}); pass options.currency to measure one currency`,
          { details: { expected: currency, got: amount.currency } },
        );
      }
      sizes.push(amount.amount);
    },
    (open) => {
      if (won === 0) throw insufficient("salesVelocityFromDeals: no won deals in the lookback window: win rate, deal size and cycle length are undefined", { lost, open });
      if (sizes.length === 0 || currency === undefined) throw insufficient(`salesVelocityFromDeals: no won deal with an amount${o.currency === undefined ? "" : ` in ${o.currency}`}`, { won });
      const v = sizes.view();
      let total = 0;
      for (let k = 0; k < v.length; k++) total += v[k]!;
      const averageDealSize = total / v.length;
      const winRate = won / (won + lost);
      const cycleLength = cycleSum / won;
      if (!(cycleLength > 0)) throw insufficient("salesVelocityFromDeals: the won deals closed the instant they were created (cycle length 0): velocity is undefined", { won });
      return {
        asOf: new Date(asOf),
        opportunities: open,
        winRate,
        averageDealSize: { amount: averageDealSize, currency },
        cycleLength,
        perDay: (open * winRate * averageDealSize) / cycleLength,
        currency,
        won,
        lost,
        wonWithoutAmount,
      };
    },
  );
}
