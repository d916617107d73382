import { z } from "zod";
import { CustomAttributesSchema, SlugSchema, TagsSchema } from "./attributes.js";
import { IdSchema } from "./id.js";
import { NonNegativeMoneySchema } from "./money.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * One entry of a deal's stage history: the stage entered and when.
 *
 * @example
 * ```ts
 * import { DealStageEntrySchema } from "crmkit/model";
 * DealStageEntrySchema.parse({ stageId: "proposal", enteredAt: "2024-03-01T00:00:00Z" });
 * ```
 */
export const DealStageEntrySchema = z.strictObject({
  stageId: IdSchema,
  enteredAt: TimestampSchema,
});

/**
 * A stage-history entry (see {@link DealStageEntrySchema}).
 *
 * @example
 * ```ts
 * import type { DealStageEntry } from "crmkit/model";
 * const e: DealStageEntry = { stageId: "qualified", enteredAt: new Date() };
 * ```
 */
export type DealStageEntry = z.infer<typeof DealStageEntrySchema>;

/**
 * A deal (opportunity) in a pipeline.
 *
 * - `stageId` is the current stage; `stageHistory` lists every stage entered, oldest
 *   first (re-entries and backward moves included), and its last entry is the current
 *   stage. Stage changes are data: crmkit's funnel and time-in-stage reports read them.
 * - `status` is `open`, `won` or `lost` and must agree with the kind of the current
 *   stage in its pipeline (checked where the pipeline is known, e.g. by the reports);
 *   a closed deal has `closedAt`, an open one does not.
 * - `source` is the deal source (`referral`, `outbound`, `partner`…).
 *
 * @example
 * ```ts
 * import { parseDeal } from "crmkit/model";
 * parseDeal({
 *   id: "d-1",
 *   name: "Acme renewal",
 *   pipelineId: "sales",
 *   stageId: "won",
 *   status: "won",
 *   amount: { amount: 12_000, currency: "EUR" },
 *   source: "referral",
 *   customerId: "c-1",
 *   createdAt: "2024-03-01T00:00:00Z",
 *   closedAt: "2024-04-10T00:00:00Z",
 *   stageHistory: [
 *     { stageId: "qualified", enteredAt: "2024-03-01T00:00:00Z" },
 *     { stageId: "won", enteredAt: "2024-04-10T00:00:00Z" },
 *   ],
 * });
 * ```
 */
export const DealSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(400),
    pipelineId: IdSchema,
    stageId: IdSchema,
    status: z.enum(["open", "won", "lost"]),
    amount: NonNegativeMoneySchema.optional(),
    customerId: IdSchema.optional(),
    accountId: IdSchema.optional(),
    leadId: IdSchema.optional(),
    source: SlugSchema.optional(),
    ownerId: IdSchema.optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
    expectedCloseAt: TimestampSchema.optional(),
    closedAt: TimestampSchema.optional(),
    lostReason: z.string().min(1).max(500).optional(),
    stageHistory: z.array(DealStageEntrySchema).max(10_000).default([]),
    tags: TagsSchema.default([]),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((d, ctx) => {
    if (d.status !== "open" && d.closedAt === undefined) {
      ctx.addIssue({ code: "custom", path: ["closedAt"], message: `expected closedAt for a ${d.status} deal`, input: d.closedAt });
    }
    if (d.status === "open" && d.closedAt !== undefined) {
      ctx.addIssue({ code: "custom", path: ["closedAt"], message: "an open deal cannot have closedAt", input: d.closedAt });
    }
    if (d.closedAt !== undefined && d.closedAt < d.createdAt) {
      ctx.addIssue({ code: "custom", path: ["closedAt"], message: `expected closedAt >= createdAt (${d.createdAt.toISOString()})`, input: d.closedAt });
    }
    d.stageHistory.forEach((e, i) => {
      if (e.enteredAt < d.createdAt) {
        ctx.addIssue({ code: "custom", path: ["stageHistory", i, "enteredAt"], message: "expected enteredAt >= the deal's createdAt", input: e.enteredAt });
      }
      const prev = d.stageHistory[i - 1];
      if (prev !== undefined && e.enteredAt < prev.enteredAt) {
        ctx.addIssue({ code: "custom", path: ["stageHistory", i, "enteredAt"], message: "expected stage history in chronological order", input: e.enteredAt });
      }
    });
    const last = d.stageHistory.at(-1);
    if (last !== undefined && last.stageId !== d.stageId) {
      ctx.addIssue({ code: "custom", path: ["stageId"], message: `expected the current stage to be the last history entry "${last.stageId}"`, input: d.stageId });
    }
  });

/**
 * A deal (see {@link DealSchema}).
 *
 * @example
 * ```ts
 * import type { Deal } from "crmkit/model";
 * const isClosed = (d: Deal) => d.status !== "open";
 * ```
 */
export type Deal = z.infer<typeof DealSchema>;

/**
 * What {@link parseDeal} accepts.
 *
 * @example
 * ```ts
 * import type { DealInput } from "crmkit/model";
 * const d: DealInput = { id: "d-1", name: "X", pipelineId: "p", stageId: "s", status: "open", createdAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type DealInput = z.input<typeof DealSchema>;

/**
 * Validates a deal; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseDeal } from "crmkit/model";
 * parseDeal({ id: "d-1", name: "X", pipelineId: "p", stageId: "s", status: "open", createdAt: new Date() });
 * ```
 */
export function parseDeal(input: unknown): Deal {
  return parseWith(DealSchema, "Deal", input);
}
