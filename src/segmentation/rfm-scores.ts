import { z } from "zod";
import { CrmkitError } from "../errors/crmkit-error.js";
import { fromZodError } from "../errors/from-zod.js";
import { invalidInput } from "../errors/invalid-input.js";
import { CurrencyCodeSchema, type Money } from "../model/money.js";
import type { Transaction } from "../model/transaction.js";
import { consumeRows } from "../model/row-source.js";
import { instantOf } from "../model/timestamp.js";
import { PurchaseAccumulator, type FrequencyUnit } from "./purchase-accumulator.js";
import { CALENDAR_PERIODS, type CalendarPeriod } from "../time/calendar-period.js";
import { scoreDimension, type CollapsedBins, type RfmBinning, type RfmBinningMethod, type RfmDimension } from "./rfm-binning.js";
import { RfmScoreTable, type RfmInputCounts } from "./rfm-score-table.js";
import type { PurchaseRow } from "../model/purchase-row.js";

const DAY_MS = 86_400_000;

/**
 * Purchases as columns (say, from a database driver or an Arrow batch): entry `i`
 * of every column is one purchase. The fastest input for millions of rows.
 *
 * @example
 * ```ts
 * import type { PurchaseColumns } from "crmkit/segmentation";
 * const cols: PurchaseColumns = {
 *   customerIds: ["a", "b", "a"],
 *   at: Float64Array.of(Date.UTC(2024, 4, 1), Date.UTC(2024, 4, 2), Date.UTC(2024, 4, 9)),
 *   amounts: Float64Array.of(20, 35, 12.5),
 *   currency: "EUR",
 * };
 * ```
 */
export interface PurchaseColumns {
  readonly customerIds: ArrayLike<string>;
  /** Purchase instants, epoch milliseconds. */
  readonly at: ArrayLike<number>;
  /** Amounts in major units, >= 0. */
  readonly amounts: ArrayLike<number>;
  readonly orderIds?: ArrayLike<string | undefined> | undefined;
  readonly currency?: string | undefined;
}

/**
 * Purchases as dictionary-encoded columns (as Arrow and columnar databases store a
 * repeated string): `customers` lists each customer once and `customerIndex[i]` is
 * the position of purchase `i`'s customer in it. Skips hashing customer ids, the
 * fastest input of all; customers of the dictionary without a purchase are left out.
 *
 * @example
 * ```ts
 * import type { IndexedPurchaseColumns } from "crmkit/segmentation";
 * const cols: IndexedPurchaseColumns = {
 *   customers: ["a", "b"],
 *   customerIndex: Int32Array.of(0, 1, 0),
 *   at: Float64Array.of(Date.UTC(2024, 4, 1), Date.UTC(2024, 4, 2), Date.UTC(2024, 4, 9)),
 *   amounts: Float64Array.of(20, 35, 12.5),
 * };
 * ```
 */
export interface IndexedPurchaseColumns {
  readonly customers: readonly string[];
  readonly customerIndex: ArrayLike<number>;
  /** Purchase instants, epoch milliseconds. */
  readonly at: ArrayLike<number>;
  /** Amounts in major units, >= 0. */
  readonly amounts: ArrayLike<number>;
  readonly orderIds?: ArrayLike<string | undefined> | undefined;
  readonly currency?: string | undefined;
}

/**
 * A per-customer summary row, for data already aggregated elsewhere (the `rfm`
 * package's `rfm_table_customer`). Give `recencyDays` or `lastPurchaseAt`.
 * `revenue` (for segment summaries) defaults to `monetary`.
 *
 * @example
 * ```ts
 * import type { CustomerRfmRow } from "crmkit/segmentation";
 * const row: CustomerRfmRow = { customerId: "c-1", recencyDays: 12, frequency: 6, monetary: 472 };
 * ```
 */
export interface CustomerRfmRow {
  readonly customerId: string;
  readonly frequency: number;
  readonly monetary: number;
  readonly recencyDays?: number | undefined;
  readonly lastPurchaseAt?: Date | string | number | undefined;
  readonly revenue?: number | undefined;
  readonly orders?: number | undefined;
}

/**
 * A per-customer summary as columns.
 *
 * @example
 * ```ts
 * import type { CustomerRfmColumns } from "crmkit/segmentation";
 * const cols: CustomerRfmColumns = {
 *   customerIds: ["a", "b"],
 *   recencyDays: Float64Array.of(3, 200),
 *   frequency: Float64Array.of(9, 1),
 *   monetary: Float64Array.of(843, 40),
 * };
 * ```
 */
export interface CustomerRfmColumns {
  readonly customerIds: ArrayLike<string>;
  readonly recencyDays: ArrayLike<number>;
  readonly frequency: ArrayLike<number>;
  readonly monetary: ArrayLike<number>;
  readonly revenue?: ArrayLike<number> | undefined;
  readonly orders?: ArrayLike<number> | undefined;
  readonly currency?: string | undefined;
}

/**
 * Everything `rfmScores` accepts synchronously: crmkit `Transaction` records or
 * {@link PurchaseRow}s (array or iterable), {@link PurchaseColumns} or
 * {@link IndexedPurchaseColumns}, per-customer
 * {@link CustomerRfmRow}s, or {@link CustomerRfmColumns}. Async iterables of rows
 * (e.g. `store.transactions.stream()`) are accepted too, and give a promise.
 *
 * @example
 * ```ts
 * import type { RfmInput } from "crmkit/segmentation";
 * const input: RfmInput = [{ customerId: "a", at: new Date("2024-05-01T00:00:00Z"), amount: 20 }];
 * ```
 */
export type RfmInput = Iterable<Transaction | PurchaseRow> | Iterable<CustomerRfmRow> | PurchaseColumns | IndexedPurchaseColumns | CustomerRfmColumns;

/**
 * Options of `rfmScores`. Only `asOf` is required.
 *
 * @example
 * ```ts
 * import type { RfmOptions } from "crmkit/segmentation";
 * const likeTheRPackage: RfmOptions = { asOf: new Date("2006-12-31T00:00:00Z"), bins: 5, binning: "rfm-package" };
 * const likePymcMarketing: RfmOptions = {
 *   asOf: new Date("2015-02-06T00:00:00Z"), bins: 4, collapsedBins: "renumber", frequency: "periods", period: "day", monetary: "mean",
 * };
 * ```
 */
export interface RfmOptions {
  /** The reference instant: recency is measured up to it; later purchases are errors (see `afterAsOf`). */
  readonly asOf: Date;
  /** Bins (scores 1..bins), 2–9, for all dimensions or per dimension. Default 5. */
  readonly bins?: number | { readonly recency?: number; readonly frequency?: number; readonly monetary?: number } | undefined;
  /** Custom cut points per dimension (ascending, 1–8 of them: bins = length + 1), instead of quantiles. */
  readonly cutPoints?: { readonly recency?: readonly number[]; readonly frequency?: readonly number[]; readonly monetary?: readonly number[] } | undefined;
  /** Cut-point convention (see {@link RfmBinningMethod}). Default `"quantile"`. */
  readonly binning?: RfmBinningMethod | undefined;
  /** Coinciding cut points on tied data (see {@link CollapsedBins}). Default `"skip"`. */
  readonly collapsedBins?: CollapsedBins | undefined;
  /** Count purchases per transaction (default, as the `rfm` package), per distinct `orderId`, or per calendar period. */
  readonly frequency?: FrequencyUnit | undefined;
  /** The period (UTC; ISO weeks start on Monday) for `frequency: "periods"`. Default `"day"`. */
  readonly period?: CalendarPeriod | undefined;
  /** Monetary value as the customer's total (default) or the mean per counted purchase. */
  readonly monetary?: "total" | "mean" | undefined;
  /** Transaction kinds that count as purchases. Default `["purchase"]`. */
  readonly kinds?: readonly ("purchase" | "payment")[] | undefined;
  /** Refunds are left out (default) or subtracted from the customer's spend. */
  readonly refunds?: "ignore" | "net" | undefined;
  /** Purchases after `asOf`: an error (default) or left out and counted. */
  readonly afterAsOf?: "error" | "skip" | undefined;
  /** The expected currency; any other is `CURRENCY_MISMATCH`. Default: the first one seen. */
  readonly currency?: string | undefined;
}

const binCount = z.number().int("expected a whole number of bins").min(2, "expected at least 2 bins").max(9, "expected at most 9 bins (scores are single digits of the rfmScore)");
const cutList = z
  .array(z.number(), { error: "expected an array of finite numbers" })
  .min(1, "expected at least one cut point")
  .max(8, "expected at most 8 cut points (9 bins)")
  .refine((c) => c.every((v, i) => i === 0 || v > c[i - 1]!), { message: "expected strictly increasing cut points" });

const OptionsSchema = z.strictObject({
  asOf: z.date({ error: "expected a valid Date" }),
  bins: z.union([binCount, z.strictObject({ recency: binCount.optional(), frequency: binCount.optional(), monetary: binCount.optional() })]).optional(),
  cutPoints: z.strictObject({ recency: cutList.optional(), frequency: cutList.optional(), monetary: cutList.optional() }).optional(),
  binning: z.enum(["quantile", "rfm-package"]).optional(),
  collapsedBins: z.enum(["skip", "renumber"]).optional(),
  frequency: z.enum(["transactions", "orders", "periods"]).optional(),
  period: z.enum(CALENDAR_PERIODS).optional(),
  monetary: z.enum(["total", "mean"]).optional(),
  kinds: z.array(z.enum(["purchase", "payment"])).min(1).optional(),
  refunds: z.enum(["ignore", "net"]).optional(),
  afterAsOf: z.enum(["error", "skip"]).optional(),
  currency: CurrencyCodeSchema.optional(),
});

type ParsedOptions = z.infer<typeof OptionsSchema>;

interface Summary {
  readonly customerIds: readonly string[];
  readonly lastPurchaseAt: Float64Array;
  readonly frequency: Float64Array;
  readonly monetary: Float64Array;
  readonly revenue: Float64Array;
  readonly orders: Float64Array;
  readonly currency: string | undefined;
  readonly input: RfmInputCounts;
}

const DIMENSIONS: readonly RfmDimension[] = ["recency", "frequency", "monetary"];

function parseOptions(options: unknown): ParsedOptions {
  const r = OptionsSchema.safeParse(options, { reportInput: true });
  if (!r.success) throw fromZodError("rfmScores options", r.error);
  const o = r.data;
  for (const d of DIMENSIONS) {
    const cuts = o.cutPoints?.[d];
    const bins = typeof o.bins === "number" ? undefined : o.bins?.[d];
    if (cuts !== undefined && bins !== undefined && bins !== cuts.length + 1) {
      throw invalidInput(`options.bins.${d}`, bins, `${cuts.length + 1} bins, as options.cutPoints.${d} has ${cuts.length} cut points (or leave bins.${d} out)`);
    }
  }
  if (o.period !== undefined && o.frequency !== "periods") throw invalidInput("options.period", o.period, 'to be used with frequency: "periods"');
  return o;
}

const TRANSACTION_ONLY = ["frequency", "period", "monetary", "kinds", "refunds"] as const;

function accumulator(o: ParsedOptions): PurchaseAccumulator {
  return new PurchaseAccumulator({
    asOf: o.asOf.getTime(),
    frequency: o.frequency ?? "transactions",
    period: o.period ?? "day",
    kinds: new Set(o.kinds ?? ["purchase"]),
    refunds: o.refunds ?? "ignore",
    afterAsOf: o.afterAsOf ?? "error",
    currency: o.currency,
  });
}

function addTransactionRow(acc: PurchaseAccumulator, row: unknown, i: number): void {
  if (typeof row !== "object" || row === null) throw invalidInput(`transactions[${i}]`, row, "a Transaction or a purchase row { customerId, at, amount }");
  const r = row as Partial<Transaction> & Partial<PurchaseRow>;
  if ("occurredAt" in r) {
    const money = r.amount as Money | undefined;
    if (typeof money !== "object" || money === null) throw invalidInput(`transactions[${i}].amount`, money, "Money { amount, currency }");
    acc.add("transactions", i, r.customerId, "occurredAt", r.occurredAt, money.amount, money.currency, r.kind, r.orderId);
  } else {
    acc.add("transactions", i, r.customerId, "at", r.at, r.amount, r.currency, r.kind, r.orderId);
  }
}

function fromAccumulator(acc: PurchaseAccumulator, o: ParsedOptions): Summary {
  const a = acc.finish();
  const n = a.customerIds.length;
  const mean = (o.monetary ?? "total") === "mean";
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) monetary[i] = mean ? a.revenue[i]! / a.units[i]! : a.revenue[i]!;
  return {
    customerIds: a.customerIds,
    lastPurchaseAt: a.lastPurchaseAt,
    frequency: a.units,
    monetary,
    revenue: a.revenue,
    orders: (o.frequency ?? "transactions") === "orders" ? a.units : a.transactions,
    currency: a.currency,
    input: { rows: a.rows, ignored: a.ignored, skippedAfterAsOf: a.skippedAfterAsOf, refundOnlyCustomers: a.refundOnly },
  };
}

class SummaryBuilder {
  readonly ids: string[] = [];
  readonly seen = new Set<string>();
  last: number[] = [];
  frequency: number[] = [];
  monetary: number[] = [];
  revenue: number[] = [];
  orders: number[] = [];
  rows = 0;
  skipped = 0;
  constructor(readonly o: ParsedOptions) {}

  add(label: string, id: unknown, recencyDays: unknown, lastPurchaseAt: unknown, frequency: unknown, monetary: unknown, revenue: unknown, orders: unknown): void {
    this.rows++;
    if (typeof id !== "string" || id.length === 0) throw invalidInput(`${label}.customerId`, id, "a non-empty string");
    if (this.seen.has(id)) throw invalidInput(`${label}.customerId`, id, "each customer once in a per-customer summary (duplicate id)");
    if (typeof frequency !== "number" || !Number.isFinite(frequency) || frequency < 0) throw invalidInput(`${label}.frequency`, frequency, "a finite number >= 0");
    if (typeof monetary !== "number" || !Number.isFinite(monetary)) throw invalidInput(`${label}.monetary`, monetary, "a finite number");
    if (revenue !== undefined && (typeof revenue !== "number" || !Number.isFinite(revenue))) throw invalidInput(`${label}.revenue`, revenue, "a finite number");
    if (orders !== undefined && (typeof orders !== "number" || !Number.isFinite(orders) || orders < 0)) throw invalidInput(`${label}.orders`, orders, "a finite number >= 0");
    const asOf = this.o.asOf.getTime();
    let last: number;
    if (recencyDays !== undefined) {
      if (lastPurchaseAt !== undefined) throw invalidInput(`${label}.lastPurchaseAt`, lastPurchaseAt, "either recencyDays or lastPurchaseAt, not both");
      if (typeof recencyDays !== "number" || !Number.isFinite(recencyDays)) throw invalidInput(`${label}.recencyDays`, recencyDays, "a finite number of days >= 0");
      if (recencyDays < 0 && this.o.afterAsOf !== "skip") {
        throw invalidInput(`${label}.recencyDays`, recencyDays, 'a number of days >= 0 (a negative recency is a purchase after asOf; afterAsOf: "skip" leaves it out)');
      }
      last = asOf - recencyDays * DAY_MS;
    } else {
      if (lastPurchaseAt === undefined) throw invalidInput(`${label}.recencyDays`, undefined, "recencyDays or lastPurchaseAt");
      last = instantOf(lastPurchaseAt, `${label}.lastPurchaseAt`);
      if (last > asOf && this.o.afterAsOf !== "skip") {
        throw invalidInput(`${label}.lastPurchaseAt`, new Date(last), `an instant at or before asOf ${this.o.asOf.toISOString()} (afterAsOf: "skip" leaves it out)`);
      }
    }
    if (last > asOf) {
      this.skipped++;
      return;
    }
    this.seen.add(id);
    this.ids.push(id);
    this.last.push(last);
    this.frequency.push(frequency);
    this.monetary.push(monetary);
    this.revenue.push(revenue === undefined ? monetary : (revenue as number));
    this.orders.push(orders === undefined ? frequency : (orders as number));
  }

  finish(currency: string | undefined): Summary {
    return {
      customerIds: this.ids,
      lastPurchaseAt: Float64Array.from(this.last),
      frequency: Float64Array.from(this.frequency),
      monetary: Float64Array.from(this.monetary),
      revenue: Float64Array.from(this.revenue),
      orders: Float64Array.from(this.orders),
      currency,
      input: { rows: this.rows, ignored: 0, skippedAfterAsOf: this.skipped, refundOnlyCustomers: 0 },
    };
  }
}

function summaryOnlyChecks(o: ParsedOptions): void {
  for (const key of TRANSACTION_ONLY) {
    if (o[key] !== undefined) throw invalidInput(`options.${key}`, o[key], "to be left out: it applies to transactions, and the input is a per-customer summary");
  }
}

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return (Array.isArray(v) || ArrayBuffer.isView(v)) && typeof (v as ArrayLike<unknown>).length === "number";
}

function fromIndexedColumns(input: Record<string, unknown>, o: ParsedOptions): Summary {
  const customers = input.customers;
  if (!Array.isArray(customers)) throw invalidInput("input.customers", customers, "an array of customer ids (the dictionary)");
  const index = input.customerIndex;
  if (!isArrayLike(index)) throw invalidInput("input.customerIndex", index, "an array or typed array of indexes into input.customers");
  const n = index.length;
  const column = (name: string, required: boolean): ArrayLike<unknown> | undefined => {
    const c = input[name];
    if (c === undefined && !required) return undefined;
    if (!isArrayLike(c)) throw invalidInput(`input.${name}`, c, "an array or typed array");
    if (c.length !== n) throw invalidInput(`input.${name}`, c, `${n} entries, as many as input.customerIndex`);
    return c;
  };
  const currency = input.currency;
  if (currency !== undefined && !CurrencyCodeSchema.safeParse(currency).success) throw invalidInput("input.currency", currency, "an ISO 4217 currency code");
  const at = column("at", true)!;
  const amounts = column("amounts", true)!;
  const orderIds = column("orderIds", false);
  const acc = accumulator(o);
  acc.useDictionary(customers as string[], "input.customers");
  for (let i = 0; i < n; i++) acc.addAt("input", i, index[i], "at", at[i], amounts[i], currency, undefined, orderIds?.[i]);
  return fromAccumulator(acc, o);
}

function fromColumns(input: Record<string, unknown>, o: ParsedOptions): Summary {
  const ids = input.customerIds;
  if (!isArrayLike(ids)) throw invalidInput("input.customerIds", ids, "an array of customer ids");
  const n = ids.length;
  const column = (name: string, required: boolean): ArrayLike<unknown> | undefined => {
    const c = input[name];
    if (c === undefined && !required) return undefined;
    if (!isArrayLike(c)) throw invalidInput(`input.${name}`, c, "an array or typed array");
    if (c.length !== n) throw invalidInput(`input.${name}`, c, `${n} entries, as many as input.customerIds`);
    return c;
  };
  const currency = input.currency;
  if (currency !== undefined && !CurrencyCodeSchema.safeParse(currency).success) throw invalidInput("input.currency", currency, "an ISO 4217 currency code");
  if ("at" in input || "amounts" in input) {
    const at = column("at", true)!;
    const amounts = column("amounts", true)!;
    const orderIds = column("orderIds", false);
    const acc = accumulator(o);
    for (let i = 0; i < n; i++) acc.add("input", i, ids[i], "at", at[i], amounts[i], currency, undefined, orderIds?.[i]);
    return fromAccumulator(acc, o);
  }
  if ("frequency" in input && "monetary" in input) {
    summaryOnlyChecks(o);
    const recency = column("recencyDays", true)!;
    const frequency = column("frequency", true)!;
    const monetary = column("monetary", true)!;
    const revenue = column("revenue", false);
    const orders = column("orders", false);
    const b = new SummaryBuilder(o);
    for (let i = 0; i < n; i++) b.add(`input[${i}]`, ids[i], recency[i], undefined, frequency[i], monetary[i], revenue?.[i], orders?.[i]);
    return b.finish((currency as string | undefined) ?? o.currency);
  }
  throw invalidInput("input", input, "purchase columns { customerIds, at, amounts } or summary columns { customerIds, recencyDays, frequency, monetary }");
}

/** Feeds rows one at a time; decides transactions vs per-customer rows on the first row. */
class RowSink {
  i = 0;
  mode: "transactions" | "summary" | undefined;
  acc: PurchaseAccumulator | undefined;
  summary: SummaryBuilder | undefined;
  constructor(readonly o: ParsedOptions) {}

  push(row: unknown): void {
    const i = this.i++;
    const isSummary = typeof row === "object" && row !== null && "frequency" in row && "monetary" in row;
    if (this.mode === undefined) {
      this.mode = isSummary ? "summary" : "transactions";
      if (isSummary) {
        summaryOnlyChecks(this.o);
        this.summary = new SummaryBuilder(this.o);
      } else this.acc = accumulator(this.o);
    } else if (isSummary !== (this.mode === "summary")) {
      throw invalidInput(`input[${i}]`, row, this.mode === "summary" ? "a per-customer row like the first one" : "a transaction row like the first one");
    }
    if (this.summary !== undefined) {
      const r = row as CustomerRfmRow;
      this.summary.add(`customers[${i}]`, r.customerId, r.recencyDays, r.lastPurchaseAt, r.frequency, r.monetary, r.revenue, r.orders);
    } else addTransactionRow(this.acc!, row, i);
  }

  finish(): Summary {
    if (this.summary !== undefined) return this.summary.finish(this.o.currency);
    if (this.acc !== undefined) return fromAccumulator(this.acc, this.o);
    throw new CrmkitError("INSUFFICIENT_DATA", "rfmScores: the input is empty (no transactions and no customers)");
  }
}

function score(summary: Summary, o: ParsedOptions): RfmScoreTable {
  const n = summary.customerIds.length;
  if (n === 0) {
    const { rows, ignored, skippedAfterAsOf } = summary.input;
    throw new CrmkitError(
      "INSUFFICIENT_DATA",
      `rfmScores: no customer with a purchase up to asOf (${rows} rows read, ${ignored} of other kinds, ${skippedAfterAsOf} after asOf)`,
      { details: { ...summary.input } },
    );
  }
  const asOf = o.asOf.getTime();
  const recencyDays = new Float64Array(n);
  for (let i = 0; i < n; i++) recencyDays[i] = (asOf - summary.lastPurchaseAt[i]!) / DAY_MS;
  const values: Record<RfmDimension, Float64Array> = { recency: recencyDays, frequency: summary.frequency, monetary: summary.monetary };
  const scores = {} as Record<RfmDimension, Uint8Array>;
  const binning = {} as Record<RfmDimension, RfmBinning>;
  for (const d of DIMENSIONS) {
    const cutPoints = o.cutPoints?.[d];
    if (cutPoints === undefined && n < 2) {
      throw new CrmkitError(
        "INSUFFICIENT_DATA",
        `rfmScores: quantile cut points need at least 2 customers, got 1 (pass options.cutPoints.${d} to score a single customer)`,
        { details: { customers: n, dimension: d } },
      );
    }
    const bins = typeof o.bins === "number" ? o.bins : (o.bins?.[d] ?? 5);
    const r = scoreDimension(values[d], { dimension: d, bins, method: o.binning ?? "quantile", cutPoints, collapsedBins: o.collapsedBins ?? "skip" });
    scores[d] = r.scores;
    binning[d] = r.binning;
  }
  const rfmScore = new Uint16Array(n);
  for (let i = 0; i < n; i++) rfmScore[i] = scores.recency[i]! * 100 + scores.frequency[i]! * 10 + scores.monetary[i]!;
  return new RfmScoreTable(
    o.asOf,
    summary.currency,
    {
      customerIds: summary.customerIds,
      recencyDays,
      frequency: summary.frequency,
      monetary: summary.monetary,
      revenue: summary.revenue,
      orders: summary.orders,
      lastPurchaseAt: summary.lastPurchaseAt,
      recencyScore: scores.recency,
      frequencyScore: scores.frequency,
      monetaryScore: scores.monetary,
      rfmScore,
    },
    binning,
    summary.input,
  );
}

/**
 * Recency, frequency and monetary value per customer, and their scores in 1..bins
 * with the three-digit `rfmScore` (`100·R + 10·F + M`, e.g. 543).
 *
 * - Recency is days from the last purchase to `asOf`; frequency counts purchases per
 *   transaction (default, as the `rfm` package), per order or per calendar period;
 *   monetary is the total (default) or the mean per counted purchase.
 * - Scores come from cut points on the customers' values — type-7 quantiles at
 *   `k / bins` (R's and numpy's default) unless custom `cutPoints` are given — so
 *   equal values always get equal scores. Recency is reversed: the most recent
 *   customers score highest. See {@link RfmBinningMethod} for the `rfm` package's
 *   "+1" convention and {@link CollapsedBins} for heavily tied data (reported in
 *   `binning`, never a crash).
 * - Input: transactions (crmkit `Transaction`s — `kind: "purchase"` by default — or
 *   {@link PurchaseRow}s), {@link PurchaseColumns}, or a per-customer summary; arrays,
 *   iterables, or async iterables (then the result is a promise). Amounts in more than
 *   one currency are `CURRENCY_MISMATCH`; purchases after `asOf` are `INVALID_INPUT`
 *   unless `afterAsOf: "skip"`.
 *
 * @example
 * ```ts
 * import { rfmScores } from "crmkit/segmentation";
 * const asOf = new Date("2024-06-01T00:00:00Z");
 * const scores = rfmScores(
 *   [
 *     { customerId: "a", at: "2024-05-28", amount: 120 },
 *     { customerId: "a", at: "2024-03-02", amount: 80 },
 *     { customerId: "b", at: "2023-11-10", amount: 40 },
 *     { customerId: "c", at: "2024-04-15", amount: 300 },
 *   ],
 *   { asOf, bins: 3 },
 * );
 * scores.get("a"); // { recencyDays: 4, frequency: 2, monetary: 200, recencyScore: 3, frequencyScore: 3, monetaryScore: 2, rfmScore: 332, … }
 * scores.binning.frequency.counts; // [2, 0, 1]: two customers bought once, nobody scores 2
 *
 * // from a repository stream
 * // const scores = await rfmScores(store.transactions.stream(), { asOf });
 * ```
 */
export function rfmScores(input: RfmInput, options: RfmOptions): RfmScoreTable;
export function rfmScores(input: AsyncIterable<Transaction | PurchaseRow | CustomerRfmRow>, options: RfmOptions): Promise<RfmScoreTable>;
export function rfmScores(
  input: RfmInput | AsyncIterable<Transaction | PurchaseRow | CustomerRfmRow>,
  options: RfmOptions,
): RfmScoreTable | Promise<RfmScoreTable> {
  const o = parseOptions(options);
  if (typeof input !== "object" || input === null) throw invalidInput("input", input, "transactions, purchase rows or columns, or a per-customer summary");
  if ("customerIndex" in input) return score(fromIndexedColumns(input as unknown as Record<string, unknown>, o), o);
  if ("customerIds" in input) return score(fromColumns(input as unknown as Record<string, unknown>, o), o);
  const sink = new RowSink(o);
  return consumeRows(input, "input", (row) => sink.push(row), () => score(sink.finish(), o), "an array, iterable or async iterable of rows, or columns with customerIds");
}
