import { invalidInput } from "../errors/invalid-input.js";
import { ENTITY_DEFINITIONS, type EntityCollection, type EntityMap } from "../model/entities.js";
import { IdSchema } from "../model/id.js";
import { parseWith } from "../model/parse.js";

/**
 * Validates an entity for a collection with its schema (the same `parse<Entity>` the
 * model exports); throws `INVALID_INPUT` naming each bad field. Adapters call it
 * before every write.
 *
 * @example
 * ```ts
 * import { validateEntity } from "crmkit/repository";
 * const tx = validateEntity("transactions", {
 *   id: "t-1", customerId: "c-1", occurredAt: "2024-01-01T00:00:00Z",
 *   amount: { amount: 10, currency: "USD" }, kind: "purchase",
 * });
 * tx.occurredAt instanceof Date; // true
 * ```
 */
export function validateEntity<K extends EntityCollection>(collection: K, input: unknown): EntityMap[K] {
  const def = ENTITY_DEFINITIONS[collection];
  return parseWith(def.schema, def.name, input) as EntityMap[K];
}

/**
 * Checks an id argument (`get`, `delete`, `forTenant`); throws `INVALID_INPUT`.
 *
 * @example
 * ```ts
 * import { validateId } from "crmkit/repository";
 * validateId("customers.get(id)", "c-1"); // "c-1"
 * validateId("customers.get(id)", ""); // throws
 * ```
 */
export function validateId(where: string, id: unknown): string {
  const r = IdSchema.safeParse(id);
  if (!r.success) throw invalidInput(where, id, "a non-empty id string (at most 256 characters, no control characters)");
  return r.data;
}

/**
 * Checks write options; throws `INVALID_INPUT` unless `expectedVersion` is absent or
 * an integer ≥ 0.
 *
 * @example
 * ```ts
 * import { validateWriteOptions } from "crmkit/repository";
 * validateWriteOptions("deals.upsert", { expectedVersion: 2 }); // 2
 * ```
 */
export function validateWriteOptions(where: string, options: unknown): number | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== "object" || options === null) throw invalidInput(`${where}(options)`, options, "an object");
  const v = (options as { expectedVersion?: unknown }).expectedVersion;
  if (v === undefined) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    throw invalidInput(`${where}(options).expectedVersion`, v, "an integer >= 0 (0 = must not exist yet)");
  }
  return v;
}

/**
 * Everything an adapter checks before a write, in one call: the write options, the
 * entity against its schema, and the expected version. A `version` property on the
 * input (as on an entity read from the store) is not part of the entity: it is removed
 * and, unless `options.expectedVersion` is given, used as the expected version — so a
 * read-modify-write of a stored entity can never silently overwrite a newer version
 * (the semantics of JPA's `@Version`). Strip `version` (or set it to `undefined`) for a
 * blind write.
 *
 * @example
 * ```ts
 * import { prepareWrite } from "crmkit/repository";
 * const { entity, expectedVersion } = prepareWrite("customers", { id: "c-1", createdAt: new Date(), version: 3 });
 * expectedVersion; // 3
 * "version" in entity; // false
 * ```
 */
export function prepareWrite<K extends EntityCollection>(
  collection: K,
  input: unknown,
  options?: unknown,
): { entity: EntityMap[K]; expectedVersion: number | undefined } {
  let expectedVersion = validateWriteOptions(`${collection}.upsert`, options);
  let body = input;
  if (typeof input === "object" && input !== null && Object.hasOwn(input, "version")) {
    const { version, ...rest } = input as { version: unknown };
    // `version: undefined` (as in `{ ...read, version: undefined }`) means no version, as an undefined option does.
    if (version !== undefined) {
      if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
        throw invalidInput(`${collection}.upsert(entity).version`, version, "the integer version >= 1 read from the store (or no version)");
      }
      expectedVersion ??= version;
    }
    body = rest;
  }
  return { entity: validateEntity(collection, body), expectedVersion };
}
