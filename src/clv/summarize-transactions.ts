import { invalidInput } from "../errors/invalid-input.js";
import { collectPurchases } from "./collect-purchases.js";
import { calibrationHoldout } from "./calibration-holdout.js";
import type { CalibrationHoldoutSummary, CustomerSummary } from "./customer-summary.js";
import { PeriodClock } from "./purchase-period.js";
import type { PurchaseRepository } from "./purchase-pushdown.js";
import type { PurchaseReadOptions, PurchaseSource } from "./purchase-rows.js";
import { isPurchaseRepository, refuseRequiredPushdown, summarizeRepository } from "./summarize-repository.js";
import { buildSummary, type SummaryOptions } from "./summary-from-aggregates.js";
import { checkValidDate } from "../model/timestamp.js";

/**
 * Options of {@link summarizeTransactions}.
 *
 * @example
 * ```ts
 * import type { SummarizeOptions } from "crmkit/clv";
 * const options: SummarizeOptions = { observationEnd: new Date("1997-09-30T00:00:00Z"), unit: "week", onBadRow: "skip" };
 * ```
 */
export interface SummarizeOptions extends SummaryOptions, PurchaseReadOptions {
  /** When given, the result is {@link calibrationHoldout}'s split at this instant. */
  readonly calibrationEnd?: Date;
}

/**
 * Summarises a purchase log into the per-customer recency–frequency–monetary
 * {@link CustomerSummary} the CLV models are fitted on. Reads arrays, iterables and
 * async iterables (repository cursors, streams) once, keeping O(1) state per
 * customer: memory grows with customers, not transactions. Purchases in the same
 * `period` (a day by default) are merged into one; durations are in `unit`
 * (weeks = days / 7, as lifetimes' `freq="D", freq_multiplier=7`).
 *
 * Bad rows (unparseable date, negative or non-finite amount, a purchase after
 * `observationEnd`, a missing customer id) throw an `INVALID_INPUT` error naming
 * the row, or with `onBadRow: "skip"` are skipped and counted in `stats`. Amounts
 * in a second currency throw `CURRENCY_MISMATCH`. With `calibrationEnd` the result
 * is the calibration/holdout split of {@link calibrationHoldout}.
 *
 * **From a store.** Pass a transaction repository (`store.transactions`, any
 * {@link PurchaseRepository}) instead of rows, and the summary is as of
 * `observationEnd`: transactions after it are not read (they are not bad rows). When
 * the store offers the aggregation pushdown (`summarizePurchases`, capability
 * `purchaseSummary`), the database computes one row per customer in one GROUP BY and
 * no transaction crosses the wire; otherwise, or when the store declines the query (a
 * PostgreSQL store declines IANA time zones), the transactions are streamed in time
 * order. `options.pushdown` forces either path. Both paths give the same summary,
 * customers in id order (JavaScript string order); a database that sums amounts as
 * exact decimals may differ from the streaming sum of doubles in the last bits of
 * `monetaryValue`. Kinds including `"adjustment"` without `allowNegativeAmounts` are
 * always streamed, so that each negative amount is reported.
 *
 * @example
 * ```ts
 * import { summarizeTransactions } from "crmkit/clv";
 * const summary = await summarizeTransactions(
 *   [
 *     { customerId: "0001", at: new Date("1997-01-01T00:00:00Z"), amount: 29.33 },
 *     { customerId: "0001", at: new Date("1997-01-18T00:00:00Z"), amount: 29.73 },
 *     { customerId: "0001", at: new Date("1997-08-02T00:00:00Z"), amount: 14.96 },
 *   ],
 *   { observationEnd: new Date("1997-09-30T00:00:00Z"), unit: "week" },
 * );
 * summary.frequency[0]; // 2
 * summary.recency[0]; // 30.43 (213 days / 7)
 * summary.T[0]; // 38.86 (272 days / 7)
 * summary.monetaryValue[0]; // 22.345
 * ```
 *
 * @example
 * ```ts
 * // From a store: pushed down to the database when it can, streamed otherwise.
 * import { summarizeTransactions } from "crmkit/clv";
 * import { createMemoryStore } from "crmkit/repository";
 * const store = createMemoryStore().forTenant("acme");
 * await store.transactions.upsertMany([
 *   { id: "t1", customerId: "c-1", occurredAt: "2024-01-01T10:00:00Z", amount: { amount: 20, currency: "EUR" }, kind: "purchase" },
 *   { id: "t2", customerId: "c-1", occurredAt: "2024-01-15T10:00:00Z", amount: { amount: 30, currency: "EUR" }, kind: "purchase" },
 * ]);
 * const fromStore = await summarizeTransactions(store.transactions, { observationEnd: new Date("2024-01-29T00:00:00Z"), unit: "week" });
 * fromStore.frequency[0]; // 1
 * fromStore.monetaryValue[0]; // 30
 * ```
 */
export async function summarizeTransactions(
  transactions: PurchaseSource | PurchaseRepository,
  options: SummarizeOptions & { readonly calibrationEnd: Date },
): Promise<CalibrationHoldoutSummary>;
export async function summarizeTransactions(transactions: PurchaseSource | PurchaseRepository, options: SummarizeOptions): Promise<CustomerSummary>;
export async function summarizeTransactions(transactions: PurchaseSource | PurchaseRepository, options: SummarizeOptions): Promise<CustomerSummary> {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object with observationEnd and unit");
  if (isPurchaseRepository(transactions)) return summarizeRepository(transactions, options);
  refuseRequiredPushdown(options);
  if (options.calibrationEnd !== undefined) return calibrationHoldout(transactions, { ...options, calibrationEnd: options.calibrationEnd });
  const endMs = checkValidDate("options.observationEnd", options.observationEnd);
  const clock = new PeriodClock(options.unit, options.period ?? "day", options.timeZone);
  const { ids, windows, reader } = await collectPurchases(transactions, options, clock, 1, (ms) => (ms <= endMs ? 0 : -1), `observationEnd (${options.observationEnd.toISOString()})`);
  const acc = windows[0]!;
  const n = ids.length;
  return buildSummary(
    { ids, firstMs: acc.firstMs.subarray(0, n), lastMs: acc.lastMs.subarray(0, n), periods: acc.periods.subarray(0, n), repeatSpend: acc.repeatSpend.subarray(0, n) },
    clock,
    options.observationEnd,
    reader.anyAmount ? reader.currency : undefined,
    reader.stats(),
  );
}
