import { z } from "zod";

/**
 * An entity id: any non-empty string of at most 256 characters, without control
 * characters. crmkit never generates or interprets ids; hosts use their own (UUIDs,
 * database keys, external system ids).
 *
 * @example
 * ```ts
 * import { IdSchema } from "crmkit/model";
 * IdSchema.parse("cus_01H8Z"); // "cus_01H8Z"
 * ```
 */
export const IdSchema = z
  .string()
  .min(1, "expected a non-empty id")
  .max(256, "expected an id of at most 256 characters")
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f]*$/, "expected an id without control characters");

/**
 * An entity id (see {@link IdSchema}).
 *
 * @example
 * ```ts
 * import type { Id } from "crmkit/model";
 * const id: Id = "cus_1";
 * ```
 */
export type Id = z.infer<typeof IdSchema>;
