import { invalidInput } from "../errors/invalid-input.js";

function checkMatrix(fn: string, a: ArrayLike<number>, n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) throw invalidInput(`${fn}.n`, n, "a positive integer dimension");
  if (a == null || typeof a.length !== "number" || a.length !== n * n) {
    throw invalidInput(`${fn}.a`, a, `a row-major n x n matrix of ${n * n} numbers (n = ${n})`);
  }
  for (let i = 0; i < n * n; i++) if (!Number.isFinite(a[i]!)) throw invalidInput(`${fn}.a[${i}]`, a[i], "a finite number");
}

function checkVector(fn: string, name: string, b: ArrayLike<number>, n: number): void {
  if (b == null || typeof b.length !== "number" || b.length !== n) throw invalidInput(`${fn}.${name}`, b, `a vector of ${n} numbers`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(b[i]!)) throw invalidInput(`${fn}.${name}[${i}]`, b[i], "a finite number");
}

/**
 * The Cholesky factor of a symmetric positive-definite matrix: the lower-triangular
 * L with `A = L·Lᵀ` (row-major `Float64Array`, zeros above the diagonal), or `null`
 * when A is not (numerically) positive definite — the standard test for it, e.g. of
 * a Hessian at a maximum-likelihood fit.
 *
 * Algorithm: the Cholesky–Banachiewicz recurrence, reading only the lower triangle
 * of A (the upper triangle is assumed to mirror it). O(n³/3). A pivot that is not
 * positive (or not finite) returns `null`.
 *
 * @param a - the matrix, row-major, `n·n` finite numbers.
 * @param n - the dimension.
 * @throws CrmkitError INVALID_INPUT when the dimensions do not match or an entry is not finite.
 *
 * @example
 * ```ts
 * import { cholesky } from "crmkit/math";
 * cholesky(new Float64Array([4, 2, 2, 3]), 2); // Float64Array [2, 0, 1, 1.4142135623730951]
 * cholesky(new Float64Array([1, 2, 2, 1]), 2); // null (indefinite)
 * ```
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  checkMatrix("cholesky", a, n);
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0) || !Number.isFinite(sum)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  return l;
}

/**
 * Solves `A·x = b` given the Cholesky factor L of A (from {@link cholesky}) by
 * forward and back substitution. O(n²).
 *
 * @param l - the lower-triangular factor, row-major.
 * @param n - the dimension.
 * @param b - the right-hand side, n numbers.
 * @throws CrmkitError INVALID_INPUT on mismatched dimensions, non-finite entries or
 *   a zero on the diagonal of L.
 *
 * @example
 * ```ts
 * import { cholesky, choleskySolve } from "crmkit/math";
 * const l = cholesky(new Float64Array([4, 2, 2, 3]), 2)!;
 * choleskySolve(l, 2, [2, 1]); // Float64Array [0.5, 0]
 * ```
 */
export function choleskySolve(l: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  checkMatrix("choleskySolve", l, n);
  checkVector("choleskySolve", "b", b, n);
  for (let i = 0; i < n; i++) if (!(l[i * n + i] !== 0)) throw invalidInput(`choleskySolve.l[${i * n + i}]`, l[i * n + i], "a non-zero diagonal entry");
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/**
 * The inverse of a symmetric positive-definite matrix through its Cholesky factor
 * (e.g. the covariance matrix of maximum-likelihood estimates as the inverse of the
 * Hessian of the negative log-likelihood), or `null` when the matrix is not positive
 * definite. The result is exactly symmetric. O(n³).
 *
 * @throws CrmkitError INVALID_INPUT on mismatched dimensions or non-finite entries.
 *
 * @example
 * ```ts
 * import { invertSymmetricPositiveDefinite } from "crmkit/math";
 * invertSymmetricPositiveDefinite(new Float64Array([4, 2, 2, 3]), 2);
 * // Float64Array [0.375, -0.25, -0.25, 0.5]
 * ```
 */
export function invertSymmetricPositiveDefinite(a: ArrayLike<number>, n: number): Float64Array | null {
  checkMatrix("invertSymmetricPositiveDefinite", a, n);
  const l = cholesky(a, n);
  if (l === null) return null;
  const inverse = new Float64Array(n * n);
  const e = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    e.fill(0);
    e[j] = 1;
    const column = choleskySolve(l, n, e);
    for (let i = 0; i < n; i++) inverse[i * n + j] = column[i]!;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (inverse[i * n + j]! + inverse[j * n + i]!);
      inverse[i * n + j] = v;
      inverse[j * n + i] = v;
    }
  }
  return inverse;
}

/**
 * Solves the square system `A·x = b` by LU decomposition with partial pivoting
 * (Gaussian elimination choosing the largest pivot in each column). O(n³). The
 * inputs are not modified.
 *
 * @throws CrmkitError INVALID_INPUT on mismatched dimensions, non-finite entries, or
 *   a singular (or numerically singular: pivot below 1e-14 of the column scale) matrix.
 *
 * @example
 * ```ts
 * import { solveLinear } from "crmkit/math";
 * solveLinear([0, 1, 2, 3], 2, [1, 8]); // Float64Array [2.5, 1] (needs the row swap)
 * ```
 */
export function solveLinear(a: ArrayLike<number>, n: number, b: ArrayLike<number>): Float64Array {
  checkMatrix("solveLinear", a, n);
  checkVector("solveLinear", "b", b, n);
  const m = Float64Array.from(a as ArrayLike<number>);
  const x = Float64Array.from(b as ArrayLike<number>);
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(m[i]!));
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = Math.abs(m[col * n + col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(m[r * n + col]!);
      if (v > best) {
        best = v;
        pivotRow = r;
      }
    }
    if (!(best > 1e-14 * scale)) throw invalidInput("solveLinear.a", a, "a non-singular matrix");
    if (pivotRow !== col) {
      for (let k = 0; k < n; k++) {
        const t = m[col * n + k]!;
        m[col * n + k] = m[pivotRow * n + k]!;
        m[pivotRow * n + k] = t;
      }
      const t = x[col]!;
      x[col] = x[pivotRow]!;
      x[pivotRow] = t;
    }
    const pivot = m[col * n + col]!;
    for (let r = col + 1; r < n; r++) {
      const factor = m[r * n + col]! / pivot;
      if (factor === 0) continue;
      for (let k = col; k < n; k++) m[r * n + k] = m[r * n + k]! - factor * m[col * n + k]!;
      x[r] = x[r]! - factor * x[col]!;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i]!;
    for (let k = i + 1; k < n; k++) sum -= m[i * n + k]! * x[k]!;
    x[i] = sum / m[i * n + i]!;
  }
  return x;
}
