import { expect } from "vitest";
import { isCrmkitError, type CrmkitError } from "../../src/errors/index.js";
import { formatPath } from "../../src/errors/from-zod.js";

/**
 * Runs `fn`, expects it to throw an `INVALID_INPUT` CrmkitError with an issue at
 * `path` (rendered like `stageHistory[1].enteredAt`), and that the message names the
 * path. Returns the error for further checks.
 */
export function expectInvalid(fn: () => unknown, path: string): CrmkitError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected INVALID_INPUT at ${path}, but nothing was thrown`).toBeDefined();
  if (!isCrmkitError(thrown)) throw new Error(`expected a CrmkitError, got ${String(thrown)}`);
  expect(thrown.code).toBe("INVALID_INPUT");
  const paths = thrown.issues.map((i) => formatPath(i.path));
  expect(paths, `issues: ${thrown.message}`).toContain(path);
  expect(thrown.message).toContain(path);
  return thrown;
}

/** Expects an unknown key to be rejected, the message naming the key. */
export function expectUnknownKeyRejected(fn: () => unknown, key: string): CrmkitError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  if (!isCrmkitError(thrown)) throw new Error(`expected a CrmkitError for unknown key "${key}", got ${String(thrown)}`);
  expect(thrown.code).toBe("INVALID_INPUT");
  expect(thrown.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
  expect(thrown.message).toContain(key);
  return thrown;
}
