import { getISOWeek, getISOWeekYear, startOfISOWeek, startOfMonth, startOfQuarter, startOfYear, differenceInCalendarMonths, differenceInCalendarDays } from "date-fns";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { monthIndexOfDay, periodIndexOfMs } from "../../src/retention/period.js";
import { PERIOD_UNITS, periodIndex, periodLabel, periodStart } from "../../src/retention/index.js";

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
      [() => periodIndex(new Date(), "fortnight" as never), "unit"],
      [() => periodStart(1.5, "month"), "index"],
      [() => periodLabel(Number.NaN, "day"), "index"],
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
