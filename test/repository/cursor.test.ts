import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { createMemoryStore, decodeCursor, encodeCursor } from "../../src/repository/index.js";
import { unicodeString } from "../support/arbitraries.js";

function rejects(cursor: string, collection = "deals", orderBy = "id"): string {
  try {
    decodeCursor(cursor, collection, orderBy);
  } catch (e) {
    expect(isCrmkitError(e, "INVALID_INPUT")).toBe(true);
    return (e as Error).message;
  }
  throw new Error(`cursor ${JSON.stringify(cursor)} was accepted`);
}

/** base64url of raw bytes, built here independently of the implementation. */
const b64url = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64url");

describe("encodeCursor / decodeCursor", () => {
  it("round-trips sort keys of both shapes, unicode ids included, as URL-safe text", () => {
    const ids = fc.oneof(unicodeString(12, 1), fc.constantFrom("\u{1F600}", "\uFFFD", "a'b\"c\\", "x".repeat(256)));
    const ms = fc.integer({ min: -8.64e15, max: 8.64e15 });
    fc.assert(
      fc.property(ids, ms, (id, t) => {
        const byId = encodeCursor({ collection: "deals", orderBy: "id", after: [id] });
        const byTime = encodeCursor({ collection: "deals", orderBy: "createdAt", after: [t, id] });
        expect(byId).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(byTime).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decodeCursor(byId, "deals", "id")).toEqual({ collection: "deals", orderBy: "id", after: [id] });
        expect(decodeCursor(byTime, "deals", "createdAt")).toEqual({ collection: "deals", orderBy: "createdAt", after: [t, id] });
      }),
      { numRuns: 300 },
    );
  });

  it("is base64url of a versioned JSON array (decodable with any base64url decoder)", () => {
    const c = encodeCursor({ collection: "deals", orderBy: "id", after: ["d-ü"] });
    expect(JSON.parse(Buffer.from(c, "base64url").toString("utf8"))).toEqual([1, "deals", "id", ["d-ü"]]);
  });

  it("rejects a cursor of another collection or order, naming both", () => {
    const c = encodeCursor({ collection: "transactions", orderBy: "occurredAt", after: [1, "t-1"] });
    expect(rejects(c, "deals", "createdAt")).toContain("a cursor of deals ordered by createdAt (this one is for transactions ordered by occurredAt)");
    expect(rejects(c, "transactions", "id")).toContain("this one is for transactions ordered by occurredAt");
  });

  it("rejects malformed cursors: not base64url, not UTF-8, not JSON, wrong version or arity", () => {
    for (const bad of ["", "not a cursor!", "%%%", "a+b/c=", "{}"]) rejects(bad);
    rejects(b64url(new Uint8Array([0xff, 0xfe, 0x80]))); // invalid UTF-8
    rejects(b64url("not json"));
    rejects(b64url(JSON.stringify({ collection: "deals" })));
    rejects(b64url(JSON.stringify([2, "deals", "id", ["d-1"]])));
    rejects(b64url(JSON.stringify([1, "deals", "id"])));
    rejects(b64url(JSON.stringify([1, "deals", "id", "d-1"])));
    rejects(b64url(JSON.stringify([1, "deals", "id", [null]])));
    rejects(b64url(JSON.stringify([1, "deals", "id", [{ id: "d-1" }]])));
  });

  it("rejects a well-formed cursor whose sort key does not fit the order ([id] or [time, id])", () => {
    for (const after of [[], [5], ["d-1", "d-2"], [1, "d-1"]]) rejects(encodeCursor({ collection: "deals", orderBy: "id", after }), "deals", "id");
    for (const after of [["d-1"], [1], ["1", "d-1"], [1, 2], [1, "d-1", 3]]) {
      rejects(encodeCursor({ collection: "deals", orderBy: "createdAt", after }), "deals", "createdAt");
    }
  });

  it("continues in code-point order after an id that UTF-16 order would put elsewhere", async () => {
    // "\uFFFD" < "\u{1F600}" by code point, but not by UTF-16 code unit (0xFFFD > 0xD83D).
    const store = createMemoryStore().forTenant("t");
    for (const id of ["\u{1F600}", "\uFFFD", "z", "\uFF21"]) {
      await store.transactions.upsert({ id, customerId: "c", occurredAt: "2024-01-01T00:00:00Z", amount: { amount: 1, currency: "USD" }, kind: "purchase" });
    }
    const page1 = await store.transactions.list({ limit: 2 });
    expect(page1.items.map((t) => t.id)).toEqual(["z", "\uFF21"]);
    const cursorAfterFFFD = encodeCursor({ collection: "transactions", orderBy: "id", after: ["\uFFFD"] });
    expect((await store.transactions.list({ cursor: cursorAfterFFFD })).items.map((t) => t.id)).toEqual(["\u{1F600}"]);
    const page2 = await store.transactions.list({ limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((t) => t.id)).toEqual(["\uFFFD", "\u{1F600}"]);
    expect(page2.nextCursor).toBeNull();
  });
});
