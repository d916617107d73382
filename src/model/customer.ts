import { z } from "zod";
import { CustomAttributesSchema, SlugSchema, TagsSchema } from "./attributes.js";
import { ContactChannelSchema } from "./channels.js";
import { IdSchema } from "./id.js";
import { LocationSchema } from "./location.js";
import { parseWith } from "./parse.js";
import { CalendarDateSchema, TimestampSchema } from "./timestamp.js";

/**
 * An email address of a customer.
 *
 * @example
 * ```ts
 * import { EmailAddressSchema } from "crmkit/model";
 * EmailAddressSchema.parse({ address: "ada@example.com", primary: true });
 * ```
 */
export const EmailAddressSchema = z.strictObject({
  address: z.email("expected an email address"),
  label: z.string().min(1).max(50).optional(),
  primary: z.boolean().optional(),
});

/**
 * A phone number of a customer (digits with optional `+`, spaces, dots, dashes,
 * parentheses; E.164 recommended).
 *
 * @example
 * ```ts
 * import { PhoneNumberSchema } from "crmkit/model";
 * PhoneNumberSchema.parse({ number: "+49 30 1234567", label: "work" });
 * ```
 */
export const PhoneNumberSchema = z.strictObject({
  number: z.string().regex(/^\+?[0-9][0-9 ().-]{2,31}$/, "expected a phone number such as +49 30 1234567"),
  label: z.string().min(1).max(50).optional(),
  primary: z.boolean().optional(),
});

/**
 * Consent to be contacted on one channel (opt-in `granted`, opt-out `denied`, or
 * `unknown`), with when and where it was recorded.
 *
 * @example
 * ```ts
 * import { ConsentSchema } from "crmkit/model";
 * ConsentSchema.parse({ status: "granted", updatedAt: "2024-01-05T09:00:00Z", source: "signup form" });
 * ```
 */
export const ConsentSchema = z.strictObject({
  status: z.enum(["granted", "denied", "unknown"]),
  updatedAt: TimestampSchema.optional(),
  source: z.string().min(1).max(200).optional(),
});

/**
 * A customer's consent per contact channel.
 *
 * @example
 * ```ts
 * import type { Consent } from "crmkit/model";
 * const c: Consent = { status: "denied" };
 * ```
 */
export type Consent = z.infer<typeof ConsentSchema>;

/**
 * One entry of a customer's lifecycle-stage history: the stage and when it was entered.
 *
 * @example
 * ```ts
 * import { LifecycleStageEntrySchema } from "crmkit/model";
 * LifecycleStageEntrySchema.parse({ stage: "lead", enteredAt: "2024-01-01T00:00:00Z" });
 * ```
 */
export const LifecycleStageEntrySchema = z.strictObject({
  stage: SlugSchema,
  enteredAt: TimestampSchema,
});

/**
 * A lifecycle-stage history entry.
 *
 * @example
 * ```ts
 * import type { LifecycleStageEntry } from "crmkit/model";
 * const e: LifecycleStageEntry = { stage: "customer", enteredAt: new Date() };
 * ```
 */
export type LifecycleStageEntry = z.infer<typeof LifecycleStageEntrySchema>;

/**
 * A customer (a person; Salesforce's Contact, HubSpot's and Twenty's Person).
 *
 * - `lifecycleStage` is a slug from the host's lifecycle configuration (crmkit's
 *   defaults follow HubSpot: subscriber, lead, marketing_qualified_lead,
 *   sales_qualified_lead, opportunity, customer, evangelist, other); its
 *   `lifecycleHistory` keeps every stage entered, oldest first, and its last entry
 *   must be the current stage.
 * - `acquisitionSource` is a free slug (`referral`, `website`, `event`…): reports
 *   group by it.
 * - `birthDate` is a calendar date (`YYYY-MM-DD`), not an instant.
 * - `consent` holds opt-in status per contact channel.
 *
 * @example
 * ```ts
 * import { parseCustomer } from "crmkit/model";
 * const c = parseCustomer({
 *   id: "c-1",
 *   firstName: "Ada",
 *   lastName: "Lovelace",
 *   emails: [{ address: "ada@example.com", primary: true }],
 *   createdAt: "2024-01-15T10:00:00Z",
 *   acquisitionSource: "referral",
 *   lifecycleStage: "customer",
 *   location: { country: "GB", city: "London" },
 *   consent: { email: { status: "granted" } },
 * });
 * c.createdAt instanceof Date; // true
 * ```
 */
export const CustomerSchema = z
  .strictObject({
    id: IdSchema,
    firstName: z.string().min(1).max(200).optional(),
    lastName: z.string().min(1).max(200).optional(),
    displayName: z.string().min(1).max(400).optional(),
    jobTitle: z.string().min(1).max(200).optional(),
    emails: z.array(EmailAddressSchema).max(50).default([]),
    phones: z.array(PhoneNumberSchema).max(50).default([]),
    accountId: IdSchema.optional(),
    ownerId: IdSchema.optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    acquisitionSource: SlugSchema.optional(),
    lifecycleStage: SlugSchema.optional(),
    lifecycleHistory: z.array(LifecycleStageEntrySchema).max(1_000).default([]),
    location: LocationSchema.optional(),
    birthDate: CalendarDateSchema.optional(),
    tags: TagsSchema.default([]),
    attributes: CustomAttributesSchema.default({}),
    consent: z.partialRecord(ContactChannelSchema, ConsentSchema).default({}),
  })
  .superRefine((c, ctx) => {
    for (let i = 1; i < c.lifecycleHistory.length; i++) {
      if (c.lifecycleHistory[i]!.enteredAt < c.lifecycleHistory[i - 1]!.enteredAt) {
        ctx.addIssue({ code: "custom", path: ["lifecycleHistory", i, "enteredAt"], message: "expected lifecycle history in chronological order", input: c.lifecycleHistory[i]!.enteredAt });
      }
    }
    const last = c.lifecycleHistory.at(-1);
    if (last !== undefined && c.lifecycleStage !== undefined && last.stage !== c.lifecycleStage) {
      ctx.addIssue({ code: "custom", path: ["lifecycleStage"], message: `expected the current stage to be the last history entry "${last.stage}"`, input: c.lifecycleStage });
    }
    if (c.updatedAt !== undefined && c.updatedAt < c.createdAt) {
      ctx.addIssue({ code: "custom", path: ["updatedAt"], message: "expected updatedAt >= createdAt", input: c.updatedAt });
    }
  });

/**
 * A customer (see {@link CustomerSchema}).
 *
 * @example
 * ```ts
 * import type { Customer } from "crmkit/model";
 * function greet(c: Customer) { return `Hello ${c.firstName ?? "there"}`; }
 * ```
 */
export type Customer = z.infer<typeof CustomerSchema>;

/**
 * What {@link parseCustomer} accepts: optional lists may be omitted, timestamps may be ISO strings.
 *
 * @example
 * ```ts
 * import type { CustomerInput } from "crmkit/model";
 * const input: CustomerInput = { id: "c-1", createdAt: "2024-01-15T10:00:00Z" };
 * ```
 */
export type CustomerInput = z.input<typeof CustomerSchema>;

/**
 * Validates a customer; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseCustomer } from "crmkit/model";
 * parseCustomer({ id: "c-1", createdAt: new Date("2024-01-01") });
 * ```
 */
export function parseCustomer(input: unknown): Customer {
  return parseWith(CustomerSchema, "Customer", input);
}
