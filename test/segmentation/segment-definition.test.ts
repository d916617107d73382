import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isCrmkitError } from "../../src/errors/crmkit-error.js";
import {
  FieldPathSchema,
  parseSegmentDefinition,
  SEGMENT_DEFINITION_LIMITS,
  SegmentDefinitionSchema,
} from "../../src/segmentation/segment-definition.js";

function rejection(input: unknown): string {
  try {
    parseSegmentDefinition(input);
  } catch (e) {
    if (isCrmkitError(e, "INVALID_INPUT")) return e.message;
    throw e;
  }
  throw new Error("expected the definition to be rejected");
}

const leaf = { field: "tags", op: "contains", value: "vip" };

describe("parseSegmentDefinition", () => {
  it("accepts a JSON definition and returns a frozen copy that round-trips through JSON", () => {
    const json = JSON.stringify({
      id: "vip-berlin",
      name: "VIPs around Berlin",
      where: {
        op: "all",
        conditions: [
          leaf,
          { field: "location.coordinates", op: "withinRadius", center: { latitude: 52.52, longitude: 13.405 }, radiusKm: 50 },
          { op: "not", condition: { field: "createdAt", op: "withinLast", days: 30 } },
          { field: "createdAt", op: "between", min: "2020-01-01", max: "2024-01-01T00:00:00Z" },
        ],
      },
    });
    const def = parseSegmentDefinition(JSON.parse(json));
    expect(Object.isFrozen(def)).toBe(true);
    expect(JSON.stringify(def)).toBe(json);
  });

  it("rejects __proto__, constructor and prototype keys anywhere, even where z.record would drop them", () => {
    expect(rejection(JSON.parse('{"id":"x","where":{"__proto__":{"op":"all"},"field":"tags","op":"exists"}}'))).toContain(
      'where.__proto__: key "__proto__" is reserved',
    );
    expect(rejection(JSON.parse('{"id":"x","where":{"op":"not","condition":{"field":"tags","op":"exists","constructor":{}}}}'))).toContain(
      'where.condition.constructor: key "constructor" is reserved',
    );
    expect(
      rejection(JSON.parse('{"id":"x","where":{"field":"location.coordinates","op":"withinRadius","radiusKm":1,"center":{"latitude":0,"longitude":0,"prototype":1}}}')),
    ).toContain('where.center.prototype: key "prototype" is reserved');
    expect(rejection(JSON.parse('{"__proto__":{"polluted":true},"id":"x","where":{"field":"tags","op":"exists"}}'))).toContain('Invalid SegmentDefinition: __proto__: key "__proto__" is reserved');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("rejects forbidden segments in field paths and ids", () => {
    for (const field of ["__proto__", "attributes.__proto__", "constructor.name", "attributes.a.prototype", "metrics.constructor"]) {
      expect(rejection({ id: "x", where: { field, op: "exists" } })).toContain("where.field");
    }
    expect(rejection({ id: "__proto__", where: leaf })).toContain("id:");
    expect(FieldPathSchema.safeParse("attributes.plan.tier").success).toBe(true);
    expect(FieldPathSchema.safeParse("attributes.plan tier").success).toBe(false);
  });

  it("offers no regex operator (names the operators it has)", () => {
    const message = rejection({ id: "x", where: { field: "firstName", op: "regex", value: "(a+)+$" } });
    expect(message).toContain("where.op");
    expect(message).toContain("'contains'");
    expect(message).toContain("'startsWith'");
  });

  it("rejects what is not plain JSON data", () => {
    expect(rejection({ id: "x", where: { ...leaf, value: () => "vip" } })).toContain("where.value: expected JSON data, got a function");
    expect(rejection({ id: "x", where: { field: "createdAt", op: "gt", value: new Date() } })).toContain("where.value: expected a plain object");
    const withGetter = { id: "x", where: { field: "tags", op: "contains" } } as Record<string, unknown>;
    Object.defineProperty(withGetter.where, "value", { get: () => "vip", enumerable: true });
    expect(rejection(withGetter)).toContain("where.value: expected a data property, got a getter/setter");
    expect(rejection({ id: "x", where: { field: "createdAt", op: "gt", value: Number.POSITIVE_INFINITY } })).toContain("where.value");
    expect(rejection({ id: "x", where: { field: "createdAt", op: "gt", value: Number.NaN } })).toContain("where.value");
    expect(rejection(Object.create({ inherited: 1 }) as unknown)).toContain("expected a plain object");
    expect(rejection(null)).toContain("Invalid SegmentDefinition");
  });

  it("rejects unknown keys and misshapen conditions, naming the path", () => {
    expect(rejection({ id: "x", where: { ...leaf, extra: 1 } })).toContain('where: Unrecognized key: "extra"');
    expect(rejection({ id: "x", where: { op: "all", conditions: [] } })).toContain("where.conditions: expected at least one condition");
    expect(rejection({ id: "x", where: { op: "all", conditions: [leaf, { field: "tags", op: "in", values: [] }] } })).toContain(
      "where.conditions[1].values: expected at least one value",
    );
    expect(rejection({ id: "x", where: { field: "createdAt", op: "between", min: "2024-02-01", max: "2024-01-01" } })).toContain("where.max: expected max >= min");
    expect(rejection({ id: "x", where: { field: "createdAt", op: "between", min: 1, max: "2024-01-01" } })).toContain("same kind");
    expect(rejection({ id: "x", where: { field: "createdAt", op: "withinLast", days: 0 } })).toContain("where.days");
    expect(rejection({ id: "x", where: { field: "tags", op: "contains", value: "" } })).toContain("where.value: expected a non-empty string");
    expect(rejection({ id: "x", where: { field: "location.coordinates", op: "withinRadius", center: { latitude: 91, longitude: 0 }, radiusKm: 1 } })).toContain(
      "where.center.latitude",
    );
  });

  it("bounds nesting without overflowing the stack", () => {
    let deep: unknown = leaf;
    for (let i = 0; i < 100_000; i++) deep = { op: "not", condition: deep };
    expect(rejection({ id: "x", where: deep })).toContain("expected nesting at most");
    let groups: unknown = leaf;
    for (let i = 0; i < SEGMENT_DEFINITION_LIMITS.maxConditionDepth; i++) groups = { op: "all", conditions: [groups] };
    expect(rejection({ id: "x", where: groups })).toContain(`expected groups nested at most ${SEGMENT_DEFINITION_LIMITS.maxConditionDepth} deep`);
  });

  it("bounds the size of a definition", () => {
    const many = Array.from({ length: 150 }, () => ({ op: "any", conditions: [leaf, leaf, leaf, leaf, leaf, leaf, leaf] }));
    expect(rejection({ id: "x", where: { op: "all", conditions: many.slice(0, 150) } })).toContain("expected at most 1000 conditions in total");
    expect(rejection({ id: "x", where: { op: "all", conditions: Array.from({ length: 201 }, () => leaf) } })).toContain("expected at most 200 conditions in a group");
    expect(rejection({ id: "x", where: { field: "tags", op: "in", values: Array.from({ length: 10_001 }, (_, i) => `t${i}`) } })).toContain("expected at most 10000 values");
    expect(rejection({ id: "x", where: { field: "tags", op: "contains", value: "a".repeat(1_001) } })).toContain("expected at most 1000 characters");
    expect(rejection({ id: "x", where: { field: "tags", op: "in", values: Array.from({ length: 60_000 }, () => "t") } })).toContain("values in total");
  });

  it("exports the schema for JSON-Schema generation (rule-builder UIs)", () => {
    const schema = z.toJSONSchema(SegmentDefinitionSchema) as { required?: string[] };
    expect(schema.required).toEqual(["id", "where"]);
  });
});
