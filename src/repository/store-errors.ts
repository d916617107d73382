import { CrmkitError, isCrmkitError } from "../errors/crmkit-error.js";

/**
 * The `NOT_FOUND` error for an entity of a collection.
 *
 * @example
 * ```ts
 * import { notFound } from "crmkit/repository";
 * throw notFound("customers", "c-404");
 * ```
 */
export function notFound(collection: string, id: string): CrmkitError {
  return new CrmkitError("NOT_FOUND", `${collection}: no entity with id "${id}"`, { details: { collection, id } });
}

/**
 * The `CONFLICT` error of a failed optimistic-concurrency check. `actual` is the
 * stored version (`null` when the entity does not exist).
 *
 * @example
 * ```ts
 * import { versionConflict } from "crmkit/repository";
 * throw versionConflict("deals", "d-1", 3, 4);
 * ```
 */
export function versionConflict(collection: string, id: string, expected: number, actual: number | null): CrmkitError {
  const what =
    expected === 0
      ? `expected it not to exist (expectedVersion 0) but it is at version ${actual}`
      : actual === null
        ? `expected version ${expected} but it does not exist`
        : `expected version ${expected} but it is at version ${actual}`;
  return new CrmkitError("CONFLICT", `${collection} "${id}": ${what}; nothing was written — reload and retry`, {
    details: { collection, id, expectedVersion: expected, actualVersion: actual },
  });
}

/**
 * Wraps an adapter's own failure (a driver error, a timeout) in an `ADAPTER_FAILURE`
 * `CrmkitError` that keeps the original as `cause`. A `CrmkitError` passes through
 * unchanged.
 *
 * @example
 * ```ts
 * import { adapterFailure } from "crmkit/repository";
 * try { throw new Error("connection reset"); }
 * catch (e) { throw adapterFailure("customers.get", e); }
 * ```
 */
export function adapterFailure(operation: string, cause: unknown): CrmkitError {
  if (isCrmkitError(cause)) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new CrmkitError("ADAPTER_FAILURE", `${operation} failed in the storage adapter: ${reason}`, { cause, details: { operation } });
}

/**
 * Runs `fn`, converting anything it throws with {@link adapterFailure}. Adapters wrap
 * every driver call in it.
 *
 * @example
 * ```ts
 * import { withAdapterErrors } from "crmkit/repository";
 * const rows = await withAdapterErrors("customers.list", async () => [] as unknown[]);
 * ```
 */
export async function withAdapterErrors<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw adapterFailure(operation, error);
  }
}
