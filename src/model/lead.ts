import { z } from "zod";
import { CustomAttributesSchema, SlugSchema, TagsSchema } from "./attributes.js";
import { IdSchema } from "./id.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * Lead statuses, in the order a lead usually moves through them. `converted` and
 * `disqualified` are terminal.
 *
 * @example
 * ```ts
 * import { LEAD_STATUSES } from "crmkit/model";
 * LEAD_STATUSES.at(-1); // "disqualified"
 * ```
 */
export const LEAD_STATUSES = ["new", "contacted", "nurturing", "qualified", "converted", "disqualified"] as const;

/**
 * A lead: a prospective customer not yet converted (Salesforce's Lead). `source` is
 * the channel that brought it (`referral`, `website`, `event`…); when converted,
 * `convertedAt` and the ids of the resulting customer, account and deal are kept,
 * so conversion can be measured.
 *
 * Rules: `convertedAt` is required when (and only allowed when) `status` is
 * `converted`, and is not before `createdAt`; `disqualifiedAt` likewise for
 * `disqualified`.
 *
 * @example
 * ```ts
 * import { parseLead } from "crmkit/model";
 * parseLead({
 *   id: "l-1",
 *   source: "referral",
 *   status: "converted",
 *   score: 72,
 *   createdAt: "2024-02-01T09:00:00Z",
 *   convertedAt: "2024-02-20T15:00:00Z",
 *   convertedCustomerId: "c-1",
 * });
 * ```
 */
export const LeadSchema = z
  .strictObject({
    id: IdSchema,
    firstName: z.string().min(1).max(200).optional(),
    lastName: z.string().min(1).max(200).optional(),
    email: z.email("expected an email address").optional(),
    phone: z.string().regex(/^\+?[0-9][0-9 ().-]{2,31}$/, "expected a phone number").optional(),
    company: z.string().min(1).max(400).optional(),
    jobTitle: z.string().min(1).max(200).optional(),
    source: SlugSchema,
    status: z.enum(LEAD_STATUSES),
    score: z.number().finite().optional(),
    ownerId: IdSchema.optional(),
    campaignId: IdSchema.optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    convertedAt: TimestampSchema.optional(),
    disqualifiedAt: TimestampSchema.optional(),
    disqualificationReason: z.string().min(1).max(500).optional(),
    convertedCustomerId: IdSchema.optional(),
    convertedAccountId: IdSchema.optional(),
    convertedDealId: IdSchema.optional(),
    tags: TagsSchema.default([]),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((l, ctx) => {
    if (l.status === "converted" && l.convertedAt === undefined) {
      ctx.addIssue({ code: "custom", path: ["convertedAt"], message: 'expected convertedAt when status is "converted"', input: l.convertedAt });
    }
    if (l.status !== "converted" && l.convertedAt !== undefined) {
      ctx.addIssue({ code: "custom", path: ["convertedAt"], message: `convertedAt is only allowed when status is "converted" (status is "${l.status}")`, input: l.convertedAt });
    }
    if (l.status === "disqualified" && l.disqualifiedAt === undefined) {
      ctx.addIssue({ code: "custom", path: ["disqualifiedAt"], message: 'expected disqualifiedAt when status is "disqualified"', input: l.disqualifiedAt });
    }
    if (l.status !== "disqualified" && l.disqualifiedAt !== undefined) {
      ctx.addIssue({ code: "custom", path: ["disqualifiedAt"], message: `disqualifiedAt is only allowed when status is "disqualified" (status is "${l.status}")`, input: l.disqualifiedAt });
    }
    if (l.convertedAt !== undefined && l.convertedAt < l.createdAt) {
      ctx.addIssue({ code: "custom", path: ["convertedAt"], message: "expected convertedAt >= createdAt", input: l.convertedAt });
    }
    if (l.disqualifiedAt !== undefined && l.disqualifiedAt < l.createdAt) {
      ctx.addIssue({ code: "custom", path: ["disqualifiedAt"], message: "expected disqualifiedAt >= createdAt", input: l.disqualifiedAt });
    }
  });

/**
 * A lead (see {@link LeadSchema}).
 *
 * @example
 * ```ts
 * import type { Lead } from "crmkit/model";
 * const isOpen = (l: Lead) => l.status !== "converted" && l.status !== "disqualified";
 * ```
 */
export type Lead = z.infer<typeof LeadSchema>;

/**
 * What {@link parseLead} accepts.
 *
 * @example
 * ```ts
 * import type { LeadInput } from "crmkit/model";
 * const l: LeadInput = { id: "l-1", source: "website", status: "new", createdAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type LeadInput = z.input<typeof LeadSchema>;

/**
 * A lead status.
 *
 * @example
 * ```ts
 * import type { LeadStatus } from "crmkit/model";
 * const s: LeadStatus = "qualified";
 * ```
 */
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * Validates a lead; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseLead } from "crmkit/model";
 * parseLead({ id: "l-1", source: "event", status: "new", createdAt: new Date() });
 * ```
 */
export function parseLead(input: unknown): Lead {
  return parseWith(LeadSchema, "Lead", input);
}
