import { CrmkitError, type CrmkitIssue } from "./crmkit-error.js";
import { describeValue } from "./describe-value.js";

/**
 * Builds the `INVALID_INPUT` error for one field: the message names the field,
 * the value received and what was expected.
 *
 * @example
 * ```ts
 * import { invalidInput } from "crmkit/errors";
 * throw invalidInput("options.discountRate", -0.1, "a number in [0, 1)");
 * // CrmkitError INVALID_INPUT: options.discountRate: expected a number in [0, 1), got -0.1
 * ```
 */
export function invalidInput(field: string, value: unknown, expected: string, details: Record<string, unknown> = {}): CrmkitError {
  const path = field === "" ? [] : field.split(".");
  const issue: CrmkitIssue = { path, message: `expected ${expected}`, input: value };
  return new CrmkitError("INVALID_INPUT", `${field}: expected ${expected}, got ${describeValue(value)}`, {
    issues: [issue],
    details: { field, value, expected, ...details },
  });
}
