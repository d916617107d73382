import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/crmkit-error.js";
import { rfmScores } from "../../src/segmentation/rfm-scores.js";
import { rfmSegments } from "../../src/segmentation/rfm-segments.js";
import { segmentCustomers } from "../../src/segmentation/segment-customers.js";
import { summarizeSegments } from "../../src/segmentation/segment-summary.js";
import { valueTiers } from "../../src/segmentation/value-tiers.js";
import { customer } from "./support/customers.js";

const asOf = new Date("2024-06-01T00:00:00Z");
const scores = rfmScores(
  [
    { customerId: "a", at: "2024-05-30", amount: 500, currency: "EUR" },
    { customerId: "a", at: "2024-04-01", amount: 200 },
    { customerId: "b", at: "2023-06-01", amount: 20 },
    { customerId: "c", at: "2024-05-15", amount: 100 },
    { customerId: "c", at: "2024-05-20", amount: 60 },
    { customerId: "c", at: "2024-05-25", amount: 40 },
    { customerId: "d", at: "2024-01-01", amount: 80 },
  ],
  { asOf },
);

describe("summarizeSegments", () => {
  it("summarises overlapping rule-based segments (hand-computed)", () => {
    const membership = segmentCustomers(
      [
        { id: "big", name: "Big spenders", where: { field: "metrics.revenue", op: "gte", value: 100 } },
        { id: "everyone", where: { field: "id", op: "exists" } },
      ],
      ["a", "b", "c", "d", "e"].map((id) => customer({ id })),
      { metrics: { revenue: new Map(scores.customerIds.map((id, i) => [id, scores.revenue[i]!])) } },
    );
    const t = summarizeSegments(membership, scores);
    expect(t).toMatchObject({ currency: "EUR", partition: false, customers: 5, revenue: 1000, orders: 7 });
    expect(t.rows[0]).toEqual({
      segment: "Big spenders",
      customers: 2,
      customerShare: 0.4,
      customersWithPurchases: 2,
      revenue: 900,
      revenueShare: 0.9,
      orders: 5,
      averageOrderValue: 180,
      revenuePerCustomer: 450,
      meanRecencyDays: 4.5, // a: 2 days, c: 7 days
      medianRecencyDays: 4.5,
    });
    // recency: a 2, b 366 (2023-06-01 to 2024-06-01 spans 29 February), c 7, d 152; e never bought
    expect(t.rows[1]).toEqual({
      segment: "everyone",
      customers: 5,
      customerShare: 1,
      customersWithPurchases: 4,
      revenue: 1000,
      revenueShare: 1,
      orders: 7,
      averageOrderValue: 1000 / 7,
      revenuePerCustomer: 200,
      meanRecencyDays: (2 + 366 + 7 + 152) / 4,
      medianRecencyDays: (7 + 152) / 2,
    });
  });

  it("takes the scores carried by RFM segments and value tiers; reports empty segments without NaN", () => {
    const t = summarizeSegments(rfmSegments(scores));
    expect(t.partition).toBe(true);
    expect(t.rows).toHaveLength(11);
    const empty = t.rows.find((r) => r.customers === 0)!;
    expect(empty).toMatchObject({ customerShare: 0, revenue: 0, averageOrderValue: undefined, revenuePerCustomer: undefined, meanRecencyDays: undefined, medianRecencyDays: undefined });
    expect(JSON.stringify(t)).not.toContain("NaN");
    const tiers = summarizeSegments(valueTiers(scores, { tiers: { method: "share-of-value", shares: [0.7] } }));
    expect(tiers.rows.map((r) => [r.segment, r.customers, r.revenue])).toEqual([
      ["A", 1, 700],
      ["B", 3, 300],
    ]);
  });

  it("sums to the whole for partitions: customer and revenue shares add up to 1", () => {
    const row = fc.record({
      customerId: fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `c${i}`)),
      at: fc.integer({ min: asOf.getTime() - 400 * 86_400_000, max: asOf.getTime() }),
      amount: fc.double({ min: 0.01, max: 500, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 120 }), (rows) => {
        fc.pre(new Set(rows.map((r) => r.customerId)).size >= 2);
        const s = rfmScores(rows, { asOf });
        for (const groups of [rfmSegments(s), valueTiers(s)]) {
          const t = summarizeSegments(groups);
          expect(t.rows.reduce((a, r) => a + r.customers, 0)).toBe(s.size);
          expect(t.rows.reduce((a, r) => a + r.customerShare, 0)).toBeCloseTo(1, 12);
          expect(t.rows.reduce((a, r) => a + (r.revenueShare ?? 0), 0)).toBeCloseTo(1, 9);
          expect(t.rows.reduce((a, r) => a + r.orders, 0)).toBe(rows.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("rejects groups without scores to take revenue from, and non-groups", () => {
    const membership = segmentCustomers([{ id: "x", where: { field: "id", op: "exists" } }], [customer({ id: "a" })]);
    const message = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (isCrmkitError(e, "INVALID_INPUT")) return e.message;
        throw e;
      }
      return "no error";
    };
    expect(message(() => summarizeSegments(membership))).toContain("scores: expected an RfmScoreTable");
    expect(message(() => summarizeSegments({} as never, scores))).toContain("groups: expected customer groups");
  });
});
