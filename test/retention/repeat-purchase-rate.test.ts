import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { repeatPurchaseRate } from "../../src/retention/index.js";

const d = (s: string) => new Date(s);
const rows = [
  { customerId: "a", at: d("2024-01-01T10:00:00Z") },
  { customerId: "a", at: d("2024-01-01T18:00:00Z") }, // same day as a's first
  { customerId: "b", at: d("2024-01-02T00:00:00Z") },
  { customerId: "b", at: d("2024-03-01T00:00:00Z") }, // 59 days later
  { customerId: "c", at: d("2024-01-10T00:00:00Z") },
  { customerId: "c", at: d("2024-01-20T00:00:00Z") }, // 10 days later
  { customerId: "e", at: d("2024-05-20T00:00:00Z") },
  { customerId: "e", at: d("2024-05-21T00:00:00Z") }, // recent customer
];
const asOf = d("2024-06-01T00:00:00Z");

describe("repeatPurchaseRate", () => {
  it("counts customers with a second purchase occasion, same-day orders merged (hand-computed)", async () => {
    const r = await repeatPurchaseRate(rows, { asOf });
    expect(r).toMatchObject({ customers: 4, repeatCustomers: 3, rate: 0.75, excludedCustomers: 0, level: 0.95 });
    // Wilson 95% interval for 3/4, from its closed form.
    const z = 1.959963984540054;
    const n = 4;
    const p = 0.75;
    const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
    const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
    expect(r.low).toBeCloseTo(centre - half, 6);
    expect(r.high).toBeCloseTo(centre + half, 6);
    const byInstant = await repeatPurchaseRate(rows, { asOf, occasion: "instant" });
    expect(byInstant.repeatCustomers).toBe(4);
  });

  it("with a window, counts repeats within N days among customers whose window has elapsed", async () => {
    const r = await repeatPurchaseRate(rows, { asOf, withinDays: 30 });
    // e's 30 days have not elapsed; of a, b, c only c repeated within 30 days.
    expect(r).toMatchObject({ customers: 3, repeatCustomers: 1, excludedCustomers: 1 });
    const wide = await repeatPurchaseRate(rows, { asOf, withinDays: 60 });
    expect(wide).toMatchObject({ customers: 3, repeatCustomers: 2 });
  });

  it("matches a brute-force count and keeps the rate inside its interval", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ c: fc.integer({ min: 0, max: 15 }), hour: fc.integer({ min: 0, max: 2000 }) }), { minLength: 1, maxLength: 100 }), async (acts) => {
        const input = acts.map((a) => ({ customerId: `c${a.c}`, at: new Date(Date.UTC(2024, 0, 1) + a.hour * 3_600_000) }));
        const r = await repeatPurchaseRate(input, { asOf: d("2025-01-01T00:00:00Z") });
        const days = new Map<string, Set<number>>();
        for (const x of input) days.set(x.customerId, (days.get(x.customerId) ?? new Set()).add(Math.floor(x.at.getTime() / 86_400_000)));
        expect(r.customers).toBe(days.size);
        expect(r.repeatCustomers).toBe([...days.values()].filter((s) => s.size >= 2).length);
        expect(r.low).toBeLessThanOrEqual(r.rate + 1e-12);
        expect(r.high).toBeGreaterThanOrEqual(r.rate - 1e-12);
      }),
      { numRuns: 100 },
    );
  });

  it("rejects bad input", async () => {
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => repeatPurchaseRate([], { asOf }), "INSUFFICIENT_DATA", "empty"],
      [() => repeatPurchaseRate(rows, { asOf, withinDays: 365 }), "INSUFFICIENT_DATA", "window"],
      [() => repeatPurchaseRate(rows, { asOf, withinDays: -1 }), "INVALID_INPUT", "options.withinDays"],
      [() => repeatPurchaseRate(rows, { asOf, occasion: "week" as never }), "INVALID_INPUT", "options.occasion"],
      [() => repeatPurchaseRate(rows, { asOf, level: 2 }), "INVALID_INPUT", "options.level"],
      [() => repeatPurchaseRate(rows, { asOf: d("2024-01-05T00:00:00Z") }), "INVALID_INPUT", "activity[3].at"],
    ];
    for (const [fn, code, text] of cases) {
      await expect(fn()).rejects.toSatisfy((e: unknown) => isCrmkitError(e, code as never) && (e as Error).message.includes(text));
    }
  });
});
