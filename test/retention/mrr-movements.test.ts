import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { mrrMovements, type SubscriptionRecord } from "../../src/retention/index.js";
import { book } from "./subscription-book.js";

const d = (s: string) => new Date(s);
const sub = (customerId: string, amount: number, startedAt: string, extra: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  customerId,
  status: extra.endedAt ? "canceled" : "active",
  mrr: { amount, currency: "USD" },
  startedAt: d(startedAt),
  ...extra,
});

describe("mrrMovements", () => {
  it("classifies each customer's MRR change per month (hand-computed), per currency", async () => {
    const m = await mrrMovements(book, { period: "month", from: d("2024-01-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") });
    expect(m.subscriptions).toBe(9);
    expect(m.currencies.map((c) => c.currency)).toEqual(["EUR", "USD"]);
    const usdPeriods = m.currencies[1]!.periods;
    const pick = usdPeriods.map((p) => [p.key, p.openingMrr, p.new, p.expansion, p.contraction, p.churned, p.reactivation, p.closingMrr]);
    expect(pick).toEqual([
      ["2024-01", 350, 50, 0, 0, 80, 0, 320],
      ["2024-02", 320, 20, 50, 0, 0, 0, 390],
      ["2024-03", 390, 0, 0, 0, 50, 60, 400],
      ["2024-04", 400, 0, 0, 30, 0, 0, 370],
    ]);
    expect(usdPeriods[0]!.grossRevenueRetention).toBeCloseTo(270 / 350, 15);
    expect(usdPeriods[1]!.netRevenueRetention).toBeCloseTo(370 / 320, 15);
    expect(usdPeriods[2]!.netRevenueRetention).toBeCloseTo(340 / 390, 15); // reactivation is not retention
    expect(usdPeriods[3]!.grossRevenueRetention).toBeCloseTo(370 / 400, 15);
    expect(usdPeriods[2]!.netNewMrr).toBe(10);
    expect(usdPeriods[0]!.customers).toEqual({ opening: 4, closing: 4, new: 1, expanded: 0, contracted: 0, churned: 1, reactivated: 0 });
    expect(usdPeriods[2]!.customers).toMatchObject({ churned: 1, reactivated: 1, expanded: 0, contracted: 0 });
    expect(usdPeriods.every((p) => p.complete)).toBe(true);
    expect(usdPeriods[0]!.closingAt.toISOString()).toBe("2024-01-31T23:59:59.999Z");
    const eur = m.currencies[0]!.periods;
    expect(eur.map((p) => [p.openingMrr, p.new, p.closingMrr])).toEqual([
      [0, 10, 10],
      [10, 0, 10],
      [10, 0, 10],
      [10, 0, 10],
    ]);
    expect(eur[0]!.grossRevenueRetention).toBeNull();
  });

  it("reports the current period as partial, closing at asOf", async () => {
    const m = await mrrMovements(book, { from: d("2024-03-01T00:00:00Z"), asOf: d("2024-04-15T12:00:00Z") });
    const p = m.currencies[1]!.periods;
    expect(p.map((x) => [x.key, x.complete, x.contraction])).toEqual([
      ["2024-03", true, 0],
      ["2024-04", false, 30],
    ]);
    expect(p[1]!.closingAt.toISOString()).toBe("2024-04-15T12:00:00.000Z");
  });

  it("reads async iterables (a store's stream)", async () => {
    async function* stream() {
      yield* book;
    }
    const a = await mrrMovements(stream(), { from: d("2024-01-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") });
    const b = await mrrMovements(book, { from: d("2024-01-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") });
    expect(a).toEqual(b);
  });

  it("conserves MRR: closing = opening + new + expansion + reactivation − contraction − churned, and chains periods", async () => {
    const subscription = fc.record({
      c: fc.integer({ min: 0, max: 8 }),
      start: fc.integer({ min: 0, max: 400 }),
      length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      amounts: fc.array(fc.record({ at: fc.integer({ min: 0, max: 400 }), amount: fc.integer({ min: 0, max: 500 }) }), { maxLength: 3 }),
      eur: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(subscription, { minLength: 1, maxLength: 25 }), async (subs) => {
        const day = (n: number) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000);
        const records: SubscriptionRecord[] = subs.map((s) => {
          const currency = s.eur ? "EUR" : "USD";
          const history = [...s.amounts].sort((x, y) => x.at - y.at).map((h) => ({ effectiveAt: day(s.start + h.at), mrr: { amount: h.amount, currency } }));
          return {
            customerId: `c${s.c}`,
            status: "active",
            mrr: history.at(-1)?.mrr ?? { amount: 99, currency },
            startedAt: day(s.start),
            ...(s.length === undefined ? {} : { endedAt: day(s.start + s.length) }),
            mrrHistory: history,
          };
        });
        const m = await mrrMovements(records, { period: "month", from: day(30), asOf: day(700) });
        for (const report of m.currencies) {
          report.periods.forEach((p, i) => {
            expect(p.closingMrr).toBeCloseTo(p.openingMrr + p.new + p.expansion + p.reactivation - p.contraction - p.churned, 6);
            if (i > 0) expect(p.openingMrr).toBeCloseTo(report.periods[i - 1]!.closingMrr, 9);
            if (p.grossRevenueRetention !== null) {
              expect(p.grossRevenueRetention).toBeGreaterThanOrEqual(-1e-12);
              expect(p.grossRevenueRetention).toBeLessThanOrEqual(1 + 1e-12);
              expect(p.netRevenueRetention!).toBeGreaterThanOrEqual(p.grossRevenueRetention - 1e-12);
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("rejects bad input", async () => {
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => mrrMovements([], { from: d("2024-01-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") }), "INSUFFICIENT_DATA", "no subscriptions"],
      [() => mrrMovements(book, { from: d("2024-06-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") }), "INVALID_INPUT", "options.from"],
      [() => mrrMovements(book, { from: d("2024-01-01T00:00:00Z"), asOf: d("nope") }), "INVALID_INPUT", "options.asOf"],
      [() => mrrMovements(book, { period: "hour" as never, from: d("2024-01-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") }), "INVALID_INPUT", "options.period"],
      [
        () => mrrMovements([sub("X", 5, "2024-02-01T00:00:00Z", { endedAt: d("2024-01-01T00:00:00Z") })], { from: d("2024-01-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") }),
        "INVALID_INPUT",
        "subscriptions[0].endedAt",
      ],
      [() => mrrMovements(7 as never, { from: d("2024-01-01T00:00:00Z"), asOf: d("2024-05-01T00:00:00Z") }), "INVALID_INPUT", "subscriptions"],
      [() => mrrMovements(book, null as never), "INVALID_INPUT", "options"],
    ];
    for (const [fn, code, text] of cases) {
      await expect(fn()).rejects.toSatisfy((e: unknown) => isCrmkitError(e, code as never) && (e as Error).message.includes(text));
    }
  });
});
