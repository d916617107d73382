import { invalidInput } from "../errors/invalid-input.js";
import { checkValidDate } from "../model/timestamp.js";
import { civilFromDays, DAY_MS, daysFromCivil, monthIndexOfDay } from "./civil-date.js";

/**
 * The calendar periods crmkit buckets time into, always in UTC: `day`, ISO `week`
 * (Monday to Sunday, labelled by ISO week-year), `month`, `quarter` and `year`.
 * Retention cohorts, NPS trends, RFM purchase periods, funnel cohorts and CLV
 * purchase periods all use this one calendar.
 *
 * @example
 * ```ts
 * import { CALENDAR_PERIODS } from "crmkit/time";
 * CALENDAR_PERIODS; // ["day", "week", "month", "quarter", "year"]
 * ```
 */
export const CALENDAR_PERIODS = ["day", "week", "month", "quarter", "year"] as const;

/**
 * One of {@link CALENDAR_PERIODS}.
 *
 * @example
 * ```ts
 * import type { CalendarPeriod } from "crmkit/time";
 * const period: CalendarPeriod = "quarter";
 * ```
 */
export type CalendarPeriod = (typeof CALENDAR_PERIODS)[number];

/**
 * Throws INVALID_INPUT (naming `field`) unless `value` is one of `allowed`
 * (default: every {@link CalendarPeriod}). Internal.
 */
export function checkCalendarPeriod<P extends CalendarPeriod>(field: string, value: unknown, allowed: readonly P[] = CALENDAR_PERIODS as readonly CalendarPeriod[] as readonly P[]): P {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalidInput(field, value, `one of ${allowed.map((u) => `"${u}"`).join(", ")}`);
  }
  return value as P;
}

/** Index of the period containing the UTC day `day` (days since 1970-01-01); see {@link periodIndex}. */
export function periodIndexOfDay(day: number, period: CalendarPeriod): number {
  switch (period) {
    case "day":
      return day;
    case "week":
      // 1970-01-01 was a Thursday: the ISO week containing it began on day -3.
      return Math.floor((day + 3) / 7);
    case "month":
      return monthIndexOfDay(day);
    case "quarter":
      return Math.floor(monthIndexOfDay(day) / 3);
    case "year":
      return Math.floor(monthIndexOfDay(day) / 12);
  }
}

/** Index of the period containing the instant `ms` (epoch milliseconds); trusts its input (hot path). */
export function periodIndexOfMs(ms: number, period: CalendarPeriod): number {
  return periodIndexOfDay(Math.floor(ms / DAY_MS), period);
}

function monthStartMs(monthIndex: number): number {
  const year = 1970 + Math.floor(monthIndex / 12);
  return daysFromCivil(year, monthIndex - (year - 1970) * 12 + 1, 1) * DAY_MS;
}

/** Start (epoch milliseconds, UTC) of the period with index `index`; trusts its input (hot path). */
export function periodStartMs(index: number, period: CalendarPeriod): number {
  switch (period) {
    case "day":
      return index * DAY_MS;
    case "week":
      return (index * 7 - 3) * DAY_MS;
    case "month":
      return monthStartMs(index);
    case "quarter":
      return monthStartMs(index * 3);
    case "year":
      return monthStartMs(index * 12);
  }
}

/** Start (epoch ms) of the period `count` periods after the one containing `ms` (0 = its own start); trusts its input. */
export function shiftPeriodMs(ms: number, period: CalendarPeriod, count = 0): number {
  return periodStartMs(periodIndexOfMs(ms, period) + count, period);
}

const pad = (n: number, width: number): string => {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
};

/** {@link periodLabel} without the argument checks (hot path). */
export function periodLabelOf(index: number, period: CalendarPeriod): string {
  const startDay = Math.floor(periodStartMs(index, period) / DAY_MS);
  const { year, month, day } = civilFromDays(startDay);
  switch (period) {
    case "day":
      return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
    case "week": {
      // The ISO week-year is the year of the week's Thursday; week 1 contains the year's first Thursday.
      const isoYear = civilFromDays(startDay + 3).year;
      const week = Math.floor((startDay + 3 - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
      return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
    }
    case "month":
      return `${pad(year, 4)}-${pad(month, 2)}`;
    case "quarter":
      return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
    case "year":
      return pad(year, 4);
  }
}

function checkIndex(index: unknown): number {
  if (typeof index !== "number" || !Number.isSafeInteger(index)) throw invalidInput("index", index, "an integer period index");
  return index;
}

/**
 * The index of the UTC calendar period containing `date`: days, ISO weeks, months,
 * quarters or years since the period containing 1970-01-01 (index 0; earlier
 * periods are negative). The difference of two indices is the number of whole
 * periods between them, which is how cohort ages are counted.
 *
 * @example
 * ```ts
 * import { periodIndex } from "crmkit/time";
 * periodIndex(new Date("1970-03-15T00:00:00Z"), "month"); // 2
 * periodIndex(new Date("2024-01-01T00:00:00Z"), "quarter") - periodIndex(new Date("2023-07-01T00:00:00Z"), "quarter"); // 2
 * ```
 */
export function periodIndex(date: Date, period: CalendarPeriod): number {
  checkCalendarPeriod("period", period);
  return periodIndexOfMs(checkValidDate("date", date), period);
}

/**
 * The first instant (UTC) of the period with index `index` (see {@link periodIndex}).
 *
 * @example
 * ```ts
 * import { periodStart } from "crmkit/time";
 * periodStart(2, "month").toISOString(); // "1970-03-01T00:00:00.000Z"
 * periodStart(0, "week").toISOString(); // "1969-12-29T00:00:00.000Z" (a Monday)
 * ```
 */
export function periodStart(index: number, period: CalendarPeriod): Date {
  checkCalendarPeriod("period", period);
  return new Date(periodStartMs(checkIndex(index), period));
}

/**
 * The start of the UTC period containing `date`, moved by `count` whole periods
 * (0 = the period's own start). Month arithmetic is on calendar months, so
 * `addPeriods(jan31, "month", 1)` is the start of February, never 3 March.
 *
 * @example
 * ```ts
 * import { addPeriods } from "crmkit/time";
 * addPeriods(new Date("2024-01-31T15:00:00Z"), "month", 1).toISOString(); // "2024-02-01T00:00:00.000Z"
 * addPeriods(new Date("2024-05-15T00:00:00Z"), "quarter", -1).toISOString(); // "2024-01-01T00:00:00.000Z"
 * ```
 */
export function addPeriods(date: Date, period: CalendarPeriod, count: number): Date {
  checkCalendarPeriod("period", period);
  const ms = checkValidDate("date", date);
  if (typeof count !== "number" || !Number.isSafeInteger(count)) throw invalidInput("count", count, "an integer number of periods");
  return new Date(shiftPeriodMs(ms, period, count));
}

/**
 * A readable label for the period with index `index`: `2024-05-03` (day),
 * `2024-W18` (ISO week-year and week), `2024-05` (month), `2024-Q2` (quarter),
 * `2024` (year). Labels of one period kind sort chronologically as strings for
 * years 0–9999.
 *
 * @example
 * ```ts
 * import { periodIndex, periodLabel } from "crmkit/time";
 * periodLabel(periodIndex(new Date("2021-01-03T12:00:00Z"), "week"), "week"); // "2020-W53"
 * periodLabel(periodIndex(new Date("2024-05-03T00:00:00Z"), "quarter"), "quarter"); // "2024-Q2"
 * ```
 */
export function periodLabel(index: number, period: CalendarPeriod): string {
  checkCalendarPeriod("period", period);
  return periodLabelOf(checkIndex(index), period);
}

/**
 * The label (see {@link periodLabel}) of the UTC period containing `date`.
 *
 * @example
 * ```ts
 * import { periodLabelAt } from "crmkit/time";
 * periodLabelAt(new Date("2024-02-29T23:59:59Z"), "month"); // "2024-02"
 * periodLabelAt(new Date("2024-12-30T00:00:00Z"), "week"); // "2025-W01"
 * ```
 */
export function periodLabelAt(date: Date, period: CalendarPeriod): string {
  checkCalendarPeriod("period", period);
  return periodLabelOf(periodIndexOfMs(checkValidDate("date", date), period), period);
}
