import { z } from "zod";
import { CrmkitError } from "../errors/crmkit-error.js";
import { fromZodError } from "../errors/from-zod.js";
import { FORBIDDEN_KEYS, SafeKeySchema } from "../model/attributes.js";
import { GeoPointSchema, type GeoPoint } from "../model/location.js";
import { assertPlainJson } from "./json-guard.js";

/**
 * Limits on the size of one segment definition (hostile or runaway rules are rejected).
 *
 * @example
 * ```ts
 * import { SEGMENT_DEFINITION_LIMITS } from "crmkit/segmentation";
 * SEGMENT_DEFINITION_LIMITS.maxInValues; // 10000
 * ```
 */
export const SEGMENT_DEFINITION_LIMITS = Object.freeze({
  /** Deepest nesting of `all` / `any` / `not` groups. */
  maxConditionDepth: 32,
  /** Most condition nodes (groups and leaves) in one definition. */
  maxConditions: 1_000,
  /** Most conditions in one `all` / `any` group. */
  maxGroupSize: 200,
  /** Most operands of one `in` condition. */
  maxInValues: 10_000,
  /** Longest string operand. */
  maxStringLength: 1_000,
});

/**
 * A field path: a `Customer` field (`location.city`, `createdAt`, `tags`…, see
 * `CUSTOMER_FIELDS`), `attributes.<key>` or `metrics.<name>`. Letters, digits, `_`,
 * `-` and `.`, at most 200 characters; no segment may be `__proto__`, `constructor`
 * or `prototype`.
 *
 * @example
 * ```ts
 * import { FieldPathSchema } from "crmkit/segmentation";
 * FieldPathSchema.parse("attributes.plan_tier");
 * FieldPathSchema.safeParse("attributes.__proto__").success; // false
 * ```
 */
export const FieldPathSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,199}$/, "expected a field path of letters, digits, '_', '-' and '.' (at most 200 characters)")
  .refine((p) => !p.split(".").some((segment) => FORBIDDEN_KEYS.has(segment)), {
    message: "a field path may not contain __proto__, constructor or prototype",
  });

/**
 * A date operand: an ISO 8601 calendar date (`2024-05-01`, midnight UTC) or a
 * date-time with an offset (`2024-05-01T10:00:00Z`).
 *
 * @example
 * ```ts
 * import { DateOperandSchema } from "crmkit/segmentation";
 * DateOperandSchema.parse("2024-05-01");
 * ```
 */
export const DateOperandSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "expected an ISO date (YYYY-MM-DD) or date-time with offset",
});

const text = z.string().max(SEGMENT_DEFINITION_LIMITS.maxStringLength, `expected at most ${SEGMENT_DEFINITION_LIMITS.maxStringLength} characters`);
const needle = text.min(1, "expected a non-empty string");
const scalar = z.union([text, z.number(), z.boolean()], { error: "expected a string, a finite number or a boolean" });
const ordered = z.union([z.number(), DateOperandSchema], {
  error: "expected a finite number or an ISO date (YYYY-MM-DD or date-time with offset)",
});

/**
 * A condition on one field (see {@link SegmentCondition}).
 *
 * @example
 * ```ts
 * import type { FieldCondition } from "crmkit/segmentation";
 * const gmail: FieldCondition = { field: "emails", op: "endsWith", value: "@gmail.com", ignoreCase: true };
 * ```
 */
export type FieldCondition =
  | { readonly field: string; readonly op: "eq"; readonly value: string | number | boolean; readonly ignoreCase?: boolean | undefined }
  | { readonly field: string; readonly op: "in"; readonly values: readonly (string | number | boolean)[]; readonly ignoreCase?: boolean | undefined }
  | { readonly field: string; readonly op: "gt" | "gte" | "lt" | "lte"; readonly value: number | string }
  | { readonly field: string; readonly op: "between"; readonly min: number | string; readonly max: number | string }
  | { readonly field: string; readonly op: "contains" | "startsWith" | "endsWith"; readonly value: string; readonly ignoreCase?: boolean | undefined }
  | { readonly field: string; readonly op: "exists" }
  | { readonly field: string; readonly op: "withinLast"; readonly days: number }
  | { readonly field: string; readonly op: "withinRadius"; readonly center: GeoPoint; readonly radiusKm: number };

/**
 * One node of a segment rule: a group (`all`, `any`, `not`) or a condition on one
 * field. JSON data, discriminated by `op`:
 *
 * | `op` | shape | true when |
 * |---|---|---|
 * | `all` | `{ op, conditions: [...] }` | every condition holds |
 * | `any` | `{ op, conditions: [...] }` | at least one holds |
 * | `not` | `{ op, condition }` | the condition does not hold |
 * | `eq` | `{ field, op, value, ignoreCase? }` | the field equals `value` |
 * | `in` | `{ field, op, values, ignoreCase? }` | the field (or, for lists, one element) is one of `values` |
 * | `gt` `gte` `lt` `lte` | `{ field, op, value }` | number or date comparison |
 * | `between` | `{ field, op, min, max }` | `min <= field <= max` |
 * | `contains` | `{ field, op, value, ignoreCase? }` | substring of a string, or element of a list |
 * | `startsWith` `endsWith` | `{ field, op, value, ignoreCase? }` | prefix / suffix (of some element, for lists) |
 * | `exists` | `{ field, op }` | present, not null, not `""`, not an empty list |
 * | `withinLast` | `{ field, op, days }` | a date in `[asOf − days, asOf]` |
 * | `withinRadius` | `{ field, op, center, radiusKm }` | a point within `radiusKm` (haversine) of `center` |
 *
 * A missing value makes every condition but `exists` false (so `not` of it true).
 *
 * @example
 * ```ts
 * import type { SegmentCondition } from "crmkit/segmentation";
 * const berliners: SegmentCondition = {
 *   op: "all",
 *   conditions: [
 *     { field: "location.country", op: "eq", value: "DE" },
 *     { field: "location.coordinates", op: "withinRadius", center: { latitude: 52.52, longitude: 13.405 }, radiusKm: 30 },
 *   ],
 * };
 * ```
 */
export type SegmentCondition =
  | { readonly op: "all" | "any"; readonly conditions: readonly SegmentCondition[] }
  | { readonly op: "not"; readonly condition: SegmentCondition }
  | FieldCondition;

const groupOf = (op: "all" | "any") =>
  z.strictObject({
    op: z.literal(op),
    get conditions() {
      return z
        .array(SegmentConditionSchema)
        .min(1, "expected at least one condition")
        .max(SEGMENT_DEFINITION_LIMITS.maxGroupSize, `expected at most ${SEGMENT_DEFINITION_LIMITS.maxGroupSize} conditions in a group`);
    },
  });

/**
 * The zod schema of {@link SegmentCondition} (recursive, discriminated by `op`).
 * Prefer {@link parseSegmentDefinition}, which also applies the size limits and the
 * `__proto__` guard before the schema runs.
 *
 * @example
 * ```ts
 * import { SegmentConditionSchema } from "crmkit/segmentation";
 * SegmentConditionSchema.safeParse({ field: "tags", op: "contains", value: "vip" }).success; // true
 * ```
 */
export const SegmentConditionSchema: z.ZodType<SegmentCondition> = z.discriminatedUnion("op", [
  groupOf("all"),
  groupOf("any"),
  z.strictObject({
    op: z.literal("not"),
    get condition() {
      return SegmentConditionSchema;
    },
  }),
  z.strictObject({ field: FieldPathSchema, op: z.literal("eq"), value: scalar, ignoreCase: z.boolean().optional() }),
  z.strictObject({
    field: FieldPathSchema,
    op: z.literal("in"),
    values: z
      .array(scalar)
      .min(1, "expected at least one value")
      .max(SEGMENT_DEFINITION_LIMITS.maxInValues, `expected at most ${SEGMENT_DEFINITION_LIMITS.maxInValues} values`),
    ignoreCase: z.boolean().optional(),
  }),
  z.strictObject({ field: FieldPathSchema, op: z.enum(["gt", "gte", "lt", "lte"]), value: ordered }),
  z
    .strictObject({ field: FieldPathSchema, op: z.literal("between"), min: ordered, max: ordered })
    .superRefine((c, ctx) => {
      if (typeof c.min !== typeof c.max) {
        ctx.addIssue({ code: "custom", path: ["max"], message: "expected min and max of the same kind (both numbers or both dates)", input: c.max });
      } else if ((typeof c.min === "number" ? c.min : Date.parse(c.min)) > (typeof c.max === "number" ? c.max : Date.parse(c.max as string))) {
        ctx.addIssue({ code: "custom", path: ["max"], message: "expected max >= min", input: c.max });
      }
    }),
  z.strictObject({ field: FieldPathSchema, op: z.enum(["contains", "startsWith", "endsWith"]), value: needle, ignoreCase: z.boolean().optional() }),
  z.strictObject({ field: FieldPathSchema, op: z.literal("exists") }),
  z.strictObject({
    field: FieldPathSchema,
    op: z.literal("withinLast"),
    days: z.number().positive("expected a number of days > 0").max(366_000, "expected at most 366000 days"),
  }),
  z.strictObject({
    field: FieldPathSchema,
    op: z.literal("withinRadius"),
    center: GeoPointSchema,
    radiusKm: z.number().positive("expected a radius > 0 km").max(20_040, "expected a radius of at most 20040 km (half the Earth's circumference)"),
  }),
]);

/**
 * A named segment: an `id` (a safe key), an optional display `name` and
 * `description`, and the rule (`where`) a customer must satisfy. JSON data: store
 * it, send it over HTTP, let users edit it; compile it with `compileSegment`.
 *
 * @example
 * ```ts
 * import type { SegmentDefinition } from "crmkit/segmentation";
 * const lapsedVips: SegmentDefinition = {
 *   id: "lapsed-vips",
 *   name: "Lapsed VIPs",
 *   where: {
 *     op: "all",
 *     conditions: [
 *       { field: "tags", op: "contains", value: "vip" },
 *       { op: "not", condition: { field: "metrics.lastPurchaseAt", op: "withinLast", days: 90 } },
 *     ],
 *   },
 * };
 * ```
 */
export interface SegmentDefinition {
  readonly id: string;
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly where: SegmentCondition;
}

/**
 * The zod schema of {@link SegmentDefinition}. Plain `safeParse` does not apply the
 * size limits or reject `__proto__` keys the way {@link parseSegmentDefinition} does.
 *
 * @example
 * ```ts
 * import { SegmentDefinitionSchema } from "crmkit/segmentation";
 * import { z } from "zod";
 * const jsonSchema = z.toJSONSchema(SegmentDefinitionSchema); // for a rule-builder UI
 * ```
 */
export const SegmentDefinitionSchema: z.ZodType<SegmentDefinition> = z.strictObject({
  id: SafeKeySchema,
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(2_000).optional(),
  where: SegmentConditionSchema,
});

function conditionShapeError(path: string, message: string, value: unknown): CrmkitError {
  return new CrmkitError("INVALID_INPUT", `Invalid SegmentDefinition: ${path}: ${message}`, {
    issues: [{ path: path.split("."), message, input: value }],
    details: { what: "SegmentDefinition", path },
  });
}

function checkConditionTree(root: SegmentCondition): void {
  const stack: { node: SegmentCondition; depth: number; path: string }[] = [{ node: root, depth: 1, path: "where" }];
  let count = 0;
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    count++;
    if (count > SEGMENT_DEFINITION_LIMITS.maxConditions) {
      throw conditionShapeError("where", `expected at most ${SEGMENT_DEFINITION_LIMITS.maxConditions} conditions in total`, undefined);
    }
    if (depth > SEGMENT_DEFINITION_LIMITS.maxConditionDepth) {
      throw conditionShapeError(path, `expected groups nested at most ${SEGMENT_DEFINITION_LIMITS.maxConditionDepth} deep`, undefined);
    }
    if (node.op === "all" || node.op === "any") node.conditions.forEach((c, i) => stack.push({ node: c, depth: depth + 1, path: `${path}.conditions[${i}]` }));
    else if (node.op === "not") stack.push({ node: node.condition, depth: depth + 1, path: `${path}.condition` });
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a segment definition (for instance parsed from JSON a user wrote) and
 * returns a deeply frozen copy. Before the schema runs, the input must be plain
 * JSON data with no `__proto__` / `constructor` / `prototype` key anywhere and no
 * getters, within the size limits of {@link SEGMENT_DEFINITION_LIMITS}. Throws
 * `CrmkitError` `INVALID_INPUT` naming the offending path.
 *
 * Field paths are checked against the customer schema by `compileSegment`, which
 * knows the caller's metrics.
 *
 * @example
 * ```ts
 * import { parseSegmentDefinition } from "crmkit/segmentation";
 * const def = parseSegmentDefinition(JSON.parse('{"id":"de","where":{"field":"location.country","op":"eq","value":"DE"}}'));
 * parseSegmentDefinition(JSON.parse('{"id":"x","where":{"__proto__":{}}}')); // throws: key "__proto__" is reserved
 * ```
 */
export function parseSegmentDefinition(input: unknown): SegmentDefinition {
  assertPlainJson(input, "SegmentDefinition", { maxDepth: 2 * SEGMENT_DEFINITION_LIMITS.maxConditionDepth + 8, maxNodes: 50_000 });
  const result = SegmentDefinitionSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw fromZodError("SegmentDefinition", result.error);
  checkConditionTree(result.data.where);
  return deepFreeze(result.data);
}
