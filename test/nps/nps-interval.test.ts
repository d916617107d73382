import { describe, expect, it } from "vitest";
import { ADJUSTED_WALD_PSEUDO, criticalZ, npsInterval, npsIntervalCentre } from "../../src/nps/nps-interval.js";
import { Z975 } from "./helpers.js";

describe("NPS intervals", () => {
  it("critical values are the normal quantiles", () => {
    expect(criticalZ(0.95)).toBeCloseTo(Z975, 9);
    expect(criticalZ(0.9)).toBeCloseTo(1.6448536269514722, 9);
    expect(criticalZ(0.99)).toBeCloseTo(2.5758293035489004, 9);
  });

  it("adds Rocks's 3 pseudo-respondents: ¾ promoter, 1½ passive, ¾ detractor", () => {
    expect(ADJUSTED_WALD_PSEUDO.promoters + ADJUSTED_WALD_PSEUDO.passives + ADJUSTED_WALD_PSEUDO.detractors).toBe(3);
    expect(ADJUSTED_WALD_PSEUDO.promoters).toBe(0.75);
    expect(ADJUSTED_WALD_PSEUDO.detractors).toBe(0.75);
  });

  it("Wald, hand-computed: 50/30/20 → 30 ± 1.96·√61 = [14.692, 45.308]", () => {
    const ci = npsInterval(50, 20, 100, "wald", 0.95);
    expect(ci.estimate).toBe(30);
    expect(ci.standardError).toBeCloseTo(Math.sqrt(61), 12);
    expect(ci.low).toBeCloseTo(30 - Z975 * Math.sqrt(61), 8);
    expect(ci.high).toBeCloseTo(30 + Z975 * Math.sqrt(61), 8);
    expect(ci.low).toBeCloseTo(14.6922, 4);
    expect(ci.high).toBeCloseTo(45.3078, 4);
  });

  it("adjusted Wald, hand-computed: 50/30/20 → counts 50.75/31.5/20.75 of 103", () => {
    const p = 50.75 / 103;
    const d = 20.75 / 103;
    const centre = 100 * (p - d); // 29.126…
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 103); // 7.6915…
    const ci = npsInterval(50, 20, 100, "adjusted-wald", 0.95);
    expect(ci.estimate).toBeCloseTo(centre, 12);
    expect(ci.estimate).toBeCloseTo(29.1262, 4);
    expect(ci.standardError).toBeCloseTo(se, 12);
    expect(ci.standardError).toBeCloseTo(7.6915, 4);
    expect(ci.low).toBeCloseTo(14.0511, 4);
    expect(ci.high).toBeCloseTo(44.2013, 4);
  });

  it("clips to [−100, 100]", () => {
    // 20 promoters: adjusted centre 86.96, SE 8.81 → upper 104.2 before clipping.
    const ci = npsInterval(20, 0, 20, "adjusted-wald", 0.95);
    expect(ci.estimate).toBeCloseTo(86.9565, 4);
    expect(ci.estimate + Z975 * ci.standardError).toBeGreaterThan(100);
    expect(ci.high).toBe(100);
    expect(ci.low).toBeCloseTo(69.6833, 4);
    const low = npsInterval(0, 2, 3, "wald", 0.95); // 2 detractors, 1 passive of 3: −66.7 − 1.96·27.2 < −100
    expect(low.low).toBe(-100);
  });

  it("Wald has zero width when every answer is in one category; adjusted Wald does not", () => {
    const wald = npsInterval(12, 0, 12, "wald", 0.95);
    expect([wald.low, wald.high, wald.standardError]).toEqual([100, 100, 0]);
    const adjusted = npsIntervalCentre(12, 0, 12, "adjusted-wald");
    expect(adjusted.standardError).toBeGreaterThan(0);
  });

  it("a single promoter: adjusted centre 25, SE 37.5 (¾ − ¾ of 4 … hand-computed)", () => {
    // p' = 1.75/4, d' = 0.75/4: centre 25, Var(X) = 0.625 − 0.0625 = 0.5625, SE = 100·√(0.5625/4) = 37.5.
    const ci = npsInterval(1, 0, 1, "adjusted-wald", 0.95);
    expect(ci.estimate).toBeCloseTo(25, 12);
    expect(ci.standardError).toBeCloseTo(37.5, 12);
    expect(ci.high).toBeCloseTo(25 + Z975 * 37.5, 8); // 98.5: below the raw NPS of 100 (see docs/nps.md)
  });
});
