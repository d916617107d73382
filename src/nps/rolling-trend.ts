import { invalidInput } from "../errors/invalid-input.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { buildNpsResult, parseNpsOptions, type NpsResult } from "./score.js";
import type { NpsTrendOptions } from "./trend.js";
import { parseTrendOptions, withPeriodCounts } from "./trend-counts.js";
import { periodIndexOfMs, periodLabelOf } from "../time/calendar-period.js";
import { optionsObject } from "./validate.js";

/**
 * Options of {@link npsRollingTrend}: those of {@link npsTrend} plus the window
 * length in periods.
 *
 * @example
 * ```ts
 * import type { NpsRollingTrendOptions } from "crmkit/nps";
 * const fourWeeks: NpsRollingTrendOptions = { period: "week", window: 4 };
 * ```
 */
export interface NpsRollingTrendOptions extends NpsTrendOptions {
  /** How many periods each window spans, ending with the point's period (integer ≥ 1). */
  readonly window: number;
}

/**
 * One point of a rolling NPS: the score of the `window` periods ending with this
 * one. `score` is `null` when the whole window has no responses.
 *
 * @example
 * ```ts
 * import type { NpsRollingPoint } from "crmkit/nps";
 * const show = (p: NpsRollingPoint) => `${p.label} (since ${p.windowStart.toISOString().slice(0, 10)}): ${p.score?.nps ?? "—"}`;
 * ```
 */
export interface NpsRollingPoint {
  /** Label of the period that ends the window. */
  readonly label: string;
  /** Start of that period (UTC). */
  readonly start: Date;
  /** End of the window and of the period (UTC), exclusive. */
  readonly end: Date;
  /** Start of the window (UTC), inclusive: `window − 1` periods before `start`. */
  readonly windowStart: Date;
  /** Responses in the window. */
  readonly n: number;
  /** The window's NPS with its interval, or `null` when `n = 0`. */
  readonly score: NpsResult | null;
}

/**
 * A rolling NPS: for each period from `from` to `to`, the score of the `window`
 * periods ending with it (a 4-week rolling NPS per week, a 3-month rolling NPS
 * per month). Smoother than {@link npsTrend} and with narrower intervals, at the
 * cost of reacting later. Windows reach back before `from` so the first point
 * has a full window. Consecutive windows share responses, so their scores are
 * not independent and are not compared with each other.
 *
 * @example
 * ```ts
 * import { npsRollingTrend } from "crmkit/nps";
 * const at = (iso: string, score: number, id: string) => ({ id, kind: "nps" as const, score, respondedAt: new Date(iso), attributes: {} });
 * const points = npsRollingTrend(
 *   [at("2024-01-10T00:00:00Z", 10, "a"), at("2024-02-20T00:00:00Z", 3, "b"), at("2024-03-05T00:00:00Z", 9, "c")],
 *   { period: "month", window: 2 },
 * );
 * points.map((p) => [p.label, p.n]); // [["2024-01", 1], ["2024-02", 2], ["2024-03", 2]]
 * ```
 */
export function npsRollingTrend(responses: Iterable<SurveyResponse>, options: NpsRollingTrendOptions): NpsRollingPoint[];
/**
 * Async form: consumes a stream of records.
 *
 * @example
 * ```ts
 * import { npsRollingTrend } from "crmkit/nps";
 * import { createMemoryStore } from "crmkit/repository";
 * const store = createMemoryStore().forTenant("acme");
 * const points = await npsRollingTrend(store.surveyResponses.stream({ filter: { kind: "nps" } }), {
 *   period: "month", window: 3, from: new Date("2024-01-01T00:00:00Z"), to: new Date("2025-01-01T00:00:00Z"),
 * });
 * ```
 */
export function npsRollingTrend(responses: AsyncIterable<SurveyResponse>, options: NpsRollingTrendOptions): Promise<NpsRollingPoint[]>;
export function npsRollingTrend(
  responses: Iterable<SurveyResponse> | AsyncIterable<SurveyResponse>,
  options: NpsRollingTrendOptions,
): NpsRollingPoint[] | Promise<NpsRollingPoint[]> {
  let settings: ReturnType<typeof parseNpsOptions> | undefined;
  let window = 1;
  return withPeriodCounts(
    responses,
    () => {
      const opts = optionsObject(options, "options");
      settings = parseNpsOptions(opts, "options");
      const w: unknown = opts.window;
      if (typeof w !== "number" || !Number.isInteger(w) || w < 1 || w > 10_000) throw invalidInput("options.window", w, "an integer number of periods from 1 to 10000");
      window = w;
      return parseTrendOptions(opts, "options");
    },
    () => window - 1,
    (counts, range) => {
      const periods = counts.starts.length - 1;
      // Prefix sums: the window ending at period k covers periods k − window + 1 … k.
      const cumulative = (c: Float64Array): Float64Array => {
        const out = new Float64Array(periods + 1);
        for (let k = 0; k < periods; k++) out[k + 1] = out[k]! + c[k]!;
        return out;
      };
      const P = cumulative(counts.promoters);
      const Q = cumulative(counts.passives);
      const D = cumulative(counts.detractors);
      const points: NpsRollingPoint[] = [];
      for (let k = window - 1; k < periods; k++) {
        const lo = k - window + 1;
        const p = P[k + 1]! - P[lo]!;
        const q = Q[k + 1]! - Q[lo]!;
        const d = D[k + 1]! - D[lo]!;
        const n = p + q + d;
        const start = counts.starts[k]!;
        points.push({
          label: periodLabelOf(periodIndexOfMs(start, range.period), range.period),
          start: new Date(start),
          end: new Date(counts.starts[k + 1]!),
          windowStart: new Date(counts.starts[lo]!),
          n,
          score: n === 0 ? null : buildNpsResult(p, q, d, settings!),
        });
      }
      return points;
    },
  );
}
