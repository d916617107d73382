import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { cohortRetention, type ActivityRecord } from "../../src/retention/index.js";

const d = (s: string) => new Date(s);
const asOf = d("2024-04-01T00:00:00Z");

// Hand-built example (amounts in EUR). Months Jan–Mar 2024 are over by asOf; April is not.
//   a: Jan 5 (10), Jan 20 (5), Feb 7 (20), Mar 2 (15)  -> Jan cohort, active at ages 0, 1, 2
//   b: Jan 20 (7)                                      -> Jan cohort, age 0
//   c: Jan 31 23:59 (3), Mar 15 (9)                    -> Jan cohort, ages 0, 2
//   d: Feb 11 (4), Feb 12 (6)                          -> Feb cohort, age 0
//   e: Feb 28 (8), Mar 31 (16)                         -> Feb cohort, ages 0, 1
//   f: Apr 1 00:00 (2)                                 -> Apr cohort, nothing elapsed
//   g: a refund only                                   -> not a customer
const eur = (amount: number) => ({ amount, currency: "EUR" });
const tx = (customerId: string, at: string, amount: number, kind: "purchase" | "refund" = "purchase"): ActivityRecord => ({
  customerId,
  occurredAt: d(at),
  amount: eur(amount),
  kind,
});
const rows: ActivityRecord[] = [
  tx("a", "2024-01-05T10:00:00Z", 10),
  tx("a", "2024-01-20T10:00:00Z", 5),
  tx("a", "2024-02-07T10:00:00Z", 20),
  tx("a", "2024-03-02T10:00:00Z", 15),
  tx("b", "2024-01-20T12:00:00Z", 7),
  tx("c", "2024-01-31T23:59:00Z", 3),
  tx("c", "2024-03-15T00:00:00Z", 9),
  tx("d", "2024-02-11T00:00:00Z", 4),
  tx("d", "2024-02-12T00:00:00Z", 6),
  tx("e", "2024-02-28T00:00:00Z", 8),
  tx("e", "2024-03-31T23:00:00Z", 16),
  tx("f", "2024-04-01T00:00:00Z", 2),
  tx("g", "2024-02-01T00:00:00Z", 5, "refund"),
];

async function expectError(p: Promise<unknown>, code: string, field?: string): Promise<void> {
  try {
    await p;
    expect.unreachable("expected an error");
  } catch (e) {
    expect(isCrmkitError(e, code as never)).toBe(true);
    if (field !== undefined) expect((e as Error).message).toContain(field);
  }
}

describe("cohortRetention", () => {
  it("reads row instants given as ISO strings or epoch milliseconds exactly as Dates", async () => {
    const purchases = rows.flatMap((r) => ("occurredAt" in r && r.kind === "purchase" ? [{ customerId: r.customerId, at: r.occurredAt, amount: r.amount }] : []));
    const asStrings = purchases.map((r) => ({ ...r, at: r.at.toISOString() }));
    const asNumbers = purchases.map((r) => ({ ...r, at: r.at.getTime() }));
    const expected = await cohortRetention(purchases, { period: "month", asOf });
    expect(expected.customers).toBe(6);
    expect(await cohortRetention(asStrings, { period: "month", asOf })).toEqual(expected);
    expect(await cohortRetention(asNumbers, { period: "month", asOf })).toEqual(expected);
    await expectError(cohortRetention([{ customerId: "c", at: "2024-01-05T10:00:00" }], { period: "month", asOf }), "INVALID_INPUT", "[0].at");
  });

  it("counts customers active at each age, with unelapsed cells null (hand-computed)", async () => {
    const t = await cohortRetention(rows, { period: "month", asOf });
    expect(t.ages).toBe(3);
    expect(t.customers).toBe(6);
    expect(t.cohorts.map((c) => c.key)).toEqual(["2024-01", "2024-02", "2024-04"]);
    const [jan, feb, apr] = t.cohorts;
    expect(jan).toMatchObject({ size: 3, eligible: [3, 3, 3], active: [3, 1, 2], retention: [1, 1 / 3, 2 / 3] });
    expect(jan!.start?.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(feb).toMatchObject({ size: 2, eligible: [2, 2, 0], active: [2, 1, null], retention: [1, 0.5, null] });
    expect(apr).toMatchObject({ size: 1, eligible: [0, 0, 0], active: [null, null, null], retention: [null, null, null] });
    expect(t.overall).toEqual({ eligible: [5, 5, 3], active: [5, 2, 2], retention: [1, 0.4, 2 / 3] });
  });

  it("unbounded (rolling) retention counts customers active at that age or later", async () => {
    const t = await cohortRetention(rows, { period: "month", asOf, definition: "unbounded" });
    expect(t.cohorts[0]!.active).toEqual([3, 2, 2]);
    expect(t.cohorts[1]!.active).toEqual([2, 1, null]);
  });

  it("can include the current, unfinished period", async () => {
    const t = await cohortRetention(rows, { period: "month", asOf, includeCurrentPeriod: true });
    expect(t.ages).toBe(4);
    expect(t.cohorts[0]!.active).toEqual([3, 1, 2, 0]);
    expect(t.cohorts[2]!.active).toEqual([1, null, null, null]);
  });

  it("weights by revenue: cohort revenue per age and its ratio to the age-0 revenue", async () => {
    const t = await cohortRetention(rows, { period: "month", asOf, revenue: true });
    expect(t.currency).toBe("EUR");
    expect(t.cohorts[0]!.revenue).toEqual([25, 20, 24]);
    expect(t.cohorts[0]!.revenueRetention).toEqual([1, 0.8, 0.96]);
    expect(t.cohorts[1]!.revenue).toEqual([18, 16, null]);
    expect(t.cohorts[1]!.revenueRetention![1]).toBeCloseTo(16 / 18, 15);
    expect(t.cohorts[1]!.revenueRetention![2]).toBeNull();
  });

  it("groups by any key; ages still count from each customer's own acquisition", async () => {
    const keys = new Map([
      ["a", "x"],
      ["b", "x"],
      ["d", "x"],
      ["c", "y"],
      ["f", "y"],
    ]);
    const t = await cohortRetention(rows, { period: "month", asOf, cohortBy: keys });
    expect(t.excludedCustomers).toBe(1); // e has no key
    expect(t.customers).toBe(5);
    const [x, y] = t.cohorts;
    expect(x).toMatchObject({ key: "x", start: null, size: 3, eligible: [3, 3, 2], active: [3, 1, 1], retention: [1, 1 / 3, 0.5] });
    expect(y).toMatchObject({ key: "y", size: 2, eligible: [1, 1, 1], active: [1, 0, 1] });
    const byFn = await cohortRetention(rows, { period: "month", asOf, cohortBy: (id) => keys.get(id) });
    expect(byFn.cohorts).toEqual(t.cohorts);
    const byYear = await cohortRetention(rows, { period: "month", asOf, cohortBy: (_id, acquired) => String(acquired.getUTCFullYear()) });
    expect(byYear.cohorts.map((c) => [c.key, c.size])).toEqual([["2024", 6]]);
  });

  it("reads arrays, iterables and async iterables alike, in any order", async () => {
    const expected = await cohortRetention(rows, { period: "month", asOf, revenue: true });
    function* gen() {
      yield* rows;
    }
    async function* agen() {
      for (const r of [...rows].reverse()) yield r;
    }
    expect(await cohortRetention(gen(), { period: "month", asOf, revenue: true })).toEqual(expected);
    expect(await cohortRetention(agen(), { period: "month", asOf, revenue: true })).toEqual(expected);
  });

  it("accepts plain rows and selects one currency for revenue", async () => {
    const plain = [
      { customerId: "p", at: d("2024-01-02T00:00:00Z"), amount: 5 },
      { customerId: "p", at: d("2024-02-02T00:00:00Z") },
    ];
    const t = await cohortRetention(plain, { period: "month", asOf, revenue: true });
    expect(t.currency).toBeUndefined();
    expect(t.cohorts[0]!.revenue).toEqual([5, 0, 0]);
    const mixed = [...rows, { customerId: "u", at: d("2024-01-03T00:00:00Z"), amount: { amount: 9, currency: "USD" } }];
    await expectError(cohortRetention(mixed, { period: "month", asOf, revenue: true }), "CURRENCY_MISMATCH", "USD");
    const eurOnly = await cohortRetention(mixed, { period: "month", asOf, revenue: true, currency: "EUR" });
    expect(eurOnly.cohorts[0]!.size).toBe(4); // u counts as active, without revenue
    expect(eurOnly.cohorts[0]!.revenue![0]).toBe(25);
    // Without revenue, currencies do not matter.
    expect((await cohortRetention(mixed, { period: "month", asOf })).cohorts[0]!.size).toBe(4);
  });

  it("counts only the requested transaction kinds", async () => {
    const t = await cohortRetention(rows, { period: "month", asOf, kinds: ["refund"] });
    expect(t.customers).toBe(1);
    expect(t.cohorts[0]!.key).toBe("2024-02");
    // Counted refunds subtract from revenue: g joins the February cohort with −5.
    const withRefunds = await cohortRetention(rows, { period: "month", asOf, kinds: ["purchase", "refund"], revenue: true });
    expect(withRefunds.cohorts[1]).toMatchObject({ key: "2024-02", size: 3 });
    expect(withRefunds.cohorts[1]!.revenue![0]).toBe(18 - 5);
  });

  it("works at other granularities (ISO weeks, quarters, days)", async () => {
    const w = await cohortRetention(rows, { period: "week", asOf });
    expect(w.cohorts[0]!.key).toBe("2024-W01");
    const q = await cohortRetention(rows, { period: "quarter", asOf });
    expect(q.cohorts.map((c) => [c.key, c.size, c.retention])).toEqual([
      ["2024-Q1", 5, [1]],
      ["2024-Q2", 1, [null]],
    ]);
    const day = await cohortRetention(rows, { period: "day", asOf });
    expect(day.cohorts[0]).toMatchObject({ key: "2024-01-05", size: 1 });
  });

  describe("properties", () => {
    const activity = fc.array(
      fc.record({ c: fc.integer({ min: 0, max: 30 }), day: fc.integer({ min: 0, max: 500 }) }),
      { minLength: 1, maxLength: 400 },
    );
    const start = Date.UTC(2023, 0, 1);
    const DAY = 86_400_000;

    it("agrees with a brute-force computation; counts never exceed cohort size; rates in [0, 1]; null only where unelapsed", async () => {
      await fc.assert(
        fc.asyncProperty(activity, fc.integer({ min: 0, max: 520 }), fc.constantFrom("period", "unbounded"), async (acts, asOfDay, definition) => {
          const asOfMs = start + asOfDay * DAY + DAY / 2;
          const inRange = acts.filter((a) => start + a.day * DAY <= asOfMs);
          fc.pre(inRange.length > 0);
          const input = inRange.map((a) => ({ customerId: `c${a.c}`, at: new Date(start + a.day * DAY) }));
          const t = await cohortRetention(input, { period: "month", asOf: new Date(asOfMs), definition });
          // Brute force: months of each customer.
          const month = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
          const months = new Map<string, Set<number>>();
          for (const r of input) {
            const s = months.get(r.customerId) ?? new Set<number>();
            s.add(month(r.at.getTime()));
            months.set(r.customerId, s);
          }
          const end = month(asOfMs); // months < end are over
          for (const row of t.cohorts) {
            const members = [...months.entries()].filter(([, s]) => {
              const f = Math.min(...s);
              return `${Math.floor(f / 12)}-${String((f % 12) + 1).padStart(2, "0")}` === row.key;
            });
            expect(row.size).toBe(members.length);
            for (let j = 0; j < t.ages; j++) {
              const f = Math.min(...members[0]![1]);
              const elapsed = f + j < end;
              if (!elapsed) {
                expect(row.active[j]).toBeNull();
                expect(row.retention[j]).toBeNull();
                continue;
              }
              const active = members.filter(([, s]) => (definition === "period" ? s.has(f + j) : Math.max(...[...s].filter((m) => m < end)) >= f + j)).length;
              expect(row.active[j]).toBe(active);
              expect(row.active[j]!).toBeLessThanOrEqual(row.size);
              expect(row.retention[j]!).toBeGreaterThanOrEqual(0);
              expect(row.retention[j]!).toBeLessThanOrEqual(1);
              if (j === 0) expect(row.retention[0]).toBe(1);
              if (definition === "unbounded" && j > 0 && row.retention[j - 1] !== null) expect(row.retention[j]!).toBeLessThanOrEqual(row.retention[j - 1]!);
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  });

  describe("bad input", () => {
    it("rejects empty activity, rows after asOf, bad rows and bad options with clear errors", async () => {
      await expectError(cohortRetention([], { period: "month", asOf }), "INSUFFICIENT_DATA", "empty");
      await expectError(cohortRetention([tx("g", "2024-01-01T00:00:00Z", 1, "refund")], { period: "month", asOf }), "INSUFFICIENT_DATA");
      await expectError(cohortRetention([{ customerId: "a", at: d("2024-05-01T00:00:00Z") }], { period: "month", asOf }), "INVALID_INPUT", "activity[0].at");
      await expectError(cohortRetention([{ customerId: "", at: asOf }], { period: "month", asOf }), "INVALID_INPUT", "activity[0].customerId");
      await expectError(cohortRetention([{ customerId: "a", at: new Date("nope") }], { period: "month", asOf }), "INVALID_INPUT", "activity[0].at");
      await expectError(cohortRetention([null as never], { period: "month", asOf }), "INVALID_INPUT", "activity[0]");
      await expectError(cohortRetention([{ customerId: "a", at: asOf, amount: Number.NaN }], { period: "month", asOf, revenue: true }), "INVALID_INPUT", "amount");
      await expectError(cohortRetention(rows, { period: "decade" as never, asOf }), "INVALID_INPUT", "options.period");
      await expectError(cohortRetention(rows, { period: "month", asOf: new Date(Number.NaN) }), "INVALID_INPUT", "options.asOf");
      await expectError(cohortRetention(rows, null as never), "INVALID_INPUT", "options");
      await expectError(cohortRetention(rows, { period: "month", asOf, definition: "rolling" as never }), "INVALID_INPUT", "options.definition");
      await expectError(cohortRetention(rows, { period: "month", asOf, cohortBy: "signup" as never }), "INVALID_INPUT", "options.cohortBy");
      await expectError(cohortRetention(rows, { period: "month", asOf, cohortBy: () => 42 as never }), "INVALID_INPUT", "options.cohortBy");
      await expectError(cohortRetention(rows, { period: "month", asOf, kinds: [] }), "INVALID_INPUT", "options.kinds");
      await expectError(cohortRetention(rows, { period: "month", asOf, kinds: ["gift" as never] }), "INVALID_INPUT", "options.kinds[0]");
      await expectError(cohortRetention(42 as never, { period: "month", asOf }), "INVALID_INPUT", "activity");
    });
  });
});
