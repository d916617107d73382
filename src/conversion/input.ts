import { invalidInput } from "../errors/invalid-input.js";
import { consumeRows, isRowSource, type RowSource } from "../model/row-source.js";

/**
 * What the conversion reports accept as rows: an array, any iterable, or an async
 * iterable such as a repository's `stream()` (a {@link RowSource}). With a
 * synchronous input the report is returned directly; with an async iterable it is
 * returned as a `Promise`.
 *
 * @example
 * ```ts
 * import { winRate, type ConversionInput } from "crmkit/conversion";
 * import type { Deal } from "crmkit/model";
 * const report = (deals: ConversionInput<Deal>) => winRate(deals);
 * ```
 */
export type ConversionInput<T> = RowSource<T>;

/**
 * Feeds every row to `add` (with its 0-based position) and returns `finish()`:
 * synchronously for an iterable, as a promise for an async iterable.
 */
export function consume<T, R>(input: ConversionInput<T>, add: (row: T, index: number) => void, finish: () => R): R | Promise<R> {
  return consumeRows(input, "input", add as (row: unknown, index: number) => void, finish);
}

/** Throws `INVALID_INPUT` unless `input` is an iterable or async iterable (a common mistake: passing one record). */
export function assertRows(input: unknown, field: string): void {
  if (!isRowSource(input)) throw invalidInput(field, input, "an array, iterable or async iterable of records");
}
