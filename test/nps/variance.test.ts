import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { npsFromCounts, npsScore, npsVariance } from "../../src/nps/index.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { seededRandom } from "../../src/math/seeded-random.js";

// The three published forms of the variance of the NPS estimator, written out as
// their sources state them (proportion scale, per respondent; divide by n and
// multiply by 100² for the −100…100 estimator).

/** Rocks (2016), R package NPS `nps_var_`: (p_P + p_D) − (p_P − p_D)². */
const rocks = (p: number, d: number): number => p + d - (p - d) ** 2;
/** Engelhardt (CYBAEA, 2016): Var(p) + Var(d) − 2·Cov(p, d), Var(p) = p(1−p), Cov(p, d) = −p·d. */
const multinomial = (p: number, d: number): number => p * (1 - p) + d * (1 - d) - 2 * (-p * d);
/** Verstra Research / MeasuringU "trinomial means" / Cross Validated: Σ share·(x − NPS)² with x = +1, 0, −1. */
const trinomial = (p: number, q: number, d: number): number => {
  const mu = p - d;
  return p * (1 - mu) ** 2 + q * (0 - mu) ** 2 + d * (-1 - mu) ** 2;
};

const counts = fc.record({
  promoters: fc.integer({ min: 0, max: 5000 }),
  passives: fc.integer({ min: 0, max: 5000 }),
  detractors: fc.integer({ min: 0, max: 5000 }),
}).filter((c) => c.promoters + c.passives + c.detractors > 0);

describe("npsVariance", () => {
  it("the three published variance forms agree with each other and with npsVariance", () => {
    fc.assert(
      fc.property(counts, (c) => {
        const n = c.promoters + c.passives + c.detractors;
        const p = c.promoters / n;
        const q = c.passives / n;
        const d = c.detractors / n;
        const forms = [rocks(p, d), multinomial(p, d), trinomial(p, q, d)].map((v) => (10_000 * v) / n);
        const ours = npsVariance(c);
        for (const v of forms) expect(ours).toBeCloseTo(v, 9);
      }),
      { numRuns: 500 },
    );
  });

  it("reproduces the Cross Validated worked example: shares 1/2, 1/3, 1/6 give NPS 1/3 and per-respondent variance 5/9", () => {
    // 300 respondents: 150 promoters, 100 passives, 50 detractors.
    const r = npsFromCounts({ promoters: 150, passives: 100, detractors: 50 });
    expect(r.nps).toBeCloseTo(100 / 3, 12);
    expect(r.variance).toBeCloseTo((10_000 * (5 / 9)) / 300, 10);
  });

  it("hand example: 50 promoters, 30 passives, 20 detractors → Var(X) = 0.7 − 0.09 = 0.61, Var(NPS) = 61", () => {
    expect(npsVariance({ promoters: 50, passives: 30, detractors: 20 })).toBeCloseTo(61, 10);
  });

  it("is 0 when everyone is in one category and largest (100²/n) for a 50/50 split of promoters and detractors", () => {
    expect(npsVariance({ promoters: 7, passives: 0, detractors: 0 })).toBe(0);
    expect(npsVariance({ promoters: 0, passives: 7, detractors: 0 })).toBe(0);
    expect(npsVariance({ promoters: 0, passives: 0, detractors: 7 })).toBe(0);
    expect(npsVariance({ promoters: 5, passives: 0, detractors: 5 })).toBeCloseTo(10_000 / 10, 10);
  });

  it("matches the variance of simulated multinomial samples (20,000 samples of n = 50)", () => {
    // A small deterministic generator (mulberry32) so the test is reproducible.
    const random = seededRandom(12345);
    const n = 50;
    const samples = 20_000;
    let sum = 0;
    let sumSq = 0;
    const scores = new Uint8Array(n);
    for (let s = 0; s < samples; s++) {
      for (let i = 0; i < n; i++) {
        const u = random();
        scores[i] = u < 0.5 ? 10 : u < 0.8 ? 8 : 3;
      }
      const nps = npsScore(scores).nps;
      sum += nps;
      sumSq += nps * nps;
    }
    const mean = sum / samples;
    const empirical = sumSq / samples - mean * mean;
    const theoretical = (10_000 * (0.7 - 0.3 ** 2)) / n; // 122
    expect(mean).toBeCloseTo(30, 0);
    // Sampling error of a variance from 20,000 draws is about 1%; allow 4%.
    expect(Math.abs(empirical / theoretical - 1)).toBeLessThan(0.04);
  });

  it("rejects bad counts", () => {
    expect(() => npsVariance({ promoters: -1, passives: 0, detractors: 0 })).toThrow(/counts\.promoters/);
    try {
      npsVariance({ promoters: 0, passives: 0, detractors: 0 });
      expect.unreachable();
    } catch (e) {
      expect(isCrmkitError(e, "INSUFFICIENT_DATA")).toBe(true);
    }
  });
});
