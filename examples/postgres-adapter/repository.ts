import { invalidInput } from "crmkit/errors";
import type { EntityCollection, EntityMap } from "crmkit/model";
import {
  completeRepository,
  decodeCursor,
  encodeCursor,
  parseListQuery,
  prepareWrite,
  sortKeyOf,
  validateId,
  validateWriteOptions,
  versionConflict,
  withAdapterErrors,
  type EntityInput,
  type FilterMap,
  type ListQuery,
  type OrderFieldMap,
  type Page,
  type Repository,
  type Stored,
  type TimeRange,
  type WriteOptions,
} from "crmkit/repository";
import { decodeEntity, encodeEntity } from "./codec.js";
import type { SqlClient } from "./sql-client.js";
import { sqlValue, tableFor, type Table } from "./tables.js";

/** Positional parameters, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The WHERE conditions of a (validated) filter: equality on text columns, half-open ranges on time columns. */
function filterSql(table: Table, filter: object, params: Params): string[] {
  const where: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    const column = table.byKey.get(key)!; // parseListQuery has rejected unknown keys
    if (column.type === "timestamptz") {
      const range = value as TimeRange;
      where.push(`${column.name} IS NOT NULL`); // a range never matches an absent time
      if (range.from !== undefined) where.push(`${column.name} >= ${params.add(range.from.toISOString())}::timestamptz`);
      if (range.to !== undefined) where.push(`${column.name} < ${params.add(range.to.toISOString())}::timestamptz`);
    } else {
      where.push(`${column.name} = ${params.add(value)}`);
    }
  }
  return where;
}

/** What every read returns: the entity decoded from `data`, with its version. */
function toStored<T>(row: Record<string, unknown>): Stored<T> {
  const entity = decodeEntity(row.data) as Record<string, unknown>;
  entity.version = Number(row.version);
  return entity as Stored<T>;
}

/** The entity as it was stored (a fresh copy through the same encoding), with its version. */
function storedCopy<T>(entity: T, version: number): Stored<T> {
  return toStored<T>({ data: encodeEntity(entity), version });
}

/**
 * The repository of one collection in one tenant. Every statement has
 * `tenant_id = $1`; every write is one statement, so it is atomic on its own.
 */
export function postgresRepository<K extends EntityCollection>(client: SqlClient, collection: K, tenantId: string): Repository<K> {
  type T = EntityMap[K];
  const table = tableFor(collection);
  const cols = table.columns;
  const run = (operation: string, text: string, values: unknown[]) =>
    withAdapterErrors(`${collection}.${operation}`, async () => (await client.query(text, values)).rows);

  const columnNames = cols.map((c) => c.name).join(", ");
  const columnValues = (entity: T) => cols.map((c) => sqlValue(c.value(entity as never)));
  const casts = cols.map((c) => (c.type === "text" ? "" : `::${c.type}`));
  const updateSet = cols.map((c) => `${c.name} = excluded.${c.name}`).join(", ");

  async function currentVersion(id: string): Promise<number | null> {
    const rows = await run("upsert", `SELECT version FROM ${table.name} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return rows[0] === undefined ? null : Number(rows[0].version);
  }

  const insertSql = (onConflict: string) =>
    `INSERT INTO ${table.name} AS t (tenant_id, id, version, data, ${columnNames})
     VALUES ($1, $2, 1, $3::jsonb, ${cols.map((_, i) => `$${i + 4}${casts[i]}`).join(", ")})
     ${onConflict} RETURNING version`;
  const upsertAnySql = insertSql(`ON CONFLICT (tenant_id, id) DO UPDATE SET version = t.version + 1, data = excluded.data, ${updateSet}`);
  const createOnlySql = insertSql("ON CONFLICT (tenant_id, id) DO NOTHING");
  const updateSql = `UPDATE ${table.name} SET version = version + 1, data = $3::jsonb, ${cols.map((c, i) => `${c.name} = $${i + 5}${casts[i]}`).join(", ")}
     WHERE tenant_id = $1 AND id = $2 AND version = $4 RETURNING version`;

  async function upsert(input: EntityInput<K>, options?: WriteOptions): Promise<Stored<T>> {
    const { entity, expectedVersion } = prepareWrite(collection, input, options);
    const id = entity.id;
    const data = JSON.stringify(encodeEntity(entity));
    let rows: Record<string, unknown>[];
    if (expectedVersion === undefined) rows = await run("upsert", upsertAnySql, [tenantId, id, data, ...columnValues(entity)]);
    else if (expectedVersion === 0) rows = await run("upsert", createOnlySql, [tenantId, id, data, ...columnValues(entity)]);
    else rows = await run("upsert", updateSql, [tenantId, id, data, expectedVersion, ...columnValues(entity)]);
    // No row: the expected version did not hold (an UPDATE … WHERE version = $n matched nothing).
    if (rows[0] === undefined) throw versionConflict(collection, id, expectedVersion!, await currentVersion(id));
    return storedCopy(entity, Number(rows[0].version));
  }

  async function list(query?: ListQuery<FilterMap[K], OrderFieldMap[K]>): Promise<Page<Stored<T>>> {
    const q = parseListQuery(collection, query);
    const after = q.cursor === null ? null : decodeCursor(q.cursor, collection, q.orderBy).after;
    const params = new Params();
    const where = [`tenant_id = ${params.add(tenantId)}`, ...filterSql(table, q.filter, params)];
    const byId = q.orderBy === "id";
    if (after !== null) {
      // Keyset: strictly after the last row returned, whether or not it still exists.
      if (byId) where.push(`id > ${params.add(after[0])}`);
      else where.push(`(${table.timeColumn}, id) > (${params.add(new Date(after[0] as number).toISOString())}::timestamptz, ${params.add(after[1])})`);
    }
    const order = byId ? "id" : `${table.timeColumn}, id`;
    const rows = await run("list", `SELECT version, data FROM ${table.name} WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${params.add(q.limit + 1)}`, params.values);
    const items = rows.slice(0, q.limit).map((r) => toStored<T>(r));
    const last = items.at(-1);
    const nextCursor = rows.length > q.limit && last !== undefined ? encodeCursor({ collection, orderBy: q.orderBy, after: sortKeyOf(collection, q.orderBy, last) }) : null;
    return { items, nextCursor };
  }

  async function count(filter?: FilterMap[K]): Promise<number> {
    const q = parseListQuery(collection, { filter });
    const params = new Params();
    const where = [`tenant_id = ${params.add(tenantId)}`, ...filterSql(table, q.filter, params)];
    const rows = await run("count", `SELECT count(*)::int AS n FROM ${table.name} WHERE ${where.join(" AND ")}`, params.values);
    return Number(rows[0]!.n);
  }

  async function getMany(ids: readonly string[]): Promise<Stored<T>[]> {
    if (!Array.isArray(ids)) throw invalidInput(`${collection}.getMany(ids)`, ids, "an array of ids");
    const unique = [...new Set(ids)];
    for (const id of unique) validateId(`${collection}.getMany(ids)`, id);
    if (unique.length === 0) return [];
    const rows = await run("getMany", `SELECT id, version, data FROM ${table.name} WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, unique]);
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const out: Stored<T>[] = [];
    for (const id of unique) {
      const row = byId.get(id);
      if (row !== undefined) out.push(toStored<T>(row));
    }
    return out;
  }

  /**
   * All-or-nothing in one statement: the batch is validated first; an id written several
   * times is written once with its last entity and its version raised by the number of
   * writes; stated versions are checked against the stored ones in the same statement.
   */
  async function upsertMany(inputs: readonly EntityInput<K>[]): Promise<Stored<T>[]> {
    if (!Array.isArray(inputs)) throw invalidInput(`${collection}.upsertMany(entities)`, inputs, "an array of entities");
    const writes = inputs.map((e) => prepareWrite(collection, e));
    if (writes.length === 0) return [];
    // Per id: how many writes, the last entity, and the stored version the stated versions require.
    const groups = new Map<string, { writes: number; last: T; base: number | null; stated: { expected: number; nth: number } | null }>();
    const nth: number[] = [];
    for (const w of writes) {
      const id = w.entity.id;
      let g = groups.get(id);
      if (g === undefined) groups.set(id, (g = { writes: 0, last: w.entity, base: null, stated: null }));
      nth.push(g.writes);
      if (w.expectedVersion !== undefined) {
        const base = w.expectedVersion - g.writes; // the nth write of an id expects the stored version + n
        if (base < 0 || (g.base !== null && g.base !== base)) {
          const stored = await currentVersion(id);
          throw versionConflict(collection, id, w.expectedVersion, stored === null && g.writes === 0 ? null : (stored ?? 0) + g.writes);
        }
        g.base = base;
        g.stated ??= { expected: w.expectedVersion, nth: g.writes };
      }
      g.writes++;
      g.last = w.entity;
    }
    const ids = [...groups.keys()];
    const entries = [...groups.values()];
    const params = new Params();
    const tenant = params.add(tenantId);
    const arrays = [
      `${params.add(ids)}::text[]`,
      `${params.add(entries.map((g) => g.writes))}::int[]`,
      `${params.add(entries.map((g) => g.base))}::int[]`,
      `${params.add(entries.map((g) => JSON.stringify(encodeEntity(g.last))))}::jsonb[]`,
      ...cols.map((c) => `${params.add(entries.map((g) => sqlValue(c.value(g.last as never))))}::${c.type}[]`),
    ];
    const names = ["id", "writes", "base", "data", ...cols.map((c) => c.name)];
    const rows = await run(
      "upsertMany",
      `WITH input AS (SELECT * FROM unnest(${arrays.join(", ")}) AS i(${names.join(", ")})),
            stale AS (SELECT 1 FROM input i LEFT JOIN ${table.name} t ON t.tenant_id = ${tenant} AND t.id = i.id
                      WHERE i.base IS NOT NULL AND i.base <> coalesce(t.version, 0) LIMIT 1)
       INSERT INTO ${table.name} AS t (tenant_id, id, version, data, ${columnNames})
       SELECT ${tenant}, id, writes, data, ${columnNames} FROM input WHERE NOT EXISTS (SELECT 1 FROM stale)
       ON CONFLICT (tenant_id, id) DO UPDATE SET version = t.version + excluded.version, data = excluded.data, ${updateSet}
       RETURNING id, version`,
      params.values,
    );
    if (rows.length === 0) {
      // Nothing was written: a stated version did not hold. Name the first one that failed.
      for (const [id, g] of groups) {
        if (g.base === null) continue;
        const stored = await currentVersion(id);
        if ((stored ?? 0) !== g.base) throw versionConflict(collection, id, g.stated!.expected, stored === null && g.stated!.nth === 0 ? null : (stored ?? 0) + g.stated!.nth);
      }
      throw versionConflict(collection, ids[0]!, entries[0]!.base ?? 0, await currentVersion(ids[0]!));
    }
    const finalVersion = new Map(rows.map((r) => [String(r.id), Number(r.version)]));
    return writes.map((w, i) => {
      const g = groups.get(w.entity.id)!;
      return storedCopy(w.entity, finalVersion.get(w.entity.id)! - (g.writes - 1 - nth[i]!));
    });
  }

  return completeRepository(
    collection,
    {
      async get(id: string) {
        validateId(`${collection}.get(id)`, id);
        const rows = await run("get", `SELECT version, data FROM ${table.name} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
        return rows[0] === undefined ? null : toStored<T>(rows[0]);
      },
      list,
      upsert,
      async delete(id: string, options?: WriteOptions) {
        validateId(`${collection}.delete(id)`, id);
        const expected = validateWriteOptions(`${collection}.delete`, options);
        if (expected === 0) {
          // "Only if it does not exist": deleting nothing is the only success.
          const stored = await currentVersion(id);
          if (stored !== null) throw versionConflict(collection, id, 0, stored);
          return false;
        }
        const rows =
          expected === undefined
            ? await run("delete", `DELETE FROM ${table.name} WHERE tenant_id = $1 AND id = $2 RETURNING version`, [tenantId, id])
            : await run("delete", `DELETE FROM ${table.name} WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING version`, [tenantId, id, expected]);
        if (rows[0] !== undefined) return true;
        if (expected === undefined) return false;
        throw versionConflict(collection, id, expected, await currentVersion(id));
      },
    },
    { getMany, count, upsertMany },
  );
}
