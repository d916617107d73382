import type { PurchaseRepository } from "../clv/purchase-pushdown.js";
import type { EntityCollection, EntityMap } from "../model/entities.js";
import type { FilterMap, ListQuery, OrderFieldMap, Page, StreamQuery } from "./query.js";
import type { EntityInput, Stored } from "./stored.js";

/**
 * Options of `upsert` and `delete`.
 *
 * - `expectedVersion: n` (n ≥ 1): write only if the stored entity's version is `n`;
 *   otherwise throw `CONFLICT` and change nothing.
 * - `expectedVersion: 0`: create only — throw `CONFLICT` if the id already exists.
 * - omitted: unconditional (last write wins).
 *
 * @example
 * ```ts
 * import type { WriteOptions } from "crmkit/repository";
 * const createOnly: WriteOptions = { expectedVersion: 0 };
 * ```
 */
export interface WriteOptions {
  readonly expectedVersion?: number;
}

/**
 * The methods an adapter must write for one collection. Everything else in
 * {@link Repository} can be derived by {@link completeRepository}.
 *
 * @example
 * ```ts
 * import type { RepositoryCore } from "crmkit/repository";
 * type CustomerCore = RepositoryCore<"customers">;
 * ```
 */
export interface RepositoryCore<K extends EntityCollection> {
  /** The entity with this id, or `null` when there is none (in this tenant). */
  get(id: string): Promise<Stored<EntityMap[K]> | null>;
  /** One page of entities matching the filter, in the requested order, after the cursor. */
  list(query?: ListQuery<FilterMap[K], OrderFieldMap[K]>): Promise<Page<Stored<EntityMap[K]>>>;
  /**
   * Validates and writes the entity (insert or replace by id), returning what was
   * stored with its new version. Invalid input: `INVALID_INPUT`, nothing written.
   * Stale `expectedVersion`: `CONFLICT`, nothing written. A `version` property on the
   * input (an entity read from the store) is the expected version unless `options`
   * says otherwise (see `prepareWrite`).
   */
  upsert(entity: EntityInput<K>, options?: WriteOptions): Promise<Stored<EntityMap[K]>>;
  /** Deletes by id; `true` if something was deleted. Stale `expectedVersion`: `CONFLICT`. */
  delete(id: string, options?: WriteOptions): Promise<boolean>;
}

/**
 * The repository of one collection, as crmkit's functions use it. Adapters write a
 * {@link RepositoryCore} and may override the derived methods with faster ones
 * (a `WHERE id = ANY($1)` for `getMany`, a server-side cursor for `stream`).
 *
 * @example
 * ```ts
 * import { createMemoryStore } from "crmkit/repository";
 * const store = createMemoryStore().forTenant("acme");
 * await store.customers.upsert({ id: "c-1", createdAt: new Date("2024-01-01") });
 * for await (const c of store.customers.stream({ orderBy: "createdAt" })) console.log(c.id, c.version);
 * ```
 */
export interface Repository<K extends EntityCollection> extends RepositoryCore<K> {
  /** The entities with these ids that exist, in the order of `ids` (duplicates once). */
  getMany(ids: readonly string[]): Promise<Stored<EntityMap[K]>[]>;
  /** Every matching entity, in order, fetched page by page: for scans of millions of rows. */
  stream(query?: StreamQuery<FilterMap[K], OrderFieldMap[K]>): AsyncIterable<Stored<EntityMap[K]>>;
  /** How many entities match the filter. */
  count(filter?: FilterMap[K]): Promise<number>;
  /** Writes many entities: all are validated (and stated versions checked, where the store can) before any is written. */
  upsertMany(entities: readonly EntityInput<K>[], options?: Omit<WriteOptions, "expectedVersion">): Promise<Stored<EntityMap[K]>[]>;
}

/**
 * The repository of `transactions`: a {@link Repository}, plus the optional
 * aggregation pushdown `summarizePurchases` of a store that declares the
 * `purchaseSummary` capability. Given a query (kinds, observation end, optional
 * calibration end, purchase period, time zone), it returns one row per customer and
 * currency — first and last purchase, distinct purchase periods, repeat spend, the
 * holdout window's periods and spend — computed in the store (one GROUP BY), or
 * `null` to decline a query it cannot answer exactly. `summarizeTransactions` uses it
 * when present and streams otherwise. `aggregatePurchases` (crmkit/clv) is the
 * reference implementation.
 *
 * @example
 * ```ts
 * import { createMemoryStore, type TransactionRepository } from "crmkit/repository";
 * const transactions: TransactionRepository = createMemoryStore().forTenant("acme").transactions;
 * const rows = await transactions.summarizePurchases?.({ kinds: ["purchase"], observationEnd: new Date(), period: "day" });
 * ```
 */
export interface TransactionRepository extends Repository<"transactions">, Pick<PurchaseRepository, "summarizePurchases"> {}
