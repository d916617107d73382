import { normalQuantile } from "../math/normal.js";
import type { SurveyInterval } from "./survey-result.js";
import { npsVarianceOf } from "./variance.js";

/**
 * NPS confidence-interval methods.
 *
 * - `"adjusted-wald"` (default) — Rocks (2016): add 3 pseudo-respondents (¾
 *   promoter, 1½ passive, ¾ detractor), then a Wald interval around the adjusted
 *   NPS. Good coverage even for small samples and extreme scores.
 * - `"wald"` — the plain interval NPS ± z·SE; too narrow for small samples and
 *   zero-width when all answers fall in one category.
 *
 * @example
 * ```ts
 * import { npsScore, type NpsIntervalMethod } from "crmkit/nps";
 * const method: NpsIntervalMethod = "wald";
 * npsScore([10, 9, 8, 2], { method }).ci;
 * ```
 */
export type NpsIntervalMethod = "adjusted-wald" | "wald";

/** The pseudo-observations of the adjusted Wald interval (Rocks 2016). */
export const ADJUSTED_WALD_PSEUDO = { promoters: 0.75, passives: 1.5, detractors: 0.75 } as const;

/** The two-sided critical value z_{1−(1−level)/2}. */
export function criticalZ(level: number): number {
  return normalQuantile(1 - (1 - level) / 2);
}

/** The centre and standard error (−100…100 scale) an NPS interval method uses; trusted counts with n > 0. */
export function npsIntervalCentre(promoters: number, detractors: number, n: number, method: NpsIntervalMethod): { estimate: number; standardError: number } {
  if (method === "adjusted-wald") {
    const p = promoters + ADJUSTED_WALD_PSEUDO.promoters;
    const d = detractors + ADJUSTED_WALD_PSEUDO.detractors;
    const m = n + 3;
    return { estimate: (100 * (p - d)) / m, standardError: Math.sqrt(npsVarianceOf(p, d, m)) };
  }
  return { estimate: (100 * (promoters - detractors)) / n, standardError: Math.sqrt(npsVarianceOf(promoters, detractors, n)) };
}

/** The NPS confidence interval, clipped to [−100, 100]; trusted counts with n > 0 and a valid level. */
export function npsInterval(promoters: number, detractors: number, n: number, method: NpsIntervalMethod, level: number): SurveyInterval {
  const { estimate, standardError } = npsIntervalCentre(promoters, detractors, n, method);
  const half = criticalZ(level) * standardError;
  return {
    low: Math.max(-100, estimate - half),
    high: Math.min(100, estimate + half),
    level,
    method,
    estimate,
    standardError,
  };
}
