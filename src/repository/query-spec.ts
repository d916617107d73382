import { CrmkitError } from "../errors/crmkit-error.js";
import { describeValue } from "../errors/describe-value.js";
import { invalidInput } from "../errors/invalid-input.js";
import type { EntityCollection, EntityMap } from "../model/entities.js";
import { DEFAULT_PAGE_SIZE, type FilterMap, MAX_PAGE_SIZE, type OrderFieldMap, type TimeRange } from "./query.js";

/**
 * Reads the value an equality filter compares with.
 *
 * @example
 * ```ts
 * import type { Accessor } from "crmkit/repository";
 * import type { Deal } from "crmkit/model";
 * const byPipeline: Accessor<Deal> = (d) => d.pipelineId;
 * ```
 */
export type Accessor<T> = (entity: T) => string | undefined;

/**
 * Reads the time a range filter bounds.
 *
 * @example
 * ```ts
 * import type { TimeAccessor } from "crmkit/repository";
 * import type { Deal } from "crmkit/model";
 * const closed: TimeAccessor<Deal> = (d) => d.closedAt;
 * ```
 */
export type TimeAccessor<T> = (entity: T) => Date | undefined;

/**
 * The query semantics of one collection, as data: which filter keys compare for
 * equality (and which entity value each reads), which are time ranges, and the
 * timestamp field it can be ordered by.
 *
 * @example
 * ```ts
 * import { QUERY_SPECS } from "crmkit/repository";
 * Object.keys(QUERY_SPECS.transactions.equals); // ["customerId", "kind", "subscriptionId"]
 * ```
 */
export interface CollectionQuerySpec<K extends EntityCollection> {
  /** Equality filters: filter key → the entity value it compares with. */
  readonly equals: { readonly [F in keyof FilterMap[K]]?: Accessor<EntityMap[K]> };
  /** Range filters (half-open `[from, to)`): filter key → the entity time it bounds. */
  readonly ranges: { readonly [F in keyof FilterMap[K]]?: TimeAccessor<EntityMap[K]> };
  /** The required timestamp the collection can be ordered by. */
  readonly timeField: Exclude<OrderFieldMap[K], "id">;
}

/**
 * The reference query semantics of every collection. The memory store implements
 * exactly this, the conformance kit checks adapters against it, and a SQL adapter
 * maps each key to a column.
 *
 * @example
 * ```ts
 * import { QUERY_SPECS } from "crmkit/repository";
 * QUERY_SPECS.deals.timeField; // "createdAt"
 * ```
 */
export const QUERY_SPECS: { readonly [K in EntityCollection]: CollectionQuerySpec<K> } = {
  customers: {
    equals: {
      accountId: (c) => c.accountId,
      ownerId: (c) => c.ownerId,
      lifecycleStage: (c) => c.lifecycleStage,
      acquisitionSource: (c) => c.acquisitionSource,
      country: (c) => c.location?.country,
    },
    ranges: { createdAt: (c) => c.createdAt },
    timeField: "createdAt",
  },
  accounts: {
    equals: {
      industry: (a) => a.industry,
      country: (a) => a.location?.country,
      ownerId: (a) => a.ownerId,
      parentAccountId: (a) => a.parentAccountId,
    },
    ranges: { createdAt: (a) => a.createdAt },
    timeField: "createdAt",
  },
  leads: {
    equals: { status: (l) => l.status, source: (l) => l.source, ownerId: (l) => l.ownerId, campaignId: (l) => l.campaignId },
    ranges: { createdAt: (l) => l.createdAt },
    timeField: "createdAt",
  },
  pipelines: { equals: {}, ranges: { createdAt: (p) => p.createdAt }, timeField: "createdAt" },
  deals: {
    equals: {
      pipelineId: (d) => d.pipelineId,
      stageId: (d) => d.stageId,
      status: (d) => d.status,
      customerId: (d) => d.customerId,
      accountId: (d) => d.accountId,
      ownerId: (d) => d.ownerId,
      source: (d) => d.source,
    },
    ranges: { createdAt: (d) => d.createdAt, closedAt: (d) => d.closedAt },
    timeField: "createdAt",
  },
  interactions: {
    equals: {
      customerId: (i) => i.customerId,
      accountId: (i) => i.accountId,
      channel: (i) => i.channel,
      department: (i) => i.department,
      direction: (i) => i.direction,
      dealId: (i) => i.dealId,
      ticketId: (i) => i.ticketId,
      campaignId: (i) => i.campaignId,
    },
    ranges: { occurredAt: (i) => i.occurredAt },
    timeField: "occurredAt",
  },
  tickets: {
    equals: { customerId: (t) => t.customerId, accountId: (t) => t.accountId, status: (t) => t.status, priority: (t) => t.priority },
    ranges: { openedAt: (t) => t.openedAt },
    timeField: "openedAt",
  },
  transactions: {
    equals: { customerId: (t) => t.customerId, kind: (t) => t.kind, subscriptionId: (t) => t.subscriptionId },
    ranges: { occurredAt: (t) => t.occurredAt },
    timeField: "occurredAt",
  },
  subscriptions: {
    equals: { customerId: (s) => s.customerId, accountId: (s) => s.accountId, status: (s) => s.status, plan: (s) => s.plan },
    ranges: { startedAt: (s) => s.startedAt },
    timeField: "startedAt",
  },
  surveyResponses: {
    equals: { customerId: (r) => r.customerId, kind: (r) => r.kind, surveyId: (r) => r.surveyId, campaignId: (r) => r.campaignId, ticketId: (r) => r.ticketId },
    ranges: { respondedAt: (r) => r.respondedAt },
    timeField: "respondedAt",
  },
  campaigns: {
    equals: { status: (c) => c.status, channel: (c) => c.channel, segmentId: (c) => c.segmentId },
    ranges: { createdAt: (c) => c.createdAt },
    timeField: "createdAt",
  },
  campaignMembers: {
    equals: { campaignId: (m) => m.campaignId, customerId: (m) => m.customerId },
    ranges: { addedAt: (m) => m.addedAt },
    timeField: "addedAt",
  },
};

/**
 * A list query after validation: every field present, filter keys known.
 *
 * @example
 * ```ts
 * import { parseListQuery, type NormalizedQuery } from "crmkit/repository";
 * const q: NormalizedQuery<"deals"> = parseListQuery("deals", { filter: { status: "won" } });
 * q.limit; // 100
 * ```
 */
export interface NormalizedQuery<K extends EntityCollection> {
  readonly filter: FilterMap[K];
  readonly orderBy: OrderFieldMap[K];
  readonly limit: number;
  readonly cursor: string | null;
}

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/**
 * Validates a `list` (or `stream`) query of a collection and fills in the defaults
 * (`orderBy: "id"`, `limit: 100`). Throws `INVALID_INPUT` for an unknown filter key
 * (an adapter must never silently ignore a condition), a non-string equality value,
 * a range whose ends are not valid dates or whose `from` is after `to`, an unknown
 * `orderBy`, or a limit outside 1–1000. Adapters call it first thing in `list`.
 *
 * @example
 * ```ts
 * import { parseListQuery } from "crmkit/repository";
 * parseListQuery("transactions", { filter: { customerId: "c-1" }, orderBy: "occurredAt", limit: 50 });
 * parseListQuery("transactions", { filter: { customer: "c-1" } }); // throws INVALID_INPUT: unknown filter key
 * ```
 */
export function parseListQuery<K extends EntityCollection>(
  collection: K,
  query: { filter?: unknown; orderBy?: unknown; limit?: unknown; cursor?: unknown; batchSize?: unknown } | undefined = {},
): NormalizedQuery<K> {
  if (typeof query !== "object" || query === null) throw invalidInput(`${collection}.list(query)`, query, "an object");
  const spec = QUERY_SPECS[collection] as CollectionQuerySpec<EntityCollection>;
  const filter = query.filter ?? {};
  if (typeof filter !== "object" || filter === null || Array.isArray(filter)) {
    throw invalidInput(`${collection}.list(query).filter`, filter, "an object");
  }
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    const where = `${collection}.list(query).filter.${key}`;
    if (Object.hasOwn(spec.equals, key)) {
      if (typeof value !== "string") throw invalidInput(where, value, "a string");
    } else if (Object.hasOwn(spec.ranges, key)) {
      if (typeof value !== "object" || value === null) throw invalidInput(where, value, "a time range { from?: Date, to?: Date }");
      const r = value as Record<string, unknown>;
      for (const k of Object.keys(r)) {
        if (k !== "from" && k !== "to") throw invalidInput(`${where}.${k}`, r[k], 'only "from" and "to"');
      }
      if (r.from !== undefined && !isValidDate(r.from)) throw invalidInput(`${where}.from`, r.from, "a valid Date");
      if (r.to !== undefined && !isValidDate(r.to)) throw invalidInput(`${where}.to`, r.to, "a valid Date");
      if (isValidDate(r.from) && isValidDate(r.to) && r.from > r.to) {
        throw invalidInput(`${where}`, value, "from <= to");
      }
    } else {
      const known = [...Object.keys(spec.equals), ...Object.keys(spec.ranges)];
      throw invalidInput(where, value, `a known filter key (${known.join(", ") || "none"}); "${key}" is not one`);
    }
  }
  const orderBy = query.orderBy ?? "id";
  if (orderBy !== "id" && orderBy !== spec.timeField) {
    throw invalidInput(`${collection}.list(query).orderBy`, orderBy, `"id" or "${spec.timeField}"`);
  }
  const rawLimit = query.limit ?? query.batchSize ?? DEFAULT_PAGE_SIZE;
  if (typeof rawLimit !== "number" || !Number.isInteger(rawLimit) || rawLimit < 1 || rawLimit > MAX_PAGE_SIZE) {
    throw invalidInput(`${collection}.list(query).limit`, rawLimit, `an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  const cursor = query.cursor ?? null;
  if (cursor !== null && typeof cursor !== "string") throw invalidInput(`${collection}.list(query).cursor`, cursor, "a cursor string or null");
  return { filter: filter as FilterMap[K], orderBy: orderBy as OrderFieldMap[K], limit: rawLimit, cursor };
}

function inRange(t: Date | undefined, range: TimeRange): boolean {
  if (t === undefined) return false;
  const ms = t.getTime();
  if (range.from !== undefined && ms < range.from.getTime()) return false;
  if (range.to !== undefined && ms >= range.to.getTime()) return false;
  return true;
}

/**
 * The reference filter semantics: true when `entity` satisfies every condition of
 * `filter` (equality on the mapped value; `[from, to)` on the mapped time; a range
 * never matches an absent time). The filter must have passed {@link parseListQuery}.
 *
 * @example
 * ```ts
 * import { matchesFilter } from "crmkit/repository";
 * import { parseTransaction } from "crmkit/model";
 * const tx = parseTransaction({ id: "t", customerId: "c", occurredAt: "2024-05-01T00:00:00Z", amount: { amount: 1, currency: "USD" }, kind: "purchase" });
 * matchesFilter("transactions", tx, { occurredAt: { to: new Date("2024-05-01T00:00:00Z") } }); // false: `to` is exclusive
 * ```
 */
export function matchesFilter<K extends EntityCollection>(collection: K, entity: EntityMap[K], filter: FilterMap[K]): boolean {
  const spec = QUERY_SPECS[collection] as CollectionQuerySpec<EntityCollection>;
  for (const [key, value] of Object.entries(filter as object)) {
    if (value === undefined) continue;
    const eq = (spec.equals as Record<string, Accessor<EntityMap[EntityCollection]> | undefined>)[key];
    if (eq !== undefined) {
      if (eq(entity) !== value) return false;
      continue;
    }
    const rg = (spec.ranges as Record<string, TimeAccessor<EntityMap[EntityCollection]> | undefined>)[key];
    if (rg !== undefined) {
      if (!inRange(rg(entity), value as TimeRange)) return false;
      continue;
    }
    throw new CrmkitError("INVALID_INPUT", `${collection}: unknown filter key "${key}" (value ${describeValue(value)})`);
  }
  return true;
}

/**
 * The sort key of an entity under an order: `[timeMs, id]` for a time order, `[id]`
 * for the id order. Keys compare element by element with {@link compareSortKeys}.
 *
 * @example
 * ```ts
 * import { sortKeyOf } from "crmkit/repository";
 * import { parseTransaction } from "crmkit/model";
 * const tx = parseTransaction({ id: "t", customerId: "c", occurredAt: "2024-05-01T00:00:00Z", amount: { amount: 1, currency: "USD" }, kind: "purchase" });
 * sortKeyOf("transactions", "occurredAt", tx); // [1714521600000, "t"]
 * ```
 */
export function sortKeyOf<K extends EntityCollection>(collection: K, orderBy: OrderFieldMap[K], entity: EntityMap[K]): readonly (string | number)[] {
  if (orderBy === "id") return [entity.id];
  const spec = QUERY_SPECS[collection];
  const t = (entity as unknown as Record<string, Date>)[spec.timeField];
  return [t!.getTime(), entity.id];
}

/**
 * Compares two strings by Unicode code point — the order of UTF-8 bytes, and of
 * PostgreSQL's `COLLATE "C"` — rather than by UTF-16 code unit as `<` does (the two
 * differ only when one string has a character above U+FFFF where the other has one
 * in U+E000–U+FFFF). Ids are ordered this way everywhere.
 *
 * @example
 * ```ts
 * import { compareCodePoints } from "crmkit/repository";
 * compareCodePoints("\u{1F600}", "\uFFFD") > 0; // true (while "\u{1F600}" < "\uFFFD" in JS)
 * ```
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys && (xs ? y >= 0xe000 : x >= 0xe000)) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Compares two sort keys made by {@link sortKeyOf}: negative, zero or positive.
 * Numbers compare numerically, strings by code point ({@link compareCodePoints}).
 *
 * @example
 * ```ts
 * import { compareSortKeys } from "crmkit/repository";
 * compareSortKeys([1, "b"], [1, "a"]); // 1
 * ```
 */
export function compareSortKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (typeof x === "string" && typeof y === "string") {
      const c = compareCodePoints(x, y);
      if (c !== 0) return c;
    } else if (x < y) return -1;
    else if (x > y) return 1;
  }
  return a.length - b.length;
}
