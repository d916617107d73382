import { invalidInput } from "../errors/invalid-input.js";
import { TRANSACTION_KINDS, type Transaction, type TransactionKind } from "../model/transaction.js";
import { PURCHASE_PERIODS, type PurchasePeriod } from "./purchase-period.js";

/**
 * What a store is asked to aggregate when the purchase summary is pushed down
 * (`transactions.summarizePurchases`): the transactions of the given `kinds` with
 * `occurredAt <= observationEnd`, grouped by customer and currency, purchases merged
 * into `period`s counted in `timeZone` (UTC when absent). With `calibrationEnd`, the
 * rows up to it form the calibration window and the later ones the holdout window.
 *
 * Period indices are those of the streaming path: `"hour"` and `"day"` are whole
 * hours and days since the epoch (in the zone's wall-clock time), `"week"` ISO weeks
 * starting on Monday, `"month"`, `"quarter"`, `"year"` calendar periods. A store that
 * cannot bucket a case exactly (a time zone whose rules it might know differently)
 * must decline it by returning `null`, and the caller streams instead.
 *
 * @example
 * ```ts
 * import type { PurchaseAggregateQuery } from "crmkit/clv";
 * const query: PurchaseAggregateQuery = {
 *   kinds: ["purchase"],
 *   observationEnd: new Date("2025-01-01T00:00:00Z"),
 *   period: "day",
 * };
 * ```
 */
export interface PurchaseAggregateQuery {
  /** Transaction kinds that count as purchases (non-empty, no duplicates). */
  readonly kinds: readonly TransactionKind[];
  /** Rows with `occurredAt <= observationEnd` count; later rows are ignored. */
  readonly observationEnd: Date;
  /** End of the calibration window (inclusive), before `observationEnd`; absent: one window. */
  readonly calibrationEnd?: Date;
  /** The period within which purchases are merged into one. */
  readonly period: PurchasePeriod;
  /** IANA time zone of calendar periods; absent means UTC. */
  readonly timeZone?: string;
}

/**
 * One row of a pushed-down purchase summary: the aggregates of one customer's
 * transactions in one currency. Amounts are summed exactly as stored (no currency
 * conversion); the caller rejects or skips currencies it was not asked for.
 *
 * Over the calibration window (the whole window without `calibrationEnd`):
 * `firstPurchaseAt`/`lastPurchaseAt` (`null` when the customer bought only in the
 * holdout window), `purchasePeriods` (distinct periods, 0 when none) and
 * `repeatSpend` (the spend of the periods after the first). Over the holdout window:
 * `holdoutPeriods` and `holdoutSpend` (0 without `calibrationEnd`).
 *
 * @example
 * ```ts
 * import type { PurchaseAggregateRow } from "crmkit/clv";
 * const row: PurchaseAggregateRow = {
 *   customerId: "c-1", currency: "EUR", transactions: 4,
 *   firstPurchaseAt: new Date("2024-01-02T10:00:00Z"), lastPurchaseAt: new Date("2024-03-05T16:00:00Z"),
 *   purchasePeriods: 3, repeatSpend: 80, holdoutPeriods: 0, holdoutSpend: 0,
 * };
 * ```
 */
export interface PurchaseAggregateRow {
  readonly customerId: string;
  readonly currency: string;
  /** Transactions aggregated into this row (both windows). */
  readonly transactions: number;
  readonly firstPurchaseAt: Date | null;
  readonly lastPurchaseAt: Date | null;
  readonly purchasePeriods: number;
  readonly repeatSpend: number;
  readonly holdoutPeriods: number;
  readonly holdoutSpend: number;
}

/**
 * What a store's aggregation returns: rows in any order, as an array, an iterable
 * or an async iterable — or `null` when the store declines the query.
 *
 * @example
 * ```ts
 * import type { PurchaseAggregates } from "crmkit/clv";
 * const declined: PurchaseAggregates | null = null;
 * ```
 */
export type PurchaseAggregates = Iterable<PurchaseAggregateRow> | AsyncIterable<PurchaseAggregateRow>;

/**
 * A transaction repository as {@link summarizeTransactions} reads it: `stream` (every
 * `Repository<"transactions">` has it), and optionally `summarizePurchases`, the
 * aggregation pushdown of a store that declares the `purchaseSummary` capability.
 * Pass `store.transactions`.
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "crmkit/repository";
 * import type { PurchaseRepository } from "crmkit/clv";
 * const repo: PurchaseRepository = createMemoryStore().forTenant("acme").transactions;
 * typeof repo.summarizePurchases; // "function": the memory store pushes the summary down
 * ```
 */
export interface PurchaseRepository {
  /** The transactions matching the filter, in `occurredAt` order (ties by id). */
  stream(query: {
    readonly filter: { readonly kind?: TransactionKind; readonly occurredAt: { readonly to: Date } };
    readonly orderBy: "occurredAt";
    readonly batchSize: number;
  }): AsyncIterable<Transaction>;
  /** Per-customer, per-currency purchase aggregates computed in the store, or `null` to decline. */
  summarizePurchases?(query: PurchaseAggregateQuery): Promise<PurchaseAggregates | null>;
}

function validDate(field: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw invalidInput(field, value, "a valid Date");
  return value;
}

/**
 * Validates a {@link PurchaseAggregateQuery}, as a store's `summarizePurchases`
 * receives it; throws `INVALID_INPUT` naming the field. Adapters call it first.
 *
 * @example
 * ```ts
 * import { parsePurchaseAggregateQuery } from "crmkit/clv";
 * parsePurchaseAggregateQuery({ kinds: ["purchase"], observationEnd: new Date("2025-01-01T00:00:00Z"), period: "week" });
 * parsePurchaseAggregateQuery({ kinds: [], observationEnd: new Date(), period: "day" }); // throws INVALID_INPUT
 * ```
 */
export function parsePurchaseAggregateQuery(query: unknown): PurchaseAggregateQuery {
  const where = "summarizePurchases(query)";
  if (typeof query !== "object" || query === null) throw invalidInput(where, query, "an object { kinds, observationEnd, period, calibrationEnd?, timeZone? }");
  const q = query as Record<string, unknown>;
  for (const key of Object.keys(q)) {
    if (!["kinds", "observationEnd", "calibrationEnd", "period", "timeZone"].includes(key)) throw invalidInput(`${where}.${key}`, q[key], "no such key (kinds, observationEnd, calibrationEnd, period, timeZone)");
  }
  const kinds = q.kinds;
  if (!Array.isArray(kinds) || kinds.length === 0 || new Set(kinds).size !== kinds.length || kinds.some((k) => !(TRANSACTION_KINDS as readonly unknown[]).includes(k))) {
    throw invalidInput(`${where}.kinds`, kinds, `a non-empty array of distinct kinds (${TRANSACTION_KINDS.join(", ")})`);
  }
  const observationEnd = validDate(`${where}.observationEnd`, q.observationEnd);
  let calibrationEnd: Date | undefined;
  if (q.calibrationEnd !== undefined) {
    calibrationEnd = validDate(`${where}.calibrationEnd`, q.calibrationEnd);
    if (!(calibrationEnd < observationEnd)) throw invalidInput(`${where}.calibrationEnd`, calibrationEnd, `an instant before observationEnd (${observationEnd.toISOString()})`);
  }
  if (typeof q.period !== "string" || !(PURCHASE_PERIODS as readonly string[]).includes(q.period)) {
    throw invalidInput(`${where}.period`, q.period, `one of ${PURCHASE_PERIODS.join(", ")}`);
  }
  if (q.timeZone !== undefined && (typeof q.timeZone !== "string" || q.timeZone === "")) throw invalidInput(`${where}.timeZone`, q.timeZone, "an IANA time zone name, or absent for UTC");
  return {
    kinds: kinds as TransactionKind[],
    observationEnd,
    ...(calibrationEnd === undefined ? {} : { calibrationEnd }),
    period: q.period as PurchasePeriod,
    ...(q.timeZone === undefined ? {} : { timeZone: q.timeZone as string }),
  };
}
