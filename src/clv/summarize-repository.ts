import { CrmkitError } from "../errors/crmkit-error.js";
import { describeValue } from "../errors/describe-value.js";
import { invalidInput } from "../errors/invalid-input.js";
import { consumeRows, isRowSource } from "../model/row-source.js";
import type { Transaction } from "../model/transaction.js";
import { buildCalibrationHoldout, calibrationHoldout, type CalibrationHoldoutOptions } from "./calibration-holdout.js";
import type { CalibrationHoldoutSummary, CustomerSummary, SummaryStats } from "./customer-summary.js";
import { PeriodClock } from "./purchase-period.js";
import type { PurchaseAggregateQuery, PurchaseAggregateRow, PurchaseAggregates, PurchaseRepository } from "./purchase-pushdown.js";
import { RowReader, type PurchaseReadOptions } from "./purchase-rows.js";
import { buildSummary, type SummaryOptions } from "./summary-from-aggregates.js";
import { summarizeTransactions } from "./summarize-transactions.js";
import { checkValidDate } from "../model/timestamp.js";

/** True for a transaction repository (something with `stream`, not itself iterable). Internal. */
export function isPurchaseRepository(source: unknown): source is PurchaseRepository {
  return (
    typeof source === "object" &&
    source !== null &&
    !isRowSource(source) &&
    typeof (source as { stream?: unknown }).stream === "function"
  );
}

/** For rows (not a repository), `pushdown: "require"` cannot be honoured: `UNSUPPORTED`. Internal. */
export function refuseRequiredPushdown(options: PurchaseReadOptions): void {
  if (options.pushdown === "require") {
    throw new CrmkitError("UNSUPPORTED", 'options.pushdown is "require" but the transactions are rows, not a repository that can aggregate them');
  }
}

type RepositoryOptions = SummaryOptions & PurchaseReadOptions & { readonly calibrationEnd?: Date };

const PUSHDOWN_MODES = ["auto", "never", "require"] as const;

/** Compares ids as JavaScript strings: the order of customers in a summary read from a repository. */
function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The summary with its customers in id order (both repository paths return this order). */
function sortedByCustomer<S extends CustomerSummary>(summary: S): S {
  const ids = summary.customerIds;
  const n = ids.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => byId(ids[i]!, ids[j]!));
  const out = { ...summary, customerIds: order.map((i) => ids[i]!) } as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(summary)) {
    if (value instanceof Float64Array && value.length === n) out[key] = Float64Array.from(order, (i) => value[i]!);
  }
  return out as S;
}

function badRow(index: number, field: string, value: unknown, expected: string): CrmkitError {
  return invalidInput(`transactions.summarizePurchases() row ${index}.${field}`, value, `${expected} (the store's aggregation is broken)`);
}

function checkRow(r: unknown, index: number): PurchaseAggregateRow {
  if (typeof r !== "object" || r === null) throw badRow(index, "(row)", r, "a PurchaseAggregateRow object");
  const row = r as PurchaseAggregateRow;
  if (typeof row.customerId !== "string" || row.customerId === "") throw badRow(index, "customerId", row.customerId, "a non-empty string");
  if (typeof row.currency !== "string") throw badRow(index, "currency", row.currency, "a currency code");
  for (const key of ["transactions", "purchasePeriods", "holdoutPeriods"] as const) {
    if (!Number.isInteger(row[key]) || row[key] < 0) throw badRow(index, key, row[key], "an integer >= 0");
  }
  for (const key of ["repeatSpend", "holdoutSpend"] as const) {
    if (typeof row[key] !== "number" || !Number.isFinite(row[key])) throw badRow(index, key, row[key], "a finite number");
  }
  if (row.purchasePeriods > 0 && !(row.firstPurchaseAt instanceof Date && row.lastPurchaseAt instanceof Date)) {
    throw badRow(index, "firstPurchaseAt", row.firstPurchaseAt, "Dates of the first and last purchase when purchasePeriods > 0");
  }
  return row;
}

/** The summary from a store's aggregates, with the streaming path's currency rules. */
async function fromAggregates(
  aggregates: PurchaseAggregates,
  options: RepositoryOptions,
  clock: PeriodClock,
  reader: RowReader,
): Promise<CustomerSummary | CalibrationHoldoutSummary> {
  const fixed = options.currency;
  let currency: string | undefined;
  let total = 0;
  let skipped = 0;
  let excluded = 0;
  const kept: PurchaseAggregateRow[] = [];
  const seen = new Set<string>();
  let index = 0;
  const visit = (input: unknown): void => {
    const row = checkRow(input, index++);
    total += row.transactions;
    if (fixed !== undefined && row.currency !== fixed) {
      if (reader.skipBad) {
        skipped += row.transactions;
        return;
      }
      throw new CrmkitError(
        "CURRENCY_MISMATCH",
        `transactions of customer ${describeValue(row.customerId)} are in ${describeValue(row.currency)}, not ${describeValue(fixed)}; summaries are in one currency — convert first, or pass onBadRow: "skip" to skip them`,
        { details: { customerId: row.customerId, expected: fixed, got: row.currency } },
      );
    }
    if (currency !== undefined && row.currency !== currency) {
      throw new CrmkitError(
        "CURRENCY_MISMATCH",
        `transactions in ${describeValue(row.currency)} and ${describeValue(currency)}; summaries are in one currency — pass options.currency (with onBadRow: "skip") or convert first`,
        { details: { expected: currency, got: row.currency } },
      );
    }
    currency = row.currency;
    if (seen.has(row.customerId)) throw badRow(index - 1, "customerId", row.customerId, "one row per customer and currency");
    seen.add(row.customerId);
    if (row.purchasePeriods === 0) {
      if (options.calibrationEnd === undefined) throw badRow(index - 1, "purchasePeriods", 0, "an integer >= 1 (one window)");
      excluded++;
      return;
    }
    kept.push(row);
  };
  await consumeRows(aggregates, "aggregates", (row) => visit(row as PurchaseAggregateRow), () => undefined);

  kept.sort((a, b) => byId(a.customerId, b.customerId));
  const m = kept.length;
  const column = (f: (row: PurchaseAggregateRow) => number): Float64Array => Float64Array.from(kept, f);
  const cols = {
    ids: kept.map((r) => r.customerId),
    firstMs: column((r) => r.firstPurchaseAt!.getTime()),
    lastMs: column((r) => r.lastPurchaseAt!.getTime()),
    periods: column((r) => r.purchasePeriods),
    repeatSpend: column((r) => r.repeatSpend),
  };
  const stats: SummaryStats = { rows: total, purchases: total - skipped, skipped, skippedByReason: skipped > 0 ? { "other currency": skipped } : {} };
  const summaryCurrency = total > 0 ? (fixed ?? currency) : undefined;
  if (options.calibrationEnd === undefined) return buildSummary(cols, clock, options.observationEnd, summaryCurrency, stats);
  const holdoutPeriods = new Float64Array(m);
  const holdoutSpend = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    holdoutPeriods[k] = kept[k]!.holdoutPeriods;
    holdoutSpend[k] = kept[k]!.holdoutPeriods > 0 ? kept[k]!.holdoutSpend : 0;
  }
  return buildCalibrationHoldout(
    { ...cols, holdoutPeriods, holdoutSpend },
    excluded,
    clock,
    { calibrationEnd: options.calibrationEnd, observationEnd: options.observationEnd },
    summaryCurrency,
    stats,
  );
}

/**
 * The summary (or calibration/holdout split) of the transactions in a repository:
 * pushed down to the store when it offers `summarizePurchases` and accepts the query,
 * streamed in time order otherwise. Both paths return the customers in id order.
 * Internal: reached through {@link summarizeTransactions} and {@link calibrationHoldout}.
 */
export async function summarizeRepository(repo: PurchaseRepository, options: RepositoryOptions): Promise<CustomerSummary | CalibrationHoldoutSummary> {
  const endMs = checkValidDate("options.observationEnd", options.observationEnd);
  if (options.calibrationEnd !== undefined) {
    const calMs = checkValidDate("options.calibrationEnd", options.calibrationEnd);
    if (!(calMs < endMs)) throw invalidInput("options.calibrationEnd", options.calibrationEnd, `an instant before observationEnd (${options.observationEnd.toISOString()})`);
  }
  const clock = new PeriodClock(options.unit, options.period ?? "day", options.timeZone);
  const reader = new RowReader(options); // validates kinds, currency and onBadRow
  const mode = options.pushdown ?? "auto";
  if (!(PUSHDOWN_MODES as readonly unknown[]).includes(mode)) throw invalidInput("options.pushdown", mode, '"auto", "never" or "require"');
  const kinds = options.kinds ?? ["purchase"];
  // Negative adjustments are bad rows unless allowed: only the streaming path can name each one.
  const negatives = kinds.includes("adjustment") && options.allowNegativeAmounts !== true;
  let declined = typeof repo.summarizePurchases !== "function" ? "the repository has no summarizePurchases" : "";
  if (mode !== "never" && declined === "" && negatives) declined = 'kinds include "adjustment" without allowNegativeAmounts (negative amounts are reported row by row)';
  if (mode !== "never" && declined === "") {
    const query: PurchaseAggregateQuery = {
      kinds: [...new Set(kinds)],
      observationEnd: options.observationEnd,
      ...(options.calibrationEnd === undefined ? {} : { calibrationEnd: options.calibrationEnd }),
      period: clock.period,
      ...(options.timeZone === undefined || options.timeZone === "UTC" ? {} : { timeZone: options.timeZone }),
    };
    const aggregates = await repo.summarizePurchases!(query);
    if (aggregates !== null) return fromAggregates(aggregates, options, clock, reader);
    declined = "the store declined the query";
  }
  if (mode === "require") throw new CrmkitError("UNSUPPORTED", `options.pushdown is "require" but the summary cannot be pushed down: ${declined}`, { details: { reason: declined } });

  const kindSet = new Set<string>(kinds);
  const filter = { occurredAt: { to: new Date(endMs + 1) }, ...(kindSet.size === 1 ? { kind: kinds[0]! } : {}) };
  async function* purchases(): AsyncIterable<Transaction> {
    for await (const t of repo.stream({ filter, orderBy: "occurredAt", batchSize: 1000 })) if (kindSet.has(t.kind)) yield t;
  }
  const { pushdown: _mode, calibrationEnd, ...rest } = options;
  const summary =
    calibrationEnd === undefined
      ? await summarizeTransactions(purchases(), rest)
      : await calibrationHoldout(purchases(), { ...rest, calibrationEnd } satisfies CalibrationHoldoutOptions);
  return sortedByCustomer(summary);
}
