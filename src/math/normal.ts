import { requireNotNaN, requireOpenProbability } from "./validate.js";

/* eslint-disable no-loss-of-precision -- published coefficients are quoted with all their printed digits;
   each literal parses to the nearest double, which is the value the algorithm uses. */
const INV_SQRT_2PI = 0.398942280401432677939946059934; // 1/sqrt(2 pi)
const LN_SQRT_2PI = 0.918938533204672741780329736406; // log(sqrt(2 pi))
const SQRT_32 = 5.656854249492380195206754896838;
const LN_2_POW_128 = 128 * Math.LN2;
const TWO_POW_MINUS_128 = 2 ** -128;
const CENTRAL_LIMIT = 0.67448975; // qnorm(3/4): the central range of Cody's algorithm

// W. J. Cody (1993), ACM TOMS 715 (SPECFUN ANORM): rational Chebyshev approximations
// for the normal distribution function, as used by R's pnorm().
const A0 = 2.2352520354606839287;
const A1 = 161.02823106855587881;
const A2 = 1067.6894854603709582;
const A3 = 18154.981253343561249;
const A4 = 0.065682337918207449113;
const B0 = 47.20258190468824187;
const B1 = 976.09855173777669322;
const B2 = 10260.932208618978205;
const B3 = 45507.789335026729956;
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
  0.02307344176494017303,
] as const;
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5] as const;

/** Φ(x) − 1/2 for |x| <= 0.67448975. */
function centralOffset(x: number): number {
  const xsq = x * x;
  let xnum = A4 * xsq;
  let xden = xsq;
  xnum = (xnum + A0) * xsq;
  xden = (xden + B0) * xsq;
  xnum = (xnum + A1) * xsq;
  xden = (xden + B1) * xsq;
  xnum = (xnum + A2) * xsq;
  xden = (xden + B2) * xsq;
  return (x * (xnum + A3)) / (xden + B3);
}

/**
 * The rational factor r(y) of the tail Φ(−y) = exp(−y²/2) · r(y) for y > 0.67448975
 * (finite y).
 */
function tailFactor(y: number): number {
  if (y <= SQRT_32) {
    let xnum = C[8] * y;
    let xden = y;
    for (let i = 0; i < 7; i++) {
      xnum = (xnum + C[i]!) * y;
      xden = (xden + D[i]!) * y;
    }
    return (xnum + C[7]) / (xden + D[7]);
  }
  const xsq = 1 / (y * y);
  let xnum = P[5] * xsq;
  let xden = xsq;
  for (let i = 0; i < 4; i++) {
    xnum = (xnum + P[i]!) * xsq;
    xden = (xden + Q[i]!) * xsq;
  }
  const temp = (xsq * (xnum + P[4])) / (xden + Q[4]);
  return (INV_SQRT_2PI - temp) / y;
}

/** −y²/2 split as −s²/2 − (y − s)(y + s)/2 with s = y truncated to 1/16: s² is exact. */
function halfSquareParts(y: number): [number, number] {
  const s = Math.trunc(y * 16) / 16;
  return [-s * s * 0.5, -(y - s) * (y + s) * 0.5];
}

/** Φ(−y) for finite y > 0.67448975. */
function lowerTail(y: number): number {
  const s = Math.trunc(y * 16) / 16;
  const big = -s * s * 0.5;
  const small = -(y - s) * (y + s) * 0.5;
  if (big > -700) return Math.exp(big) * Math.exp(small) * tailFactor(y);
  // exp(big) alone would be subnormal and lose digits before the product: scale by 2^128
  // (exactly), multiply, and scale back so that only the final result is rounded.
  return Math.exp(big + LN_2_POW_128) * Math.exp(small) * tailFactor(y) * TWO_POW_MINUS_128;
}

/** log Φ(−y) for finite y > 0.67448975. */
function logLowerTail(y: number): number {
  const [big, small] = halfSquareParts(y);
  return big + small + Math.log(tailFactor(y));
}

/**
 * The standard normal density `φ(x) = exp(−x²/2)/√(2π)`.
 *
 * `exp(−x²/2)` is evaluated as a product of two exponentials with the large part
 * exact (x truncated to 1/16), so the relative error stays near 1e-16 even in the
 * tails (the naive form loses about `x²·ε`). Underflows to 0 beyond |x| ≈ 38.6.
 *
 * @throws CrmkitError INVALID_INPUT when `x` is NaN.
 *
 * @example
 * ```ts
 * import { normalPdf } from "crmkit/math";
 * normalPdf(0); // 0.3989422804014327
 * normalPdf(1.96); // 0.05844094433345146
 * ```
 */
export function normalPdf(x: number): number {
  requireNotNaN("normalPdf", "x", x);
  const y = Math.abs(x);
  if (y === Number.POSITIVE_INFINITY) return 0;
  const [big, small] = halfSquareParts(y);
  return Math.exp(big) * Math.exp(small) * INV_SQRT_2PI;
}

/**
 * The log of the standard normal density, `−x²/2 − log √(2π)`.
 *
 * @throws CrmkitError INVALID_INPUT when `x` is NaN.
 *
 * @example
 * ```ts
 * import { normalLogPdf } from "crmkit/math";
 * normalLogPdf(0); // -0.9189385332046728
 * normalLogPdf(100); // -5000.918938533205
 * ```
 */
export function normalLogPdf(x: number): number {
  requireNotNaN("normalLogPdf", "x", x);
  return -0.5 * x * x - LN_SQRT_2PI;
}

/**
 * The standard normal distribution function `Φ(x) = P(Z ≤ x)`.
 *
 * Algorithm: W. J. Cody's rational Chebyshev approximations (ACM TOMS 715, 1993),
 * the algorithm of R's `pnorm`: a rational function on |x| ≤ 0.674, and for the
 * tails `Φ(−|x|) = exp(−x²/2)·r(|x|)` with r rational in |x| up to √32 and in 1/x²
 * beyond, and `exp(−x²/2)` split so the rounding of x² does not reach the result.
 * Relative error about 1e-16 in the lower tail down to x ≈ −37.5
 * (`normalCdf(-37) = 5.72e-300`); the values below (subnormal doubles) keep as many
 * digits as the format allows until the underflow to 0 at x ≈ −38.5; use
 * {@link normalLogCdf} there. For x > 0
 * the result is `1 − Φ(−x)`, whose absolute error is ~1e-16: for upper-tail
 * probabilities use {@link normalSf}.
 *
 * @throws CrmkitError INVALID_INPUT when `x` is NaN (−Infinity gives 0, +Infinity 1).
 *
 * @example
 * ```ts
 * import { normalCdf } from "crmkit/math";
 * normalCdf(1.959963984540054); // 0.975
 * normalCdf(-10); // 7.619853024160527e-24
 * ```
 */
export function normalCdf(x: number): number {
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) return 0.5 + centralOffset(x);
  if (y === Number.POSITIVE_INFINITY) return x > 0 ? 1 : 0;
  requireNotNaN("normalCdf", "x", x);
  const tail = lowerTail(y);
  return x > 0 ? 1 - tail : tail;
}

/**
 * The standard normal survival function `1 − Φ(x) = P(Z > x)`, computed directly
 * (as `Φ(−x)`) so the upper tail keeps full relative accuracy: `normalSf(10)` is
 * 7.62e-24 where `1 − normalCdf(10)` is 0. Same algorithm and accuracy as
 * {@link normalCdf}. The true value underflows the double range beyond x ≈ 38.4
 * (`normalSf(40)` ≈ 3.7e-350 is below the smallest subnormal, 4.9e-324, so the
 * result there is 0); use {@link normalLogSf} for such arguments.
 *
 * @throws CrmkitError INVALID_INPUT when `x` is NaN.
 *
 * @example
 * ```ts
 * import { normalSf } from "crmkit/math";
 * normalSf(1.6448536269514722); // 0.050000000000000044
 * normalSf(37); // 5.725571222524577e-300
 * ```
 */
export function normalSf(x: number): number {
  requireNotNaN("normalSf", "x", x);
  return normalCdf(-x);
}

/**
 * `log Φ(x)`, finite for every finite x: in the lower tail it is computed from the
 * log of Cody's tail form (`−x²/2 + log r(|x|)`), never from an underflowed Φ, so
 * `normalLogCdf(-40) ≈ −804.608` and `normalLogCdf(-1e5) ≈ −5e9`; in the upper
 * half it is `log1p(−Φ(−x))`. Relative error about 1e-16.
 *
 * @throws CrmkitError INVALID_INPUT when `x` is NaN.
 *
 * @example
 * ```ts
 * import { normalLogCdf } from "crmkit/math";
 * normalLogCdf(0); // -0.6931471805599453
 * normalLogCdf(-40); // -804.6084420137538
 * normalLogCdf(10); // -7.619853024160527e-24
 * ```
 */
export function normalLogCdf(x: number): number {
  const y = Math.abs(x);
  if (y <= CENTRAL_LIMIT) return Math.log(0.5 + centralOffset(x));
  if (y === Number.POSITIVE_INFINITY) return x > 0 ? 0 : Number.NEGATIVE_INFINITY;
  requireNotNaN("normalLogCdf", "x", x);
  return x > 0 ? Math.log1p(-lowerTail(y)) : logLowerTail(y);
}

/**
 * `log(1 − Φ(x))`, the log upper tail, finite for every finite x
 * (`normalLogSf(40) ≈ −804.608`). Same algorithm as {@link normalLogCdf} at `−x`.
 *
 * @throws CrmkitError INVALID_INPUT when `x` is NaN.
 *
 * @example
 * ```ts
 * import { normalLogSf } from "crmkit/math";
 * normalLogSf(40); // -804.6084420137538
 * ```
 */
export function normalLogSf(x: number): number {
  requireNotNaN("normalLogSf", "x", x);
  return normalLogCdf(-x);
}

// M. J. Wichura (1988), Algorithm AS 241 (PPND16), Applied Statistics 37(3): 477-484.
const QA = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
] as const;
const QB = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
] as const;
const QC = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
] as const;
const QD = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
] as const;
const QE = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
] as const;
const QF = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
] as const;

function ratio8(n: readonly number[], d: readonly number[], r: number): number {
  let num = n[7]!;
  let den = d[7]!;
  for (let i = 6; i >= 0; i--) {
    num = num * r + n[i]!;
    den = den * r + d[i]!;
  }
  return num / den;
}

/**
 * The standard normal quantile `Φ⁻¹(p)`: the z with `P(Z ≤ z) = p`.
 *
 * Algorithm: Wichura's AS 241 (PPND16, 1988), the algorithm of R's `qnorm`:
 * three rational approximations (|p − ½| ≤ 0.425; `r = √(−log min(p, 1−p))` ≤ 5;
 * beyond), accurate to about 1 part in 1e16 for p down to the smallest double.
 * For an upper-tail probability q use `-normalQuantile(q)` (exact by symmetry)
 * rather than `normalQuantile(1 - q)`, which loses q's digits.
 *
 * @param p - a probability strictly between 0 and 1.
 * @throws CrmkitError INVALID_INPUT when `p` is not in (0, 1).
 *
 * @example
 * ```ts
 * import { normalQuantile } from "crmkit/math";
 * normalQuantile(0.975); // 1.9599639845400536 (R: 1.959963984540054)
 * normalQuantile(1e-300); // -37.0470962993612
 * ```
 */
export function normalQuantile(p: number): number {
  requireOpenProbability("normalQuantile", "p", p);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return q * ratio8(QA, QB, r);
  }
  let r = q < 0 ? p : 0.5 - p + 0.5;
  r = Math.sqrt(-Math.log(r));
  const value = r <= 5 ? ratio8(QC, QD, r - 1.6) : ratio8(QE, QF, r - 5);
  return q < 0 ? -value : value;
}
