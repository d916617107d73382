// Stand-in until the math module lands on main (same contract as /work/math-api.md).
/** Objective: returns f(x) and writes ∇f(x) into grad. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  maxIterations?: number;
  gradientTolerance?: number;
  relativeTolerance?: number;
  memory?: number;
}

/** Result of {@link minimize}. */
export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: string;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** L-BFGS with a strong-Wolfe line search. */
export function minimize(fn: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const maxIt = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-8;
  const rtol = options.relativeTolerance ?? 1e-12;
  const m = options.memory ?? 10;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let evaluations = 0;
  const evalAt = (xx: Float64Array, gg: Float64Array): number => {
    evaluations++;
    const v = fn(xx, gg);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let f = evalAt(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const xn = new Float64Array(n);
  const gn = new Float64Array(n);
  let it = 0;
  let reason = "max iterations";
  let converged = false;
  if (!Number.isFinite(f)) return { x, value: f, gradient: g, iterations: 0, evaluations, converged: false, reason: "non-finite start" };
  for (; it < maxIt; it++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax <= gtol * Math.max(1, Math.abs(f))) {
      converged = true;
      reason = "gradient tolerance";
      break;
    }
    // two-loop recursion
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    const alpha: number[] = new Array<number>(S.length);
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(S[k]!, d);
      for (let i = 0; i < n; i++) d[i]! -= alpha[k]! * Y[k]![i]!;
    }
    if (S.length > 0) {
      const k = S.length - 1;
      const gamma = dot(S[k]!, Y[k]!) / dot(Y[k]!, Y[k]!);
      for (let i = 0; i < n; i++) d[i]! *= gamma;
    } else {
      const norm = Math.sqrt(dot(d, d));
      for (let i = 0; i < n; i++) d[i]! /= Math.max(1, norm);
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k]! * dot(Y[k]!, d);
      for (let i = 0; i < n; i++) d[i]! += S[k]![i]! * (alpha[k]! - beta);
    }
    let dg = dot(d, g);
    if (!(dg < 0)) {
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      dg = dot(d, g);
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
    }
    // strong Wolfe line search (Nocedal & Wright, algorithms 3.5 and 3.6)
    const c1 = 1e-4;
    const c2 = 0.9;
    const phi = (a: number): [number, number] => {
      for (let i = 0; i < n; i++) xn[i] = x[i]! + a * d[i]!;
      const v = evalAt(xn, gn);
      return [v, Number.isFinite(v) ? dot(gn, d) : Number.NaN];
    };
    let aPrev = 0;
    let fPrev = f;
    let dPrev = dg;
    let a = 1;
    let found = false;
    let fa = 0;
    const zoom = (lo: number, hi: number, flo: number, dlo: number, fhi: number): boolean => {
      for (let k = 0; k < 40; k++) {
        let aj: number;
        // cubic interpolation when possible, else bisection
        const dd = hi - lo;
        aj = lo + dd / 2;
        if (Number.isFinite(fhi)) {
          const q = fhi - flo - dlo * dd;
          if (q > 0) {
            const t = lo - (dlo * dd * dd) / (2 * q);
            const lo2 = Math.min(lo, hi) + 0.1 * Math.abs(dd);
            const hi2 = Math.max(lo, hi) - 0.1 * Math.abs(dd);
            if (t > lo2 && t < hi2) aj = t;
          }
        }
        const [fj, dj] = phi(aj);
        if (!Number.isFinite(fj) || fj > f + c1 * aj * dg || fj >= flo) {
          hi = aj;
          fhi = fj;
        } else {
          if (Math.abs(dj) <= -c2 * dg) {
            fa = fj;
            return true;
          }
          if (dj * (hi - lo) >= 0) {
            hi = lo;
            fhi = flo;
          }
          lo = aj;
          flo = fj;
          dlo = dj;
        }
        if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
      }
      // accept the best point with sufficient decrease if any
      if (lo > 0) {
        const [fl] = phi(lo);
        fa = fl;
        return fl < f;
      }
      return false;
    };
    for (let k = 0; k < 30; k++) {
      const [fv, dv] = phi(a);
      if (!Number.isFinite(fv) || fv > f + c1 * a * dg || (k > 0 && fv >= fPrev)) {
        found = zoom(aPrev, a, fPrev, dPrev, fv);
        break;
      }
      if (Math.abs(dv) <= -c2 * dg) {
        fa = fv;
        found = true;
        break;
      }
      if (dv >= 0) {
        found = zoom(a, aPrev, fv, dv, fPrev);
        break;
      }
      aPrev = a;
      fPrev = fv;
      dPrev = dv;
      a *= 2;
    }
    if (!found) {
      reason = "line search failed";
      let gmax2 = 0;
      for (let i = 0; i < n; i++) gmax2 = Math.max(gmax2, Math.abs(g[i]!));
      converged = gmax2 <= 1e-5 * Math.max(1, Math.abs(f));
      break;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xn[i]! - x[i]!;
      y[i] = gn[i]! - g[i]!;
    }
    const sy = dot(s, y);
    const fOld = f;
    x = Float64Array.from(xn);
    g = Float64Array.from(gn);
    f = fa;
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
      if (S.length > m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
    }
    if (Math.abs(fOld - f) <= rtol * Math.max(1, Math.abs(f))) {
      it++;
      converged = true;
      reason = "relative tolerance";
      break;
    }
  }
  return { x, value: f, gradient: g, iterations: it, evaluations, converged, reason };
}

/** Nelder–Mead simplex (derivative-free). */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const maxIt = options.maxIterations ?? 2000;
  const tol = options.relativeTolerance ?? 1e-10;
  const n = x0.length;
  let evaluations = 0;
  const F = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const pts: Float64Array[] = [Float64Array.from(x0)];
  for (let i = 0; i < n; i++) {
    const p = Float64Array.from(x0);
    p[i] = p[i]! + (p[i] === 0 ? 0.1 : 0.1 * Math.abs(p[i]!));
    pts.push(p);
  }
  let vals = pts.map(F);
  let it = 0;
  let converged = false;
  for (; it < maxIt; it++) {
    const order = vals.map((v, i) => i).sort((i, j) => vals[i]! - vals[j]!);
    const P = order.map((i) => pts[i]!);
    const V = order.map((i) => vals[i]!);
    pts.splice(0, pts.length, ...P);
    vals = V;
    if (Math.abs(vals[n]! - vals[0]!) <= tol * Math.max(1, Math.abs(vals[0]!))) {
      converged = true;
      break;
    }
    const c = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) c[i]! += pts[k]![i]! / n;
    const at = (t: number): Float64Array => {
      const p = new Float64Array(n);
      for (let i = 0; i < n; i++) p[i] = c[i]! + t * (pts[n]![i]! - c[i]!);
      return p;
    };
    const xr = at(-1);
    const fr = F(xr);
    if (fr < vals[0]!) {
      const xe = at(-2);
      const fe = F(xe);
      if (fe < fr) {
        pts[n] = xe;
        vals[n] = fe;
      } else {
        pts[n] = xr;
        vals[n] = fr;
      }
    } else if (fr < vals[n - 1]!) {
      pts[n] = xr;
      vals[n] = fr;
    } else {
      const xc = fr < vals[n]! ? at(-0.5) : at(0.5);
      const fcv = F(xc);
      if (fcv < Math.min(fr, vals[n]!)) {
        pts[n] = xc;
        vals[n] = fcv;
      } else {
        for (let k = 1; k <= n; k++) {
          for (let i = 0; i < n; i++) pts[k]![i] = pts[0]![i]! + 0.5 * (pts[k]![i]! - pts[0]![i]!);
          vals[k] = F(pts[k]!);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i]! < vals[best]!) best = i;
  return { x: pts[best]!, value: vals[best]!, gradient: new Float64Array(n), iterations: it, evaluations, converged, reason: converged ? "relative tolerance" : "max iterations" };
}
