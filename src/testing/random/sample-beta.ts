import { checkPositive } from "./check-parameter.js";
import type { Random } from "./random.js";
import { logGammaVariate } from "./sample-gamma.js";

/**
 * Draws from the beta distribution Beta(a, b) (mean a / (a + b)) as X / (X + Y) with
 * X ~ Gamma(a), Y ~ Gamma(b), combined in log space so that small shapes (the BG/NBD
 * dropout prior of CDNOW has a = 0.79) never give 0/0. The result is in [0, 1].
 *
 * @example
 * ```ts
 * import { createRandom, sampleBeta } from "crmkit/testing";
 * const dropout = sampleBeta(createRandom(3), 0.793, 2.426); // CDNOW's BG/NBD p prior
 * ```
 */
export function sampleBeta(rng: Random, a: number, b: number): number {
  checkPositive("sampleBeta(a)", a);
  checkPositive("sampleBeta(b)", b);
  const lx = logGammaVariate(rng, a);
  const ly = logGammaVariate(rng, b);
  // x / (x + y) = 1 / (1 + e^(ly - lx)), stable for any magnitudes.
  return 1 / (1 + Math.exp(ly - lx));
}
