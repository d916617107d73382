import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Bucket, firstAfter } from "../../../src/repository/memory/bucket.js";
import { shortId } from "../../support/arbitraries.js";

const utf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

describe("Bucket", () => {
  it("sorts its ids lazily per order and re-sorts only after a change", () => {
    const keys = new Map<string, number>([
      ["a", 3],
      ["b", 1],
      ["c", 2],
    ]);
    let keyCalls = 0;
    const keyOf = (id: string) => {
      keyCalls++;
      return [keys.get(id)!, id] as const;
    };
    const b = new Bucket();
    for (const id of keys.keys()) b.add(id);
    expect(b.sorted("t", keyOf).ids).toEqual(["b", "c", "a"]);
    expect(keyCalls).toBe(3);
    expect(b.sorted("t", keyOf).ids).toEqual(["b", "c", "a"]); // cached
    expect(keyCalls).toBe(3);
    keys.set("a", 0);
    b.touch();
    expect(b.sorted("t", keyOf).ids).toEqual(["a", "b", "c"]);
    b.delete("b");
    expect(b.sorted("t", keyOf).ids).toEqual(["a", "c"]);
    b.delete("zzz"); // not a member: the view stays valid
    expect(b.sorted("t", keyOf).keys).toEqual([
      [0, "a"],
      [2, "c"],
    ]);
    expect(b.sorted("id", (id) => [id]).ids).toEqual(["a", "c"]);
  });

  it("orders ids by code point", () => {
    const b = new Bucket();
    for (const id of ["\u{1F600}", "\uFFFD", "a", "B"]) b.add(id);
    expect(b.sorted("id", (id) => [id]).ids).toEqual(["B", "a", "\uFFFD", "\u{1F600}"]);
  });
});

describe("firstAfter", () => {
  it("finds the first key strictly greater than the cursor key, as a linear scan does (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 5 }), shortId), { maxLength: 30, selector: ([t, id]) => `${t}|${id}` }), fc.integer({ min: 0, max: 5 }), shortId, (rows, t, id) => {
        const keys = [...rows].sort((a, b) => a[0] - b[0] || utf8(a[1], b[1]));
        const linear = keys.findIndex((k) => k[0] > t || (k[0] === t && utf8(k[1], id) > 0));
        expect(firstAfter(keys, [t, id])).toBe(linear === -1 ? keys.length : linear);
      }),
    );
  });
});
