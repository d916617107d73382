import { describe, expect, it } from "vitest";
import { conversionBySource, holmAdjust, type ConversionDeal, type ConversionLead } from "../../src/conversion/index.js";
import { addDays, day, eur, expectCrmkitError } from "../support/conversion-fixtures.js";

const created = day("2024-01-01");
const asOf = day("2024-06-01");
let seq = 0;
const deals = (source: string | undefined, status: "won" | "lost" | "open", count: number, amount = 1_000, cycle = 30): ConversionDeal[] =>
  Array.from({ length: count }, () => ({
    id: `d${seq++}`,
    status,
    source,
    createdAt: created,
    ...(status === "open" ? {} : { closedAt: addDays(created, cycle) }),
    amount: eur(amount),
  }));

const data: ConversionDeal[] = [
  ...deals("referral", "won", 12, 2_000, 20),
  ...deals("referral", "lost", 8),
  ...deals("referral", "open", 10),
  ...deals("website", "won", 15, 1_000, 40),
  ...deals("website", "lost", 45),
  ...deals("website", "open", 5),
  ...deals("event", "won", 1, 3_000, 10),
  ...deals("event", "lost", 3),
  ...deals(undefined, "won", 2, 500, 60),
];

describe("conversionBySource", () => {
  it("deal-source report: volume, win rate, revenue, deal size and cycle per source", () => {
    const r = conversionBySource(data, { asOf });
    expect(r).toMatchObject({ kind: "deals", denominator: "closed", volume: 101, conversions: 30, trials: 86 });
    expect(r.sources.map((s) => s.source)).toEqual(["website", "referral", "event", null]);
    const referral = r.sources.find((s) => s.source === "referral")!;
    expect(referral).toMatchObject({ volume: 30, conversions: 12, trials: 20, open: 10 });
    expect(referral.rate!.rate).toBe(0.6);
    expect(referral.wonRevenue).toEqual([eur(24_000)]);
    expect(referral.averageDealSize).toEqual([eur(2_000)]);
    expect(referral.cycle).toMatchObject({ count: 12, medianDays: 20 });
  });

  it("tests each source against the rest (pooled z; independently: scipy on 12/20 vs 18/66)", () => {
    const r = conversionBySource(data, { asOf });
    const referral = r.sources.find((s) => s.source === "referral")!;
    expect(referral.vsRest!.b).toMatchObject({ conversions: 18, total: 66 });
    expect(referral.vsRest!.test).toBe("z");
    expect(referral.vsRest!.zTest.z).toBeCloseTo(2.6902421075811365, 10);
    expect(referral.vsRest!.pValue).toBeCloseTo(0.007140019779829123, 10);
    expect(referral.vsRest!.relativeLift!.estimate).toBeCloseTo(0.6 / (18 / 66) - 1, 12);
    const website = r.sources.find((s) => s.source === "website")!;
    expect(website.vsRest!.zTest.z).toBeCloseTo(-2.9214769334238238, 10);
    // Small groups get Fisher's exact test; p-values are Holm-adjusted across the sources tested.
    expect(r.sources.find((s) => s.source === "event")!.vsRest!.test).toBe("fisher-exact");
    const raw = r.sources.map((s) => s.vsRest!.pValue);
    expect(r.sources.map((s) => s.adjustedPValue)).toEqual(holmAdjust(raw));
  });

  it("the all-deals denominator and as-of semantics", () => {
    const all = conversionBySource(data, { asOf, denominator: "all" });
    expect(all.sources.find((s) => s.source === "referral")!.rate!.rate).toBe(12 / 30);
    const early = conversionBySource(data, { asOf: addDays(created, 25) });
    // Only the deals closing within 25 days are closed: referral wins (20 days) and the event win (10 days).
    expect(early.sources.find((s) => s.source === "referral")).toMatchObject({ conversions: 12, trials: 12, open: 18 });
    expect(early.sources.find((s) => s.source === "website")).toMatchObject({ trials: 0, rate: null, vsRest: null, adjustedPValue: null });
  });

  it("a creation window", () => {
    const late: ConversionDeal = { id: "late", status: "won", source: "referral", createdAt: addDays(created, 40), closedAt: addDays(created, 50), amount: eur(1) };
    const r = conversionBySource([...data, late], { asOf, window: { from: addDays(created, 30) } });
    expect(r.volume).toBe(1);
    expect(conversionBySource([...data, late], { asOf, window: { before: addDays(created, 30) } }).volume).toBe(101);
  });

  it("keeps currencies apart", () => {
    const usd: ConversionDeal = { id: "u", status: "won", source: "referral", createdAt: created, closedAt: addDays(created, 5), amount: { amount: 700, currency: "USD" } };
    const r = conversionBySource([...data, usd], { asOf });
    expect(r.sources.find((s) => s.source === "referral")!.wonRevenue).toEqual([eur(24_000), { amount: 700, currency: "USD" }]);
  });

  it("leads: conversion over all leads by default; a fixed window censors young leads", () => {
    const lead = (id: string, source: string, createdAt: Date, convertedAfter?: number): ConversionLead =>
      convertedAfter === undefined
        ? { id, source, status: "new", createdAt }
        : { id, source, status: "converted", createdAt, convertedAt: addDays(createdAt, convertedAfter) };
    const leads = [
      lead("1", "referral", created, 5),
      lead("2", "referral", created, 50),
      lead("3", "referral", created),
      lead("4", "website", created),
      lead("5", "website", addDays(asOf, -10)),
      lead("6", "website", created, 10),
    ];
    const r = conversionBySource(leads, { asOf });
    expect(r).toMatchObject({ kind: "leads", denominator: "all", within: null });
    expect(r.sources.find((s) => s.source === "referral")).toMatchObject({ conversions: 2, trials: 3, wonRevenue: null, averageDealSize: null });
    const w = conversionBySource(leads, { asOf, within: 30 });
    expect(w.sources.find((s) => s.source === "referral")).toMatchObject({ conversions: 1, trials: 3 });
    expect(w.sources.find((s) => s.source === "website")).toMatchObject({ conversions: 1, trials: 2, volume: 3 });
  });

  it("accepts a stream", async () => {
    async function* stream() {
      yield* data;
    }
    expect((await conversionBySource(stream(), { asOf })).trials).toBe(86);
  });

  describe("bad input", () => {
    it("mixed leads and deals", () => {
      const lead: ConversionLead = { id: "l", source: "web", status: "new", createdAt: created };
      expectCrmkitError(() => conversionBySource([...data.slice(0, 2), lead as unknown as ConversionDeal], { asOf }), "INVALID_INPUT", /all deals or all leads/);
    });
    it("deal closed before created, no records, bad options", () => {
      expectCrmkitError(() => conversionBySource([{ id: "x", status: "won", createdAt: created, closedAt: addDays(created, -1) }], { asOf }), "INVALID_INPUT", /closedAt/);
      expectCrmkitError(() => conversionBySource([], { asOf }), "INSUFFICIENT_DATA");
      expectCrmkitError(() => conversionBySource(data, { asOf, within: 30 }), "INVALID_INPUT", /within/);
      expectCrmkitError(() => conversionBySource(data, { asOf, denominator: "open" as "all" }), "INVALID_INPUT", /denominator/);
      expectCrmkitError(() => conversionBySource(data, {} as { asOf: Date }), "INVALID_INPUT", /asOf/);
      expectCrmkitError(() => conversionBySource(data, { asOf, window: { from: "2024-01-01" as unknown as Date } }), "INVALID_INPUT", /options\.window\.from/);
    });
  });
});
