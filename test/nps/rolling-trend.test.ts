import { describe, expect, it } from "vitest";
import { npsFromCounts, npsRollingTrend, npsTrend } from "../../src/nps/index.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { response, stream } from "./helpers.js";

const data = [
  response("0", 0, "2023-12-15T00:00:00Z"),
  response("1", 10, "2024-01-10T00:00:00Z"),
  response("2", 3, "2024-02-20T00:00:00Z"),
  response("3", 9, "2024-03-05T00:00:00Z"),
  response("4", 8, "2024-05-05T00:00:00Z"),
];

describe("npsRollingTrend", () => {
  it("scores the window of periods ending at each point, reaching back before from", () => {
    const points = npsRollingTrend(data, { period: "month", window: 2, from: new Date("2024-01-01T00:00:00Z"), to: new Date("2024-06-01T00:00:00Z") });
    expect(points.map((p) => [p.label, p.windowStart.toISOString().slice(0, 10), p.n, p.score?.nps ?? null])).toEqual([
      ["2024-01", "2023-12-01", 2, 0], // Dec (0) + Jan (10)
      ["2024-02", "2024-01-01", 2, 0], // Jan (10) + Feb (3)
      ["2024-03", "2024-02-01", 2, 0], // Feb (3) + Mar (9)
      ["2024-04", "2024-03-01", 1, 100], // Mar (9)
      ["2024-05", "2024-04-01", 1, 0], // May (8)
    ]);
    expect(points[3]!.score).toEqual(npsFromCounts({ promoters: 1, passives: 0, detractors: 0 }));
  });

  it("with window 1 equals the plain trend", () => {
    const rolling = npsRollingTrend(data, { period: "month", window: 1 });
    const plain = npsTrend(data, { period: "month" });
    expect(rolling.map((p) => [p.label, p.n, p.score])).toEqual(plain.map((p) => [p.label, p.n, p.score]));
  });

  it("has null scores for windows without responses", () => {
    const points = npsRollingTrend([response("a", 9, "2024-01-03T00:00:00Z"), response("b", 9, "2024-03-20T00:00:00Z")], { period: "week", window: 2 });
    expect(points.some((p) => p.n === 0 && p.score === null)).toBe(true);
    expect(points[0]!.label).toBe("2024-W01");
    expect(points.at(-1)!.label).toBe("2024-W12");
  });

  it("accepts async streams", async () => {
    const points = await npsRollingTrend(stream(data), { period: "quarter", window: 4 });
    expect(points.map((p) => [p.label, p.n])).toEqual([
      ["2023-Q4", 1],
      ["2024-Q1", 4],
      ["2024-Q2", 5],
    ]);
  });

  it("rejects a bad window", () => {
    for (const window of [0, 1.5, -2, Number.NaN, 20_000, undefined]) {
      try {
        npsRollingTrend(data, { period: "month", window: window as number });
        expect.unreachable();
      } catch (e) {
        expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
        expect((e as Error).message).toMatch(/^options\.window: expected an integer number of periods from 1 to 10000/);
      }
    }
  });
});
