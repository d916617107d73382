/**
 * Safeguarded Newton iteration for the root of an increasing function `g` inside
 * the bracket `(lo, hi)` (`hi` may be `+Infinity`): a Newton step from `x` when it
 * stays inside the current bracket, else a bisection step (geometric when the
 * bracket spans orders of magnitude, expanding when `hi` is infinite). Stops when
 * the step or the bracket is below `relTol` relative to x. Internal helper of the
 * quantile functions, which supply `g = F − p` and `dg = density`.
 *
 * @example
 * ```ts
 * solveIncreasing((x) => x * x - 2, (x) => 2 * x, 1, 0, 2); // 1.4142135623730951
 * ```
 * @internal
 */
export function solveIncreasing(
  g: (x: number) => number,
  dg: (x: number) => number,
  x0: number,
  lo: number,
  hi: number,
  relTol = 4e-16,
  maxIterations = 400,
): number {
  let x = x0 > lo && x0 < hi ? x0 : bisect(lo, hi);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const gx = g(x);
    if (gx === 0) return x;
    if (gx < 0) lo = x;
    else hi = x;
    let next = x - gx / dg(x);
    if (!(next > lo && next < hi)) next = bisect(lo, hi);
    if (Math.abs(next - x) <= relTol * Math.abs(next)) return next;
    if (hi !== Number.POSITIVE_INFINITY && hi - lo <= relTol * Math.abs(hi)) return 0.5 * (lo + hi);
    x = next;
  }
  return x;
}

function bisect(lo: number, hi: number): number {
  if (hi === Number.POSITIVE_INFINITY) return lo > 0 ? lo * 4 : 1;
  if (lo === 0) return hi / 16;
  if (lo > 0 && hi > 4 * lo) return Math.sqrt(lo) * Math.sqrt(hi); // (lo * hi may underflow)
  return 0.5 * (lo + hi);
}
