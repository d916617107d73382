import type { Transaction } from "../../model/transaction.js";
import { invalidInput } from "../../errors/invalid-input.js";
import { CustomerSimulator, emptyCore, PURCHASE_CHANNELS } from "./customer-simulator.js";
import { childId, generatedCustomerId } from "./ids.js";
import { resolveOptions, type GenerateTransactionsOptions, type ResolvedOptions } from "./options.js";

/** Largest `customers` the streaming generators accept. */
const MAX_STREAM_CUSTOMERS = 100_000_000;

/**
 * A batch of purchases in columns: row `j` is a purchase by customer
 * `customerIndex[j]` (0-based; {@link generatedCustomerId} gives its id) at
 * `occurredAt[j]` (epoch milliseconds) for `amount[j]` in the options' currency.
 * Rows are grouped by customer, customers ascending, each customer's purchases
 * oldest first; a customer's purchases may be split across two batches. Each batch
 * owns its arrays.
 *
 * @example
 * ```ts
 * import type { TransactionBatch } from "crmkit/testing";
 * function total(b: TransactionBatch) { let s = 0; for (let j = 0; j < b.length; j++) s += b.amount[j]!; return s; }
 * ```
 */
export interface TransactionBatch {
  /** Number of rows. */
  readonly length: number;
  readonly customerIndex: Int32Array;
  readonly occurredAt: Float64Array;
  readonly amount: Float64Array;
}

/**
 * Options of {@link generateTransactionBatches}.
 *
 * @example
 * ```ts
 * import type { TransactionBatchOptions } from "crmkit/testing";
 * const o: TransactionBatchOptions = { seed: 1, customers: 1_000_000, asOf: new Date("2025-01-01T00:00:00Z"), batchSize: 1 << 16 };
 * ```
 */
export interface TransactionBatchOptions extends GenerateTransactionsOptions {
  /** Rows per batch (1 to 2^24); default 65,536. */
  readonly batchSize?: number;
}

/**
 * Streams the purchase log of `customers` generated customers as typed-array
 * columns, in bounded memory: a million customers and ten million transactions
 * never exist as objects at once. The rows are exactly the purchases (`kind:
 * "purchase"`) that {@link generateDataset} makes with the same options — same
 * customers, times and amounts — because every customer is simulated from its own
 * random stream.
 *
 * Purchases follow the buy-till-you-die process of `options.purchases` (BG/NBD by
 * default) and the Gamma-Gamma spend model of `options.spend`; customers who never
 * buy (about a quarter of contacts) have no rows.
 *
 * @example
 * ```ts
 * import { generateTransactionBatches } from "crmkit/testing";
 * let rows = 0;
 * for (const batch of generateTransactionBatches({ seed: 7, customers: 100_000, asOf: new Date("2025-01-01T00:00:00Z") })) {
 *   rows += batch.length;
 * }
 * ```
 */
export function generateTransactionBatches(options: TransactionBatchOptions): Generator<TransactionBatch, void, undefined> {
  // Validate now, not at the first next(): bad options fail where they are passed.
  const o = resolveOptions("generateTransactionBatches", options, MAX_STREAM_CUSTOMERS);
  const batchSize = options.batchSize ?? 65_536;
  if (typeof batchSize !== "number" || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1 << 24) {
    throw invalidInput("options.batchSize", batchSize, "an integer from 1 to 16,777,216");
  }
  return batches(o, batchSize);
}

function* batches(o: ResolvedOptions, batchSize: number): Generator<TransactionBatch, void, undefined> {
  const sim = new CustomerSimulator(o);
  const core = emptyCore();
  let customerIndex = new Int32Array(batchSize);
  let occurredAt = new Float64Array(batchSize);
  let amount = new Float64Array(batchSize);
  let n = 0;
  for (let i = 0; i < o.customers; i++) {
    sim.simulate(i, core);
    for (let k = 0; k < core.purchases; k++) {
      customerIndex[n] = i;
      occurredAt[n] = sim.times[k]!;
      amount[n] = sim.amounts[k]!;
      if (++n === batchSize) {
        yield { length: n, customerIndex, occurredAt, amount };
        customerIndex = new Int32Array(batchSize);
        occurredAt = new Float64Array(batchSize);
        amount = new Float64Array(batchSize);
        n = 0;
      }
    }
  }
  if (n > 0) yield { length: n, customerIndex: customerIndex.subarray(0, n), occurredAt: occurredAt.subarray(0, n), amount: amount.subarray(0, n) };
}

/**
 * Streams the purchase log as {@link Transaction} objects, one at a time — the same
 * rows, ids and fields as the purchases of {@link generateDataset} with the same
 * options (ids `tx-<customer>-<n>`, an `orderId`, a `quantity`, a sales `channel`).
 * Each object passes `parseTransaction`. For the fastest scans use
 * {@link generateTransactionBatches}.
 *
 * @example
 * ```ts
 * import { generateTransactions } from "crmkit/testing";
 * for (const tx of generateTransactions({ seed: 7, customers: 10, asOf: new Date("2025-01-01T00:00:00Z") })) {
 *   console.log(tx.customerId, tx.occurredAt.toISOString(), tx.amount.amount);
 * }
 * ```
 */
export function generateTransactions(options: GenerateTransactionsOptions): Generator<Transaction, void, undefined> {
  return transactions(resolveOptions("generateTransactions", options, MAX_STREAM_CUSTOMERS));
}

function* transactions(o: ResolvedOptions): Generator<Transaction, void, undefined> {
  const sim = new CustomerSimulator(o);
  const core = emptyCore();
  for (let i = 0; i < o.customers; i++) {
    sim.simulate(i, core);
    const customerId = generatedCustomerId(i);
    for (let k = 0; k < core.purchases; k++) {
      yield purchaseTransaction(customerId, i, k, sim.times[k]!, sim.amounts[k]!, sim.channels[k]!, o.currency);
    }
  }
}

/** The purchase transaction object for purchase k of customer index (shared with the dataset). @internal */
export function purchaseTransaction(
  customerId: string,
  index: number,
  k: number,
  at: number,
  value: number,
  channel: number,
  currency: string,
): Transaction {
  // About one item per 15 currency units (CDNOW's mean CD price was close to $15).
  return {
    id: childId("tx", index, k),
    customerId,
    occurredAt: new Date(at),
    amount: { amount: value, currency },
    kind: "purchase",
    orderId: childId("ord", index, k),
    quantity: Math.max(1, Math.round(value / 15)),
    channel: PURCHASE_CHANNELS[channel]!,
    attributes: {},
  };
}
