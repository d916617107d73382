import { describe, expect, it } from "vitest";
import { createMemoryStore, FULL_CAPABILITIES } from "../../src/repository/index.js";

describe("FULL_CAPABILITIES", () => {
  it("declares every rule-bearing capability and leaves the optional purchase-summary pushdown off", () => {
    expect(FULL_CAPABILITIES).toEqual({ multiTenant: true, optimisticConcurrency: true, consistentPagingUnderWrites: true, purchaseSummary: false });
  });

  it("is what the memory store declares, on the provider and on every tenant's store", () => {
    const provider = createMemoryStore();
    expect(provider.capabilities).toEqual(FULL_CAPABILITIES);
    expect(provider.forTenant("t").capabilities).toEqual(FULL_CAPABILITIES);
  });
});
