import { z } from "zod";
import { IdSchema } from "./id.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

const ENGAGEMENT_STEPS = ["deliveredAt", "openedAt", "clickedAt", "bouncedAt", "unsubscribedAt"] as const;

/**
 * A customer's membership of a campaign and their engagement with it: when they were
 * added, and when the message was sent, delivered, opened, clicked, when they
 * converted, bounced or unsubscribed. Engagement steps require `sentAt` and cannot
 * precede it; `clickedAt` cannot precede `openedAt` when both are known.
 *
 * @example
 * ```ts
 * import { parseCampaignMember } from "crmkit/model";
 * parseCampaignMember({
 *   id: "cm-1",
 *   campaignId: "cmp-1",
 *   customerId: "c-1",
 *   addedAt: "2024-03-01T00:00:00Z",
 *   sentAt: "2024-03-01T09:00:00Z",
 *   openedAt: "2024-03-01T10:12:00Z",
 *   clickedAt: "2024-03-01T10:13:00Z",
 * });
 * ```
 */
export const CampaignMemberSchema = z
  .strictObject({
    id: IdSchema,
    campaignId: IdSchema,
    customerId: IdSchema,
    addedAt: TimestampSchema,
    sentAt: TimestampSchema.optional(),
    deliveredAt: TimestampSchema.optional(),
    openedAt: TimestampSchema.optional(),
    clickedAt: TimestampSchema.optional(),
    convertedAt: TimestampSchema.optional(),
    bouncedAt: TimestampSchema.optional(),
    unsubscribedAt: TimestampSchema.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.sentAt !== undefined && m.sentAt < m.addedAt) {
      ctx.addIssue({ code: "custom", path: ["sentAt"], message: "expected sentAt >= addedAt", input: m.sentAt });
    }
    for (const step of ENGAGEMENT_STEPS) {
      const at = m[step];
      if (at === undefined) continue;
      if (m.sentAt === undefined) ctx.addIssue({ code: "custom", path: [step], message: `${step} requires sentAt`, input: at });
      else if (at < m.sentAt) ctx.addIssue({ code: "custom", path: [step], message: "expected a time >= sentAt", input: at });
    }
    if (m.clickedAt !== undefined && m.openedAt !== undefined && m.clickedAt < m.openedAt) {
      ctx.addIssue({ code: "custom", path: ["clickedAt"], message: "expected clickedAt >= openedAt", input: m.clickedAt });
    }
    if (m.convertedAt !== undefined && m.convertedAt < m.addedAt) {
      ctx.addIssue({ code: "custom", path: ["convertedAt"], message: "expected convertedAt >= addedAt", input: m.convertedAt });
    }
  });

/**
 * A campaign member (see {@link CampaignMemberSchema}).
 *
 * @example
 * ```ts
 * import type { CampaignMember } from "crmkit/model";
 * const engaged = (m: CampaignMember) => m.clickedAt !== undefined;
 * ```
 */
export type CampaignMember = z.infer<typeof CampaignMemberSchema>;

/**
 * What {@link parseCampaignMember} accepts.
 *
 * @example
 * ```ts
 * import type { CampaignMemberInput } from "crmkit/model";
 * const m: CampaignMemberInput = { id: "m", campaignId: "c", customerId: "u", addedAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type CampaignMemberInput = z.input<typeof CampaignMemberSchema>;

/**
 * Validates a campaign member; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseCampaignMember } from "crmkit/model";
 * parseCampaignMember({ id: "m", campaignId: "c", customerId: "u", addedAt: new Date() });
 * ```
 */
export function parseCampaignMember(input: unknown): CampaignMember {
  return parseWith(CampaignMemberSchema, "CampaignMember", input);
}
