import { invalidInput } from "../errors/invalid-input.js";
import type { EntityCollection, EntityMap } from "../model/entities.js";
import { parseListQuery } from "./query-spec.js";
import type { FilterMap, OrderFieldMap, StreamQuery } from "./query.js";
import type { Repository, RepositoryCore, WriteOptions } from "./repository.js";
import type { EntityInput, Stored } from "./stored.js";
import { prepareWrite } from "./validate.js";

/**
 * Turns the four methods an adapter must write into a full {@link Repository}:
 * `getMany` from `get`, `stream` and `count` by paging `list`, `upsertMany` by
 * validating everything and then calling `upsert` in order. Pass faster versions in
 * `overrides` where the database can do better.
 *
 * @example
 * ```ts
 * import { completeRepository, type RepositoryCore } from "crmkit/repository";
 * declare const core: RepositoryCore<"tickets">;
 * const tickets = completeRepository("tickets", core);
 * for await (const t of tickets.stream({ filter: { status: "open" } })) console.log(t.id);
 * ```
 */
export function completeRepository<K extends EntityCollection>(
  collection: K,
  core: RepositoryCore<K>,
  overrides: Partial<Omit<Repository<K>, keyof RepositoryCore<K>>> = {},
): Repository<K> {
  type T = Stored<EntityMap[K]>;

  async function getMany(ids: readonly string[]): Promise<T[]> {
    if (!Array.isArray(ids)) throw invalidInput(`${collection}.getMany(ids)`, ids, "an array of ids");
    const unique = [...new Set(ids)];
    const found: (T | null)[] = await Promise.all(unique.map((id) => core.get(id)));
    const out: T[] = [];
    for (const e of found) if (e !== null) out.push(e);
    return out;
  }

  async function* stream(query: StreamQuery<FilterMap[K], OrderFieldMap[K]> = {}): AsyncIterable<T> {
    const q = parseListQuery(collection, { filter: query.filter, orderBy: query.orderBy, limit: query.batchSize ?? 1000 });
    let cursor: string | null = null;
    do {
      const page = await core.list({ filter: q.filter, orderBy: q.orderBy, limit: q.limit, cursor });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== null);
  }

  const repo: Repository<K> = {
    get: (id) => core.get(id),
    list: (query) => core.list(query),
    upsert: (entity, options) => core.upsert(entity, options),
    delete: (id, options) => core.delete(id, options),
    getMany,
    stream,
    async count(filter?: FilterMap[K]): Promise<number> {
      let n = 0;
      for await (const _ of repo.stream(filter === undefined ? {} : { filter })) n++;
      return n;
    },
    async upsertMany(entities: readonly EntityInput<K>[], options?: Omit<WriteOptions, "expectedVersion">): Promise<T[]> {
      if (!Array.isArray(entities)) throw invalidInput(`${collection}.upsertMany(entities)`, entities, "an array of entities");
      for (const e of entities) prepareWrite(collection, e);
      const out: T[] = [];
      for (const e of entities) out.push(await core.upsert(e, options));
      return out;
    },
    ...overrides,
  };
  return repo;
}
