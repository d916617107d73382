import { invalidInput } from "../errors/invalid-input.js";

/**
 * A calendar period for cohorts and groupings, in UTC: ISO week (`2024-W09`),
 * month (`2024-03`), quarter (`2024-Q1`) or year (`2024`).
 *
 * @example
 * ```ts
 * import type { CohortPeriod } from "crmkit/conversion";
 * const p: CohortPeriod = "quarter";
 * ```
 */
export type CohortPeriod = "week" | "month" | "quarter" | "year";

export const COHORT_PERIODS: readonly CohortPeriod[] = ["week", "month", "quarter", "year"];

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The UTC period label of an instant: `2024-W09`, `2024-03`, `2024-Q1` or `2024`. Labels sort chronologically. */
export function periodKey(ms: number, period: CohortPeriod): string {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  switch (period) {
    case "year":
      return String(y);
    case "quarter":
      return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    case "month":
      return `${y}-${pad(d.getUTCMonth() + 1)}`;
    case "week": {
      // ISO 8601 week: the week with the year's first Thursday is week 1.
      const day = (d.getUTCDay() + 6) % 7; // Monday = 0
      const thursday = Date.UTC(y, d.getUTCMonth(), d.getUTCDate() - day + 3);
      const isoYear = new Date(thursday).getUTCFullYear();
      const week = 1 + Math.floor((thursday - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000));
      return `${isoYear}-W${pad(week)}`;
    }
    default:
      throw invalidInput("period", period, '"week", "month", "quarter" or "year"');
  }
}
