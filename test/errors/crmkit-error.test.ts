import { describe, expect, it } from "vitest";
import { CRMKIT_ERROR_CODES, CrmkitError, isCrmkitError } from "../../src/errors/index.js";

describe("CrmkitError", () => {
  it("carries code, issues, details and cause", () => {
    const cause = new Error("driver");
    const e = new CrmkitError("ADAPTER_FAILURE", "boom", { cause, details: { op: "get" }, issues: [{ path: ["a"], message: "m" }] });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("CrmkitError");
    expect(e.code).toBe("ADAPTER_FAILURE");
    expect(e.cause).toBe(cause);
    expect(e.details).toEqual({ op: "get" });
    expect(e.issues).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ name: "CrmkitError", code: "ADAPTER_FAILURE", message: "boom", issues: [{ path: ["a"], message: "m" }], details: { op: "get" } });
  });

  it("isCrmkitError checks the brand and the code", () => {
    const e = new CrmkitError("CONFLICT", "x");
    expect(isCrmkitError(e)).toBe(true);
    expect(isCrmkitError(e, "CONFLICT")).toBe(true);
    expect(isCrmkitError(e, "NOT_FOUND")).toBe(false);
    expect(isCrmkitError(new Error("x"))).toBe(false);
    expect(isCrmkitError(null)).toBe(false);
    // An error from another copy of the library (e.g. the CJS build) is recognised by its brand.
    const foreign = Object.assign(new Error("y"), { code: "CONFLICT" });
    Object.defineProperty(foreign, Symbol.for("crmkit.error"), { value: true });
    expect(isCrmkitError(foreign, "CONFLICT")).toBe(true);
  });

  it("has stable codes", () => {
    expect(CRMKIT_ERROR_CODES).toContain("INVALID_INPUT");
    expect(new Set(CRMKIT_ERROR_CODES).size).toBe(CRMKIT_ERROR_CODES.length);
  });
});
