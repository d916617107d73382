import { invalidInput } from "../errors/invalid-input.js";
import { collectPurchases } from "./collect-purchases.js";
import type { CalibrationHoldoutSummary } from "./customer-summary.js";
import { PeriodClock } from "./purchase-period.js";
import type { PurchaseReadOptions, PurchaseSource } from "./purchase-rows.js";
import { buildSummary, checkObservationEnd, type SummaryOptions } from "./summary-from-aggregates.js";

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
 * counted. Streams like {@link summarizeTransactions}.
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
export async function calibrationHoldout(transactions: PurchaseSource, options: CalibrationHoldoutOptions): Promise<CalibrationHoldoutSummary> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object with calibrationEnd, observationEnd and unit");
  const endMs = checkObservationEnd("options.observationEnd", options.observationEnd);
  const calMs = checkObservationEnd("options.calibrationEnd", options.calibrationEnd);
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
  const keptIds = keep.map((i) => ids[i]!);
  const summary = buildSummary(
    { ids: keptIds, firstMs: pick(cal.firstMs), lastMs: pick(cal.lastMs), periods: pick(cal.periods), repeatSpend: pick(cal.repeatSpend) },
    clock,
    options.calibrationEnd,
    reader.anyAmount ? reader.currency : undefined,
    reader.stats(),
  );
  const holdoutFrequency = pick(hold.periods);
  const holdoutSpend = new Float64Array(m);
  const holdoutMonetaryValue = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const i = keep[k]!;
    const spend = hold.periods[i]! > 0 ? hold.firstSpend[i]! + hold.repeatSpend[i]! : 0;
    holdoutSpend[k] = spend;
    holdoutMonetaryValue[k] = holdoutFrequency[k]! > 0 ? spend / holdoutFrequency[k]! : 0;
  }
  return {
    ...summary,
    holdoutFrequency,
    holdoutSpend,
    holdoutMonetaryValue,
    holdoutDuration: clock.duration(clock.index(calMs), clock.index(endMs)),
    calibrationEnd: options.calibrationEnd,
    holdoutEnd: options.observationEnd,
    excludedCustomers: ids.length - m,
  };
}
