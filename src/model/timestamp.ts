import { z } from "zod";
import { invalidInput } from "../errors/invalid-input.js";

/**
 * An instant. Accepts a valid `Date` or an ISO 8601 date-time string with a time
 * zone offset (`2024-05-01T10:00:00Z`, `2024-05-01T12:00:00+02:00`); always
 * yields a `Date`. Invalid dates are rejected.
 *
 * @example
 * ```ts
 * import { TimestampSchema } from "crmkit/model";
 * TimestampSchema.parse("2024-05-01T10:00:00Z").toISOString(); // "2024-05-01T10:00:00.000Z"
 * ```
 */
export const TimestampSchema = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))], {
  error: "expected a valid Date or an ISO 8601 date-time with offset",
});

/**
 * A calendar date without time or zone, `YYYY-MM-DD` (birth dates, contract dates).
 *
 * @example
 * ```ts
 * import { CalendarDateSchema } from "crmkit/model";
 * CalendarDateSchema.parse("1990-02-28"); // "1990-02-28"
 * ```
 */
export const CalendarDateSchema = z.iso.date({ error: "expected a calendar date YYYY-MM-DD" });

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** What {@link instantOf} accepts, for error messages. */
export const INSTANT_EXPECTED = "a valid Date, epoch milliseconds or an ISO 8601 date / date-time with offset";

/**
 * Epoch milliseconds of an instant given as a valid `Date`, finite epoch
 * milliseconds, or an ISO 8601 string that is a calendar date (midnight UTC) or a
 * date-time with an offset. A date-time without an offset is rejected: it would be
 * read in the machine's time zone. NaN for anything else (hot paths check once).
 * Internal: the one instant parser of the row readers.
 */
export function parseInstant(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" && ISO_INSTANT.test(value)) return Date.parse(value);
  return Number.NaN;
}

/** {@link parseInstant}, throwing INVALID_INPUT naming `field` when the value is not an instant. */
export function instantOf(value: unknown, field: string): number {
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) throw invalidInput(field, value, INSTANT_EXPECTED);
  return ms;
}

/**
 * The epoch milliseconds of a valid `Date` option (`asOf`, `observationEnd`, a range
 * bound), or INVALID_INPUT naming `field`. Internal: the one check of date options.
 */
export function checkValidDate(field: string, value: unknown): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw invalidInput(field, value, "a valid Date");
  return value.getTime();
}
