import { invalidInput } from "../errors/invalid-input.js";
import { collectPurchases } from "./collect-purchases.js";
import { calibrationHoldout } from "./calibration-holdout.js";
import type { CalibrationHoldoutSummary, CustomerSummary } from "./customer-summary.js";
import { PeriodClock } from "./purchase-period.js";
import type { PurchaseReadOptions, PurchaseSource } from "./purchase-rows.js";
import { buildSummary, checkObservationEnd, type SummaryOptions } from "./summary-from-aggregates.js";

/**
 * Options of {@link summarizeTransactions}.
 *
 * @example
 * ```ts
 * import type { SummarizeOptions } from "crmkit/clv";
 * const options: SummarizeOptions = { observationEnd: new Date("1997-09-30T00:00:00Z"), unit: "week", onBadRow: "skip" };
 * ```
 */
export interface SummarizeOptions extends SummaryOptions, PurchaseReadOptions {
  /** When given, the result is {@link calibrationHoldout}'s split at this instant. */
  readonly calibrationEnd?: Date;
}

/**
 * Summarises a purchase log into the per-customer recency–frequency–monetary
 * {@link CustomerSummary} the CLV models are fitted on. Reads arrays, iterables and
 * async iterables (repository cursors, streams) once, keeping O(1) state per
 * customer: memory grows with customers, not transactions. Purchases in the same
 * `period` (a day by default) are merged into one; durations are in `unit`
 * (weeks = days / 7, as lifetimes' `freq="D", freq_multiplier=7`).
 *
 * Bad rows (unparseable date, negative or non-finite amount, a purchase after
 * `observationEnd`, a missing customer id) throw an `INVALID_INPUT` error naming
 * the row, or with `onBadRow: "skip"` are skipped and counted in `stats`. Amounts
 * in a second currency throw `CURRENCY_MISMATCH`. With `calibrationEnd` the result
 * is the calibration/holdout split of {@link calibrationHoldout}.
 *
 * @example
 * ```ts
 * import { summarizeTransactions } from "crmkit/clv";
 * const summary = await summarizeTransactions(
 *   [
 *     { customerId: "0001", at: new Date("1997-01-01T00:00:00Z"), amount: 29.33 },
 *     { customerId: "0001", at: new Date("1997-01-18T00:00:00Z"), amount: 29.73 },
 *     { customerId: "0001", at: new Date("1997-08-02T00:00:00Z"), amount: 14.96 },
 *   ],
 *   { observationEnd: new Date("1997-09-30T00:00:00Z"), unit: "week" },
 * );
 * summary.frequency[0]; // 2
 * summary.recency[0]; // 30.43 (213 days / 7)
 * summary.T[0]; // 38.86 (272 days / 7)
 * summary.monetaryValue[0]; // 22.345
 * ```
 */
export async function summarizeTransactions(transactions: PurchaseSource, options: SummarizeOptions & { readonly calibrationEnd: Date }): Promise<CalibrationHoldoutSummary>;
export async function summarizeTransactions(transactions: PurchaseSource, options: SummarizeOptions): Promise<CustomerSummary>;
export async function summarizeTransactions(transactions: PurchaseSource, options: SummarizeOptions): Promise<CustomerSummary> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object with observationEnd and unit");
  if (options.calibrationEnd !== undefined) return calibrationHoldout(transactions, { ...options, calibrationEnd: options.calibrationEnd });
  const endMs = checkObservationEnd("options.observationEnd", options.observationEnd);
  const clock = new PeriodClock(options.unit, options.period ?? "day", options.timeZone);
  const { ids, windows, reader } = await collectPurchases(transactions, options, clock, 1, (ms) => (ms <= endMs ? 0 : -1), `observationEnd (${options.observationEnd.toISOString()})`);
  const acc = windows[0]!;
  const n = ids.length;
  return buildSummary(
    { ids, firstMs: acc.firstMs.subarray(0, n), lastMs: acc.lastMs.subarray(0, n), periods: acc.periods.subarray(0, n), repeatSpend: acc.repeatSpend.subarray(0, n) },
    clock,
    options.observationEnd,
    reader.anyAmount ? reader.currency : undefined,
    reader.stats(),
  );
}
