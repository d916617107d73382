import { afterEach, describe, expect, it } from "vitest";
import { addPeriods, periodLabel, periodStart } from "../../src/nps/utc-calendar.js";

const t = (iso: string): number => new Date(iso).getTime();
const iso = (ms: number): string => new Date(ms).toISOString();
const originalTz = process.env.TZ;

describe("UTC calendar periods", () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("finds period starts in UTC", () => {
    const at = t("2024-05-10T23:30:00Z"); // a Friday
    expect(iso(periodStart(at, "day"))).toBe("2024-05-10T00:00:00.000Z");
    expect(iso(periodStart(at, "week"))).toBe("2024-05-06T00:00:00.000Z"); // Monday
    expect(iso(periodStart(at, "month"))).toBe("2024-05-01T00:00:00.000Z");
    expect(iso(periodStart(at, "quarter"))).toBe("2024-04-01T00:00:00.000Z");
  });

  it("labels ISO weeks by ISO week-year across the new year", () => {
    expect(periodLabel(periodStart(t("2024-12-31T12:00:00Z"), "week"), "week")).toBe("2025-W01");
    expect(periodLabel(periodStart(t("2021-01-03T12:00:00Z"), "week"), "week")).toBe("2020-W53");
    expect(periodLabel(t("2024-05-10T00:00:00Z"), "day")).toBe("2024-05-10");
    expect(periodLabel(t("2024-05-01T00:00:00Z"), "month")).toBe("2024-05");
    expect(periodLabel(t("2024-10-01T00:00:00Z"), "quarter")).toBe("2024-Q4");
  });

  it("adds periods with calendar arithmetic", () => {
    expect(iso(addPeriods(t("2024-01-31T00:00:00Z"), "day", 1))).toBe("2024-02-01T00:00:00.000Z");
    expect(iso(addPeriods(t("2024-12-30T00:00:00Z"), "week", 1))).toBe("2025-01-06T00:00:00.000Z");
    expect(iso(addPeriods(t("2024-01-01T00:00:00Z"), "month", 1))).toBe("2024-02-01T00:00:00.000Z");
    expect(iso(addPeriods(t("2024-10-01T00:00:00Z"), "quarter", 1))).toBe("2025-01-01T00:00:00.000Z");
    expect(iso(addPeriods(t("2024-01-01T00:00:00Z"), "quarter", -1))).toBe("2023-10-01T00:00:00.000Z");
  });

  it("does not depend on the process time zone (DST days included)", () => {
    const cases: [string, "day" | "week" | "month" | "quarter"][] = [
      ["2024-03-31T01:30:00Z", "day"], // Europe DST switch
      ["2024-11-03T06:30:00Z", "day"], // US DST switch
      ["2024-03-31T23:59:59Z", "week"],
      ["2024-03-31T23:59:59Z", "month"],
      ["2024-06-30T23:59:59Z", "quarter"],
    ];
    const expected = cases.map(([at, p]) => [iso(periodStart(t(at), p)), periodLabel(periodStart(t(at), p), p), iso(addPeriods(periodStart(t(at), p), p, 1))]);
    for (const tz of ["America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Europe/Berlin"]) {
      process.env.TZ = tz;
      // The zone change is in effect: local hours differ from UTC hours here.
      expect(new Date(t("2024-03-31T01:30:00Z")).getHours()).not.toBe(1);
      const got = cases.map(([at, p]) => [iso(periodStart(t(at), p)), periodLabel(periodStart(t(at), p), p), iso(addPeriods(periodStart(t(at), p), p, 1))]);
      expect(got).toEqual(expected);
    }
    expect(expected[0]).toEqual(["2024-03-31T00:00:00.000Z", "2024-03-31", "2024-04-01T00:00:00.000Z"]);
    expect(expected[4]).toEqual(["2024-04-01T00:00:00.000Z", "2024-Q2", "2024-07-01T00:00:00.000Z"]);
  });
});
