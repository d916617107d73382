/**
 * Integer conversions between days since 1970-01-01 and proleptic Gregorian
 * calendar dates (the days-from-civil / civil-from-days algorithms of
 * H. Hinnant). Exact for every day a `Date` can hold, including years 0–99, which
 * `Date.UTC` would map to 1900–1999. Internal: the hot paths bucket millions of
 * rows and allocate no `Date`.
 */

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

/** A calendar date: full year, month 1–12, day of month 1–31. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 of the calendar date `year`-`month`-`day` (month 1–12; days past the month's end roll over). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Months since 1970-01 of the day `days` since 1970-01-01 (no allocation on the hot path). */
export function monthIndexOfDay(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1_460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return (year - 1970) * 12 + month - 1;
}

/** The calendar date of `days` since 1970-01-01. */
export function civilFromDays(days: number): CivilDate {
  const monthIndex = monthIndexOfDay(days);
  const year = 1970 + Math.floor(monthIndex / 12);
  const month = monthIndex - (year - 1970) * 12 + 1;
  return { year, month, day: days - daysFromCivil(year, month, 1) + 1 };
}
