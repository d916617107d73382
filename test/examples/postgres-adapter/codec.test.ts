import { describe, expect, it } from "vitest";
import { decodeEntity, encodeEntity } from "../../../examples/postgres-adapter/codec.js";

describe("entity codec", () => {
  it("round-trips Dates at any depth, $-keys and plain values through JSON text", () => {
    const entity = {
      id: "c-1",
      createdAt: new Date("1969-12-31T23:59:59.999Z"),
      history: [{ at: new Date("2040-01-01T00:00:00.001Z"), stage: "lead" }],
      attributes: { $date: "2024-01-01T00:00:00.000Z", $$x: 1, nested: { when: new Date(0) }, n: 0.1 + 0.2, big: 2 ** 53 - 1 },
      missing: undefined,
    };
    const back = decodeEntity(JSON.stringify(encodeEntity(entity)));
    const { missing: _missing, ...expected } = entity;
    expect(back).toEqual(expected);
    expect((back as { createdAt: unknown }).createdAt).toBeInstanceOf(Date);
    expect((back as { attributes: { $date: unknown } }).attributes.$date).toBe("2024-01-01T00:00:00.000Z");
  });

  it("tags dates so that a user's { $date } attribute is not mistaken for one", () => {
    expect(encodeEntity({ at: new Date(0), attrs: { $date: "x" } })).toEqual({ at: { $date: "1970-01-01T00:00:00.000Z" }, attrs: { $$date: "x" } });
    expect(decodeEntity({ a: { $date: "1970-01-01T00:00:00.000Z" }, b: { $$date: "1970-01-01T00:00:00.000Z" } })).toEqual({
      a: new Date(0),
      b: { $date: "1970-01-01T00:00:00.000Z" },
    });
  });
});
