import { z } from "zod";
import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../src/errors/index.js";
import { parseWith } from "../../src/model/index.js";

describe("parseWith", () => {
  it("returns the parsed value", () => {
    expect(parseWith(z.number().int().min(1), "port", 5432)).toBe(5432);
  });

  it("throws INVALID_INPUT naming what was parsed, each field, its value, and keeping zod's issues", () => {
    const schema = z.object({ age: z.number(), name: z.string() });
    let error: unknown;
    try {
      parseWith(schema, "Person", { age: "x", name: 3 });
    } catch (e) {
      error = e;
    }
    expect(isCrmkitError(error, "INVALID_INPUT")).toBe(true);
    const e = error as Error & { issues: { path: PropertyKey[]; input?: unknown }[]; cause: unknown };
    expect(e.message).toMatch(/^Invalid Person: /);
    expect(e.message).toContain('age: ');
    expect(e.message).toContain('(got "x")');
    expect(e.message).toContain("name: ");
    expect(e.issues.map((i) => i.path)).toEqual([["age"], ["name"]]);
    expect(e.issues[0]!.input).toBe("x");
    expect(e.cause).toBeInstanceOf(z.ZodError);
  });
});
