import { invalidInput } from "../../errors/invalid-input.js";
import { lgamma } from "../../math/gamma.js";
import type { Random } from "./random.js";

/**
 * Draws a count from the Poisson distribution with the given `mean` (≥ 0): by
 * sequential inversion for means below 10, and by Hörmann's (1993) transformed
 * rejection with squeeze (PTRS) above, so the cost stays constant for large means.
 *
 * @example
 * ```ts
 * import { createRandom, samplePoisson } from "crmkit/testing";
 * const purchasesThisYear = samplePoisson(createRandom(4), 3.2);
 * ```
 */
export function samplePoisson(rng: Random, mean: number): number {
  if (typeof mean !== "number" || !Number.isFinite(mean) || mean < 0) throw invalidInput("samplePoisson(mean)", mean, "a finite number >= 0");
  if (mean === 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1)) return k;
  }
}
