import { invalidInput } from "../errors/invalid-input.js";

/**
 * Internal argument checks shared by the math module. Every check throws the
 * `INVALID_INPUT` {@link CrmkitError} built by `invalidInput`, with the field named
 * `function.argument` so the message says where the bad value went in.
 *
 * @example
 * ```ts
 * requireFinite("erf", "x", Number.NaN); // throws: erf.x: expected a finite number, got NaN
 * ```
 * @internal
 */
export function requireFinite(fn: string, arg: string, value: number): void {
  if (!Number.isFinite(value)) throw invalidInput(`${fn}.${arg}`, value, "a finite number");
}

/**
 * Throws unless `value` is a number (±Infinity allowed, NaN not).
 *
 * @example
 * ```ts
 * requireNotNaN("logAddExp", "a", Number.NaN); // throws
 * ```
 * @internal
 */
export function requireNotNaN(fn: string, arg: string, value: number): void {
  if (typeof value !== "number" || Number.isNaN(value)) throw invalidInput(`${fn}.${arg}`, value, "a number (not NaN)");
}

/**
 * Throws unless `value > 0` (`+Infinity` allowed when `allowInfinity`).
 *
 * @example
 * ```ts
 * requirePositive("lgamma", "x", 0); // throws: lgamma.x: expected a number > 0, got 0
 * ```
 * @internal
 */
export function requirePositive(fn: string, arg: string, value: number, allowInfinity = false): void {
  if (!(value > 0) || (!allowInfinity && value === Number.POSITIVE_INFINITY)) {
    throw invalidInput(`${fn}.${arg}`, value, allowInfinity ? "a number > 0" : "a finite number > 0");
  }
}

/**
 * Throws unless `value >= 0` and finite.
 *
 * @example
 * ```ts
 * requireNonNegative("chiSquareCdf", "x", -1); // throws
 * ```
 * @internal
 */
export function requireNonNegative(fn: string, arg: string, value: number, allowInfinity = false): void {
  if (!(value >= 0) || (!allowInfinity && value === Number.POSITIVE_INFINITY)) {
    throw invalidInput(`${fn}.${arg}`, value, allowInfinity ? "a number >= 0" : "a finite number >= 0");
  }
}

/**
 * Throws unless `0 < p < 1`.
 *
 * @example
 * ```ts
 * requireOpenProbability("normalQuantile", "p", 1); // throws
 * ```
 * @internal
 */
export function requireOpenProbability(fn: string, arg: string, value: number): void {
  if (!(value > 0 && value < 1)) throw invalidInput(`${fn}.${arg}`, value, "a probability strictly between 0 and 1");
}

/**
 * Throws unless `0 <= p <= 1`.
 *
 * @example
 * ```ts
 * requireClosedProbability("quantile", "p", 1.5); // throws
 * ```
 * @internal
 */
export function requireClosedProbability(fn: string, arg: string, value: number): void {
  if (!(value >= 0 && value <= 1)) throw invalidInput(`${fn}.${arg}`, value, "a probability in [0, 1]");
}

/**
 * Throws unless `value` is a non-negative safe integer.
 *
 * @example
 * ```ts
 * requireCount("proportionInterval", "n", 2.5); // throws
 * ```
 * @internal
 */
export function requireCount(fn: string, arg: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw invalidInput(`${fn}.${arg}`, value, "a non-negative integer");
}
