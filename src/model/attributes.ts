import { z } from "zod";

/**
 * Keys that must never be used as user-supplied property names: they reach the
 * prototype chain of plain objects.
 *
 * @example
 * ```ts
 * import { FORBIDDEN_KEYS } from "crmkit/model";
 * FORBIDDEN_KEYS.has("__proto__"); // true
 * ```
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A safe property key for user-defined data: 1–100 characters of letters, digits,
 * `_`, `-` or `.`, not starting with a digit or `.`, and not one of
 * {@link FORBIDDEN_KEYS}.
 *
 * @example
 * ```ts
 * import { SafeKeySchema } from "crmkit/model";
 * SafeKeySchema.safeParse("__proto__").success; // false
 * SafeKeySchema.parse("plan_tier"); // "plan_tier"
 * ```
 */
export const SafeKeySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, "expected a key of letters, digits, '_', '-' or '.' (1-100 characters)")
  .refine((k) => !FORBIDDEN_KEYS.has(k), { message: "key is reserved (__proto__, constructor, prototype)" });

/**
 * The value of one custom attribute: string, finite number, boolean, null, `Date`
 * or a list of strings.
 *
 * @example
 * ```ts
 * import { AttributeValueSchema } from "crmkit/model";
 * AttributeValueSchema.parse(["vip", "beta"]);
 * ```
 */
export const AttributeValueSchema = z.union([
  z.string().max(10_000),
  z.number().finite(),
  z.boolean(),
  z.null(),
  z.date(),
  z.array(z.string().max(1_000)).max(1_000),
]);

/**
 * A record schema that *rejects* objects with a reserved own key (`__proto__`,
 * `constructor`, `prototype`) instead of silently dropping it, as plain
 * `z.record` does for `__proto__`. Use it for every user-supplied map.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { safeRecord, SafeKeySchema } from "crmkit/model";
 * const weights = safeRecord(SafeKeySchema, z.number());
 * weights.safeParse(JSON.parse('{"__proto__": 1}')).success; // false
 * ```
 */
export function safeRecord<V extends z.ZodType>(
  keySchema: z.ZodType<string, string>,
  valueSchema: V,
): z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>> {
  const record = z.record(keySchema, valueSchema) as unknown as z.ZodType<Record<string, z.output<V>>, Record<string, z.input<V>>>;
  return z
    .custom<Record<string, z.input<V>>>((v) => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date), {
      error: "expected a plain object",
    })
    .superRefine((v, ctx) => {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) {
          ctx.addIssue({ code: "custom", path: [key], message: `key "${key}" is reserved and not allowed`, input: key });
        }
      }
    })
    .pipe(record);
}

/**
 * Custom attributes of an entity (what Salesforce calls custom fields and HubSpot
 * custom properties): at most 500 safe keys with {@link AttributeValueSchema} values.
 *
 * @example
 * ```ts
 * import { CustomAttributesSchema } from "crmkit/model";
 * CustomAttributesSchema.parse({ plan_tier: "gold", seats: 12 });
 * ```
 */
export const CustomAttributesSchema = safeRecord(SafeKeySchema, AttributeValueSchema).refine((r) => Object.keys(r).length <= 500, { message: "expected at most 500 custom attributes" });

/**
 * Custom attributes (see {@link CustomAttributesSchema}).
 *
 * @example
 * ```ts
 * import type { CustomAttributes } from "crmkit/model";
 * const attrs: CustomAttributes = { plan_tier: "gold" };
 * ```
 */
export type CustomAttributes = z.infer<typeof CustomAttributesSchema>;

/**
 * Free-form tags (at most 100, each 1–100 characters).
 *
 * @example
 * ```ts
 * import { TagsSchema } from "crmkit/model";
 * TagsSchema.parse(["vip", "newsletter"]);
 * ```
 */
export const TagsSchema = z.array(z.string().min(1).max(100)).max(100);

/**
 * A slug used for configurable keys (lifecycle stages, sources): lower-case letters,
 * digits, `_` and `-`, starting with a letter, at most 64 characters.
 *
 * @example
 * ```ts
 * import { SlugSchema } from "crmkit/model";
 * SlugSchema.parse("marketing_qualified_lead");
 * ```
 */
export const SlugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, "expected a lower-case slug (letters, digits, '_' or '-', starting with a letter)");
