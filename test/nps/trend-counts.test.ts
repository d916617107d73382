import { describe, expect, it } from "vitest";
import { MAX_TREND_PERIODS, parseTrendOptions, withPeriodCounts, type PeriodCounts } from "../../src/nps/trend-counts.js";
import { response, stream } from "./helpers.js";

const data = [response("a", 10, "2024-01-31T23:59:59Z"), response("b", 7, "2024-02-01T00:00:00Z"), response("c", 1, "2024-02-29T12:00:00Z")];

describe("per-period counts", () => {
  it("counts categories per UTC period with boundaries one past the last period", () => {
    const c = withPeriodCounts(data, () => parseTrendOptions({ period: "month" }, "o"), () => 0, (x) => x) as PeriodCounts;
    expect(Array.from(c.starts, (t) => new Date(t).toISOString().slice(0, 10))).toEqual(["2024-01-01", "2024-02-01", "2024-03-01"]);
    expect([Array.from(c.promoters), Array.from(c.passives), Array.from(c.detractors)]).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
  });

  it("adds look-back periods before the range for rolling windows", async () => {
    const counts = await withPeriodCounts(stream(data), () => parseTrendOptions({ period: "month", from: new Date("2024-02-01T00:00:00Z") }, "o"), () => 1, (c) => c);
    expect(Array.from(counts.starts, (t) => new Date(t).toISOString().slice(0, 7))).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(Array.from(counts.promoters)).toEqual([1, 0]); // January's answer is inside the look-back
  });

  it("validates the period and range, and caps the number of periods", () => {
    expect(() => parseTrendOptions({ period: "hour" }, "o")).toThrow(/^o\.period: expected one of "day", "week", "month", "quarter", "year", got "hour"/);
    expect(() => parseTrendOptions({ period: "day", from: new Date(5), to: new Date(1) }, "o")).toThrow(/^o\.to: expected an instant after options\.from/);
    expect(MAX_TREND_PERIODS).toBe(100_000);
    expect(() =>
      withPeriodCounts([], () => parseTrendOptions({ period: "day", from: new Date("1700-01-01T00:00:00Z"), to: new Date("2100-01-01T00:00:00Z") }, "o"), () => 0, (c) => c, "o"),
    ).toThrow(/^o\.from: expected a range of at most 100000 days/);
  });
});
