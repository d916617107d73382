import { z } from "zod";
import { RELATIONSHIP_SIGNAL_NAMES, RELATIONSHIP_SIGNALS } from "./signals.js";

/**
 * One condition on a signal: `signal op value`, optionally over the last `windowDays`
 * days (only for windowed signals). Booleans only with `eq`.
 *
 * @example
 * ```ts
 * import { StageConditionSchema } from "crmkit/stages";
 * StageConditionSchema.parse({ signal: "departmentsEngaged", op: "gte", value: 2, windowDays: 180 });
 * ```
 */
export const StageConditionSchema = z
  .strictObject({
    signal: z.enum(RELATIONSHIP_SIGNAL_NAMES),
    op: z.enum(["gte", "gt", "lte", "lt", "eq"]),
    value: z.union([z.number().finite(), z.boolean()]),
    windowDays: z.number().int().positive().max(36_500).optional(),
  })
  .superRefine((c, ctx) => {
    const spec = RELATIONSHIP_SIGNALS[c.signal];
    if (c.windowDays !== undefined && !spec.windowed) {
      ctx.addIssue({ code: "custom", path: ["windowDays"], message: `signal "${c.signal}" cannot take a window`, input: c.windowDays });
    }
    if (spec.type === "boolean" && (typeof c.value !== "boolean" || c.op !== "eq")) {
      ctx.addIssue({ code: "custom", path: ["value"], message: `signal "${c.signal}" is a boolean: use op "eq" with true or false`, input: c.value });
    }
    if (spec.type === "number" && typeof c.value !== "number") {
      ctx.addIssue({ code: "custom", path: ["value"], message: `signal "${c.signal}" is a number`, input: c.value });
    }
  });

/**
 * A stage condition (see {@link StageConditionSchema}).
 *
 * @example
 * ```ts
 * import type { StageCondition } from "crmkit/stages";
 * const c: StageCondition = { signal: "tenureDays", op: "gte", value: 365 };
 * ```
 */
export type StageCondition = z.infer<typeof StageConditionSchema>;

/**
 * A requirement: a condition, or `{ anyOf: [...] }` — satisfied when at least one of
 * its conditions is.
 *
 * @example
 * ```ts
 * import { StageRequirementSchema } from "crmkit/stages";
 * StageRequirementSchema.parse({ anyOf: [
 *   { signal: "activeSubscription", op: "eq", value: true },
 *   { signal: "purchaseCount", op: "gte", value: 6, windowDays: 365 },
 * ] });
 * ```
 */
export const StageRequirementSchema = z.union([StageConditionSchema, z.strictObject({ anyOf: z.array(StageConditionSchema).min(1).max(20) })]);

/**
 * A stage requirement (see {@link StageRequirementSchema}).
 *
 * @example
 * ```ts
 * import type { StageRequirement } from "crmkit/stages";
 * const r: StageRequirement = { anyOf: [{ signal: "activeSubscription", op: "eq", value: true }] };
 * ```
 */
export type StageRequirement = z.infer<typeof StageRequirementSchema>;

/**
 * The criteria of relationship stages, as data. A customer is in the highest stage
 * whose requirements hold **together with those of every stage below it** (stages are
 * cumulative); `exploratory` has none. Health: `dissolving` when any `dissolving`
 * condition holds, else `atRisk` when any `atRisk` condition holds, else `healthy`.
 * Windowed requirements make a weakening relationship move back down by itself.
 *
 * @example
 * ```ts
 * import { StageCriteriaSchema, DEFAULT_STAGE_CRITERIA } from "crmkit/stages";
 * const strict = StageCriteriaSchema.parse({
 *   ...DEFAULT_STAGE_CRITERIA,
 *   dissolving: [{ signal: "daysSinceLastActivity", op: "gte", value: 120 }],
 * });
 * ```
 */
export const StageCriteriaSchema = z.strictObject({
  basic: z.array(StageRequirementSchema).max(50),
  collaborated: z.array(StageRequirementSchema).max(50),
  interconnected: z.array(StageRequirementSchema).max(50),
  atRisk: z.array(StageConditionSchema).max(50),
  dissolving: z.array(StageConditionSchema).max(50),
});

/**
 * Stage criteria (see {@link StageCriteriaSchema}).
 *
 * @example
 * ```ts
 * import type { StageCriteria } from "crmkit/stages";
 * let criteria: StageCriteria | undefined;
 * ```
 */
export type StageCriteria = z.infer<typeof StageCriteriaSchema>;

/**
 * crmkit's default stage criteria — a starting point to tune, not a standard (no
 * published thresholds exist; see docs/stages.md for the reasoning):
 *
 * - **basic**: at least one purchase, and at least 2 two-way interactions in the last
 *   365 days (the customer talks *with* the company, not only buys).
 * - **collaborated**: at least 90 days of relationship, 3 purchases, 2 departments
 *   engaged in two-way interactions in the last 180 days, 4 two-way interactions in
 *   that window.
 * - **interconnected**: at least 365 days, 3 departments engaged in the last 180 days,
 *   an active subscription/contract or 6 purchases in the last 365 days, and no open
 *   escalated ticket.
 * - **atRisk** if any: 90+ days without activity, latest NPS a detractor (≤ 6), NPS
 *   fell by 3+ points, an open escalated ticket, a key contact lost.
 * - **dissolving** if 180+ days without activity.
 *
 * @example
 * ```ts
 * import { DEFAULT_STAGE_CRITERIA } from "crmkit/stages";
 * DEFAULT_STAGE_CRITERIA.dissolving; // [{ signal: "daysSinceLastActivity", op: "gte", value: 180 }]
 * ```
 */
export const DEFAULT_STAGE_CRITERIA: StageCriteria = {
  basic: [
    { signal: "purchaseCount", op: "gte", value: 1 },
    { signal: "twoWayInteractions", op: "gte", value: 2, windowDays: 365 },
  ],
  collaborated: [
    { signal: "tenureDays", op: "gte", value: 90 },
    { signal: "purchaseCount", op: "gte", value: 3 },
    { signal: "departmentsEngaged", op: "gte", value: 2, windowDays: 180 },
    { signal: "twoWayInteractions", op: "gte", value: 4, windowDays: 180 },
  ],
  interconnected: [
    { signal: "tenureDays", op: "gte", value: 365 },
    { signal: "departmentsEngaged", op: "gte", value: 3, windowDays: 180 },
    {
      anyOf: [
        { signal: "activeSubscription", op: "eq", value: true },
        { signal: "purchaseCount", op: "gte", value: 6, windowDays: 365 },
      ],
    },
    { signal: "openEscalatedTickets", op: "eq", value: 0 },
  ],
  atRisk: [
    { signal: "daysSinceLastActivity", op: "gte", value: 90 },
    { signal: "latestNps", op: "lte", value: 6 },
    { signal: "npsChange", op: "lte", value: -3 },
    { signal: "openEscalatedTickets", op: "gte", value: 1 },
    { signal: "keyContactLost", op: "eq", value: true },
  ],
  dissolving: [{ signal: "daysSinceLastActivity", op: "gte", value: 180 }],
};
