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

type RawIssue = z.ZodError["issues"][number];

/**
 * A union that failed reports one issue at its own path. When a branch matched the
 * value's shape and only its fields failed (every issue of the branch is below the
 * union's path), report that branch's issues instead — they name the field. The branch
 * with the fewest issues wins.
 */
function expandUnions(issues: readonly RawIssue[]): RawIssue[] {
  const out: RawIssue[] = [];
  for (const issue of issues) {
    const branches = issue.code === "invalid_union" ? ((issue as { errors?: RawIssue[][] }).errors ?? []) : [];
    const deep = branches.filter((b) => b.length > 0 && b.every((i) => i.path.length > 0));
    if (deep.length === 0) {
      out.push(issue);
      continue;
    }
    const best = deep.reduce((a, b) => (b.length < a.length ? b : a));
    out.push(...expandUnions(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as RawIssue)));
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
  const issues: CrmkitIssue[] = expandUnions(error.issues).map((i) => {
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
