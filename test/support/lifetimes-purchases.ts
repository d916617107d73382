import type { PurchaseRow } from "../../src/clv/index.js";

/** Midnight UTC of a `YYYY-MM-DD` day. */
export const d = (s: string): Date => new Date(`${s}T00:00:00Z`);

/** Purchase rows from `[customer, day, amount?]` tuples. */
export const rows = (data: [number, string, number?][]): PurchaseRow[] =>
  data.map(([id, at, amount]) => ({ customerId: String(id), at: d(at), ...(amount === undefined ? {} : { amount }) }));

/** The transactions of lifetimes' tests/test_utils.py fixture `large_transaction_level_data` (hand-checkable). */
export const large: [number, string, number][] = [
  [1, "2015-01-01", 1],
  [1, "2015-02-06", 2],
  [2, "2015-01-01", 2],
  [3, "2015-01-01", 3],
  [3, "2015-01-02", 1],
  [3, "2015-01-05", 5],
  [4, "2015-01-16", 6],
  [4, "2015-02-02", 3],
  [4, "2015-02-05", 3],
  [5, "2015-01-16", 3],
  [5, "2015-01-17", 1],
  [5, "2015-01-18", 8],
  [6, "2015-02-02", 5],
];
