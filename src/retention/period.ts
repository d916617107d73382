import { invalidInput } from "../errors/invalid-input.js";

/**
 * The calendar periods crmkit's retention functions bucket time into, always in UTC:
 * `day`, ISO `week` (Monday to Sunday, weeks numbered by ISO week-year), `month`,
 * `quarter` and `year`.
 *
 * @example
 * ```ts
 * import { PERIOD_UNITS } from "crmkit/retention";
 * PERIOD_UNITS; // ["day", "week", "month", "quarter", "year"]
 * ```
 */
export const PERIOD_UNITS = ["day", "week", "month", "quarter", "year"] as const;

/**
 * One of {@link PERIOD_UNITS}.
 *
 * @example
 * ```ts
 * import type { PeriodUnit } from "crmkit/retention";
 * const unit: PeriodUnit = "month";
 * ```
 */
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

const DAY_MS = 86_400_000;

/** Throws INVALID_INPUT unless `unit` is a {@link PeriodUnit}. */
export function checkPeriodUnit(field: string, unit: unknown): PeriodUnit {
  if (typeof unit !== "string" || !(PERIOD_UNITS as readonly string[]).includes(unit)) {
    throw invalidInput(field, unit, `one of ${PERIOD_UNITS.map((u) => `"${u}"`).join(", ")}`);
  }
  return unit as PeriodUnit;
}

/**
 * The index of the UTC calendar period containing the instant `ms` (milliseconds
 * since the epoch), counted from the period containing 1970-01-01 (index 0).
 * Consecutive periods have consecutive indices, so the difference of two indices is
 * an age in periods. Trusts its input (internal hot path).
 */
export function periodIndexOfMs(ms: number, unit: PeriodUnit): number {
  return periodIndexOfDay(Math.floor(ms / DAY_MS), unit);
}

/** The index of the period containing the UTC day `day` (days since 1970-01-01). */
export function periodIndexOfDay(day: number, unit: PeriodUnit): number {
  switch (unit) {
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

/**
 * Months since 1970-01 of the UTC day `day` (days since 1970-01-01), by integer
 * arithmetic on the proleptic Gregorian calendar (the days-to-civil algorithm of
 * H. Hinnant), so that bucketing millions of rows allocates no Date.
 */
export function monthIndexOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9; // 1..12
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year - 1970) * 12 + month - 1;
}

/** Start (epoch milliseconds, UTC) of the period with the given index. */
export function periodStartMs(index: number, unit: PeriodUnit): number {
  switch (unit) {
    case "day":
      return index * DAY_MS;
    case "week":
      return (index * 7 - 3) * DAY_MS;
    case "month":
      return Date.UTC(1970 + Math.floor(index / 12), ((index % 12) + 12) % 12, 1);
    case "quarter":
      return Date.UTC(1970 + Math.floor(index / 4), (((index % 4) + 4) % 4) * 3, 1);
    case "year":
      return Date.UTC(1970 + index, 0, 1);
  }
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

/**
 * The index of the UTC calendar period containing `date`: days, ISO weeks, months,
 * quarters or years since the period containing 1970-01-01 (index 0; earlier
 * periods are negative). The difference of two indices is the number of whole
 * periods between them, which is how cohort ages are counted.
 *
 * @example
 * ```ts
 * import { periodIndex } from "crmkit/retention";
 * periodIndex(new Date("1970-03-15T00:00:00Z"), "month"); // 2
 * periodIndex(new Date("2024-01-01T00:00:00Z"), "quarter") - periodIndex(new Date("2023-07-01T00:00:00Z"), "quarter"); // 2
 * ```
 */
export function periodIndex(date: Date, unit: PeriodUnit): number {
  checkPeriodUnit("unit", unit);
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw invalidInput("date", date, "a valid Date");
  return periodIndexOfMs(date.getTime(), unit);
}

/**
 * The first instant (UTC) of the period with index `index` (see {@link periodIndex}).
 *
 * @example
 * ```ts
 * import { periodStart } from "crmkit/retention";
 * periodStart(2, "month").toISOString(); // "1970-03-01T00:00:00.000Z"
 * periodStart(0, "week").toISOString(); // "1969-12-29T00:00:00.000Z" (a Monday)
 * ```
 */
export function periodStart(index: number, unit: PeriodUnit): Date {
  checkPeriodUnit("unit", unit);
  if (!Number.isSafeInteger(index)) throw invalidInput("index", index, "an integer period index");
  return new Date(periodStartMs(index, unit));
}

/**
 * A readable label for the period with index `index`: `2024-05-03` (day),
 * `2024-W18` (ISO week-year and week), `2024-05` (month), `2024-Q2` (quarter),
 * `2024` (year).
 *
 * @example
 * ```ts
 * import { periodIndex, periodLabel } from "crmkit/retention";
 * periodLabel(periodIndex(new Date("2021-01-03T12:00:00Z"), "week"), "week"); // "2020-W53"
 * periodLabel(periodIndex(new Date("2024-05-03T00:00:00Z"), "quarter"), "quarter"); // "2024-Q2"
 * ```
 */
export function periodLabel(index: number, unit: PeriodUnit): string {
  checkPeriodUnit("unit", unit);
  if (!Number.isSafeInteger(index)) throw invalidInput("index", index, "an integer period index");
  return periodLabelOf(index, unit);
}

/** {@link periodLabel} without the argument checks. */
export function periodLabelOf(index: number, unit: PeriodUnit): string {
  const start = new Date(periodStartMs(index, unit));
  const y = start.getUTCFullYear();
  switch (unit) {
    case "day":
      return `${pad(y, 4)}-${pad(start.getUTCMonth() + 1, 2)}-${pad(start.getUTCDate(), 2)}`;
    case "week": {
      // The ISO week-year is the year of the week's Thursday; week 1 contains the year's first Thursday.
      const thursday = new Date(start.getTime() + 3 * DAY_MS);
      const isoYear = thursday.getUTCFullYear();
      const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / DAY_MS);
      return `${pad(isoYear, 4)}-W${pad(Math.floor(dayOfYear / 7) + 1, 2)}`;
    }
    case "month":
      return `${pad(y, 4)}-${pad(start.getUTCMonth() + 1, 2)}`;
    case "quarter":
      return `${pad(y, 4)}-Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
    case "year":
      return pad(y, 4);
  }
}
