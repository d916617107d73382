import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { Pipeline } from "../model/pipeline.js";
import { periodIndexOfMs, periodLabelOf } from "../time/calendar-period.js";
import { assertRows, consume, type ConversionInput } from "./input.js";
import { indexPipeline, stageOf, type IndexedStage, type PipelineIndex } from "./pipeline-index.js";
import type { ConversionDeal } from "./records.js";
import { checkDate, checkDateAt, checkDeal, checkKey, checkNonNegativeAt, checkOneOf, checkOptions, Locator } from "./validate.js";

/**
 * How {@link weightedPipeline} groups open deals: by expected close month (UTC,
 * `2024-03`), owner, source, current stage, or not at all.
 *
 * @example
 * ```ts
 * import type { PipelineGrouping } from "crmkit/conversion";
 * const by: PipelineGrouping = "owner";
 * ```
 */
export type PipelineGrouping = "closeMonth" | "owner" | "source" | "stage" | "none";

const GROUPINGS: readonly PipelineGrouping[] = ["closeMonth", "owner", "source", "stage", "none"];
const OVERDUE = "overdue";

/**
 * Options of {@link weightedPipeline}.
 *
 * @example
 * ```ts
 * import type { WeightedPipelineOptions } from "crmkit/conversion";
 * const o: WeightedPipelineOptions = { by: "source", probabilities: { proposal: 0.6 } };
 * ```
 */
export interface WeightedPipelineOptions {
  /** Grouping (default `"closeMonth"`). */
  readonly by?: PipelineGrouping;
  /** Per-stage win probabilities overriding the pipeline's (e.g. fitted from history). */
  readonly probabilities?: Readonly<Record<string, number>>;
  /** Require every open deal with an amount to be in this currency (`CURRENCY_MISMATCH` otherwise). */
  readonly currency?: string;
  /**
   * Reference time. With `by: "closeMonth"`, open deals whose expected close date is
   * before it have slipped: they are grouped under the key `"overdue"` (listed first)
   * instead of their past month.
   */
  readonly asOf?: Date;
}

/**
 * One group of the weighted pipeline: open deals of one key and one currency.
 *
 * @example
 * ```ts
 * import type { WeightedPipelineGroup } from "crmkit/conversion";
 * const share = (g: WeightedPipelineGroup) => g.weighted / g.total;
 * ```
 */
export interface WeightedPipelineGroup {
  /**
   * Close month `YYYY-MM` (or `"overdue"` with `asOf`), owner id, source or stage id;
   * `null` when the deal has none (no expected close date, no owner…).
   */
  readonly key: string | null;
  readonly currency: string;
  /** Open deals with an amount in this group. */
  readonly deals: number;
  /** Sum of their amounts. */
  readonly total: number;
  /** Sum of amount × stage probability (≤ `total`). */
  readonly weighted: number;
}

/**
 * Per-currency totals of the weighted pipeline.
 *
 * @example
 * ```ts
 * import type { PipelineTotal } from "crmkit/conversion";
 * const fmt = (t: PipelineTotal) => `${t.weighted.toFixed(0)} ${t.currency} weighted of ${t.total.toFixed(0)}`;
 * ```
 */
export interface PipelineTotal {
  readonly currency: string;
  readonly deals: number;
  readonly total: number;
  readonly weighted: number;
}

/**
 * The result of {@link weightedPipeline}.
 *
 * @example
 * ```ts
 * import type { WeightedPipelineResult } from "crmkit/conversion";
 * const months = (r: WeightedPipelineResult) => r.groups.map((g) => g.key);
 * ```
 */
export interface WeightedPipelineResult {
  readonly by: PipelineGrouping;
  /** Sorted by key (`"overdue"` first, `null` last), then currency. */
  readonly groups: readonly WeightedPipelineGroup[];
  /** One row per currency: amounts are never summed across currencies. */
  readonly totals: readonly PipelineTotal[];
  /** Open deals counted (with or without an amount). */
  readonly openDeals: number;
  /** Open deals without an amount (not in any sum). */
  readonly withoutAmount: number;
}

interface GroupAcc {
  key: string | null;
  currency: string;
  deals: number;
  total: number;
  weighted: number;
}

/**
 * The weighted (probability-adjusted) pipeline: for every open deal, amount ×
 * the win probability of its current stage, summed by expected close month,
 * owner, source or stage — separately per currency, never adding currencies.
 * Won and lost deals are not in the pipeline. Throws `INVALID_INPUT` for a stage
 * not in the pipeline or an open deal sitting in a won/lost stage.
 *
 * @example
 * ```ts
 * import { weightedPipeline } from "crmkit/conversion";
 * const pipeline = {
 *   id: "sales", name: "Sales", createdAt: new Date("2024-01-01"),
 *   stages: [
 *     { id: "qualified", name: "Qualified", probability: 0.2, kind: "open" as const },
 *     { id: "proposal", name: "Proposal", probability: 0.6, kind: "open" as const },
 *     { id: "won", name: "Won", probability: 1, kind: "won" as const },
 *     { id: "lost", name: "Lost", probability: 0, kind: "lost" as const },
 *   ],
 * };
 * const eur = (amount: number) => ({ amount, currency: "EUR" });
 * const r = weightedPipeline(
 *   [
 *     { id: "a", status: "open", stageId: "qualified", createdAt: new Date("2024-02-01"), amount: eur(10_000), expectedCloseAt: new Date("2024-03-15") },
 *     { id: "b", status: "open", stageId: "proposal", createdAt: new Date("2024-02-01"), amount: eur(5_000), expectedCloseAt: new Date("2024-03-20") },
 *   ],
 *   pipeline,
 * );
 * r.groups[0]; // { key: "2024-03", currency: "EUR", deals: 2, total: 15000, weighted: 5000 }
 * ```
 */
export function weightedPipeline(deals: Iterable<ConversionDeal>, pipeline: Pipeline | readonly Pipeline[], options?: WeightedPipelineOptions): WeightedPipelineResult;
export function weightedPipeline(deals: AsyncIterable<ConversionDeal>, pipeline: Pipeline | readonly Pipeline[], options?: WeightedPipelineOptions): Promise<WeightedPipelineResult>;
export function weightedPipeline(deals: ConversionInput<ConversionDeal>, pipeline: Pipeline | readonly Pipeline[], options?: WeightedPipelineOptions): WeightedPipelineResult | Promise<WeightedPipelineResult>;
export function weightedPipeline(deals: ConversionInput<ConversionDeal>, pipeline: Pipeline | readonly Pipeline[], options?: WeightedPipelineOptions): WeightedPipelineResult | Promise<WeightedPipelineResult> {
  assertRows(deals, "deals");
  const o = checkOptions(options);
  const by = o.by === undefined ? "closeMonth" : checkOneOf(o.by, GROUPINGS, "options.by");
  const list: readonly Pipeline[] = Array.isArray(pipeline) ? pipeline : [pipeline as Pipeline];
  if (list.length === 0) throw invalidInput("pipeline", pipeline, "a pipeline or a non-empty array of pipelines");
  const indexes = new Map<string, PipelineIndex>();
  list.forEach((p, i) => {
    const idx = indexPipeline(p, Array.isArray(pipeline) ? `pipeline[${i}]` : "pipeline");
    if (indexes.has(idx.id)) throw invalidInput(`pipeline[${i}].id`, idx.id, "unique pipeline ids");
    indexes.set(idx.id, idx);
  });
  const only = list.length === 1 ? indexes.values().next().value! : undefined;
  const overrides = new Map<string, number>();
  if (o.probabilities !== undefined) {
    if (o.probabilities === null || typeof o.probabilities !== "object") throw invalidInput("options.probabilities", o.probabilities, "an object of stage id -> probability");
    for (const [stageId, p] of Object.entries(o.probabilities)) {
      checkKey(stageId, "options.probabilities");
      if (![...indexes.values()].some((idx) => idx.byId.has(stageId))) throw invalidInput(`options.probabilities.${stageId}`, stageId, "a stage id of the pipeline");
      if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw invalidInput(`options.probabilities.${stageId}`, p, "a probability in [0, 1]");
      overrides.set(stageId, p);
    }
  }
  const required = o.currency;
  if (required !== undefined && (typeof required !== "string" || !/^[A-Z]{3}$/.test(required))) throw invalidInput("options.currency", required, "an ISO 4217 currency code such as USD");
  const asOf = o.asOf === undefined ? undefined : checkDate(o.asOf, "options.asOf");
  const groups = new Map<string, GroupAcc>();
  let openDeals = 0;
  let withoutAmount = 0;
  const loc = new Locator("deals");
  return consume(
    deals,
    (deal, i) => {
      checkDeal(deal, i);
      if (deal.status !== "open") return;
      const at = loc.set(i, deal.id);
      let idx = only;
      if (deal.pipelineId !== undefined || only === undefined) {
        idx = indexes.get(deal.pipelineId as string);
        if (idx === undefined) throw invalidInput(`${at}.pipelineId`, deal.pipelineId, `one of the pipelines passed (${[...indexes.keys()].map((k) => JSON.stringify(k)).join(", ")})`);
      }
      const stageId = deal.stageId ?? deal.stageHistory?.at(-1)?.stageId;
      const stage: IndexedStage = stageOf(idx!, stageId, at, ".stageId");
      if (stage.kind !== "open") throw invalidInput(`${at}.status`, deal.status, `a ${stage.kind} status: the deal is in the ${stage.kind} stage ${JSON.stringify(stage.id)}`);
      openDeals++;
      const amount = deal.amount;
      if (amount === undefined) {
        withoutAmount++;
        return;
      }
      const value = checkNonNegativeAt(amount.amount, at, ".amount.amount");
      if (typeof amount.currency !== "string") throw invalidInput(`${at}.amount.currency`, amount.currency, "an ISO 4217 currency code");
      if (required !== undefined && amount.currency !== required) {
        throw new CrmkitError("CURRENCY_MISMATCH", `weightedPipeline: ${at} is in ${amount.currency}, expected ${required} (options.currency)`, {
          details: { expected: required, got: amount.currency, index: i },
        });
      }
      let key: string | null;
      switch (by) {
        case "closeMonth":
          if (deal.expectedCloseAt === undefined) key = null;
          else {
            const close = checkDateAt(deal.expectedCloseAt, at, ".expectedCloseAt");
            key = asOf !== undefined && close < asOf ? OVERDUE : periodLabelOf(periodIndexOfMs(close, "month"), "month");
          }
          break;
        case "owner":
          key = deal.ownerId ?? null;
          break;
        case "source":
          key = deal.source ?? null;
          break;
        case "stage":
          key = stage.id;
          break;
        default:
          key = null;
      }
      const probability = overrides.get(stage.id) ?? stage.probability;
      const mapKey = `${key === null ? "\u0000" : `\u0001${key}`}\u0002${amount.currency}`;
      let g = groups.get(mapKey);
      if (g === undefined) {
        g = { key, currency: amount.currency, deals: 0, total: 0, weighted: 0 };
        groups.set(mapKey, g);
      }
      g.deals++;
      g.total += value;
      g.weighted += value * probability;
    },
    () => {
      const rows = [...groups.values()].sort((a, b) => {
        if (a.key !== b.key) {
          if (a.key === null || b.key === OVERDUE) return 1;
          if (b.key === null || a.key === OVERDUE) return -1;
          return a.key < b.key ? -1 : 1;
        }
        return a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;
      });
      const totals = new Map<string, PipelineTotal & { deals: number; total: number; weighted: number }>();
      for (const g of rows) {
        const t = totals.get(g.currency) ?? { currency: g.currency, deals: 0, total: 0, weighted: 0 };
        t.deals += g.deals;
        t.total += g.total;
        t.weighted += g.weighted;
        totals.set(g.currency, t);
      }
      return {
        by,
        groups: rows.map((g) => ({ ...g })),
        totals: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1)),
        openDeals,
        withoutAmount,
      };
    },
  );
}
