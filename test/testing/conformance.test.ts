import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it, test } from "vitest";
import { isCrmkitError, type CrmkitError } from "../../src/errors/index.js";
import type { EntityCollection } from "../../src/model/index.js";
import { createMemoryStore, FULL_CAPABILITIES, type CrmStoreProvider } from "../../src/repository/index.js";
import { buildRules } from "../../src/testing/conformance/rules/index.js";
import { describeCrmStoreConformance } from "../../src/testing/index.js";
import { BROKEN_STORES, patchMemoryStore } from "../support/broken-stores.js";
import { createCollectingRunner, type CollectedResult } from "../support/collecting-runner.js";
import { createMinimalStore } from "../support/minimal-store.js";

// (test/repository/complete-repository.test.ts runs the kit on the minimal adapter of test/support.)

// The memory store is the reference implementation: it must pass every rule.
describeCrmStoreConformance({ name: "memory store", createStore: () => createMemoryStore(), describe, test });

const FEW: readonly EntityCollection[] = ["transactions", "deals"];

async function runKit(
  createStore: () => CrmStoreProvider | Promise<CrmStoreProvider>,
  only: (name: string) => boolean,
  options: { collections?: readonly EntityCollection[]; withSkip?: boolean } = {},
): Promise<CollectedResult[]> {
  const runner = createCollectingRunner({ withSkip: options.withSkip ?? true });
  describeCrmStoreConformance({ name: "under test", createStore, describe: runner.describe, test: runner.test, collections: options.collections ?? FEW });
  const results = await runner.run(only);
  expect(results.length).toBeGreaterThan(0);
  return results;
}

const has = (...fragments: string[]) => (name: string) => fragments.some((f) => name.includes(f));

/** The results whose name contains `fragment`; asserts there is at least one and each has `status`. */
function expectStatus(results: readonly CollectedResult[], fragment: string, status: CollectedResult["status"]): CollectedResult[] {
  const matching = results.filter((r) => r.name.includes(fragment));
  expect(matching.length, `no registered rule contains ${JSON.stringify(fragment)}`).toBeGreaterThan(0);
  for (const r of matching) expect({ name: r.name, status: r.status }).toEqual({ name: r.name, status });
  return matching;
}

/** Asserts the rules containing `fragment` failed with a CONFORMANCE error naming the rule; returns the messages. */
function expectBroken(results: readonly CollectedResult[], fragment: string): string[] {
  return expectStatus(results, fragment, "failed").map((r) => {
    expect(isCrmkitError(r.error, "CONFORMANCE")).toBe(true);
    const e = r.error as CrmkitError;
    const rule = r.name.replace(/^under test > /, "");
    expect(e.message).toContain(`Conformance rule broken: ${rule}`);
    expect(e.message).toContain("adapter returned:");
    expect(e.details.rule).toBe(rule);
    return e.message;
  });
}

describe("the conformance kit registers one named test per rule", () => {
  it("registers unique names, inside one describe named after the adapter, the same for sync and async createStore", async () => {
    const sync = createCollectingRunner();
    describeCrmStoreConformance({ name: "memory", createStore: () => createMemoryStore(), describe: sync.describe, test: sync.test });
    const names = await sync.names();
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.startsWith("memory > ["))).toBe(true);
    expect(names).toContain(
      "memory > [tenancy] transactions: an entity written in one tenant is invisible from another (get, list, stream, count, getMany), also through a cursor from the other tenant",
    );
    const async = createCollectingRunner();
    describeCrmStoreConformance({ name: "memory", createStore: async () => createMemoryStore(), describe: async.describe, test: async.test });
    expect(await async.names()).toEqual(names);
  });

  it("covers every collection, and every filter key of every collection, by name", async () => {
    const runner = createCollectingRunner();
    describeCrmStoreConformance({ name: "m", createStore: () => createMemoryStore(), describe: runner.describe, test: runner.test });
    const names = await runner.names();
    for (const c of ["customers", "accounts", "leads", "pipelines", "deals", "interactions", "tickets", "transactions", "subscriptions", "surveyResponses", "campaigns", "campaignMembers"]) {
      expect(names.some((n) => n.includes(`[crud] ${c}: a full entity`))).toBe(true);
      expect(names.some((n) => n.includes(`[order] ${c}:`))).toBe(true);
    }
    expect(names.some((n) => n.includes("[filter] deals.closedAt (range)") && n.includes("an entity without closedAt never matches"))).toBe(true);
    expect(names.some((n) => n.includes("[filter] customers.country (equality)"))).toBe(true);
    expect(names.some((n) => n.includes("[filter] campaignMembers.customerId (equality)"))).toBe(true);
  });

  it("registers only the selected collections' per-collection rules", async () => {
    const runner = createCollectingRunner();
    describeCrmStoreConformance({ name: "m", createStore: () => createMemoryStore(), describe: runner.describe, test: runner.test, collections: ["tickets"] });
    const names = await runner.names();
    expect(names.some((n) => n.includes("transactions"))).toBe(false);
    expect(names.some((n) => n.includes("[paging] tickets:"))).toBe(true);
  });

  it("uses the given capabilities without making a store at registration", async () => {
    let made = 0;
    const runner = createCollectingRunner();
    describeCrmStoreConformance({
      name: "m",
      createStore: () => {
        made++;
        return createMemoryStore();
      },
      capabilities: { ...FULL_CAPABILITIES, multiTenant: false },
      describe: runner.describe,
      test: runner.test,
      collections: ["tickets"],
    });
    const names = await runner.names();
    expect(made).toBe(0);
    expect(names.filter((n) => n.includes("[tenancy]")).every((n) => n.includes("[skipped: adapter declares multiTenant false]"))).toBe(true);
  });

  it("runs under node:test too: async describe body, test.skip for a capability declared false", async () => {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "--test", "--test-reporter=tap", "test/support/node-test-conformance.ts"], { cwd: root });
    expect(stdout).toMatch(/^# fail 0$/m);
    expect(stdout).toMatch(/^# skipped 1$/m);
    expect(Number(/^# pass (\d+)$/m.exec(stdout)?.[1])).toBeGreaterThan(30);
    expect(stdout).toContain("ok 1 - [store] createStore() gives an empty store");
    expect(stdout).toMatch(/\[skipped: adapter declares consistentPagingUnderWrites false\] \[paging\] tickets: rows inserted.* # SKIP/);
  });

  it("still registers every rule when createStore() fails at registration; each then fails naming createStore()", async () => {
    for (const createStore of [
      () => {
        throw new Error("no database");
      },
      () => Promise.reject(new Error("no database")),
    ]) {
      const runner = createCollectingRunner();
      describeCrmStoreConformance({ name: "down", createStore, describe: runner.describe, test: runner.test, collections: ["tickets"] });
      const results = await runner.run((n) => n.includes("[crud] tickets: a minimal"));
      expect(results).toHaveLength(1);
      expect(results[0]!.status).toBe("failed");
      expect((results[0]!.error as Error).message).toMatch(/check: createStore\(\)[\s\S]*no database/);
      expect(await runner.names()).toHaveLength(40);
    }
  });

  it("rejects invalid options with INVALID_INPUT", () => {
    const runner = createCollectingRunner();
    const ok = { name: "m", createStore: () => createMemoryStore(), describe: runner.describe, test: runner.test };
    const bad: unknown[] = [
      null,
      { ...ok, name: "" },
      { ...ok, name: 3 },
      { ...ok, createStore: createMemoryStore() },
      { ...ok, describe: undefined },
      { ...ok, test: "vitest" },
      { ...ok, collections: [] },
      { ...ok, collections: ["contacts"] },
      { ...ok, collections: ["deals", "deals"] },
      { ...ok, capabilities: "all" },
    ];
    for (const options of bad) {
      expect(() => describeCrmStoreConformance(options as never), JSON.stringify(options)).toThrow(
        expect.objectContaining({ code: "INVALID_INPUT" }) as unknown as Error,
      );
    }
  });
});

describe("the kit fails, naming the rule, on broken stores", () => {
  it("a tenant leak breaks the [tenancy] rules and nothing else", async () => {
    const results = await runKit(BROKEN_STORES.tenantLeak, has("[tenancy]", "[crud] transactions", "[versions] transactions: version is 1"));
    const messages = expectBroken(results, "[tenancy]");
    expect(messages.join("\n")).toContain('in tenant b');
    expectStatus(results, "[crud] transactions", "passed");
    expectStatus(results, "[versions] transactions: version is 1", "passed");
  });

  it("a tenant leak declared as multiTenant: false is skipped, saying why", async () => {
    const results = await runKit(() => patchMemoryStore(() => ({}), { tenantOf: () => "shared", capabilities: { ...FULL_CAPABILITIES, multiTenant: false } }), has("[tenancy]", "[store]"));
    for (const r of expectStatus(results, "[tenancy]", "skipped")) expect(r.name).toContain("[skipped: adapter declares multiTenant false] [tenancy]");
    expectStatus(results, "[store]", "passed");
  });

  it("a store that skips a row across pages breaks [paging] and [stream]", async () => {
    const results = await runKit(BROKEN_STORES.skipsRowAcrossPages, has("[paging] transactions: paging with any limit", "[stream]", "[crud] transactions: a full"));
    expect(expectBroken(results, "[paging] transactions: paging with any limit").join("\n")).toMatch(/missing \["q-/);
    expectBroken(results, "[stream]");
    expectStatus(results, "[crud] transactions: a full", "passed");
  });

  it("a store that repeats a row across pages breaks [paging]", async () => {
    const results = await runKit(BROKEN_STORES.repeatsRowAcrossPages, has("[paging] transactions: paging with any limit", "[paging] transactions: rows inserted"));
    expect(expectBroken(results, "[paging] transactions: paging with any limit").join("\n")).toContain("repeated");
    expectBroken(results, "[paging] transactions: rows inserted");
  });

  it("offset cursors pass static paging but break paging under concurrent writes", async () => {
    const results = await runKit(() => createMinimalStore({ offsetCursors: true }), has("[paging]"));
    expectStatus(results, "[paging] transactions: paging with any limit", "passed");
    expectStatus(results, "[paging] transactions: a page holds", "passed");
    expect(expectBroken(results, "[paging] transactions: rows inserted").join("\n")).toMatch(/strictly increasing|skipped/);
  });

  it("offset cursors declared as consistentPagingUnderWrites: false skip that rule — with test.skip, or as a named passing test without it", async () => {
    const caps = { ...FULL_CAPABILITIES, consistentPagingUnderWrites: false };
    const results = await runKit(() => createMinimalStore({ offsetCursors: true }, caps), has("[paging]"));
    const [skipped] = expectStatus(results, "[paging] transactions: rows inserted", "skipped");
    expect(skipped!.name).toContain("[skipped: adapter declares consistentPagingUnderWrites false] [paging] transactions: rows inserted");
    const noSkip = await runKit(() => createMinimalStore({ offsetCursors: true }, caps), has("[paging]"), { withSkip: false });
    const [named] = expectStatus(noSkip, "[paging] transactions: rows inserted", "passed");
    expect(named!.name).toContain("[skipped: adapter declares consistentPagingUnderWrites false]");
  });

  it("a lost update (expectedVersion ignored) breaks the [versions] conflict rules", async () => {
    const results = await runKit(BROKEN_STORES.lostUpdate, has("[versions] transactions"));
    expect(expectBroken(results, "[versions] transactions: an upsert with a stale expectedVersion").join("\n")).toContain("CONFLICT");
    expectBroken(results, "[versions] transactions: expectedVersion 0 only creates");
    expectBroken(results, "[versions] transactions: a version property");
    expectBroken(results, "[versions] transactions: concurrent writes");
    expectBroken(results, "[versions] transactions: delete with a stale expectedVersion");
    expectStatus(results, "[versions] transactions: version is 1 on insert", "passed");
  });

  it("an unvalidated write breaks [validation]", async () => {
    const results = await runKit(BROKEN_STORES.unvalidatedWrite, has("[validation] transactions: an invalid entity", "[crud] transactions: a minimal"));
    expect(expectBroken(results, "[validation] transactions: an invalid entity").join("\n")).toMatch(/expected: a CrmkitError with code INVALID_INPUT[\s\S]*no error/);
    expectStatus(results, "[crud] transactions: a minimal", "passed");
  });

  it("a partial upsertMany breaks [upsertMany] atomicity", async () => {
    const results = await runKit(BROKEN_STORES.partialUpsertMany, has("[upsertMany]"));
    expectBroken(results, "[upsertMany] transactions: an invalid entity anywhere");
    expectStatus(results, "[upsertMany] transactions: upsertMany writes every entity", "passed");
  });

  it("dates returned as strings break [crud] and [schema], naming the field", async () => {
    const results = await runKit(BROKEN_STORES.datesAsStrings, has("[crud] transactions: a full", "[schema] deals"));
    expect(expectBroken(results, "[crud] transactions: a full").join("\n")).toMatch(/occurredAt: expected Date\(2024-05-03T18:20:00\.001Z\) \(a Date\), got "2024-05-03T18:20:00\.001Z" \(a string\)/);
    expectBroken(results, "[schema] deals");
  });

  it("a filter that ignores a key breaks exactly that key's [filter] rule", async () => {
    const results = await runKit(() => BROKEN_STORES.ignoresFilterKey("deals", "closedAt"), has("[filter] deals"));
    expect(expectBroken(results, "[filter] deals.closedAt (range)").join("\n")).toContain("unexpected");
    expectStatus(results, "[filter] deals.createdAt (range)", "passed");
    expectStatus(results, "[filter] deals.status (equality)", "passed");
  });

  it("an inclusive range end breaks the [filter] range rules", async () => {
    const results = await runKit(BROKEN_STORES.inclusiveRangeEnd, has("[filter] transactions.occurredAt", "[filter] transactions.kind"));
    expectBroken(results, "[filter] transactions.occurredAt (range)");
    expectStatus(results, "[filter] transactions.kind (equality)", "passed");
  });

  it("UTF-16 id order breaks [order] (code points)", async () => {
    const results = await runKit(() => createMinimalStore({ utf16IdOrder: true }), has("[order]"));
    expect(expectBroken(results, "[order] transactions").join("\n")).toContain("wrong order");
  });

  it("handing out shared objects breaks [copies]", async () => {
    const results = await runKit(BROKEN_STORES.sharedReturnedObjects, has("[copies]"));
    expectBroken(results, "[copies] transactions: changing an entity returned");
    expectStatus(results, "[copies] transactions: changing an object after passing it", "passed");
  });

  it("throwing on a missing id breaks [not-found], with the adapter's error as cause", async () => {
    const results = await runKit(BROKEN_STORES.throwsOnMissing, has("[not-found] transactions", "[crud] transactions: delete"));
    const [failed] = results.filter((r) => r.name.includes("[not-found]"));
    expect(failed!.status).toBe("failed");
    const e = failed!.error as CrmkitError;
    expect(e.code).toBe("CONFORMANCE");
    expect(e.message).toContain('transactions.get("missing")');
    expect(e.message).toContain("the call threw Error: transactions missing not found");
    expect((e.cause as Error).message).toContain("not found");
    expectBroken(results, "[crud] transactions: delete");
  });

  it("versions that never grow break [versions]", async () => {
    const results = await runKit(BROKEN_STORES.frozenVersion, has("[versions] transactions: version is 1"));
    expect(expectBroken(results, "[versions] transactions: version is 1").join("\n")).toContain("version 2");
  });

  it("reports a createStore() that throws, and a close() that throws, as conformance failures", async () => {
    let calls = 0;
    const results = await runKit(
      () => {
        if (calls++ > 0) throw new Error("database unreachable");
        return createMemoryStore();
      },
      has("[store] forTenant"),
    );
    expect(results[0]!.status).toBe("failed");
    expect((results[0]!.error as Error).message).toMatch(/createStore\(\)[\s\S]*database unreachable/);
    const closing = await runKit(
      () => ({ ...createMemoryStore(), close: async () => Promise.reject(new Error("pool already closed")) }),
      has("[store] forTenant"),
    );
    expect((closing[0]!.error as Error).message).toMatch(/close\(\)[\s\S]*pool already closed/);
  });
});

describe("docs/adapters.md", () => {
  it("documents every rule the kit registers, by its test name", async () => {
    const doc = await readFile(new URL("../../docs/adapters.md", import.meta.url), "utf8");
    const templates = new Set(buildRules(["customers", "deals", "transactions"]).map((r) => r.template));
    const missing = [...templates].filter((t) => !doc.includes(`\`${t}\``));
    expect(missing).toEqual([]);
  });
});
