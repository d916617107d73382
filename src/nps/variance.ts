import { checkNpsCounts, type NpsCounts } from "./counts.js";

/**
 * The sampling variance of the NPS estimate, on the −100…100 scale (points²).
 *
 * Derivation: code each respondent as X = +1 (promoter), 0 (passive) or −1
 * (detractor). With category probabilities p_P, p_0, p_D the NPS is
 * 100·E[X] = 100·(p_P − p_D) and the sample NPS is 100·X̄. Since X² is 1 for
 * promoters and detractors and 0 for passives,
 * Var(X) = E[X²] − E[X]² = (p_P + p_D) − (p_P − p_D)², so
 *
 *   Var(NPŜ) = 100² · [(p_P + p_D) − (p_P − p_D)²] / n,
 *
 * evaluated at the observed shares (the plug-in, or Wald, estimate). This is the
 * same number as the multinomial form 100²·[p_P(1−p_P) + p_D(1−p_D) + 2·p_P·p_D]/n
 * and as the "trinomial mean" form 100²·Σ share·(x − NPS/100)²/n (see
 * `docs/nps.md`). It is 0 when every respondent is in one category.
 *
 * Throws `INVALID_INPUT` for negative or fractional counts and
 * `INSUFFICIENT_DATA` when there are no responses.
 *
 * @example
 * ```ts
 * import { npsVariance } from "crmkit/nps";
 * // 50 promoters, 30 passives, 20 detractors: NPS 30, Var(X) = 0.7 − 0.09 = 0.61
 * npsVariance({ promoters: 50, passives: 30, detractors: 20 }); // 61 (= 100² · 0.61 / 100)
 * ```
 */
export function npsVariance(counts: NpsCounts): number {
  const n = checkNpsCounts(counts, "counts");
  return npsVarianceOf(counts.promoters, counts.detractors, n);
}

/** Variance on the −100…100 scale from (possibly fractional) counts; trusted input. */
export function npsVarianceOf(promoters: number, detractors: number, n: number): number {
  const p = promoters / n;
  const d = detractors / n;
  const perRespondent = p + d - (p - d) * (p - d);
  // Clamp the tiny negative values rounding can produce when one share is 1.
  return (10_000 * Math.max(0, perRespondent)) / n;
}
