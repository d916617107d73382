import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNps, npsFromCounts } from "../../src/nps/index.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { Z975 } from "./helpers.js";

const Q2 = { promoters: 120, passives: 50, detractors: 30 }; // NPS 45
const Q1 = { promoters: 90, passives: 60, detractors: 50 }; // NPS 20

const countsArb = fc
  .record({ promoters: fc.integer({ min: 0, max: 300 }), passives: fc.integer({ min: 0, max: 300 }), detractors: fc.integer({ min: 0, max: 300 }) })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);

describe("compareNps", () => {
  it("Wald, hand-computed: Var_a = 27.375, Var_b = 33, SE = √60.375, z = 3.2174, p = 0.00129", () => {
    const c = compareNps(Q2, Q1, { method: "wald" });
    expect(c.difference).toBeCloseTo(25, 12);
    expect(c.standardError).toBeCloseTo(Math.sqrt(27.375 + 33), 12);
    expect(c.z).toBeCloseTo(25 / Math.sqrt(60.375), 10);
    expect(c.z).toBeCloseTo(3.217447, 5);
    expect(c.pValue).toBeCloseTo(0.00129337, 7);
    expect(c.ci.low).toBeCloseTo(25 - Z975 * Math.sqrt(60.375), 8);
    expect(c.ci.high).toBeCloseTo(25 + Z975 * Math.sqrt(60.375), 8);
    expect(c.significant).toBe(true);
    expect(c.direction).toBe("higher");
  });

  it("adjusted Wald (default) adds the pseudo-respondents to each group", () => {
    const c = compareNps(Q2, Q1);
    const adj = (P: number, Q: number, D: number) => {
      const n = P + Q + D + 3;
      const p = (P + 0.75) / n;
      const d = (D + 0.75) / n;
      return { centre: 100 * (p - d), variance: (10_000 * (p + d - (p - d) ** 2)) / n };
    };
    const a = adj(120, 50, 30);
    const b = adj(90, 60, 50);
    expect(c.ci.method).toBe("adjusted-wald");
    expect(c.ci.estimate).toBeCloseTo(a.centre - b.centre, 10);
    expect(c.standardError).toBeCloseTo(Math.sqrt(a.variance + b.variance), 10);
    expect(c.difference).toBe(25); // always the raw difference
    expect(c.pValue).toBeCloseTo(0.00140817, 7);
  });

  it("writes a verdict a manager can read", () => {
    const yes = compareNps(Q2, Q1, { labels: ["Q2", "Q1"] });
    expect(yes.verdict).toBe(
      "Q2's NPS (+45.0, n = 200) is higher than Q1's (+20.0, n = 200) by 25.0 points (95% CI of the difference +9.5 to +39.7, p = 0.001): a statistically significant difference at the 95% level.",
    );
    const small = compareNps({ promoters: 12, passives: 5, detractors: 3 }, { promoters: 9, passives: 6, detractors: 5 });
    expect(small.significant).toBe(false);
    expect(small.direction).toBe("no-difference");
    expect(small.verdict).toMatch(/^A's NPS \(\+45\.0, n = 20\) and B's \(\+20\.0, n = 20\) differ by 25\.0 points, which is not statistically significant at the 95% level \(p = 0\.\d{3}\): the 95% CI of the difference -\d+\.\d to \+\d+\.\d includes no difference\.$/);
    const lower = compareNps(Q1, Q2, { labels: ["web", "app"], level: 0.9 });
    expect(lower.direction).toBe("lower");
    expect(lower.verdict).toMatch(/^web's NPS \(\+20\.0, n = 200\) is lower than app's \(\+45\.0, n = 200\) by 25\.0 points \(90% CI/);
  });

  it("carries the groups' results and warnings", () => {
    const c = compareNps({ promoters: 3, passives: 1, detractors: 1 }, Q1, { labels: ["pilot", "all"] });
    expect(c.a.nps).toBe(40);
    expect(c.b.n).toBe(200);
    expect(c.warnings[0]!.message).toMatch(/^pilot: only 5 responses/);
  });

  it("is antisymmetric: swapping the groups flips the sign and keeps SE and p", () => {
    fc.assert(
      fc.property(countsArb, countsArb, fc.constantFrom("wald" as const, "adjusted-wald" as const), (a, b, method) => {
        const ab = compareNps(a, b, { method });
        const ba = compareNps(b, a, { method });
        expect(ba.difference).toBeCloseTo(-ab.difference, 9);
        expect(ba.standardError).toBeCloseTo(ab.standardError, 12);
        expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
        expect(ba.significant).toBe(ab.significant);
      }),
      { numRuns: 300 },
    );
  });

  it("significant ⇔ the interval excludes 0 ⇔ p < 1 − level (away from the boundary)", () => {
    fc.assert(
      fc.property(countsArb, countsArb, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, b, level) => {
        const c = compareNps(a, b, { level });
        expect(c.significant).toBe(c.ci.low > 0 || c.ci.high < 0);
        if (Math.abs(c.pValue - (1 - level)) > 1e-9) expect(c.significant).toBe(c.pValue < 1 - level);
        expect(c.pValue).toBeGreaterThanOrEqual(0);
        expect(c.pValue).toBeLessThanOrEqual(1);
        expect(c.ci.low).toBeGreaterThanOrEqual(-200);
        expect(c.ci.high).toBeLessThanOrEqual(200);
      }),
      { numRuns: 500 },
    );
  });

  it("SE is √(Var_a + Var_b) of the groups' plug-in variances under Wald", () => {
    fc.assert(
      fc.property(countsArb, countsArb, (a, b) => {
        const c = compareNps(a, b, { method: "wald" });
        expect(c.standardError).toBeCloseTo(Math.sqrt(npsFromCounts(a).variance + npsFromCounts(b).variance), 9);
      }),
      { numRuns: 200 },
    );
  });

  it("handles zero-variance groups under Wald without NaN", () => {
    const same = compareNps({ promoters: 5, passives: 0, detractors: 0 }, { promoters: 9, passives: 0, detractors: 0 }, { method: "wald" });
    expect([same.z, same.pValue, same.significant]).toEqual([0, 1, false]);
    const apart = compareNps({ promoters: 5, passives: 0, detractors: 0 }, { promoters: 0, passives: 0, detractors: 4 }, { method: "wald" });
    expect(apart.z).toBe(Infinity);
    expect(apart.pValue).toBe(0);
    expect(apart.warnings.map((w) => w.code)).toContain("DEGENERATE_INTERVAL");
  });

  it("rejects bad input", () => {
    const bad = (fn: () => unknown, message: RegExp) => {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isCrmkitError(e)).toBe(true);
        expect((e as Error).message).toMatch(message);
      }
    };
    bad(() => compareNps({ promoters: 0, passives: 0, detractors: 0 }, Q1), /^a: no responses/);
    bad(() => compareNps(Q1, { promoters: 1, passives: -2, detractors: 0 }), /^b\.passives: expected a non-negative integer count/);
    bad(() => compareNps(Q1, null as unknown as typeof Q1), /^b: expected an object/);
    bad(() => compareNps(Q1, Q2, { labels: ["only one"] as unknown as [string, string] }), /^options\.labels: expected two non-empty strings/);
    bad(() => compareNps(Q1, Q2, { level: 1 }), /^options\.level/);
    bad(() => compareNps(Q1, Q2, { method: "exact" as "wald" }), /^options\.method/);
  });
});
