import { describe, expect, it } from "vitest";
import { DAYS_PER_UNIT, TIME_UNITS, unitsPer } from "../../src/clv/index.js";

describe("time units", () => {
  it("converts between units with weeks of 7 days and months of 30.4375 days", () => {
    expect(TIME_UNITS).toEqual(["hour", "day", "week", "month", "quarter", "year"]);
    expect(unitsPer("day", "week")).toBe(7);
    expect(unitsPer("week", "month")).toBeCloseTo(30.4375 / 7, 14);
    expect(unitsPer("month", "year")).toBeCloseTo(12, 14);
    expect(unitsPer("hour", "day")).toBeCloseTo(24, 12);
    expect(DAYS_PER_UNIT.quarter * 4).toBe(365.25);
  });
  it("rejects unknown units", () => {
    expect(() => unitsPer("fortnight" as never, "day")).toThrow(/unit: expected one of/);
    expect(() => unitsPer("day", "decade" as never)).toThrow(/per: expected/);
  });
});
