import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { consumeRows } from "../model/row-source.js";
import { checkValidDate, instantOf } from "../model/timestamp.js";
import type { CustomerSummary, SummaryStats } from "./customer-summary.js";
import { PeriodClock, type PurchasePeriod } from "./purchase-period.js";
import type { TimeUnit } from "./time-unit.js";

/**
 * Options of the summaries: the end of the observation window and the time
 * units. There is no default unit on purpose (lifetimes' summaries are in days
 * unless told otherwise, a classic source of weeks-read-as-days errors).
 *
 * @example
 * ```ts
 * import type { SummaryOptions } from "crmkit/clv";
 * const options: SummaryOptions = { observationEnd: new Date("1997-09-30T00:00:00Z"), unit: "week", period: "day" };
 * ```
 */
export interface SummaryOptions {
  /** End of the observation window (inclusive): purchases after it are bad rows. */
  readonly observationEnd: Date;
  /** Unit of recency and T. */
  readonly unit: TimeUnit;
  /** Period within which purchases are merged (default `"day"`). */
  readonly period?: PurchasePeriod;
  /** IANA time zone for calendar periods (default UTC). */
  readonly timeZone?: string;
}

/**
 * Per-customer aggregates that a database can compute (pushdown) and feed to
 * {@link summaryFromAggregates}: the first and last purchase instants, the number
 * of distinct purchase periods, and the total spend of the periods after the first.
 *
 * @example
 * ```ts
 * import type { CustomerAggregate } from "crmkit/clv";
 * // SELECT customer_id, MIN(at), MAX(at), COUNT(DISTINCT date_trunc('day', at)), SUM(amount) FILTER (WHERE day > first_day) ...
 * const row: CustomerAggregate = {
 *   customerId: "c-1",
 *   firstPurchaseAt: new Date("2024-01-02T10:00:00Z"),
 *   lastPurchaseAt: new Date("2024-03-05T16:00:00Z"),
 *   purchasePeriods: 3,
 *   repeatSpend: 80,
 * };
 * ```
 */
export interface CustomerAggregate {
  readonly customerId: string;
  /** Instant of the first purchase. */
  readonly firstPurchaseAt: Date | string | number;
  /** Instant of the last purchase. */
  readonly lastPurchaseAt: Date | string | number;
  /** Number of distinct purchase periods (>= 1), the first included. */
  readonly purchasePeriods: number;
  /** Total spend of the purchase periods after the first (default 0). */
  readonly repeatSpend?: number;
}

/** Columns of aggregates, as the transaction path accumulates them (internal). */
export interface AggregateColumns {
  readonly ids: readonly string[];
  readonly firstMs: Float64Array;
  readonly lastMs: Float64Array;
  readonly periods: Float64Array;
  readonly repeatSpend: Float64Array;
}

/**
 * Builds the summary from aggregate columns: the single place where x, t_x, T and
 * the mean repeat spend are computed, shared by both paths (internal).
 */
export function buildSummary(
  cols: AggregateColumns,
  clock: PeriodClock,
  observationEnd: Date,
  currency: string | undefined,
  stats: SummaryStats | undefined,
): CustomerSummary {
  const n = cols.ids.length;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const T = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  const endP = clock.index(observationEnd.getTime());
  const endMs = observationEnd.getTime();
  for (let i = 0; i < n; i++) {
    const first = cols.firstMs[i]!;
    const last = cols.lastMs[i]!;
    const periods = cols.periods[i]!;
    const id = cols.ids[i]!;
    if (!(last >= first)) throw invalidInput(`aggregates[${i}].lastPurchaseAt`, new Date(last), `an instant >= firstPurchaseAt (${new Date(first).toISOString()}) for customer "${id}"`);
    if (last > endMs) throw invalidInput(`aggregates[${i}].lastPurchaseAt`, new Date(last), `an instant <= observationEnd (${observationEnd.toISOString()}) for customer "${id}"`);
    const fp = clock.index(first);
    const lp = clock.index(last);
    const x = periods - 1;
    if (!Number.isInteger(periods) || periods < 1 || x > lp - fp || (x === 0) !== (lp === fp)) {
      throw invalidInput(
        `aggregates[${i}].purchasePeriods`,
        periods,
        `an integer in [${lp === fp ? 1 : 2}, ${lp - fp + 1}] for customer "${id}" (first and last purchase ${lp === fp ? "in the same" : `${lp - fp} periods apart`})`,
      );
    }
    frequency[i] = x;
    recency[i] = clock.duration(fp, lp);
    T[i] = clock.duration(fp, endP);
    monetaryValue[i] = x > 0 ? cols.repeatSpend[i]! / x : 0;
  }
  const summary: CustomerSummary = {
    customerIds: cols.ids,
    frequency,
    recency,
    T,
    monetaryValue,
    unit: clock.unit,
    period: clock.period,
    observationEnd,
    currency,
    ...(stats === undefined ? {} : { stats }),
  };
  return summary;
}


/**
 * Builds a {@link CustomerSummary} from per-customer aggregates computed elsewhere
 * (e.g. by a database: pushdown). Given the same aggregates, this is exactly what
 * {@link summarizeTransactions} computes from the transactions: both share one
 * code path from aggregates to summary. Periods are bucketed from the instants
 * with the same `period`/`timeZone` rules, so the database must count distinct
 * periods the same way (days in UTC by default).
 *
 * @example
 * ```ts
 * import { summaryFromAggregates } from "crmkit/clv";
 * const summary = await summaryFromAggregates(
 *   [{ customerId: "c-1", firstPurchaseAt: "1997-01-01T00:00:00Z", lastPurchaseAt: "1997-08-02T00:00:00Z", purchasePeriods: 3, repeatSpend: 44.69 }],
 *   { observationEnd: new Date("1997-09-30T00:00:00Z"), unit: "week" },
 * );
 * summary.frequency[0]; // 2
 * summary.recency[0]; // 30.428571… (213 days / 7)
 * ```
 */
export async function summaryFromAggregates(
  aggregates: Iterable<CustomerAggregate> | AsyncIterable<CustomerAggregate>,
  options: SummaryOptions & { readonly currency?: string },
): Promise<CustomerSummary> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object with observationEnd and unit");
  checkValidDate("options.observationEnd", options.observationEnd);
  const clock = new PeriodClock(options.unit, options.period ?? "day", options.timeZone);
  const ids: string[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const periods: number[] = [];
  const spend: number[] = [];
  const seen = new Set<string>();
  const visit = (a: unknown): void => {
    const i = ids.length;
    if (typeof a !== "object" || a === null) throw invalidInput(`aggregates[${i}]`, a, "an object { customerId, firstPurchaseAt, lastPurchaseAt, purchasePeriods, repeatSpend? }");
    const r = a as Record<string, unknown>;
    const id = r.customerId;
    if (typeof id !== "string" || id.length === 0) throw invalidInput(`aggregates[${i}].customerId`, id, "a non-empty string");
    if (seen.has(id)) throw new CrmkitError("CONFLICT", `aggregates[${i}].customerId: customer "${id}" appears twice; expected one aggregate per customer`, { details: { row: i, customerId: id } });
    seen.add(id);
    const f = instantOf(r.firstPurchaseAt, `aggregates[${i}].firstPurchaseAt`);
    const l = instantOf(r.lastPurchaseAt, `aggregates[${i}].lastPurchaseAt`);
    const p = r.purchasePeriods;
    if (typeof p !== "number" || !Number.isInteger(p) || p < 1) throw invalidInput(`aggregates[${i}].purchasePeriods`, p, "an integer >= 1");
    const s = r.repeatSpend ?? 0;
    if (typeof s !== "number" || !Number.isFinite(s)) throw invalidInput(`aggregates[${i}].repeatSpend`, s, "a finite number");
    if (p === 1 && s !== 0) throw invalidInput(`aggregates[${i}].repeatSpend`, s, "0 when purchasePeriods is 1 (no repeat purchase)");
    ids.push(id);
    first.push(f);
    last.push(l);
    periods.push(p);
    spend.push(s);
  };
  await consumeRows(aggregates, "aggregates", visit, () => undefined, "an array, an iterable or an async iterable of aggregates");
  return buildSummary(
    { ids, firstMs: Float64Array.from(first), lastMs: Float64Array.from(last), periods: Float64Array.from(periods), repeatSpend: Float64Array.from(spend) },
    clock,
    options.observationEnd,
    options.currency,
    undefined,
  );
}
