import { describe, expect, it } from "vitest";
import { summarizeTransactions, summaryFromAggregates, type CustomerAggregate } from "../../src/clv/index.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { hasSharedData } from "../support/shared-data.js";
import { readCdnowTransactions } from "../support/cdnow.js";

const d = (s: string): Date => new Date(`${s}T00:00:00Z`);
const opts = { observationEnd: d("1997-09-30"), unit: "week" as const };

describe("summaryFromAggregates", () => {
  it("computes x, t_x, T and the mean repeat spend", async () => {
    const s = await summaryFromAggregates(
      [
        { customerId: "0001", firstPurchaseAt: d("1997-01-01"), lastPurchaseAt: d("1997-08-02"), purchasePeriods: 3, repeatSpend: 44.69 },
        { customerId: "0003", firstPurchaseAt: "1997-01-01T00:00:00Z", lastPurchaseAt: "1997-01-01T00:00:00Z", purchasePeriods: 1 },
      ],
      opts,
    );
    expect(Array.from(s.frequency)).toEqual([2, 0]);
    expect(s.recency[0]).toBeCloseTo(213 / 7, 12);
    expect(s.T[1]).toBeCloseTo(272 / 7, 12);
    expect(s.monetaryValue[0]).toBeCloseTo(22.345, 12);
    expect(s.stats).toBeUndefined();
  });

  it("rejects inconsistent aggregates", async () => {
    const base: CustomerAggregate = { customerId: "a", firstPurchaseAt: d("1997-01-01"), lastPurchaseAt: d("1997-01-10"), purchasePeriods: 2, repeatSpend: 5 };
    await expect(summaryFromAggregates([{ ...base, lastPurchaseAt: d("1996-12-01") }], opts)).rejects.toThrow(/lastPurchaseAt.*>= firstPurchaseAt/);
    await expect(summaryFromAggregates([{ ...base, lastPurchaseAt: d("1997-12-01") }], opts)).rejects.toThrow(/lastPurchaseAt.*observationEnd/);
    await expect(summaryFromAggregates([{ ...base, purchasePeriods: 11 }], opts)).rejects.toThrow(/purchasePeriods.*\[2, 10\]/);
    await expect(summaryFromAggregates([{ ...base, purchasePeriods: 1, repeatSpend: 0 }], opts)).rejects.toThrow(/purchasePeriods/);
    await expect(summaryFromAggregates([{ ...base, purchasePeriods: 0 }], opts)).rejects.toThrow(/purchasePeriods.*>= 1/);
    await expect(summaryFromAggregates([{ ...base, firstPurchaseAt: "yesterday" }], opts)).rejects.toThrow(/firstPurchaseAt/);
    await expect(summaryFromAggregates([{ ...base, repeatSpend: Number.POSITIVE_INFINITY }], opts)).rejects.toThrow(/repeatSpend/);
    const dup = await summaryFromAggregates([base, base], opts).catch((e: unknown) => e);
    expect(isCrmkitError(dup, "CONFLICT")).toBe(true);
  });
});

describe.skipIf(!hasSharedData("CDNOW_sample.txt"))("both paths", () => {
  it("give identical summaries on CDNOW (aggregates computed independently, as a database would)", async () => {
    const log = readCdnowTransactions("CDNOW_sample.txt").filter((r) => r.at <= opts.observationEnd);
    // GROUP BY customer: first/last instant, distinct days, spend of days after the first day
    const by = new Map<string, { first: number; last: number; days: Map<number, number> }>();
    for (const r of log) {
      const t = r.at.getTime();
      const day = Math.floor(t / 86_400_000);
      const g = by.get(r.customerId) ?? { first: t, last: t, days: new Map<number, number>() };
      g.first = Math.min(g.first, t);
      g.last = Math.max(g.last, t);
      g.days.set(day, (g.days.get(day) ?? 0) + r.amount);
      by.set(r.customerId, g);
    }
    const aggregates: CustomerAggregate[] = [...by].map(([id, g]) => {
      const firstDay = Math.floor(g.first / 86_400_000);
      let repeat = 0;
      for (const [day, spend] of g.days) if (day !== firstDay) repeat += spend;
      return { customerId: id, firstPurchaseAt: new Date(g.first), lastPurchaseAt: new Date(g.last), purchasePeriods: g.days.size, repeatSpend: repeat };
    });
    const a = await summaryFromAggregates(aggregates, opts);
    const t = await summarizeTransactions(log, opts);
    expect(a.customerIds).toEqual(t.customerIds);
    expect(a.frequency).toEqual(t.frequency);
    expect(a.recency).toEqual(t.recency);
    expect(a.T).toEqual(t.T);
    for (let i = 0; i < a.monetaryValue.length; i++) expect(a.monetaryValue[i]).toBeCloseTo(t.monetaryValue[i]!, 10);
  });
});
