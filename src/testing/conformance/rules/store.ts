import { ENTITY_COLLECTIONS, type EntityCollection } from "../../../model/entities.js";
import { fixtureOf } from "../fixtures/index.js";
import { render } from "../render.js";
import { defineRule, TENANT_A, TENANT_B, type ConformanceRule } from "../rule.js";

const CAPABILITY_KEYS = ["multiTenant", "optimisticConcurrency", "consistentPagingUnderWrites", "purchaseSummary"] as const;

/** The provider-level rules. @internal */
export function storeRules(collections: readonly EntityCollection[]): ConformanceRule[] {
  const first = collections[0]!;
  return [
    defineRule(
      "[store] createStore() gives an empty store; forTenant(t) is scoped to t, declares the provider's capabilities (each a boolean) and sees the same data when called again",
      { collection: null },
      null,
      async (ctx) => {
        const { check, provider } = ctx;
        const caps = provider.capabilities as unknown as Record<string, unknown> | undefined;
        if (typeof caps !== "object" || caps === null) return check.fail("provider.capabilities", "an object of booleans", render(caps));
        for (const key of CAPABILITY_KEYS) {
          if (typeof caps[key] !== "boolean") check.fail(`provider.capabilities.${key}`, "a boolean", render(caps[key]));
        }
        for (const [label, id] of [
          ["a", TENANT_A],
          ["b", TENANT_B],
        ] as const) {
          const store = ctx.tenant(label);
          check.same(`forTenant(${JSON.stringify(id)}).tenantId`, id, store.tenantId);
          check.equal(`forTenant(${JSON.stringify(id)}).capabilities`, caps, store.capabilities);
          for (const c of ENTITY_COLLECTIONS) {
            check.same(`${c}.count() in a new store, tenant ${JSON.stringify(id)}`, 0, await store.repo(c).count());
          }
        }
        const input = fixtureOf(first).minimal("same-data");
        await ctx.tenant("a").repo(first).upsert(input);
        const again = ctx.tenant(TENANT_A); // a second forTenant call for the same tenant
        check.stored(`${first}.get("same-data") through a second forTenant(${JSON.stringify(TENANT_A)})`, first, input, 1, await again.repo(first).get("same-data"));
      },
    ),
    defineRule("[store] forTenant rejects an invalid tenant id (empty, 257 characters, a control character, not a string) with INVALID_INPUT", { collection: null }, null, async (ctx) => {
      const { check, provider } = ctx;
      for (const bad of ["", "t".repeat(257), "bad\ntenant", 42, null, undefined]) {
        await check.rejects(`forTenant(${render(bad)})`, "INVALID_INPUT", () => provider.forTenant(bad as string));
      }
    }),
  ];
}
