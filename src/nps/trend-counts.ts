import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { parseSelection, ResponseWalker, walkSurvey, scoreField, type ScoreSink } from "./survey-input.js";
import { checkCalendarPeriod, shiftPeriodMs, type CalendarPeriod } from "../time/calendar-period.js";
import { checkOptionalDate } from "./validate.js";

/** The most periods a trend may span (guards against a `from` decades before `to` by mistake). */
export const MAX_TREND_PERIODS = 100_000;

const PROMOTER = 2;
const PASSIVE = 1;
const DETRACTOR = 0;

/** Collects (time, category) columns of the selected responses. */
class TimedCategories implements ScoreSink {
  readonly needsTime = true;
  times = new Float64Array(1024);
  categories = new Uint8Array(1024);
  length = 0;
  min = Infinity;
  max = -Infinity;

  constructor(private readonly name: string) {}

  add(score: number, index: number, record: SurveyResponse | undefined, time: number): void {
    let category: number;
    if (score === 9 || score === 10) category = PROMOTER;
    else if (score === 7 || score === 8) category = PASSIVE;
    else if (Number.isInteger(score) && score >= 0 && score <= 6) category = DETRACTOR;
    else throw invalidInput(scoreField(this.name, index, record), score, "an integer NPS answer from 0 to 10");
    if (this.length === this.times.length) {
      const times = new Float64Array(this.length * 2);
      times.set(this.times);
      this.times = times;
      const categories = new Uint8Array(this.length * 2);
      categories.set(this.categories);
      this.categories = categories;
    }
    this.times[this.length] = time;
    this.categories[this.length] = category;
    this.length++;
    if (time < this.min) this.min = time;
    if (time > this.max) this.max = time;
  }
}

/** Per-period category counts of a trend (columnar). */
export interface PeriodCounts {
  /** Period starts, epoch ms; `starts[k + 1]` is the end of period k (length = periods + 1). */
  readonly starts: Float64Array;
  readonly promoters: Float64Array;
  readonly passives: Float64Array;
  readonly detractors: Float64Array;
}

/** Options shared by the trend functions (validated by {@link parseTrendOptions}). */
export interface TrendRange {
  readonly period: CalendarPeriod;
  /** Epoch ms or NaN when omitted. */
  readonly from: number;
  readonly to: number;
}

/** Validates `period`, `from` and `to`. */
export function parseTrendOptions(options: { period?: unknown; from?: unknown; to?: unknown }, field: string): TrendRange {
  const period = checkCalendarPeriod(`${field}.period`, options.period);
  const from = checkOptionalDate(options.from, `${field}.from`, Number.NaN);
  const to = checkOptionalDate(options.to, `${field}.to`, Number.NaN);
  if (!Number.isNaN(from) && !Number.isNaN(to) && !(from < to)) {
    throw invalidInput(`${field}.to`, options.to, `an instant after options.from (${new Date(from).toISOString()})`);
  }
  return { period, from, to };
}

/** The period starts covering [from, to), plus the end boundary. */
function periodBoundaries(from: number, to: number, period: CalendarPeriod, field: string): Float64Array {
  const starts: number[] = [];
  let start = shiftPeriodMs(from, period);
  while (start < to) {
    starts.push(start);
    if (starts.length > MAX_TREND_PERIODS) {
      throw invalidInput(`${field}.from`, new Date(from), `a range of at most ${MAX_TREND_PERIODS} ${period}s (got more up to ${new Date(to).toISOString()})`);
    }
    start = shiftPeriodMs(start, period, 1);
  }
  starts.push(start);
  return Float64Array.from(starts);
}

/** Index k with starts[k] <= t < starts[k + 1], or -1. */
function periodIndex(starts: Float64Array, t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (!(t >= starts[0]! && t < starts[hi]!)) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Reads the responses and counts categories per period. `lookBack` extra periods
 * before the first reported one are counted too (rolling windows); the returned
 * boundaries then start `lookBack` periods earlier.
 */
function countPeriods(collected: TimedCategories, range: TrendRange, lookBack: number, field: string, name: string): PeriodCounts {
  let from = range.from;
  let to = range.to;
  if (Number.isNaN(from) || Number.isNaN(to)) {
    if (collected.length === 0) {
      throw new CrmkitError("INSUFFICIENT_DATA", `${name}: no responses, so the trend has no range; pass options.from and options.to to get empty periods`, {
        details: { field: name },
      });
    }
    if (Number.isNaN(from)) from = collected.min;
    if (Number.isNaN(to)) to = collected.max + 1;
    if (!(from < to)) throw invalidInput(`${field}.from`, new Date(from), `an instant before the last response (${new Date(collected.max).toISOString()})`);
  }
  const first = lookBack > 0 ? shiftPeriodMs(from, range.period, -lookBack) : from;
  const starts = periodBoundaries(first, to, range.period, field);
  const periods = starts.length - 1;
  const counts = [new Float64Array(periods), new Float64Array(periods), new Float64Array(periods)] as const;
  const windowStart = lookBack > 0 ? starts[0]! : from;
  for (let i = 0; i < collected.length; i++) {
    const t = collected.times[i]!;
    if (t < windowStart || t >= to) continue;
    const k = periodIndex(starts, t);
    if (k >= 0) counts[collected.categories[i]!]![k]! += 1;
  }
  return { starts, detractors: counts[DETRACTOR], passives: counts[PASSIVE], promoters: counts[PROMOTER] };
}

/**
 * Runs the collection over a sync or async input and hands the counts to `build`.
 * The time selection is applied when collecting only for explicit `from`/`to`
 * (widened by `lookBack` periods for rolling windows).
 */
export function withPeriodCounts<R>(
  input: unknown,
  range: () => TrendRange,
  lookBack: () => number,
  build: (counts: PeriodCounts, range: TrendRange) => R,
  field = "options",
  name = "responses",
): R | Promise<R> {
  const prepare = () => {
    const r = range();
    const back = lookBack();
    const collected = new TimedCategories(name);
    const from = Number.isNaN(r.from) ? undefined : new Date(back > 0 ? shiftPeriodMs(r.from, r.period, -back) : r.from);
    const to = Number.isNaN(r.to) ? undefined : new Date(r.to);
    const selection = parseSelection({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }, field);
    return { r, back, collected, walker: new ResponseWalker(name, "nps", selection, collected) };
  };
  return walkSurvey(input, prepare, (s) => build(countPeriods(s.collected, s.r, s.back, field, name), s.r));
}
