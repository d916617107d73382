import type { EntityCollection } from "../../../model/entities.js";
import type { ConformanceRule } from "../rule.js";
import { copyRules } from "./copies.js";
import { crudRules, valueRules } from "./crud.js";
import { filterRules } from "./filter.js";
import { orderRules } from "./order.js";
import { pagingRules } from "./paging.js";
import { purchaseSummaryRules } from "./purchase-summary.js";
import { readRules } from "./reads.js";
import { storeRules } from "./store.js";
import { isolationRules, tenancyRules } from "./tenancy.js";
import { upsertManyRules } from "./upsert-many.js";
import { argumentRules, validationRules } from "./validation.js";
import { concurrencyRules, versionRules } from "./versions.js";

/**
 * Every rule of the contract for the given collections, in registration order:
 * store-wide rules, the per-collection rules (CRUD, schema, validation, queries,
 * every filter key, order, tenancy, versions), then the rules of the repository
 * mechanics (paging, stream, count, getMany, isolation, concurrency, upsertMany,
 * copies), run on one collection — `transactions` when selected — since every
 * collection shares them; last, the purchase-summary pushdown, when `transactions` is
 * selected.
 * @internal
 */
export function buildRules(collections: readonly EntityCollection[]): ConformanceRule[] {
  const primary: EntityCollection = collections.includes("transactions") ? "transactions" : collections[0]!;
  const nested: EntityCollection = collections.includes("customers") ? "customers" : primary;
  const other = collections.find((c) => c !== primary) ?? null;
  const rules: ConformanceRule[] = [...storeRules(collections)];
  for (const c of collections) {
    rules.push(
      ...crudRules(c),
      ...validationRules(c),
      ...filterRules(c),
      ...orderRules(c),
      ...tenancyRules(c),
      ...versionRules(c),
    );
  }
  rules.push(
    ...valueRules(primary, collections.includes("transactions")),
    ...argumentRules(primary),
    ...pagingRules(primary, other),
    ...readRules(primary),
    ...isolationRules(primary),
    ...concurrencyRules(primary),
    ...upsertManyRules(primary),
    ...copyRules(nested),
  );
  if (collections.includes("transactions")) rules.push(...purchaseSummaryRules());
  return rules;
}
