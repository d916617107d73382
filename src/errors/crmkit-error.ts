/**
 * The stable error codes of crmkit. Code on them, not on messages: messages may
 * be reworded between versions, codes never change meaning.
 *
 * - `INVALID_INPUT` — an argument or record failed validation (the message names
 *   the field, the value and what was expected; `issues` holds zod's issues).
 * - `NOT_FOUND` — a referenced entity does not exist in the store.
 * - `CONFLICT` — an optimistic-concurrency check failed (stale `expectedVersion`).
 * - `CURRENCY_MISMATCH` — amounts in different currencies would have been combined.
 * - `INSUFFICIENT_DATA` — the input is valid but cannot identify the requested quantity
 *   (e.g. a model fitted on customers who never repeat).
 * - `NOT_CONVERGED` — an iterative fit did not converge; `details` says what was tried.
 * - `UNSUPPORTED` — the store or adapter does not offer the requested capability.
 * - `ADAPTER_FAILURE` — a storage adapter failed; the driver's error is kept as `cause`.
 * - `CONFORMANCE` — raised by the adapter conformance kit when a store breaks a rule.
 *
 * @example
 * ```ts
 * import { CRMKIT_ERROR_CODES } from "crmkit/errors";
 * CRMKIT_ERROR_CODES.includes("CONFLICT"); // true
 * ```
 */
export const CRMKIT_ERROR_CODES = [
  "INVALID_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "CURRENCY_MISMATCH",
  "INSUFFICIENT_DATA",
  "NOT_CONVERGED",
  "UNSUPPORTED",
  "ADAPTER_FAILURE",
  "CONFORMANCE",
] as const;

/**
 * One of {@link CRMKIT_ERROR_CODES}.
 *
 * @example
 * ```ts
 * import type { CrmkitErrorCode } from "crmkit/errors";
 * const code: CrmkitErrorCode = "NOT_FOUND";
 * ```
 */
export type CrmkitErrorCode = (typeof CRMKIT_ERROR_CODES)[number];

/**
 * One validation problem, in a runtime-independent shape (zod's issues are
 * converted to this).
 *
 * @example
 * ```ts
 * import type { CrmkitIssue } from "crmkit/errors";
 * const issue: CrmkitIssue = { path: ["emails", 0, "address"], message: "Invalid email address" };
 * ```
 */
export interface CrmkitIssue {
  /** Path from the root of the checked value to the offending field. */
  readonly path: readonly PropertyKey[];
  /** What is wrong, in words. */
  readonly message: string;
  /** zod's issue code, when the issue came from a schema. */
  readonly code?: string;
  /** The offending value, when known. */
  readonly input?: unknown;
}

/**
 * Options of the {@link CrmkitError} constructor.
 *
 * @example
 * ```ts
 * import { CrmkitError, type CrmkitErrorOptions } from "crmkit/errors";
 * const options: CrmkitErrorOptions = { details: { tried: ["lbfgs"] } };
 * new CrmkitError("NOT_CONVERGED", "fit did not converge", options);
 * ```
 */
export interface CrmkitErrorOptions {
  /** The underlying error (a driver error, a zod error…). */
  readonly cause?: unknown;
  /** Validation issues, when the error comes from validation. */
  readonly issues?: readonly CrmkitIssue[];
  /** Machine-readable context: the field, the value, what was tried… */
  readonly details?: Readonly<Record<string, unknown>>;
}

const BRAND = Symbol.for("crmkit.error");

/**
 * The one error class crmkit throws. Every error has a stable {@link CrmkitErrorCode},
 * a message that says what was wrong and what was expected, the validation
 * `issues` where there are any and the original error as `cause` where there is one.
 *
 * Use {@link isCrmkitError} rather than `instanceof` when the ESM and CJS builds of
 * crmkit may both be loaded in one process.
 *
 * @example
 * ```ts
 * import { CrmkitError, isCrmkitError } from "crmkit/errors";
 * try {
 *   throw new CrmkitError("NOT_FOUND", 'Customer "c-1" not found', { details: { id: "c-1" } });
 * } catch (e) {
 *   if (isCrmkitError(e, "NOT_FOUND")) console.log(e.code, e.details.id);
 * }
 * ```
 */
export class CrmkitError extends Error {
  /** The stable error code. */
  readonly code: CrmkitErrorCode;
  /** Validation issues (empty when the error is not a validation error). */
  readonly issues: readonly CrmkitIssue[];
  /** Machine-readable context. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: CrmkitErrorCode, message: string, options: CrmkitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "CrmkitError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * A plain JSON form (code, message, issues, details), for logs and HTTP bodies.
   *
   * @example
   * ```ts
   * import { CrmkitError } from "crmkit/errors";
   * JSON.stringify(new CrmkitError("CONFLICT", "stale version"));
   * // {"name":"CrmkitError","code":"CONFLICT","message":"stale version","issues":[],"details":{}}
   * ```
   */
  toJSON(): { name: string; code: CrmkitErrorCode; message: string; issues: readonly CrmkitIssue[]; details: Readonly<Record<string, unknown>> } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues, details: this.details };
  }
}

/**
 * True when `error` is a {@link CrmkitError} (from either the ESM or the CJS build),
 * optionally with the given code.
 *
 * @example
 * ```ts
 * import { CrmkitError, isCrmkitError } from "crmkit/errors";
 * isCrmkitError(new CrmkitError("CONFLICT", "stale"), "CONFLICT"); // true
 * isCrmkitError(new Error("x")); // false
 * ```
 */
export function isCrmkitError(error: unknown, code?: CrmkitErrorCode): error is CrmkitError {
  if (typeof error !== "object" || error === null) return false;
  if (!(error instanceof CrmkitError) && (error as Record<PropertyKey, unknown>)[BRAND] !== true) return false;
  return code === undefined || (error as CrmkitError).code === code;
}
