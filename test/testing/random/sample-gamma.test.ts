import { errorFunction } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { regularizedGammaP } from "../../../src/math/index.js";
import { createRandom, sampleGamma } from "../../../src/testing/index.js";
import { draw, expectKolmogorovSmirnov, expectMoments, moments } from "../../support/distribution-checks.js";

/** Fourth central moment of Gamma(k, rate θ): 3k(k + 2)/θ⁴. */
const mu4 = (k: number, theta: number) => (3 * k * (k + 2)) / theta ** 4;

describe("sampleGamma (shape, rate)", () => {
  it.each([
    [0.243, 4.414], // CDNOW's BG/NBD purchase-rate prior
    [0.5, 1],
    [1, 2],
    [3.74, 15.44], // CDNOW's Gamma-Gamma ν prior
    [6.25, 0.2],
    [50, 3],
  ])("Gamma(%f, %f) has mean k/θ and variance k/θ²", (k, theta) => {
    const rng = createRandom(`gamma-${k}`);
    const xs = draw(60_000, () => sampleGamma(rng, k, theta));
    expectMoments(xs, k / theta, k / theta ** 2, { mu4: mu4(k, theta) });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it("Gamma(3, 1) has the Erlang CDF 1 − e^(−x)(1 + x + x²/2)", () => {
    const rng = createRandom(31);
    const xs = draw(30_000, () => sampleGamma(rng, 3, 1));
    expectKolmogorovSmirnov(xs, (x) => 1 - Math.exp(-x) * (1 + x + (x * x) / 2));
  });

  it("Gamma(1/2, 1) is half a chi-square with one degree of freedom: CDF erf(√x)", () => {
    const rng = createRandom(32);
    const xs = draw(30_000, () => sampleGamma(rng, 0.5, 1));
    expectKolmogorovSmirnov(xs, (x) => errorFunction(Math.sqrt(x)));
  });

  it.each([
    [0.243, 4.414],
    [0.61, 11.67],
    [3.74, 15.44],
    [6.25, 1],
  ])("Gamma(%f, %f) follows the gamma CDF P(k, θx) (regularized incomplete gamma of crmkit/math)", (k, theta) => {
    const rng = createRandom(`gamma-cdf-${k}`);
    const xs = draw(30_000, () => sampleGamma(rng, k, theta));
    expectKolmogorovSmirnov(xs, (x) => regularizedGammaP(k, theta * x));
  });

  it("small shapes are right in log space: E[ln X] = ψ(k) for Gamma(k, 1)", () => {
    // ψ(1/2) = −γ − 2 ln 2; ψ(1/4) = −γ − π/2 − 3 ln 2 (Abramowitz & Stegun 6.3.3, Gauss's digamma theorem).
    const euler = 0.5772156649015329;
    for (const [k, psi] of [
      [0.5, -euler - 2 * Math.LN2],
      [0.25, -euler - Math.PI / 2 - 3 * Math.LN2],
    ] as const) {
      const rng = createRandom(`log-${k}`);
      const logs = draw(60_000, () => Math.log(sampleGamma(rng, k, 1)));
      // Var[ln X] = ψ'(k): ψ'(1/2) = π²/2, ψ'(1/4) = π² + 8G (G = Catalan's constant).
      const trigamma = k === 0.5 ? Math.PI ** 2 / 2 : Math.PI ** 2 + 8 * 0.915965594177219;
      expect(Math.abs(moments(logs).mean - psi)).toBeLessThan(5 * Math.sqrt(trigamma / logs.length));
    }
  });

  it("rejects invalid shapes and rates", () => {
    for (const [k, t] of [
      [0, 1],
      [-1, 1],
      [1, 0],
      [Number.NaN, 1],
      [1, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(() => sampleGamma(createRandom(1), k, t)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    }
  });
});
