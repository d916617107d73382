import { CrmkitError } from "../errors/crmkit-error.js";
import { describeValue } from "../errors/describe-value.js";
import { invalidInput } from "../errors/invalid-input.js";
import { consumeRows, type RowSource } from "../model/row-source.js";
import { INSTANT_EXPECTED, parseInstant } from "../model/timestamp.js";
import type { PurchaseInput } from "../model/purchase-row.js";
import type { TransactionKind } from "../model/transaction.js";
import { TRANSACTION_KINDS } from "../model/transaction.js";

/**
 * Input of the summaries: an array, any iterable or an async iterable (a
 * repository cursor, a stream), read once from start to end.
 *
 * @example
 * ```ts
 * import type { PurchaseSource } from "crmkit/clv";
 * async function* rows() { yield { customerId: "c-1", at: new Date() }; }
 * const source: PurchaseSource = rows();
 * ```
 */
export type PurchaseSource = RowSource<PurchaseInput>;

/**
 * Options shared by {@link summarizeTransactions} and {@link calibrationHoldout}
 * for reading rows.
 *
 * @example
 * ```ts
 * import type { PurchaseReadOptions } from "crmkit/clv";
 * const read: PurchaseReadOptions = { kinds: ["purchase", "payment"], onBadRow: "skip", currency: "EUR" };
 * ```
 */
export interface PurchaseReadOptions {
  /** Transaction kinds that count as purchases (default `["purchase"]`); plain rows without a `kind` always count. */
  readonly kinds?: readonly TransactionKind[];
  /** The currency every amount must be in; by default the first amount's currency, and a mix is `CURRENCY_MISMATCH`. */
  readonly currency?: string;
  /** `"error"` (default): a bad row throws an error naming it. `"skip"`: bad rows are skipped and counted in `stats`. */
  readonly onBadRow?: "error" | "skip";
  /** Accept negative amounts (returns netted into spend); default false. */
  readonly allowNegativeAmounts?: boolean;
  /**
   * `"auto"` (default): rows of each customer are expected in time order (customers
   * may interleave) and memory stays proportional to customers; arrays in any order
   * are re-read sorted when needed. `"any"`: rows are buffered (about 20 bytes per
   * purchase) so a stream in any order works.
   */
  readonly order?: "auto" | "any";
  /**
   * How a transaction repository (`store.transactions`) is read. `"auto"` (default):
   * the store computes the per-customer aggregates (`summarizePurchases`, one GROUP BY)
   * when it offers that and accepts the query, else the transactions are streamed in
   * time order. `"never"`: always stream. `"require"`: push down or throw `UNSUPPORTED`.
   * Plain arrays and iterables are always streamed (`"require"` throws for them).
   */
  readonly pushdown?: "auto" | "never" | "require";
}

/** A parsed row, reused across rows to avoid allocation. */
export interface ParsedRow {
  id: string;
  ms: number;
  amount: number;
  hasAmount: boolean;
  currency: string | undefined;
}

/** Outcome of reading one row. */
export const RowStatus = { Ok: 0, Ignored: 1, Bad: 2 } as const;
/** One of {@link RowStatus}. */
export type RowStatus = (typeof RowStatus)[keyof typeof RowStatus];

/** Reads and validates rows for the summaries; counts skips. Internal. */
export class RowReader {
  private readonly kinds: ReadonlySet<string>;
  readonly skipBad: boolean;
  private readonly allowNegative: boolean;
  currency: string | undefined;
  private readonly currencyFixed: boolean;
  rows = 0;
  purchases = 0;
  skipped = 0;
  readonly skippedByReason: Record<string, number> = Object.create(null) as Record<string, number>;
  anyAmount = false;
  readonly row: ParsedRow = { id: "", ms: 0, amount: 0, hasAmount: false, currency: undefined };

  constructor(options: PurchaseReadOptions) {
    const kinds = options.kinds ?? ["purchase"];
    if (!Array.isArray(kinds) || kinds.length === 0 || kinds.some((k) => !(TRANSACTION_KINDS as readonly string[]).includes(k))) {
      throw invalidInput("options.kinds", kinds, `a non-empty array of ${TRANSACTION_KINDS.map((k) => `"${k}"`).join(", ")}`);
    }
    this.kinds = new Set(kinds);
    const onBad = options.onBadRow ?? "error";
    if (onBad !== "error" && onBad !== "skip") throw invalidInput("options.onBadRow", onBad, '"error" or "skip"');
    this.skipBad = onBad === "skip";
    this.allowNegative = options.allowNegativeAmounts === true;
    if (options.currency !== undefined && (typeof options.currency !== "string" || !/^[A-Z]{3}$/.test(options.currency))) {
      throw invalidInput("options.currency", options.currency, "an upper-case ISO 4217 code such as \"USD\"");
    }
    this.currency = options.currency;
    this.currencyFixed = options.currency !== undefined;
  }

  /** Records a bad row: throws, or counts it when skipping. */
  bad(index: number, field: string, value: unknown, expected: string, reason: string): RowStatus {
    if (!this.skipBad) {
      throw invalidInput(`rows[${index}].${field}`, value, `${expected} (pass onBadRow: "skip" to skip and count such rows)`, { row: index, reason });
    }
    this.skipped++;
    this.skippedByReason[reason] = (this.skippedByReason[reason] ?? 0) + 1;
    return RowStatus.Bad;
  }

  /** Parses row `index` into `this.row`. */
  read(input: unknown, index: number): RowStatus {
    this.rows++;
    if (typeof input !== "object" || input === null) {
      return this.bad(index, "(row)", input, "a Transaction or a { customerId, at, amount? } row", "not an object");
    }
    const r = input as Record<string, unknown>;
    const out = this.row;
    const kind = r.kind;
    if (typeof kind === "string" && !this.kinds.has(kind)) return RowStatus.Ignored; // plain rows without kind are purchases
    let at: unknown;
    if ("occurredAt" in r) {
      at = r.occurredAt;
      const money = r.amount as { amount?: unknown; currency?: unknown } | undefined;
      if (money === undefined || money === null || typeof money !== "object") {
        return this.bad(index, "amount", money, "a Money { amount, currency }", "bad amount");
      }
      if (typeof money.amount !== "number" || !Number.isFinite(money.amount)) {
        return this.bad(index, "amount.amount", money.amount, "a finite number", "bad amount");
      }
      out.amount = money.amount;
      out.hasAmount = true;
      out.currency = typeof money.currency === "string" ? money.currency : undefined;
    } else {
      at = r.at;
      const amount = r.amount;
      if (amount === undefined) {
        out.amount = 0;
        out.hasAmount = false;
      } else if (typeof amount !== "number" || !Number.isFinite(amount)) {
        return this.bad(index, "amount", amount, "a finite number or undefined", "bad amount");
      } else {
        out.amount = amount;
        out.hasAmount = true;
      }
      const cur = r.currency;
      if (cur !== undefined && typeof cur !== "string") return this.bad(index, "currency", cur, "an ISO 4217 code", "bad currency");
      out.currency = cur;
    }
    const id = r.customerId;
    if (typeof id === "number" && Number.isFinite(id)) {
      out.id = String(id);
    } else if (typeof id !== "string" || id.length === 0) {
      return this.bad(index, "customerId", id, "a non-empty string", "bad customerId");
    } else {
      out.id = id;
    }
    const ms = parseInstant(at);
    if (Number.isNaN(ms)) return this.bad(index, "at" in r ? "at" : "occurredAt", at, INSTANT_EXPECTED, "bad date");
    out.ms = ms;
    if (out.hasAmount) {
      if (out.amount < 0 && !this.allowNegative) {
        return this.bad(index, "amount", out.amount, "an amount >= 0 (pass allowNegativeAmounts: true to net returns)", "negative amount");
      }
      this.anyAmount = true;
      if (out.currency !== undefined) {
        if (this.currency === undefined) this.currency = out.currency;
        else if (out.currency !== this.currency) {
          if (this.skipBad && this.currencyFixed) {
            this.skipped++;
            this.skippedByReason["other currency"] = (this.skippedByReason["other currency"] ?? 0) + 1;
            return RowStatus.Bad;
          }
          throw new CrmkitError(
            "CURRENCY_MISMATCH",
            `rows[${index}].currency: ${describeValue(out.currency)} differs from ${describeValue(this.currency)}; summaries are in one currency — convert first or filter the rows`,
            { details: { row: index, expected: this.currency, got: out.currency } },
          );
        }
      }
    }
    return RowStatus.Ok;
  }

  stats(): { rows: number; purchases: number; skipped: number; skippedByReason: Readonly<Record<string, number>> } {
    return { rows: this.rows, purchases: this.purchases, skipped: this.skipped, skippedByReason: { ...this.skippedByReason } };
  }
}

/** Iterates an iterable or async iterable, calling `visit` with each item and its index. */
export async function forEachRow(source: PurchaseSource, visit: (row: unknown, index: number) => void): Promise<void> {
  await consumeRows(source, "transactions", visit, () => undefined, "an array, an iterable or an async iterable of rows");
}
