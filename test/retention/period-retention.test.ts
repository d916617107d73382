import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { periodRetention, retentionRate } from "../../src/retention/index.js";

const d = (s: string) => new Date(s);

describe("periodRetention", () => {
  // a: Jan, Feb, Apr   b: Jan, Mar   c: Feb, Mar, Apr   d: Apr
  const rows = [
    ["a", "2024-01-03"],
    ["a", "2024-01-28"],
    ["b", "2024-01-09"],
    ["a", "2024-02-14"],
    ["c", "2024-02-20"],
    ["b", "2024-03-01"],
    ["c", "2024-03-05"],
    ["a", "2024-04-02"],
    ["c", "2024-04-09"],
    ["d", "2024-04-30"],
  ].map(([customerId, day]) => ({ customerId: customerId!, at: d(`${day}T12:00:00Z`) }));

  it("splits each period's active customers into new, retained and reactivated (hand-computed)", async () => {
    const r = await periodRetention(rows, { period: "month", asOf: d("2024-05-01T00:00:00Z") });
    expect(r.customers).toBe(4);
    const pick = r.rows.map(({ key, start, end, acquired, retained, reactivated, retentionRate: rr, formulaRetentionRate }) => [
      key,
      start,
      end,
      acquired,
      retained,
      reactivated,
      rr,
      formulaRetentionRate,
    ]);
    expect(pick).toEqual([
      ["2024-01", 0, 2, 2, 0, 0, null, null],
      ["2024-02", 2, 2, 1, 1, 0, 0.5, 0.5], // a stayed, b lapsed, c new
      ["2024-03", 2, 2, 0, 1, 1, 0.5, 1], // c stayed, b came back, a lapsed
      ["2024-04", 2, 3, 1, 1, 1, 0.5, 1], // c stayed, a came back, d new
    ]);
    expect(r.rows[1]!.churnRate).toBe(0.5);
    // The textbook formula on the same counts.
    const apr = r.rows[3]!;
    expect(retentionRate({ start: apr.start, end: apr.end - apr.reactivated, acquired: apr.acquired })).toBe(apr.retentionRate);
  });

  it("leaves out the unfinished current period unless asked", async () => {
    const asOf = d("2024-04-30T13:00:00Z");
    expect((await periodRetention(rows, { period: "month", asOf })).rows.at(-1)!.key).toBe("2024-03");
    expect((await periodRetention(rows, { period: "month", asOf, includeCurrentPeriod: true })).rows.at(-1)!.key).toBe("2024-04");
  });

  it("keeps retention in [0, 1] and accounts for every active customer", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ c: fc.integer({ min: 0, max: 20 }), day: fc.integer({ min: 0, max: 300 }) }), { minLength: 1, maxLength: 300 }),
        async (acts) => {
          const input = acts.map((a) => ({ customerId: `c${a.c}`, at: new Date(Date.UTC(2024, 0, 1) + a.day * 86_400_000) }));
          const r = await periodRetention(input, { period: "week", asOf: d("2025-01-01T00:00:00Z") });
          for (const row of r.rows) {
            expect(row.acquired + row.retained + row.reactivated).toBe(row.end);
            expect(row.retained).toBeLessThanOrEqual(row.start);
            if (row.retentionRate !== null) {
              expect(row.retentionRate).toBeGreaterThanOrEqual(0);
              expect(row.retentionRate).toBeLessThanOrEqual(1);
            }
          }
          expect(r.rows.reduce((s, row) => s + row.acquired, 0)).toBe(r.customers);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("rejects bad input", async () => {
    const bad: [() => Promise<unknown>, string, string][] = [
      [() => periodRetention([], { period: "month", asOf: d("2024-05-01T00:00:00Z") }), "INSUFFICIENT_DATA", "empty"],
      [() => periodRetention(rows, { period: "month", asOf: d("2024-04-15T00:00:00Z") }), "INVALID_INPUT", "activity[9].at"],
      [() => periodRetention(rows, { period: "hour" as never, asOf: d("2024-05-01T00:00:00Z") }), "INVALID_INPUT", "options.period"],
      [() => periodRetention(rows, undefined as never), "INVALID_INPUT", "options"],
    ];
    for (const [fn, code, text] of bad) {
      await expect(fn()).rejects.toSatisfy((e: unknown) => isCrmkitError(e, code as never) && (e as Error).message.includes(text));
    }
  });
});
