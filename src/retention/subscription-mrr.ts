import { invalidInput } from "../errors/invalid-input.js";
import type { Money } from "../model/money.js";
import { consumeRows, type RowSource } from "../model/row-source.js";

/**
 * The fields of a crmkit `Subscription` that the revenue-retention functions read
 * (a full `Subscription` or a `Stored<Subscription>` from a store fits).
 *
 * @example
 * ```ts
 * import type { SubscriptionRecord } from "crmkit/retention";
 * const s: SubscriptionRecord = {
 *   customerId: "c-1", status: "active", mrr: { amount: 99, currency: "EUR" },
 *   startedAt: new Date("2024-01-10T00:00:00Z"), mrrHistory: [],
 * };
 * ```
 */
export interface SubscriptionRecord {
  readonly customerId: string;
  readonly status: string;
  readonly mrr: Money;
  readonly startedAt: Date;
  readonly endedAt?: Date;
  readonly trialEndsAt?: Date;
  readonly mrrHistory?: readonly { readonly effectiveAt: Date; readonly mrr: Money }[];
}

/**
 * Where subscriptions come from: an array, an iterable, or an async iterable such as
 * `store.subscriptions.stream()`.
 *
 * @example
 * ```ts
 * import type { SubscriptionSource, SubscriptionRecord } from "crmkit/retention";
 * const none: SubscriptionSource = [] as SubscriptionRecord[];
 * ```
 */
export type SubscriptionSource = RowSource<SubscriptionRecord>;

/** A subscription as constant-MRR segments: MRR `amounts[i]` on [starts[i], starts[i+1]) (last segment up to `end`). */
export interface MrrSegments {
  readonly customerId: string;
  readonly currency: string;
  readonly starts: Float64Array;
  readonly amounts: Float64Array;
  /** End (exclusive) of the paid life, epoch ms; Infinity while it lasts. */
  readonly end: number;
}

function date(field: string, v: unknown): number {
  if (!(v instanceof Date) || Number.isNaN(v.getTime())) throw invalidInput(field, v, "a valid Date");
  return v.getTime();
}

function money(field: string, v: unknown): Money {
  if (typeof v !== "object" || v === null) throw invalidInput(field, v, "money { amount, currency }");
  const m = v as Record<string, unknown>;
  if (typeof m.amount !== "number" || !Number.isFinite(m.amount) || m.amount < 0) throw invalidInput(`${field}.amount`, m.amount, "a finite amount >= 0");
  if (typeof m.currency !== "string" || m.currency.length === 0) throw invalidInput(`${field}.currency`, m.currency, "an ISO 4217 currency code");
  return { amount: m.amount, currency: m.currency };
}

/**
 * Validates a subscription cheaply and turns it into MRR segments. Conventions:
 * MRR counts from `startedAt` (or from `trialEndsAt` when a trial is set: trial
 * MRR is not revenue; a `trialing` subscription without `trialEndsAt` has none yet)
 * until `endedAt` (exclusive). Before the first `mrrHistory` entry the first
 * entry's MRR applies; without history, `mrr` applies throughout.
 */
export function mrrSegments(field: string, s: unknown): MrrSegments {
  if (typeof s !== "object" || s === null) throw invalidInput(field, s, "a subscription");
  const r = s as Record<string, unknown>;
  if (typeof r.customerId !== "string" || r.customerId.length === 0) throw invalidInput(`${field}.customerId`, r.customerId, "a non-empty string");
  const startedAt = date(`${field}.startedAt`, r.startedAt);
  let end = Number.POSITIVE_INFINITY;
  if (r.endedAt !== undefined) {
    end = date(`${field}.endedAt`, r.endedAt);
    if (end < startedAt) throw invalidInput(`${field}.endedAt`, r.endedAt, `an end at or after startedAt (${new Date(startedAt).toISOString()})`);
  }
  const current = money(`${field}.mrr`, r.mrr);
  let paidFrom = startedAt;
  if (r.trialEndsAt !== undefined) paidFrom = Math.max(paidFrom, date(`${field}.trialEndsAt`, r.trialEndsAt));
  else if (r.status === "trialing") paidFrom = Number.POSITIVE_INFINITY;
  const history = r.mrrHistory;
  const starts: number[] = [paidFrom];
  const amounts: number[] = [current.amount];
  if (history !== undefined) {
    if (!Array.isArray(history)) throw invalidInput(`${field}.mrrHistory`, history, "an array of { effectiveAt, mrr }");
    const at: number[] = [];
    const amount: number[] = [];
    history.forEach((h: unknown, i) => {
      if (typeof h !== "object" || h === null) throw invalidInput(`${field}.mrrHistory[${i}]`, h, "{ effectiveAt, mrr }");
      const e = h as Record<string, unknown>;
      const t = date(`${field}.mrrHistory[${i}].effectiveAt`, e.effectiveAt);
      if (i > 0 && t < at[i - 1]!) throw invalidInput(`${field}.mrrHistory[${i}].effectiveAt`, e.effectiveAt, "MRR history in chronological order");
      const m = money(`${field}.mrrHistory[${i}].mrr`, e.mrr);
      if (m.currency !== current.currency) throw invalidInput(`${field}.mrrHistory[${i}].mrr.currency`, m.currency, `the subscription currency ${current.currency}`);
      at.push(t);
      amount.push(m.amount);
    });
    if (at.length > 0) {
      // From the start of the paid life: the last entry in force by then, else the first entry.
      let k = 0;
      amounts[0] = amount[0]!;
      while (k < at.length && at[k]! <= paidFrom) amounts[0] = amount[k++]!;
      for (; k < at.length; k++) {
        if (at[k] === starts[starts.length - 1]) amounts[amounts.length - 1] = amount[k]!;
        else {
          starts.push(at[k]!);
          amounts.push(amount[k]!);
        }
      }
    }
  }
  return { customerId: r.customerId, currency: current.currency, starts: Float64Array.from(starts), amounts: Float64Array.from(amounts), end };
}

/** MRR of the segments in force at instant `ms`. */
export function mrrAt(seg: MrrSegments, ms: number): number {
  if (ms >= seg.end) return 0;
  const { starts, amounts } = seg;
  if (starts.length === 0 || ms < starts[0]!) return 0;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return amounts[lo]!;
}

/** First instant with MRR > 0, or Infinity. */
export function firstPaidAt(seg: MrrSegments): number {
  for (let i = 0; i < seg.starts.length; i++) {
    if (seg.starts[i]! >= seg.end) break;
    if (seg.amounts[i]! > 0) return seg.starts[i]!;
  }
  return Number.POSITIVE_INFINITY;
}

/** Reads subscriptions once (array, iterable or async iterable), handing each one's segments to `visit`. */
export async function readSubscriptions(source: SubscriptionSource, visit: (seg: MrrSegments) => void): Promise<number> {
  let count = 0;
  const add = (s: unknown, i: number): void => {
    visit(mrrSegments(`subscriptions[${i}]`, s));
    count++;
  };
  await consumeRows(source, "subscriptions", add, () => undefined, "an array, iterable or async iterable of subscriptions");
  return count;
}
