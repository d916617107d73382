import { describe, expect, it } from "vitest";
import { PeriodClock } from "../../src/clv/purchase-period.js";

const ms = (s: string) => Date.parse(s);

describe("PeriodClock", () => {
  it("numbers days, ISO weeks, months, quarters and years in UTC", () => {
    const day = new PeriodClock("week", "day");
    expect(day.index(ms("1970-01-02T23:59:59Z"))).toBe(1);
    expect(day.duration(0, 14)).toBe(2);
    const week = new PeriodClock("week", "week");
    // Monday 2015-01-05 starts a new ISO week; Sunday 2015-01-04 ends the previous one
    expect(week.index(ms("2015-01-05T00:00:00Z")) - week.index(ms("2015-01-04T23:00:00Z"))).toBe(1);
    expect(week.index(ms("2015-01-01T00:00:00Z"))).toBe(week.index(ms("2014-12-29T00:00:00Z")));
    const month = new PeriodClock("month", "month");
    expect(month.index(ms("2024-03-31T23:00:00Z")) - month.index(ms("2024-01-01T00:00:00Z"))).toBe(2);
    expect(new PeriodClock("quarter", "quarter").index(ms("2024-04-01T00:00:00Z")) - new PeriodClock("quarter", "quarter").index(ms("2024-03-31T00:00:00Z"))).toBe(1);
    expect(new PeriodClock("year", "year").index(ms("2024-06-01T00:00:00Z"))).toBe(2024 - 1970); // indices count from the period containing 1970-01-01 (crmkit/time)
    expect(new PeriodClock("day", "hour").duration(0, 36)).toBe(1.5);
  });
  it("follows the time zone's offset, daylight saving included", () => {
    const ny = new PeriodClock("day", "day", "America/New_York");
    // 03:00 UTC on 2024-07-01 is still June 30 in New York (UTC−4)
    expect(ny.index(ms("2024-07-01T03:00:00Z"))).toBe(new PeriodClock("day", "day").index(ms("2024-06-30T12:00:00Z")));
    // 03:00 UTC on 2024-01-15 is Jan 14 in New York (UTC−5)
    expect(ny.index(ms("2024-01-15T03:00:00Z"))).toBe(new PeriodClock("day", "day").index(ms("2024-01-14T12:00:00Z")));
  });
  it("rejects inconsistent options", () => {
    expect(() => new PeriodClock("day", "week")).toThrow(/options\.unit.*"week"/);
    expect(() => new PeriodClock("day", "fortnight")).toThrow(/options\.period/);
    expect(() => new PeriodClock("day", "day", 42)).toThrow(/timeZone/);
  });
});
