import { invalidInput } from "../errors/invalid-input.js";

/**
 * `log(1 + x) − x` for x > −1, accurate also for small |x| where the two terms
 * cancel (the result is ≈ −x²/2 there).
 *
 * Algorithm: for |x| < 0.5, with `t = x/(2 + x)`, `log(1 + x) = 2 atanh(t)` and
 * `x − 2t = t·x`, so `log1pmx(x) = −t·x + 2(t³/3 + t⁵/5 + …)` — no cancellation, and
 * the odd series converges by a factor t² ≤ 1/9 per term. Otherwise
 * `Math.log1p(x) − x` directly. Relative error about 2e-16. Used by the
 * incomplete gamma and beta functions to evaluate `x^a e^(−x)/Γ(a)` for large `a`.
 *
 * @throws CrmkitError INVALID_INPUT when x ≤ −1 or NaN.
 *
 * @example
 * ```ts
 * import { log1pmx } from "crmkit/math";
 * log1pmx(1e-10); // -4.999999999666667e-21 (Math.log1p(x) - x gives -4.999996610153345e-21)
 * log1pmx(1); // Math.LN2 - 1
 * ```
 */
export function log1pmx(x: number): number {
  if (!(x > -1)) throw invalidInput("log1pmx.x", x, "a number > -1");
  if (x >= 0.5 || x <= -0.5) return Math.log1p(x) - x;
  const t = x / (2 + x);
  const t2 = t * t;
  // 2 (t^3/3 + t^5/5 + ...): 18 terms reach t^37 <= 3^-37 ~ 2e-18 relative to t^3.
  let sum = 0;
  for (let k = 37; k >= 3; k -= 2) sum = sum * t2 + 2 / k;
  return -t * x + sum * t2 * t;
}
