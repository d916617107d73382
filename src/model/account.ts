import { z } from "zod";
import { CustomAttributesSchema, TagsSchema } from "./attributes.js";
import { IdSchema } from "./id.js";
import { LocationSchema } from "./location.js";
import { NonNegativeMoneySchema } from "./money.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * An account (a company; Salesforce's Account, HubSpot's and Twenty's Company) with
 * its firmographics: industry, employee count, annual revenue, location.
 *
 * @example
 * ```ts
 * import { parseAccount } from "crmkit/model";
 * parseAccount({
 *   id: "a-1",
 *   name: "Acme GmbH",
 *   domain: "acme.example",
 *   industry: "manufacturing",
 *   employeeCount: 250,
 *   annualRevenue: { amount: 40_000_000, currency: "EUR" },
 *   location: { country: "DE" },
 *   createdAt: "2023-06-01T00:00:00Z",
 * });
 * ```
 */
export const AccountSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(400),
    domain: z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/i, "expected a domain name such as acme.example")
      .optional(),
    industry: z.string().min(1).max(200).optional(),
    employeeCount: z.number().int().nonnegative().optional(),
    annualRevenue: NonNegativeMoneySchema.optional(),
    location: LocationSchema.optional(),
    parentAccountId: IdSchema.optional(),
    ownerId: IdSchema.optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    tags: TagsSchema.default([]),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((a, ctx) => {
    if (a.parentAccountId === a.id) ctx.addIssue({ code: "custom", path: ["parentAccountId"], message: "an account cannot be its own parent", input: a.parentAccountId });
    if (a.updatedAt !== undefined && a.updatedAt < a.createdAt) ctx.addIssue({ code: "custom", path: ["updatedAt"], message: "expected updatedAt >= createdAt", input: a.updatedAt });
  });

/**
 * An account (see {@link AccountSchema}).
 *
 * @example
 * ```ts
 * import type { Account } from "crmkit/model";
 * const size = (a: Account) => a.employeeCount ?? 0;
 * ```
 */
export type Account = z.infer<typeof AccountSchema>;

/**
 * What {@link parseAccount} accepts.
 *
 * @example
 * ```ts
 * import type { AccountInput } from "crmkit/model";
 * const a: AccountInput = { id: "a-1", name: "Acme", createdAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type AccountInput = z.input<typeof AccountSchema>;

/**
 * Validates an account; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseAccount } from "crmkit/model";
 * parseAccount({ id: "a-1", name: "Acme", createdAt: new Date() });
 * ```
 */
export function parseAccount(input: unknown): Account {
  return parseWith(AccountSchema, "Account", input);
}
