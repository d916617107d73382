import { expect } from "vitest";

/** Draws `n` values. */
export function draw(n: number, f: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f();
  return out;
}

/** Sample mean and (unbiased) variance. */
export function moments(xs: Float64Array): { mean: number; variance: number } {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return { mean, variance: ss / (xs.length - 1) };
}

/**
 * Expects the sample mean within `z` standard errors of `mean` (standard error from
 * the true variance), and the sample variance within `z` standard errors of
 * `variance` (standard error from the true fourth central moment `mu4` when given,
 * else a normal-theory approximation scaled by `kurtosisAllowance`).
 */
export function expectMoments(xs: Float64Array, mean: number, variance: number, opts: { z?: number; mu4?: number } = {}): void {
  const z = opts.z ?? 5;
  const n = xs.length;
  const m = moments(xs);
  expect(Math.abs(m.mean - mean), `mean ${m.mean} vs ${mean}`).toBeLessThan(z * Math.sqrt(variance / n));
  const mu4 = opts.mu4 ?? 3 * variance * variance;
  const seVar = Math.sqrt((mu4 - variance * variance) / n);
  expect(Math.abs(m.variance - variance), `variance ${m.variance} vs ${variance}`).toBeLessThan(z * seVar);
}

/**
 * Kolmogorov–Smirnov distance between the sample and a continuous CDF; expects it
 * below the 0.1% critical value 1.95 / sqrt(n).
 */
export function expectKolmogorovSmirnov(xs: Float64Array, cdf: (x: number) => number): void {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
  }
  expect(d, `KS distance ${d}`).toBeLessThan(1.95 / Math.sqrt(n));
}

/**
 * Chi-square goodness of fit of integer draws against a pmf; cells with expected
 * count below 5 are pooled into the tails. Expects the statistic below the 0.1%
 * critical value (Wilson–Hilferty approximation of the chi-square quantile).
 */
export function expectDiscreteFit(xs: Float64Array, pmf: (k: number) => number, maxK: number): void {
  const n = xs.length;
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  const cells: { observed: number; expected: number }[] = [];
  let pooledO = 0;
  let pooledE = 0;
  for (let k = 0; k <= maxK; k++) {
    pooledO += counts.get(k) ?? 0;
    pooledE += n * pmf(k);
    if (pooledE >= 5) {
      cells.push({ observed: pooledO, expected: pooledE });
      pooledO = 0;
      pooledE = 0;
    }
  }
  let tailO = pooledO;
  for (const [k, c] of counts) if (k > maxK) tailO += c;
  const assigned = cells.reduce((s, c) => s + c.expected, 0);
  const tailE = n - assigned;
  const last = cells.at(-1);
  // A tail with too small an expectation is pooled into the last cell.
  if (tailE < 5 && last !== undefined) {
    last.observed += tailO;
    last.expected += tailE;
  } else cells.push({ observed: tailO, expected: tailE });
  const stat = cells.reduce((s, c) => s + ((c.observed - c.expected) ** 2) / c.expected, 0);
  const df = cells.length - 1;
  const zq = 3.0902; // standard normal 99.9% quantile
  const critical = df * (1 - 2 / (9 * df) + zq * Math.sqrt(2 / (9 * df))) ** 3;
  expect(stat, `chi-square ${stat} with ${df} df`).toBeLessThan(critical);
}
