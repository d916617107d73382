import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unicodeString } from "../support/arbitraries.js";
import { parseCustomer, parseDeal, parseTransaction } from "../../src/model/index.js";
import {
  compareCodePoints,
  compareSortKeys,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  matchesFilter,
  parseListQuery,
  QUERY_SPECS,
  sortKeyOf,
} from "../../src/repository/index.js";
import { invalidMessage as invalid } from "../support/expect-error.js";

/** An independent oracle: UTF-8 byte order is code-point order. */
function utf8Order(a: string, b: string): number {
  return Math.sign(Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
}

const tx = (id: string, occurredAt: string, extra: Record<string, unknown> = {}) =>
  parseTransaction({ id, customerId: "c-1", occurredAt, amount: { amount: 1, currency: "USD" }, kind: "purchase", ...extra });

describe("QUERY_SPECS", () => {
  it("orders every collection by a required timestamp of its schema", () => {
    const expected = {
      customers: "createdAt",
      accounts: "createdAt",
      leads: "createdAt",
      pipelines: "createdAt",
      deals: "createdAt",
      interactions: "occurredAt",
      tickets: "openedAt",
      transactions: "occurredAt",
      subscriptions: "startedAt",
      surveyResponses: "respondedAt",
      campaigns: "createdAt",
      campaignMembers: "addedAt",
    };
    expect(Object.fromEntries(Object.entries(QUERY_SPECS).map(([c, s]) => [c, s.timeField]))).toEqual(expected);
  });

  it("reads nested and optional values: customers.country is location.country, deals.closedAt may be absent", () => {
    const c = parseCustomer({ id: "c", createdAt: "2024-01-01T00:00:00Z", location: { country: "DE" } });
    expect(QUERY_SPECS.customers.equals.country!(c)).toBe("DE");
    expect(QUERY_SPECS.customers.equals.country!(parseCustomer({ id: "c", createdAt: "2024-01-01T00:00:00Z" }))).toBeUndefined();
    const open = parseDeal({ id: "d", name: "D", pipelineId: "p", stageId: "s", status: "open", createdAt: "2024-01-01T00:00:00Z" });
    expect(QUERY_SPECS.deals.ranges.closedAt!(open)).toBeUndefined();
  });
});

describe("parseListQuery", () => {
  it("fills in the defaults: no filter, id order, 100 rows, no cursor", () => {
    expect(parseListQuery("deals", {})).toEqual({ filter: {}, orderBy: "id", limit: DEFAULT_PAGE_SIZE, cursor: null });
    expect(parseListQuery("deals", undefined)).toEqual({ filter: {}, orderBy: "id", limit: 100, cursor: null });
    expect(DEFAULT_PAGE_SIZE).toBe(100);
    expect(MAX_PAGE_SIZE).toBe(1000);
  });

  it("accepts the time order, limits 1 and 1000, batchSize as the limit of a stream, and from = to", () => {
    const t = new Date("2024-01-01T00:00:00Z");
    const q = parseListQuery("transactions", { filter: { customerId: "c", occurredAt: { from: t, to: t } }, orderBy: "occurredAt", limit: 1 });
    expect(q.orderBy).toBe("occurredAt");
    expect(parseListQuery("transactions", { limit: 1000 }).limit).toBe(1000);
    expect(parseListQuery("transactions", { batchSize: 250 }).limit).toBe(250);
    expect(parseListQuery("transactions", { limit: 5, batchSize: 250 }).limit).toBe(5);
    expect(parseListQuery("transactions", { filter: { customerId: undefined } }).filter).toEqual({ customerId: undefined });
  });

  it("rejects an unknown filter key, naming it and listing the known keys", () => {
    const msg = invalid(() => parseListQuery("transactions", { filter: { customer: "c-1" } }));
    expect(msg).toContain("transactions.list(query).filter.customer");
    expect(msg).toContain("customerId, kind, subscriptionId, occurredAt");
    expect(invalid(() => parseListQuery("pipelines", { filter: { status: "x" } }))).toContain("createdAt");
    invalid(() => parseListQuery("transactions", { filter: JSON.parse('{"__proto__": "x"}') as unknown }));
    invalid(() => parseListQuery("transactions", { filter: { id: "t-1" } }));
  });

  it("rejects mistyped values and bad ranges, naming the field", () => {
    const t = new Date("2024-01-02T00:00:00Z");
    const before = new Date("2024-01-01T00:00:00Z");
    expect(invalid(() => parseListQuery("transactions", { filter: { kind: 3 } }))).toContain("filter.kind: expected a string, got 3");
    invalid(() => parseListQuery("transactions", { filter: { kind: null } }));
    invalid(() => parseListQuery("transactions", { filter: "kind = 'refund'" }));
    invalid(() => parseListQuery("transactions", { filter: [] }));
    invalid(() => parseListQuery("transactions", { filter: { occurredAt: "2024" } }));
    expect(invalid(() => parseListQuery("transactions", { filter: { occurredAt: { from: "2024-01-01" } } }))).toContain("occurredAt.from");
    invalid(() => parseListQuery("transactions", { filter: { occurredAt: { to: new Date(Number.NaN) } } }));
    expect(invalid(() => parseListQuery("transactions", { filter: { occurredAt: { from: t, to: before } } }))).toContain("from <= to");
    expect(invalid(() => parseListQuery("transactions", { filter: { occurredAt: { since: t } } }))).toContain("occurredAt.since");
  });

  it("rejects unknown orders, limits outside 1–1000, non-string cursors and non-object queries", () => {
    expect(invalid(() => parseListQuery("transactions", { orderBy: "createdAt" }))).toContain('"id" or "occurredAt"');
    for (const limit of [0, -1, 1001, 1.5, Number.NaN, "10"]) expect(invalid(() => parseListQuery("deals", { limit }))).toContain("limit");
    invalid(() => parseListQuery("deals", { batchSize: 0 }));
    invalid(() => parseListQuery("deals", { cursor: 42 }));
    invalid(() => parseListQuery("deals", null as never));
  });
});

describe("matchesFilter", () => {
  const may1 = new Date("2024-05-01T00:00:00.000Z");
  const t = tx("t", "2024-05-01T00:00:00.000Z", { kind: "refund", subscriptionId: "s-1" });

  it("ranges are half-open: from inclusive, to exclusive, to the millisecond", () => {
    expect(matchesFilter("transactions", t, { occurredAt: { from: may1 } })).toBe(true);
    expect(matchesFilter("transactions", t, { occurredAt: { to: may1 } })).toBe(false);
    expect(matchesFilter("transactions", t, { occurredAt: { to: new Date(may1.getTime() + 1) } })).toBe(true);
    expect(matchesFilter("transactions", t, { occurredAt: { from: new Date(may1.getTime() + 1) } })).toBe(false);
    expect(matchesFilter("transactions", t, { occurredAt: { from: may1, to: may1 } })).toBe(false);
    expect(matchesFilter("transactions", t, { occurredAt: {} })).toBe(true);
  });

  it("an absent time never matches a range, not even an unbounded one", () => {
    const open = parseDeal({ id: "d", name: "D", pipelineId: "p", stageId: "s", status: "open", createdAt: "2024-01-01T00:00:00Z" });
    expect(matchesFilter("deals", open, { closedAt: {} })).toBe(false);
    expect(matchesFilter("deals", open, { closedAt: { to: new Date("2100-01-01") } })).toBe(false);
    expect(matchesFilter("deals", open, { createdAt: {} })).toBe(true);
  });

  it("equality is exact (case-sensitive) and an absent value never equals anything; conditions AND together; undefined is no condition", () => {
    expect(matchesFilter("transactions", t, { kind: "refund" })).toBe(true);
    expect(matchesFilter("transactions", t, { kind: "Refund" } as never)).toBe(false);
    expect(matchesFilter("transactions", tx("u", "2024-01-01T00:00:00Z"), { subscriptionId: "" })).toBe(false);
    expect(matchesFilter("transactions", t, { kind: "refund", occurredAt: { to: may1 } })).toBe(false);
    expect(matchesFilter("transactions", t, { kind: "refund", subscriptionId: "s-1", occurredAt: { from: may1 } })).toBe(true);
    expect(matchesFilter("transactions", t, { kind: undefined })).toBe(true);
  });

  it("throws INVALID_INPUT for an unknown key rather than ignoring it", () => {
    expect(() => matchesFilter("transactions", t, { customer: "c-1" } as never)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }) as unknown as Error);
  });
});

describe("sortKeyOf and compareSortKeys", () => {
  it("keys are [id] for the id order and [epoch ms, id] for the time order", () => {
    const t = tx("t-9", "2024-05-01T00:00:00.000Z");
    expect(sortKeyOf("transactions", "id", t)).toEqual(["t-9"]);
    expect(sortKeyOf("transactions", "occurredAt", t)).toEqual([1714521600000, "t-9"]);
    expect(sortKeyOf("transactions", "occurredAt", tx("old", "1969-12-31T23:59:59.999Z"))).toEqual([-1, "old"]);
  });

  it("compares times numerically (not as text), then ids by code point", () => {
    expect(compareSortKeys([9, "a"], [10, "a"])).toBeLessThan(0);
    expect(compareSortKeys([-1, "z"], [0, "a"])).toBeLessThan(0);
    expect(compareSortKeys([5, "b"], [5, "a"])).toBeGreaterThan(0);
    expect(compareSortKeys([5, "\u{1F600}"], [5, "\uFFFD"])).toBeGreaterThan(0);
    expect(compareSortKeys(["a"], ["a"])).toBe(0);
    expect(compareSortKeys(["a"], ["a", "b"])).toBeLessThan(0);
  });
});

describe("compareCodePoints", () => {
  it("orders by code point, which differs from UTF-16 order above U+FFFF", () => {
    expect(compareCodePoints("\u{1F600}", "\uFFFD")).toBeGreaterThan(0);
    expect("\u{1F600}" < "\uFFFD").toBe(true); // JavaScript's < compares UTF-16 code units
    expect(compareCodePoints("\u{10000}", "\uE000")).toBeGreaterThan(0);
    expect(compareCodePoints("\uD7FF", "\u{10000}")).toBeLessThan(0);
    expect(compareCodePoints("B", "a")).toBeLessThan(0);
    expect(compareCodePoints("10", "9")).toBeLessThan(0);
    expect(compareCodePoints("a", "ab")).toBeLessThan(0);
    expect(compareCodePoints("", "")).toBe(0);
    expect(compareCodePoints("x\u{1F600}", "x\u{1F601}")).toBeLessThan(0);
  });

  it("agrees with the UTF-8 byte order of any strings (property)", () => {
    const str = unicodeString(6);
    fc.assert(
      fc.property(str, str, (a, b) => Math.sign(compareCodePoints(a, b)) === utf8Order(a, b)),
      { numRuns: 3000 },
    );
    // Characters at the boundaries where UTF-16 and code-point order part ways.
    const edge = fc.string({ unit: fc.constantFrom("a", "\uD7FF", "\uE000", "\uFFFD", "\uFFFF", "\u{10000}", "\u{1F600}", "\u{10FFFF}"), maxLength: 4 });
    fc.assert(fc.property(edge, edge, (a, b) => Math.sign(compareCodePoints(a, b)) === utf8Order(a, b)), { numRuns: 1000 });
  });

  it("is a total order: antisymmetric and transitive (property)", () => {
    const str = unicodeString(4);
    fc.assert(
      fc.property(str, str, str, (a, b, c) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(-Math.sign(compareCodePoints(b, a)) || 0);
        if (compareCodePoints(a, b) <= 0 && compareCodePoints(b, c) <= 0) expect(compareCodePoints(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
