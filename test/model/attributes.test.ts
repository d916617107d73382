import { z } from "zod";
import { describe, expect, it } from "vitest";
import { CustomAttributesSchema, FORBIDDEN_KEYS, parseWith, safeRecord, SafeKeySchema, SlugSchema, TagsSchema } from "../../src/model/index.js";
import { expectInvalid } from "../support/expect-invalid.js";

describe("custom attributes and safe keys", () => {
  it("lists the three prototype-reaching keys", () => {
    expect([...FORBIDDEN_KEYS].sort()).toEqual(["__proto__", "constructor", "prototype"]);
  });

  it("safe keys: letters, digits, _ - . ; not starting with a digit or dot; at most 100 characters; not reserved", () => {
    for (const k of ["plan_tier", "a", "A.b-c_9", "_private", "x".repeat(100)]) expect(SafeKeySchema.parse(k)).toBe(k);
    for (const k of ["", "9lives", ".hidden", "has space", "ünïcode", "x".repeat(101), "__proto__", "constructor", "prototype"]) {
      expect(SafeKeySchema.safeParse(k).success, k).toBe(false);
    }
  });

  it("safeRecord rejects reserved own keys, also when JSON.parse created them", () => {
    const weights = safeRecord(SafeKeySchema, z.number());
    for (const json of ['{"__proto__": 1}', '{"constructor": 1}', '{"prototype": 1}', '{"ok": 1, "__proto__": {"polluted": true}}']) {
      const input = JSON.parse(json) as unknown;
      const key = Object.keys(input as object).find((k) => FORBIDDEN_KEYS.has(k))!;
      expectInvalid(() => parseWith(weights, "weights", input), key);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseWith(weights, "weights", { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expectInvalid(() => parseWith(weights, "weights", [1, 2]), "(root)");
    expectInvalid(() => parseWith(weights, "weights", new Date()), "(root)");
    expectInvalid(() => parseWith(weights, "weights", { a: "1" }), "a");
  });

  it("custom attribute values: strings, finite numbers, booleans, null, Dates, lists of strings", () => {
    const value = { s: "x", n: 1.5, b: false, z: null, d: new Date("2024-01-01T00:00:00Z"), l: ["a", "b"] };
    expect(CustomAttributesSchema.parse(value)).toEqual(value);
    expectInvalid(() => parseWith(CustomAttributesSchema, "attributes", { n: Number.NaN }), "n");
    expectInvalid(() => parseWith(CustomAttributesSchema, "attributes", { o: { nested: 1 } }), "o");
    expectInvalid(() => parseWith(CustomAttributesSchema, "attributes", { l: [1, 2] }), "l");
    expectInvalid(() => parseWith(CustomAttributesSchema, "attributes", { "bad key": 1 }), "bad key");
  });

  it("at most 500 custom attributes", () => {
    const many = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, i]));
    expectInvalid(() => parseWith(CustomAttributesSchema, "attributes", many), "(root)");
    expect(Object.keys(CustomAttributesSchema.parse(Object.fromEntries(Object.entries(many).slice(0, 500))))).toHaveLength(500);
  });

  it("tags: at most 100, each 1–100 characters; slugs: lower-case, starting with a letter", () => {
    expect(TagsSchema.parse(["vip", "newsletter"])).toEqual(["vip", "newsletter"]);
    expectInvalid(() => parseWith(TagsSchema, "tags", [""]), "[0]");
    expectInvalid(() => parseWith(TagsSchema, "tags", Array.from({ length: 101 }, (_, i) => `t${i}`)), "(root)");
    expect(SlugSchema.parse("marketing_qualified_lead")).toBe("marketing_qualified_lead");
    for (const bad of ["Lead", "1st", "paid search", "-x", "x".repeat(65)]) expect(SlugSchema.safeParse(bad).success, bad).toBe(false);
  });
});
