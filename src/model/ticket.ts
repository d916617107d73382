import { z } from "zod";
import { CustomAttributesSchema, TagsSchema } from "./attributes.js";
import { DepartmentSchema, InteractionChannelSchema } from "./channels.js";
import { IdSchema } from "./id.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * Ticket statuses: `new`, `open`, `pending` (waiting on the customer), `on_hold`
 * (waiting on a third party), `resolved`, `closed`. The last two are "done".
 *
 * @example
 * ```ts
 * import { TICKET_STATUSES } from "crmkit/model";
 * TICKET_STATUSES.includes("pending"); // true
 * ```
 */
export const TICKET_STATUSES = ["new", "open", "pending", "on_hold", "resolved", "closed"] as const;

/**
 * Ticket priorities, lowest first.
 *
 * @example
 * ```ts
 * import { TICKET_PRIORITIES } from "crmkit/model";
 * TICKET_PRIORITIES.indexOf("urgent"); // 3
 * ```
 */
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;

/**
 * A support ticket (case). `resolvedAt` is required once the status is `resolved`
 * or `closed`; no timestamp is before `openedAt`, and `closedAt` is not before
 * `resolvedAt`.
 *
 * @example
 * ```ts
 * import { parseTicket } from "crmkit/model";
 * parseTicket({
 *   id: "t-1",
 *   customerId: "c-1",
 *   subject: "Invoice is wrong",
 *   status: "resolved",
 *   priority: "high",
 *   channel: "email",
 *   openedAt: "2024-05-01T08:00:00Z",
 *   resolvedAt: "2024-05-01T16:00:00Z",
 * });
 * ```
 */
export const TicketSchema = z
  .strictObject({
    id: IdSchema,
    customerId: IdSchema,
    accountId: IdSchema.optional(),
    subject: z.string().min(1).max(1_000).optional(),
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(TICKET_PRIORITIES),
    channel: InteractionChannelSchema,
    department: DepartmentSchema.default("support"),
    escalated: z.boolean().default(false),
    assigneeId: IdSchema.optional(),
    openedAt: TimestampSchema,
    firstResponseAt: TimestampSchema.optional(),
    resolvedAt: TimestampSchema.optional(),
    closedAt: TimestampSchema.optional(),
    updatedAt: TimestampSchema.optional(),
    tags: TagsSchema.default([]),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((t, ctx) => {
    const done = t.status === "resolved" || t.status === "closed";
    if (done && t.resolvedAt === undefined) {
      ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: `expected resolvedAt for a ${t.status} ticket`, input: t.resolvedAt });
    }
    for (const field of ["firstResponseAt", "resolvedAt", "closedAt"] as const) {
      const at = t[field];
      if (at !== undefined && at < t.openedAt) {
        ctx.addIssue({ code: "custom", path: [field], message: `expected ${field} >= openedAt (${t.openedAt.toISOString()})`, input: at });
      }
    }
    if (t.closedAt !== undefined && t.resolvedAt !== undefined && t.closedAt < t.resolvedAt) {
      ctx.addIssue({ code: "custom", path: ["closedAt"], message: `expected closedAt >= resolvedAt (${t.resolvedAt.toISOString()})`, input: t.closedAt });
    }
  });

/**
 * A ticket (see {@link TicketSchema}).
 *
 * @example
 * ```ts
 * import type { Ticket } from "crmkit/model";
 * const isOpen = (t: Ticket) => t.status !== "resolved" && t.status !== "closed";
 * ```
 */
export type Ticket = z.infer<typeof TicketSchema>;

/**
 * What {@link parseTicket} accepts.
 *
 * @example
 * ```ts
 * import type { TicketInput } from "crmkit/model";
 * const t: TicketInput = { id: "t", customerId: "c", status: "new", priority: "low", channel: "chat", openedAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type TicketInput = z.input<typeof TicketSchema>;

/**
 * Validates a ticket; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseTicket } from "crmkit/model";
 * parseTicket({ id: "t", customerId: "c", status: "new", priority: "low", channel: "chat", openedAt: new Date() });
 * ```
 */
export function parseTicket(input: unknown): Ticket {
  return parseWith(TicketSchema, "Ticket", input);
}
