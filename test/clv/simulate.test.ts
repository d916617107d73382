import { describe, expect, it } from "vitest";
import {
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  simulateBgBb,
  simulateBgNbd,
  simulateGammaGamma,
  simulateMbgNbd,
  simulateParetoNbd,
} from "../../src/clv/index.js";

const close = (got: Record<string, number>, want: Record<string, number>, rel: number) => {
  for (const [k, v] of Object.entries(want)) expect(Math.abs(got[k]! / v - 1), `${k}: ${got[k]} vs ${v}`).toBeLessThan(rel);
};

// T spread like a cohort acquired over 12 weeks and observed to week 52
const ages = (n: number) => Float64Array.from({ length: n }, (_, i) => 40 + (12 * i) / n);

describe("simulate, then fit: parameters are recovered (fixed seeds)", () => {
  it("BG/NBD", () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const sim = simulateBgNbd(truth, { customers: 40_000, T: ages(40_000), seed: 11, unit: "week" });
    const m = fitBgNbd(sim);
    close(m.params, truth, 0.12);
    expect(m.unit).toBe("week");
    // the simulated survivors: P(alive) is higher on average among them
    const pa = m.probabilityAlive(sim);
    let aliveMean = 0;
    let deadMean = 0;
    let na = 0;
    for (let i = 0; i < pa.length; i++) {
      if (sim.frequency[i] === 0) continue;
      if (sim.alive[i]) {
        aliveMean += pa[i]!;
        na++;
      } else deadMean += pa[i]!;
    }
    const withRepeat = Array.from(sim.frequency).filter((x) => x > 0).length;
    expect(aliveMean / na).toBeGreaterThan(deadMean / (withRepeat - na));
  });

  it("Pareto/NBD", () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 10 };
    const m = fitParetoNbd(simulateParetoNbd(truth, { customers: 30_000, T: ages(30_000), seed: 12 }));
    close(m.params, truth, 0.25); // flat in (s, β)
  });

  it("MBG/NBD", () => {
    const truth = { r: 0.5, alpha: 5, a: 0.9, b: 1.6 };
    close(fitMbgNbd(simulateMbgNbd(truth, { customers: 40_000, T: ages(40_000), seed: 13 })).params, truth, 0.15);
  });

  it("BG/BB", () => {
    const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    close(fitBgBb(simulateBgBb(truth, { customers: 40_000, T: 6, seed: 14 })).params, truth, 0.15);
  });

  it("Gamma-Gamma", () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const frequency = Float64Array.from({ length: 20_000 }, (_, i) => 1 + (i % 8));
    const monetaryValue = simulateGammaGamma(truth, { frequency, seed: 15 });
    close(fitGammaGamma({ frequency, recency: frequency, T: Float64Array.from(frequency, (x) => x + 1), monetaryValue }).params, truth, 0.12);
  });

  it("is reproducible and validates its options", () => {
    const a = simulateBgNbd({ r: 1, alpha: 1, a: 1, b: 1 }, { customers: 50, T: 10, seed: 1 });
    const b = simulateBgNbd({ r: 1, alpha: 1, a: 1, b: 1 }, { customers: 50, T: 10, seed: 1 });
    expect(a.frequency).toEqual(b.frequency);
    expect(() => simulateBgNbd({ r: 1, alpha: 1, a: 1, b: 1 }, { customers: 0, T: 10, seed: 1 })).toThrow(/customers/);
    expect(() => simulateBgNbd({ r: 1, alpha: 1, a: 1, b: 1 }, { customers: 2, T: [1], seed: 1 })).toThrow(/options\.T/);
    expect(() => simulateBgBb({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, { customers: 2, T: 1.5, seed: 1 })).toThrow(/opportunities/);
    expect(() => simulateParetoNbd({ r: 1, alpha: 1, s: -1, beta: 1 }, { customers: 2, T: 1, seed: 1 })).toThrow(/params\.s/);
    expect(() => simulateGammaGamma({ p: 1, q: 1, gamma: 1 }, { frequency: [1.5], seed: 1 })).toThrow(/frequency\[0\]/);
  });
});
