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
