import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cholesky, choleskySolve, invertSymmetricPositiveDefinite, solveLinear } from "../../src/math/linear-algebra.js";
import { expectCrmkitError } from "../support/numeric.js";

function spd(n: number, entries: number[]): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? 0.5 : 0;
      for (let k = 0; k < n; k++) s += entries[k * n + i]! * entries[k * n + j]!;
      a[i * n + j] = s;
    }
  return a;
}

const matrixArb = fc
  .integer({ min: 1, max: 6 })
  .chain((n) => fc.tuple(fc.constant(n), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n * n, maxLength: n * n })));

describe("cholesky / choleskySolve / invertSymmetricPositiveDefinite", () => {
  it("factors a known matrix (hand computation) and detects indefinite ones", () => {
    // [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]
    expect(Array.from(cholesky([4, 2, 2, 3], 2)!)).toEqual([2, 0, 1, Math.SQRT2]);
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
    expect(cholesky([0, 0, 0, 1], 2)).toBeNull();
    const l = cholesky([4, 2, 2, 3], 2)!;
    expect(Array.from(choleskySolve(l, 2, [2, 1]))).toEqual([0.5, 0]);
    const inv = invertSymmetricPositiveDefinite([4, 2, 2, 3], 2)!;
    [0.375, -0.25, -0.25, 0.5].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 15));
    expect(invertSymmetricPositiveDefinite([1, 2, 2, 1], 2)).toBeNull();
  });

  it("rejects mismatched dimensions and non-finite entries", () => {
    expectCrmkitError(() => cholesky([1, 2, 3], 2), "INVALID_INPUT", /cholesky\.a: expected a row-major n x n matrix of 4 numbers/);
    expectCrmkitError(() => cholesky([1], 0), "INVALID_INPUT", /cholesky\.n/);
    expectCrmkitError(() => cholesky([1, Number.NaN, 0, 1], 2), "INVALID_INPUT", /cholesky\.a\[1\]/);
    expectCrmkitError(() => choleskySolve([1, 0, 0, 1], 2, [1]), "INVALID_INPUT", /choleskySolve\.b/);
    expectCrmkitError(() => choleskySolve([1, 0, 0, 0], 2, [1, 1]), "INVALID_INPUT", /non-zero diagonal/);
    expectCrmkitError(() => invertSymmetricPositiveDefinite([1, 2], 2), "INVALID_INPUT");
  });

  it("property: L Lᵀ reconstructs A, the solve satisfies A x = b, A A⁻¹ = I", () => {
    fc.assert(
      fc.property(matrixArb, fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }), ([n, entries], rhs) => {
        const a = spd(n, entries);
        const l = cholesky(a, n);
        expect(l).not.toBeNull();
        const scale = Math.max(...Array.from(a, Math.abs));
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += l![i * n + k]! * l![j * n + k]!;
            expect(Math.abs(s - a[i * n + j]!)).toBeLessThanOrEqual(1e-12 * scale);
          }
        const b = rhs.slice(0, n);
        const x = choleskySolve(l!, n, b);
        const inv = invertSymmetricPositiveDefinite(a, n)!;
        for (let i = 0; i < n; i++) {
          let ax = 0;
          for (let j = 0; j < n; j++) ax += a[i * n + j]! * x[j]!;
          expect(Math.abs(ax - b[i]!)).toBeLessThanOrEqual(1e-8 * Math.max(1, scale) * Math.max(1, ...b.map(Math.abs)));
          for (let j = 0; j < n; j++) {
            let s = 0;
            for (let k = 0; k < n; k++) s += a[i * n + k]! * inv[k * n + j]!;
            expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThanOrEqual(1e-8 * Math.max(1, scale));
          }
        }
      }),
    );
  });
});

describe("solveLinear (LU with partial pivoting)", () => {
  it("solves a system that needs a row swap", () => {
    expect(Array.from(solveLinear([0, 1, 2, 3], 2, [1, 8]))).toEqual([2.5, 1]);
    const a = [2, 1, -1, -3, -1, 2, -2, 1, 2];
    // the classic example: x = (2, 3, −1)
    solveLinear(a, 3, [8, -11, -3]).forEach((v, i) => expect(v).toBeCloseTo([2, 3, -1][i]!, 13));
    expect(a).toEqual([2, 1, -1, -3, -1, 2, -2, 1, 2]); // input untouched
  });

  it("rejects singular matrices and bad dimensions", () => {
    expectCrmkitError(() => solveLinear([1, 2, 2, 4], 2, [1, 2]), "INVALID_INPUT", /non-singular/);
    expectCrmkitError(() => solveLinear([1, 2, 3, 4], 2, [1]), "INVALID_INPUT", /solveLinear\.b/);
    expectCrmkitError(() => solveLinear([1, 2, 3], 2, [1, 2]), "INVALID_INPUT", /solveLinear\.a/);
    expectCrmkitError(() => solveLinear([1, 2, 3, 4], 2, [1, Number.POSITIVE_INFINITY]), "INVALID_INPUT", /b\[1\]/);
  });

  it("property: agrees with the Cholesky solve on SPD systems", () => {
    fc.assert(
      fc.property(matrixArb, fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }), ([n, entries], rhs) => {
        const a = spd(n, entries);
        const b = rhs.slice(0, n);
        const lu = solveLinear(a, n, b);
        const ch = choleskySolve(cholesky(a, n)!, n, b);
        const size = Math.max(1, ...Array.from(ch, Math.abs));
        for (let i = 0; i < n; i++) expect(Math.abs(lu[i]! - ch[i]!)).toBeLessThanOrEqual(1e-6 * size);
      }),
    );
  });
});
