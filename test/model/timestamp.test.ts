import { describe, expect, it } from "vitest";
import { CalendarDateSchema, parseWith, TimestampSchema } from "../../src/model/index.js";
import { checkValidDate, instantOf, parseInstant } from "../../src/model/timestamp.js";
import { expectInvalid } from "../support/expect-invalid.js";

const ts = (v: unknown) => parseWith(TimestampSchema, "at", v);

describe("timestamps", () => {
  it("accept Dates and ISO 8601 date-times with Z or an offset, always yielding the instant as a Date", () => {
    const d = new Date("2024-05-01T10:00:00Z");
    expect(ts(d)).toEqual(d);
    expect(ts("2024-05-01T10:00:00Z")).toEqual(d);
    expect(ts("2024-05-01T12:00:00+02:00")).toEqual(d);
    expect(ts("2024-05-01T05:30:00.000-04:30")).toEqual(d);
    expect(ts("2024-05-01T10:00:00.123Z").getUTCMilliseconds()).toBe(123);
  });

  it("reject strings without a zone, date-only strings, epoch numbers and invalid Dates", () => {
    for (const bad of ["2024-05-01T10:00:00", "2024-05-01", "May 1, 2024", 1714557600000, new Date(Number.NaN), null, "2024-13-01T00:00:00Z"]) {
      expectInvalid(() => ts(bad), "(root)");
    }
  });

  it("calendar dates are YYYY-MM-DD strings, valid on the calendar (leap years included)", () => {
    expect(parseWith(CalendarDateSchema, "d", "2024-02-29")).toBe("2024-02-29");
    expect(parseWith(CalendarDateSchema, "d", "2000-02-29")).toBe("2000-02-29");
    for (const bad of ["2023-02-29", "1900-02-29", "1990-13-01", "1990-04-31", "1990-4-1", "1990-04-01T00:00:00Z", new Date("1990-04-01")]) {
      expectInvalid(() => parseWith(CalendarDateSchema, "d", bad), "(root)");
    }
  });
});

describe("parseInstant / instantOf (the row readers' instant parser)", () => {
  it("reads Dates, finite epoch milliseconds, ISO calendar dates (midnight UTC) and date-times with an offset", () => {
    const ms = Date.UTC(2024, 4, 1, 10);
    expect(parseInstant(new Date(ms))).toBe(ms);
    expect(parseInstant(ms)).toBe(ms);
    expect(parseInstant("2024-05-01T12:00:00+02:00")).toBe(ms);
    expect(parseInstant("2024-05-01T10:00Z")).toBe(ms);
    expect(parseInstant("2024-05-01")).toBe(Date.UTC(2024, 4, 1));
  });

  it("gives NaN for what is not an instant, including a date-time without offset (it would be read in local time)", () => {
    for (const bad of ["2024-05-01T10:00:00", "May 1, 2024", "", Number.NaN, Number.POSITIVE_INFINITY, new Date(Number.NaN), null, undefined, {}]) {
      expect(parseInstant(bad)).toBeNaN();
    }
  });

  it("instantOf names the field, the value and what was expected", () => {
    expect(instantOf("2024-05-01", "rows[0].at")).toBe(Date.UTC(2024, 4, 1));
    expectInvalid(() => instantOf("2024-05-01T10:00:00", "rows[3].at"), "rows[3].at");
    expect(() => instantOf(Number.NaN, "rows[3].at")).toThrow(/^rows\[3\]\.at: expected a valid Date, epoch milliseconds or an ISO 8601 date \/ date-time with offset/);
  });
});

describe("checkValidDate (the date options' check)", () => {
  it("returns the instant of a valid Date and names the field otherwise", () => {
    expect(checkValidDate("options.asOf", new Date(Date.UTC(2024, 0, 1)))).toBe(Date.UTC(2024, 0, 1));
    for (const bad of [new Date(Number.NaN), "2024-01-01T00:00:00Z", 0, null, undefined]) {
      expectInvalid(() => checkValidDate("options.asOf", bad), "options.asOf");
    }
  });
});
