import { z } from "zod";
import { CustomAttributesSchema, TagsSchema } from "./attributes.js";
import { IdSchema } from "./id.js";
import { NonNegativeMoneySchema } from "./money.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * Campaign channels.
 *
 * @example
 * ```ts
 * import { CAMPAIGN_CHANNELS } from "crmkit/model";
 * CAMPAIGN_CHANNELS.includes("email"); // true
 * ```
 */
export const CAMPAIGN_CHANNELS = ["email", "sms", "push", "social", "paid_ads", "event", "direct_mail", "web", "other"] as const;

/**
 * A marketing campaign: channel, status, schedule, budget, and optionally the
 * segment it targets.
 *
 * @example
 * ```ts
 * import { parseCampaign } from "crmkit/model";
 * parseCampaign({
 *   id: "cmp-1",
 *   name: "Spring win-back",
 *   channel: "email",
 *   status: "active",
 *   startsAt: "2024-03-01T00:00:00Z",
 *   endsAt: "2024-03-31T00:00:00Z",
 *   budget: { amount: 5_000, currency: "USD" },
 *   segmentId: "at-risk",
 *   createdAt: "2024-02-20T00:00:00Z",
 * });
 * ```
 */
export const CampaignSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(400),
    channel: z.enum(CAMPAIGN_CHANNELS),
    status: z.enum(["draft", "scheduled", "active", "completed", "canceled"]),
    startsAt: TimestampSchema.optional(),
    endsAt: TimestampSchema.optional(),
    budget: NonNegativeMoneySchema.optional(),
    segmentId: IdSchema.optional(),
    ownerId: IdSchema.optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    tags: TagsSchema.default([]),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((c, ctx) => {
    if (c.startsAt !== undefined && c.endsAt !== undefined && c.endsAt < c.startsAt) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: `expected endsAt >= startsAt (${c.startsAt.toISOString()})`, input: c.endsAt });
    }
  });

/**
 * A campaign (see {@link CampaignSchema}).
 *
 * @example
 * ```ts
 * import type { Campaign } from "crmkit/model";
 * const live = (c: Campaign) => c.status === "active";
 * ```
 */
export type Campaign = z.infer<typeof CampaignSchema>;

/**
 * What {@link parseCampaign} accepts.
 *
 * @example
 * ```ts
 * import type { CampaignInput } from "crmkit/model";
 * const c: CampaignInput = { id: "c", name: "N", channel: "sms", status: "draft", createdAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type CampaignInput = z.input<typeof CampaignSchema>;

/**
 * Validates a campaign; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseCampaign } from "crmkit/model";
 * parseCampaign({ id: "c", name: "N", channel: "sms", status: "draft", createdAt: new Date() });
 * ```
 */
export function parseCampaign(input: unknown): Campaign {
  return parseWith(CampaignSchema, "Campaign", input);
}
