import { invalidInput } from "../../errors/invalid-input.js";

/**
 * A seeded source of uniform random numbers (xoshiro128**, seeded through
 * SplitMix32). Same seed, same sequence, on every platform: the generator uses only
 * 32-bit integer arithmetic (`Math.imul`, shifts), never `Math.random`.
 *
 * @example
 * ```ts
 * import { createRandom } from "crmkit/testing";
 * const rng = createRandom(42);
 * const u = rng.next(); // in (0, 1)
 * const perCustomer = rng.fork("customer").fork(17); // an independent stream
 * ```
 */
export interface Random {
  /** A uniform number in the open interval (0, 1) — never exactly 0 or 1 — with 2^-32 resolution. */
  next(): number;
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform integer in `[0, n)`; `n` must be an integer from 1 to 2^32. */
  int(n: number): number;
  /**
   * An independent stream derived from this stream's seed and `label` — not from its
   * current position, so forks are stable however much the parent has been used.
   */
  fork(label: string | number): Random;
}

const TWO_POW_32 = 4294967296;

/** murmur3's 32-bit finaliser: a bijective avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes a 32-bit key with a label (string or number) into a new 32-bit key. */
function mixKey(key: number, label: string | number): number {
  let h = fmix32(key ^ 0x9e3779b9);
  if (typeof label === "number") {
    // Numbers: both 32-bit halves of the (integer) label, so large indexes stay distinct.
    const lo = label >>> 0;
    const hi = Math.floor(label / TWO_POW_32) >>> 0;
    h = fmix32(Math.imul(h ^ lo, 0xcc9e2d51) + 0x1b873593);
    h = fmix32(Math.imul(h ^ hi, 0x1b873593) + 0xe6546b64);
  } else {
    h = fmix32(h ^ 0x5f356495);
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    h = fmix32(h ^ label.length);
  }
  return h;
}

class Xoshiro128 implements Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(
    private readonly key: number,
    state?: readonly [number, number, number, number],
  ) {
    if (state !== undefined) {
      [this.a, this.b, this.c, this.d] = state;
    } else {
      // SplitMix32 expands the 32-bit key into the 128-bit state.
      this.a = splitMix32(key + 0x9e3779b9);
      this.b = splitMix32(key + 2 * 0x9e3779b9);
      this.c = splitMix32(key + 3 * 0x9e3779b9);
      this.d = splitMix32(key + 4 * 0x9e3779b9);
    }
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) throw invalidInput("Random.int(n)", n, "an integer from 1 to 2^32");
    // Lemire's rejection: unbiased for every n.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  fork(label: string | number): Random {
    if (typeof label === "number" && (!Number.isSafeInteger(label) || label < 0)) {
      throw invalidInput("Random.fork(label)", label, "a string or a non-negative safe integer");
    }
    return new Xoshiro128(mixKey(this.key, label));
  }
}

/** SplitMix32's output function applied to the counter value `s`. */
function splitMix32(s: number): number {
  let z = s | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Creates a seeded {@link Random}. The seed is a safe integer (negative allowed) or a
 * string; equal seeds give identical streams. Use `fork(label)` for independent
 * sub-streams (one per customer, one per entity kind) so that adding a draw in one
 * place does not shift every number after it.
 *
 * @example
 * ```ts
 * import { createRandom } from "crmkit/testing";
 * const a = createRandom(7);
 * const b = createRandom(7);
 * a.next() === b.next(); // true
 * createRandom("demo").int(6); // a die roll, 0..5
 * ```
 */
export function createRandom(seed: number | string): Random {
  if (typeof seed === "number") {
    if (!Number.isSafeInteger(seed)) throw invalidInput("seed", seed, "a safe integer or a string");
    const lo = seed >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    return new Xoshiro128(fmix32(fmix32(lo) ^ Math.imul(hi, 0x27d4eb2f) ^ 0x165667b1));
  }
  if (typeof seed !== "string") throw invalidInput("seed", seed, "a safe integer or a string");
  return new Xoshiro128(mixKey(0x2545f491, seed));
}

/**
 * A generator started from a raw xoshiro128** state (for checking the algorithm
 * against its published test vectors).
 * @internal
 */
export function randomFromState(state: readonly [number, number, number, number]): Random {
  return new Xoshiro128(0, state);
}
