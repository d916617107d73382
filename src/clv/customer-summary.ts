import type { TimeUnit } from "./time-unit.js";
import type { PurchasePeriod } from "./purchase-period.js";

/**
 * What happened to the input rows of a summary: how many were read, how many
 * counted as purchases and how many were skipped (only with `onBadRow: "skip"`),
 * by reason.
 *
 * @example
 * ```ts
 * import type { SummaryStats } from "crmkit/clv";
 * const stats: SummaryStats = { rows: 10, purchases: 9, skipped: 1, skippedByReason: { "negative amount": 1 } };
 * ```
 */
export interface SummaryStats {
  /** Rows read. */
  readonly rows: number;
  /** Rows that counted as purchases. */
  readonly purchases: number;
  /** Rows skipped (bad rows with `onBadRow: "skip"`); rows of other kinds are not counted here. */
  readonly skipped: number;
  /** Skipped rows by reason. */
  readonly skippedByReason: Readonly<Record<string, number>>;
}

/**
 * The per-customer recency–frequency–monetary summary the CLV models are fitted
 * on, as columns (index `i` is customer `customerIds[i]`):
 *
 * - `frequency` (x): the number of *repeat* purchase periods — distinct periods
 *   with a purchase, minus the first one (purchases in one period are merged);
 * - `recency` (t_x): the customer's age at their last purchase, i.e. the time from
 *   the first to the last purchase period (0 when x = 0);
 * - `T`: the customer's age at `observationEnd` (time from the first purchase period);
 * - `monetaryValue`: the mean spend per repeat purchase period (0 when x = 0), the
 *   first purchase excluded as in Fader, Hardie & Lee (2005).
 *
 * All durations are in `unit`.
 *
 * @example
 * ```ts
 * import { summarizeTransactions } from "crmkit/clv";
 * const summary = await summarizeTransactions(
 *   [
 *     { customerId: "a", at: new Date("2024-01-01T10:00:00Z"), amount: 20 },
 *     { customerId: "a", at: new Date("2024-01-15T10:00:00Z"), amount: 30 },
 *   ],
 *   { observationEnd: new Date("2024-01-29T00:00:00Z"), unit: "week" },
 * );
 * summary.frequency[0]; // 1
 * summary.recency[0]; // 2
 * summary.T[0]; // 4
 * summary.monetaryValue[0]; // 30
 * ```
 */
export interface CustomerSummary {
  /** Customer ids, in order of first appearance in the input. */
  readonly customerIds: readonly string[];
  /** Repeat purchase periods x. */
  readonly frequency: Float64Array;
  /** Age at the last purchase t_x, in `unit`. */
  readonly recency: Float64Array;
  /** Age at `observationEnd`, in `unit`. */
  readonly T: Float64Array;
  /** Mean spend per repeat purchase period (0 when x = 0). */
  readonly monetaryValue: Float64Array;
  /** The time unit of `recency` and `T`. */
  readonly unit: TimeUnit;
  /** The period within which purchases were merged. */
  readonly period: PurchasePeriod;
  /** The end of the observation window. */
  readonly observationEnd: Date;
  /** The currency of `monetaryValue`, when the input said. */
  readonly currency: string | undefined;
  /** What happened to the input rows (absent for summaries built from aggregates). */
  readonly stats?: SummaryStats;
}

/**
 * A calibration summary with what each customer did in the holdout window
 * (`calibrationEnd`, `observationEnd`] — the data behind the calibration-vs-holdout
 * diagnostics. Customers whose first purchase falls in the holdout window are not
 * included (`excludedCustomers` counts them).
 *
 * @example
 * ```ts
 * import { calibrationHoldout } from "crmkit/clv";
 * const split = await calibrationHoldout(
 *   [
 *     { customerId: "a", at: new Date("2024-01-01T00:00:00Z"), amount: 10 },
 *     { customerId: "a", at: new Date("2024-02-10T00:00:00Z"), amount: 12 },
 *   ],
 *   { calibrationEnd: new Date("2024-01-31T00:00:00Z"), observationEnd: new Date("2024-02-29T00:00:00Z"), unit: "day" },
 * );
 * split.holdoutFrequency[0]; // 1
 * split.holdoutDuration; // 29
 * ```
 */
export interface CalibrationHoldoutSummary extends CustomerSummary {
  /** Purchase periods in the holdout window (all of them are repeat purchases). */
  readonly holdoutFrequency: Float64Array;
  /** Total spend in the holdout window. */
  readonly holdoutSpend: Float64Array;
  /** Mean spend per holdout purchase period (0 when none). */
  readonly holdoutMonetaryValue: Float64Array;
  /** Length of the holdout window, in `unit`. */
  readonly holdoutDuration: number;
  /** End of the calibration window (= `observationEnd` of the calibration summary). */
  readonly calibrationEnd: Date;
  /** End of the holdout window. */
  readonly holdoutEnd: Date;
  /** Customers first seen in the holdout window, left out. */
  readonly excludedCustomers: number;
}
