import { z } from "zod";

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
