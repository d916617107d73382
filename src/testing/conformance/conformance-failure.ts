import { CrmkitError, isCrmkitError } from "../../errors/crmkit-error.js";
import { render } from "./render.js";

/**
 * The error of a broken rule: code `CONFORMANCE`, a message naming the rule, the
 * collection, the check, what was expected and what the adapter returned, and the
 * same as `details`.
 * @internal
 */
export function conformanceFailure(
  rule: string,
  collection: string | null,
  check: string,
  expected: string,
  actual: string,
  cause?: unknown,
): CrmkitError {
  const message = [
    `Conformance rule broken: ${rule}`,
    `  collection: ${collection ?? "(store-wide)"}`,
    `  check: ${check}`,
    `  expected: ${expected}`,
    `  adapter returned: ${actual}`,
  ].join("\n");
  return new CrmkitError("CONFORMANCE", message, {
    ...(cause === undefined ? {} : { cause }),
    details: { rule, collection, check, expected, actual },
  });
}

/** How an error thrown by the adapter reads in a message. @internal */
export function describeError(error: unknown): string {
  if (isCrmkitError(error)) return `CrmkitError ${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `a thrown ${render(error, 80)}`;
}
