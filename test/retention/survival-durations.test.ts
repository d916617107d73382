import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { DURATION_UNIT_DAYS, durationsFromActivity, durationsFromDates, kaplanMeier } from "../../src/retention/index.js";
import { expectErrorCases } from "../support/expect-error.js";

const d = (s: string) => new Date(s);

describe("durationsFromDates", () => {
  it("censors open relationships (and ends after asOf) at asOf; observed ends give the duration", () => {
    const data = durationsFromDates(
      [
        { start: d("2024-01-01T00:00:00Z"), end: d("2024-01-31T00:00:00Z") },
        { start: d("2024-02-01T00:00:00Z") },
        { start: d("2024-02-01T00:00:00Z"), end: null },
        { start: d("2024-02-15T00:00:00Z"), end: d("2024-06-01T00:00:00Z") }, // ends after asOf: not yet
        { start: d("2024-02-20T00:00:00Z"), end: d("2024-03-01T00:00:00Z") }, // ends exactly at asOf
      ],
      { asOf: d("2024-03-01T00:00:00Z") },
    );
    expect(Array.from(data.durations)).toEqual([30, 29, 29, 15, 10]);
    expect(Array.from(data.observed)).toEqual([1, 0, 0, 0, 1]);
    expect(data.unit).toBe("day");
  });

  it("converts to weeks, months (1/12 Gregorian year) and years", () => {
    const r = [{ start: d("2023-01-01T00:00:00Z"), end: d("2024-01-01T00:00:00Z") }];
    const asOf = d("2024-06-01T00:00:00Z");
    expect(durationsFromDates(r, { asOf, unit: "week" }).durations[0]).toBeCloseTo(365 / 7, 12);
    expect(durationsFromDates(r, { asOf, unit: "month" }).durations[0]).toBeCloseTo(365 / DURATION_UNIT_DAYS.month, 12);
    expect(durationsFromDates(r, { asOf, unit: "year" }).durations[0]).toBeCloseTo(365 / 365.2425, 12);
  });

  it("rejects an end before its start, starts after asOf, empty input and bad options", () => {
    const asOf = d("2024-03-01T00:00:00Z");
    const cases: [() => unknown, string, string][] = [
      [() => durationsFromDates([{ start: d("2024-02-01T00:00:00Z"), end: d("2024-01-01T00:00:00Z") }], { asOf }), "INVALID_INPUT", "records[0].end"],
      [() => durationsFromDates([{ start: d("2024-04-01T00:00:00Z") }], { asOf }), "INVALID_INPUT", "records[0].start"],
      [() => durationsFromDates([{ start: "2024-01-01" as never }], { asOf }), "INVALID_INPUT", "records[0].start"],
      [() => durationsFromDates([], { asOf }), "INSUFFICIENT_DATA", "empty"],
      [() => durationsFromDates([{ start: asOf }], { asOf, unit: "hour" as never }), "INVALID_INPUT", "options.unit"],
      [() => durationsFromDates([{ start: asOf }], { asOf: new Date(Number.NaN) }), "INVALID_INPUT", "options.asOf"],
      [() => durationsFromDates(null as never, { asOf }), "INVALID_INPUT", "records"],
    ];
    expectErrorCases(cases);
  });
});

describe("durationsFromActivity", () => {
  const rows = [
    { customerId: "a", at: d("2024-01-01T00:00:00Z") },
    { customerId: "a", at: d("2024-02-01T00:00:00Z") },
    { customerId: "b", at: d("2024-05-01T00:00:00Z") },
    { customerId: "c", at: d("2024-03-01T00:00:00Z") },
    { customerId: "c", at: d("2024-01-15T00:00:00Z") }, // out of order
    { customerId: "a", at: d("2024-01-20T00:00:00Z") },
  ];
  const asOf = d("2024-06-01T00:00:00Z");

  it("dates churn at the end of the inactivity window by default, censoring customers still inside it at asOf", async () => {
    const data = await durationsFromActivity(rows, { asOf, inactivityDays: 60 });
    expect(data.customerIds).toEqual(["a", "b", "c"]);
    // a: Jan 1 → Feb 1 + 60 days = Apr 1 (91 days). b: inside the window, censored at 31 days.
    // c: Jan 15 → Mar 1 + 60 days = Apr 30 (106 days).
    expect(Array.from(data.durations)).toEqual([91, 31, 106]);
    expect(Array.from(data.observed)).toEqual([1, 0, 1]);
    expect(data.firstActivity[2]).toBe(d("2024-01-15T00:00:00Z").getTime());
    expect(data.lastActivity[2]).toBe(d("2024-03-01T00:00:00Z").getTime());
  });

  it("can date churn at the last activity (then open customers are censored at their last activity)", async () => {
    const data = await durationsFromActivity(rows, { asOf, inactivityDays: 60, churnAt: "last-activity", unit: "week" });
    expect(Array.from(data.durations)).toEqual([31 / 7, 0, 46 / 7]);
    expect(Array.from(data.observed)).toEqual([1, 0, 1]);
    // A customer whose window ends exactly at asOf has churned.
    const edge = await durationsFromActivity([{ customerId: "x", at: d("2024-04-02T00:00:00Z") }], { asOf, inactivityDays: 60 });
    expect(Array.from(edge.observed)).toEqual([1]);
  });

  it("feeds kaplanMeier directly", async () => {
    const data = await durationsFromActivity(rows, { asOf, inactivityDays: 60 });
    expect(kaplanMeier(data.durations, data.observed).survivalAt(100)).toBeCloseTo(0.5, 15);
  });

  it("rejects bad input", async () => {
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => durationsFromActivity([], { asOf, inactivityDays: 30 }), "INSUFFICIENT_DATA", "empty"],
      [() => durationsFromActivity(rows, { asOf, inactivityDays: 0 }), "INVALID_INPUT", "options.inactivityDays"],
      [() => durationsFromActivity(rows, { asOf, inactivityDays: 30, churnAt: "never" as never }), "INVALID_INPUT", "options.churnAt"],
      [() => durationsFromActivity(rows, { asOf: d("2024-04-01T00:00:00Z"), inactivityDays: 30 }), "INVALID_INPUT", "activity[2].at"],
      [() => durationsFromActivity(rows, { asOf, inactivityDays: 30, unit: "fortnight" as never }), "INVALID_INPUT", "options.unit"],
    ];
    for (const [fn, code, text] of cases) {
      await expect(fn()).rejects.toSatisfy((e: unknown) => isCrmkitError(e, code as never) && (e as Error).message.includes(text));
    }
  });
});
