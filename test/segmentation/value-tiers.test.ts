import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rfmScores } from "../../src/segmentation/rfm-scores.js";
import { ABC_TIERS, PARETO_TIERS, valueTiers, VIP_TIERS, type ValueTierSpec } from "../../src/segmentation/value-tiers.js";
import { failureText as failure } from "../support/crmkit-failure.js";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

describe("valueTiers", () => {
  it("ABC by share of value (hand-computed: total 6850, A up to 80 %, B up to 95 %)", () => {
    const t = valueTiers({ customerIds: ["a", "b", "c", "d", "e"], values: [5000, 1200, 300, 300, 50] });
    // a: 0 ahead (A); b: 5000 / 6850 = 73 % ahead (A); c, d: 6200 / 6850 = 90.5 % ahead (B, tied); e: 99.3 % ahead (C)
    expect(["a", "b", "c", "d", "e"].map((id) => t.tierOf(id))).toEqual(["A", "A", "B", "B", "C"]);
    expect(t.tiers).toEqual([
      { name: "A", customers: 2, customerShare: 0.4, value: 6200, valueShare: 6200 / 6850, minValue: 1200, maxValue: 5000 },
      { name: "B", customers: 2, customerShare: 0.4, value: 600, valueShare: 600 / 6850, minValue: 300, maxValue: 300 },
      { name: "C", customers: 1, customerShare: 0.2, value: 50, valueShare: 50 / 6850, minValue: 50, maxValue: 50 },
    ]);
    expect(t.tierOf("nobody")).toBeUndefined();
  });

  it("Pareto: the customers behind the first 80 % of value", () => {
    // 10 customers; the top two bring 50 + 30 = 80: the second has 50 % ahead (< 80 %), the third 80 % (not below)
    const values = [50, 30, 5, 5, 2, 2, 2, 2, 1, 1];
    const t = valueTiers({ customerIds: ids(10), values }, { tiers: PARETO_TIERS });
    expect(t.tiers.map((x) => [x.name, x.customers, x.valueShare])).toEqual([
      ["Top 80% of value", 2, 0.8],
      ["Rest", 8, 0.2],
    ]);
  });

  it("VIP tiers by share of customers: 1 %, 4 %, 15 %, the rest", () => {
    const values = Array.from({ length: 100 }, (_, i) => 1000 - i);
    const t = valueTiers({ customerIds: ids(100), values }, { tiers: VIP_TIERS });
    expect(t.tiers.map((x) => x.customers)).toEqual([1, 4, 15, 80]);
    expect(t.tierOf("c0")).toBe("VIP");
    expect(t.tierOf("c5")).toBe("Silver");
  });

  it("keeps tied customers together at a boundary (they go up together)", () => {
    // top 20 % of 10 customers is 2, but the 2nd and 3rd tie: both are in
    const t = valueTiers({ customerIds: ids(10), values: [9, 8, 8, 7, 6, 5, 4, 3, 2, 1] }, { tiers: { method: "share-of-customers", shares: [0.2] } });
    expect(t.tiers.map((x) => x.customers)).toEqual([3, 7]);
    expect(t.tiers.map((x) => x.name)).toEqual(["Tier 1", "Tier 2"]);
  });

  it("natural breaks (ckmeans) and fixed thresholds", () => {
    const values = [1, 2, 3, 50, 52, 55, 400, 420];
    const nb = valueTiers({ customerIds: ids(8), values }, { tiers: { method: "natural-breaks", classes: 3, names: ["High", "Mid", "Low"] } });
    expect(nb.tiers.map((x) => [x.name, x.customers, x.minValue, x.maxValue])).toEqual([
      ["High", 2, 400, 420],
      ["Mid", 3, 50, 55],
      ["Low", 3, 1, 3],
    ]);
    const th = valueTiers({ customerIds: ids(8), values }, { tiers: { method: "thresholds", cutPoints: [3, 400] } });
    // a value equal to a cut point goes to the higher tier
    expect(th.tiers.map((x) => x.customers)).toEqual([2, 4, 2]);
  });

  it("tiers an RfmScoreTable by revenue, monetary or frequency and keeps the scores", () => {
    const scores = rfmScores(
      [
        { customerId: "a", at: "2024-05-01", amount: 900 },
        { customerId: "b", at: "2024-05-01", amount: 60 },
        { customerId: "b", at: "2024-05-02", amount: 40 },
      ],
      { asOf: new Date("2024-06-01T00:00:00Z") },
    );
    const byRevenue = valueTiers(scores, { tiers: { method: "share-of-value", shares: [0.5] } });
    expect(byRevenue.tierOf("a")).toBe("A");
    expect(byRevenue.scores).toBe(scores);
    expect(valueTiers(scores, { by: "frequency", tiers: { method: "share-of-value", shares: [0.5] } }).tierOf("b")).toBe("A");
  });

  it("accepts rows", () => {
    const t = valueTiers([
      { customerId: "a", value: 3 },
      { customerId: "b", value: 1 },
    ]);
    expect(t.customerIds).toEqual(["a", "b"]);
  });

  it("partitions the customers: shares sum to 1, one tier each, equal values share a tier", () => {
    const spec: fc.Arbitrary<ValueTierSpec> = fc.oneof(
      fc.constant(ABC_TIERS),
      fc.constant(VIP_TIERS),
      fc.constant(PARETO_TIERS),
      fc.array(fc.double({ min: 0.01, max: 0.3, noNaN: true }), { minLength: 1, maxLength: 3 }).map((shares) => ({ method: "share-of-customers" as const, shares })),
      fc.array(fc.double({ min: 0.01, max: 0.3, noNaN: true }), { minLength: 1, maxLength: 3 }).map((shares) => ({ method: "share-of-value" as const, shares })),
      fc.integer({ min: 2, max: 4 }).map((classes) => ({ method: "natural-breaks" as const, classes })),
      fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 4 }).map((c) => ({ method: "thresholds" as const, cutPoints: c.sort((a, b) => a - b) })),
    );
    const values = fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e4, noNaN: true })), { minLength: 5, maxLength: 80 });
    fc.assert(
      fc.property(values, spec, (vs, tiers) => {
        fc.pre(vs.some((v) => v > 0));
        fc.pre(tiers.method !== "natural-breaks" || new Set(vs).size >= tiers.classes);
        const t = valueTiers({ customerIds: ids(vs.length), values: vs }, { tiers });
        expect(t.tiers.reduce((a, x) => a + x.customers, 0)).toBe(vs.length);
        expect(t.tiers.reduce((a, x) => a + x.customerShare, 0)).toBeCloseTo(1, 12);
        expect(t.tiers.reduce((a, x) => a + (x.valueShare ?? 0), 0)).toBeCloseTo(1, 9);
        for (let i = 0; i < vs.length; i++) {
          for (let j = 0; j < vs.length; j++) {
            if (vs[i] === vs[j]) expect(t.tierIndex[i]).toBe(t.tierIndex[j]);
            // a higher value is never in a lower tier (index 0 = top)
            if (vs[i]! > vs[j]!) expect(t.tierIndex[i]).toBeLessThanOrEqual(t.tierIndex[j]!);
          }
        }
      }),
    );
  });

  it("rejects bad input", () => {
    const cols = { customerIds: ["a", "b"], values: [1, 2] };
    expect(failure(() => valueTiers({ customerIds: [], values: [] }))).toContain("INSUFFICIENT_DATA");
    expect(failure(() => valueTiers({ customerIds: ["a", "b"], values: [1, -2] }))).toContain("values[1]: expected a value >= 0 for share-of-value tiers");
    expect(failure(() => valueTiers({ customerIds: ["a", "b"], values: [0, 0] }))).toContain("INSUFFICIENT_DATA: valueTiers: the total value is 0");
    expect(failure(() => valueTiers({ customerIds: ["a", "b"], values: [1, Number.NaN] }))).toContain("input.values[1]: expected a finite number");
    expect(failure(() => valueTiers({ customerIds: ["a", "a"], values: [1, 2] }))).toContain("input.customerIds[1]: expected each customer once");
    expect(failure(() => valueTiers({ customerIds: ["a"], values: [1, 2] }))).toContain("as many values as customerIds");
    expect(failure(() => valueTiers(cols, { tiers: { method: "share-of-value", shares: [0.6, 0.5] } }))).toContain("shares summing to less than 1");
    expect(failure(() => valueTiers(cols, { tiers: { method: "share-of-value", shares: [1.2] } }))).toContain("expected a share < 1");
    expect(failure(() => valueTiers(cols, { tiers: { method: "share-of-value", shares: [0.5], names: ["x", "y", "z"] } }))).toContain("options.tiers.names: expected 2 names");
    expect(failure(() => valueTiers(cols, { tiers: { method: "natural-breaks", classes: 3 } }))).toContain("need at least 3 distinct values, got 2");
    expect(failure(() => valueTiers(cols, { tiers: { method: "thresholds", cutPoints: [5, 1] } }))).toContain("strictly increasing");
    expect(failure(() => valueTiers(cols, { tiers: { method: "median" } as never }))).toContain("method");
    expect(failure(() => valueTiers(cols, { by: "revenue" }))).toContain("options.by: expected to be left out");
    expect(failure(() => valueTiers(5 as never))).toContain("input");
  });
});
