import { getISOWeek, getISOWeekYear, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear, differenceInCalendarMonths, differenceInCalendarDays } from "date-fns";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { civilFromDays, daysFromCivil, monthIndexOfDay } from "../../src/time/civil-date.js";
import { periodIndexOfMs } from "../../src/time/calendar-period.js";
import { CALENDAR_PERIODS as PERIOD_UNITS, addPeriods, periodIndex, periodLabel, periodLabelAt, periodStart } from "../../src/time/index.js";

const MIN = Date.UTC(1800, 0, 1);
const MAX = Date.UTC(2200, 0, 1);
const instant = fc.integer({ min: MIN, max: MAX });

// date-fns computes in the local zone: with TZ=UTC its calendar functions are the
// independent reference for crmkit's UTC arithmetic.
describe("calendar periods against date-fns in UTC", () => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "UTC";
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it("month, quarter and year starts and indices agree with date-fns", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const d = new Date(ms);
        const m = periodIndex(d, "month");
        expect(periodStart(m, "month").getTime()).toBe(startOfMonth(d).getTime());
        expect(m).toBe(differenceInCalendarMonths(d, new Date(0)));
        expect(periodStart(periodIndex(d, "quarter"), "quarter").getTime()).toBe(startOfQuarter(d).getTime());
        expect(periodStart(periodIndex(d, "year"), "year").getTime()).toBe(startOfYear(d).getTime());
        expect(periodIndex(d, "day")).toBe(differenceInCalendarDays(d, new Date(0)));
      }),
      { numRuns: 2000 },
    );
  });

  it("ISO weeks start on Monday and are labelled with the ISO week-year, as date-fns", () => {
    fc.assert(
      fc.property(instant, (ms) => {
        const d = new Date(ms);
        const w = periodIndex(d, "week");
        expect(periodStart(w, "week").getTime()).toBe(startOfISOWeek(d).getTime());
        expect(periodLabel(w, "week")).toBe(`${getISOWeekYear(d)}-W${String(getISOWeek(d)).padStart(2, "0")}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("periodIndex / periodStart / periodLabel", () => {
  it("does not depend on the process time zone", () => {
    const saved = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Chatham"; // UTC+12:45 / +13:45
      const d = new Date("2024-03-31T23:30:00Z");
      expect(periodLabel(periodIndex(d, "month"), "month")).toBe("2024-03");
      expect(periodLabel(periodIndex(d, "day"), "day")).toBe("2024-03-31");
      expect(periodLabel(periodIndex(d, "quarter"), "quarter")).toBe("2024-Q1");
    } finally {
      process.env.TZ = saved;
    }
  });

  it("labels each unit", () => {
    const d = new Date("2024-05-03T11:00:00Z");
    expect(PERIOD_UNITS.map((u) => periodLabel(periodIndex(d, u), u))).toEqual(["2024-05-03", "2024-W18", "2024-05", "2024-Q2", "2024"]);
    // ISO week-year differs from the calendar year at year ends.
    expect(periodLabel(periodIndex(new Date("2021-01-03T12:00:00Z"), "week"), "week")).toBe("2020-W53");
    expect(periodLabel(periodIndex(new Date("2024-12-30T00:00:00Z"), "week"), "week")).toBe("2025-W01");
  });

  it("indexes from the period containing 1970-01-01, negative before", () => {
    expect(periodIndex(new Date("1970-01-01T00:00:00Z"), "month")).toBe(0);
    expect(periodIndex(new Date("1969-12-31T23:59:59.999Z"), "month")).toBe(-1);
    expect(periodIndex(new Date("1969-12-29T00:00:00Z"), "week")).toBe(0); // Monday of the week of 1970-01-01
    expect(periodIndex(new Date("1969-12-28T23:59:59Z"), "week")).toBe(-1);
    expect(periodStart(-1, "quarter").toISOString()).toBe("1969-10-01T00:00:00.000Z");
  });

  it("computes months from days without Date (agrees with Date's UTC fields)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (day) => {
        const d = new Date(day * 86_400_000);
        expect(monthIndexOfDay(day)).toBe((d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth());
      }),
      { numRuns: 5000 },
    );
  });

  it("consecutive periods tile time: each start maps back to its index, the instant before to the previous one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_UNITS), fc.integer({ min: -3000, max: 3000 }), (unit, index) => {
        const start = periodStart(index, unit).getTime();
        expect(periodIndexOfMs(start, unit)).toBe(index);
        expect(periodIndexOfMs(start - 1, unit)).toBe(index - 1);
      }),
    );
  });

  it("rejects bad arguments with INVALID_INPUT naming the field", () => {
    const bad: [() => unknown, string][] = [
      [() => periodIndex(new Date("x"), "month"), "date"],
      [() => periodIndex(new Date(), "fortnight" as never), "period"],
      [() => periodStart(1.5, "month"), "index"],
      [() => periodLabel(Number.NaN, "day"), "index"],
      [() => periodLabelAt(new Date(Number.NaN), "day"), "date"],
      [() => periodLabelAt(new Date(), "hour" as never), "period"],
      [() => addPeriods(new Date(), "month", 0.5), "count"],
      [() => addPeriods("2024-01-01" as never, "month", 1), "date"],
    ];
    for (const [fn, field] of bad) {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
        expect((e as Error).message.startsWith(field)).toBe(true);
      }
    }
  });
});

/** The UTC instant of a calendar date, for any year (Date.UTC maps years 0–99 to 1900–1999). */
function utc(year: number, monthIndex: number, day = 1): number {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d.getTime();
}

describe("years 0–99 and the far past (Date.UTC's two-digit-year trap)", () => {
  it("puts the start of year 99 in year 99, not 1999", () => {
    const index = periodIndex(new Date(utc(99, 6, 4)), "year");
    expect(index).toBe(99 - 1970);
    expect(periodStart(index, "year").getTime()).toBe(utc(99, 0, 1));
    expect(periodLabel(index, "year")).toBe("0099");
    expect(periodStart(periodIndex(new Date(utc(5, 10, 20)), "month"), "month").getTime()).toBe(utc(5, 10, 1));
    expect(periodLabel(periodIndex(new Date(utc(0, 1, 29)), "day"), "day")).toBe("0000-02-29"); // year 0 is a leap year
  });

  it("consecutive periods tile time across every year a Date holds", () => {
    const bounds = { day: 99_000_000, week: 14_000_000, month: 3_200_000, quarter: 1_000_000, year: 270_000 } as const;
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_UNITS), fc.double({ min: -1, max: 1, noNaN: true }), (unit, u) => {
        const index = Math.round(u * bounds[unit]) + 0; // + 0 turns -0 into 0
        const start = periodStart(index, unit).getTime();
        expect(periodIndexOfMs(start, unit)).toBe(index);
        expect(periodIndexOfMs(start - 1, unit)).toBe(index - 1);
      }),
      { numRuns: 3000 },
    );
  });

  it("month starts agree with Date's own UTC fields for years -9999..9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }), (year, month, day) => {
        const ms = utc(year, month, day) + 43_200_000;
        expect(periodStart(periodIndex(new Date(ms), "month"), "month").getTime()).toBe(utc(year, month, 1));
        expect(periodStart(periodIndex(new Date(ms), "year"), "year").getTime()).toBe(utc(year, 0, 1));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("civil dates", () => {
  it("daysFromCivil and civilFromDays are inverse and agree with Date", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (day) => {
        const c = civilFromDays(day);
        expect(daysFromCivil(c.year, c.month, c.day)).toBe(day);
        const d = new Date(day * 86_400_000);
        expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      }),
      { numRuns: 5000 },
    );
  });

  it("knows the fixed points", () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11_017);
    expect(civilFromDays(-719_468)).toEqual({ year: 0, month: 3, day: 1 });
    expect(daysFromCivil(2024, 2, 30)).toBe(daysFromCivil(2024, 3, 1)); // days past the month's end roll over
  });
});

describe("addPeriods and periodLabelAt", () => {
  it("moves by whole calendar periods from the period's start", () => {
    expect(addPeriods(new Date("2024-01-31T15:00:00Z"), "month", 1).toISOString()).toBe("2024-02-01T00:00:00.000Z");
    expect(addPeriods(new Date("2024-05-15T00:00:00Z"), "quarter", -1).toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(addPeriods(new Date("2024-05-15T10:00:00Z"), "week", 0).toISOString()).toBe("2024-05-13T00:00:00.000Z");
    expect(addPeriods(new Date("2024-05-15T10:00:00Z"), "day", 365).toISOString()).toBe("2025-05-15T00:00:00.000Z");
  });

  it("is additive: moving by a then b is moving by a + b", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_UNITS), instant, fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (unit, ms, a, b) => {
        expect(addPeriods(addPeriods(new Date(ms), unit, a), unit, b).getTime()).toBe(addPeriods(new Date(ms), unit, a + b).getTime());
      }),
    );
  });

  it("labels the period containing an instant", () => {
    expect(periodLabelAt(new Date("2024-02-29T23:59:59Z"), "month")).toBe("2024-02");
    expect(periodLabelAt(new Date("2024-12-30T00:00:00Z"), "week")).toBe("2025-W01");
    expect(periodLabelAt(new Date("2024-12-31T00:00:00Z"), "quarter")).toBe("2024-Q4");
  });
});
