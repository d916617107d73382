import { isCrmkitError } from "../../src/errors/crmkit-error.js";

/** The CrmkitError `fn` throws, as `{ code, message }`; rethrows anything else, fails when nothing is thrown. */
export function failureOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (isCrmkitError(e)) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a CrmkitError");
}

/** The CrmkitError `fn` throws as `"CODE: message"`, or `"no error"`; rethrows anything else. */
export function failureText(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isCrmkitError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "no error";
}
