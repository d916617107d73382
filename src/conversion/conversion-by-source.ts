import { invalidInput } from "../errors/invalid-input.js";
import type { Money } from "../model/money.js";
import { proportionInterval } from "../math/proportion-interval.js";
import { compareConversion, type ConversionComparison } from "./compare-conversion.js";
import { summarizeDurations, type DurationSummary } from "./duration-summary.js";
import { FloatBuffer } from "./float-buffer.js";
import { holmAdjust } from "./holm.js";
import { assertRows, consume, type ConversionInput } from "./input.js";
import type { ConversionDeal, ConversionLead } from "./records.js";
import { DAY_MS, checkCohortWindow, checkDate, checkDeal, checkLead, checkLevel, checkNonNegativeAt, checkOneOf, checkOptions, checkPositive, insufficient, Locator } from "./validate.js";
import type { RateEstimate } from "./win-rate.js";

/**
 * Options of {@link conversionBySource}.
 *
 * @example
 * ```ts
 * import type { SourceReportOptions } from "crmkit/conversion";
 * const o: SourceReportOptions = { asOf: new Date("2024-07-01"), denominator: "all", window: { from: new Date("2024-01-01") } };
 * ```
 */
export interface SourceReportOptions {
  /** Reference time: records created later are left out; outcomes after it have not happened yet. */
  readonly asOf: Date;
  /**
   * The denominator of the conversion rate: `"closed"` (decided records: won +
   * lost deals, converted + disqualified leads) or `"all"` (every record).
   * Default: `"closed"` for deals (the win rate), `"all"` for leads (the lead
   * conversion rate).
   */
  readonly denominator?: "closed" | "all";
  /** Leads only: conversion within this many days, over leads at least that old (right-censoring the younger ones). */
  readonly within?: number;
  /** Only records created at or after `from` and before `before`. */
  readonly window?: { readonly from?: Date; readonly before?: Date };
  /** Confidence level of the intervals (default 0.95). */
  readonly level?: number;
}

/**
 * One source in the deal-source report.
 *
 * @example
 * ```ts
 * import type { SourceConversion } from "crmkit/conversion";
 * const lift = (s: SourceConversion) => s.vsRest?.relativeLift?.estimate ?? null;
 * ```
 */
export interface SourceConversion {
  /** The source; `null` for records without one. */
  readonly source: string | null;
  /** Records created by `asOf`. */
  readonly volume: number;
  /** Won deals / converted leads (within the window, for `within`). */
  readonly conversions: number;
  /** The denominator of `rate`. */
  readonly trials: number;
  /** Records still open at `asOf` (not yet decided). */
  readonly open: number;
  /** conversions / trials with its Wilson interval; `null` when `trials` is 0. */
  readonly rate: RateEstimate | null;
  /** Deals: total amount of won deals, one entry per currency. `null` for leads. */
  readonly wonRevenue: readonly Money[] | null;
  /** Deals: mean amount of won deals, one entry per currency. `null` for leads. */
  readonly averageDealSize: readonly Money[] | null;
  /** Days from creation to win (deals) or to conversion (leads); `null` when none. */
  readonly cycle: DurationSummary | null;
  /** This source against all other sources pooled; `null` when either side has no trials. */
  readonly vsRest: ConversionComparison | null;
  /** `vsRest.pValue` adjusted for testing every source (Holm); `null` with `vsRest`. */
  readonly adjustedPValue: number | null;
}

/**
 * The result of {@link conversionBySource}.
 *
 * @example
 * ```ts
 * import type { SourceReport } from "crmkit/conversion";
 * const best = (r: SourceReport) => [...r.sources].sort((a, b) => (b.rate?.rate ?? 0) - (a.rate?.rate ?? 0))[0];
 * ```
 */
export interface SourceReport {
  readonly asOf: Date;
  readonly kind: "deals" | "leads";
  readonly denominator: "closed" | "all";
  readonly within: number | null;
  readonly volume: number;
  readonly conversions: number;
  readonly trials: number;
  readonly rate: RateEstimate | null;
  /** Sorted by volume, largest first. */
  readonly sources: readonly SourceConversion[];
}

interface SourceAcc {
  readonly source: string | null;
  volume: number;
  conversions: number;
  trials: number;
  open: number;
  readonly revenue: Map<string, { total: number; count: number }>;
  readonly cycle: FloatBuffer;
}

const DEAL_STATUSES = new Set(["open", "won", "lost"]);

/**
 * The deal-source report: per source, the volume, conversion (win rate for
 * deals, lead conversion for leads) with its interval, won revenue and average
 * deal size (per currency), cycle length, and a test of the source against all
 * the others (pooled two-proportion z test with the difference's interval and the
 * relative lift; Fisher's exact test when counts are small), with Holm-adjusted
 * p-values across sources. Accepts deals or leads (not mixed).
 *
 * @example
 * ```ts
 * import { conversionBySource } from "crmkit/conversion";
 * const day = (d: string) => new Date(`${d}T00:00:00Z`);
 * const deal = (id: string, source: string, status: "won" | "lost") => ({
 *   id, source, status, createdAt: day("2024-01-01"), closedAt: day("2024-02-01"),
 *   amount: { amount: 1_000, currency: "USD" },
 * });
 * const r = conversionBySource(
 *   [deal("a", "referral", "won"), deal("b", "referral", "won"), deal("c", "website", "lost"), deal("d", "website", "won")],
 *   { asOf: day("2024-03-01") },
 * );
 * r.sources.find((s) => s.source === "referral")!.rate!.rate; // 1
 * ```
 */
export function conversionBySource(records: Iterable<ConversionDeal> | Iterable<ConversionLead>, options: SourceReportOptions): SourceReport;
export function conversionBySource(records: AsyncIterable<ConversionDeal> | AsyncIterable<ConversionLead>, options: SourceReportOptions): Promise<SourceReport>;
export function conversionBySource(records: ConversionInput<ConversionDeal> | ConversionInput<ConversionLead>, options: SourceReportOptions): SourceReport | Promise<SourceReport>;
export function conversionBySource(records: ConversionInput<ConversionDeal> | ConversionInput<ConversionLead>, options: SourceReportOptions): SourceReport | Promise<SourceReport> {
  assertRows(records, "records");
  const o = checkOptions(options);
  const asOf = checkDate(o.asOf, "options.asOf");
  const { from, before } = checkCohortWindow(o.window);
  const level = o.level === undefined ? 0.95 : checkLevel(o.level, "options.level");
  const within = o.within === undefined ? undefined : checkPositive(o.within, "options.within");
  const requested = o.denominator === undefined ? undefined : checkOneOf(o.denominator, ["closed", "all"] as const, "options.denominator");
  let kind: "deals" | "leads" | undefined;
  const accs = new Map<string | null, SourceAcc>();
  const loc = new Locator("records");
  const accOf = (source: unknown, at: Locator): SourceAcc => {
    if (source !== undefined && source !== null && (typeof source !== "string" || source === "")) throw invalidInput(`${at}.source`, source, "a source slug");
    const key = (source as string | undefined) ?? null;
    let acc = accs.get(key);
    if (acc === undefined) {
      acc = { source: key, volume: 0, conversions: 0, trials: 0, open: 0, revenue: new Map(), cycle: new FloatBuffer() };
      accs.set(key, acc);
    }
    return acc;
  };

  const addDeal = (deal: ConversionDeal, i: number, denominator: "closed" | "all"): void => {
    const { created, closed } = checkDeal(deal, i, "records");
    if (created > asOf || created < from || created >= before) return;
    const at = loc.set(i, deal.id);
    const acc = accOf(deal.source, at);
    acc.volume++;
    const isClosed = closed !== undefined && closed <= asOf;
    if (!isClosed) acc.open++;
    if (denominator === "all" || isClosed) acc.trials++;
    if (!isClosed || deal.status !== "won") return;
    acc.conversions++;
    acc.cycle.push((closed - created) / DAY_MS);
    const amount = deal.amount;
    if (amount !== undefined) {
      checkNonNegativeAt(amount.amount, at, ".amount.amount");
      if (typeof amount.currency !== "string") throw invalidInput(`${at}.amount.currency`, amount.currency, "an ISO 4217 currency code");
      const r = acc.revenue.get(amount.currency) ?? { total: 0, count: 0 };
      r.total += amount.amount;
      r.count++;
      acc.revenue.set(amount.currency, r);
    }
  };

  const addLead = (lead: ConversionLead, i: number, denominator: "closed" | "all"): void => {
    const t = checkLead(lead, i, "records");
    if (t.created > asOf || t.created < from || t.created >= before) return;
    const acc = accOf(lead.source, loc.set(i, lead.id));
    acc.volume++;
    const conv = t.converted !== undefined && t.converted <= asOf ? t.converted : undefined;
    const disq = conv === undefined && t.disqualified !== undefined && t.disqualified <= asOf;
    if (conv === undefined && !disq) acc.open++;
    if (conv !== undefined) acc.cycle.push((conv - t.created) / DAY_MS);
    if (within !== undefined) {
      if ((asOf - t.created) / DAY_MS < within) return;
      acc.trials++;
      if (conv !== undefined && (conv - t.created) / DAY_MS <= within) acc.conversions++;
      return;
    }
    if (denominator === "all" || conv !== undefined || disq) acc.trials++;
    if (conv !== undefined) acc.conversions++;
  };

  let denominator: "closed" | "all" = requested ?? "closed";
  return consume(
    records as ConversionInput<ConversionDeal | ConversionLead>,
    (record, i) => {
      if (record === null || typeof record !== "object") throw invalidInput(`records[${i}]`, record, "a deal or lead record");
      const k = DEAL_STATUSES.has(record.status) ? "deals" : "leads";
      if (kind === undefined) {
        kind = k;
        if (kind === "leads" && requested === undefined) denominator = "all";
        if (kind === "deals" && within !== undefined) throw invalidInput("options.within", within, "no fixed window for deals (it applies to leads)");
      } else if (k !== kind) {
        throw invalidInput(`records[${i}].status`, record.status, `a ${kind === "deals" ? "deal" : "lead"} status: records must be all deals or all leads`);
      }
      if (kind === "deals") addDeal(record as ConversionDeal, i, denominator);
      else addLead(record as ConversionLead, i, denominator);
    },
    () => {
      if (kind === undefined || accs.size === 0) throw insufficient("conversionBySource: no records created by asOf");
      const all = [...accs.values()];
      const volume = all.reduce((s, a) => s + a.volume, 0);
      const conversions = all.reduce((s, a) => s + a.conversions, 0);
      const trials = all.reduce((s, a) => s + a.trials, 0);
      const rateOf = (x: number, n: number): RateEstimate | null => {
        if (n === 0) return null;
        const ci = proportionInterval(x, n, { level, method: "wilson" });
        return { rate: x / n, low: ci.low, high: ci.high, level, method: "wilson" };
      };
      const comparisons = all.map((a) => {
        const restTrials = trials - a.trials;
        if (a.trials === 0 || restTrials === 0) return null;
        return compareConversion({ conversions: a.conversions, total: a.trials }, { conversions: conversions - a.conversions, total: restTrials }, { level });
      });
      const tested = comparisons.flatMap((c) => (c === null ? [] : [c.pValue]));
      const adjusted = holmAdjust(tested);
      let next = 0;
      const rows: SourceConversion[] = all.map((a, idx) => {
        const vsRest = comparisons[idx] ?? null;
        const currencies = [...a.revenue.keys()].sort();
        return {
          source: a.source,
          volume: a.volume,
          conversions: a.conversions,
          trials: a.trials,
          open: a.open,
          rate: rateOf(a.conversions, a.trials),
          wonRevenue: kind === "deals" ? currencies.map((c) => ({ amount: a.revenue.get(c)!.total, currency: c })) : null,
          averageDealSize: kind === "deals" ? currencies.map((c) => ({ amount: a.revenue.get(c)!.total / a.revenue.get(c)!.count, currency: c })) : null,
          cycle: a.cycle.length === 0 ? null : summarizeDurations(a.cycle.view()),
          vsRest,
          adjustedPValue: vsRest === null ? null : adjusted[next++]!,
        };
      });
      rows.sort((x, y) => y.volume - x.volume || ((x.source ?? "\uffff") < (y.source ?? "\uffff") ? -1 : 1));
      return { asOf: new Date(asOf), kind, denominator, within: within ?? null, volume, conversions, trials, rate: rateOf(conversions, trials), sources: rows };
    },
  );
}
