import { invalidInput } from "../errors/invalid-input.js";

/** log(sqrt(2 pi)) */
export const LN_SQRT_2PI = 0.9189385332046728;
const ONE_MINUS_EULER = 0.42278433509846713; // 1 - Euler's constant
const STIRLING_MIN = 10;

// Coefficients c_k = (-1)^k (zeta(k) - 1) / k, k = 2..30, of the Taylor series
// lgamma(2 + z) = (1 - gamma) z + sum_k c_k z^k (|z| < 2), computed with mpmath at 40 digits.
const SERIES_2 = [
  0.3224670334241132, -0.0673523010531981, 0.020580808427784546, -0.007385551028673986, 0.0028905103307415234,
  -0.001192753911703261, 0.0005096695247430425, -0.00022315475845357939, 9.945751278180853e-5, -4.492623673813314e-5,
  2.050721277567069e-5, -9.439488275268397e-6, 4.374866789907488e-6, -2.039215753801366e-6, 9.55141213040742e-7,
  -4.492469198764566e-7, 2.1207184805554665e-7, -1.0043224823968099e-7, 4.7698101693639804e-8, -2.2711094608943164e-8,
  1.0838659214896955e-8, -5.183475041970047e-9, 2.4836745438024785e-9, -1.1921401405860912e-9, 5.731367241678862e-10,
  -2.7595228851242334e-10, 1.330476437424449e-10, -6.4229645638381e-11, 3.1044247747322276e-11,
] as const;

/** lgamma(2 + z) for |z| <= 0.5 by its Taylor series (relative error ~1e-16, also near z = 0). */
function lgammaNearTwo(z: number): number {
  let sum = 0;
  for (let k = SERIES_2.length - 1; k >= 0; k--) sum = (sum + SERIES_2[k]!) * z;
  return z * (ONE_MINUS_EULER + sum);
}

/** ψ(2 + z) for |z| <= 0.5: the derivative of the series of lgammaNearTwo. */
function digammaNearTwo(z: number): number {
  let sum = 0;
  for (let k = SERIES_2.length - 1; k >= 0; k--) sum = sum * z + (k + 2) * SERIES_2[k]!;
  return ONE_MINUS_EULER + z * sum;
}

/**
 * `log Γ(1 + a)` without forming `1 + a` (which would round away the digits of a
 * tiny `a`): `lgamma(2 + a) − log1p(a)` with `lgamma(2 + a)` from its Taylor series
 * in `a` for |a| ≤ 0.5; `lgamma(1 + a)` otherwise.
 *
 * @example
 * ```ts
 * lgamma1p(1e-10); // -5.772156647592963e-11 (≈ −γ a)
 * ```
 * @internal
 */
export function lgamma1p(a: number): number {
  if (Math.abs(a) <= 0.5) return lgammaNearTwo(a) - Math.log1p(a);
  return lgamma(1 + a);
}

/**
 * The remainder of Stirling's series, `lgamma(x) − [(x − ½) log x − x + log √(2π)]`,
 * for x ≥ 10: `Σ B₂ₖ / (2k(2k − 1) x^(2k−1))`, k = 1..8 (truncation error below
 * 3e-17 relative to the result at x = 10). Subtracting two lgamma values of large
 * arguments through this correction avoids the cancellation of the big terms
 * (see `logBeta`).
 *
 * @example
 * ```ts
 * lgammaCorrection(10); // 0.008330563433362871
 * ```
 * @internal
 */
export function lgammaCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 +
          r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 * (1 / 156 + r2 * (-3617 / 122400))))))))
  );
}

function checkPositive(fn: string, x: number): void {
  if (!(x > 0)) throw invalidInput(`${fn}.x`, x, "a number > 0");
}

/**
 * The log of the gamma function, `log Γ(x)`, for x > 0.
 *
 * Algorithm: for x ≥ 10 Stirling's series with eight Bernoulli terms; on
 * [1.5, 2.5] the Taylor series of `log Γ(2 + z)` in z = x − 2 (coefficients
 * `(−1)^k (ζ(k) − 1)/k`), which keeps full *relative* accuracy at the zeros x = 1
 * and x = 2; elsewhere below 10 the recurrence `Γ(x + 1) = x Γ(x)` moves the
 * argument into that interval. Relative error about 1e-16 (a few ulp) over
 * (0, ∞), including tiny x (where `log Γ(x) ≈ −log x`) and huge x (`lgamma(1e300)`);
 * `lgamma(Infinity)` is Infinity and the value overflows to Infinity beyond
 * x ≈ 2.55e305.
 *
 * Why not simple-statistics' `gammaln`: it is a Lanczos sum, accurate to about
 * 1e-15 relative away from the zeros of log Γ, but near them its absolute error
 * (~1e-16 · the Lanczos terms) becomes a large relative error — 1.2e-7 at
 * x = 1 + 1e-8 and 1.3e-6 at x = 2 − 1e-9 — and it returns Infinity for x = 1e-300.
 * Likelihoods evaluated at `r + x` near 1 or 2 and their numeric derivatives need
 * the relative accuracy, so crmkit has its own (the test suite measures both).
 *
 * @throws CrmkitError INVALID_INPUT when x ≤ 0 or NaN.
 *
 * @example
 * ```ts
 * import { lgamma } from "crmkit/math";
 * lgamma(0.5); // 0.5723649429247001 = log(√π)
 * lgamma(10); // 12.80182748008147 = log(9!)
 * lgamma(1e-300); // 690.7755278982137 (≈ −log x)
 * ```
 */
export function lgamma(x: number): number {
  if (x >= STIRLING_MIN) {
    if (x === Number.POSITIVE_INFINITY) return x;
    return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + lgammaCorrection(x);
  }
  if (x >= 2.5) {
    // Γ(x) = (x-1)(x-2)...(x-m) Γ(x-m) with x - m in [1.5, 2.5)
    let product = 1;
    let y = x;
    while (y >= 2.5) {
      y -= 1;
      product *= y;
    }
    return Math.log(product) + lgammaNearTwo(y - 2);
  }
  if (x >= 1.5) return lgammaNearTwo(x - 2);
  if (x >= 0.5) return lgammaNearTwo(x - 1) - Math.log(x); // Γ(x) = Γ(x + 1) / x
  checkPositive("lgamma", x);
  return lgammaNearTwo(x) - Math.log(x) - Math.log1p(x); // Γ(x) = Γ(x + 2) / (x (x + 1))
}

/**
 * The digamma function `ψ(x) = d/dx log Γ(x)`, for x > 0.
 *
 * Algorithm: for x ≥ 10 the asymptotic series `log x − 1/(2x) − Σ B₂ₖ/(2k x^(2k))`
 * (eight terms); on [1.5, 2.5] the Taylor series of `ψ(2 + z)` (the derivative of
 * the series used by {@link lgamma}); elsewhere the recurrence
 * `ψ(x + 1) = ψ(x) + 1/x` into that interval. Relative error about 2e-16; near the
 * positive root x₀ = 1.4616321449683622 the error is absolute (about 1e-16).
 * `digamma(1) = −γ` (Euler's constant).
 *
 * @throws CrmkitError INVALID_INPUT when x ≤ 0 or NaN.
 *
 * @example
 * ```ts
 * import { digamma } from "crmkit/math";
 * digamma(1); // -0.5772156649015329 (−γ)
 * digamma(0.5); // -1.9635100260214235 (−γ − 2 log 2)
 * ```
 */
export function digamma(x: number): number {
  if (x >= STIRLING_MIN) {
    if (x === Number.POSITIVE_INFINITY) return x;
    const r2 = 1 / (x * x);
    const series =
      r2 * (1 / 12 + r2 * (-1 / 120 + r2 * (1 / 252 + r2 * (-1 / 240 + r2 * (1 / 132 + r2 * (-691 / 32760 + r2 * (1 / 12 + r2 * (-3617 / 8160))))))));
    return Math.log(x) - 0.5 / x - series;
  }
  if (x >= 2.5) {
    // ψ(x) = ψ(x - m) + Σ 1/(x - i), i = 1..m, with x - m in [1.5, 2.5): all terms positive
    let shift = 0;
    while (x >= 2.5) {
      x -= 1;
      shift += 1 / x;
    }
    return digammaNearTwo(x - 2) + shift;
  }
  if (x >= 1.5) return digammaNearTwo(x - 2);
  if (x >= 0.5) return digammaNearTwo(x - 1) - 1 / x;
  checkPositive("digamma", x);
  return digammaNearTwo(x) - 1 / x - 1 / (x + 1);
}

/**
 * The trigamma function `ψ′(x) = d²/dx² log Γ(x)`, for x > 0.
 *
 * Algorithm: the asymptotic series `1/x + 1/(2x²) + Σ B₂ₖ/x^(2k+1)` (eight terms)
 * for x ≥ 10, after the recurrence `ψ′(x) = ψ′(x + 1) + 1/x²`. Relative error about
 * 1e-15. `trigamma(1) = π²/6`; for tiny x it is ≈ 1/x².
 *
 * @throws CrmkitError INVALID_INPUT when x ≤ 0 or NaN.
 *
 * @example
 * ```ts
 * import { trigamma } from "crmkit/math";
 * trigamma(1); // 1.6449340668482264 (π²/6)
 * trigamma(0.5); // 4.93480220054468 (π²/2)
 * ```
 */
export function trigamma(x: number): number {
  checkPositive("trigamma", x);
  if (x === Number.POSITIVE_INFINITY) return 0;
  let shift = 0;
  while (x < STIRLING_MIN) {
    shift += 1 / (x * x);
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  const series =
    r *
    (1 +
      r * 0.5 +
      r2 * (1 / 6 + r2 * (-1 / 30 + r2 * (1 / 42 + r2 * (-1 / 30 + r2 * (5 / 66 + r2 * (-691 / 2730 + r2 * (7 / 6 + r2 * (-3617 / 510)))))))));
  return series + shift;
}
