import { invalidInput } from "../../src/errors/index.js";
import type { EntityCollection, EntityMap } from "../../src/model/index.js";
import { ENTITY_COLLECTIONS } from "../../src/model/index.js";
import {
  compareSortKeys,
  completeRepository,
  decodeCursor,
  encodeCursor,
  FULL_CAPABILITIES,
  matchesFilter,
  parseListQuery,
  prepareWrite,
  sortKeyOf,
  validateId,
  validateWriteOptions,
  versionConflict,
  type CrmStore,
  type CrmStoreProvider,
  type Repository,
  type RepositoryCore,
  type StoreCapabilities,
  type Stored,
} from "../../src/repository/index.js";

/** Bugs a minimal adapter can be built with, to prove the conformance kit catches them. */
export interface MinimalStoreDefects {
  /** Offset cursors ("skip n rows") instead of keyset cursors: rows inserted while paging shift the pages. */
  readonly offsetCursors?: boolean;
  /** Ids ordered by UTF-16 code unit (JavaScript's `<`) instead of by code point. */
  readonly utf16IdOrder?: boolean;
}

function compareUtf16(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return a.length - b.length;
}

/**
 * The smallest adapter the contract allows, written as docs/adapters.md describes:
 * a `RepositoryCore` per collection (get, list, upsert, delete over a Map, with
 * `prepareWrite`, `parseListQuery`, `matchesFilter`, `sortKeyOf` and keyset cursors)
 * and `completeRepository` for everything else. O(n log n) per page: for tests only.
 */
export function createMinimalStore(defects: MinimalStoreDefects = {}, capabilities: StoreCapabilities = FULL_CAPABILITIES): CrmStoreProvider {
  const tenants = new Map<string, CrmStore>();

  function core<K extends EntityCollection>(collection: K): RepositoryCore<K> {
    type T = EntityMap[K];
    const rows = new Map<string, { entity: T; version: number }>();
    const out = (r: { entity: T; version: number }): Stored<T> => ({ ...structuredClone(r.entity), version: r.version });
    const check = (id: string, expected: number | undefined) => {
      const actual = rows.get(id)?.version ?? 0;
      if (expected !== undefined && expected !== actual) throw versionConflict(collection, id, expected, actual === 0 ? null : actual);
    };
    return {
      async get(id) {
        validateId(`${collection}.get(id)`, id);
        const r = rows.get(id);
        return r === undefined ? null : out(r);
      },
      async list(query) {
        const q = parseListQuery(collection, query);
        const offsetCursor = `offset:${collection}:${q.orderBy}:`;
        if (defects.offsetCursors && q.cursor !== null && !(q.cursor.startsWith(offsetCursor) && /^\d+$/.test(q.cursor.slice(offsetCursor.length)))) {
          throw invalidInput(`${collection}.list(query).cursor`, q.cursor, "a cursor returned by a previous page");
        }
        const after = q.cursor === null ? null : defects.offsetCursors ? [Number(q.cursor.slice(offsetCursor.length))] : decodeCursor(q.cursor, collection, q.orderBy).after;
        const compare = defects.utf16IdOrder ? compareUtf16 : compareSortKeys;
        const matching = [...rows.values()]
          .filter((r) => matchesFilter(collection, r.entity, q.filter))
          .map((r) => ({ r, key: sortKeyOf(collection, q.orderBy, r.entity) }))
          .sort((a, b) => compare(a.key, b.key));
        let start: number;
        if (defects.offsetCursors) start = after === null ? 0 : (after[0] as number);
        else start = after === null ? 0 : matching.findIndex((m) => compare(m.key, after) > 0);
        if (start < 0) start = matching.length;
        const page = matching.slice(start, start + q.limit);
        const more = start + q.limit < matching.length;
        const next = !more ? null : defects.offsetCursors ? `${offsetCursor}${start + q.limit}` : encodeCursor({ collection, orderBy: q.orderBy, after: page.at(-1)!.key });
        return { items: page.map((m) => out(m.r)), nextCursor: next };
      },
      async upsert(input, options) {
        const { entity, expectedVersion } = prepareWrite(collection, input, options);
        check(entity.id, expectedVersion);
        const version = (rows.get(entity.id)?.version ?? 0) + 1;
        const row = { entity: structuredClone(entity), version };
        rows.set(entity.id, row);
        return out(row);
      },
      async delete(id, options) {
        validateId(`${collection}.delete(id)`, id);
        check(id, validateWriteOptions(`${collection}.delete`, options));
        return rows.delete(id);
      },
    };
  }

  return {
    capabilities,
    forTenant(tenantId) {
      validateId("forTenant(tenantId)", tenantId);
      let store = tenants.get(tenantId);
      if (store === undefined) {
        const repos = Object.fromEntries(ENTITY_COLLECTIONS.map((c) => [c, completeRepository(c, core(c))])) as { [K in EntityCollection]: Repository<K> };
        store = { ...repos, tenantId, capabilities };
        tenants.set(tenantId, store);
      }
      return store;
    },
  };
}
