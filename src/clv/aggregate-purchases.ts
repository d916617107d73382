import { invalidInput } from "../errors/invalid-input.js";
import type { Transaction } from "../model/transaction.js";
import { PeriodClock } from "./purchase-period.js";
import { parsePurchaseAggregateQuery, type PurchaseAggregateQuery, type PurchaseAggregateRow } from "./purchase-pushdown.js";

interface Group {
  customerId: string;
  currency: string;
  transactions: number;
  firstMs: number;
  lastMs: number;
  firstP: number;
  lastP: number;
  periods: number;
  repeatSpend: number;
  holdLastP: number;
  holdoutPeriods: number;
  holdFirstSpend: number;
  holdRepeatSpend: number;
}

/**
 * The reference implementation of the purchase-summary pushdown, in process: what a
 * store's `summarizePurchases` must return for `query`, computed from transactions
 * read in `occurredAt` order (ties in any order). The memory store answers
 * `summarizePurchases` with it; a database adapter can compare its SQL with it.
 * Amounts are added in time order, so the sums are bit-for-bit those of the
 * streaming path. Throws `INVALID_INPUT` for a bad query or rows out of time order.
 *
 * @example
 * ```ts
 * import { aggregatePurchases } from "crmkit/clv";
 * import { parseTransaction } from "crmkit/model";
 * const tx = (id: string, at: string, amount: number) =>
 *   parseTransaction({ id, customerId: "c-1", occurredAt: at, amount: { amount, currency: "EUR" }, kind: "purchase" });
 * const [row] = aggregatePurchases(
 *   [tx("t1", "2024-01-01T10:00:00Z", 20), tx("t2", "2024-01-01T18:00:00Z", 5), tx("t3", "2024-01-15T10:00:00Z", 30)],
 *   { kinds: ["purchase"], observationEnd: new Date("2024-02-01T00:00:00Z"), period: "day" },
 * );
 * row?.purchasePeriods; // 2
 * row?.repeatSpend; // 30
 * ```
 */
export function aggregatePurchases(transactions: Iterable<Transaction>, query: PurchaseAggregateQuery): PurchaseAggregateRow[] {
  const q = parsePurchaseAggregateQuery(query);
  if (transactions === null || typeof transactions !== "object" || !(Symbol.iterator in transactions)) {
    throw invalidInput("transactions", transactions, "an iterable of transactions in occurredAt order");
  }
  const clock = new PeriodClock(q.period, q.period, q.timeZone);
  const kinds = new Set<string>(q.kinds);
  const endMs = q.observationEnd.getTime();
  const calMs = q.calibrationEnd?.getTime() ?? endMs;
  const groups = new Map<string, Group>();
  let previous = Number.NEGATIVE_INFINITY;
  let i = 0;
  for (const t of transactions) {
    const ms = t.occurredAt.getTime();
    if (ms < previous) throw invalidInput(`transactions[${i}].occurredAt`, t.occurredAt, `an instant >= the previous row's (${new Date(previous).toISOString()}): rows in time order`);
    previous = ms;
    i++;
    if (!kinds.has(t.kind) || ms > endMs) continue;
    const currency = t.amount.currency;
    const key = `${t.customerId}\u0000${currency}`;
    let g = groups.get(key);
    if (g === undefined) {
      g = {
        customerId: t.customerId,
        currency,
        transactions: 0,
        firstMs: 0,
        lastMs: 0,
        firstP: 0,
        lastP: 0,
        periods: 0,
        repeatSpend: 0,
        holdLastP: 0,
        holdoutPeriods: 0,
        holdFirstSpend: 0,
        holdRepeatSpend: 0,
      };
      groups.set(key, g);
    }
    g.transactions++;
    const p = clock.index(ms);
    const amount = t.amount.amount;
    if (ms <= calMs) {
      if (g.periods === 0) {
        g.periods = 1;
        g.firstMs = ms;
        g.firstP = p;
        g.lastP = p;
      } else {
        if (p !== g.lastP) {
          g.periods++;
          g.lastP = p;
        }
        if (p !== g.firstP) g.repeatSpend += amount;
      }
      g.lastMs = ms;
    } else if (g.holdoutPeriods === 0) {
      g.holdoutPeriods = 1;
      g.holdLastP = p;
      g.holdFirstSpend = amount;
    } else {
      // Spend of the holdout's first period and of the later ones are kept apart and added at
      // the end, as the streaming path does, so that the sums agree to the last bit.
      if (p !== g.holdLastP) {
        g.holdoutPeriods++;
        g.holdLastP = p;
      }
      if (g.holdoutPeriods === 1) g.holdFirstSpend += amount;
      else g.holdRepeatSpend += amount;
    }
  }
  const out: PurchaseAggregateRow[] = [];
  for (const g of groups.values()) {
    out.push({
      customerId: g.customerId,
      currency: g.currency,
      transactions: g.transactions,
      firstPurchaseAt: g.periods === 0 ? null : new Date(g.firstMs),
      lastPurchaseAt: g.periods === 0 ? null : new Date(g.lastMs),
      purchasePeriods: g.periods,
      repeatSpend: g.repeatSpend,
      holdoutPeriods: g.holdoutPeriods,
      holdoutSpend: g.holdoutPeriods === 0 ? 0 : g.holdFirstSpend + g.holdRepeatSpend,
    });
  }
  return out;
}
