import { describe, expect, it } from "vitest";
import { periodKey } from "../../src/conversion/calendar.js";
import { day } from "../support/conversion-fixtures.js";

describe("periodKey (UTC)", () => {
  it("ISO weeks across year boundaries", () => {
    expect(periodKey(day("2021-01-03").getTime(), "week")).toBe("2020-W53"); // Sunday of 2020's week 53
    expect(periodKey(day("2021-01-04").getTime(), "week")).toBe("2021-W01");
    expect(periodKey(day("2024-12-30").getTime(), "week")).toBe("2025-W01");
    expect(periodKey(day("2024-01-01").getTime(), "week")).toBe("2024-W01");
  });
  it("months, quarters, years; late evening UTC stays in its UTC day", () => {
    const t = Date.parse("2024-03-31T23:30:00Z");
    expect(periodKey(t, "month")).toBe("2024-03");
    expect(periodKey(t, "quarter")).toBe("2024-Q1");
    expect(periodKey(t, "year")).toBe("2024");
  });
});
