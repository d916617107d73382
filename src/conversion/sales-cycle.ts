import { summarizeDurations, type DurationSummary } from "./duration-summary.js";
import { FloatBuffer } from "./float-buffer.js";
import { assertRows, consume, type ConversionInput } from "./input.js";
import type { ConversionDeal } from "./records.js";
import { DAY_MS, checkDate, checkDeal, checkHistory, checkOneOf, checkOptions, insufficient, Locator } from "./validate.js";

/**
 * Options of {@link averageSalesCycle}.
 *
 * @example
 * ```ts
 * import type { SalesCycleOptions } from "crmkit/conversion";
 * const o: SalesCycleOptions = { include: "closed", start: "first-stage" };
 * ```
 */
export interface SalesCycleOptions {
  /** `"won"` (default): won deals only, as HubSpot and Salesforce reports do; `"closed"`: won and lost. */
  readonly include?: "won" | "closed";
  /**
   * Where the cycle starts: `"created"` (default, the deal's `createdAt`) or
   * `"first-stage"` (the first stage-history entry, for pipelines where deals are
   * created long before work starts; deals without history fall back to `createdAt`).
   */
  readonly start?: "created" | "first-stage";
  /** Reference time: deals closed after it are not yet closed. Default: the data as given. */
  readonly asOf?: Date;
  /** Only deals closed at or after this instant. */
  readonly closedFrom?: Date;
  /** Only deals closed before this instant. */
  readonly closedBefore?: Date;
}

/**
 * The result of {@link averageSalesCycle}: the distribution of cycle lengths in
 * days, and the definition used.
 *
 * @example
 * ```ts
 * import type { SalesCycleResult } from "crmkit/conversion";
 * const line = (r: SalesCycleResult) => `${r.meanDays.toFixed(0)} days on average (median ${r.medianDays})`;
 * ```
 */
export interface SalesCycleResult extends DurationSummary {
  readonly include: "won" | "closed";
  readonly start: "created" | "first-stage";
}

/**
 * Sales-cycle length: days from a deal's start (`createdAt`, or its first stage
 * entry) to `closedAt`, over won deals (default) or all closed deals. Returns the
 * mean, the median and the quartiles — the median is the better summary, cycle
 * lengths are right-skewed. Throws `INSUFFICIENT_DATA` when no deal qualifies.
 *
 * @example
 * ```ts
 * import { averageSalesCycle } from "crmkit/conversion";
 * const day = (d: string) => new Date(`${d}T00:00:00Z`);
 * const r = averageSalesCycle([
 *   { id: "a", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-01-11") },
 *   { id: "b", status: "won", createdAt: day("2024-01-01"), closedAt: day("2024-01-31") },
 *   { id: "c", status: "lost", createdAt: day("2024-01-01"), closedAt: day("2024-03-01") },
 * ]);
 * r.meanDays; // 20
 * ```
 */
export function averageSalesCycle(deals: Iterable<ConversionDeal>, options?: SalesCycleOptions): SalesCycleResult;
export function averageSalesCycle(deals: AsyncIterable<ConversionDeal>, options?: SalesCycleOptions): Promise<SalesCycleResult>;
export function averageSalesCycle(deals: ConversionInput<ConversionDeal>, options?: SalesCycleOptions): SalesCycleResult | Promise<SalesCycleResult>;
export function averageSalesCycle(deals: ConversionInput<ConversionDeal>, options?: SalesCycleOptions): SalesCycleResult | Promise<SalesCycleResult> {
  assertRows(deals, "deals");
  const o = checkOptions(options);
  const include = o.include === undefined ? "won" : checkOneOf(o.include, ["won", "closed"] as const, "options.include");
  const start = o.start === undefined ? "created" : checkOneOf(o.start, ["created", "first-stage"] as const, "options.start");
  const asOf = o.asOf === undefined ? Infinity : checkDate(o.asOf, "options.asOf");
  const from = o.closedFrom === undefined ? -Infinity : checkDate(o.closedFrom, "options.closedFrom");
  const before = o.closedBefore === undefined ? Infinity : checkDate(o.closedBefore, "options.closedBefore");
  const days = new FloatBuffer();
  const loc = new Locator("deals");
  return consume(
    deals,
    (deal, i) => {
      const { created, closed } = checkDeal(deal, i);
      if (closed === undefined || closed > asOf || closed < from || closed >= before) return;
      if (include === "won" && deal.status !== "won") return;
      let begin = created;
      if (start === "first-stage") {
        const history = checkHistory(deal.stageHistory, created, loc.set(i, deal.id));
        const first = history[0];
        if (first !== undefined) begin = first.enteredAt.getTime();
        if (begin > closed) begin = closed;
      }
      days.push((closed - begin) / DAY_MS);
    },
    () => {
      if (days.length === 0) throw insufficient(`averageSalesCycle: no ${include === "won" ? "won" : "closed"} deals to measure`);
      return { ...summarizeDurations(days.view()), include, start };
    },
  );
}
