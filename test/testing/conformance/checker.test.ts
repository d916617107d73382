import { describe, expect, it } from "vitest";
import { CrmkitError, isCrmkitError } from "../../../src/errors/index.js";
import { Checker } from "../../../src/testing/conformance/checker.js";

const check = new Checker("[rule] a rule", "transactions");

function failure(fn: () => unknown): CrmkitError {
  try {
    fn();
  } catch (e) {
    expect(isCrmkitError(e, "CONFORMANCE")).toBe(true);
    return e as CrmkitError;
  }
  throw new Error("expected a CONFORMANCE failure");
}

const tx = { id: "t-1", customerId: "c", occurredAt: new Date("2024-01-01T00:00:00Z"), amount: { amount: 1, currency: "USD" }, kind: "purchase", attributes: {}, version: 1 };

describe("Checker", () => {
  it("fails with a CONFORMANCE error whose message and details name the rule, collection, check, expectation and result", () => {
    const e = failure(() => check.fail("get(x)", "null", "an entity"));
    expect(e.message).toBe("Conformance rule broken: [rule] a rule\n  collection: transactions\n  check: get(x)\n  expected: null\n  adapter returned: an entity");
    expect(e.details).toEqual({ rule: "[rule] a rule", collection: "transactions", check: "get(x)", expected: "null", actual: "an entity" });
  });

  it("entity() accepts a stored entity in parsed form and rejects strings for dates, missing defaults, extra keys, bad versions", () => {
    expect(check.entity("get", "transactions", tx)).toBe(tx);
    expect(failure(() => check.entity("get", "transactions", { ...tx, occurredAt: "2024-01-01T00:00:00.000Z" })).message).toContain("parsed form");
    const { attributes: _a, ...noDefaults } = tx;
    expect(failure(() => check.entity("get", "transactions", noDefaults)).message).toContain("at attributes");
    expect(failure(() => check.entity("get", "transactions", { ...tx, tenantId: "acme" })).message).toContain("validates against the Transaction schema");
    for (const version of [0, 1.5, "1", undefined]) expect(failure(() => check.entity("get", "transactions", { ...tx, version })).message).toContain("integer version >= 1");
    expect(failure(() => check.entity("get", "transactions", null)).message).toContain("adapter returned: null (null)");
  });

  it("ids() reports missing, unexpected and repeated rows, and the first misplaced one", () => {
    const rows = (...ids: string[]) => ids.map((id) => ({ id }));
    check.ids("list", ["a", "b"], rows("a", "b"));
    expect(failure(() => check.ids("list", ["a", "b", "c"], rows("a", "c", "c", "x"))).message).toContain('missing ["b"]; unexpected ["x"]; repeated ["c"]');
    expect(failure(() => check.ids("list", ["a", "b"], rows("b", "a"))).message).toContain('position 0 holds "b" where "a" belongs');
    expect(failure(() => check.ids("list", ["a"], "a")).message).toContain("an array of 1 entities");
  });

  it("rejects() returns the expected CrmkitError and fails on success, another code or a foreign error", async () => {
    const conflict = new CrmkitError("CONFLICT", "stale");
    await expect(check.rejects("upsert", "CONFLICT", () => Promise.reject(conflict))).resolves.toBe(conflict);
    await expect(check.rejects("upsert", "CONFLICT", () => Promise.resolve({ id: "x" }))).rejects.toThrow(/no error, and the result \{ id: "x" \}/);
    await expect(check.rejects("upsert", "CONFLICT", () => Promise.reject(new CrmkitError("INVALID_INPUT", "bad")))).rejects.toThrow(/it threw CrmkitError INVALID_INPUT: bad/);
    await expect(
      check.rejects("upsert", "CONFLICT", () => {
        throw new TypeError("x is undefined");
      }),
    ).rejects.toThrow(/it threw TypeError: x is undefined/);
  });
});
