import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CustomerPeriodCollector } from "../../src/retention/customer-periods.js";

const DAY = 86_400_000;
const row = fc.record({ c: fc.integer({ min: 0, max: 40 }), day: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 0, max: 100 }) });

describe("CustomerPeriodCollector", () => {
  it("collapses rows into the distinct (customer, period) pairs with summed amounts, in any input order", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 3000 }), fc.boolean(), (rows, sorted) => {
        if (sorted) rows.sort((a, b) => a.day - b.day);
        const collector = new CustomerPeriodCollector("month", true, 64);
        const expected = new Map<string, { amount: number; rows: number }>();
        const distinctSoFar = new Set<string>();
        for (const r of rows) {
          const ms = r.day * DAY;
          collector.add(`cust-${r.c}`, ms, r.amount);
          const d = new Date(ms);
          const key = `cust-${r.c}|${(d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth()}`;
          const e = expected.get(key) ?? { amount: 0, rows: 0 };
          e.amount += r.amount;
          e.rows++;
          expected.set(key, e);
          distinctSoFar.add(key);
          // Memory bound: the buffer never holds more than about twice the distinct pairs (or the compaction floor).
          expect(collector.buffered).toBeLessThanOrEqual(Math.max(2 * distinctSoFar.size, 64) + 1);
        }
        const out = collector.finish();
        expect(out.pairs).toBe(expected.size);
        const seen = new Map<string, number>();
        for (let i = 0; i < out.pairs; i++) {
          const id = out.ids[out.pairCustomer[i]!]!;
          const key = `${id}|${out.pairKey[i]}`;
          expect(expected.get(key)).toEqual({ amount: out.pairAmount[i], rows: out.pairRows[i] });
          // Each customer's pairs arrive in increasing key order.
          const prev = seen.get(id);
          if (prev !== undefined) expect(out.pairKey[i]!).toBeGreaterThan(prev);
          seen.set(id, out.pairKey[i]!);
        }
        // First/last keys and instants per customer.
        for (let c = 0; c < out.customers; c++) {
          const mine = rows.filter((r) => `cust-${r.c}` === out.ids[c]);
          expect(out.firstMs[c]).toBe(Math.min(...mine.map((r) => r.day * DAY)));
          expect(out.lastMs[c]).toBe(Math.max(...mine.map((r) => r.day * DAY)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps only first/last instants when pairs are not tracked", () => {
    const c = new CustomerPeriodCollector("instant", false);
    c.add("a", 5, 0);
    c.add("a", 1, 0);
    c.add("a", 9, 0);
    const out = c.finish();
    expect(out.pairs).toBe(0);
    expect([out.firstMs[0], out.lastMs[0]]).toEqual([1, 9]);
  });
});
