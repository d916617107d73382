import { invalidInput } from "../errors/invalid-input.js";
import { CrmkitError } from "../errors/crmkit-error.js";

/**
 * Customer counts of one period: customers at its start (`start`, S), at its end
 * (`end`, E) and acquired during it (`acquired`, N).
 *
 * @example
 * ```ts
 * import type { RetentionCounts } from "crmkit/retention";
 * const q1: RetentionCounts = { start: 200, end: 180, acquired: 20 };
 * ```
 */
export interface RetentionCounts {
  readonly start: number;
  readonly end: number;
  readonly acquired: number;
}

function checkCounts(counts: RetentionCounts, fn: string): void {
  if (typeof counts !== "object" || counts === null) throw invalidInput(fn, counts, "an object { start, end, acquired }");
  for (const field of ["start", "end", "acquired"] as const) {
    const v = counts[field];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalidInput(field, v, "a finite count >= 0");
  }
  if (counts.start === 0) {
    throw new CrmkitError("INSUFFICIENT_DATA", `${fn}: start is 0 — the rate is undefined without customers at the start of the period`, { details: { ...counts } });
  }
  if (counts.acquired > counts.end) throw invalidInput("acquired", counts.acquired, `at most end (${counts.end}): customers acquired in the period are part of the end count`);
  if (counts.end - counts.acquired > counts.start) {
    throw invalidInput("end", counts.end, `at most start + acquired (${counts.start + counts.acquired}): more customers than ever existed`);
  }
}

/**
 * The customer retention rate of a period, `(E − N) / S`: the share of the
 * customers present at the start (S) who are still customers at the end (E), not
 * counting the N acquired during the period. In [0, 1]; `1 − retentionRate` is
 * {@link churnRate}.
 *
 * Conventions: S is counted at the first instant of the period and E at its last;
 * N counts the customers acquired during the period *who are still customers at its
 * end* (if it counted everyone acquired, customers won and lost within the period
 * would be charged to the starting base and bias the rate down). The formula
 * assumes a customer who left does not come back within the period; with activity
 * data (where "customer" means "active"), use {@link periodRetention}, which counts
 * returning customers separately.
 *
 * @example
 * ```ts
 * import { retentionRate } from "crmkit/retention";
 * retentionRate({ start: 200, end: 180, acquired: 20 }); // 0.8
 * ```
 */
export function retentionRate(counts: RetentionCounts): number {
  checkCounts(counts, "retentionRate");
  return (counts.end - counts.acquired) / counts.start;
}

/**
 * The customer churn rate of a period, `1 − (E − N) / S` = `(S − (E − N)) / S`: the
 * share of the customers present at the start who were lost by its end. See
 * {@link retentionRate} for the conventions.
 *
 * @example
 * ```ts
 * import { churnRate } from "crmkit/retention";
 * churnRate({ start: 200, end: 180, acquired: 20 }); // 0.2
 * ```
 */
export function churnRate(counts: RetentionCounts): number {
  checkCounts(counts, "churnRate");
  return (counts.start - (counts.end - counts.acquired)) / counts.start;
}
