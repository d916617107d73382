import { z } from "zod";
import { CustomAttributesSchema } from "./attributes.js";
import { IdSchema } from "./id.js";
import { NonNegativeMoneySchema } from "./money.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * A change of a subscription's monthly recurring revenue, effective from an instant.
 *
 * @example
 * ```ts
 * import { MrrChangeSchema } from "crmkit/model";
 * MrrChangeSchema.parse({ effectiveAt: "2024-06-01T00:00:00Z", mrr: { amount: 99, currency: "USD" } });
 * ```
 */
export const MrrChangeSchema = z.strictObject({
  effectiveAt: TimestampSchema,
  mrr: NonNegativeMoneySchema,
});

/**
 * An MRR change (see {@link MrrChangeSchema}).
 *
 * @example
 * ```ts
 * import type { MrrChange } from "crmkit/model";
 * const c: MrrChange = { effectiveAt: new Date(), mrr: { amount: 49, currency: "USD" } };
 * ```
 */
export type MrrChange = z.infer<typeof MrrChangeSchema>;

/**
 * A subscription (recurring revenue). `mrr` is the current monthly recurring revenue
 * (normalised to a month whatever the `billingInterval`); `mrrHistory` lists the
 * MRR in force from each instant, oldest first, starting at `startedAt` — an upgrade
 * or downgrade is one more entry. When `mrrHistory` is empty the MRR is `mrr` for the
 * whole life. `endedAt` is set once the subscription has ended, and only then (status
 * `canceled`); a cancellation scheduled for the end of the period is
 * `cancelRequestedAt` (within `[startedAt, endedAt]`). `trialEndsAt` is not before
 * `startedAt`.
 *
 * @example
 * ```ts
 * import { parseSubscription } from "crmkit/model";
 * parseSubscription({
 *   id: "s-1",
 *   customerId: "c-1",
 *   plan: "pro",
 *   status: "active",
 *   billingInterval: "year",
 *   mrr: { amount: 120, currency: "USD" },
 *   startedAt: "2024-01-01T00:00:00Z",
 *   mrrHistory: [
 *     { effectiveAt: "2024-01-01T00:00:00Z", mrr: { amount: 100, currency: "USD" } },
 *     { effectiveAt: "2024-07-01T00:00:00Z", mrr: { amount: 120, currency: "USD" } },
 *   ],
 * });
 * ```
 */
export const SubscriptionSchema = z
  .strictObject({
    id: IdSchema,
    customerId: IdSchema,
    accountId: IdSchema.optional(),
    plan: z.string().min(1).max(200),
    status: z.enum(["trialing", "active", "past_due", "paused", "canceled"]),
    billingInterval: z.enum(["week", "month", "quarter", "year"]),
    mrr: NonNegativeMoneySchema,
    quantity: z.number().int().positive().optional(),
    startedAt: TimestampSchema,
    trialEndsAt: TimestampSchema.optional(),
    cancelRequestedAt: TimestampSchema.optional(),
    endedAt: TimestampSchema.optional(),
    mrrHistory: z.array(MrrChangeSchema).max(10_000).default([]),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((s, ctx) => {
    if (s.status === "canceled" && s.endedAt === undefined) {
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: "expected endedAt for a canceled subscription", input: s.endedAt });
    }
    if (s.status !== "canceled" && s.endedAt !== undefined) {
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: `endedAt is only allowed once the subscription is canceled (status is "${s.status}"); a scheduled cancellation is cancelRequestedAt`, input: s.endedAt });
    }
    if (s.endedAt !== undefined && s.endedAt < s.startedAt) {
      ctx.addIssue({ code: "custom", path: ["endedAt"], message: `expected endedAt >= startedAt (${s.startedAt.toISOString()})`, input: s.endedAt });
    }
    if (s.trialEndsAt !== undefined && s.trialEndsAt < s.startedAt) {
      ctx.addIssue({ code: "custom", path: ["trialEndsAt"], message: `expected trialEndsAt >= startedAt (${s.startedAt.toISOString()})`, input: s.trialEndsAt });
    }
    if (s.cancelRequestedAt !== undefined && (s.cancelRequestedAt < s.startedAt || (s.endedAt !== undefined && s.cancelRequestedAt > s.endedAt))) {
      ctx.addIssue({ code: "custom", path: ["cancelRequestedAt"], message: "expected cancelRequestedAt within [startedAt, endedAt]", input: s.cancelRequestedAt });
    }
    s.mrrHistory.forEach((c, i) => {
      if (c.mrr.currency !== s.mrr.currency) {
        ctx.addIssue({ code: "custom", path: ["mrrHistory", i, "mrr", "currency"], message: `expected the subscription currency ${s.mrr.currency}`, input: c.mrr.currency });
      }
      if (c.effectiveAt < s.startedAt || (s.endedAt !== undefined && c.effectiveAt > s.endedAt)) {
        ctx.addIssue({ code: "custom", path: ["mrrHistory", i, "effectiveAt"], message: "expected a change within [startedAt, endedAt]", input: c.effectiveAt });
      }
      const prev = s.mrrHistory[i - 1];
      if (prev !== undefined && c.effectiveAt < prev.effectiveAt) {
        ctx.addIssue({ code: "custom", path: ["mrrHistory", i, "effectiveAt"], message: "expected MRR history in chronological order", input: c.effectiveAt });
      }
    });
    const last = s.mrrHistory.at(-1);
    if (last !== undefined && last.mrr.amount !== s.mrr.amount) {
      ctx.addIssue({ code: "custom", path: ["mrr", "amount"], message: `expected the current MRR to equal the last history entry (${last.mrr.amount})`, input: s.mrr.amount });
    }
  });

/**
 * A subscription (see {@link SubscriptionSchema}).
 *
 * @example
 * ```ts
 * import type { Subscription } from "crmkit/model";
 * const active = (s: Subscription) => s.status === "active";
 * ```
 */
export type Subscription = z.infer<typeof SubscriptionSchema>;

/**
 * What {@link parseSubscription} accepts.
 *
 * @example
 * ```ts
 * import type { SubscriptionInput } from "crmkit/model";
 * const s: SubscriptionInput = { id: "s", customerId: "c", plan: "basic", status: "active", billingInterval: "month", mrr: { amount: 10, currency: "USD" }, startedAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type SubscriptionInput = z.input<typeof SubscriptionSchema>;

/**
 * Validates a subscription; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseSubscription } from "crmkit/model";
 * parseSubscription({ id: "s", customerId: "c", plan: "basic", status: "active", billingInterval: "month", mrr: { amount: 10, currency: "USD" }, startedAt: new Date() });
 * ```
 */
export function parseSubscription(input: unknown): Subscription {
  return parseWith(SubscriptionSchema, "Subscription", input);
}
