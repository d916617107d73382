import { invalidInput } from "../errors/invalid-input.js";

/**
 * The time units a {@link CustomerSummary} can be expressed in. Recency and `T`
 * are measured in this unit, and every model fitted on the summary speaks it: its
 * rate parameters are per unit, and `t` in its predictions is a number of units.
 *
 * @example
 * ```ts
 * import { TIME_UNITS } from "crmkit/clv";
 * TIME_UNITS; // ["hour", "day", "week", "month", "quarter", "year"]
 * ```
 */
export const TIME_UNITS = ["hour", "day", "week", "month", "quarter", "year"] as const;

/**
 * A time unit (see {@link TIME_UNITS}).
 *
 * @example
 * ```ts
 * import type { TimeUnit } from "crmkit/clv";
 * const unit: TimeUnit = "week";
 * ```
 */
export type TimeUnit = (typeof TIME_UNITS)[number];

/**
 * Length of each {@link TimeUnit} in days when durations are measured from
 * elapsed days: a week is 7 days (lifetimes' `freq="D", freq_multiplier=7`), a
 * month 365.25 / 12 = 30.4375 days, a quarter 91.3125 days, a year 365.25 days.
 *
 * @example
 * ```ts
 * import { DAYS_PER_UNIT } from "crmkit/clv";
 * 14 / DAYS_PER_UNIT.week; // 2
 * ```
 */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = Object.freeze({
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 365.25 / 12,
  quarter: 365.25 / 4,
  year: 365.25,
});

/**
 * How many `unit`s there are in one `per` (e.g. weeks per month = 30.4375 / 7 ≈ 4.348).
 *
 * @example
 * ```ts
 * import { unitsPer } from "crmkit/clv";
 * unitsPer("week", "year"); // 52.17857142857143
 * unitsPer("day", "week"); // 7
 * ```
 */
export function unitsPer(unit: TimeUnit, per: TimeUnit): number {
  checkUnit("unit", unit);
  checkUnit("per", per);
  return DAYS_PER_UNIT[per] / DAYS_PER_UNIT[unit];
}

/** Throws INVALID_INPUT unless `value` is a {@link TimeUnit}. */
export function checkUnit(field: string, value: unknown): asserts value is TimeUnit {
  if (typeof value !== "string" || !(TIME_UNITS as readonly string[]).includes(value)) {
    throw invalidInput(field, value, `one of ${TIME_UNITS.map((u) => `"${u}"`).join(", ")}`);
  }
}
