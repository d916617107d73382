import { z } from "zod";
import { DepartmentSchema, IdSchema, TimestampSchema, type Department } from "../model/index.js";

const NonNegative = z.number().finite().nonnegative();

/**
 * The schema of a {@link RelationshipProfile}.
 *
 * @example
 * ```ts
 * import { RelationshipProfileSchema } from "crmkit/stages";
 * RelationshipProfileSchema.parse({ customerId: "c-1", since: "2024-01-01T00:00:00Z" });
 * ```
 */
export const RelationshipProfileSchema = z.strictObject({
  customerId: IdSchema,
  since: TimestampSchema,
  purchases: z.array(z.strictObject({ at: TimestampSchema, amount: NonNegative })).default([]),
  interactions: z
    .array(z.strictObject({ at: TimestampSchema, department: DepartmentSchema, twoWay: z.boolean() }))
    .default([]),
  tickets: z
    .array(
      z
        .strictObject({ openedAt: TimestampSchema, resolvedAt: TimestampSchema.optional(), escalated: z.boolean().default(false) })
        .refine((t) => t.resolvedAt === undefined || t.resolvedAt >= t.openedAt, { message: "expected resolvedAt >= openedAt", path: ["resolvedAt"] }),
    )
    .default([]),
  nps: z.array(z.strictObject({ at: TimestampSchema, score: z.number().int().min(0).max(10) })).default([]),
  subscriptions: z
    .array(
      z
        .strictObject({ startedAt: TimestampSchema, endedAt: TimestampSchema.optional() })
        .refine((s) => s.endedAt === undefined || s.endedAt >= s.startedAt, { message: "expected endedAt >= startedAt", path: ["endedAt"] }),
    )
    .default([]),
  keyContactEvents: z.array(z.strictObject({ at: TimestampSchema, type: z.enum(["lost", "restored"]) })).default([]),
});

/**
 * A customer's relationship record: the dated facts the relationship stage is computed
 * from. Every fact carries its time, so one profile answers "what stage, as of any
 * date" — classification uses only the facts up to `asOf`.
 *
 * - `since` — when the relationship started (the customer's `createdAt`).
 * - `purchases` — purchase times and amounts (one currency: the profile's builder
 *   converts or filters).
 * - `interactions` — touchpoints with their department and whether they were two-way
 *   (the customer took part: inbound contacts, calls, meetings, chats), not just a
 *   message sent to them.
 * - `tickets` — support cases, open until `resolvedAt`, and whether escalated.
 * - `nps` — NPS answers (0–10).
 * - `subscriptions` — contracts or subscriptions, active from `startedAt` until `endedAt`.
 * - `keyContactEvents` — a key contact lost (e.g. the champion left the account) or
 *   restored; the host records these.
 *
 * `buildRelationshipProfile` (in `crmkit/app`) gathers it from a store; analytics code
 * can also build it from any source.
 *
 * @example
 * ```ts
 * import type { RelationshipProfile } from "crmkit/stages";
 * const p: RelationshipProfile = {
 *   customerId: "c-1",
 *   since: new Date("2024-01-01"),
 *   purchases: [{ at: new Date("2024-02-01"), amount: 120 }],
 *   interactions: [{ at: new Date("2024-01-20"), department: "sales", twoWay: true }],
 *   tickets: [],
 *   nps: [{ at: new Date("2024-03-01"), score: 9 }],
 *   subscriptions: [],
 *   keyContactEvents: [],
 * };
 * ```
 */
export interface RelationshipProfile {
  readonly customerId: string;
  readonly since: Date;
  readonly purchases: readonly { readonly at: Date; readonly amount: number }[];
  readonly interactions: readonly { readonly at: Date; readonly department: Department; readonly twoWay: boolean }[];
  readonly tickets: readonly { readonly openedAt: Date; readonly resolvedAt?: Date | undefined; readonly escalated: boolean }[];
  readonly nps: readonly { readonly at: Date; readonly score: number }[];
  readonly subscriptions: readonly { readonly startedAt: Date; readonly endedAt?: Date | undefined }[];
  readonly keyContactEvents: readonly { readonly at: Date; readonly type: "lost" | "restored" }[];
}
