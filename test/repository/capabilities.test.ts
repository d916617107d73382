import { describe, expect, it } from "vitest";
import { createMemoryStore, FULL_CAPABILITIES } from "../../src/repository/index.js";

describe("FULL_CAPABILITIES", () => {
  it("declares every rule-bearing capability and leaves the optional purchase-summary pushdown off", () => {
    expect(FULL_CAPABILITIES).toEqual({ multiTenant: true, optimisticConcurrency: true, consistentPagingUnderWrites: true, purchaseSummary: false });
  });

  it("is what the memory store declares, plus the pushdown, on the provider and on every tenant's store", () => {
    const provider = createMemoryStore();
    const expected = { ...FULL_CAPABILITIES, purchaseSummary: true };
    expect(provider.capabilities).toEqual(expected);
    expect(provider.forTenant("t").capabilities).toEqual(expected);
    expect(typeof provider.forTenant("t").transactions.summarizePurchases).toBe("function");
  });
});
