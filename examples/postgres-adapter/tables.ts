import type { EntityCollection, EntityMap } from "crmkit/model";
import { QUERY_SPECS } from "crmkit/repository";

/** A column copied out of the entity so that SQL can filter and order on it. */
export interface Column {
  /** The filter key of QUERY_SPECS (or "amount"/"currency" for the pushdown). */
  readonly key: string;
  readonly name: string;
  readonly type: "text" | "timestamptz" | "numeric";
  /** The column's value for an entity: a string, a Date, a number, or undefined (NULL). */
  readonly value: (entity: never) => string | Date | number | undefined;
}

/** How one collection is laid out in PostgreSQL (see schema.sql). */
export interface Table {
  readonly collection: EntityCollection;
  readonly name: string;
  /** Column of the collection's time order (`QUERY_SPECS[c].timeField`). */
  readonly timeColumn: string;
  readonly columns: readonly Column[];
  /** Filter key → column. */
  readonly byKey: ReadonlyMap<string, Column>;
}

/** camelCase → snake_case: `occurredAt` → `occurred_at`. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function tableOf<K extends EntityCollection>(collection: K): Table {
  const spec = QUERY_SPECS[collection];
  const columns: Column[] = [];
  for (const [key, accessor] of Object.entries(spec.ranges)) {
    columns.push({ key, name: snakeCase(key), type: "timestamptz", value: accessor as (e: never) => Date | undefined });
  }
  for (const [key, accessor] of Object.entries(spec.equals)) {
    columns.push({ key, name: snakeCase(key), type: "text", value: accessor as (e: never) => string | undefined });
  }
  if (collection === "transactions") {
    columns.push({ key: "amount", name: "amount", type: "numeric", value: (t: EntityMap["transactions"]) => t.amount.amount });
    columns.push({ key: "currency", name: "currency", type: "text", value: (t: EntityMap["transactions"]) => t.amount.currency });
  }
  return {
    collection,
    name: `crm_${snakeCase(collection)}`,
    timeColumn: snakeCase(spec.timeField),
    columns,
    byKey: new Map(columns.map((c) => [c.key, c])),
  };
}

const TABLES = new Map<EntityCollection, Table>();

/** The table of a collection. */
export function tableFor(collection: EntityCollection): Table {
  let t = TABLES.get(collection);
  if (t === undefined) TABLES.set(collection, (t = tableOf(collection)));
  return t;
}

/** A column value as a query parameter: dates as ISO strings, numbers in their shortest exact form. */
export function sqlValue(value: string | Date | number | undefined): string | null {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
