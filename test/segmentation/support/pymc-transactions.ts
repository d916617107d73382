import type { PurchaseRow } from "../../../src/model/purchase-row.js";

/** pymc-marketing tests/clv/test_utils.py, TestRFM.transaction_data (adapted from lifetimes): `[customerId, day, amount]`. */
export const PYMC_TRANSACTIONS: readonly (readonly [string, string, number])[] = [
  ["1", "2015-01-01", 1],
  ["1", "2015-02-06", 2],
  ["2", "2015-01-01", 2],
  ["3", "2015-01-01", 3],
  ["3", "2015-01-02", 1],
  ["3", "2015-01-05", 5],
  ["4", "2015-01-16", 6],
  ["4", "2015-02-02", 3],
  ["4", "2015-02-05", 3],
  ["4", "2015-02-05", 6],
  ["5", "2015-01-16", 3],
  ["5", "2015-01-17", 1],
  ["5", "2015-01-18", 8],
  ["6", "2015-02-02", 5],
];

/** {@link PYMC_TRANSACTIONS} as purchase rows. */
export const pymcRows: PurchaseRow[] = PYMC_TRANSACTIONS.map(([customerId, at, amount]) => ({ customerId, at, amount }));
