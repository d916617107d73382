import { describe, expect, it } from "vitest";
import { aggregatePurchases, type PurchaseAggregateQuery } from "../../../../src/clv/index.js";
import { isCrmkitError } from "../../../../src/errors/index.js";
import type { Transaction } from "../../../../src/model/index.js";
import { createMemoryStore, FULL_CAPABILITIES, type CrmStoreProvider, type TransactionRepository } from "../../../../src/repository/index.js";
import { describeCrmStoreConformance } from "../../../../src/testing/index.js";
import { patchMemoryStore } from "../../../support/broken-stores.js";
import { createCollectingRunner, type CollectedResult } from "../../../support/collecting-runner.js";

async function runRule(createStore: () => CrmStoreProvider): Promise<CollectedResult> {
  const runner = createCollectingRunner();
  describeCrmStoreConformance({ name: "under test", createStore, describe: runner.describe, test: runner.test, collections: ["transactions"] });
  const results = await runner.run((name) => name.includes("[purchaseSummary]"));
  expect(results).toHaveLength(1);
  return results[0]!;
}

/** The memory store with `transactions.summarizePurchases` replaced. */
function withPushdown(make: (repo: TransactionRepository) => TransactionRepository["summarizePurchases"], declare = true): CrmStoreProvider {
  return patchMemoryStore(
    (c, repo) => (c === "transactions" ? ({ summarizePurchases: make(repo as unknown as TransactionRepository) } as never) : {}),
    { capabilities: { ...FULL_CAPABILITIES, purchaseSummary: declare } },
  );
}

function expectBroken(result: CollectedResult, fragment: RegExp): void {
  expect(result.status).toBe("failed");
  expect(isCrmkitError(result.error, "CONFORMANCE")).toBe(true);
  expect((result.error as Error).message).toMatch(fragment);
}

/** A memory store whose pushdown aggregates every tenant's transactions. */
function leakyStore(): CrmStoreProvider {
  const base = createMemoryStore();
  return {
    capabilities: base.capabilities,
    forTenant(tenantId: string) {
      const store = base.forTenant(tenantId);
      const summarizePurchases = async (q: PurchaseAggregateQuery) => {
        const rows: Transaction[] = [];
        for (const t of base.tenants()) for await (const tx of base.forTenant(t).transactions.stream({ orderBy: "occurredAt" })) rows.push(tx);
        rows.sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
        return aggregatePurchases(rows, q);
      };
      return { ...store, transactions: { ...store.transactions, summarizePurchases } };
    },
    close: () => base.close!(),
  };
}

describe("[purchaseSummary] rule", () => {
  it("passes on the memory store, and on a store that declines time zones", async () => {
    expect((await runRule(() => createMemoryStore())).status).toBe("passed");
    const noZones = withPushdown((repo) => async (q: PurchaseAggregateQuery) => (q.timeZone === undefined ? repo.summarizePurchases!(q) : null));
    expect((await runRule(() => noZones)).status).toBe("passed");
  });

  it("is skipped when the adapter declares purchaseSummary false", async () => {
    expect((await runRule(() => withPushdown(() => undefined, false))).status).toBe("skipped");
  });

  it("fails a store that declares the capability without the method", async () => {
    expectBroken(await runRule(() => withPushdown(() => undefined)), /summarizePurchases/);
  });

  it("fails a store that declines UTC queries", async () => {
    expectBroken(await runRule(() => withPushdown(() => async () => null)), /UNSUPPORTED|declined/);
  });

  it("fails wrong aggregates: periods counted per transaction, the end excluded, another tenant's rows included", async () => {
    const perTransaction = withPushdown((repo) => async (q: PurchaseAggregateQuery) => {
      const rows = await repo.summarizePurchases!(q);
      return [...(rows as Iterable<{ transactions: number; purchasePeriods: number }>)].map((r) => ({ ...r, purchasePeriods: r.purchasePeriods > 0 ? r.transactions : 0 })) as never;
    });
    expectBroken(await runRule(() => perTransaction), /pushed down|purchasePeriods/);
    const endExclusive = withPushdown((repo) => async (q: PurchaseAggregateQuery) => repo.summarizePurchases!({ ...q, observationEnd: new Date(q.observationEnd.getTime() - 1) }));
    expectBroken(await runRule(() => endExclusive), /pushed down/);
    expectBroken(await runRule(leakyStore), /pushed down/);
  });
});
