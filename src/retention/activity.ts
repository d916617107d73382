import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { Money } from "../model/money.js";
import { consumeRows, type RowSource } from "../model/row-source.js";
import { instantOf } from "../model/timestamp.js";
import { TRANSACTION_KINDS, type TransactionKind } from "../model/transaction.js";

/**
 * A plain activity row: a customer was active (bought, paid, logged in…) at an
 * instant, optionally for an amount. `amount` is a number (in a currency the caller
 * keeps track of) or {@link Money}; rows with a bare number and rows with a currency
 * are never mixed in one revenue figure.
 *
 * @example
 * ```ts
 * import type { ActivityRow } from "crmkit/retention";
 * const row: ActivityRow = { customerId: "c-1", at: new Date("2024-03-01T10:00:00Z"), amount: 19.9 };
 * ```
 */
export interface ActivityRow {
  readonly customerId: string;
  /** A `Date`, epoch milliseconds, or an ISO 8601 date / date-time with offset. */
  readonly at: Date | string | number;
  readonly amount?: number | Money;
}

/**
 * The fields of a crmkit `Transaction` that the retention functions read (a full
 * `Transaction`, or a `Stored<Transaction>` streamed from a store, fits).
 *
 * @example
 * ```ts
 * import type { TransactionActivity } from "crmkit/retention";
 * const t: TransactionActivity = {
 *   customerId: "c-1", occurredAt: new Date("2024-03-01T10:00:00Z"),
 *   amount: { amount: 19.9, currency: "EUR" }, kind: "purchase",
 * };
 * ```
 */
export interface TransactionActivity {
  readonly customerId: string;
  readonly occurredAt: Date;
  readonly amount: Money;
  readonly kind: TransactionKind;
}

/**
 * One record of activity: a crmkit transaction or a plain {@link ActivityRow}.
 *
 * @example
 * ```ts
 * import type { ActivityRecord } from "crmkit/retention";
 * const rows: ActivityRecord[] = [{ customerId: "c-1", at: new Date("2024-01-05T00:00:00Z") }];
 * ```
 */
export type ActivityRecord = ActivityRow | TransactionActivity;

/**
 * Where activity comes from: an array, any iterable, or an async iterable (such as
 * `store.transactions.stream()`), read once, row by row, without being held in memory.
 *
 * @example
 * ```ts
 * import type { ActivitySource } from "crmkit/retention";
 * async function* rows() { yield { customerId: "c-1", at: new Date("2024-01-05T00:00:00Z") }; }
 * const source: ActivitySource = rows();
 * ```
 */
export type ActivitySource = RowSource<ActivityRecord>;

/**
 * Options shared by the functions that read an {@link ActivitySource}.
 *
 * @example
 * ```ts
 * import type { ActivityOptions } from "crmkit/retention";
 * const options: ActivityOptions = { kinds: ["purchase"] };
 * ```
 */
export interface ActivityOptions {
  /**
   * Which transaction kinds count as activity (default `["purchase", "payment"]`:
   * refunds and adjustments are not activity). Plain rows always count. A refund,
   * when counted, subtracts its amount from revenue figures (its amount is stored
   * positive; the kind gives the direction).
   */
  readonly kinds?: readonly TransactionKind[];
}

/** The default transaction kinds that count as activity. */
export const DEFAULT_ACTIVITY_KINDS: readonly TransactionKind[] = ["purchase", "payment"];

/** A row's resolved fields, handed to the visitor of {@link readActivity}. */
export type ActivityVisitor = (customerId: string, ms: number, amount: number, currency: string | undefined, index: number) => void;

/** Which amounts a reader keeps: all in one currency, or only those of a given currency. */
export interface CurrencyPolicy {
  /** Keep only amounts in this currency (others read as 0 but still count as activity). */
  readonly currency?: string;
  /** Whether amounts are needed at all (when false, currencies are not checked). */
  readonly needAmounts: boolean;
}

const UNITLESS = "(no currency)";

/** Checks `kinds` and returns a lookup set. */
export function activityKinds(field: string, kinds: readonly TransactionKind[] | undefined): ReadonlySet<string> {
  if (kinds === undefined) return new Set(DEFAULT_ACTIVITY_KINDS);
  if (!Array.isArray(kinds) || kinds.length === 0) throw invalidInput(field, kinds, `a non-empty array of transaction kinds (${TRANSACTION_KINDS.join(", ")})`);
  for (const [i, k] of kinds.entries()) {
    if (!(TRANSACTION_KINDS as readonly string[]).includes(k)) throw invalidInput(`${field}[${i}]`, k, `one of ${TRANSACTION_KINDS.join(", ")}`);
  }
  return new Set(kinds);
}

/**
 * Reads an activity source once, validating each row cheaply and calling `visit`
 * with its customer id, instant (epoch ms), amount and currency. Transactions of
 * kinds not in `kinds` are skipped. Rows after `asOfMs` are an error. Amounts in
 * two currencies are a CURRENCY_MISMATCH unless `policy.currency` selects one.
 * Returns the number of rows visited.
 */
export async function readActivity(
  source: ActivitySource,
  field: string,
  kinds: ReadonlySet<string>,
  asOfMs: number | undefined,
  policy: CurrencyPolicy,
  visit: ActivityVisitor,
): Promise<number> {
  let seenCurrency: string | undefined;
  let visited = 0;
  const handle = (row: unknown, i: number): void => {
    if (typeof row !== "object" || row === null) throw invalidInput(`${field}[${i}]`, row, "an activity row { customerId, at } or a transaction");
    const r = row as Record<string, unknown>;
    const customerId = r.customerId;
    if (typeof customerId !== "string" || customerId.length === 0) throw invalidInput(`${field}[${i}].customerId`, customerId, "a non-empty string");
    let when: unknown;
    let rawAmount: unknown;
    let timeField: string;
    let refund = false;
    if (r.occurredAt !== undefined && r.kind !== undefined) {
      if (!kinds.has(r.kind as string)) {
        if (!(TRANSACTION_KINDS as readonly unknown[]).includes(r.kind)) throw invalidInput(`${field}[${i}].kind`, r.kind, `one of ${TRANSACTION_KINDS.join(", ")}`);
        return;
      }
      when = r.occurredAt;
      rawAmount = r.amount;
      timeField = "occurredAt";
      refund = r.kind === "refund";
    } else {
      when = r.at;
      rawAmount = r.amount;
      timeField = "at";
    }
    const ms = instantOf(when, `${field}[${i}].${timeField}`);
    if (asOfMs !== undefined && ms > asOfMs) {
      throw invalidInput(`${field}[${i}].${timeField}`, when, `an instant at or before asOf (${new Date(asOfMs).toISOString()})`);
    }
    let amount = 0;
    let currency: string | undefined;
    if (rawAmount !== undefined) {
      if (typeof rawAmount === "number") {
        amount = rawAmount;
        currency = UNITLESS;
      } else if (typeof rawAmount === "object" && rawAmount !== null) {
        const m = rawAmount as Record<string, unknown>;
        if (typeof m.amount !== "number") throw invalidInput(`${field}[${i}].amount.amount`, m.amount, "a finite number");
        if (typeof m.currency !== "string" || m.currency.length === 0) throw invalidInput(`${field}[${i}].amount.currency`, m.currency, "an ISO 4217 currency code");
        amount = m.amount;
        currency = m.currency;
      } else {
        throw invalidInput(`${field}[${i}].amount`, rawAmount, "a number or { amount, currency }");
      }
      if (!Number.isFinite(amount)) throw invalidInput(`${field}[${i}].amount`, amount, "a finite number");
      if (refund) amount = -amount;
      if (policy.needAmounts) {
        if (policy.currency !== undefined) {
          if (currency !== policy.currency) amount = 0;
        } else if (seenCurrency === undefined) {
          seenCurrency = currency;
        } else if (currency !== seenCurrency) {
          throw new CrmkitError(
            "CURRENCY_MISMATCH",
            `${field}[${i}].amount: ${currency} cannot be added to ${seenCurrency}; pass options.currency to pick one currency (other rows then count as activity without revenue)`,
            { details: { expected: seenCurrency, got: currency, index: i } },
          );
        }
      }
    }
    visited++;
    visit(customerId, ms, amount, currency === UNITLESS ? undefined : currency, i);
  };
  await consumeRows(source, field, handle, () => undefined, "an array, iterable or async iterable of activity rows");
  return visited;
}
