import { gammaln } from "simple-statistics";

/**
 * Independent reference formulas of the BG/NBD model (Fader, Hardie & Lee 2005,
 * "Counting Your Customers the Easy Way", Marketing Science 24(2)), written from the
 * paper for the generator's tests: they check that generated purchase logs follow the
 * model, without using crmkit's own CLV module.
 */

function logBeta(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/** One customer's BG/NBD log-likelihood (eq. 6), x repeats, last at t_x, observed for T. */
export function bgnbdLogLikelihood(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  const common = gammaln(r + x) - gammaln(r) + r * Math.log(alpha);
  const first = logBeta(a, b + x) - logBeta(a, b) - (r + x) * Math.log(alpha + T);
  if (x === 0) return common + first;
  const second = logBeta(a + 1, b + x - 1) - logBeta(a, b) - (r + x) * Math.log(alpha + tx);
  const m = Math.max(first, second);
  return common + m + Math.log(Math.exp(first - m) + Math.exp(second - m));
}

/** Gauss's hypergeometric series 2F1(a, b; c; z) for 0 <= z < 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let j = 0; j < 100_000; j++) {
    term *= ((a + j) * (b + j) * z) / ((c + j) * (j + 1));
    sum += term;
    if (Math.abs(term) < 1e-15 * Math.abs(sum)) return sum;
  }
  throw new Error(`2F1 did not converge for z = ${z}`);
}

/** Expected repeat purchases in (0, t] of a new customer under BG/NBD (eq. 7). */
export function bgnbdExpectedRepeats(r: number, alpha: number, a: number, b: number, t: number): number {
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z));
}

/** Expected repeat purchases in (0, t] under Pareto/NBD (Schmittlein, Morrison & Colombo 1987), s ≠ 1. */
export function paretoNbdExpectedRepeats(r: number, alpha: number, s: number, beta: number, t: number): number {
  return ((r * beta) / (alpha * (s - 1))) * (1 - (beta / (beta + t)) ** (s - 1));
}

/** A plain Nelder–Mead minimiser (Lagarias et al. 1998 coefficients). */
export function nelderMead(f: (x: number[]) => number, x0: number[], maxIterations = 4000, tolerance = 1e-10): { x: number[]; value: number } {
  const n = x0.length;
  let simplex = [x0, ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + (Math.abs(v) > 1e-3 ? 0.1 * v : 0.05) : v)))];
  let values = simplex.map(f);
  for (let it = 0; it < maxIterations; it++) {
    const order = values.map((v, i) => i).sort((i, j) => values[i]! - values[j]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) <= tolerance * (Math.abs(values[0]!) + 1e-12)) break;
    const centroid = x0.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = along(-1);
    const fr = f(reflected);
    if (fr < values[0]!) {
      const expanded = along(-2);
      const fe = f(expanded);
      if (fe < fr) [simplex[n], values[n]] = [expanded, fe];
      else [simplex[n], values[n]] = [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n]! ? along(-0.5) : along(0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, values[n]!)) [simplex[n], values[n]] = [contracted, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = f(simplex[i]!);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, value: values[best]! };
}

/** Total BG/NBD log-likelihood of many customers (eq. 6 summed), with the x-only terms computed once per distinct x. */
export function bgnbdTotalLogLikelihood(r: number, alpha: number, a: number, b: number, rows: readonly { x: number; tx: number; T: number }[]): number {
  const lbab = logBeta(a, b);
  const perX = new Map<number, { common: number; first: number; second: number }>();
  let ll = 0;
  for (const { x, tx, T } of rows) {
    let c = perX.get(x);
    if (c === undefined) {
      c = {
        common: gammaln(r + x) - gammaln(r) + r * Math.log(alpha),
        first: logBeta(a, b + x) - lbab,
        second: x === 0 ? 0 : logBeta(a + 1, b + x - 1) - lbab,
      };
      perX.set(x, c);
    }
    const first = c.first - (r + x) * Math.log(alpha + T);
    if (x === 0) {
      ll += c.common + first;
      continue;
    }
    const second = c.second - (r + x) * Math.log(alpha + tx);
    const m = Math.max(first, second);
    ll += c.common + m + Math.log(Math.exp(first - m) + Math.exp(second - m));
  }
  return ll;
}
