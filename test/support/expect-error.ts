import { expect } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";

/** Expects `fn` to throw a CrmkitError of `code` whose message matches `message`. */
export function expectError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
    expect.unreachable();
  } catch (e) {
    expect(isCrmkitError(e, code as "INVALID_INPUT")).toBe(true);
    expect((e as Error).message).toMatch(message);
  }
}

/** Expects each `[fn, code, text]` case to throw a CrmkitError of `code` whose message contains `text`. */
export function expectErrorCases(cases: readonly (readonly [() => unknown, string, string])[]): void {
  for (const [fn, code, text] of cases) {
    try {
      fn();
      expect.unreachable(text);
    } catch (e) {
      expect(isCrmkitError(e, code as never), String(e)).toBe(true);
      expect((e as Error).message).toContain(text);
    }
  }
}

/** Expects `fn` to throw an INVALID_INPUT CrmkitError; returns its message. */
export function invalidMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
    return (e as Error).message;
  }
  throw new Error("expected INVALID_INPUT, nothing was thrown");
}
