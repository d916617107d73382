import { invalidInput } from "../errors/invalid-input.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { compareNps, type NpsComparison } from "./compare.js";
import { buildNpsResult, parseNpsOptions, type NpsResult, type NpsScoreOptions } from "./score.js";
import { noResponses, parseSelection, ResponseWalker, walkSurvey, scoreField, type ScoreSink } from "./survey-input.js";
import { optionsObject } from "./validate.js";

/**
 * Options of {@link npsBy}: those of {@link npsScore} (method, level, warnings,
 * `from`/`to`, `latestPerCustomer`) and the sort order of the segments.
 *
 * @example
 * ```ts
 * import type { NpsByOptions } from "crmkit/nps";
 * const options: NpsByOptions = { sortBy: "n", latestPerCustomer: true };
 * ```
 */
export interface NpsByOptions extends NpsScoreOptions {
  /** `"nps"` (highest first, the default), `"n"` (largest first) or `"key"` (alphabetical). */
  readonly sortBy?: "nps" | "n" | "key";
}

/**
 * One segment of {@link npsBy}: its score and how it compares with everyone else.
 *
 * @example
 * ```ts
 * import type { NpsSegment } from "crmkit/nps";
 * const flag = (s: NpsSegment) => (s.significantAfterAdjustment ? `${s.key} stands out` : `${s.key}: no clear difference`);
 * ```
 */
export interface NpsSegment {
  /** The segment key returned by `keyOf`. */
  readonly key: string;
  /** The segment's NPS with its interval and warnings. */
  readonly score: NpsResult;
  /**
   * This segment against all other selected responses (including those without a
   * key), or `null` when there are no others.
   */
  readonly vsRest: NpsComparison | null;
  /**
   * `vsRest.pValue` after Holm's adjustment for comparing every segment with the
   * rest (the more segments, the more chance differences); `null` with `vsRest`.
   */
  readonly adjustedPValue: number | null;
  /** True when `adjustedPValue < 1 − level`. */
  readonly significantAfterAdjustment: boolean;
}

/**
 * The result of {@link npsBy}.
 *
 * @example
 * ```ts
 * import type { NpsSegments } from "crmkit/nps";
 * const best = (r: NpsSegments) => r.segments[0]?.key;
 * ```
 */
export interface NpsSegments {
  /** One entry per key, sorted as requested. */
  readonly segments: readonly NpsSegment[];
  /** The NPS of all selected responses, with or without a key. */
  readonly overall: NpsResult;
  /** Selected responses for which `keyOf` returned `null` or `undefined`. */
  readonly unassigned: number;
}

class SegmentTally implements ScoreSink {
  readonly needsTime = false;
  readonly counts = new Map<string, [number, number, number]>();
  readonly total: [number, number, number] = [0, 0, 0];
  unassigned = 0;

  constructor(
    private readonly name: string,
    private readonly keyOf: (response: SurveyResponse) => string | null | undefined,
  ) {}

  add(score: number, index: number, record: SurveyResponse | undefined): void {
    let category: 0 | 1 | 2;
    if (score === 9 || score === 10) category = 0;
    else if (score === 7 || score === 8) category = 1;
    else if (Number.isInteger(score) && score >= 0 && score <= 6) category = 2;
    else throw invalidInput(scoreField(this.name, index, record), score, "an integer NPS answer from 0 to 10");
    if (record === undefined) throw invalidInput(`${this.name}[${index}]`, score, "a SurveyResponse record (npsBy needs records to key)");
    const key: unknown = this.keyOf(record);
    this.total[category]++;
    if (key === null || key === undefined) {
      this.unassigned++;
      return;
    }
    if (typeof key !== "string") throw invalidInput(`keyOf(${this.name}[${index}])`, key, "a string segment key, null or undefined");
    let c = this.counts.get(key);
    if (c === undefined) {
      c = [0, 0, 0];
      this.counts.set(key, c);
    }
    c[category]++;
  }
}

/** Holm's step-down adjustment of p-values (same order as the input). */
function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((x, y) => x[0] - y[0]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(([p, i], rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/**
 * The NPS per segment — any key: acquisition source, plan, region, department,
 * channel — each with its confidence interval and warnings, sorted, and each
 * compared with all the other responses ({@link compareNps}), with Holm-adjusted
 * p-values so that "this segment stands out" survives the many comparisons.
 *
 * `keyOf` maps a response to its segment key; `null`/`undefined` leaves it out of
 * every segment (it still counts in `overall` and in each segment's "rest").
 * To segment by a customer field, join first, e.g.
 * `(r) => sourceByCustomer.get(r.customerId ?? "")`.
 *
 * Input: `SurveyResponse` records of kind `"nps"` (array, iterable or async
 * iterable → `Promise`), with the selection options of {@link npsScore}.
 *
 * @example
 * ```ts
 * import { npsBy } from "crmkit/nps";
 * const r = (id: string, score: number, channel: "email" | "chat") =>
 *   ({ id, kind: "nps" as const, score, channel, respondedAt: new Date("2024-05-01T00:00:00Z"), attributes: {} });
 * const result = npsBy([r("1", 10, "chat"), r("2", 9, "chat"), r("3", 4, "email"), r("4", 8, "email")], (x) => x.channel);
 * result.segments.map((s) => [s.key, s.score.nps]); // [["chat", 100], ["email", -50]]
 * ```
 */
export function npsBy(
  responses: Iterable<SurveyResponse>,
  keyOf: (response: SurveyResponse) => string | null | undefined,
  options?: NpsByOptions,
): NpsSegments;
/**
 * Async form: consumes a stream of records.
 *
 * @example
 * ```ts
 * import { npsBy } from "crmkit/nps";
 * import { createMemoryStore } from "crmkit/repository";
 * const store = createMemoryStore().forTenant("acme");
 * await store.surveyResponses.upsert({ id: "r1", kind: "nps", score: 9, channel: "email", respondedAt: "2024-05-01T00:00:00Z" });
 * const byChannel = await npsBy(store.surveyResponses.stream({ filter: { kind: "nps" } }), (r) => r.channel);
 * ```
 */
export function npsBy(
  responses: AsyncIterable<SurveyResponse>,
  keyOf: (response: SurveyResponse) => string | null | undefined,
  options?: NpsByOptions,
): Promise<NpsSegments>;
export function npsBy(
  responses: Iterable<SurveyResponse> | AsyncIterable<SurveyResponse>,
  keyOf: (response: SurveyResponse) => string | null | undefined,
  options?: NpsByOptions,
): NpsSegments | Promise<NpsSegments> {
  const name = "responses";
  const prepare = () => {
    if (typeof keyOf !== "function") throw invalidInput("keyOf", keyOf, "a function from a response to its segment key");
    const opts = optionsObject(options, "options");
    const settings = parseNpsOptions(opts, "options");
    const sortBy = opts.sortBy ?? "nps";
    if (sortBy !== "nps" && sortBy !== "n" && sortBy !== "key") throw invalidInput("options.sortBy", sortBy, '"nps", "n" or "key"');
    const selection = parseSelection(opts, "options");
    const tally = new SegmentTally(name, keyOf);
    return { settings, sortBy, selection, tally, walker: new ResponseWalker(name, "nps", selection, tally) };
  };
  const finish = ({ settings, sortBy, selection, tally }: ReturnType<typeof prepare>): NpsSegments => {
    const [tp, tq, td] = tally.total;
    if (tp + tq + td === 0) throw noResponses(name, selection.active, "npsBy needs at least one");
    const overall = buildNpsResult(tp, tq, td, settings);
    const compareOptions = {
      method: settings.method,
      level: settings.level,
      minSampleSize: settings.thresholds.minSampleSize,
      maxIntervalWidth: settings.thresholds.maxIntervalWidth,
    };
    const raw = [...tally.counts].map(([key, [p, q, d]]) => {
      const score = buildNpsResult(p, q, d, settings);
      const rest = { promoters: tp - p, passives: tq - q, detractors: td - d };
      const vsRest = rest.promoters + rest.passives + rest.detractors === 0 ? null : compareNps(score, rest, { ...compareOptions, labels: [key, "the rest"] });
      return { key, score, vsRest };
    });
    const tested = raw.filter((s) => s.vsRest !== null);
    const adjusted = holm(tested.map((s) => s.vsRest!.pValue));
    const adjustedByKey = new Map(tested.map((s, i) => [s.key, adjusted[i]!]));
    const segments: NpsSegment[] = raw.map((s) => {
      const adjustedPValue = adjustedByKey.get(s.key) ?? null;
      return { ...s, adjustedPValue, significantAfterAdjustment: adjustedPValue !== null && adjustedPValue < 1 - settings.level };
    });
    const byKey = (a: NpsSegment, b: NpsSegment): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    segments.sort((a, b) => {
      const primary = sortBy === "nps" ? b.score.nps - a.score.nps : sortBy === "n" ? b.score.n - a.score.n : 0;
      return primary !== 0 ? primary : byKey(a, b);
    });
    return { segments, overall, unassigned: tally.unassigned };
  };
  return walkSurvey(responses, prepare, finish);
}
