import { describe, expect, it } from "vitest";
import { calibrationHoldout, summarizeTransactions, type PurchaseAggregateRow, type PurchaseRepository } from "../../src/clv/index.js";
import { isCrmkitError } from "../../src/errors/index.js";
import { createMemoryStore, type TransactionRepository } from "../../src/repository/index.js";
import { CALIBRATION_END, columns, expectSameSummaries, OBSERVATION_END, purchaseLog, PUSHDOWN_CASES, ZONED_CASES } from "../support/pushdown-cases.js";

async function memoryTransactions(log = purchaseLog(7, 150)): Promise<TransactionRepository> {
  const store = createMemoryStore().forTenant("t");
  await store.transactions.upsertMany(log);
  return store.transactions;
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (e === undefined) return undefined;
  return isCrmkitError(e) ? e.code : `no CrmkitError: ${String(e)}`;
}

/** A repository that only streams (no pushdown): the store path without the capability. */
function streamOnly(repo: TransactionRepository): PurchaseRepository {
  return { stream: (q) => repo.stream(q) };
}

describe("summarizeTransactions from a repository", () => {
  it.each([...PUSHDOWN_CASES, ...ZONED_CASES])("pushdown and streaming give identical summaries on the memory store: $name", async ({ options }) => {
    const repo = await memoryTransactions();
    const s = await expectSameSummaries(repo, options, true);
    expect(s.customerIds).toEqual([...s.customerIds].sort());
  });

  it("amounts in cents: still identical on the memory store (it adds in time order, as streaming does)", async () => {
    const repo = await memoryTransactions(purchaseLog(8, 120, { cents: true }));
    await expectSameSummaries(repo, PUSHDOWN_CASES[0]!.options, true);
    await expectSameSummaries(repo, PUSHDOWN_CASES[7]!.options, true);
  });

  it("equals the summary of the same rows given as an array, restricted to the observation window and reordered by id", async () => {
    const log = purchaseLog(9, 60);
    const repo = await memoryTransactions(log);
    const rows = log
      .map((t) => ({ customerId: t.customerId, at: t.occurredAt as Date, amount: t.amount.amount, kind: t.kind }))
      .filter((r) => r.kind === "purchase" && r.at <= OBSERVATION_END)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const fromRows = await summarizeTransactions(rows, { observationEnd: OBSERVATION_END, unit: "week" });
    const fromStore = await summarizeTransactions(repo, { observationEnd: OBSERVATION_END, unit: "week" });
    const order = [...fromRows.customerIds].map((id, i) => [id, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(fromStore.customerIds).toEqual(order.map(([id]) => id));
    expect(Array.from(fromStore.frequency)).toEqual(order.map(([, i]) => fromRows.frequency[i]));
    expect(Array.from(fromStore.recency)).toEqual(order.map(([, i]) => fromRows.recency[i]));
    expect(Array.from(fromStore.T)).toEqual(order.map(([, i]) => fromRows.T[i]));
    expect(fromStore.stats?.purchases).toBe(rows.length);
  });

  it("uses summarizePurchases when the store offers it, and streams when it declines or is absent", async () => {
    const repo = await memoryTransactions();
    const queries: unknown[] = [];
    let streamed = 0;
    const spy = (answer: boolean): PurchaseRepository => ({
      stream(q) {
        streamed++;
        return repo.stream(q);
      },
      async summarizePurchases(q) {
        queries.push(q);
        return answer ? repo.summarizePurchases!(q) : null;
      },
    });
    const options = { observationEnd: OBSERVATION_END, unit: "week" as const, calibrationEnd: CALIBRATION_END, timeZone: "UTC" };
    const pushed = await summarizeTransactions(spy(true), options);
    expect(streamed).toBe(0);
    expect(queries).toEqual([{ kinds: ["purchase"], observationEnd: OBSERVATION_END, calibrationEnd: CALIBRATION_END, period: "day" }]);
    const fallback = await summarizeTransactions(spy(false), options);
    expect(streamed).toBe(1);
    expect(columns(fallback)).toEqual(columns(pushed));
    expect(columns(await calibrationHoldout(streamOnly(repo), options))).toEqual(columns(pushed));
    expect(await codeOf(summarizeTransactions(spy(false), { ...options, pushdown: "require" }))).toBe("UNSUPPORTED");
    expect(await codeOf(summarizeTransactions(streamOnly(repo), { ...options, pushdown: "require" }))).toBe("UNSUPPORTED");
  });

  it("streams kinds with adjustments unless negative amounts are allowed, so each negative one is reported", async () => {
    const repo = await memoryTransactions([
      { id: "a1", customerId: "c", occurredAt: "2024-01-01T00:00:00Z", amount: { amount: 10, currency: "EUR" }, kind: "purchase" },
      { id: "a2", customerId: "c", occurredAt: "2024-02-01T00:00:00Z", amount: { amount: -4, currency: "EUR" }, kind: "adjustment" },
    ]);
    const options = { observationEnd: OBSERVATION_END, unit: "day" as const, kinds: ["purchase", "adjustment"] as const };
    expect(await codeOf(summarizeTransactions(repo, options))).toBe("INVALID_INPUT");
    expect(await codeOf(summarizeTransactions(repo, { ...options, pushdown: "require" }))).toBe("UNSUPPORTED");
    const netted = await expectSameSummaries(repo, { ...options, allowNegativeAmounts: true }, true);
    expect(Array.from(netted.monetaryValue)).toEqual([-4]);
  });

  it("applies the currency rules of the streaming path on both paths", async () => {
    const log = [
      ...purchaseLog(3, 20),
      { id: "usd-1", customerId: "cust-0001", occurredAt: "2024-06-01T00:00:00Z", amount: { amount: 5, currency: "USD" }, kind: "purchase" as const },
      { id: "usd-2", customerId: "solo-usd", occurredAt: "2024-06-01T00:00:00Z", amount: { amount: 5, currency: "USD" }, kind: "purchase" as const },
    ];
    const repo = await memoryTransactions(log);
    const base = { observationEnd: OBSERVATION_END, unit: "week" as const };
    for (const pushdown of ["require", "never"] as const) {
      expect(await codeOf(summarizeTransactions(repo, { ...base, pushdown }))).toBe("CURRENCY_MISMATCH");
      expect(await codeOf(summarizeTransactions(repo, { ...base, pushdown, currency: "EUR" }))).toBe("CURRENCY_MISMATCH");
    }
    const eur = await expectSameSummaries(repo, { ...base, currency: "EUR", onBadRow: "skip" }, true);
    expect(eur.stats?.skipped).toBe(2);
    expect(eur.stats?.skippedByReason).toEqual({ "other currency": 2 });
    expect(eur.currency).toBe("EUR");
    expect(eur.customerIds).not.toContain("solo-usd");
  });

  it("gives an empty summary for an empty store on both paths", async () => {
    const repo = await memoryTransactions([]);
    for (const pushdown of ["require", "never"] as const) {
      const s = await summarizeTransactions(repo, { observationEnd: OBSERVATION_END, unit: "day", pushdown });
      expect(s.customerIds).toEqual([]);
      expect(s.currency).toBeUndefined();
      expect(s.stats).toEqual({ rows: 0, purchases: 0, skipped: 0, skippedByReason: {} });
    }
  });

  it("rejects bad options before reading, and a broken store's rows", async () => {
    const repo = await memoryTransactions();
    const ok = { observationEnd: OBSERVATION_END, unit: "week" as const };
    expect(await codeOf(summarizeTransactions(repo, { ...ok, pushdown: "always" as never }))).toBe("INVALID_INPUT");
    expect(await codeOf(summarizeTransactions(repo, { ...ok, observationEnd: new Date("nope") }))).toBe("INVALID_INPUT");
    expect(await codeOf(summarizeTransactions(repo, { ...ok, calibrationEnd: new Date("2026-01-01T00:00:00Z") }))).toBe("INVALID_INPUT");
    expect(await codeOf(calibrationHoldout(repo, { ...ok, calibrationEnd: "2024-01-01" as never }))).toBe("INVALID_INPUT");
    expect(await codeOf(summarizeTransactions(repo, { ...ok, kinds: ["gift" as never] }))).toBe("INVALID_INPUT");
    expect(await codeOf(summarizeTransactions(repo, { ...ok, unit: "fortnight" as never }))).toBe("INVALID_INPUT");
    expect(await codeOf(summarizeTransactions([], { ...ok, pushdown: "require" }))).toBe("UNSUPPORTED");
    expect(await codeOf(calibrationHoldout([], { ...ok, calibrationEnd: CALIBRATION_END, pushdown: "require" }))).toBe("UNSUPPORTED");
    const good: PurchaseAggregateRow = {
      customerId: "c",
      currency: "EUR",
      transactions: 2,
      firstPurchaseAt: new Date("2024-01-01T00:00:00Z"),
      lastPurchaseAt: new Date("2024-01-03T00:00:00Z"),
      purchasePeriods: 2,
      repeatSpend: 3,
      holdoutPeriods: 0,
      holdoutSpend: 0,
    };
    const broken = (rows: unknown[]): PurchaseRepository => ({ stream: (q) => repo.stream(q), summarizePurchases: async () => rows as PurchaseAggregateRow[] });
    expect(await codeOf(summarizeTransactions(broken([good]), ok))).toBe(undefined);
    for (const bad of [null, { ...good, customerId: "" }, { ...good, transactions: 1.5 }, { ...good, repeatSpend: Number.NaN }, { ...good, firstPurchaseAt: null }, { ...good, purchasePeriods: 0 }]) {
      expect(await codeOf(summarizeTransactions(broken([bad]), ok))).toBe("INVALID_INPUT");
    }
    expect(await codeOf(summarizeTransactions(broken([good, good]), ok))).toBe("INVALID_INPUT");
    expect(await codeOf(summarizeTransactions(broken([{ ...good, purchasePeriods: 5 }]), ok))).toBe("INVALID_INPUT");
  });
});
