import { invalidInput } from "../errors/invalid-input.js";

/**
 * What crmkit's analytics read records from: an array, any iterable, or an async
 * iterable (a repository's `stream()`, a database cursor, a file reader), read once
 * from start to end without being held in memory. Functions given a synchronous
 * source return their result directly where they can; an async source gives a
 * `Promise`.
 *
 * @example
 * ```ts
 * import type { RowSource } from "crmkit/model";
 * async function* fromCursor() { yield { customerId: "c-1", at: new Date("2024-01-05T00:00:00Z") }; }
 * const source: RowSource<{ customerId: string; at: Date }> = fromCursor();
 * ```
 */
export type RowSource<T> = Iterable<T> | AsyncIterable<T>;

/** True for an object that must be read with `for await` (it has no synchronous iterator). */
export function isAsyncSource(input: unknown): input is AsyncIterable<unknown> {
  return (
    typeof input === "object" &&
    input !== null &&
    typeof (input as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function" &&
    typeof (input as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === "function"
  );
}

/** True for an array, an iterable or an async iterable (not a string). */
export function isRowSource(input: unknown): input is RowSource<unknown> {
  return (
    typeof input === "object" &&
    input !== null &&
    (typeof (input as Partial<Iterable<unknown>>)[Symbol.iterator] === "function" ||
      typeof (input as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === "function")
  );
}

/**
 * Feeds every row of `source` to `add` (with its 0-based position) and returns
 * `finish()`: synchronously for an array or iterable, as a promise for an async
 * iterable. Throws INVALID_INPUT naming `field` when `source` is neither (a common
 * mistake: passing one record). Internal: the one reading loop of the analytics.
 */
export function consumeRows<R>(source: unknown, field: string, add: (row: unknown, index: number) => void, finish: () => R, expected = "an array, iterable or async iterable of records"): R | Promise<R> {
  if (!isRowSource(source)) throw invalidInput(field, source, expected);
  if (Array.isArray(source)) {
    for (let i = 0; i < source.length; i++) add(source[i], i);
    return finish();
  }
  if (isAsyncSource(source)) {
    return (async () => {
      let i = 0;
      for await (const row of source) add(row, i++);
      return finish();
    })();
  }
  let i = 0;
  for (const row of source as Iterable<unknown>) add(row, i++);
  return finish();
}
