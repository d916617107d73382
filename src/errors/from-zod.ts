import type { z } from "zod";
import { CrmkitError, type CrmkitIssue } from "./crmkit-error.js";
import { describeValue } from "./describe-value.js";

/** Renders `["emails", 0, "address"]` as `emails[0].address`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Converts a zod error into an `INVALID_INPUT` {@link CrmkitError} whose message lists
 * each issue as `path: problem (got value)`, prefixed by what was being parsed.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { fromZodError } from "crmkit/errors";
 * const r = z.object({ age: z.number() }).safeParse({ age: "x" }, { reportInput: true });
 * if (!r.success) throw fromZodError("Person", r.error);
 * // CrmkitError INVALID_INPUT: Invalid Person: age: Invalid input: expected number, received string (got "x")
 * ```
 */
export function fromZodError(what: string, error: z.ZodError): CrmkitError {
  const issues: CrmkitIssue[] = error.issues.map((i) => {
    const withInput = i as { input?: unknown };
    return {
      path: i.path,
      message: i.message,
      code: i.code,
      ...("input" in withInput ? { input: withInput.input } : {}),
    };
  });
  const shown = issues.slice(0, 5).map((i) => {
    // For unknown keys the message already names them; the whole object is noise.
    const got =
      !("input" in i) || i.code === "unrecognized_keys" ? "" : i.input === undefined ? " (missing)" : ` (got ${describeValue(i.input)})`;
    return `${formatPath(i.path)}: ${i.message}${got}`;
  });
  const more = issues.length > 5 ? `; and ${issues.length - 5} more` : "";
  return new CrmkitError("INVALID_INPUT", `Invalid ${what}: ${shown.join("; ")}${more}`, {
    cause: error,
    issues,
    details: { what },
  });
}
