import { describe, expect, it } from "vitest";
import { CrmkitError, isCrmkitError } from "../../src/errors/index.js";
import { adapterFailure, notFound, versionConflict, withAdapterErrors } from "../../src/repository/index.js";

describe("notFound", () => {
  it("is NOT_FOUND naming the collection and id", () => {
    const e = notFound("customers", "c-404");
    expect(e.code).toBe("NOT_FOUND");
    expect(e.message).toBe('customers: no entity with id "c-404"');
    expect(e.details).toEqual({ collection: "customers", id: "c-404" });
  });
});

describe("versionConflict", () => {
  it("says what was expected and what is stored, in each case, and that nothing was written", () => {
    const stale = versionConflict("deals", "d-1", 3, 4);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toBe('deals "d-1": expected version 3 but it is at version 4; nothing was written — reload and retry');
    expect(stale.details).toEqual({ collection: "deals", id: "d-1", expectedVersion: 3, actualVersion: 4 });
    expect(versionConflict("deals", "d-1", 0, 2).message).toContain("expected it not to exist (expectedVersion 0) but it is at version 2");
    expect(versionConflict("deals", "d-1", 2, null).message).toContain("expected version 2 but it does not exist");
  });
});

describe("adapterFailure and withAdapterErrors", () => {
  it("wraps a driver error as ADAPTER_FAILURE, keeping it as cause", () => {
    const driver = new Error("connection reset");
    const e = adapterFailure("customers.get", driver);
    expect(e.code).toBe("ADAPTER_FAILURE");
    expect(e.cause).toBe(driver);
    expect(e.message).toBe("customers.get failed in the storage adapter: connection reset");
    expect(e.details).toEqual({ operation: "customers.get" });
    expect(adapterFailure("x", "timeout").message).toContain("timeout");
  });

  it("passes a CrmkitError through unchanged (a CONFLICT stays a CONFLICT)", () => {
    const conflict = versionConflict("deals", "d-1", 1, 2);
    expect(adapterFailure("deals.upsert", conflict)).toBe(conflict);
  });

  it("withAdapterErrors returns the result, and converts what the operation throws", async () => {
    await expect(withAdapterErrors("op", async () => 42)).resolves.toBe(42);
    const thrown = await withAdapterErrors("customers.list", async () => {
      throw new TypeError("relation does not exist");
    }).catch((e: unknown) => e);
    expect(isCrmkitError(thrown, "ADAPTER_FAILURE")).toBe(true);
    expect((thrown as CrmkitError).cause).toBeInstanceOf(TypeError);
    const conflict = new CrmkitError("CONFLICT", "stale");
    await expect(withAdapterErrors("x", () => Promise.reject(conflict))).rejects.toBe(conflict);
  });
});
