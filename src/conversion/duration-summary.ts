import { quantileSorted } from "../math/quantile.js";

/**
 * A distribution of durations in days: count, mean, median, quartiles (R type 7
 * interpolation, the default of R's `quantile` and numpy), minimum and maximum.
 *
 * @example
 * ```ts
 * import { averageSalesCycle, type DurationSummary } from "crmkit/conversion";
 * const s: DurationSummary = averageSalesCycle([
 *   { id: "d", status: "won", createdAt: new Date("2024-01-01"), closedAt: new Date("2024-01-31") },
 * ]);
 * s.medianDays; // 30
 * ```
 */
export interface DurationSummary {
  readonly count: number;
  readonly meanDays: number;
  readonly medianDays: number;
  readonly p25Days: number;
  readonly p75Days: number;
  readonly minDays: number;
  readonly maxDays: number;
}

/** Summarises durations (sorts `days` in place). `days` must not be empty. */
export function summarizeDurations(days: Float64Array): DurationSummary {
  days.sort();
  let sum = 0;
  for (let i = 0; i < days.length; i++) sum += days[i]!;
  return {
    count: days.length,
    meanDays: sum / days.length,
    medianDays: quantileSorted(days, 0.5),
    p25Days: quantileSorted(days, 0.25),
    p75Days: quantileSorted(days, 0.75),
    minDays: days[0]!,
    maxDays: days[days.length - 1]!,
  };
}
