import { invalidInput } from "../errors/invalid-input.js";
import { ENTITY_COLLECTIONS, type EntityCollection } from "../model/entities.js";
import type { StoreCapabilities } from "../repository/capabilities.js";
import type { CrmStoreProvider } from "../repository/store.js";
import { buildRules } from "./conformance/rules/index.js";
import { runRule } from "./conformance/run-rule.js";

/**
 * The body of one conformance test, as the kit hands it to the runner's `test`.
 *
 * @example
 * ```ts
 * import type { ConformanceTestBody } from "crmkit/testing";
 * const body: ConformanceTestBody = async () => {};
 * ```
 */
export type ConformanceTestBody = () => Promise<void>;

/**
 * The `test` (or `it`) function of the caller's test runner: vitest's, node:test's,
 * or any function with this shape. When it has a `skip` method (both have), rules of
 * a capability the adapter declares `false` are registered with it; otherwise they
 * are registered as passing tests whose name starts with `[skipped: …]`.
 *
 * @example
 * ```ts
 * import type { ConformanceTestFunction } from "crmkit/testing";
 * const names: string[] = [];
 * const collect: ConformanceTestFunction = (name) => { names.push(name); };
 * ```
 */
export interface ConformanceTestFunction {
  (name: string, body: ConformanceTestBody): unknown;
  skip?: (name: string, body: ConformanceTestBody) => unknown;
}

/**
 * The `describe` function of the caller's test runner. The kit calls it once, with
 * the adapter's name; its body registers the tests. The body is asynchronous only when
 * `createStore` is (it awaits a store to read the capabilities); vitest and node:test
 * both await such bodies — with another runner, pass `capabilities`.
 *
 * @example
 * ```ts
 * import type { ConformanceDescribeFunction } from "crmkit/testing";
 * const describe: ConformanceDescribeFunction = (_name, body) => body();
 * ```
 */
export type ConformanceDescribeFunction = (name: string, body: () => void | Promise<void>) => unknown;

/**
 * Options of {@link describeCrmStoreConformance}.
 *
 * @example
 * ```ts
 * import { describe, test } from "vitest";
 * import { createMemoryStore } from "crmkit/repository";
 * import type { CrmStoreConformanceOptions } from "crmkit/testing";
 * const options: CrmStoreConformanceOptions = { name: "memory store", createStore: () => createMemoryStore(), describe, test };
 * ```
 */
export interface CrmStoreConformanceOptions {
  /** The adapter's name: the `describe` block's title. */
  readonly name: string;
  /**
   * Makes a fresh, empty store provider. Called once per test (and closed with
   * `close()` after it), and once more at registration to read the capabilities
   * unless `capabilities` is given. May be async (connect, migrate, truncate).
   */
  readonly createStore: () => CrmStoreProvider | Promise<CrmStoreProvider>;
  /** The runner's `describe`. */
  readonly describe: ConformanceDescribeFunction;
  /** The runner's `test` or `it`. */
  readonly test: ConformanceTestFunction;
  /** The collections to test (default: all twelve). Store-wide rules run on `transactions` when it is selected, else on the first. */
  readonly collections?: readonly EntityCollection[];
  /**
   * The capabilities to assume when registering (which rules to skip), instead of
   * reading them from a store made at registration. The `[store]` rule still checks
   * that the stores declare them.
   */
  readonly capabilities?: StoreCapabilities;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === "object" || typeof v === "function") && v !== null && typeof (v as { then?: unknown }).then === "function";
}

function checkOptions(options: CrmStoreConformanceOptions): readonly EntityCollection[] {
  const where = "describeCrmStoreConformance(options)";
  if (typeof options !== "object" || options === null) throw invalidInput(where, options, "an object { name, createStore, describe, test }");
  if (typeof options.name !== "string" || options.name.trim() === "") throw invalidInput(`${where}.name`, options.name, "a non-empty string naming the adapter");
  for (const key of ["createStore", "describe", "test"] as const) {
    if (typeof options[key] !== "function") throw invalidInput(`${where}.${key}`, options[key], "a function");
  }
  const collections = options.collections ?? ENTITY_COLLECTIONS;
  if (!Array.isArray(collections) || collections.length === 0) {
    throw invalidInput(`${where}.collections`, collections, `a non-empty array of collection names (${ENTITY_COLLECTIONS.join(", ")})`);
  }
  const seen = new Set<string>();
  for (const c of collections) {
    if (!ENTITY_COLLECTIONS.includes(c)) throw invalidInput(`${where}.collections`, c, `a collection name (${ENTITY_COLLECTIONS.join(", ")})`);
    if (seen.has(c)) throw invalidInput(`${where}.collections`, c, "each collection once");
    seen.add(c);
  }
  if (options.capabilities !== undefined && (typeof options.capabilities !== "object" || options.capabilities === null)) {
    throw invalidInput(`${where}.capabilities`, options.capabilities, "a StoreCapabilities object");
  }
  return collections;
}

/**
 * Registers the adapter conformance suite with the caller's test runner: one test per
 * rule of the repository contract — CRUD round-trips, schema-valid results, not-found
 * behaviour, validation rejections that write nothing, the filter semantics of every
 * key, ordering in code-point order with id tie-breaks, cursor pagination that neither
 * skips nor repeats rows (also while rows are written), `stream`, `count`, `getMany`,
 * tenant isolation, versions and conflicts, `upsertMany` atomicity on invalid input
 * and defensive copies. Each test runs on a fresh store from `createStore` and is
 * named after its rule (`"[tenancy] transactions: an entity written in one tenant is
 * invisible from another …"`). A rule is skipped only when the adapter declares its
 * capability `false`, and its test name says so. A broken rule fails with a
 * `CrmkitError` of code `CONFORMANCE` whose message names the rule, the collection,
 * the check, what was expected and what the adapter returned.
 *
 * The kit brings its own assertions and imports no test framework: pass vitest's or
 * node:test's `describe` and `test` (see `docs/adapters.md`). Throws `INVALID_INPUT`
 * for invalid options.
 *
 * @example
 * ```ts
 * // test/my-adapter.conformance.test.ts (vitest)
 * import { describe, test } from "vitest";
 * import { createMemoryStore } from "crmkit/repository";
 * import { describeCrmStoreConformance } from "crmkit/testing";
 *
 * describeCrmStoreConformance({ name: "memory store", createStore: () => createMemoryStore(), describe, test });
 * ```
 */
export function describeCrmStoreConformance(options: CrmStoreConformanceOptions): void {
  const collections = checkOptions(options);
  const { name, createStore, describe, test } = options;
  const rules = buildRules(collections);

  const register = (caps: StoreCapabilities | undefined): void => {
    for (const rule of rules) {
      if (rule.requires !== null && caps?.[rule.requires] === false) {
        const skipped = `[skipped: adapter declares ${rule.requires} false] ${rule.name}`;
        if (typeof test.skip === "function") test.skip(skipped, async () => {});
        else test(skipped, async () => {});
      } else {
        test(rule.name, () => runRule(rule, createStore));
      }
    }
  };

  describe(name, () => {
    if (options.capabilities !== undefined) return register(options.capabilities);
    // Read the capabilities from a store made now. If that fails, register every rule anyway:
    // each test then fails on its own createStore() call, with a CONFORMANCE message.
    let probe: ReturnType<typeof createStore>;
    try {
      probe = createStore();
    } catch {
      return register(undefined);
    }
    if (!isThenable(probe)) {
      const provider = probe as CrmStoreProvider | null;
      register(provider?.capabilities);
      // The probe only told us the capabilities; close it without making registration async.
      void Promise.resolve()
        .then(() => provider?.close?.())
        .catch(() => undefined);
      return;
    }
    return (async () => {
      let provider: CrmStoreProvider | null = null;
      try {
        provider = (await probe) as CrmStoreProvider | null;
      } catch {
        return register(undefined);
      }
      register(provider?.capabilities);
      await provider?.close?.();
    })();
  });
}
