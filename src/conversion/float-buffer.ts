/** A growable `Float64Array`: the columnar accumulator behind the duration reports. */
export class FloatBuffer {
  private data: Float64Array;
  private size = 0;

  constructor(capacity = 64) {
    this.data = new Float64Array(Math.max(4, capacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = value;
  }

  /** The values pushed so far (a view: valid until the next push). */
  view(): Float64Array {
    return this.data.subarray(0, this.size);
  }
}
