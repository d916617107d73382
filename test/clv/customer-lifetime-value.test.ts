import { describe, expect, it } from "vitest";
import { averageOrderValueClv, BgNbdModel, customerLifetimeValue, fitBgNbd, fitGammaGamma, GammaGammaModel, historicClv, marginMultipleClv } from "../../src/clv/index.js";
import { hasSharedData } from "../support/shared-data.js";
import { readCdnowSummary } from "../support/cdnow.js";

// lifetimes tests/test_utils.py::test_customer_lifetime_value_with_known_values (also in pymc-marketing):
// BG/NBD parameters fitted by lifetimes on its example data (days), five customers, predict(30 days)
const BG = BgNbdModel.fromParams({ r: 0.16385072, alpha: 1.86428187, a: 1.85034151, b: 3.18105431 }, { unit: "day" });
const FIVE = { frequency: [0, 0, 6, 0, 2], recency: [0, 0, 142, 0, 9], T: [298, 224, 292, 147, 183] };
const EXPECTED = [0.016053, 0.021171, 0.030461, 0.031686, 0.001607];

describe("customerLifetimeValue", () => {
  it("reproduces lifetimes' known values (30-day months)", () => {
    const base = { transactionModel: BG, summary: FIVE, spend: [1, 1, 1, 1, 1], unitsPerPeriod: 30 };
    const d0 = customerLifetimeValue({ ...base, horizon: 1, discountRate: 0 });
    EXPECTED.forEach((v, i) => expect(d0[i]).toBeCloseTo(v, 5));
    const d1 = customerLifetimeValue({ ...base, horizon: 1, discountRate: 1 });
    EXPECTED.forEach((v, i) => expect(d1[i]).toBeCloseTo(v / 2, 5));
    const t2 = customerLifetimeValue({ ...base, horizon: 2, discountRate: 0 });
    EXPECTED.forEach((v, i) => expect(Math.abs(t2[i]! / (2 * v) - 1)).toBeLessThan(0.1));
    const t2d1 = customerLifetimeValue({ ...base, horizon: 2, discountRate: 1 });
    EXPECTED.forEach((v, i) => expect(Math.abs(t2d1[i]! / (v / 2 + v / 4) - 1)).toBeLessThan(0.1));
  });

  it("derives the period length from the units: a month is 30.4375 days or 4.348 weeks", () => {
    const daily = customerLifetimeValue({ transactionModel: BG, summary: FIVE, spend: [1, 1, 1, 1, 1], horizon: 1, discountRate: 0 });
    const explicit = BG.conditionalExpectedPurchases(30.4375, FIVE);
    daily.forEach((v, i) => expect(v).toBeCloseTo(explicit[i]!, 14));
  });

  it("refuses a summary in another unit than the model (weeks read as days)", () => {
    expect(() => customerLifetimeValue({ transactionModel: BG, summary: { ...FIVE, unit: "week" }, spend: [1, 1, 1, 1, 1], horizon: 12, discountRate: 0.01 })).toThrow(/unit.*"day"/);
    const unknown = BgNbdModel.fromParams({ r: 1, alpha: 1, a: 1, b: 1 });
    expect(() => customerLifetimeValue({ transactionModel: unknown, summary: FIVE, spend: [1, 1, 1, 1, 1], horizon: 12, discountRate: 0.01 })).toThrow(/known time unit/);
  });

  it("uses the Gamma-Gamma expected spend", () => {
    const gg = GammaGammaModel.fromParams({ p: 6.25, q: 3.74, gamma: 15.44 });
    const summary = { ...FIVE, monetaryValue: [0, 0, 20, 0, 12] };
    const withModel = customerLifetimeValue({ transactionModel: BG, spendModel: gg, summary, horizon: 6, discountRate: 0.01, margin: 0.2 });
    const spend = gg.conditionalExpectedSpend(summary);
    const withSpend = customerLifetimeValue({ transactionModel: BG, spend, summary, horizon: 6, discountRate: 0.01, margin: 0.2 });
    expect(Array.from(withModel)).toEqual(Array.from(withSpend));
  });

  it("rejects bad options", () => {
    const base = { transactionModel: BG, summary: FIVE, spend: [1, 1, 1, 1, 1], discountRate: 0 };
    expect(() => customerLifetimeValue({ ...base, horizon: 1.5 })).toThrow(/horizon/);
    expect(() => customerLifetimeValue({ ...base, horizon: 1, discountRate: -2 })).toThrow(/discountRate/);
    expect(() => customerLifetimeValue({ ...base, horizon: 1, spend: [1] })).toThrow(/spend/);
    expect(() => customerLifetimeValue({ ...base, horizon: 1, spend: undefined })).toThrow(/spendModel/);
    expect(() => customerLifetimeValue({ ...base, horizon: 1, unitsPerPeriod: 0 })).toThrow(/unitsPerPeriod/);
    expect(() => customerLifetimeValue({ ...base, horizon: 1, transactionModel: {} as never })).toThrow(/transactionModel/);
  });
});

describe.skipIf(!hasSharedData("cdnow_customers_summary_with_transactions.csv"))("CDNOW: BG/NBD + Gamma-Gamma", () => {
  it("values customers consistently with their histories", () => {
    const s = readCdnowSummary();
    const summary = { frequency: s.x, recency: s.tx, T: s.T, monetaryValue: s.zbar, unit: "week" as const };
    const clv = customerLifetimeValue({ transactionModel: fitBgNbd(summary), spendModel: fitGammaGamma(summary), summary, horizon: 12, discountRate: 0.01 });
    expect(clv.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
    // customer 1 (x=2, t_x=30.43, T=38.86, zbar 22.35): 12-month CLV between 0 and 52 weeks' expected purchases × spend
    expect(clv[0]!).toBeGreaterThan(0);
    expect(clv[0]!).toBeLessThan(2 * 24.66);
  });
});

describe("simple CLV formulas", () => {
  it("margin multiple (Gupta & Lehmann; Fader–Hardie timing)", () => {
    expect(marginMultipleClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 })).toBeCloseTo(80 / 0.3, 10);
    expect(marginMultipleClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, timing: "fader-hardie" })).toBeCloseTo(110 / 0.3, 10);
    // m(1+d)/(1+d−r) = m + m·r/(1+d−r): the first payment plus the Gupta–Lehmann value
    expect(marginMultipleClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1, timing: "fader-hardie" })).toBeCloseTo(100 + marginMultipleClv({ margin: 100, retentionRate: 0.8, discountRate: 0.1 }), 10);
    expect(() => marginMultipleClv({ margin: 100, retentionRate: 1, discountRate: 0.1 })).toThrow(/retentionRate/);
    expect(() => marginMultipleClv({ margin: 100, retentionRate: 0.5, discountRate: -1 })).toThrow(/discountRate/);
    expect(() => marginMultipleClv({ margin: 100, retentionRate: 0.5, discountRate: 0.1, timing: "x" as never })).toThrow(/timing/);
  });
  it("average order value and historic CLV", () => {
    expect(averageOrderValueClv({ averageOrderValue: 50, purchasesPerPeriod: 4, churnRate: 0.25, margin: 0.3 })).toBeCloseTo(240, 12);
    expect(averageOrderValueClv({ averageOrderValue: 50, purchasesPerPeriod: 4, lifespan: 4 })).toBe(800);
    expect(() => averageOrderValueClv({ averageOrderValue: 50, purchasesPerPeriod: 4 })).toThrow(/churnRate/);
    expect(() => averageOrderValueClv({ averageOrderValue: -1, purchasesPerPeriod: 4, lifespan: 1 })).toThrow(/averageOrderValue/);
    expect(Array.from(historicClv([120, 40], { margin: 0.3 }))).toEqual([36, 12]);
    expect(() => historicClv([Number.NaN])).toThrow(/totalSpend\[0\]/);
  });
});
