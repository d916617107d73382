import type { Random } from "../random/random.js";
import { logGammaVariate } from "../random/sample-gamma.js";
import { standardNormal } from "../random/sample-normal.js";
import { DAY_MS } from "./customer-simulator.js";

/** Small sampling and date helpers of the dataset generator. @internal */

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
export { DAY_MS };

export function pick<T>(rng: Random, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)]!;
}

export function chance(rng: Random, p: number): boolean {
  return rng.next() < p;
}

/** A gamma variate with the given shape and mean. */
export function gammaMean(rng: Random, shape: number, mean: number): number {
  return (Math.exp(logGammaVariate(rng, shape)) * mean) / shape;
}

/** A log-normal variate with the given median and log-scale standard deviation. */
export function logNormal(rng: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
}

export function normal(rng: Random, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}

/** An exponential variate with the given mean. */
export function expMean(rng: Random, mean: number): number {
  return -Math.log(rng.next()) * mean;
}

export function uniform(rng: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export function floorToSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** `ms` plus `months` calendar months in UTC, the day clamped to the month's length. */
export function addMonthsUtc(ms: number, months: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

/** `YYYY-MM-DD` of an instant in UTC. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `March 2024` (UTC). */
export function monthYear(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Lower-case ASCII letters only (diacritics removed): for e-mail addresses and domains. */
export function asciiSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/** Number of values in the sorted array `sorted[0..n)` that are <= x. */
export function countAtMost(sorted: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rounds to the currency's minor unit. */
export function roundMoney(amount: number, minorUnits: number): number {
  const f = 10 ** minorUnits;
  return Math.round(amount * f) / f;
}

/** `n` sorted uniform times in (lo, hi). */
export function sortedUniformTimes(rng: Random, n: number, lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(floorToSecond(uniform(rng, lo, hi)));
  return out.sort((a, b) => a - b);
}
