import type { EntityCollection, EntityMap } from "../../model/entities.js";
import { compareSortKeys, matchesFilter, sortKeyOf } from "../../repository/query-spec.js";
import type { FilterMap, OrderFieldMap } from "../../repository/query.js";
import { validateEntity } from "../../repository/validate.js";
import type { CheckedEntity, Checker } from "./checker.js";
import type { Input } from "./fixtures/index.js";
import type { LooseRepository } from "./store-under-test.js";

const parsedInputs = new WeakMap<object, EntityMap[EntityCollection]>();

/** The parsed form of a fixture input (memoized: rules compare many queries against one set). @internal */
export function parsedInput(collection: EntityCollection, input: Input): EntityMap[EntityCollection] {
  let e = parsedInputs.get(input);
  if (e === undefined) {
    e = validateEntity(collection, input);
    parsedInputs.set(input, e);
  }
  return e;
}

/** The reference answer: the ids of `inputs` that match `filter`, in `orderBy` order (by the reference semantics). @internal */
export function expectedIds(collection: EntityCollection, inputs: readonly Input[], filter: Record<string, unknown> = {}, orderBy = "id"): string[] {
  return inputs
    .map((input) => parsedInput(collection, input))
    .filter((e) => matchesFilter(collection, e, filter as FilterMap[EntityCollection]))
    .map((e) => ({ id: e.id, key: sortKeyOf(collection, orderBy as OrderFieldMap[EntityCollection], e) }))
    .sort((a, b) => compareSortKeys(a.key, b.key))
    .map((r) => r.id);
}

/** The reference sort key of an entity the kit has checked. @internal */
export function sortKeyOfChecked(collection: EntityCollection, orderBy: string, e: CheckedEntity): readonly (string | number)[] {
  return sortKeyOf(collection, orderBy as OrderFieldMap[EntityCollection], e as unknown as EntityMap[EntityCollection]);
}

/** Writes `inputs` one by one with `upsert`, checking that each comes back as an entity with its id. @internal */
export async function seed(check: Checker, repo: LooseRepository, collection: EntityCollection, inputs: readonly Input[], what = "seeding"): Promise<CheckedEntity[]> {
  const out: CheckedEntity[] = [];
  for (const input of inputs) {
    const e = check.entity(`${what}: upsert(${JSON.stringify(input.id)})`, collection, await repo.upsert(input));
    check.same(`${what}: the id upsert returns`, input.id, e.id);
    out.push(e);
  }
  return out;
}

/** Every distinct value an accessor takes over `inputs` (undefined excluded), in first-seen order. @internal */
export function distinct<T>(values: readonly (T | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== undefined))];
}
