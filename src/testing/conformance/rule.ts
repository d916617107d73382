import type { EntityCollection } from "../../model/entities.js";
import type { StoreCapabilities } from "../../repository/capabilities.js";
import type { CrmStoreProvider } from "../../repository/store.js";
import type { Checker } from "./checker.js";
import type { StoreUnderTest } from "./store-under-test.js";

/**
 * The capabilities a rule can depend on: a rule is skipped (and says so) only when
 * the adapter declares its capability `false`.
 * @internal
 */
export type RuleCapability = "multiTenant" | "optimisticConcurrency" | "consistentPagingUnderWrites" | "purchaseSummary";

/** What a rule runs with: a fresh provider, its tenants and the rule's checker. @internal */
export interface RuleContext {
  readonly check: Checker;
  readonly provider: CrmStoreProvider;
  readonly capabilities: StoreCapabilities;
  /** The kit's tenants `"a"` and `"b"` (ids {@link TENANT_A}, {@link TENANT_B}), or any tenant id. */
  tenant(which: string): StoreUnderTest;
}

/** One rule of the contract, registered as one test. @internal */
export interface ConformanceRule {
  /** The rule as documented, with `<collection>`, `<key>`, `<timeField>`, `<Entity>` placeholders. */
  readonly template: string;
  /** The test name: the template with the placeholders filled in. */
  readonly name: string;
  readonly collection: EntityCollection | null;
  readonly requires: RuleCapability | null;
  run(ctx: RuleContext): Promise<void>;
}

/** Tenant ids the kit writes to. @internal */
export const TENANT_A = "crmkit-conformance-a";
/** @internal */
export const TENANT_B = "crmkit-conformance-b";

/** Builds a rule, filling the template's placeholders. @internal */
export function defineRule(
  template: string,
  params: { readonly collection: EntityCollection | null; readonly key?: string; readonly timeField?: string; readonly entity?: string },
  requires: RuleCapability | null,
  run: (ctx: RuleContext) => Promise<void>,
): ConformanceRule {
  const name = template
    .replaceAll("<collection>", params.collection ?? "")
    .replaceAll("<key>", params.key ?? "")
    .replaceAll("<timeField>", params.timeField ?? "")
    .replaceAll("<Entity>", params.entity ?? "");
  return { template, name, collection: params.collection, requires, run };
}
