import { invalidInput } from "../errors/invalid-input.js";
import { CrmkitError } from "../errors/crmkit-error.js";
import { chiSquareSf } from "../math/chi-square.js";
import { eventTable, survivalColumns, type SurvivalSample } from "./survival-input.js";

/**
 * Options of {@link logRankTest}.
 *
 * @example
 * ```ts
 * import type { LogRankOptions } from "crmkit/retention";
 * const peto: LogRankOptions = { rho: 1 };
 * ```
 */
export interface LogRankOptions {
  /**
   * Fleming–Harrington ρ: each time is weighted by S(t−)^ρ, the pooled Kaplan–Meier
   * estimate just before it. 0 (default) is the log-rank test; 1 is the
   * Peto–Peto modification of the Gehan–Wilcoxon test (more weight on early
   * differences), as R's `survdiff(rho = 1)`.
   */
  readonly rho?: number;
}

/**
 * The result of {@link logRankTest}: observed and expected (weighted) events per
 * group, the variance of O − E, the chi-square statistic on 1 degree of freedom and
 * its p-value.
 *
 * @example
 * ```ts
 * import type { LogRankResult } from "crmkit/retention";
 * const significant = (r: LogRankResult) => r.pValue < 0.05;
 * ```
 */
export interface LogRankResult {
  /** Observed events in group A and B. */
  readonly observed: readonly [number, number];
  /** Expected events under equal survival, group A and B. */
  readonly expected: readonly [number, number];
  /** Variance of O − E (hypergeometric, with ties). */
  readonly variance: number;
  /** (O_A − E_A)² / V, chi-square with 1 degree of freedom under H0. */
  readonly statistic: number;
  readonly degreesOfFreedom: 1;
  readonly pValue: number;
  readonly rho: number;
}

/**
 * The two-sample log-rank test (Mantel–Haenszel) of equal survival curves, with
 * optional Fleming–Harrington weights. At each distinct event time the events of
 * group A are compared with their expectation given the numbers at risk; the sum of
 * O − E, squared and divided by its hypergeometric variance, is chi-square with 1
 * degree of freedom under H0. Matches R `survival::survdiff` (checked on `aml`:
 * chi-square 3.4, p = 0.065).
 *
 * @example
 * ```ts
 * import { logRankTest } from "crmkit/retention";
 * const r = logRankTest(
 *   { durations: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161], observed: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0] },
 *   { durations: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45], observed: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1] },
 * );
 * r.statistic; // ≈ 3.40
 * r.pValue; // ≈ 0.065
 * ```
 */
export function logRankTest(groupA: SurvivalSample, groupB: SurvivalSample, options: LogRankOptions = {}): LogRankResult {
  for (const [name, g] of [["groupA", groupA], ["groupB", groupB]] as const) {
    if (typeof g !== "object" || g === null) throw invalidInput(name, g, "a sample { durations, observed? }");
  }
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an options object");
  const rho = options.rho ?? 0;
  if (typeof rho !== "number" || !Number.isFinite(rho) || rho < 0) throw invalidInput("options.rho", rho, "a finite number >= 0");
  const a = survivalColumns("groupA", groupA.durations, groupA.observed, groupA.weights);
  const b = survivalColumns("groupB", groupB.durations, groupB.observed, groupB.weights);

  // The two event tables (sorted distinct times with events and censorings), merged by time.
  const ta = eventTable(a);
  const tb = eventTable(b);
  let atRiskA = ta.total;
  let atRiskB = tb.total;
  let oA = 0;
  let oB = 0;
  let eA = 0;
  let eB = 0;
  let v = 0;
  let sPooled = 1; // pooled Kaplan–Meier just before the current time
  let i = 0;
  let j = 0;
  const na = ta.times.length;
  const nb = tb.times.length;
  while (i < na || j < nb) {
    const t = Math.min(i < na ? ta.times[i]! : Number.POSITIVE_INFINITY, j < nb ? tb.times[j]! : Number.POSITIVE_INFINITY);
    let dA = 0;
    let dB = 0;
    let removedA = 0;
    let removedB = 0;
    if (i < na && ta.times[i] === t) {
      dA = ta.events[i]!;
      removedA = dA + ta.censored[i]!;
      i++;
    }
    if (j < nb && tb.times[j] === t) {
      dB = tb.events[j]!;
      removedB = dB + tb.censored[j]!;
      j++;
    }
    const d = dA + dB;
    const atRisk = atRiskA + atRiskB;
    if (d > 0) {
      const w = rho === 0 ? 1 : Math.pow(sPooled, rho);
      const expA = (d * atRiskA) / atRisk;
      oA += w * dA;
      oB += w * dB;
      eA += w * expA;
      eB += w * (d - expA);
      if (atRisk > 1) v += (w * w * d * (atRiskA / atRisk) * (1 - atRiskA / atRisk) * (atRisk - d)) / (atRisk - 1);
      sPooled *= 1 - d / atRisk;
    }
    atRiskA -= removedA;
    atRiskB -= removedB;
  }
  if (!(v > 0)) {
    throw new CrmkitError("INSUFFICIENT_DATA", "logRankTest: the variance of O − E is 0 (no event at a time when both groups were at risk); the test is undefined", {
      details: { observed: [oA, oB], expected: [eA, eB] },
    });
  }
  const statistic = ((oA - eA) * (oA - eA)) / v;
  return {
    observed: [oA, oB],
    expected: [eA, eB],
    variance: v,
    statistic,
    degreesOfFreedom: 1,
    pValue: chiSquareSf(statistic, 1),
    rho,
  };
}
