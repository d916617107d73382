import { invalidInput } from "../errors/invalid-input.js";

/**
 * What the conversion reports accept as rows: an array, any iterable, or an async
 * iterable such as a repository's `stream()`. With a synchronous input the report
 * is returned directly; with an async iterable it is returned as a `Promise`.
 *
 * @example
 * ```ts
 * import { winRate, type ConversionInput } from "crmkit/conversion";
 * import type { Deal } from "crmkit/model";
 * const report = (deals: ConversionInput<Deal>) => winRate(deals);
 * ```
 */
export type ConversionInput<T> = Iterable<T> | AsyncIterable<T>;

function isAsyncIterable<T>(input: ConversionInput<T>): input is AsyncIterable<T> {
  return typeof (input as Partial<AsyncIterable<T>>)[Symbol.asyncIterator] === "function";
}

/**
 * Feeds every row to `add` (with its 0-based position) and returns `finish()`:
 * synchronously for an iterable, as a promise for an async iterable.
 */
export function consume<T, R>(input: ConversionInput<T>, add: (row: T, index: number) => void, finish: () => R): R | Promise<R> {
  if (isAsyncIterable(input)) {
    return (async () => {
      let i = 0;
      for await (const row of input) add(row, i++);
      return finish();
    })();
  }
  let i = 0;
  for (const row of input) add(row, i++);
  return finish();
}

/** Throws `INVALID_INPUT` unless `input` is an iterable or async iterable (a common mistake: passing one record). */
export function assertRows(input: unknown, field: string): void {
  const ok =
    input !== null &&
    typeof input === "object" &&
    (typeof (input as Partial<Iterable<unknown>>)[Symbol.iterator] === "function" ||
      typeof (input as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === "function");
  if (!ok) throw invalidInput(field, input, "an array, iterable or async iterable of records");
}
