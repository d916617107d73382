import { describe, expect, it } from "vitest";
import { isCrmkitError } from "../../../src/errors/index.js";
import { ENTITY_COLLECTIONS, ENTITY_DEFINITIONS } from "../../../src/model/index.js";
import { compareCodePoints, QUERY_SPECS, validateEntity } from "../../../src/repository/index.js";
import { FIXTURES, invalidInputs, variedSet } from "../../../src/testing/conformance/fixtures/index.js";
import { ORDER_IDS } from "../../../src/testing/conformance/fixtures/values.js";

// The kit's rules are only as strong as its data: these tests keep the fixtures meaningful.
describe.each(ENTITY_COLLECTIONS)("conformance fixtures of %s", (c) => {
  const f = FIXTURES[c] as unknown as { full(id: string): object; minimal(id: string): object; varied(i: number, id: string): object; exclusiveOfFull?: readonly string[] };
  const spec = QUERY_SPECS[c] as unknown as { equals: Record<string, (e: unknown) => string | undefined>; ranges: Record<string, (e: unknown) => Date | undefined> };

  it("full, minimal and every varied entity are valid", () => {
    validateEntity(c, f.full("x"));
    validateEntity(c, f.minimal("x"));
    for (const input of variedSet(c)) validateEntity(c, input);
  });

  it("the full entity sets every field of the schema; the minimal one only the required ones", () => {
    const shape = (ENTITY_DEFINITIONS[c].schema as unknown as { def: { in?: { shape: object }; shape?: object } }).def;
    const keys = Object.keys(shape.shape ?? shape.in!.shape);
    const exclusive = new Set(f.exclusiveOfFull ?? []);
    expect(Object.keys(f.full("x")).sort()).toEqual(keys.filter((k) => !exclusive.has(k)).sort());
    for (const k of exclusive) expect(keys).toContain(k);
    const minimal = validateEntity(c, f.minimal("x")) as unknown as Record<string, unknown>;
    expect(Object.keys(f.minimal("x")).length).toBeLessThan(keys.length);
    expect(Object.keys(minimal).length).toBeGreaterThanOrEqual(Object.keys(f.minimal("x")).length);
  });

  it("every equality filter key takes at least two values, and is absent on some entity when the schema makes it optional", () => {
    const entities = variedSet(c).map((i) => validateEntity(c, i));
    const minimal = validateEntity(c, f.minimal("x"));
    for (const [key, accessor] of Object.entries(spec.equals)) {
      expect(new Set(entities.map((e) => accessor(e)).filter((v) => v !== undefined)).size, key).toBeGreaterThanOrEqual(2);
      // Optional: the minimal valid entity has no value for it.
      if (accessor(minimal) === undefined) expect(entities.some((e) => accessor(e) === undefined), `${c}.${key} absent on some entity`).toBe(true);
    }
  });

  it("every range key takes several instants with ties, one before 1970", () => {
    const entities = variedSet(c).map((i) => validateEntity(c, i));
    for (const [key, accessor] of Object.entries(spec.ranges)) {
      const times = entities.map((e) => accessor(e)?.getTime()).filter((t): t is number => t !== undefined);
      expect(new Set(times).size, key).toBeGreaterThanOrEqual(4);
      expect(new Set(times).size, `${key} has ties`).toBeLessThan(times.length);
    }
    const time = entities.map((e) => (spec.ranges[QUERY_SPECS[c].timeField]!(e) as Date).getTime());
    expect(Math.min(...time)).toBeLessThan(0);
  });

  it("every invalid input is rejected by the schema with INVALID_INPUT", () => {
    for (const bad of invalidInputs(c, "v-1")) {
      let error: unknown = null;
      try {
        validateEntity(c, bad.input);
      } catch (e) {
        error = e;
      }
      expect(isCrmkitError(error, "INVALID_INPUT"), bad.reason).toBe(true);
    }
  });
});

describe("ORDER_IDS", () => {
  it("order differently by code point, by UTF-16 code unit and by locale, so a wrong collation shows", () => {
    const byCodePoint = [...ORDER_IDS].sort(compareCodePoints);
    const byUtf16 = [...ORDER_IDS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const byLocale = [...ORDER_IDS].sort((a, b) => a.localeCompare(b, "en"));
    expect(byUtf16).not.toEqual(byCodePoint);
    expect(byLocale).not.toEqual(byCodePoint);
    expect(new Set(ORDER_IDS).size).toBe(ORDER_IDS.length);
  });
});
