import { invalidInput } from "../errors/invalid-input.js";
import { betaQuantile } from "./incomplete-beta.js";
import { normalQuantile } from "./normal.js";
import { requireCount } from "./validate.js";

/**
 * The confidence-interval methods of {@link proportionInterval}.
 *
 * @example
 * ```ts
 * import type { ProportionIntervalMethod } from "crmkit/math";
 * const method: ProportionIntervalMethod = "clopper-pearson";
 * ```
 */
export type ProportionIntervalMethod = "wilson" | "wald" | "agresti-coull" | "clopper-pearson";

/**
 * Options of {@link proportionInterval}.
 *
 * @example
 * ```ts
 * import type { ProportionIntervalOptions } from "crmkit/math";
 * const options: ProportionIntervalOptions = { level: 0.9, method: "agresti-coull" };
 * ```
 */
export interface ProportionIntervalOptions {
  /** Confidence level in (0, 1); default 0.95. */
  readonly level?: number;
  /** Interval method; default `"wilson"`. */
  readonly method?: ProportionIntervalMethod;
}

/**
 * A confidence interval for a binomial proportion.
 *
 * @example
 * ```ts
 * import { proportionInterval, type ProportionInterval } from "crmkit/math";
 * const ci: ProportionInterval = proportionInterval(45, 50);
 * ```
 */
export interface ProportionInterval {
  /** The sample proportion successes / n. */
  readonly estimate: number;
  /** Lower bound, in [0, 1]. */
  readonly low: number;
  /** Upper bound, in [0, 1]. */
  readonly high: number;
  /** The confidence level used. */
  readonly level: number;
  /** The method used. */
  readonly method: ProportionIntervalMethod;
}

const METHODS: readonly ProportionIntervalMethod[] = ["wilson", "wald", "agresti-coull", "clopper-pearson"];

const clamp01 = (v: number): number => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * A two-sided confidence interval for a binomial proportion from `successes` out of
 * `n` trials (a conversion rate, a retention rate, the share of promoters).
 *
 * Methods (z is the normal quantile at 1 − (1 − level)/2):
 * - `"wilson"` (default) — the score interval of Wilson (1927): inverts the score
 *   test, `(p̂ + z²/2n ± z √(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`. Good coverage even for
 *   small n and proportions near 0 or 1; recommended by Brown, Cai & DasGupta
 *   (2001). Same as statsmodels' `proportion_confint(method="wilson")` and R's
 *   `prop.test(correct = FALSE)`.
 * - `"wald"` — `p̂ ± z √(p̂(1−p̂)/n)`, the textbook interval; poor coverage for small
 *   n or extreme p̂ (it collapses to a point at 0 or n successes). Clipped to [0, 1].
 * - `"agresti-coull"` — the Wald form around `p̃ = (x + z²/2)/(n + z²)` with
 *   `ñ = n + z²` ("add two successes and two failures" at 95%). Clipped to [0, 1].
 * - `"clopper-pearson"` — the "exact" interval from beta quantiles,
 *   `[B(α/2; x, n−x+1), B(1−α/2; x+1, n−x)]`, as R's `binom.test`; conservative.
 *
 * At x = 0 the lower bound is 0 and at x = n the upper bound is 1 for every method
 * except Wald.
 *
 * @param successes - a non-negative integer ≤ n.
 * @param n - the number of trials, a positive integer.
 * @throws CrmkitError INVALID_INPUT when the counts are not integers with
 *   0 ≤ successes ≤ n, n ≥ 1, the level is not in (0, 1) or the method is unknown.
 *
 * @example
 * ```ts
 * import { proportionInterval } from "crmkit/math";
 * proportionInterval(682, 925, { method: "clopper-pearson" });
 * // { estimate: 0.7373, low: 0.7076683, high: 0.7654066, ... } (R: binom.test(682, 925))
 * proportionInterval(0, 20); // Wilson: { estimate: 0, low: 0, high: 0.1611..., ... }
 * ```
 */
export function proportionInterval(successes: number, n: number, options: ProportionIntervalOptions = {}): ProportionInterval {
  requireCount("proportionInterval", "successes", successes);
  requireCount("proportionInterval", "n", n);
  if (n === 0) throw invalidInput("proportionInterval.n", n, "at least one trial");
  if (successes > n) throw invalidInput("proportionInterval.successes", successes, `an integer <= n (${n})`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw invalidInput("proportionInterval.options.level", level, "a confidence level strictly between 0 and 1");
  const method = options.method ?? "wilson";
  if (!METHODS.includes(method)) throw invalidInput("proportionInterval.options.method", method, `one of ${METHODS.map((m) => `"${m}"`).join(", ")}`);
  const alpha = 1 - level;
  const z = -normalQuantile(alpha / 2);
  const p = successes / n;
  let low: number;
  let high: number;
  switch (method) {
    case "wald": {
      const half = z * Math.sqrt((p * (1 - p)) / n);
      low = clamp01(p - half);
      high = clamp01(p + half);
      break;
    }
    case "agresti-coull": {
      const nTilde = n + z * z;
      const pTilde = (successes + (z * z) / 2) / nTilde;
      const half = z * Math.sqrt((pTilde * (1 - pTilde)) / nTilde);
      low = successes === 0 ? 0 : clamp01(pTilde - half);
      high = successes === n ? 1 : clamp01(pTilde + half);
      break;
    }
    case "clopper-pearson": {
      low = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, n - successes + 1);
      high = successes === n ? 1 : betaQuantile(1 - alpha / 2, successes + 1, n - successes);
      break;
    }
    case "wilson": {
      const z2 = z * z;
      const denominator = 1 + z2 / n;
      const center = (p + z2 / (2 * n)) / denominator;
      const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
      low = successes === 0 ? 0 : clamp01(center - half);
      high = successes === n ? 1 : clamp01(center + half);
      break;
    }
  }
  return { estimate: p, low, high, level, method };
}
