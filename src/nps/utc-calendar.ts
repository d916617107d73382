import { addDays, addMonths, addQuarters, addWeeks, format, startOfDay, startOfISOWeek, startOfMonth, startOfQuarter } from "date-fns";
import type { DateArg } from "date-fns";

/**
 * A `Date` whose local-time accessors are the UTC ones, so that date-fns (which
 * works in local time) computes calendar periods in UTC whatever the process's
 * time zone. Passed to date-fns through its `in` context option.
 */
class UtcDate extends Date {
  override getFullYear(): number { return this.getUTCFullYear(); }
  override getMonth(): number { return this.getUTCMonth(); }
  override getDate(): number { return this.getUTCDate(); }
  override getDay(): number { return this.getUTCDay(); }
  override getHours(): number { return this.getUTCHours(); }
  override getMinutes(): number { return this.getUTCMinutes(); }
  override getSeconds(): number { return this.getUTCSeconds(); }
  override getMilliseconds(): number { return this.getUTCMilliseconds(); }
  override getTimezoneOffset(): number { return 0; }
  override setFullYear(...args: Parameters<Date["setUTCFullYear"]>): number { return this.setUTCFullYear(...args); }
  override setMonth(...args: Parameters<Date["setUTCMonth"]>): number { return this.setUTCMonth(...args); }
  override setDate(...args: Parameters<Date["setUTCDate"]>): number { return this.setUTCDate(...args); }
  override setHours(...args: Parameters<Date["setUTCHours"]>): number { return this.setUTCHours(...args); }
  override setMinutes(...args: Parameters<Date["setUTCMinutes"]>): number { return this.setUTCMinutes(...args); }
  override setSeconds(...args: Parameters<Date["setUTCSeconds"]>): number { return this.setUTCSeconds(...args); }
  override setMilliseconds(...args: Parameters<Date["setUTCMilliseconds"]>): number { return this.setUTCMilliseconds(...args); }
}

const inUtc = (value: DateArg<Date>): UtcDate => new UtcDate(value instanceof Date ? value.getTime() : value);
const UTC = { in: inUtc } as const;

/**
 * The calendar periods of a trend, in UTC: `"day"`, `"week"` (ISO 8601 weeks,
 * Monday to Sunday, labelled by ISO week-year), `"month"` or `"quarter"`.
 *
 * @example
 * ```ts
 * import type { NpsTrendPeriod } from "crmkit/nps";
 * const period: NpsTrendPeriod = "quarter";
 * ```
 */
export type NpsTrendPeriod = "day" | "week" | "month" | "quarter";

/** All periods, for validation. */
export const NPS_TREND_PERIODS: readonly NpsTrendPeriod[] = ["day", "week", "month", "quarter"];

/** Start (epoch ms) of the UTC period containing `time`. */
export function periodStart(time: number, period: NpsTrendPeriod): number {
  switch (period) {
    case "day":
      return startOfDay(time, UTC).getTime();
    case "week":
      return startOfISOWeek(time, UTC).getTime();
    case "month":
      return startOfMonth(time, UTC).getTime();
    case "quarter":
      return startOfQuarter(time, UTC).getTime();
  }
}

/** `start` moved by `count` periods (UTC calendar arithmetic). */
export function addPeriods(start: number, period: NpsTrendPeriod, count: number): number {
  switch (period) {
    case "day":
      return addDays(start, count, UTC).getTime();
    case "week":
      return addWeeks(start, count, UTC).getTime();
    case "month":
      return addMonths(start, count, UTC).getTime();
    case "quarter":
      return addQuarters(start, count, UTC).getTime();
  }
}

/** A stable label: `2024-05-10`, `2024-W19` (ISO week-year and week), `2024-05`, `2024-Q2`. */
export function periodLabel(start: number, period: NpsTrendPeriod): string {
  switch (period) {
    case "day":
      return format(start, "yyyy-MM-dd", UTC);
    case "week":
      return format(start, "RRRR-'W'II", UTC);
    case "month":
      return format(start, "yyyy-MM", UTC);
    case "quarter":
      return format(start, "yyyy-'Q'Q", UTC);
  }
}
