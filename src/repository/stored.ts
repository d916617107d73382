import type { EntityCollection, EntityInputMap } from "../model/entities.js";

/**
 * An entity as a store returns it: the validated entity plus its `version`, a
 * positive integer that starts at 1 when the entity is first written and grows by
 * one on every successful write. Pass it back as `expectedVersion` to make a write
 * conditional (optimistic concurrency).
 *
 * @example
 * ```ts
 * import type { Stored } from "crmkit/repository";
 * import type { Customer } from "crmkit/model";
 * function bump(c: Stored<Customer>) { return c.version + 1; }
 * ```
 */
export type Stored<T> = T & { readonly version: number };

/**
 * The input type accepted when writing an entity of collection `K`: the schema's
 * input (ISO strings for dates, defaults omitted), optionally with the `version`
 * read from the store (then used as the expected version).
 *
 * @example
 * ```ts
 * import type { EntityInput } from "crmkit/repository";
 * const tx: EntityInput<"transactions"> = {
 *   id: "t-1", customerId: "c-1", occurredAt: "2024-01-01T00:00:00Z",
 *   amount: { amount: 10, currency: "USD" }, kind: "purchase",
 * };
 * ```
 */
export type EntityInput<K extends EntityCollection> = EntityInputMap[K] & { readonly version?: number };
