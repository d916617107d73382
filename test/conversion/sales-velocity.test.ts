import { describe, expect, it } from "vitest";
import { salesVelocity, salesVelocityFromDeals, type ConversionDeal } from "../../src/conversion/index.js";
import { day, eur, expectCrmkitError } from "../support/conversion-fixtures.js";

describe("salesVelocity", () => {
  it("reproduces published worked examples", () => {
    // https://winsabove.pages.dev/glossary/sales-velocity: 18 × $42,000 × 0.24 / 78 = $2,326 per day.
    expect(salesVelocity({ opportunities: 18, winRate: 0.24, averageDealSize: 42_000, cycleLength: 78 }).perDay).toBeCloseTo(181_440 / 78, 9);
    expect(Math.round(salesVelocity({ opportunities: 18, winRate: 0.24, averageDealSize: 42_000, cycleLength: 78 }).perDay)).toBe(2326);
    // https://optif.ai/learn/questions/sales-velocity-definition-calculation: 50 × $50,000 × 25% / 45 = $13,889 per day.
    expect(Math.round(salesVelocity({ opportunities: 50, winRate: 0.25, averageDealSize: 50_000, cycleLength: 45 }).perDay)).toBe(13_889);
  });

  it("carries the currency of a Money deal size", () => {
    expect(salesVelocity({ opportunities: 10, winRate: 0.5, averageDealSize: eur(1_000), cycleLength: 10 })).toEqual({ perDay: 500, currency: "EUR" });
  });

  it("bad input", () => {
    expectCrmkitError(() => salesVelocity({ opportunities: 10, winRate: 1.5, averageDealSize: 1, cycleLength: 10 }), "INVALID_INPUT", /winRate/);
    expectCrmkitError(() => salesVelocity({ opportunities: 10, winRate: 0.5, averageDealSize: 1, cycleLength: 0 }), "INVALID_INPUT", /cycleLength/);
    expectCrmkitError(() => salesVelocity({ opportunities: -1, winRate: 0.5, averageDealSize: 1, cycleLength: 3 }), "INVALID_INPUT", /opportunities/);
    expectCrmkitError(() => salesVelocity({ opportunities: 1, winRate: 0.5, averageDealSize: Number.NaN, cycleLength: 3 }), "INVALID_INPUT", /averageDealSize/);
  });
});

describe("salesVelocityFromDeals", () => {
  const deals: ConversionDeal[] = [
    { id: "a", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-01-31"), amount: eur(10_000) },
    { id: "b", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-02-20"), amount: eur(20_000) },
    { id: "c", status: "lost", createdAt: day("2024-01-01"), closedAt: day("2024-02-15"), amount: eur(5_000) },
    { id: "d", status: "open", createdAt: day("2024-02-01"), amount: eur(8_000) },
    { id: "e", status: "open", createdAt: day("2024-02-03") },
    { id: "f", status: "open", createdAt: day("2024-02-05") },
  ];

  it("measures the levers: 3 open × 2/3 × 15,000 / 40 days", () => {
    const r = salesVelocityFromDeals(deals, { asOf: day("2024-03-01") });
    expect(r).toMatchObject({ opportunities: 3, won: 2, lost: 1, cycleLength: 40, currency: "EUR" });
    expect(r.winRate).toBeCloseTo(2 / 3, 15);
    expect(r.averageDealSize).toEqual(eur(15_000));
    expect(r.perDay).toBeCloseTo((3 * (2 / 3) * 15_000) / 40, 9);
  });

  it("as of an earlier date, deals closing later are open opportunities", () => {
    const r = salesVelocityFromDeals(deals, { asOf: day("2024-02-16") });
    expect(r).toMatchObject({ opportunities: 4, won: 1, lost: 1 }); // b still open; e, f created; d open
  });

  it("never averages across currencies", () => {
    const mixed = [...deals, { id: "g", status: "won" as const, createdAt: day("2024-01-01"), closedAt: day("2024-01-21"), amount: { amount: 9_000, currency: "USD" } }];
    expectCrmkitError(() => salesVelocityFromDeals(mixed, { asOf: day("2024-03-01") }), "CURRENCY_MISMATCH", /EUR.*USD/);
    const eurOnly = salesVelocityFromDeals(mixed, { asOf: day("2024-03-01"), currency: "EUR" });
    expect(eurOnly.averageDealSize).toEqual(eur(15_000));
  });

  it("bad input", () => {
    expectCrmkitError(() => salesVelocityFromDeals([deals[2]!, deals[3]!], { asOf: day("2024-03-01") }), "INSUFFICIENT_DATA", /no won deals/);
    expectCrmkitError(() => salesVelocityFromDeals(deals, { asOf: day("2024-03-01"), lookbackDays: 0 }), "INVALID_INPUT", /lookbackDays/);
    expectCrmkitError(() => salesVelocityFromDeals(deals, { asOf: day("2024-03-01"), currency: "euro" }), "INVALID_INPUT", /currency/);
    expectCrmkitError(() => salesVelocityFromDeals([{ id: "x", status: "won", createdAt: day("2024-03-01"), closedAt: day("2024-01-01") }], { asOf: day("2024-03-01") }), "INVALID_INPUT", /closedAt/);
  });
});
