import { invalidInput } from "../errors/invalid-input.js";
import { requireNotNaN } from "./validate.js";

const LN2 = Math.LN2;

/**
 * `log(exp(a) + exp(b))` without overflow or underflow: `max + log1p(exp(min − max))`.
 * `-Infinity` is log(0) and is accepted (`logAddExp(-Infinity, b) = b`). Accurate to
 * a few ulp.
 *
 * @throws CrmkitError INVALID_INPUT when `a` or `b` is NaN.
 *
 * @example
 * ```ts
 * import { logAddExp } from "crmkit/math";
 * logAddExp(Math.log(2), Math.log(3)); // Math.log(5)
 * logAddExp(1000, 1000); // 1000 + Math.LN2 (naive exp() would overflow)
 * ```
 */
export function logAddExp(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) {
    requireNotNaN("logAddExp", "a", a);
    requireNotNaN("logAddExp", "b", b);
  }
  const max = a > b ? a : b;
  const min = a > b ? b : a;
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  return max + Math.log1p(Math.exp(min - max));
}

/**
 * `log(Σ exp(v_i))` over an array, stable for any magnitudes: the maximum m is
 * factored out first (two passes), so no term overflows, and the result is
 * `m + log1p(Σ_{i≠argmax} exp(v_i − m))`, so terms far below the maximum still count
 * (`logSumExp([0, -40])` is 4.25e-18, not 0). Relative error is a few ulp plus `n·ε`
 * for the summation.
 * An empty input is the log of an empty sum, `-Infinity`; a `+Infinity` entry gives
 * `+Infinity`.
 *
 * @param values - numbers (array or typed array); `-Infinity` entries are zero terms.
 * @throws CrmkitError INVALID_INPUT when an entry is NaN.
 *
 * @example
 * ```ts
 * import { logSumExp } from "crmkit/math";
 * logSumExp([0, 0, 0, 0]); // Math.log(4)
 * logSumExp(new Float64Array([-1000, -1000])); // -1000 + Math.LN2
 * ```
 */
export function logSumExp(values: ArrayLike<number>): number {
  if (values == null || typeof values.length !== "number") throw invalidInput("logSumExp.values", values, "an array or typed array of numbers");
  const n = values.length;
  let max = Number.NEGATIVE_INFINITY;
  let argmax = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v > max) {
      max = v;
      argmax = i;
    } else if (Number.isNaN(v) || typeof v !== "number") throw invalidInput(`logSumExp.values[${i}]`, v, "a number (not NaN)");
  }
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  // The largest term is exactly 1 after scaling: sum the others and use log1p, so that
  // small contributions (log(1 + e^-40)) are not rounded away.
  let rest = 0;
  for (let i = 0; i < n; i++) if (i !== argmax) rest += Math.exp(values[i]! - max);
  return max + Math.log1p(rest);
}

/**
 * `log(1 − exp(x))` for `x ≤ 0`, accurate over the whole range (Mächler 2012,
 * "Accurately computing log(1 − exp(−|a|))"): `log(−expm1(x))` for `x > −ln 2`
 * and `log1p(−exp(x))` below, each where it does not cancel. `log1mExp(0)` is
 * `-Infinity`.
 *
 * @throws CrmkitError INVALID_INPUT when `x > 0` or NaN (the log of a negative number).
 *
 * @example
 * ```ts
 * import { log1mExp } from "crmkit/math";
 * log1mExp(-1e-20); // Math.log(1e-20) (the naive Math.log(1 - Math.exp(x)) gives -Infinity)
 * log1mExp(-50); // -1.9287498479639178e-22
 * ```
 */
export function log1mExp(x: number): number {
  if (!(x <= 0)) throw invalidInput("log1mExp.x", x, "a number <= 0 (log(1 - e^x) is undefined above 0)");
  return x > -LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/**
 * `log(1 + exp(x))` (the softplus), accurate for every `x` (Mächler 2012): `exp(x)`
 * for `x ≤ −37`, `log1p(exp(x))` up to 18, `x + exp(−x)` up to 33.3 and `x` above,
 * so it neither overflows for large `x` nor loses the tiny value for very negative `x`.
 *
 * @throws CrmkitError INVALID_INPUT when `x` is NaN.
 *
 * @example
 * ```ts
 * import { log1pExp } from "crmkit/math";
 * log1pExp(0); // Math.LN2
 * log1pExp(800); // 800 (the naive form overflows to Infinity)
 * log1pExp(-40); // 4.248354255291589e-18
 * ```
 */
export function log1pExp(x: number): number {
  if (x <= -37) return Math.exp(x);
  if (x <= 18) return Math.log1p(Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  if (Number.isNaN(x)) throw invalidInput("log1pExp.x", x, "a number (not NaN)");
  return x;
}

/**
 * `log(exp(a) − exp(b))` for `a ≥ b`, computed as `a + log1mExp(b − a)` so that it is
 * accurate even when the two are nearly equal. `logSubExp(a, a)` is `-Infinity`.
 *
 * @throws CrmkitError INVALID_INPUT when `a < b` (the difference would be negative)
 *   or either is NaN.
 *
 * @example
 * ```ts
 * import { logSubExp } from "crmkit/math";
 * logSubExp(Math.log(5), Math.log(3)); // Math.log(2)
 * logSubExp(0, -1e-20); // Math.log(1e-20)
 * ```
 */
export function logSubExp(a: number, b: number): number {
  requireNotNaN("logSubExp", "a", a);
  requireNotNaN("logSubExp", "b", b);
  if (a < b) throw invalidInput("logSubExp.b", b, `a number <= a (${a}): log(e^a - e^b) needs a >= b`);
  if (b === Number.NEGATIVE_INFINITY) return a;
  if (a === Number.POSITIVE_INFINITY) {
    if (b === a) throw invalidInput("logSubExp.b", b, "a number < Infinity when a is Infinity (Infinity - Infinity is undefined)");
    return a;
  }
  if (a === b) return Number.NEGATIVE_INFINITY;
  return a + log1mExp(b - a);
}
