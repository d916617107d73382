import { CrmkitError } from "../errors/crmkit-error.js";
import { describeValue } from "../errors/describe-value.js";
import { invalidInput } from "../errors/invalid-input.js";

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

/**
 * Calendar periods (UTC; ISO weeks start on Monday) for counting purchases per period.
 *
 * @example
 * ```ts
 * import type { PurchasePeriod } from "crmkit/segmentation";
 * const period: PurchasePeriod = "week";
 * ```
 */
export type PurchasePeriod = "day" | "week" | "month" | "quarter" | "year";

/** Settings of a {@link PurchaseAccumulator}. */
export interface AccumulatorSettings {
  readonly asOf: number;
  readonly frequency: FrequencyUnit;
  readonly period: PurchasePeriod;
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

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const PERIOD_SPAN = 2 ** 28;
const PERIOD_OFFSET = 2 ** 27;
const MAX_NUMERIC_KEY_CUSTOMERS = 2 ** 25;

function periodIndex(ms: number, period: PurchasePeriod): number {
  switch (period) {
    case "day":
      return Math.floor(ms / DAY_MS);
    case "week":
      // ISO weeks start on Monday; 1970-01-01 was a Thursday (3 days after a Monday)
      return Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);
    default: {
      const d = new Date(ms);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth();
      return period === "month" ? y * 12 + m : period === "quarter" ? y * 4 + Math.floor(m / 3) : y;
    }
  }
}

/**
 * Parses a purchase instant: a valid `Date`, finite epoch milliseconds, or an ISO
 * 8601 string that is a calendar date (midnight UTC) or a date-time with an offset
 * (a date-time without offset would be read in the machine's time zone: rejected).
 * Returns NaN for anything else.
 */
export function parseInstant(value: unknown): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : Number.NaN;
  if (value instanceof Date) return value.getTime();
  if (typeof value === "string" && ISO.test(value)) return Date.parse(value);
  return Number.NaN;
}

/** {@link parseInstant}, throwing `INVALID_INPUT` naming `field` when the value is not an instant. */
export function instantOf(value: unknown, field: string): number {
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) throw invalidInput(field, value, INSTANT);
  return ms;
}

const INSTANT = "a valid Date, epoch milliseconds or an ISO 8601 date / date-time with offset";

function growTo(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/**
 * Sums purchases up per customer into typed-array columns: last purchase instant,
 * transaction count, purchases per frequency unit (distinct orders or periods when
 * asked), revenue. One `Map` from customer id to index; no object per row kept.
 */
export class PurchaseAccumulator {
  readonly #s: AccumulatorSettings;
  readonly #index = new Map<string, number>();
  readonly #ids: string[] = [];
  #lastId: string | undefined;
  #lastIndex = -1;
  #last: Float64Array<ArrayBuffer> = new Float64Array(1024);
  #tx: Float64Array<ArrayBuffer> = new Float64Array(1024);
  #units: Float64Array<ArrayBuffer> = new Float64Array(1024);
  #revenue: Float64Array<ArrayBuffer> = new Float64Array(1024);
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

  #customer(id: string): number {
    // rows often come grouped by customer: skip the map for a repeat of the previous id
    if (id === this.#lastId) return this.#lastIndex;
    let i = this.#index.get(id);
    if (i === undefined) {
      i = this.#ids.length;
      this.#index.set(id, i);
      this.#ids.push(id);
      if (i === this.#last.length) {
        const size = i * 2;
        this.#last = growTo(this.#last, size);
        this.#tx = growTo(this.#tx, size);
        this.#units = growTo(this.#units, size);
        this.#revenue = growTo(this.#revenue, size);
      }
      this.#last[i] = Number.NEGATIVE_INFINITY;
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
    if (typeof customerId !== "string" || customerId.length === 0) throw invalidInput(`${source}[${index}].customerId`, customerId, "a non-empty string");
    const ms = parseInstant(at);
    if (Number.isNaN(ms)) throw invalidInput(`${source}[${index}].${timeField}`, at, INSTANT);
    if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
      throw invalidInput(`${source}[${index}].amount`, amount, "a finite amount >= 0 (the transaction kind, not the sign, gives the direction)");
    }
    if (currency !== undefined && typeof currency !== "string") throw invalidInput(`${source}[${index}].currency`, currency, "an ISO 4217 currency code");
    if (currency !== undefined && currency !== this.#currency) this.#checkCurrency(currency, source, index);
    if (ms > this.#s.asOf) {
      if (this.#s.afterAsOf === "skip") {
        this.#skipped++;
        return;
      }
      throw new CrmkitError(
        "INVALID_INPUT",
        `${source}[${index}].${timeField}: ${describeValue(new Date(ms))} is after asOf ${new Date(this.#s.asOf).toISOString()} (customer ${JSON.stringify(customerId)}); pass the data up to asOf, or afterAsOf: "skip" to leave such rows out`,
        { issues: [{ path: [`${source}[${index}]`, timeField], message: "expected a purchase at or before asOf", input: new Date(ms) }], details: { row, customerId, at: new Date(ms) } },
      );
    }
    const i = this.#customer(customerId);
    if (refund) {
      this.#revenue[i]! -= amount;
      return;
    }
    if (ms > this.#last[i]!) this.#last[i] = ms;
    this.#tx[i]!++;
    this.#revenue[i]! += amount;
    switch (this.#s.frequency) {
      case "transactions":
        this.#units[i]!++;
        break;
      case "orders":
        if (orderId === undefined) this.#units[i]!++;
        else {
          if (typeof orderId !== "string") throw invalidInput(`${source}[${index}].orderId`, orderId, "a string order id");
          const key = `${i}\u0000${orderId}`;
          if (!this.#seenText.has(key)) {
            this.#seenText.add(key);
            this.#units[i]!++;
          }
        }
        break;
      case "periods": {
        const p = periodIndex(ms, this.#s.period);
        if (i < MAX_NUMERIC_KEY_CUSTOMERS) {
          const key = i * PERIOD_SPAN + (p + PERIOD_OFFSET);
          if (!this.#seenNumeric.has(key)) {
            this.#seenNumeric.add(key);
            this.#units[i]!++;
          }
        } else {
          const key = `${i}\u0000${p}`;
          if (!this.#seenText.has(key)) {
            this.#seenText.add(key);
            this.#units[i]!++;
          }
        }
        break;
      }
    }
  }

  /** The per-customer columns; customers with refunds but no purchase are dropped and counted. */
  finish(): PurchaseColumnsOut {
    const n = this.#ids.length;
    let keep = 0;
    for (let i = 0; i < n; i++) if (this.#tx[i]! > 0) keep++;
    const customerIds: string[] = new Array<string>(keep);
    const lastPurchaseAt = new Float64Array(keep);
    const transactions = new Float64Array(keep);
    const units = new Float64Array(keep);
    const revenue = new Float64Array(keep);
    let j = 0;
    for (let i = 0; i < n; i++) {
      if (this.#tx[i]! === 0) continue;
      customerIds[j] = this.#ids[i]!;
      lastPurchaseAt[j] = this.#last[i]!;
      transactions[j] = this.#tx[i]!;
      units[j] = this.#units[i]!;
      revenue[j] = this.#revenue[i]!;
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
      refundOnly: n - keep,
    };
  }
}
