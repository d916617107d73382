import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";

/**
 * Options of {@link integrateUnit} and {@link integrate}.
 *
 * @example
 * ```ts
 * import type { QuadratureOptions } from "crmkit/math";
 * const options: QuadratureOptions = { tolerance: 1e-10, maxLevel: 8 };
 * ```
 */
export interface QuadratureOptions {
  /** Relative tolerance between successive refinements (default 1e-12). */
  readonly tolerance?: number;
  /** Maximum number of step halvings (default 10: up to ~8,000 evaluations). */
  readonly maxLevel?: number;
}

/**
 * ∫₀¹ f(x) dx by tanh-sinh (double-exponential) quadrature, which converges fast
 * even with integrable singularities at the end points (x^(a−1) with a < 1).
 * `f` receives x and 1 − x (computed without cancellation near 1). Throws
 * NOT_CONVERGED when the refinements do not agree within the tolerance.
 *
 * @example
 * ```ts
 * import { integrateUnit } from "crmkit/math";
 * integrateUnit((x) => 1 / Math.sqrt(x)); // 2
 * integrateUnit((x, y) => Math.log(y)); // -1
 * ```
 */
export function integrateUnit(f: (x: number, oneMinusX: number) => number, options: QuadratureOptions = {}): number {
  const tol = options.tolerance ?? 1e-12;
  const maxLevel = options.maxLevel ?? 10;
  const U = 4.2; // |u| <= U: tanh(π/2 sinh U) is 1 to double precision
  const node = (u: number): number => {
    const s = (Math.PI / 2) * Math.sinh(u);
    const e = Math.exp(-2 * Math.abs(s));
    const small = e / (1 + e); // the end point distance
    const x = s >= 0 ? 1 / (1 + e) : small;
    const y = s >= 0 ? small : 1 / (1 + e);
    if (x <= 0 || y <= 0) return 0;
    const ch = Math.cosh(s);
    const w = ((Math.PI / 4) * Math.cosh(u)) / (ch * ch);
    const v = f(x, y);
    return Number.isFinite(w) && w > 0 ? w * v : 0;
  };
  let h = 0.5;
  let sum = node(0);
  for (let k = 1; k * h <= U; k++) sum += node(k * h) + node(-k * h);
  let estimate = sum * h;
  for (let level = 1; level <= maxLevel; level++) {
    h /= 2;
    for (let k = 1; k * h <= U; k += 2) sum += node(k * h) + node(-k * h);
    const next = sum * h;
    if (!Number.isFinite(next)) throw new CrmkitError("NOT_CONVERGED", "integrateUnit: the integrand is not finite on (0, 1)", { details: { level } });
    if (Math.abs(next - estimate) <= tol * Math.abs(next) || next === estimate) return next;
    estimate = next;
  }
  throw new CrmkitError("NOT_CONVERGED", `integrateUnit: no agreement to ${tol} after ${maxLevel} refinements (last ${estimate})`, { details: { estimate, tolerance: tol } });
}

/**
 * ∫ₐᵇ f(x) dx on a finite interval by tanh-sinh quadrature (see {@link integrateUnit}).
 *
 * @example
 * ```ts
 * import { integrate } from "crmkit/math";
 * integrate(Math.sin, 0, Math.PI); // 2
 * ```
 */
export function integrate(f: (x: number) => number, a: number, b: number, options: QuadratureOptions = {}): number {
  if (!Number.isFinite(a)) throw invalidInput("a", a, "a finite number");
  if (!Number.isFinite(b)) throw invalidInput("b", b, "a finite number");
  if (a === b) return 0;
  const d = b - a;
  return d * integrateUnit((x, y) => f(x <= 0.5 ? a + d * x : b - d * y), options);
}

const GL_CACHE = new Map<number, { x: Float64Array; w: Float64Array }>();

/**
 * Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton's
 * iteration on the Legendre polynomial; cached).
 *
 * @example
 * ```ts
 * import { gaussLegendre } from "crmkit/math";
 * const { x, w } = gaussLegendre(3);
 * x[2]; // 0.7745966692414834 (√(3/5))
 * w[1]; // 0.8888888888888888 (8/9)
 * ```
 */
export function gaussLegendre(n: number): { readonly x: Float64Array; readonly w: Float64Array } {
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw invalidInput("n", n, "an integer in [1, 1000]");
  const cached = GL_CACHE.get(n);
  if (cached !== undefined) return cached;
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      if (n === 1) p0 = 1;
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * dp * dp);
  }
  const out = { x, w };
  GL_CACHE.set(n, out);
  return out;
}
