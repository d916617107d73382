import { describe, expect, it } from "vitest";
import { prepareWrite, validateEntity, validateId, validateWriteOptions } from "../../src/repository/index.js";
import { invalidMessage as invalid } from "../support/expect-error.js";

const tx = { id: "t-1", customerId: "c-1", occurredAt: "2024-01-01T00:00:00Z", amount: { amount: 10, currency: "USD" }, kind: "purchase" } as const;

describe("validateEntity", () => {
  it("returns the parsed entity: ISO strings become Dates, defaults are filled in", () => {
    const t = validateEntity("transactions", tx);
    expect(t.occurredAt).toEqual(new Date("2024-01-01T00:00:00Z"));
    expect(t.attributes).toEqual({});
    const c = validateEntity("customers", { id: "c", createdAt: "2024-01-01T00:00:00+02:00" });
    expect(c.createdAt.toISOString()).toBe("2023-12-31T22:00:00.000Z");
    expect(c.emails).toEqual([]);
    expect(c.consent).toEqual({});
  });

  it("throws INVALID_INPUT naming the entity, the field and the value", () => {
    expect(invalid(() => validateEntity("transactions", { ...tx, amount: { amount: -5, currency: "USD" } }))).toMatch(/Transaction.*amount\.amount.*-5/);
    expect(invalid(() => validateEntity("deals", { id: "d" }))).toContain("Invalid Deal");
    invalid(() => validateEntity("transactions", { ...tx, extra: 1 }));
    invalid(() => validateEntity("transactions", null));
  });
});

describe("validateId", () => {
  it("accepts any non-empty string of at most 256 characters without control characters", () => {
    for (const id of ["c", "x".repeat(256), "\u{1F600}".repeat(128), " spaced ", "日本"]) expect(validateId("get(id)", id)).toBe(id);
  });

  it("rejects everything else, naming where", () => {
    for (const id of ["", "x".repeat(257), "a\u0000b", "a\nb", "\u007f", 42, null, undefined, ["c"]]) {
      expect(invalid(() => validateId("customers.get(id)", id))).toContain("customers.get(id)");
    }
  });
});

describe("validateWriteOptions", () => {
  it("returns the expected version: absent, 0 (create only) or a positive integer", () => {
    expect(validateWriteOptions("w", undefined)).toBeUndefined();
    expect(validateWriteOptions("w", {})).toBeUndefined();
    expect(validateWriteOptions("w", { expectedVersion: 0 })).toBe(0);
    expect(validateWriteOptions("w", { expectedVersion: 7 })).toBe(7);
  });

  it("rejects a non-object, and an expectedVersion that is not an integer >= 0", () => {
    invalid(() => validateWriteOptions("w", "force"));
    invalid(() => validateWriteOptions("w", null));
    for (const v of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "1", null]) {
      expect(invalid(() => validateWriteOptions("deals.upsert", { expectedVersion: v }))).toContain("deals.upsert(options).expectedVersion");
    }
  });
});

describe("prepareWrite: the version property of the input", () => {
  it("without version and options, the write is unconditional", () => {
    const w = prepareWrite("transactions", tx);
    expect(w.expectedVersion).toBeUndefined();
    expect(w.entity.id).toBe("t-1");
  });

  it("a version property is removed from the entity and becomes the expected version", () => {
    const input = { ...tx, version: 3 };
    const w = prepareWrite("transactions", input);
    expect(w.expectedVersion).toBe(3);
    expect("version" in w.entity).toBe(false);
    expect(input.version).toBe(3); // the caller's object is untouched
  });

  it("version: undefined is no version (a blind write), and is removed from the entity", () => {
    const w = prepareWrite("transactions", { ...tx, version: undefined });
    expect(w.expectedVersion).toBeUndefined();
    expect(Object.hasOwn(w.entity, "version")).toBe(false);
    expect(prepareWrite("transactions", { ...tx, version: undefined }, { expectedVersion: 4 }).expectedVersion).toBe(4);
  });

  it("options.expectedVersion takes precedence over the version property, also 0", () => {
    expect(prepareWrite("transactions", { ...tx, version: 3 }, { expectedVersion: 5 }).expectedVersion).toBe(5);
    expect(prepareWrite("transactions", { ...tx, version: 3 }, { expectedVersion: 0 }).expectedVersion).toBe(0);
    expect(prepareWrite("transactions", tx, { expectedVersion: 2 }).expectedVersion).toBe(2);
    expect(prepareWrite("transactions", { ...tx, version: 3 }, {}).expectedVersion).toBe(3);
  });

  it("a version that is not an integer >= 1 is INVALID_INPUT (0 is not a version a store returns)", () => {
    for (const version of [0, -1, 1.5, "1", null]) {
      expect(invalid(() => prepareWrite("transactions", { ...tx, version }))).toContain("transactions.upsert(entity).version");
    }
  });

  it("checks the options before the entity and the entity against its schema", () => {
    expect(invalid(() => prepareWrite("transactions", { ...tx, version: 1 }, { expectedVersion: -1 }))).toContain("expectedVersion");
    invalid(() => prepareWrite("transactions", { ...tx, kind: "gift" }));
    invalid(() => prepareWrite("transactions", "t-1"));
  });
});
