import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { kaplanMeier, timeBetweenPurchases } from "../../src/retention/index.js";

const d = (s: string) => new Date(s);
const rows = [
  { customerId: "a", at: d("2024-01-31T00:00:00Z") },
  { customerId: "a", at: d("2024-01-01T00:00:00Z") }, // out of order
  { customerId: "a", at: d("2024-01-11T09:00:00Z") },
  { customerId: "a", at: d("2024-01-11T18:00:00Z") }, // same day
  { customerId: "b", at: d("2024-01-05T00:00:00Z") },
  { customerId: "c", at: d("2024-01-02T00:00:00Z") },
  { customerId: "c", at: d("2024-01-06T00:00:00Z") },
];
const asOf = d("2024-02-10T00:00:00Z");

describe("timeBetweenPurchases", () => {
  it("lists the gaps between consecutive purchase days, by transition, and the open gaps (hand-computed)", async () => {
    const t = await timeBetweenPurchases(rows, { asOf, probabilities: [0.5] });
    // a: Jan 1 → Jan 11 → Jan 31 (10, 20); c: Jan 2 → Jan 6 (4).
    expect(Array.from(t.gaps)).toEqual([4, 10, 20]);
    expect(Array.from(t.openGaps)).toEqual([10, 36, 35]);
    expect(t.customers).toBe(3);
    expect(t.repeatCustomers).toBe(2);
    expect(t.overall).toEqual({ count: 3, mean: 34 / 3, quantiles: [{ p: 0.5, days: 10 }] });
    expect(t.byTransition[0]).toEqual({ from: 1, to: 2, count: 2, mean: 7, quantiles: [{ p: 0.5, days: 7 }] });
    expect(t.byTransition[1]).toEqual({ from: 2, to: 3, count: 1, mean: 20, quantiles: [{ p: 0.5, days: 20 }] });
    expect(t.byTransition[2]).toEqual({ from: 3, to: 4, count: 0, mean: null, quantiles: [] });
  });

  it("measures exact instants when asked", async () => {
    const t = await timeBetweenPurchases(rows, { asOf, occasion: "instant", transitions: 0 });
    expect(Array.from(t.gaps)).toEqual([0.375, 4, 10.375, 19.25]);
    expect(t.byTransition).toEqual([]);
  });

  it("feeds a censoring-aware time-to-next-purchase curve", async () => {
    const t = await timeBetweenPurchases(rows, { asOf });
    const km = kaplanMeier([...t.gaps, ...t.openGaps], [...Array.from(t.gaps, () => 1), ...Array.from(t.openGaps, () => 0)]);
    // Gaps 4, 10, 20 observed; 10, 36, 35 censored: S(4) = 5/6, S(10) = 5/6 · 4/5, S(20) = 2/3 · 2/3.
    expect(km.survivalAt(25)).toBeCloseTo((5 / 6) * (4 / 5) * (2 / 3), 14);
  });

  it("rejects bad input", async () => {
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => timeBetweenPurchases([], { asOf }), "INSUFFICIENT_DATA", "empty"],
      [() => timeBetweenPurchases(rows, { asOf, probabilities: [1.5] }), "INVALID_INPUT", "options.probabilities[0]"],
      [() => timeBetweenPurchases(rows, { asOf, transitions: -1 }), "INVALID_INPUT", "options.transitions"],
      [() => timeBetweenPurchases(rows, { asOf, occasion: "month" as never }), "INVALID_INPUT", "options.occasion"],
      [() => timeBetweenPurchases(rows, { asOf: d("2024-01-20T00:00:00Z") }), "INVALID_INPUT", "activity[0].at"],
    ];
    for (const [fn, code, text] of cases) {
      await expect(fn()).rejects.toSatisfy((e: unknown) => isCrmkitError(e, code as never) && (e as Error).message.includes(text));
    }
  });
});
