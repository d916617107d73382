import { invalidInput } from "../errors/invalid-input.js";
import { numericGradient } from "./hessian.js";

/**
 * Why an optimiser stopped:
 * - `"gradient-tolerance"` — max |∂f/∂xᵢ| ≤ gradientTolerance·max(1, |f|) (converged);
 * - `"relative-change"` — an iteration decreased f by at most
 *   relativeTolerance·max(1, |f|), or the line search found no decrease while the
 *   quadratic model predicted less than that (the rounding floor of f) (converged);
 * - `"simplex-converged"` — Nelder–Mead: the simplex collapsed in both x and f (converged);
 * - `"max-iterations"`, `"max-evaluations"` — the budget ran out (not converged);
 * - `"line-search-failed"` — no step along the search direction (nor, after a
 *   restart, along the steepest descent) decreased f sufficiently: usually the
 *   rounding floor of f near a minimum, or a non-smooth or non-finite region
 *   (not converged; inspect `gradient`).
 *
 * @example
 * ```ts
 * import type { MinimizeReason } from "crmkit/math";
 * const reason: MinimizeReason = "gradient-tolerance";
 * ```
 */
export type MinimizeReason =
  | "gradient-tolerance"
  | "relative-change"
  | "simplex-converged"
  | "max-iterations"
  | "max-evaluations"
  | "line-search-failed";

/**
 * The result of {@link minimize} and {@link nelderMead}.
 *
 * @example
 * ```ts
 * import { minimize, type MinimizeResult } from "crmkit/math";
 * const r: MinimizeResult = minimize((x, g) => { g[0] = 2 * x[0]!; return x[0]! ** 2; }, [3]);
 * ```
 */
export interface MinimizeResult {
  /** The best point found. */
  readonly x: Float64Array;
  /** f at x. */
  readonly value: number;
  /** The gradient at x (Nelder–Mead: by central differences at the end). */
  readonly gradient: Float64Array;
  /** Iterations performed. */
  readonly iterations: number;
  /** Function (and gradient) evaluations performed. */
  readonly evaluations: number;
  /** True when a convergence test (not a budget or a failure) stopped the run. */
  readonly converged: boolean;
  /** Why the run stopped. */
  readonly reason: MinimizeReason;
}

/**
 * Options of {@link minimize}.
 *
 * @example
 * ```ts
 * import type { MinimizeOptions } from "crmkit/math";
 * const options: MinimizeOptions = { maxIterations: 1000, gradientTolerance: 1e-10 };
 * ```
 */
export interface MinimizeOptions {
  /** Iteration budget (default 500). */
  readonly maxIterations?: number;
  /** Converged when max |gᵢ| ≤ gradientTolerance·max(1, |f|) (default 1e-8). */
  readonly gradientTolerance?: number;
  /** Converged when an iteration improves f by ≤ relativeTolerance·max(1, |f|) (default 1e-12). */
  readonly relativeTolerance?: number;
  /** Number of correction pairs kept by L-BFGS (default 10). */
  readonly memory?: number;
}

/**
 * Options of {@link nelderMead}.
 *
 * @example
 * ```ts
 * import type { NelderMeadOptions } from "crmkit/math";
 * const options: NelderMeadOptions = { maxEvaluations: 5000, initialStep: 0.5 };
 * ```
 */
export interface NelderMeadOptions {
  /** Iteration budget (default 200·n). */
  readonly maxIterations?: number;
  /** Evaluation budget (default 400·n). */
  readonly maxEvaluations?: number;
  /** Converged when the simplex's f values lie within relativeTolerance·max(1, |f|) (default 1e-10)… */
  readonly relativeTolerance?: number;
  /** …and its vertices within xTolerance·max(1, |x|) of the best one in every coordinate (default 1e-8). */
  readonly xTolerance?: number;
  /** Initial simplex edge: xᵢ + initialStep·max(1, |xᵢ|)·eᵢ … (default 0.1). */
  readonly initialStep?: number;
}

function checkStart(fn: string, x0: ArrayLike<number>): Float64Array {
  if (x0 == null || typeof x0.length !== "number" || x0.length === 0) throw invalidInput(`${fn}.x0`, x0, "a non-empty array of numbers");
  const x = new Float64Array(x0.length);
  for (let i = 0; i < x0.length; i++) {
    const v = x0[i]!;
    if (!Number.isFinite(v)) throw invalidInput(`${fn}.x0[${i}]`, v, "a finite number");
    x[i] = v;
  }
  return x;
}

function positiveOption(fn: string, name: string, value: number | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  if (!(value > 0) || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) {
    throw invalidInput(`${fn}.options.${name}`, value, integer ? "a positive integer" : "a finite number > 0");
  }
  return value;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]!);
    if (v > m || Number.isNaN(v)) m = v;
  }
  return m;
}

function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

const C1 = 1e-4; // sufficient decrease (Armijo)
const C2 = 0.9; // curvature (quasi-Newton value, Nocedal & Wright)
const MAX_LINE_SEARCH = 40;

/** A point on the search line: x + α d, with f and ∇f there. */
interface LinePoint {
  alpha: number;
  f: number;
  slope: number; // ∇f · d
  x: Float64Array;
  g: Float64Array;
}

/** Minimiser of the cubic through (a, fa, da), (b, fb, db); NaN when it has none. */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const disc = d1 * d1 - da * db;
  if (!(disc >= 0)) return Number.NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(disc);
  return b - ((b - a) * (db + d2 - d1)) / (db - da + 2 * d2);
}

/**
 * Line search for the strong Wolfe conditions (Nocedal & Wright, Algorithms 3.5 and
 * 3.6) with cubic interpolation. A non-finite f or gradient is treated as "too far":
 * the step is cut back and never extended beyond it. Returns null on failure.
 */
function strongWolfe(
  fn: (x: Float64Array, g: Float64Array) => number,
  x: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
  alpha1: number,
  counter: { evaluations: number },
): LinePoint | null {
  const n = x.length;
  const slope0 = dot(g0, d);
  const evaluate = (alpha: number): LinePoint => {
    const xt = new Float64Array(n);
    for (let i = 0; i < n; i++) xt[i] = x[i]! + alpha * d[i]!;
    const gt = new Float64Array(n);
    const ft = fn(xt, gt);
    counter.evaluations++;
    const finite = Number.isFinite(ft) && allFinite(gt);
    return { alpha, f: finite ? ft : Number.NaN, slope: finite ? dot(gt, d) : Number.NaN, x: xt, g: gt };
  };
  const armijo = (p: LinePoint): boolean => p.f <= f0 + C1 * p.alpha * slope0;
  const curvature = (p: LinePoint): boolean => Math.abs(p.slope) <= -C2 * slope0;

  const zoom = (lo: LinePoint, hiAlpha: number, hiF: number, hiSlope: number): LinePoint | null => {
    let hi = { alpha: hiAlpha, f: hiF, slope: hiSlope };
    for (let j = 0; j < MAX_LINE_SEARCH; j++) {
      const left = Math.min(lo.alpha, hi.alpha);
      const right = Math.max(lo.alpha, hi.alpha);
      const width = right - left;
      if (width <= 1e-16 * right) break;
      let alpha = Number.isFinite(hi.f) ? cubicMinimizer(lo.alpha, lo.f, lo.slope, hi.alpha, hi.f, hi.slope) : Number.NaN;
      if (!(alpha > left + 0.1 * width && alpha < right - 0.1 * width)) alpha = 0.5 * (lo.alpha + hi.alpha);
      const p = evaluate(alpha);
      if (!Number.isFinite(p.f)) {
        hi = { alpha, f: Number.NaN, slope: Number.NaN };
        continue;
      }
      if (!armijo(p) || p.f >= lo.f) {
        hi = { alpha, f: p.f, slope: p.slope };
      } else {
        if (curvature(p)) return p;
        if (p.slope * (hi.alpha - lo.alpha) >= 0) hi = { alpha: lo.alpha, f: lo.f, slope: lo.slope };
        lo = p;
      }
    }
    // No point met the curvature condition: accept the best point with sufficient decrease.
    return lo.alpha > 0 ? lo : null;
  };

  const start: LinePoint = { alpha: 0, f: f0, slope: slope0, x, g: g0 };
  let previous = start;
  let alpha = alpha1;
  let ceiling = Number.POSITIVE_INFINITY; // smallest step known to leave the domain
  for (let i = 0; i < MAX_LINE_SEARCH; i++) {
    const p = evaluate(alpha);
    if (!Number.isFinite(p.f)) {
      ceiling = alpha;
      alpha = previous.alpha + 0.25 * (alpha - previous.alpha);
      if (alpha - previous.alpha <= 1e-16 * Math.max(alpha, 1e-300)) return previous.alpha > 0 ? previous : null;
      continue;
    }
    if (!armijo(p) || (i > 0 && p.f >= previous.f)) return zoom(previous, p.alpha, p.f, p.slope);
    if (curvature(p)) return p;
    if (p.slope >= 0) return zoom(p, previous.alpha, previous.f, previous.slope);
    previous = p;
    const next = 2 * alpha;
    alpha = next < ceiling ? next : 0.5 * (alpha + ceiling);
  }
  return previous.alpha > 0 ? previous : null;
}

/**
 * Minimises a smooth function of n unconstrained variables with L-BFGS (Nocedal &
 * Wright, *Numerical Optimization*, 2nd ed., Algorithm 7.5): a quasi-Newton method
 * keeping the last `memory` correction pairs, with the two-loop recursion, the
 * initial scaling γ = sᵀy/yᵀy, and a line search satisfying the strong Wolfe
 * conditions (c₁ = 1e-4, c₂ = 0.9; cubic interpolation). Built for
 * maximum-likelihood fits of a few parameters: optimise log-parameters so the
 * problem is unconstrained.
 *
 * Robustness: `fn` may return `Infinity` or `NaN` (or a non-finite gradient)
 * outside the region where it is defined — the line search then backtracks and
 * never extrapolates past such a point. Correction pairs with non-positive
 * curvature are skipped; a search direction that is not a descent direction, or a
 * failed line search, restarts from the steepest descent once before giving up.
 *
 * Stopping, reported honestly in `converged` / `reason` ({@link MinimizeReason}):
 * gradient test max|gᵢ| ≤ gradientTolerance·max(1, |f|); relative change
 * f_k − f_{k+1} ≤ relativeTolerance·max(1, |f|); iteration budget; line-search
 * failure. The result is the best point seen.
 *
 * @param fn - returns f(x) and writes ∇f(x) into `grad` (both arrays have length n;
 *   do not keep references to them).
 * @param x0 - the starting point, where f and ∇f must be finite.
 * @throws CrmkitError INVALID_INPUT when x0 is empty or not finite, f or its
 *   gradient is not finite at x0, or an option is invalid.
 *
 * @example
 * ```ts
 * import { minimize } from "crmkit/math";
 * // Rosenbrock: minimum 0 at (1, 1)
 * const r = minimize((x, g) => {
 *   const [a, b] = [x[0]!, x[1]!];
 *   g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
 *   g[1] = 200 * (b - a * a);
 *   return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
 * }, [-1.2, 1]);
 * r.converged; // true
 * r.x; // ≈ Float64Array [1, 1]
 * ```
 */
export function minimize(fn: (x: Float64Array, grad: Float64Array) => number, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  if (typeof fn !== "function") throw invalidInput("minimize.fn", fn, "a function (x, grad) => number");
  let x: Float64Array = checkStart("minimize", x0);
  const n = x.length;
  const maxIterations = positiveOption("minimize", "maxIterations", options.maxIterations, 500, true);
  const gradientTolerance = positiveOption("minimize", "gradientTolerance", options.gradientTolerance, 1e-8);
  const relativeTolerance = positiveOption("minimize", "relativeTolerance", options.relativeTolerance, 1e-12);
  const memory = positiveOption("minimize", "memory", options.memory, 10, true);

  let g: Float64Array = new Float64Array(n);
  let f = fn(x, g);
  const counter = { evaluations: 1 };
  if (!Number.isFinite(f)) throw invalidInput("minimize.x0", x0, `a starting point where fn is finite (fn returned ${f})`);
  if (!allFinite(g)) throw invalidInput("minimize.x0", x0, "a starting point where the gradient is finite");

  const sList: Float64Array[] = [];
  const yList: Float64Array[] = [];
  const rhoList: number[] = [];
  const alphaBuffer = new Float64Array(memory);
  const d = new Float64Array(n);
  let reason: MinimizeReason = "max-iterations";
  let converged = false;
  let iterations = 0;

  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(g) <= gradientTolerance * Math.max(1, Math.abs(f))) {
      reason = "gradient-tolerance";
      converged = true;
      break;
    }
    let point: LinePoint | null = null;
    let predictedDecrease = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 2 && point === null; attempt++) {
      if (attempt === 1 && sList.length === 0) break; // already steepest descent
      if (attempt === 1) {
        sList.length = 0;
        yList.length = 0;
        rhoList.length = 0;
      }
      // two-loop recursion: d = −H g
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      const m = sList.length;
      for (let k = m - 1; k >= 0; k--) {
        const a = rhoList[k]! * dot(sList[k]!, d);
        alphaBuffer[k] = a;
        const y = yList[k]!;
        for (let i = 0; i < n; i++) d[i] = d[i]! - a * y[i]!;
      }
      if (m > 0) {
        const gamma = dot(sList[m - 1]!, yList[m - 1]!) / dot(yList[m - 1]!, yList[m - 1]!);
        for (let i = 0; i < n; i++) d[i] = d[i]! * gamma;
      }
      for (let k = 0; k < m; k++) {
        const beta = rhoList[k]! * dot(yList[k]!, d);
        const s = sList[k]!;
        const a = alphaBuffer[k]!;
        for (let i = 0; i < n; i++) d[i] = d[i]! + (a - beta) * s[i]!;
      }
      let slope = dot(d, g);
      if (!(slope < 0)) {
        // not a descent direction (should not happen with positive curvature pairs)
        sList.length = 0;
        yList.length = 0;
        rhoList.length = 0;
        for (let i = 0; i < n; i++) d[i] = -g[i]!;
        slope = dot(d, g);
      }
      predictedDecrease = -0.5 * slope; // the decrease a unit quasi-Newton step would give on a quadratic
      const first = sList.length === 0;
      const alpha1 = first ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
      point = strongWolfe(fn, x, f, g, d, alpha1, counter);
    }
    if (point === null) {
      // At the rounding floor of f no line search can see a decrease; when the model
      // predicts none worth having either, that is convergence by relative change.
      if (predictedDecrease <= relativeTolerance * Math.max(1, Math.abs(f))) {
        reason = "relative-change";
        converged = true;
      } else reason = "line-search-failed";
      break;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = point.x[i]! - x[i]!;
      y[i] = point.g[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (sList.length === memory) {
        sList.shift();
        yList.shift();
        rhoList.shift();
      }
      sList.push(s);
      yList.push(y);
      rhoList.push(1 / sy);
    }
    const previous = f;
    x = point.x;
    g = point.g;
    f = point.f;
    if (previous - f <= relativeTolerance * Math.max(1, Math.abs(f))) {
      iterations++;
      reason = maxAbs(g) <= gradientTolerance * Math.max(1, Math.abs(f)) ? "gradient-tolerance" : "relative-change";
      converged = true;
      break;
    }
  }
  return { x, value: f, gradient: g, iterations, evaluations: counter.evaluations, converged, reason };
}

/**
 * Minimises a function of n variables without derivatives by the Nelder–Mead
 * simplex method (Lagarias et al. 1998 conventions: reflection 1, expansion 2,
 * contraction ½, shrink ½) — a fallback for objectives without a reliable gradient.
 * Non-finite values count as +Infinity, so the simplex moves away from them.
 * Slow in more than a handful of dimensions and without convergence guarantees.
 *
 * Converged (`"simplex-converged"`) when the f values of the simplex lie within
 * relativeTolerance·max(1, |f_best|) and every vertex is within
 * xTolerance·max(1, |x_best|) of the best vertex in every coordinate. The returned
 * `gradient` is a central-difference estimate at the best point (2n extra evaluations).
 *
 * @param f - the objective.
 * @param x0 - the starting point, where f must be finite.
 * @throws CrmkitError INVALID_INPUT when x0 is empty or not finite, f(x0) is not
 *   finite, or an option is invalid.
 *
 * @example
 * ```ts
 * import { nelderMead } from "crmkit/math";
 * const r = nelderMead((x) => (x[0]! - 3) ** 2 + Math.abs(x[1]! + 1), [0, 0]);
 * r.x; // ≈ Float64Array [3, -1]
 * ```
 */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: NelderMeadOptions = {}): MinimizeResult {
  if (typeof f !== "function") throw invalidInput("nelderMead.f", f, "a function (x) => number");
  const start = checkStart("nelderMead", x0);
  const n = start.length;
  const maxIterations = positiveOption("nelderMead", "maxIterations", options.maxIterations, 200 * n, true);
  const maxEvaluations = positiveOption("nelderMead", "maxEvaluations", options.maxEvaluations, 400 * n, true);
  const relativeTolerance = positiveOption("nelderMead", "relativeTolerance", options.relativeTolerance, 1e-10);
  const xTolerance = positiveOption("nelderMead", "xTolerance", options.xTolerance, 1e-8);
  const initialStep = positiveOption("nelderMead", "initialStep", options.initialStep, 0.1);
  let evaluations = 0;
  const value = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  const f0 = value(start);
  if (!Number.isFinite(f0)) throw invalidInput("nelderMead.x0", x0, `a starting point where f is finite (f returned ${f(start)})`);
  const vertices: Float64Array[] = [start];
  const values: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const v = Float64Array.from(start);
    v[i] = v[i]! + initialStep * Math.max(1, Math.abs(v[i]!));
    vertices.push(v);
    values.push(value(v));
  }
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const along = (t: number, worst: Float64Array): Float64Array => {
    const p = new Float64Array(n);
    for (let i = 0; i < n; i++) p[i] = centroid[i]! + t * (worst[i]! - centroid[i]!);
    return p;
  };
  let reason: MinimizeReason = "max-iterations";
  let converged = false;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    order.sort((a, b) => values[a]! - values[b]!);
    const best = order[0]!;
    const worst = order[n]!;
    const secondWorst = order[n - 1]!;
    const fBest = values[best]!;
    let spreadF = 0;
    let spreadX = 0;
    for (let k = 1; k <= n; k++) {
      const v = order[k]!;
      spreadF = Math.max(spreadF, Math.abs(values[v]! - fBest));
      for (let i = 0; i < n; i++) {
        const xb = vertices[best]![i]!;
        spreadX = Math.max(spreadX, Math.abs(vertices[v]![i]! - xb) / Math.max(1, Math.abs(xb)));
      }
    }
    if (spreadF <= relativeTolerance * Math.max(1, Math.abs(fBest)) && spreadX <= xTolerance) {
      reason = "simplex-converged";
      converged = true;
      break;
    }
    if (evaluations >= maxEvaluations) {
      reason = "max-evaluations";
      break;
    }
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const v = vertices[order[k]!]!;
      for (let i = 0; i < n; i++) centroid[i] = centroid[i]! + v[i]! / n;
    }
    const xw = vertices[worst]!;
    const reflected = along(-1, xw);
    const fr = value(reflected);
    if (fr < fBest) {
      const expanded = along(-2, xw);
      const fe = value(expanded);
      if (fe < fr) {
        vertices[worst] = expanded;
        values[worst] = fe;
      } else {
        vertices[worst] = reflected;
        values[worst] = fr;
      }
      continue;
    }
    if (fr < values[secondWorst]!) {
      vertices[worst] = reflected;
      values[worst] = fr;
      continue;
    }
    const outside = fr < values[worst]!;
    const contracted = along(outside ? -0.5 : 0.5, xw);
    const fc = value(contracted);
    if (fc < (outside ? fr : values[worst]!)) {
      vertices[worst] = contracted;
      values[worst] = fc;
      continue;
    }
    const xb = vertices[best]!;
    for (let k = 1; k <= n; k++) {
      const idx = order[k]!;
      const v = vertices[idx]!;
      for (let i = 0; i < n; i++) v[i] = xb[i]! + 0.5 * (v[i]! - xb[i]!);
      values[idx] = value(v);
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= n; k++) if (values[k]! < values[bestIndex]!) bestIndex = k;
  const x = vertices[bestIndex]!;
  let gradient: Float64Array;
  try {
    gradient = numericGradient(f, x);
    evaluations += 2 * n;
  } catch {
    gradient = new Float64Array(n).fill(Number.NaN);
  }
  return { x: Float64Array.from(x), value: values[bestIndex]!, gradient, iterations, evaluations, converged, reason };
}
