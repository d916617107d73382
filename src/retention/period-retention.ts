import { invalidInput } from "../errors/invalid-input.js";
import { CrmkitError } from "../errors/crmkit-error.js";
import { activityKinds, readActivity, type ActivityOptions, type ActivitySource } from "./activity.js";
import { CustomerPeriodCollector } from "./customer-periods.js";
import { checkCalendarPeriod, periodIndexOfMs, periodLabelOf, periodStartMs, type CalendarPeriod } from "../time/calendar-period.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * Options of {@link periodRetention}.
 *
 * @example
 * ```ts
 * import type { PeriodRetentionOptions } from "crmkit/retention";
 * const options: PeriodRetentionOptions = { period: "quarter", asOf: new Date("2024-07-01T00:00:00Z") };
 * ```
 */
export interface PeriodRetentionOptions extends ActivityOptions {
  /** The calendar period (UTC). */
  readonly period: CalendarPeriod;
  /** The reference instant: rows after it are an error; the period containing it is left out unless `includeCurrentPeriod`. */
  readonly asOf: Date;
  /** Also report the period containing `asOf`, though it is not over (default false). */
  readonly includeCurrentPeriod?: boolean;
}

/**
 * Retention of active customers from one period to the next.
 *
 * @example
 * ```ts
 * import type { PeriodRetentionRow } from "crmkit/retention";
 * const lost = (r: PeriodRetentionRow) => r.start - r.retained;
 * ```
 */
export interface PeriodRetentionRow {
  /** Label of the period (`2024-05`). */
  readonly key: string;
  /** First instant of the period. */
  readonly periodStart: Date;
  /** S: customers active in the previous period. */
  readonly start: number;
  /** E: customers active in this period. */
  readonly end: number;
  /** N: customers whose first activity is in this period. */
  readonly acquired: number;
  /** Customers active in both the previous period and this one. */
  readonly retained: number;
  /** Customers active in this period, not in the previous one, but before it (returning). */
  readonly reactivated: number;
  /** `retained / start`, in [0, 1]; `null` when `start` is 0. */
  readonly retentionRate: number | null;
  /** `1 − retentionRate`; `null` when `start` is 0. */
  readonly churnRate: number | null;
  /**
   * The textbook `(E − N) / S` applied to activity: it counts reactivated customers
   * as retained, so it can exceed 1. `null` when `start` is 0.
   */
  readonly formulaRetentionRate: number | null;
}

/**
 * The result of {@link periodRetention}.
 *
 * @example
 * ```ts
 * import type { PeriodRetention } from "crmkit/retention";
 * const latest = (r: PeriodRetention) => r.rows.at(-1)?.retentionRate;
 * ```
 */
export interface PeriodRetention {
  readonly period: CalendarPeriod;
  readonly asOf: Date;
  /** One row per period from the first period with activity to the last reported one. */
  readonly rows: readonly PeriodRetentionRow[];
  /** Customers seen. */
  readonly customers: number;
}

/**
 * Period-over-period retention from activity (transactions or plain rows), where a
 * customer "is a customer" in a period when they were active in it: for each UTC
 * calendar period, S = customers active in the previous period, E = active in this
 * one, N = first active in this one, the customers retained from S, the customers
 * who came back after a gap, `retentionRate = retained / S` and
 * `churnRate = 1 − retentionRate`. The textbook `(E − N) / S`
 * ({@link retentionRate}) is reported as `formulaRetentionRate`; it differs exactly
 * by the reactivated customers.
 *
 * Works over any activity source, e.g. `store.transactions.stream()`.
 *
 * @example
 * ```ts
 * import { periodRetention } from "crmkit/retention";
 * const d = (s: string) => new Date(s);
 * const r = await periodRetention(
 *   [
 *     { customerId: "a", at: d("2024-01-03T00:00:00Z") },
 *     { customerId: "b", at: d("2024-01-09T00:00:00Z") },
 *     { customerId: "a", at: d("2024-02-14T00:00:00Z") },
 *     { customerId: "c", at: d("2024-02-20T00:00:00Z") },
 *   ],
 *   { period: "month", asOf: d("2024-03-01T00:00:00Z") },
 * );
 * r.rows[1]; // { key: "2024-02", start: 2, end: 2, acquired: 1, retained: 1, reactivated: 0, retentionRate: 0.5, … }
 * ```
 */
export async function periodRetention(activity: ActivitySource, options: PeriodRetentionOptions): Promise<PeriodRetention> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object { period, asOf }");
  const unit = checkCalendarPeriod("options.period", options.period);
  const asOfMs = checkValidDate("options.asOf", options.asOf);
  const kinds = activityKinds("options.kinds", options.kinds);
  const collector = new CustomerPeriodCollector(unit);
  await readActivity(activity, "activity", kinds, asOfMs, { needAmounts: false }, (id, ms) => collector.add(id, ms, 0));
  if (collector.customers === 0) {
    throw new CrmkitError("INSUFFICIENT_DATA", "periodRetention: the activity is empty (no rows of the counted kinds)");
  }
  const data = collector.finish();
  const endIndex = periodIndexOfMs(asOfMs, unit) + (options.includeCurrentPeriod === true ? 1 : 0);
  let minFirst = Infinity;
  for (let c = 0; c < data.customers; c++) if (data.firstKey[c]! < minFirst) minFirst = data.firstKey[c]!;
  const span = Math.max(0, endIndex - minFirst);
  const active = new Float64Array(span);
  const acquired = new Float64Array(span);
  const retained = new Float64Array(span);
  // Each customer's pairs come in increasing period order: track the previous one.
  const previous = new Float64Array(data.customers).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < data.pairs; i++) {
    const c = data.pairCustomer[i]!;
    const p = data.pairKey[i]!;
    const prev = previous[c]!;
    previous[c] = p;
    if (p >= endIndex) continue;
    const slot = p - minFirst;
    active[slot]!++;
    if (p === data.firstKey[c]!) acquired[slot]!++;
    else if (prev === p - 1) retained[slot]!++;
  }
  const rows: PeriodRetentionRow[] = [];
  for (let slot = 0; slot < span; slot++) {
    const s = slot === 0 ? 0 : active[slot - 1]!;
    const e = active[slot]!;
    const n = acquired[slot]!;
    const r = retained[slot]!;
    const index = slot + minFirst;
    rows.push({
      key: periodLabelOf(index, unit),
      periodStart: new Date(periodStartMs(index, unit)),
      start: s,
      end: e,
      acquired: n,
      retained: r,
      reactivated: e - n - r,
      retentionRate: s > 0 ? r / s : null,
      churnRate: s > 0 ? 1 - r / s : null,
      formulaRetentionRate: s > 0 ? (e - n) / s : null,
    });
  }
  return { period: unit, asOf: new Date(asOfMs), rows, customers: data.customers };
}
