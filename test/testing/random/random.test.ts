import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isCrmkitError } from "../../../src/errors/index.js";
import { createRandom, randomFromState } from "../../../src/testing/random/random.js";

/** Chi-square statistic of observed counts against equal expected counts. */
function chiSquareUniform(counts: readonly number[]): number {
  const n = counts.reduce((a, b) => a + b, 0);
  const e = n / counts.length;
  return counts.reduce((s, c) => s + ((c - e) * (c - e)) / e, 0);
}

describe("createRandom (xoshiro128**)", () => {
  it("reproduces the published xoshiro128** sequence from the state (1, 2, 3, 4)", () => {
    // Reference vector of Blackman & Vigna's algorithm, as tested by the rand_xoshiro crate.
    const rng = randomFromState([1, 2, 3, 4]);
    const out = Array.from({ length: 10 }, () => rng.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804]);
  });

  it("gives the same stream for the same seed and different streams for different seeds", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), (seed) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 20; i++) expect(a.nextUint32()).toBe(b.nextUint32());
      }),
    );
    const first = (seed: number | string) => Array.from({ length: 4 }, ((r) => () => r.nextUint32())(createRandom(seed)));
    expect(first(1)).not.toEqual(first(2));
    expect(first(0)).not.toEqual(first(2 ** 32)); // seeds that differ only above bit 31
    expect(first(-1)).not.toEqual(first(1));
    expect(first("1")).not.toEqual(first(1));
  });

  it("draws uniforms strictly inside (0, 1), evenly spread (chi-square, 20 bins)", () => {
    const rng = createRandom(2024);
    const counts = new Array<number>(20).fill(0);
    let outside = 0;
    for (let i = 0; i < 200_000; i++) {
      const u = rng.next();
      if (!(u > 0 && u < 1)) outside++;
      counts[Math.floor(u * 20)]!++;
    }
    expect(outside).toBe(0);
    // 99.9% quantile of chi-square with 19 degrees of freedom: 43.82.
    expect(chiSquareUniform(counts)).toBeLessThan(43.82);
  });

  it("int(n) is unbiased over [0, n)", () => {
    const rng = createRandom("dice");
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]!++;
    // 99.9% quantile of chi-square with 5 degrees of freedom: 20.52.
    expect(chiSquareUniform(counts)).toBeLessThan(20.52);
    expect(createRandom(1).int(1)).toBe(0);
    const big = createRandom(1).int(2 ** 32);
    expect(Number.isInteger(big) && big >= 0 && big < 2 ** 32).toBe(true);
  });

  it("forks are determined by the parent's seed and the label, not by how much the parent was used", () => {
    const a = createRandom(9);
    const b = createRandom(9);
    for (let i = 0; i < 100; i++) b.next();
    expect(a.fork("x").fork(3).next()).toBe(b.fork("x").fork(3).next());
    const labels = [a.fork("x"), a.fork("y"), a.fork(0), a.fork(1), a.fork(2 ** 32), a.fork("0")].map((r) => r.nextUint32());
    expect(new Set(labels).size).toBe(labels.length);
    // A fork is not the parent's own stream.
    expect(createRandom(9).fork("x").nextUint32()).not.toBe(createRandom(9).nextUint32());
  });

  it("forked streams are not correlated with each other", () => {
    const root = createRandom(5);
    const n = 20_000;
    const x = root.fork(1);
    const y = root.fork(2);
    let sxy = 0;
    for (let i = 0; i < n; i++) sxy += (x.next() - 0.5) * (y.next() - 0.5);
    // Correlation estimate: sd is 1/sqrt(n) under independence; allow 5 sd.
    expect(Math.abs((sxy / n) * 12)).toBeLessThan(5 / Math.sqrt(n));
  });

  it("rejects invalid seeds, labels and bounds with INVALID_INPUT", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isCrmkitError(e) ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => createRandom(1.5))).toBe("INVALID_INPUT");
    expect(code(() => createRandom(Number.NaN))).toBe("INVALID_INPUT");
    expect(code(() => createRandom(2 ** 60))).toBe("INVALID_INPUT");
    expect(code(() => createRandom({} as unknown as number))).toBe("INVALID_INPUT");
    expect(code(() => createRandom(1).fork(-1))).toBe("INVALID_INPUT");
    expect(code(() => createRandom(1).fork(0.5))).toBe("INVALID_INPUT");
    expect(code(() => createRandom(1).int(0))).toBe("INVALID_INPUT");
    expect(code(() => createRandom(1).int(2.5))).toBe("INVALID_INPUT");
    expect(code(() => createRandom(1).int(2 ** 32 + 1))).toBe("INVALID_INPUT");
  });
});
