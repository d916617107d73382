import type { SurveyResponse } from "../model/survey-response.js";
import { compareNps, type NpsComparison } from "./compare.js";
import { buildNpsResult, parseNpsOptions, type NpsOptions, type NpsResult } from "./score.js";
import { parseTrendOptions, withPeriodCounts } from "./trend-counts.js";
import { periodIndexOfMs, periodLabelOf, type CalendarPeriod } from "../time/calendar-period.js";
import { optionsObject } from "./validate.js";

/**
 * Options of {@link npsTrend}: the calendar period and an optional range
 * (`from` inclusive, `to` exclusive; default: from the first to the last
 * response), plus the usual {@link NpsOptions}.
 *
 * @example
 * ```ts
 * import type { NpsTrendOptions } from "crmkit/nps";
 * const options: NpsTrendOptions = { period: "month", from: new Date("2024-01-01T00:00:00Z"), to: new Date("2025-01-01T00:00:00Z") };
 * ```
 */
export interface NpsTrendOptions extends NpsOptions {
  /** Calendar period of each point (UTC). */
  readonly period: CalendarPeriod;
  /** First instant to include; the first point is the period containing it. Default: the first response. */
  readonly from?: Date;
  /** First instant to exclude; the last point is the period containing the instant before it. Default: just after the last response. */
  readonly to?: Date;
}

/**
 * One period of an NPS trend. Periods without responses are present, with
 * `n = 0` and `score: null` (never a made-up 0 or NaN).
 *
 * @example
 * ```ts
 * import type { NpsTrendPoint } from "crmkit/nps";
 * const line = (p: NpsTrendPoint) => `${p.label}: ${p.score === null ? "no responses" : p.score.nps.toFixed(0)}`;
 * ```
 */
export interface NpsTrendPoint {
  /** `2024-05-10`, `2024-W19`, `2024-05` or `2024-Q2`. */
  readonly label: string;
  /** Start of the period (UTC), inclusive. */
  readonly start: Date;
  /** End of the period (UTC), exclusive. */
  readonly end: Date;
  /** Responses in the period (within `from`/`to`). */
  readonly n: number;
  /** The period's NPS with its interval, or `null` when `n = 0`. */
  readonly score: NpsResult | null;
  /**
   * This period compared with the previous one ({@link compareNps}, this − previous),
   * or `null` for the first period or when either has no responses.
   */
  readonly changeFromPrevious: NpsComparison | null;
}

/**
 * The NPS per calendar period — day, ISO week, month or quarter, in UTC — each with
 * its confidence interval and warnings, and whether it changed significantly
 * from the period before. Every period of the range is present; empty ones have
 * `n = 0` and `score: null`.
 *
 * Input: `SurveyResponse` records of kind `"nps"` (an array, iterable or async
 * iterable; an async input gives a `Promise`). Every response counts in its
 * period; a customer who answers twice in a period counts twice.
 *
 * Errors: `INVALID_INPUT` for bad records or options (unknown period, `to` not
 * after `from`, more than 100,000 periods); `INSUFFICIENT_DATA` when there are no
 * responses and no `from`/`to` to span.
 *
 * @example
 * ```ts
 * import { npsTrend } from "crmkit/nps";
 * const at = (iso: string, score: number, id: string) => ({ id, kind: "nps" as const, score, respondedAt: new Date(iso), attributes: {} });
 * const points = npsTrend(
 *   [at("2024-01-10T00:00:00Z", 10, "a"), at("2024-01-20T00:00:00Z", 3, "b"), at("2024-03-05T00:00:00Z", 9, "c")],
 *   { period: "month" },
 * );
 * points.map((p) => [p.label, p.n, p.score?.nps ?? null]);
 * // [["2024-01", 2, 0], ["2024-02", 0, null], ["2024-03", 1, 100]]
 * ```
 */
export function npsTrend(responses: Iterable<SurveyResponse>, options: NpsTrendOptions): NpsTrendPoint[];
/**
 * Async form: consumes a stream of records.
 *
 * @example
 * ```ts
 * import { npsTrend } from "crmkit/nps";
 * import { createMemoryStore } from "crmkit/repository";
 * const store = createMemoryStore().forTenant("acme");
 * const points = await npsTrend(store.surveyResponses.stream({ filter: { kind: "nps" } }), {
 *   period: "week", from: new Date("2024-01-01T00:00:00Z"), to: new Date("2024-04-01T00:00:00Z"),
 * });
 * ```
 */
export function npsTrend(responses: AsyncIterable<SurveyResponse>, options: NpsTrendOptions): Promise<NpsTrendPoint[]>;
export function npsTrend(responses: Iterable<SurveyResponse> | AsyncIterable<SurveyResponse>, options: NpsTrendOptions): NpsTrendPoint[] | Promise<NpsTrendPoint[]> {
  let settings: ReturnType<typeof parseNpsOptions> | undefined;
  return withPeriodCounts(
    responses,
    () => {
      const opts = optionsObject(options, "options");
      settings = parseNpsOptions(opts, "options");
      return parseTrendOptions(opts, "options");
    },
    () => 0,
    (counts, range) => {
      const points: NpsTrendPoint[] = [];
      const periods = counts.starts.length - 1;
      for (let k = 0; k < periods; k++) {
        const p = counts.promoters[k]!;
        const q = counts.passives[k]!;
        const d = counts.detractors[k]!;
        const n = p + q + d;
        const score = n === 0 ? null : buildNpsResult(p, q, d, settings!);
        const previous = points[k - 1]?.score ?? null;
        const start = counts.starts[k]!;
        points.push({
          label: periodLabelOf(periodIndexOfMs(start, range.period), range.period),
          start: new Date(start),
          end: new Date(counts.starts[k + 1]!),
          n,
          score,
          changeFromPrevious:
            score === null || previous === null
              ? null
              : compareNps(score, previous, {
                  method: settings!.method,
                  level: settings!.level,
                  minSampleSize: settings!.thresholds.minSampleSize,
                  maxIntervalWidth: settings!.thresholds.maxIntervalWidth,
                  labels: [periodLabelOf(periodIndexOfMs(start, range.period), range.period), points[k - 1]!.label],
                }),
        });
      }
      return points;
    },
  );
}
