import { ENTITY_COLLECTIONS, type EntityCollection } from "../../model/entities.js";
import type { StoreCapabilities } from "../../repository/capabilities.js";
import type { CrmStore } from "../../repository/store.js";
import { render } from "./render.js";

/**
 * A repository as the kit drives it: everything the adapter returns is `unknown`
 * until the kit has checked it.
 * @internal
 */
export interface LooseRepository {
  get(id: unknown): Promise<unknown>;
  getMany(ids: unknown): Promise<unknown>;
  list(query?: unknown): Promise<unknown>;
  stream(query?: unknown): AsyncIterable<unknown>;
  count(filter?: unknown): Promise<unknown>;
  upsert(entity: unknown, options?: unknown): Promise<unknown>;
  upsertMany(entities: unknown, options?: unknown): Promise<unknown>;
  delete(id: unknown, options?: unknown): Promise<unknown>;
}

/** A tenant's store as the kit drives it. @internal */
export interface StoreUnderTest {
  readonly label: string;
  readonly tenantId: unknown;
  readonly capabilities: StoreCapabilities | undefined;
  repo(collection: EntityCollection): LooseRepository;
}

/**
 * Remembers the last adapter call that threw, so an unexpected error can be reported
 * with the call that raised it.
 * @internal
 */
export class CallJournal {
  last: { readonly call: string; readonly error: unknown } | null = null;

  record(call: string, error: unknown): void {
    this.last = { call, error };
  }

  /** The call that threw `error`, if the kit saw it. */
  callOf(error: unknown): string | null {
    return this.last !== null && this.last.error === error ? this.last.call : null;
  }
}

const METHODS = ["get", "getMany", "list", "stream", "count", "upsert", "upsertMany", "delete"] as const;

function renderArgs(args: readonly unknown[]): string {
  return args.map((a) => render(a, 80)).join(", ");
}

function wrapRepository(repo: unknown, collection: string, label: string, journal: CallJournal): LooseRepository {
  const out: Record<string, unknown> = {};
  for (const method of METHODS) {
    out[method] = (...args: unknown[]) => {
      const call = `${collection}.${method}(${renderArgs(args)}) in ${label}`;
      const fail = (error: unknown): never => {
        journal.record(call, error);
        throw error;
      };
      const fn = (repo as Record<string, unknown> | null | undefined)?.[method];
      if (typeof fn !== "function") return fail(new TypeError(`the store has no ${collection}.${method}()`));
      if (method === "stream") {
        let iterable: unknown;
        try {
          iterable = fn.apply(repo, args);
        } catch (error) {
          return fail(error);
        }
        return {
          async *[Symbol.asyncIterator]() {
            const source = iterable as AsyncIterable<unknown> | null | undefined;
            if (source == null || typeof source[Symbol.asyncIterator] !== "function") {
              fail(new TypeError(`${collection}.stream() did not return an AsyncIterable (got ${render(source, 60)})`));
            }
            try {
              for await (const item of source!) yield item;
            } catch (error) {
              fail(error);
            }
          },
        };
      }
      try {
        const result: unknown = fn.apply(repo, args);
        return Promise.resolve(result).catch(fail);
      } catch (error) {
        return Promise.reject(error).catch(fail);
      }
    };
  }
  return out as unknown as LooseRepository;
}

/**
 * Wraps a tenant's store for the kit: every repository method is called through a
 * plain wrapper (the adapter's objects may be frozen, so no Proxy) that records the
 * call when it throws.
 * @internal
 */
export function storeUnderTest(store: CrmStore, label: string, journal: CallJournal): StoreUnderTest {
  const repos = new Map<EntityCollection, LooseRepository>();
  for (const c of ENTITY_COLLECTIONS) repos.set(c, wrapRepository((store as unknown as Record<string, unknown>)[c], c, label, journal));
  return {
    label,
    tenantId: (store as { tenantId?: unknown }).tenantId,
    capabilities: (store as { capabilities?: StoreCapabilities }).capabilities,
    repo: (c) => repos.get(c)!,
  };
}
