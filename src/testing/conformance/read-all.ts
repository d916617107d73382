import type { EntityCollection } from "../../model/entities.js";
import { DEFAULT_PAGE_SIZE } from "../../repository/query.js";
import type { CheckedEntity, Checker } from "./checker.js";
import { kindOf, render } from "./render.js";
import type { LooseRepository } from "./store-under-test.js";

/** A list query without its cursor, as the kit issues it. @internal */
export interface KitQuery {
  readonly filter?: Record<string, unknown>;
  readonly orderBy?: string;
  readonly limit?: number;
}

/**
 * How thoroughly to check each row read: `"entity"` validates it against its schema
 * (the default); `"id"` only checks that it is an object with a string id — for rules
 * that compare many result sets whose rows the `[schema]` rules already validate.
 * @internal
 */
export type RowCheck = "entity" | "id";

function checkRow(check: Checker, collection: EntityCollection, what: string, item: unknown, rows: RowCheck): CheckedEntity {
  if (rows === "entity") return check.entity(what, collection, item);
  if (typeof item !== "object" || item === null || typeof (item as { id?: unknown }).id !== "string") {
    check.fail(what, "an entity with a string id", `${render(item, 120)} (${kindOf(item)})`);
  }
  return item as CheckedEntity;
}

/** One page as the kit checked it. @internal */
export interface CheckedPage {
  readonly items: CheckedEntity[];
  readonly nextCursor: string | null;
}

/**
 * Calls `list` once and checks the page: `{ items, nextCursor }`, at most `limit`
 * valid entities, a string or null cursor, and a full page whenever there is a cursor.
 * @internal
 */
export async function listPage(
  check: Checker,
  repo: LooseRepository,
  collection: EntityCollection,
  query: KitQuery & { readonly cursor?: string | null },
  what: string,
  rows: RowCheck = "entity",
): Promise<CheckedPage> {
  const page = await repo.list(query);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (typeof page !== "object" || page === null || !Array.isArray((page as { items?: unknown }).items)) {
    check.fail(what, "a page { items: [...], nextCursor }", `${render(page)} (${kindOf(page)})`);
  }
  const { items, nextCursor } = page as { items: unknown[]; nextCursor: unknown };
  if (nextCursor !== null && typeof nextCursor !== "string") {
    check.fail(what, "nextCursor a string, or null on the last page", `nextCursor ${render(nextCursor)} (${kindOf(nextCursor)})`);
  }
  if (items.length > limit) check.fail(what, `at most limit (${limit}) items`, `${items.length} items`);
  if (nextCursor !== null && items.length !== limit) {
    check.fail(what, `a full page (limit ${limit} items) whenever nextCursor is not null`, `${items.length} items with nextCursor ${render(nextCursor, 80)}`);
  }
  const checked = items.map((item, i) => checkRow(check, collection, `${what}: items[${i}]`, item, rows));
  return { items: checked, nextCursor };
}

/**
 * Pages through `list` until `nextCursor` is null, checking every page. Stops with a
 * failure when paging does not end (more than `expectedRows` plus ten pages' worth).
 * @internal
 */
export async function listAll(
  check: Checker,
  repo: LooseRepository,
  collection: EntityCollection,
  query: KitQuery,
  what: string,
  expectedRows: number,
  rows: RowCheck = "entity",
): Promise<CheckedEntity[]> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const maxPages = Math.ceil(expectedRows / limit) + 10;
  const out: CheckedEntity[] = [];
  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    if (page > maxPages) {
      check.fail(`${what}: paging`, `the last page (nextCursor null) after about ${Math.ceil(expectedRows / limit)} pages`, `still a nextCursor after ${maxPages} pages (${out.length} rows so far)`);
    }
    const p: CheckedPage = await listPage(check, repo, collection, { ...query, cursor }, `${what}, page ${page}`, rows);
    out.push(...p.items);
    if (p.nextCursor === null) return out;
    if (p.nextCursor === cursor) check.fail(`${what}, page ${page}`, "a new cursor for the next page", `the same cursor again: ${render(cursor, 80)}`);
    cursor = p.nextCursor;
  }
}

/**
 * Collects `stream(query)`, checking every entity; fails when the stream does not end
 * (more than `expectedRows` + 1000 rows).
 * @internal
 */
export async function streamAll(
  check: Checker,
  repo: LooseRepository,
  collection: EntityCollection,
  query: { readonly filter?: Record<string, unknown>; readonly orderBy?: string; readonly batchSize?: number },
  what: string,
  expectedRows: number,
  rows: RowCheck = "entity",
): Promise<CheckedEntity[]> {
  const out: CheckedEntity[] = [];
  for await (const item of repo.stream(query)) {
    out.push(checkRow(check, collection, `${what}: row ${out.length}`, item, rows));
    if (out.length > expectedRows + 1000) check.fail(what, `about ${expectedRows} rows`, `a stream that does not end (${out.length} rows so far)`);
  }
  return out;
}

/** Consumes an async iterable (to make a lazy stream run its query). @internal */
export async function drain(iterable: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of iterable) n++;
  return n;
}
