import { describe, expect, it } from "vitest";
import { npsFromCounts, npsTrend } from "../../src/nps/index.js";
import { response, stream } from "./helpers.js";
import { expectError } from "../support/expect-error.js";

const data = [
  response("1", 10, "2024-01-10T00:00:00Z"),
  response("2", 3, "2024-01-20T00:00:00Z"),
  response("3", 9, "2024-03-05T00:00:00Z"),
  response("4", 8, "2024-03-31T23:59:59.999Z"),
  response("5", 10, "2024-04-01T00:00:00Z"),
];

describe("npsTrend", () => {
  it("gives one point per month, with empty months present as n = 0 and score null", () => {
    const points = npsTrend(data, { period: "month" });
    expect(points.map((p) => [p.label, p.n, p.score?.nps ?? null])).toEqual([
      ["2024-01", 2, 0],
      ["2024-02", 0, null],
      ["2024-03", 2, 50],
      ["2024-04", 1, 100],
    ]);
    expect(points[1]!.start.toISOString()).toBe("2024-02-01T00:00:00.000Z");
    expect(points[1]!.end.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(points[1]!.score).toBeNull();
  });

  it("each non-empty point is a full NpsResult with its interval", () => {
    const points = npsTrend(data, { period: "quarter", method: "wald" });
    expect(points.map((p) => p.label)).toEqual(["2024-Q1", "2024-Q2"]);
    expect(points[0]!.score).toEqual(npsFromCounts({ promoters: 2, passives: 1, detractors: 1 }, { method: "wald" }));
  });

  it("spans from/to exactly, including empty periods at both ends", () => {
    const points = npsTrend(data, { period: "month", from: new Date("2023-11-01T00:00:00Z"), to: new Date("2024-06-01T00:00:00Z") });
    expect(points.map((p) => [p.label, p.n])).toEqual([
      ["2023-11", 0],
      ["2023-12", 0],
      ["2024-01", 2],
      ["2024-02", 0],
      ["2024-03", 2],
      ["2024-04", 1],
      ["2024-05", 0],
    ]);
    const none = npsTrend([], { period: "quarter", from: new Date("2024-01-01T00:00:00Z"), to: new Date("2025-01-01T00:00:00Z") });
    expect(none.map((p) => [p.label, p.n, p.score])).toEqual([
      ["2024-Q1", 0, null],
      ["2024-Q2", 0, null],
      ["2024-Q3", 0, null],
      ["2024-Q4", 0, null],
    ]);
  });

  it("excludes responses outside [from, to)", () => {
    const points = npsTrend(data, { period: "month", from: new Date("2024-01-15T00:00:00Z"), to: new Date("2024-04-01T00:00:00Z") });
    expect(points.map((p) => [p.label, p.n])).toEqual([
      ["2024-01", 1],
      ["2024-02", 0],
      ["2024-03", 2],
    ]);
  });

  it("buckets ISO weeks (Monday–Sunday, week-year labels) and days in UTC", () => {
    const weekly = npsTrend([response("a", 10, "2024-12-29T23:59:59Z"), response("b", 10, "2024-12-30T00:00:00Z"), response("c", 0, "2025-01-05T23:00:00Z")], { period: "week" });
    expect(weekly.map((p) => [p.label, p.n, p.start.toISOString()])).toEqual([
      ["2024-W52", 1, "2024-12-23T00:00:00.000Z"],
      ["2025-W01", 2, "2024-12-30T00:00:00.000Z"],
    ]);
    const daily = npsTrend([response("a", 10, "2024-02-28T12:00:00Z"), response("b", 9, "2024-03-01T00:00:00Z")], { period: "day" });
    expect(daily.map((p) => [p.label, p.n])).toEqual([
      ["2024-02-28", 1],
      ["2024-02-29", 0],
      ["2024-03-01", 1],
    ]);
  });

  it("buckets calendar years, empty years present", () => {
    const yearly = npsTrend([response("a", 10, "2022-12-31T23:59:59Z"), response("b", 0, "2024-01-01T00:00:00Z")], { period: "year" });
    expect(yearly.map((p) => [p.label, p.n, p.start.toISOString()])).toEqual([
      ["2022", 1, "2022-01-01T00:00:00.000Z"],
      ["2023", 0, "2023-01-01T00:00:00.000Z"],
      ["2024", 1, "2024-01-01T00:00:00.000Z"],
    ]);
  });

  it("compares each period with the one before it when both have responses", () => {
    const points = npsTrend(data, { period: "month" });
    expect(points[0]!.changeFromPrevious).toBeNull();
    expect(points[1]!.changeFromPrevious).toBeNull();
    expect(points[2]!.changeFromPrevious).toBeNull(); // previous month is empty
    const change = points[3]!.changeFromPrevious!;
    expect(change.difference).toBe(50);
    expect(change.verdict).toMatch(/^2024-04's NPS \(\+100\.0, n = 1\) and 2024-03's \(\+50\.0, n = 2\)/);
  });

  it("accepts async streams", async () => {
    const points = await npsTrend(stream(data), { period: "month" });
    expect(points.map((p) => p.n)).toEqual([2, 0, 2, 1]);
  });

  it("rejects bad input", () => {
    const bad = expectError;
    bad(() => npsTrend(data, { period: "fortnight" as "month" }), "INVALID_INPUT", /^options\.period: expected one of "day", "week", "month", "quarter", "year", got "fortnight"/);
    bad(() => npsTrend(data, undefined as unknown as { period: "month" }), "INVALID_INPUT", /^options\.period/);
    bad(() => npsTrend(data, { period: "month", from: new Date("2024-05-01T00:00:00Z"), to: new Date("2024-05-01T00:00:00Z") }), "INVALID_INPUT", /^options\.to: expected an instant after options\.from/);
    bad(() => npsTrend(data, { period: "day", from: new Date("1700-01-01T00:00:00Z"), to: new Date("2024-01-01T00:00:00Z") }), "INVALID_INPUT", /^options\.from: expected a range of at most 100000 days/);
    bad(() => npsTrend([], { period: "month" }), "INSUFFICIENT_DATA", /^responses: no responses, so the trend has no range; pass options\.from and options\.to/);
    bad(() => npsTrend([9, 10] as unknown as [], { period: "month" }), "INVALID_INPUT", /^responses\[0\]: expected a SurveyResponse record/);
    bad(() => npsTrend([response("a", 12, "2024-01-01T00:00:00Z")], { period: "month" }), "INVALID_INPUT", /^responses\[0\]\.score: expected an integer NPS answer/);
    bad(() => npsTrend([{ ...response("a", 9, "2024-01-01T00:00:00Z"), respondedAt: new Date("x") }], { period: "month" }), "INVALID_INPUT", /^responses\[0\]\.respondedAt: expected a valid Date/);
    bad(() => npsTrend(data, { period: "month", level: 0 }), "INVALID_INPUT", /^options\.level/);
  });
});
