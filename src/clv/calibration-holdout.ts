import { invalidInput } from "../errors/invalid-input.js";
import { collectPurchases } from "./collect-purchases.js";
import type { CalibrationHoldoutSummary, SummaryStats } from "./customer-summary.js";
import { PeriodClock } from "./purchase-period.js";
import type { PurchaseRepository } from "./purchase-pushdown.js";
import type { PurchaseReadOptions, PurchaseSource } from "./purchase-rows.js";
import { isPurchaseRepository, refuseRequiredPushdown, summarizeRepository } from "./summarize-repository.js";
import { buildSummary, type AggregateColumns, type SummaryOptions } from "./summary-from-aggregates.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * Options of {@link calibrationHoldout}: the calibration window ends at
 * `calibrationEnd` (inclusive), the holdout window runs to `observationEnd`.
 *
 * @example
 * ```ts
 * import type { CalibrationHoldoutOptions } from "crmkit/clv";
 * const options: CalibrationHoldoutOptions = {
 *   calibrationEnd: new Date("1997-09-30T00:00:00Z"),
 *   observationEnd: new Date("1998-06-30T00:00:00Z"),
 *   unit: "week",
 * };
 * ```
 */
export interface CalibrationHoldoutOptions extends SummaryOptions, PurchaseReadOptions {
  /** End of the calibration window (inclusive); must be before `observationEnd`. */
  readonly calibrationEnd: Date;
}

/**
 * Splits a purchase log at `calibrationEnd`: the {@link CustomerSummary} of the
 * calibration window (T measured to `calibrationEnd`), plus each customer's
 * purchase periods and spend in the holdout window (`calibrationEnd`,
 * `observationEnd`]. Customers first seen in the holdout window are left out and
 * counted. Streams like {@link summarizeTransactions}, and like it reads a
 * transaction repository (`store.transactions`) too, pushing the split down to the
 * store when it can (both windows in one GROUP BY).
 *
 * @example
 * ```ts
 * import { calibrationHoldout } from "crmkit/clv";
 * const split = await calibrationHoldout(
 *   [
 *     { customerId: "a", at: "2015-01-01T00:00:00Z" },
 *     { customerId: "a", at: "2015-02-06T00:00:00Z" },
 *     { customerId: "b", at: "2015-02-02T00:00:00Z" },
 *   ],
 *   { calibrationEnd: new Date("2015-02-01T00:00:00Z"), observationEnd: new Date("2015-02-07T00:00:00Z"), unit: "day" },
 * );
 * split.customerIds; // ["a"]
 * split.holdoutFrequency[0]; // 1
 * split.excludedCustomers; // 1
 * ```
 */
export async function calibrationHoldout(transactions: PurchaseSource | PurchaseRepository, options: CalibrationHoldoutOptions): Promise<CalibrationHoldoutSummary> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object with calibrationEnd, observationEnd and unit");
  if (isPurchaseRepository(transactions)) {
    if (!(options.calibrationEnd instanceof Date)) throw invalidInput("options.calibrationEnd", options.calibrationEnd, "a valid Date");
    return (await summarizeRepository(transactions, options)) as CalibrationHoldoutSummary;
  }
  refuseRequiredPushdown(options);
  const endMs = checkValidDate("options.observationEnd", options.observationEnd);
  const calMs = checkValidDate("options.calibrationEnd", options.calibrationEnd);
  if (!(calMs < endMs)) throw invalidInput("options.calibrationEnd", options.calibrationEnd, `an instant before observationEnd (${options.observationEnd.toISOString()})`);
  const clock = new PeriodClock(options.unit, options.period ?? "day", options.timeZone);
  const { ids, windows, reader } = await collectPurchases(
    transactions,
    options,
    clock,
    2,
    (ms) => (ms <= calMs ? 0 : ms <= endMs ? 1 : -1),
    `observationEnd (${options.observationEnd.toISOString()})`,
  );
  const cal = windows[0]!;
  const hold = windows[1]!;
  const keep: number[] = [];
  for (let i = 0; i < ids.length; i++) if (cal.periods[i]! > 0) keep.push(i);
  const m = keep.length;
  const pick = (a: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    for (let k = 0; k < m; k++) out[k] = a[keep[k]!]!;
    return out;
  };
  const holdoutSpend = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    holdoutSpend[k] = hold.periods[i]! > 0 ? hold.firstSpend[i]! + hold.repeatSpend[i]! : 0;
  }
  return buildCalibrationHoldout(
    {
      ids: keep.map((i) => ids[i]!),
      firstMs: pick(cal.firstMs),
      lastMs: pick(cal.lastMs),
      periods: pick(cal.periods),
      repeatSpend: pick(cal.repeatSpend),
      holdoutPeriods: pick(hold.periods),
      holdoutSpend,
    },
    ids.length - m,
    clock,
    options,
    reader.anyAmount ? reader.currency : undefined,
    reader.stats(),
  );
}

/** Aggregate columns of the customers of a calibration/holdout split (internal). */
export interface SplitColumns extends AggregateColumns {
  /** Purchase periods in the holdout window. */
  readonly holdoutPeriods: Float64Array;
  /** Spend in the holdout window. */
  readonly holdoutSpend: Float64Array;
}

/**
 * Builds the split from the columns of the customers seen in the calibration window:
 * the single place where the holdout columns are derived, shared by the streaming and
 * the pushdown paths (internal).
 */
export function buildCalibrationHoldout(
  cols: SplitColumns,
  excludedCustomers: number,
  clock: PeriodClock,
  options: { readonly calibrationEnd: Date; readonly observationEnd: Date },
  currency: string | undefined,
  stats: SummaryStats,
): CalibrationHoldoutSummary {
  const summary = buildSummary(cols, clock, options.calibrationEnd, currency, stats);
  const m = cols.ids.length;
  const holdoutMonetaryValue = new Float64Array(m);
  for (let k = 0; k < m; k++) holdoutMonetaryValue[k] = cols.holdoutPeriods[k]! > 0 ? cols.holdoutSpend[k]! / cols.holdoutPeriods[k]! : 0;
  return {
    ...summary,
    holdoutFrequency: cols.holdoutPeriods,
    holdoutSpend: cols.holdoutSpend,
    holdoutMonetaryValue,
    holdoutDuration: clock.duration(clock.index(options.calibrationEnd.getTime()), clock.index(options.observationEnd.getTime())),
    calibrationEnd: options.calibrationEnd,
    holdoutEnd: options.observationEnd,
    excludedCustomers,
  };
}
