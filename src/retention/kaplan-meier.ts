import { invalidInput } from "../errors/invalid-input.js";
import { normalQuantile } from "../math/normal.js";
import { eventTable, survivalColumns } from "./survival-input.js";

/**
 * How pointwise confidence intervals of a survival curve are built from the
 * Greenwood variance: on the `log(−log S)` scale (`"log-log"`, the default, as
 * lifelines; bounded in (0, 1)), on the `log S` scale (`"log"`, R `survfit`'s
 * default; the upper limit is capped at 1), or on S itself (`"plain"`, clipped to
 * [0, 1]; poor in the tails).
 *
 * @example
 * ```ts
 * import type { ConfidenceType } from "crmkit/retention";
 * const asR: ConfidenceType = "log";
 * ```
 */
export type ConfidenceType = "log-log" | "log" | "plain";

/**
 * Options of {@link kaplanMeier}.
 *
 * @example
 * ```ts
 * import type { KaplanMeierOptions } from "crmkit/retention";
 * const options: KaplanMeierOptions = { level: 0.9, confidenceType: "log" };
 * ```
 */
export interface KaplanMeierOptions {
  /** Confidence level of the intervals, in (0, 1) (default 0.95). */
  readonly level?: number;
  /** Interval transformation (default `"log-log"`). */
  readonly confidenceType?: ConfidenceType;
  /** Case weights, one per duration, each > 0 (e.g. counts of identical subjects). */
  readonly weights?: ArrayLike<number>;
}

/**
 * A survival quantile (such as the median) and its confidence interval; `null`
 * where the curve (or the confidence limit) never falls to the quantile's level
 * within the data ("not reached").
 *
 * @example
 * ```ts
 * import type { SurvivalQuantile } from "crmkit/retention";
 * const show = (q: SurvivalQuantile) => `${q.time ?? "not reached"} (${q.lower ?? "NA"}–${q.upper ?? "NA"})`;
 * ```
 */
export interface SurvivalQuantile {
  readonly time: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * One row of an at-risk table.
 *
 * @example
 * ```ts
 * import type { AtRiskRow } from "crmkit/retention";
 * const row: AtRiskRow = { time: 12, atRisk: 40, events: 25, censored: 3 };
 * ```
 */
export interface AtRiskRow {
  readonly time: number;
  /** Subjects still at risk at `time` (duration >= time). */
  readonly atRisk: number;
  /** Events at or before `time`. */
  readonly events: number;
  /** Censorings at or before `time`. */
  readonly censored: number;
}

/**
 * A fitted Kaplan–Meier curve. The columns hold one entry per distinct time in the
 * data (event or censoring), in increasing order; `survival[i]` is S(t) on
 * [times[i], times[i+1]) (right-continuous). `standardError`, `lower` and `upper`
 * are `NaN` where they are undefined — after the curve reaches 0 — as R's `survfit`
 * reports NA there.
 *
 * @example
 * ```ts
 * import { kaplanMeier, type KaplanMeierResult } from "crmkit/retention";
 * const km: KaplanMeierResult = kaplanMeier([5, 8, 8, 12], [1, 1, 0, 1]);
 * km.survivalAt(10); // 0.75 × (1 − 1/3) = 0.5
 * ```
 */
export interface KaplanMeierResult {
  readonly times: Float64Array;
  /** Subjects (total weight) at risk just before each time. */
  readonly atRisk: Float64Array;
  readonly events: Float64Array;
  readonly censored: Float64Array;
  readonly survival: Float64Array;
  /** Greenwood standard error of the survival estimate. */
  readonly standardError: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly level: number;
  readonly confidenceType: ConfidenceType;
  /** Subjects (total weight). */
  readonly subjects: number;
  /** Observed events (total weight). */
  readonly totalEvents: number;
  /** The median survival time with its confidence interval (Brookmeyer–Crowley via the interval curves, as R's `survfit`). */
  readonly median: SurvivalQuantile;
  /** S(t): the estimated probability of surviving beyond `t` (1 before the first event). */
  survivalAt(t: number): number;
  /**
   * The time by which a share `p` of subjects has churned (S falls to 1 − p), with
   * its confidence interval; p = 0.5 is the median.
   */
  quantile(p: number): SurvivalQuantile;
  /** At-risk / events / censored counts at the given times (the table printed under survival plots). */
  atRiskTable(times: ArrayLike<number>): AtRiskRow[];
  /**
   * Restricted mean survival time up to `horizon`: the area under the curve on
   * [0, horizon], i.e. the expected lifetime capped at the horizon.
   */
  restrictedMean(horizon: number): number;
}

const TOLERANCE = Math.sqrt(Number.EPSILON);

/**
 * The time where the curve `y = 1 − S` (given at `x`, starting at (0, 0)) first
 * reaches `p`, by R's `quantile.survfit` rule: if the curve is flat at exactly `p`,
 * the midpoint of the flat stretch (to the next drop, or to the last observed time
 * at the end of the curve). NaN points are skipped. `null` if never reached.
 */
function findQuantile(times: Float64Array, curve: Float64Array, p: number, lastTime: number): number | null {
  // Distinct values of 1 − curve, each at the first time it is attained, starting at (0, 0).
  const xs: number[] = [0];
  const ys: number[] = [0];
  for (let i = 0; i < times.length; i++) {
    const s = curve[i]!;
    if (Number.isNaN(s)) continue;
    const y = 1 - s;
    if (y !== ys[ys.length - 1]) {
      xs.push(times[i]!);
      ys.push(y);
    }
  }
  let i1 = -1;
  let i2 = -1;
  for (let i = 0; i < ys.length; i++) {
    if (i1 < 0 && ys[i]! + TOLERANCE >= p) i1 = i;
    if (ys[i]! - TOLERANCE >= p) {
      i2 = i;
      break;
    }
  }
  if (i1 < 0) return null;
  if (i2 < 0) return Math.abs(ys[ys.length - 1]! - p) < TOLERANCE ? (xs[i1]! + lastTime) / 2 : null;
  return (xs[i1]! + xs[i2]!) / 2;
}

/**
 * The Kaplan–Meier (product-limit) estimator of the survival curve of right-censored
 * durations, e.g. customer lifetimes where customers still active at the end of
 * observation are censored. Returns the curve with Greenwood standard errors,
 * pointwise confidence intervals (`"log-log"` by default), the median survival time
 * with its confidence interval (read off the interval curves, the Brookmeyer–Crowley
 * construction R's `survfit` uses, including its midpoint rule when the curve is
 * flat at exactly 0.5) and an at-risk table.
 *
 * Ties: events at a time precede censorings at the same time (standard convention).
 * Matches R `survival::survfit` (checked on the `aml` data in the tests).
 *
 * @example
 * ```ts
 * import { kaplanMeier } from "crmkit/retention";
 * // Months until churn; 0 = still subscribed when the data were pulled.
 * const km = kaplanMeier([1, 3, 3, 4, 6, 6, 9, 12], [1, 1, 0, 1, 1, 0, 1, 0]);
 * km.median.time; // 6
 * km.survivalAt(5); // 0.6 = (7/8)(6/7)(4/5)
 * km.atRiskTable([0, 6, 12]); // [{ time: 0, atRisk: 8, … }, { time: 6, atRisk: 4, … }, …]
 * ```
 */
export function kaplanMeier(durations: ArrayLike<number>, observed?: ArrayLike<boolean | number>, options: KaplanMeierOptions = {}): KaplanMeierResult {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object");
  const level = options.level ?? 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw invalidInput("options.level", level, "a confidence level in (0, 1)");
  const confidenceType = options.confidenceType ?? "log-log";
  if (confidenceType !== "log-log" && confidenceType !== "log" && confidenceType !== "plain") {
    throw invalidInput("options.confidenceType", confidenceType, '"log-log", "log" or "plain"');
  }
  const cols = survivalColumns("", durations, observed, options.weights);
  const table = eventTable(cols);
  const k = table.times.length;
  const survival = new Float64Array(k);
  const standardError = new Float64Array(k);
  const lower = new Float64Array(k);
  const upper = new Float64Array(k);
  const z = normalQuantile(1 - (1 - level) / 2);
  let s = 1;
  let greenwood = 0; // Σ d / (n (n − d)): the variance of log S (and of the cumulative hazard)
  let totalEvents = 0;
  for (let i = 0; i < k; i++) {
    const n = table.atRisk[i]!;
    const d = table.events[i]!;
    totalEvents += d;
    if (d > 0) {
      s *= 1 - d / n;
      greenwood = n > d ? greenwood + d / (n * (n - d)) : Number.POSITIVE_INFINITY;
    }
    if (s <= 0) s = 0;
    survival[i] = s;
    if (s === 0) {
      standardError[i] = Number.NaN;
      lower[i] = Number.NaN;
      upper[i] = Number.NaN;
      continue;
    }
    const sigma = Math.sqrt(greenwood); // standard error of log S
    standardError[i] = s * sigma;
    if (sigma === 0) {
      lower[i] = s;
      upper[i] = s;
    } else if (confidenceType === "log-log") {
      // log(−log S) ± z σ / |log S|; S = exp(−exp(·)) reverses the order.
      const logS = Math.log(s);
      const half = (z * sigma) / Math.abs(logS);
      lower[i] = Math.pow(s, Math.exp(half));
      upper[i] = Math.pow(s, Math.exp(-half));
    } else if (confidenceType === "log") {
      lower[i] = s * Math.exp(-z * sigma);
      upper[i] = Math.min(1, s * Math.exp(z * sigma));
    } else {
      lower[i] = Math.max(0, s - z * s * sigma);
      upper[i] = Math.min(1, s + z * s * sigma);
    }
  }
  const times = table.times;
  const lastTime = k > 0 ? times[k - 1]! : 0;

  const quantile = (p: number): SurvivalQuantile => {
    if (typeof p !== "number" || !(p > 0 && p < 1)) throw invalidInput("p", p, "a probability in (0, 1)");
    return {
      time: findQuantile(times, survival, p, lastTime),
      lower: findQuantile(times, lower, p, lastTime),
      upper: findQuantile(times, upper, p, lastTime),
    };
  };

  /** Index of the last time <= t, or -1. */
  const indexAt = (t: number): number => {
    let lo = 0;
    let hi = k - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  const cumEvents = new Float64Array(k);
  const cumCensored = new Float64Array(k);
  for (let i = 0, e = 0, c = 0; i < k; i++) {
    e += table.events[i]!;
    c += table.censored[i]!;
    cumEvents[i] = e;
    cumCensored[i] = c;
  }

  return {
    times,
    atRisk: table.atRisk,
    events: table.events,
    censored: table.censored,
    survival,
    standardError,
    lower,
    upper,
    level,
    confidenceType,
    subjects: table.total,
    totalEvents,
    median: quantile(0.5),
    survivalAt(t: number): number {
      if (typeof t !== "number" || Number.isNaN(t)) throw invalidInput("t", t, "a number");
      const i = indexAt(t);
      return i < 0 ? 1 : survival[i]!;
    },
    quantile,
    atRiskTable(at: ArrayLike<number>): AtRiskRow[] {
      const rows: AtRiskRow[] = [];
      for (let j = 0; j < at.length; j++) {
        const t = at[j];
        if (typeof t !== "number" || !Number.isFinite(t)) throw invalidInput(`times[${j}]`, t, "a finite time");
        // At risk at t: durations >= t, i.e. everyone not removed at a time < t.
        let lo = 0;
        let hi = k;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (times[mid]! < t) lo = mid + 1;
          else hi = mid;
        }
        const i = indexAt(t);
        rows.push({
          time: t,
          atRisk: lo < k ? table.atRisk[lo]! : 0,
          events: i < 0 ? 0 : cumEvents[i]!,
          censored: i < 0 ? 0 : cumCensored[i]!,
        });
      }
      return rows;
    },
    restrictedMean(horizon: number): number {
      if (typeof horizon !== "number" || !Number.isFinite(horizon) || horizon < 0) throw invalidInput("horizon", horizon, "a finite time >= 0");
      let area = 0;
      let prevT = 0;
      let prevS = 1;
      for (let i = 0; i < k && times[i]! < horizon; i++) {
        area += prevS * (times[i]! - prevT);
        prevT = times[i]!;
        prevS = survival[i]!;
      }
      return area + prevS * (horizon - prevT);
    },
  };
}
