import { invalidInput } from "../errors/invalid-input.js";

const CBRT_EPS = Math.cbrt(Number.EPSILON); // ≈ 6.06e-6: optimal step for central differences

function checkPoint(fn: string, x: ArrayLike<number>): void {
  if (x == null || typeof x.length !== "number" || x.length === 0) throw invalidInput(`${fn}.x`, x, "a non-empty array of numbers");
  for (let i = 0; i < x.length; i++) if (!Number.isFinite(x[i]!)) throw invalidInput(`${fn}.x[${i}]`, x[i], "a finite number");
}

/**
 * The gradient of `f` at `x` by central differences,
 * `(f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / 2hᵢ` with `hᵢ = ε^(1/3)·max(1, |xᵢ|)` (the step that
 * balances truncation and rounding error: about 1e-10 relative accuracy for
 * smooth f). 2n evaluations. Meant for testing analytic gradients.
 *
 * @throws CrmkitError INVALID_INPUT when x is empty or not finite, or f is not
 *   finite at one of the points it needs.
 *
 * @example
 * ```ts
 * import { numericGradient } from "crmkit/math";
 * numericGradient((x) => x[0]! ** 2 + 3 * x[1]!, [2, 5]); // ≈ Float64Array [4, 3]
 * ```
 */
export function numericGradient(f: (x: Float64Array) => number, x: ArrayLike<number>): Float64Array {
  checkPoint("numericGradient", x);
  const n = x.length;
  const point = Float64Array.from(x as ArrayLike<number>);
  const gradient = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = point[i]!;
    const h = CBRT_EPS * Math.max(1, Math.abs(xi));
    point[i] = xi + h;
    const up = f(point);
    point[i] = xi - h;
    const down = f(point);
    point[i] = xi;
    if (!Number.isFinite(up) || !Number.isFinite(down)) {
      throw invalidInput("numericGradient.f", up, `finite values of f at x[${i}] ± ${h}`);
    }
    gradient[i] = (up - down) / (2 * h);
  }
  return gradient;
}

/**
 * The Hessian at `x` by central differences of an analytic gradient:
 * column i is `(∇f(x + hᵢeᵢ) − ∇f(x − hᵢeᵢ)) / 2hᵢ` with `hᵢ = ε^(1/3)·max(1, |xᵢ|)`,
 * and the result is symmetrised, `(H + Hᵀ)/2`. 2n gradient evaluations; accuracy
 * about 1e-10 relative for smooth functions. Used for standard errors of
 * maximum-likelihood estimates (invert it with
 * {@link invertSymmetricPositiveDefinite}).
 *
 * @param grad - writes ∇f(x) into its second argument.
 * @param x - the point, n finite numbers.
 * @returns the n×n Hessian, row-major.
 * @throws CrmkitError INVALID_INPUT when x is empty or not finite, or the gradient
 *   is not finite at a point it needs.
 *
 * @example
 * ```ts
 * import { numericHessian } from "crmkit/math";
 * // f = x² y + y³: ∇f = (2xy, x² + 3y²)
 * numericHessian((x, g) => { g[0] = 2 * x[0]! * x[1]!; g[1] = x[0]! ** 2 + 3 * x[1]! ** 2; }, [1, 2]);
 * // ≈ Float64Array [4, 2, 2, 12]
 * ```
 */
export function numericHessian(grad: (x: Float64Array, g: Float64Array) => void, x: ArrayLike<number>): Float64Array {
  checkPoint("numericHessian", x);
  const n = x.length;
  const point = Float64Array.from(x as ArrayLike<number>);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const hessian = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const xi = point[i]!;
    const h = CBRT_EPS * Math.max(1, Math.abs(xi));
    point[i] = xi + h;
    grad(point, up);
    point[i] = xi - h;
    grad(point, down);
    point[i] = xi;
    for (let j = 0; j < n; j++) {
      const v = (up[j]! - down[j]!) / (2 * h);
      if (!Number.isFinite(v)) throw invalidInput("numericHessian.grad", v, `a finite gradient at x[${i}] ± ${h}`);
      hessian[j * n + i] = v;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (hessian[i * n + j]! + hessian[j * n + i]!);
      hessian[i * n + j] = v;
      hessian[j * n + i] = v;
    }
  }
  return hessian;
}
