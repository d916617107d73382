/**
 * Errors shared by every crmkit module: one class, {@link CrmkitError}, with a
 * stable `code`.
 *
 * @module errors
 */
export { CRMKIT_ERROR_CODES, CrmkitError, isCrmkitError } from "./crmkit-error.js";
export type { CrmkitErrorCode, CrmkitErrorOptions, CrmkitIssue } from "./crmkit-error.js";
export { describeValue } from "./describe-value.js";
export { invalidInput } from "./invalid-input.js";
export { fromZodError } from "./from-zod.js";
