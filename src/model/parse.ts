import type { z } from "zod";
import { fromZodError } from "../errors/from-zod.js";

/**
 * Parses `input` with `schema`, throwing an `INVALID_INPUT` `CrmkitError` that names
 * each failing field, its value and what was expected. The building block of every
 * `parse<Entity>` function; use it with your own schemas too.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { parseWith } from "crmkit/model";
 * const port = parseWith(z.number().int().min(1), "port", 5432); // 5432
 * ```
 */
export function parseWith<S extends z.ZodType>(schema: S, what: string, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw fromZodError(what, result.error);
  return result.data;
}
