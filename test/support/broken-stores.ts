import { isCrmkitError } from "../../src/errors/index.js";
import type { EntityCollection } from "../../src/model/index.js";
import { ENTITY_COLLECTIONS } from "../../src/model/index.js";
import {
  createMemoryStore,
  encodeCursor,
  parseListQuery,
  sortKeyOf,
  validateId,
  type CrmStore,
  type CrmStoreProvider,
  type Repository,
  type StoreCapabilities,
} from "../../src/repository/index.js";

// Loose types: broken stores deliberately return what the contract forbids.
type AnyRepo = Record<keyof Repository<EntityCollection>, (...args: any[]) => any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type RepoPatch = (collection: EntityCollection, repo: AnyRepo, tenantId: string) => Partial<AnyRepo>;

/** The memory store with some repository methods replaced (and optionally another tenant mapping or capabilities). */
export function patchMemoryStore(
  patch: RepoPatch,
  options: { tenantOf?: (tenantId: string) => string; capabilities?: StoreCapabilities } = {},
): CrmStoreProvider {
  const base = createMemoryStore();
  const capabilities = options.capabilities ?? base.capabilities;
  const cache = new Map<string, CrmStore>();
  const tenantOf = options.tenantOf ?? ((t: string) => t);
  return {
    capabilities,
    forTenant(tenantId: string) {
      validateId("forTenant(tenantId)", tenantId);
      let store = cache.get(tenantId);
      if (store === undefined) {
        const inner = base.forTenant(tenantOf(tenantId));
        const repos = Object.fromEntries(
          ENTITY_COLLECTIONS.map((c) => {
            const repo = inner[c] as unknown as AnyRepo;
            return [c, { ...repo, ...patch(c, repo, tenantId) }];
          }),
        );
        store = { ...repos, tenantId, capabilities } as unknown as CrmStore;
        cache.set(tenantId, store);
      }
      return store;
    },
    close: () => base.close!(),
  };
}

function deepMap(value: unknown, f: (v: unknown) => unknown): unknown {
  const mapped = f(value);
  if (mapped !== value) return mapped;
  if (Array.isArray(value)) return value.map((v) => deepMap(v, f));
  if (typeof value === "object" && value !== null && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, f)]));
  }
  return value;
}

function mapReads(repo: AnyRepo, f: (entity: unknown) => unknown): Partial<AnyRepo> {
  return {
    get: async (id: string) => f(await repo.get(id)),
    getMany: async (ids: string[]) => ((await repo.getMany(ids)) as unknown[]).map(f),
    list: async (q: unknown) => {
      const page = (await repo.list(q)) as { items: unknown[]; nextCursor: string | null };
      return { ...page, items: page.items.map(f) };
    },
    stream: async function* (q: unknown) {
      for await (const e of repo.stream(q) as AsyncIterable<unknown>) yield f(e);
    },
    upsert: async (e: unknown, o: unknown) => f(await repo.upsert(e, o)),
    upsertMany: async (es: unknown, o: unknown) => ((await repo.upsertMany(es, o)) as unknown[]).map(f),
  };
}

function keyAfter(collection: EntityCollection, query: unknown, entity: unknown): string {
  const q = parseListQuery(collection, query as object);
  return encodeCursor({ collection, orderBy: q.orderBy, after: sortKeyOf(collection, q.orderBy, entity as never) });
}

function withoutVersion(e: unknown): unknown {
  if (typeof e !== "object" || e === null) return e;
  const { version: _v, ...rest } = e as Record<string, unknown>;
  return rest;
}

/** Deliberately broken stores, each getting one rule of the contract wrong. */
export const BROKEN_STORES = {
  /** Every tenant sees one shared store. */
  tenantLeak: () => patchMemoryStore(() => ({}), { tenantOf: () => "shared" }),

  /** Each page's cursor points past the first row of the next page: one row skipped per page. */
  skipsRowAcrossPages: () =>
    patchMemoryStore((c, repo) => ({
      list: async (query?: { limit?: number }) => {
        const limit = query?.limit ?? 100;
        if (limit >= 1000) return repo.list(query);
        const page = (await repo.list({ ...query, limit: limit + 1 })) as { items: unknown[]; nextCursor: string | null };
        if (page.items.length <= limit) return page;
        return { items: page.items.slice(0, limit), nextCursor: keyAfter(c, query, page.items[limit]) };
      },
    })),

  /** Each page's cursor points before its last row, which the next page repeats. */
  repeatsRowAcrossPages: () =>
    patchMemoryStore((c, repo) => ({
      list: async (query?: unknown) => {
        const page = (await repo.list(query)) as { items: unknown[]; nextCursor: string | null };
        if (page.nextCursor === null || page.items.length < 2) return page;
        return { ...page, nextCursor: keyAfter(c, query, page.items.at(-2)) };
      },
    })),

  /** Ignores expectedVersion and the version property: last write wins, always. */
  lostUpdate: () =>
    patchMemoryStore((_c, repo) => ({
      upsert: (e: unknown) => repo.upsert(withoutVersion(e)),
      upsertMany: (es: unknown[]) => repo.upsertMany(Array.isArray(es) ? es.map(withoutVersion) : es),
      delete: (id: string) => repo.delete(id),
    })),

  /** Accepts invalid entities: answers as if it had stored them. */
  unvalidatedWrite: () =>
    patchMemoryStore((_c, repo) => ({
      upsert: async (e: unknown, o: unknown) => {
        try {
          return await repo.upsert(e, o);
        } catch (error) {
          if (isCrmkitError(error, "INVALID_INPUT")) return { ...(e as object), version: 1 };
          throw error;
        }
      },
    })),

  /** upsertMany writes entity by entity and stops at the first invalid one, keeping the earlier writes. */
  partialUpsertMany: () =>
    patchMemoryStore((_c, repo) => ({
      upsertMany: async (es: unknown[]) => {
        const out: unknown[] = [];
        for (const e of es) out.push(await repo.upsert(e));
        return out;
      },
    })),

  /** Returns dates as ISO strings (a JSON column read back without revival). */
  datesAsStrings: () => patchMemoryStore((_c, repo) => mapReads(repo, (e) => deepMap(e, (v) => (v instanceof Date ? v.toISOString() : v)))),

  /** Drops one filter key of one collection before querying (a column the adapter forgot to map). */
  ignoresFilterKey: (collection: EntityCollection, key: string) =>
    patchMemoryStore((c, repo) => {
      if (c !== collection) return {};
      const drop = (filter: unknown) => {
        if (typeof filter !== "object" || filter === null) return filter;
        const { [key]: _dropped, ...rest } = filter as Record<string, unknown>;
        return rest;
      };
      return {
        list: (q?: { filter?: unknown }) => repo.list(q === undefined ? q : { ...q, filter: drop(q.filter) }),
        stream: (q?: { filter?: unknown }) => repo.stream(q === undefined ? q : { ...q, filter: drop(q.filter) }),
        count: (f?: unknown) => repo.count(drop(f)),
      };
    }),

  /** Treats the upper bound of time ranges as inclusive (`<=` instead of `<`). */
  inclusiveRangeEnd: () =>
    patchMemoryStore((_c, repo) => {
      const widen = (filter: unknown) =>
        typeof filter !== "object" || filter === null
          ? filter
          : Object.fromEntries(
              Object.entries(filter).map(([k, v]) =>
                typeof v === "object" && v !== null && (v as { to?: unknown }).to instanceof Date
                  ? [k, { ...v, to: new Date((v as { to: Date }).to.getTime() + 1) }]
                  : [k, v],
              ),
            );
      return {
        list: (q?: { filter?: unknown }) => repo.list(q === undefined ? q : { ...q, filter: widen(q.filter) }),
        stream: (q?: { filter?: unknown }) => repo.stream(q === undefined ? q : { ...q, filter: widen(q.filter) }),
        count: (f?: unknown) => repo.count(widen(f)),
      };
    }),

  /** Hands out the same object for an id on every read, so a caller's change shows up in later reads. */
  sharedReturnedObjects: () =>
    patchMemoryStore((_c, repo) => {
      const handedOut = new Map<string, unknown>();
      const share = (e: unknown) => {
        if (typeof e !== "object" || e === null) return e;
        const id = (e as { id: string }).id;
        const version = (e as { version: number }).version;
        const prior = handedOut.get(`${id}@${version}`);
        if (prior !== undefined) return prior;
        handedOut.set(`${id}@${version}`, e);
        return e;
      };
      return mapReads(repo, share);
    }),

  /** Throws NOT_FOUND for a missing id instead of returning null, and says true when deleting nothing. */
  throwsOnMissing: () =>
    patchMemoryStore((c, repo) => ({
      get: async (id: string) => {
        const e = await repo.get(id);
        if (e === null) throw Object.assign(new Error(`${c} ${id} not found`), { code: "NOT_FOUND" });
        return e;
      },
      delete: async (id: string, o: unknown) => {
        await repo.delete(id, o);
        return true;
      },
    })),

  /** Versions never grow: every write reports version 1. */
  frozenVersion: () => patchMemoryStore((_c, repo) => mapReads(repo, (e) => (typeof e === "object" && e !== null ? { ...e, version: 1 } : e))),
} as const;
