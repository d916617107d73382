import { CrmkitError } from "../errors/crmkit-error.js";
import { describeValue } from "../errors/describe-value.js";
import { invalidInput } from "../errors/invalid-input.js";
import { instantOf } from "../model/timestamp.js";
import { periodIndexOfMs, type CalendarPeriod } from "../time/calendar-period.js";

/**
 * How purchases are counted into `frequency`: every transaction, distinct orders
 * (`orderId`; rows without one count alone), or distinct calendar periods.
 *
 * @example
 * ```ts
 * import type { FrequencyUnit } from "crmkit/segmentation";
 * const purchaseDays: FrequencyUnit = "periods";
 * ```
 */
export type FrequencyUnit = "transactions" | "orders" | "periods";

/** Settings of a {@link PurchaseAccumulator}. */
export interface AccumulatorSettings {
  readonly asOf: number;
  readonly frequency: FrequencyUnit;
  readonly period: CalendarPeriod;
  readonly kinds: ReadonlySet<string>;
  readonly refunds: "ignore" | "net";
  readonly afterAsOf: "error" | "skip";
  readonly currency: string | undefined;
}

/** Per-customer columns summed up from purchases (length = number of customers). */
export interface PurchaseColumnsOut {
  readonly customerIds: string[];
  readonly lastPurchaseAt: Float64Array;
  readonly transactions: Float64Array;
  /** Purchases as counted by the frequency unit. */
  readonly units: Float64Array;
  readonly revenue: Float64Array;
  readonly currency: string | undefined;
  readonly rows: number;
  readonly ignored: number;
  readonly skippedAfterAsOf: number;
  readonly refundOnly: number;
}

const PERIOD_SPAN = 2 ** 28;
const PERIOD_OFFSET = 2 ** 27;
const MAX_NUMERIC_KEY_CUSTOMERS = 2 ** 25;


// Per-customer record, interleaved so that one purchase touches one cache line:
// [last purchase ms, transactions, purchases per frequency unit, revenue].
const STRIDE = 4;
const LAST = 0;
const TX = 1;
const UNITS = 2;
const REVENUE = 3;

/**
 * Sums purchases up per customer into a typed-array record per customer: last
 * purchase instant, transaction count, purchases per frequency unit (distinct orders
 * or periods when asked), revenue. One `Map` from customer id to index (or none, for
 * dictionary-encoded input); no object per row kept.
 */
export class PurchaseAccumulator {
  readonly #s: AccumulatorSettings;
  readonly #index = new Map<string, number>();
  #ids: string[] = [];
  #lastId: string | undefined;
  #lastIndex = -1;
  #rec: Float64Array<ArrayBuffer> = new Float64Array(1024 * STRIDE);
  readonly #seenNumeric = new Set<number>();
  readonly #seenText = new Set<string>();
  #currency: string | undefined;
  #currencyRow = -1;
  #rows = 0;
  #ignored = 0;
  #skipped = 0;

  constructor(settings: AccumulatorSettings) {
    this.#s = settings;
    this.#currency = settings.currency;
  }

  /**
   * Fixes the customers up front (dictionary-encoded input): rows then name customers
   * by their index in `ids` (see {@link addAt}). The ids must be unique, non-empty strings.
   */
  useDictionary(ids: readonly string[], field: string): void {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (typeof id !== "string" || id.length === 0) throw invalidInput(`${field}[${i}]`, id, "a non-empty string");
      if (seen.has(id)) throw invalidInput(`${field}[${i}]`, id, "each customer once in the dictionary (duplicate id)");
      seen.add(id);
    });
    this.#ids = [...ids];
    this.#rec = new Float64Array(Math.max(1, ids.length) * STRIDE);
    for (let i = 0; i < ids.length; i++) this.#rec[i * STRIDE + LAST] = Number.NEGATIVE_INFINITY;
  }

  #customer(id: string): number {
    // rows often come grouped by customer: skip the map for a repeat of the previous id
    if (id === this.#lastId) return this.#lastIndex;
    let i = this.#index.get(id);
    if (i === undefined) {
      i = this.#ids.length;
      this.#index.set(id, i);
      this.#ids.push(id);
      if ((i + 1) * STRIDE > this.#rec.length) {
        const bigger = new Float64Array(this.#rec.length * 2);
        bigger.set(this.#rec);
        this.#rec = bigger;
      }
      this.#rec[i * STRIDE + LAST] = Number.NEGATIVE_INFINITY;
    }
    this.#lastId = id;
    this.#lastIndex = i;
    return i;
  }

  #checkCurrency(currency: string | undefined, source: string, index: number): void {
    if (currency === undefined) return;
    if (this.#currency === undefined) {
      this.#currency = currency;
      this.#currencyRow = this.#rows;
    } else if (currency !== this.#currency) {
      const since = this.#s.currency !== undefined ? "options.currency" : `row ${this.#currencyRow}`;
      throw new CrmkitError(
        "CURRENCY_MISMATCH",
        `${source}[${index}]: amount in ${currency}, but the purchases are in ${this.#currency} (since ${since}); convert to one currency or score each currency separately`,
        { details: { expected: this.#currency, got: currency, row: this.#rows } },
      );
    }
  }

  /**
   * Adds one row; `source[index]` names it in errors (`transactions[12]`). Kinds not
   * among the purchase kinds (and refunds unless netted) are counted as ignored.
   */
  add(source: string, index: number, customerId: unknown, timeField: string, at: unknown, amount: unknown, currency: unknown, kind: unknown, orderId: unknown): void {
    if (typeof customerId !== "string" || customerId.length === 0) {
      // checked before the kind so that a malformed row is never silently "ignored"
      this.#rows++;
      throw invalidInput(`${source}[${index}].customerId`, customerId, "a non-empty string");
    }
    this.#add(source, index, -1, customerId, timeField, at, amount, currency, kind, orderId);
  }

  /** {@link add} for dictionary-encoded rows: `customer` indexes the ids given to {@link useDictionary}. */
  addAt(source: string, index: number, customer: unknown, timeField: string, at: unknown, amount: unknown, currency: unknown, kind: unknown, orderId: unknown): void {
    if (typeof customer !== "number" || !Number.isInteger(customer) || customer < 0 || customer >= this.#ids.length) {
      this.#rows++;
      throw invalidInput(`${source}[${index}]`, customer, `an index into the customer dictionary (0..${this.#ids.length - 1})`);
    }
    this.#add(source, index, customer, undefined, timeField, at, amount, currency, kind, orderId);
  }

  #add(
    source: string,
    index: number,
    known: number,
    customerId: string | undefined,
    timeField: string,
    at: unknown,
    amount: unknown,
    currency: unknown,
    kind: unknown,
    orderId: unknown,
  ): void {
    const row = this.#rows++;
    let refund = false;
    if (kind !== undefined) {
      if (typeof kind !== "string") throw invalidInput(`${source}[${index}].kind`, kind, "a transaction kind string");
      if (!this.#s.kinds.has(kind)) {
        if (kind === "refund" && this.#s.refunds === "net") refund = true;
        else {
          this.#ignored++;
          return;
        }
      }
    }
    const ms = instantOf(at, `${source}[${index}].${timeField}`);
    if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
      throw invalidInput(`${source}[${index}].amount`, amount, "a finite amount >= 0 (the transaction kind, not the sign, gives the direction)");
    }
    if (currency !== undefined && currency !== this.#currency) {
      if (typeof currency !== "string") throw invalidInput(`${source}[${index}].currency`, currency, "an ISO 4217 currency code");
      this.#checkCurrency(currency, source, index);
    }
    if (ms > this.#s.asOf) {
      if (this.#s.afterAsOf === "skip") {
        this.#skipped++;
        return;
      }
      const who = customerId ?? this.#ids[known]!;
      throw new CrmkitError(
        "INVALID_INPUT",
        `${source}[${index}].${timeField}: ${describeValue(new Date(ms))} is after asOf ${new Date(this.#s.asOf).toISOString()} (customer ${JSON.stringify(who)}); pass the data up to asOf, or afterAsOf: "skip" to leave such rows out`,
        {
          issues: [{ path: [`${source}[${index}]`, timeField], message: "expected a purchase at or before asOf", input: new Date(ms) }],
          details: { row, customerId: who, at: new Date(ms) },
        },
      );
    }
    const i = known >= 0 ? known : this.#customer(customerId!);
    const rec = this.#rec;
    const base = i * STRIDE;
    if (refund) {
      rec[base + REVENUE]! -= amount;
      return;
    }
    if (ms > rec[base + LAST]!) rec[base + LAST] = ms;
    rec[base + TX]!++;
    rec[base + REVENUE]! += amount;
    switch (this.#s.frequency) {
      case "transactions":
        rec[base + UNITS]!++;
        break;
      case "orders":
        if (orderId === undefined) rec[base + UNITS]!++;
        else {
          if (typeof orderId !== "string") throw invalidInput(`${source}[${index}].orderId`, orderId, "a string order id");
          const key = `${i}\u0000${orderId}`;
          if (!this.#seenText.has(key)) {
            this.#seenText.add(key);
            rec[base + UNITS]!++;
          }
        }
        break;
      case "periods": {
        const p = periodIndexOfMs(ms, this.#s.period);
        if (i < MAX_NUMERIC_KEY_CUSTOMERS) {
          const key = i * PERIOD_SPAN + (p + PERIOD_OFFSET);
          if (!this.#seenNumeric.has(key)) {
            this.#seenNumeric.add(key);
            rec[base + UNITS]!++;
          }
        } else {
          const key = `${i}\u0000${p}`;
          if (!this.#seenText.has(key)) {
            this.#seenText.add(key);
            rec[base + UNITS]!++;
          }
        }
        break;
      }
    }
  }

  /** The per-customer columns; customers with refunds but no purchase are dropped and counted. */
  finish(): PurchaseColumnsOut {
    const n = this.#ids.length;
    const rec = this.#rec;
    let keep = 0;
    let noPurchase = 0;
    for (let i = 0; i < n; i++) {
      if (rec[i * STRIDE + TX]! > 0) keep++;
      else if (rec[i * STRIDE + REVENUE] !== 0) noPurchase++;
    }
    const customerIds: string[] = new Array<string>(keep);
    const lastPurchaseAt = new Float64Array(keep);
    const transactions = new Float64Array(keep);
    const units = new Float64Array(keep);
    const revenue = new Float64Array(keep);
    let j = 0;
    for (let i = 0; i < n; i++) {
      const base = i * STRIDE;
      if (rec[base + TX] === 0) continue;
      customerIds[j] = this.#ids[i]!;
      lastPurchaseAt[j] = rec[base + LAST]!;
      transactions[j] = rec[base + TX]!;
      units[j] = rec[base + UNITS]!;
      revenue[j] = rec[base + REVENUE]!;
      j++;
    }
    return {
      customerIds,
      lastPurchaseAt,
      transactions,
      units,
      revenue,
      currency: this.#currency,
      rows: this.#rows,
      ignored: this.#ignored,
      skippedAfterAsOf: this.#skipped,
      refundOnly: noPurchase,
    };
  }
}
