import { expect } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";

/** Relative difference |a − e| / |e| (absolute when e is 0). */
export function relativeError(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** Asserts `actual` matches `expected` to relative tolerance `rel` (absolute when expected is 0). */
export function expectClose(actual: number, expected: number, rel = 1e-14, label = ""): void {
  const error = relativeError(actual, expected);
  if (!(error <= rel)) {
    expect.fail(`${label ? `${label}: ` : ""}expected ${expected}, got ${actual} (relative error ${error.toExponential(2)} > ${rel})`);
  }
}

/** Asserts that `fn` throws a CrmkitError with the given code whose message matches `message`. */
export function expectCrmkitError(fn: () => unknown, code: string, message?: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(isCrmkitError(thrown), `expected a CrmkitError, got ${String(thrown)}`).toBe(true);
  if (!isCrmkitError(thrown)) return;
  expect(thrown.code).toBe(code);
  if (message) expect(thrown.message).toMatch(message);
}
