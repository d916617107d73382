import { periodIndexOfDay, type CalendarPeriod } from "../time/calendar-period.js";

/**
 * The distinct (customer, period) pairs of an activity stream, in columns.
 * Pairs are distinct, and each customer's pairs appear in increasing `pairKey`
 * order (pairs of different customers interleave). Keys are period indices, or
 * epoch milliseconds when the collector's unit is `"instant"`.
 */
export interface CustomerPeriods {
  /** Customer ids by dense customer index. */
  readonly ids: readonly string[];
  readonly customers: number;
  readonly pairs: number;
  readonly pairCustomer: Int32Array;
  readonly pairKey: Float64Array;
  /** Sum of the amounts of the pair's rows. */
  readonly pairAmount: Float64Array;
  /** Number of rows collapsed into the pair. */
  readonly pairRows: Int32Array;
  /** Smallest and largest key per customer. */
  readonly firstKey: Float64Array;
  readonly lastKey: Float64Array;
  /** Earliest and latest instant (epoch ms) per customer. */
  readonly firstMs: Float64Array;
  readonly lastMs: Float64Array;
}

const MIN_COMPACT = 1 << 20;
const STRIDE = 6;
const FIRST_KEY = 0;
const LAST_KEY = 1;
const FIRST_MS = 2;
const LAST_MS = 3;
const LAST_SEEN = 4;
const LAST_SLOT = 5;
const DAY_MS = 86_400_000;

function grow<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * Collects activity rows into distinct (customer, period) pairs with summed amounts,
 * in memory proportional to the number of distinct pairs (at most customers ×
 * periods), not to the number of rows: repeated rows of a customer in one period are
 * merged on arrival when rows come in time order, and by a periodic compaction
 * (counting sort by customer, then merge within each customer) when they do not.
 */
export class CustomerPeriodCollector {
  private readonly index = new Map<string, number>();
  private readonly ids: string[] = [];
  private n = 0;
  private capC = 1024;
  /**
   * Per-customer state, packed so that one row touches one cache line:
   * [first key, last key, first ms, last ms, last key seen, slot of that pair].
   */
  private state = new Float64Array(this.capC * STRIDE);
  private size = 0;
  private capP = 4096;
  private pc = new Int32Array(this.capP);
  private pk = new Float64Array(this.capP);
  private pa = new Float64Array(this.capP);
  private pr = new Int32Array(this.capP);
  private monotone = true;
  private compactedSize = 0;
  /** The period of the last day seen: rows in time order hit it almost always. */
  private cachedDay = Number.NaN;
  private cachedKey = 0;

  /**
   * @param unit - what a key is: a period index of this unit, or the instant itself.
   * @param trackPairs - when false, only the per-customer first/last keys and instants are kept.
   * @param minCompaction - pairs buffered before the first compaction of out-of-order input.
   */
  constructor(
    private readonly unit: CalendarPeriod | "instant",
    private readonly trackPairs = true,
    private readonly minCompaction = MIN_COMPACT,
  ) {}

  add(customerId: string, ms: number, amount: number): void {
    let key: number;
    if (this.unit === "instant") key = ms;
    else {
      const day = Math.floor(ms / DAY_MS);
      if (day !== this.cachedDay) {
        this.cachedDay = day;
        this.cachedKey = periodIndexOfDay(day, this.unit);
      }
      key = this.cachedKey;
    }
    let c = this.index.get(customerId);
    const st = this.state;
    if (c === undefined) {
      c = this.n++;
      if (c >= this.capC) this.growCustomers();
      this.index.set(customerId, c);
      this.ids.push(customerId);
      const b = c * STRIDE;
      const s = this.state;
      s[b + FIRST_KEY] = key;
      s[b + LAST_KEY] = key;
      s[b + FIRST_MS] = ms;
      s[b + LAST_MS] = ms;
      s[b + LAST_SEEN] = key;
      s[b + LAST_SLOT] = this.trackPairs ? this.append(c, key, amount) : 0;
      return;
    }
    const b = c * STRIDE;
    if (ms < st[b + FIRST_MS]!) st[b + FIRST_MS] = ms;
    if (ms > st[b + LAST_MS]!) st[b + LAST_MS] = ms;
    if (key < st[b + FIRST_KEY]!) st[b + FIRST_KEY] = key;
    if (key > st[b + LAST_KEY]!) st[b + LAST_KEY] = key;
    if (!this.trackPairs) return;
    const last = st[b + LAST_SEEN]!;
    if (key === last) {
      const slot = st[b + LAST_SLOT]!;
      this.pa[slot]! += amount;
      this.pr[slot]!++;
      return;
    }
    if (key < last) this.monotone = false;
    st[b + LAST_SEEN] = key;
    st[b + LAST_SLOT] = this.append(c, key, amount);
    if (!this.monotone && this.size >= Math.max(2 * this.compactedSize, this.minCompaction)) this.compact();
  }

  /** Pairs currently buffered (for tests of the memory bound). */
  get buffered(): number {
    return this.size;
  }

  /** Number of customers seen so far. */
  get customers(): number {
    return this.n;
  }

  finish(): CustomerPeriods {
    if (!this.monotone) this.compact();
    const n = this.n;
    const p = this.size;
    const column = (k: number): Float64Array => {
      const out = new Float64Array(n);
      for (let c = 0; c < n; c++) out[c] = this.state[c * STRIDE + k]!;
      return out;
    };
    return {
      ids: this.ids,
      customers: n,
      pairs: p,
      pairCustomer: this.pc.subarray(0, p),
      pairKey: this.pk.subarray(0, p),
      pairAmount: this.pa.subarray(0, p),
      pairRows: this.pr.subarray(0, p),
      firstKey: column(FIRST_KEY),
      lastKey: column(LAST_KEY),
      firstMs: column(FIRST_MS),
      lastMs: column(LAST_MS),
    };
  }

  private growCustomers(): void {
    const cap = this.capC * 2;
    this.state = grow(this.state, cap * STRIDE);
    this.capC = cap;
  }

  private append(c: number, key: number, amount: number): number {
    if (this.size >= this.capP) {
      const cap = this.capP * 2;
      this.pc = grow(this.pc, cap);
      this.pk = grow(this.pk, cap);
      this.pa = grow(this.pa, cap);
      this.pr = grow(this.pr, cap);
      this.capP = cap;
    }
    const slot = this.size++;
    this.pc[slot] = c;
    this.pk[slot] = key;
    this.pa[slot] = amount;
    this.pr[slot] = 1;
    return slot;
  }

  /** Groups the pairs by customer (counting sort), sorts each group by key and merges equal keys. */
  private compact(): void {
    const n = this.n;
    const size = this.size;
    const { pc, pk, pa, pr } = this;
    const start = new Int32Array(n + 1);
    for (let i = 0; i < size; i++) start[pc[i]! + 1]!++;
    for (let c = 0; c < n; c++) start[c + 1]! += start[c]!;
    const fill = start.slice(0, n);
    const order = new Int32Array(size);
    for (let i = 0; i < size; i++) order[fill[pc[i]!]!++] = i;
    const nc = new Int32Array(this.capP);
    const nk = new Float64Array(this.capP);
    const na = new Float64Array(this.capP);
    const nr = new Int32Array(this.capP);
    let out = 0;
    for (let c = 0; c < n; c++) {
      const lo = start[c]!;
      const hi = start[c + 1]!;
      if (hi - lo > 1) sortByKey(order, lo, hi, pk);
      let prevKey = Number.NaN;
      for (let j = lo; j < hi; j++) {
        const i = order[j]!;
        const k = pk[i]!;
        if (k === prevKey) {
          na[out - 1]! += pa[i]!;
          nr[out - 1]! += pr[i]!;
        } else {
          nc[out] = c;
          nk[out] = k;
          na[out] = pa[i]!;
          nr[out] = pr[i]!;
          out++;
          prevKey = k;
        }
      }
      if (hi > lo) {
        this.state[c * STRIDE + LAST_SEEN] = prevKey;
        this.state[c * STRIDE + LAST_SLOT] = out - 1;
      }
    }
    this.pc = nc;
    this.pk = nk;
    this.pa = na;
    this.pr = nr;
    this.size = out;
    this.compactedSize = out;
    this.monotone = true;
  }
}

/** Sorts `order[lo, hi)` by `keys[order[j]]`: insertion sort for short runs, else a comparison sort. */
function sortByKey(order: Int32Array, lo: number, hi: number, keys: Float64Array): void {
  if (hi - lo <= 32) {
    for (let j = lo + 1; j < hi; j++) {
      const v = order[j]!;
      const k = keys[v]!;
      let m = j - 1;
      while (m >= lo && keys[order[m]!]! > k) {
        order[m + 1] = order[m]!;
        m--;
      }
      order[m + 1] = v;
    }
    return;
  }
  order.subarray(lo, hi).sort((a, b) => keys[a]! - keys[b]!);
}
