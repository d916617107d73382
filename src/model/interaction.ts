import { z } from "zod";
import { CustomAttributesSchema, TagsSchema } from "./attributes.js";
import { DepartmentSchema, DirectionSchema, InteractionChannelSchema } from "./channels.js";
import { IdSchema } from "./id.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * An interaction (touchpoint) with a customer: an email, call, meeting, chat, web
 * visit, note… on a channel, by a department, in a direction, at a time, optionally
 * linked to a deal, a ticket or a campaign. Together they are the 360-degree record.
 *
 * @example
 * ```ts
 * import { parseInteraction } from "crmkit/model";
 * parseInteraction({
 *   id: "i-1",
 *   customerId: "c-1",
 *   channel: "call",
 *   department: "support",
 *   direction: "inbound",
 *   occurredAt: "2024-05-02T14:30:00Z",
 *   durationSeconds: 420,
 *   ticketId: "t-9",
 * });
 * ```
 */
export const InteractionSchema = z.strictObject({
  id: IdSchema,
  customerId: IdSchema,
  accountId: IdSchema.optional(),
  channel: InteractionChannelSchema,
  department: DepartmentSchema,
  direction: DirectionSchema,
  occurredAt: TimestampSchema,
  durationSeconds: z.number().nonnegative().finite().optional(),
  subject: z.string().min(1).max(1_000).optional(),
  summary: z.string().max(20_000).optional(),
  ownerId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  ticketId: IdSchema.optional(),
  campaignId: IdSchema.optional(),
  tags: TagsSchema.default([]),
  attributes: CustomAttributesSchema.default({}),
});

/**
 * An interaction (see {@link InteractionSchema}).
 *
 * @example
 * ```ts
 * import type { Interaction } from "crmkit/model";
 * const twoWay = (i: Interaction) => i.direction === "inbound";
 * ```
 */
export type Interaction = z.infer<typeof InteractionSchema>;

/**
 * What {@link parseInteraction} accepts.
 *
 * @example
 * ```ts
 * import type { InteractionInput } from "crmkit/model";
 * const i: InteractionInput = { id: "i", customerId: "c", channel: "email", department: "sales", direction: "outbound", occurredAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type InteractionInput = z.input<typeof InteractionSchema>;

/**
 * Validates an interaction; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseInteraction } from "crmkit/model";
 * parseInteraction({ id: "i", customerId: "c", channel: "email", department: "sales", direction: "outbound", occurredAt: new Date() });
 * ```
 */
export function parseInteraction(input: unknown): Interaction {
  return parseWith(InteractionSchema, "Interaction", input);
}
