import { proportionInterval } from "../math/proportion-interval.js";
import { invalidInput } from "../errors/invalid-input.js";
import { summarizeDurations, type DurationSummary } from "./duration-summary.js";
import { FloatBuffer } from "./float-buffer.js";
import { assertRows, consume, type ConversionInput } from "./input.js";
import type { ConversionLead } from "./records.js";
import { DAY_MS, checkCohortWindow, checkDate, checkLead, checkLevel, checkOneOf, checkOptionalDateAt, checkOptions, checkPositive, insufficient, Locator } from "./validate.js";
import type { IntervalMethod, RateEstimate } from "./win-rate.js";

/**
 * Options of {@link leadConversion}.
 *
 * @example
 * ```ts
 * import type { LeadConversionOptions } from "crmkit/conversion";
 * const o: LeadConversionOptions = {
 *   asOf: new Date("2024-07-01"),
 *   window: { from: new Date("2024-01-01"), before: new Date("2024-04-01") },
 *   within: 60,
 * };
 * ```
 */
export interface LeadConversionOptions {
  /** Reference time: leads created later are left out; conversions after it have not happened yet. */
  readonly asOf: Date;
  /**
   * The cohort: leads created at or after `from` and before `before` (default: every
   * lead created by `asOf`).
   */
  readonly window?: { readonly from?: Date; readonly before?: Date };
  /**
   * A fixed conversion window in days: the report then also gives the share of
   * leads converted within `within` days of creation, over the leads old enough
   * to have had the whole window (the younger ones are right-censored and counted).
   */
  readonly within?: number;
  /**
   * When a lead converted: `"converted"` (default, `convertedAt`), or a function
   * returning the conversion time of a lead (or `undefined` if it has not
   * converted), for outcomes such as "became a won deal".
   */
  readonly outcome?: "converted" | ((lead: ConversionLead) => Date | undefined);
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
  /** Interval method (default `"wilson"`). */
  readonly method?: IntervalMethod;
}

/**
 * One step of the Kaplan–Meier conversion curve.
 *
 * @example
 * ```ts
 * import type { ConversionCurvePoint } from "crmkit/conversion";
 * const byDay30 = (curve: readonly ConversionCurvePoint[]) => curve.filter((p) => p.day <= 30).at(-1)?.cumulative ?? 0;
 * ```
 */
export interface ConversionCurvePoint {
  /** Whole days since creation. */
  readonly day: number;
  /** Leads still unconverted and observed at least this long. */
  readonly atRisk: number;
  /** Leads converting on this day. */
  readonly conversions: number;
  /** Estimated share converted by the end of this day: 1 − Kaplan–Meier survival. */
  readonly cumulative: number;
}

/**
 * The fixed-window part of {@link LeadConversionReport} (`within`).
 *
 * @example
 * ```ts
 * import type { WithinConversion } from "crmkit/conversion";
 * const say = (w: WithinConversion) => `${w.converted}/${w.eligible} within ${w.days} days (${w.censored} too young)`;
 * ```
 */
export interface WithinConversion {
  readonly days: number;
  /** Leads created at least `days` before `asOf`. */
  readonly eligible: number;
  /** Eligible leads converted within `days` of creation. */
  readonly converted: number;
  /** Leads younger than `days` at `asOf`: right-censored, not in `rate`. */
  readonly censored: number;
  /** converted / eligible with its interval; `null` when no lead is old enough. */
  readonly rate: RateEstimate | null;
  /** The Kaplan–Meier estimate of the share converted within `days`, which also uses the young leads up to their age. */
  readonly kaplanMeier: number;
}

/**
 * The result of {@link leadConversion}.
 *
 * @example
 * ```ts
 * import type { LeadConversionReport } from "crmkit/conversion";
 * const headline = (r: LeadConversionReport) => `${(100 * r.rate.rate).toFixed(1)}% converted (${r.open} still open)`;
 * ```
 */
export interface LeadConversionReport {
  readonly asOf: Date;
  /** Leads in the cohort. */
  readonly leads: number;
  /** Converted by `asOf`. */
  readonly converted: number;
  /** Disqualified by `asOf` (and not converted). */
  readonly disqualified: number;
  /** Neither converted nor disqualified at `asOf`: right-censored, they may still convert. */
  readonly open: number;
  /** converted / leads by `asOf`: a lower bound while leads are open. */
  readonly rate: RateEstimate;
  /** The fixed-window conversion, when `options.within` was given. */
  readonly within: WithinConversion | null;
  /** Days from creation to conversion, over the converted leads; `null` when none converted. Biased short for young cohorts. */
  readonly timeToConvert: DurationSummary | null;
  /**
   * Kaplan–Meier curve of time to conversion (whole days): open leads are
   * censored at their age, disqualified leads stay at risk until `asOf` (they
   * will never convert), so `cumulative` estimates the share that converts by
   * each day. One point per day with conversions.
   */
  readonly curve: readonly ConversionCurvePoint[];
}

/**
 * Lead conversion of a cohort (leads created in a window): the share converted by
 * `asOf` with its confidence interval, the distribution of time to convert, a
 * Kaplan–Meier conversion curve and, with `within`, the conversion within a
 * fixed number of days over the leads old enough to be judged. Leads still open
 * are right-censored, and the report says how many there are.
 *
 * @example
 * ```ts
 * import { leadConversion } from "crmkit/conversion";
 * const day = (d: string) => new Date(`${d}T00:00:00Z`);
 * const r = leadConversion(
 *   [
 *     { id: "a", source: "referral", status: "converted", createdAt: day("2024-01-01"), convertedAt: day("2024-01-11") },
 *     { id: "b", source: "website", status: "disqualified", createdAt: day("2024-01-02"), disqualifiedAt: day("2024-01-05") },
 *     { id: "c", source: "website", status: "new", createdAt: day("2024-03-25") },
 *   ],
 *   { asOf: day("2024-04-01"), within: 30 },
 * );
 * r.rate.rate; // 1 / 3
 * r.within!.rate!.rate; // 1 / 2: lead "c" is too young to judge
 * r.within!.censored; // 1
 * ```
 */
export function leadConversion(leads: Iterable<ConversionLead>, options: LeadConversionOptions): LeadConversionReport;
export function leadConversion(leads: AsyncIterable<ConversionLead>, options: LeadConversionOptions): Promise<LeadConversionReport>;
export function leadConversion(leads: ConversionInput<ConversionLead>, options: LeadConversionOptions): LeadConversionReport | Promise<LeadConversionReport>;
export function leadConversion(leads: ConversionInput<ConversionLead>, options: LeadConversionOptions): LeadConversionReport | Promise<LeadConversionReport> {
  assertRows(leads, "leads");
  const o = checkOptions(options);
  const asOf = checkDate(o.asOf, "options.asOf");
  const { from, before } = checkCohortWindow(o.window);
  const within = o.within === undefined ? undefined : checkPositive(o.within, "options.within");
  const level = o.level === undefined ? 0.95 : checkLevel(o.level, "options.level");
  const method = o.method === undefined ? "wilson" : checkOneOf(o.method, ["wilson", "wald", "agresti-coull", "clopper-pearson"] as const, "options.method");
  const outcome = o.outcome ?? "converted";
  if (outcome !== "converted" && typeof outcome !== "function") throw invalidInput("options.outcome", outcome, '"converted" or a function (lead) => Date | undefined');

  let n = 0;
  let converted = 0;
  let disqualified = 0;
  let eligible = 0;
  let windowConverted = 0;
  const toConvert = new FloatBuffer();
  const eventDays = new FloatBuffer();
  const censorDays = new FloatBuffer();
  const loc = new Locator("leads");

  return consume(
    leads,
    (lead, i) => {
      const t = checkLead(lead, i);
      if (t.created > asOf || t.created < from || t.created >= before) return;
      n++;
      let conv: number | undefined;
      if (outcome === "converted") conv = t.converted;
      else {
        const at = loc.set(i, lead.id);
        conv = checkOptionalDateAt(outcome(lead), at, " outcome(lead)");
        if (conv !== undefined && conv < t.created) throw invalidInput(`${at} outcome(lead)`, new Date(conv), `a date >= createdAt ${lead.createdAt.toISOString()}`);
      }
      if (conv !== undefined && conv > asOf) conv = undefined;
      const age = (asOf - t.created) / DAY_MS;
      if (conv !== undefined) {
        converted++;
        const d = (conv - t.created) / DAY_MS;
        toConvert.push(d);
        eventDays.push(Math.floor(d));
        if (within !== undefined && age >= within) {
          eligible++;
          if (d <= within) windowConverted++;
        }
      } else {
        if (t.disqualified !== undefined && t.disqualified <= asOf) disqualified++;
        censorDays.push(Math.floor(age));
        if (within !== undefined && age >= within) eligible++;
      }
    },
    () => {
      if (n === 0) throw insufficient("leadConversion: no leads in the cohort (created in the window and by asOf)");
      const ci = proportionInterval(converted, n, { level, method });
      const curve = kaplanMeier(eventDays.view(), censorDays.view());
      let withinResult: WithinConversion | null = null;
      if (within !== undefined) {
        let km = 0;
        for (const p of curve) if (p.day <= within) km = p.cumulative;
        const wci = eligible === 0 ? null : proportionInterval(windowConverted, eligible, { level, method });
        withinResult = {
          days: within,
          eligible,
          converted: windowConverted,
          censored: n - eligible,
          rate: wci === null ? null : { rate: windowConverted / eligible, low: wci.low, high: wci.high, level, method },
          kaplanMeier: km,
        };
      }
      return {
        asOf: new Date(asOf),
        leads: n,
        converted,
        disqualified,
        open: n - converted - disqualified,
        rate: { rate: converted / n, low: ci.low, high: ci.high, level, method },
        within: withinResult,
        timeToConvert: toConvert.length === 0 ? null : summarizeDurations(toConvert.view()),
        curve,
      };
    },
  );
}

/** Kaplan–Meier on whole days; censored subjects are at risk on their censoring day. Sorts its inputs in place. */
function kaplanMeier(events: Float64Array, censored: Float64Array): ConversionCurvePoint[] {
  events.sort();
  censored.sort();
  let atRisk = events.length + censored.length;
  let survival = 1;
  let e = 0;
  let c = 0;
  const out: ConversionCurvePoint[] = [];
  while (e < events.length) {
    const day = events[e]!;
    while (c < censored.length && censored[c]! < day) {
      c++;
      atRisk--;
    }
    let d = 0;
    while (e < events.length && events[e] === day) {
      d++;
      e++;
    }
    survival *= 1 - d / atRisk;
    out.push({ day, atRisk, conversions: d, cumulative: 1 - survival });
    atRisk -= d;
  }
  return out;
}
