import { isCrmkitError } from "../../errors/crmkit-error.js";
import type { StoreCapabilities } from "../../repository/capabilities.js";
import type { CrmStoreProvider } from "../../repository/store.js";
import { Checker } from "./checker.js";
import { conformanceFailure, describeError } from "./conformance-failure.js";
import { render } from "./render.js";
import { TENANT_A, TENANT_B, type ConformanceRule, type RuleContext } from "./rule.js";
import { CallJournal, storeUnderTest } from "./store-under-test.js";

function isProvider(p: unknown): p is CrmStoreProvider {
  return typeof p === "object" && p !== null && typeof (p as { forTenant?: unknown }).forTenant === "function";
}

/**
 * Runs one rule on a fresh store from `createStore`, closing it afterwards. Anything
 * the rule or the adapter throws becomes a `CONFORMANCE` error naming the rule (an
 * adapter error keeps the call that raised it and is the `cause`).
 * @internal
 */
export async function runRule(rule: ConformanceRule, createStore: () => CrmStoreProvider | Promise<CrmStoreProvider>): Promise<void> {
  const fail = (check: string, expected: string, actual: string, cause?: unknown) => conformanceFailure(rule.name, rule.collection, check, expected, actual, cause);
  let provider: unknown;
  try {
    provider = await createStore();
  } catch (error) {
    throw fail("createStore()", "a CrmStoreProvider", `it threw ${describeError(error)}`, error);
  }
  if (!isProvider(provider)) throw fail("createStore()", "a CrmStoreProvider (an object with forTenant)", render(provider));
  const journal = new CallJournal();
  const check = new Checker(rule.name, rule.collection);
  const ctx: RuleContext = {
    check,
    provider,
    capabilities: (provider.capabilities ?? {}) as StoreCapabilities,
    tenant(which) {
      const id = which === "a" ? TENANT_A : which === "b" ? TENANT_B : which;
      return storeUnderTest(provider.forTenant(id), `tenant ${JSON.stringify(id)}`, journal);
    },
  };
  let failure: unknown = null;
  try {
    await rule.run(ctx);
  } catch (error) {
    if (isCrmkitError(error, "CONFORMANCE")) failure = error;
    else {
      const call = journal.callOf(error);
      failure = fail(call ?? "running the rule", "no error", `${call === null ? "" : "the call threw "}${describeError(error)}`, error);
    }
  }
  try {
    await provider.close?.();
  } catch (error) {
    failure ??= fail("provider.close()", "the store to close", `it threw ${describeError(error)}`, error);
  }
  if (failure !== null) throw failure;
}
