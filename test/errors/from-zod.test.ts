import { z } from "zod";
import { describe, expect, it } from "vitest";
import { fromZodError } from "../../src/errors/index.js";

describe("fromZodError", () => {
  const fail = (schema: z.ZodType, input: unknown) => {
    const r = schema.safeParse(input, { reportInput: true });
    if (r.success) throw new Error("expected a failure");
    return fromZodError("Thing", r.error);
  };

  it("names the path, the problem and the value", () => {
    const e = fail(z.object({ a: z.array(z.object({ b: z.number() })) }), { a: [{ b: "x" }] });
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toBe('Invalid Thing: a[0].b: Invalid input: expected number, received string (got "x")');
    expect(e.issues[0]!.path).toEqual(["a", 0, "b"]);
  });

  it("says (missing) for an absent required field and lists unknown keys without dumping the object", () => {
    const e = fail(z.strictObject({ id: z.string() }), { extra: 1 });
    expect(e.message).toContain("id: Invalid input: expected string, received undefined (missing)");
    expect(e.message).toContain('Unrecognized key: "extra"');
    expect(e.message).not.toContain('{"extra"');
  });

  it("reports the field that failed inside the union branch that matched the shape", () => {
    const schema = z.object({ rule: z.union([z.strictObject({ signal: z.enum(["a", "b"]) }), z.strictObject({ anyOf: z.array(z.string()) })]) });
    const e = fail(schema, { rule: { signal: "c" } });
    expect(e.message).toMatch(/^Invalid Thing: rule\.signal: /);
  });

  it("keeps a union's own message when no branch matched the shape", () => {
    const e = fail(z.union([z.date(), z.iso.datetime()], { error: "expected a date" }), 42);
    expect(e.message).toBe("Invalid Thing: (root): expected a date (got 42)");
  });

  it("caps the message at five issues", () => {
    const e = fail(z.array(z.number()), ["a", "b", "c", "d", "e", "f", "g"]);
    expect(e.message).toMatch(/and 2 more$/);
    expect(e.issues).toHaveLength(7);
  });
});
