import { checkPositive } from "./check-parameter.js";
import type { Random } from "./random.js";
import { standardNormal } from "./sample-normal.js";

/**
 * Draws from the gamma distribution with `shape` k and `rate` θ (density
 * θ^k x^(k−1) e^(−θx) / Γ(k), mean k/θ, variance k/θ²) — the parameterisation of the
 * BG/NBD and Pareto/NBD papers, where a customer's purchase rate is λ ~ Gamma(r, α).
 *
 * Marsaglia & Tsang's (2000) squeeze method for k ≥ 1; for k < 1 the boost
 * Gamma(k) = Gamma(k + 1) · U^(1/k), computed in log space so that tiny shapes do not
 * underflow to exactly 0 more often than the distribution does.
 *
 * @example
 * ```ts
 * import { createRandom, sampleGamma } from "crmkit/testing";
 * const rng = createRandom(2005);
 * const lambda = sampleGamma(rng, 0.243, 4.414); // CDNOW's BG/NBD purchase-rate prior (per week)
 * ```
 */
export function sampleGamma(rng: Random, shape: number, rate: number): number {
  checkPositive("sampleGamma(shape)", shape);
  checkPositive("sampleGamma(rate)", rate);
  return gammaVariate(rng, shape) / rate;
}

/**
 * A Gamma(shape, 1) variate: Marsaglia–Tsang directly for shape ≥ 1 (no logarithm
 * round trip on the hot path), through {@link logGammaVariate} below 1.
 * Parameters are trusted.
 * @internal
 */
export function gammaVariate(rng: Random, shape: number): number {
  if (shape < 1) return Math.exp(logGammaVariate(rng, shape));
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * The logarithm of a Gamma(shape, 1) variate; exact in log space for small shapes.
 * Parameters are trusted (the public samplers check them).
 * @internal
 */
export function logGammaVariate(rng: Random, shape: number): number {
  if (shape < 1) {
    return logGammaVariate(rng, shape + 1) + Math.log(rng.next()) / shape;
  }
  return Math.log(gammaVariate(rng, shape));
}
