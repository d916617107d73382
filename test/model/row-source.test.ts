import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { consumeRows, isAsyncSource, isRowSource } from "../../src/model/row-source.js";

async function* asyncRows<T>(rows: readonly T[]): AsyncGenerator<T> {
  for (const r of rows) yield r;
}

function* syncRows<T>(rows: readonly T[]): Generator<T> {
  yield* rows;
}

describe("consumeRows", () => {
  it("reads arrays and iterables synchronously and async iterables as a promise, every row once with its position", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer()), async (rows) => {
        const read = (source: unknown) => {
          const seen: [unknown, number][] = [];
          return { seen, result: consumeRows(source, "rows", (row, i) => seen.push([row, i]), () => seen.length) };
        };
        const expected = rows.map((r, i) => [r, i]);
        for (const source of [rows, syncRows(rows), new Set(rows.map((r, i) => `${i}:${r}`))]) {
          const { seen, result } = read(source);
          expect(result).toBe(seen.length); // not a promise
          expect(seen.length).toBe(source instanceof Set ? source.size : rows.length);
        }
        expect(read(rows).seen).toEqual(expected);
        const async = read(asyncRows(rows));
        expect(async.result).toBeInstanceOf(Promise);
        expect(await async.result).toBe(rows.length);
        expect(async.seen).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it("rejects what is not a source with INVALID_INPUT naming the field (a single record is the usual mistake)", () => {
    for (const bad of [{ customerId: "c-1" }, null, undefined, 42, "rows"]) {
      try {
        void consumeRows(bad, "transactions", () => undefined, () => 0);
        expect.unreachable();
      } catch (e) {
        expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
        expect((e as Error).message).toMatch(/^transactions: expected an array, iterable or async iterable of records/);
      }
    }
  });

  it("tells sync from async sources", () => {
    expect(isRowSource([])).toBe(true);
    expect(isRowSource(asyncRows([]))).toBe(true);
    expect(isRowSource("abc")).toBe(false);
    expect(isAsyncSource(asyncRows([]))).toBe(true);
    expect(isAsyncSource([])).toBe(false);
  });
});
