/**
 * The accumulation core of the transaction summaries (internal). Keeps O(1) state
 * per customer slot — first and last purchase period, the number of distinct
 * purchase periods, the spend of the first period and of the repeat periods — in
 * growable typed arrays, so memory grows with customers, not transactions.
 *
 * Rows of one customer must arrive in time order for the O(1) state to be exact;
 * the few out-of-order cases that need no history (a row in the first or last
 * period, or before the first) are handled, and `add` returns `false` for the one
 * that does (a row strictly between the first and last period): the caller then
 * replays the rows sorted (see {@link RowBuffer}).
 */
export class PurchaseAccumulator {
  capacity = 0;
  firstMs: Float64Array = new Float64Array(0);
  lastMs: Float64Array = new Float64Array(0);
  firstP: Float64Array = new Float64Array(0);
  lastP: Float64Array = new Float64Array(0);
  periods: Float64Array = new Float64Array(0);
  firstSpend: Float64Array = new Float64Array(0);
  repeatSpend: Float64Array = new Float64Array(0);

  ensure(slots: number): void {
    if (slots <= this.capacity) return;
    let cap = Math.max(1024, this.capacity);
    while (cap < slots) cap *= 2;
    const grow = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.firstMs = grow(this.firstMs);
    this.lastMs = grow(this.lastMs);
    this.firstP = grow(this.firstP);
    this.lastP = grow(this.lastP);
    this.periods = grow(this.periods);
    this.firstSpend = grow(this.firstSpend);
    this.repeatSpend = grow(this.repeatSpend);
    this.capacity = cap;
  }

  reset(): void {
    this.periods.fill(0);
    this.firstSpend.fill(0);
    this.repeatSpend.fill(0);
  }

  /** Adds one purchase; `false` when the row needs the customer's history (caller must replay sorted). */
  add(slot: number, ms: number, p: number, amount: number): boolean {
    const n = this.periods[slot]!;
    if (n === 0) {
      this.periods[slot] = 1;
      this.firstMs[slot] = ms;
      this.lastMs[slot] = ms;
      this.firstP[slot] = p;
      this.lastP[slot] = p;
      this.firstSpend[slot] = amount;
      this.repeatSpend[slot] = 0;
      return true;
    }
    const last = this.lastP[slot]!;
    const first = this.firstP[slot]!;
    if (p > last) {
      this.periods[slot] = n + 1;
      this.lastP[slot] = p;
      this.lastMs[slot] = ms;
      this.repeatSpend[slot]! += amount;
      return true;
    }
    if (p === last) {
      if (ms > this.lastMs[slot]!) this.lastMs[slot] = ms;
      if (p === first) {
        if (ms < this.firstMs[slot]!) this.firstMs[slot] = ms;
        this.firstSpend[slot]! += amount;
      } else {
        this.repeatSpend[slot]! += amount;
      }
      return true;
    }
    if (p === first) {
      if (ms < this.firstMs[slot]!) this.firstMs[slot] = ms;
      this.firstSpend[slot]! += amount;
      return true;
    }
    if (p < first) {
      this.periods[slot] = n + 1;
      this.repeatSpend[slot]! += this.firstSpend[slot]!;
      this.firstSpend[slot] = amount;
      this.firstP[slot] = p;
      this.firstMs[slot] = ms;
      return true;
    }
    return false;
  }
}

/** Buffered rows (slot, instant, amount) for inputs whose rows are not in time order per customer. */
export class RowBuffer {
  length = 0;
  slot: Int32Array = new Int32Array(0);
  ms: Float64Array = new Float64Array(0);
  amount: Float64Array = new Float64Array(0);

  push(slot: number, ms: number, amount: number): void {
    if (this.length === this.slot.length) {
      const cap = Math.max(4096, this.slot.length * 2);
      const s = new Int32Array(cap);
      s.set(this.slot);
      const m = new Float64Array(cap);
      m.set(this.ms);
      const a = new Float64Array(cap);
      a.set(this.amount);
      this.slot = s;
      this.ms = m;
      this.amount = a;
    }
    this.slot[this.length] = slot;
    this.ms[this.length] = ms;
    this.amount[this.length] = amount;
    this.length++;
  }

  /** Replays the rows grouped by slot and in time order within each slot. */
  replay(slots: number, visit: (slot: number, ms: number, amount: number) => void): void {
    const n = this.length;
    const start = new Int32Array(slots + 1);
    for (let i = 0; i < n; i++) start[this.slot[i]! + 1]!++;
    for (let s = 0; s < slots; s++) start[s + 1]! += start[s]!;
    const order = new Int32Array(n);
    const fill = start.slice(0, slots);
    for (let i = 0; i < n; i++) order[fill[this.slot[i]!]!++] = i;
    const ms = this.ms;
    for (let s = 0; s < slots; s++) {
      const lo = start[s]!;
      const hi = start[s + 1]!;
      // insertion sort by instant: segments are one customer's rows (short); fall back to sort() for long ones
      if (hi - lo > 32) {
        const seg = Array.from(order.subarray(lo, hi)).sort((i, j) => ms[i]! - ms[j]!);
        order.set(seg, lo);
      } else {
        for (let i = lo + 1; i < hi; i++) {
          const v = order[i]!;
          const key = ms[v]!;
          let j = i - 1;
          while (j >= lo && ms[order[j]!]! > key) {
            order[j + 1] = order[j]!;
            j--;
          }
          order[j + 1] = v;
        }
      }
      for (let k = lo; k < hi; k++) {
        const i = order[k]!;
        visit(s, ms[i]!, this.amount[i]!);
      }
    }
  }
}
