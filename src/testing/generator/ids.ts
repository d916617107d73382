/**
 * The id the generator gives customer number `index` (0-based): `cus-0000001` for
 * index 0 — seven digits, zero-padded, so string order is creation order for up to
 * ten million customers. Streams of transactions refer to customers by index; this
 * turns an index into the id used by `generateDataset`.
 *
 * @example
 * ```ts
 * import { generatedCustomerId } from "crmkit/testing";
 * generatedCustomerId(41); // "cus-0000042"
 * ```
 */
export function generatedCustomerId(index: number): string {
  return `cus-${String(index + 1).padStart(7, "0")}`;
}

/** `prefix-0000042-007`: the id of the k-th (0-based) item of customer `index`. @internal */
export function childId(prefix: string, index: number, k: number): string {
  return `${prefix}-${String(index + 1).padStart(7, "0")}-${String(k + 1).padStart(3, "0")}`;
}
