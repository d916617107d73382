import { z } from "zod";
import { FORBIDDEN_KEYS } from "../model/attributes.js";
import { parseWith } from "../model/parse.js";

/**
 * The lead fields a fit rule can test; custom attributes are addressed as
 * `attributes.<key>`.
 *
 * @example
 * ```ts
 * import { LEAD_SCORING_FIELDS } from "crmkit/conversion";
 * LEAD_SCORING_FIELDS.includes("jobTitle"); // true
 * ```
 */
export const LEAD_SCORING_FIELDS = ["source", "status", "company", "jobTitle", "email", "phone", "firstName", "lastName", "ownerId", "campaignId", "tags", "score"] as const;

/**
 * The comparisons of a fit rule. String comparisons ignore case; on `tags`,
 * `equals`/`contains` test membership and `in` tests for any of the values.
 *
 * @example
 * ```ts
 * import { FIT_RULE_OPERATORS } from "crmkit/conversion";
 * FIT_RULE_OPERATORS.includes("endsWith"); // true
 * ```
 */
export const FIT_RULE_OPERATORS = ["equals", "notEquals", "in", "notIn", "contains", "startsWith", "endsWith", "exists", "missing", "gt", "gte", "lt", "lte"] as const;

const NUMERIC_OPS = new Set(["gt", "gte", "lt", "lte"]);
const LIST_OPS = new Set(["in", "notIn"]);
const STRING_OPS = new Set(["contains", "startsWith", "endsWith"]);
const PRESENCE_OPS = new Set(["exists", "missing"]);

const FieldSchema = z.union([
  z.enum(LEAD_SCORING_FIELDS),
  z
    .string()
    .regex(/^attributes\.[A-Za-z_][A-Za-z0-9_.-]{0,99}$/, "expected a lead field or attributes.<key>")
    .refine((f) => !FORBIDDEN_KEYS.has(f.slice("attributes.".length)), { message: "attribute key is reserved (__proto__, constructor, prototype)" }),
]);

const ScalarSchema = z.union([z.string().max(500), z.number().finite(), z.boolean()]);

/**
 * A fit rule: `points` when `field` `op` `value` holds for the lead (e.g. +15 when
 * `jobTitle` contains "director", −20 when `email` ends with "@gmail.com").
 *
 * @example
 * ```ts
 * import { FitRuleSchema } from "crmkit/conversion";
 * FitRuleSchema.parse({ field: "source", op: "equals", value: "referral", points: 20 });
 * ```
 */
export const FitRuleSchema = z
  .strictObject({
    label: z.string().min(1).max(200).optional(),
    field: FieldSchema,
    op: z.enum(FIT_RULE_OPERATORS),
    value: z.union([ScalarSchema, z.array(z.union([z.string().max(500), z.number().finite()])).max(1_000)]).optional(),
    points: z.number().finite(),
  })
  .superRefine((r, ctx) => {
    const issue = (message: string): void => void ctx.addIssue({ code: "custom", path: ["value"], message, input: r.value });
    if (PRESENCE_OPS.has(r.op)) {
      if (r.value !== undefined) issue(`expected no value for "${r.op}"`);
    } else if (LIST_OPS.has(r.op)) {
      if (!Array.isArray(r.value) || r.value.length === 0) issue(`expected a non-empty array of values for "${r.op}"`);
    } else if (NUMERIC_OPS.has(r.op)) {
      if (typeof r.value !== "number") issue(`expected a number for "${r.op}"`);
    } else if (STRING_OPS.has(r.op)) {
      if (typeof r.value !== "string" || r.value === "") issue(`expected a non-empty string for "${r.op}"`);
    } else if (r.value === undefined || Array.isArray(r.value)) {
      issue(`expected a single value for "${r.op}"`);
    }
  });

/**
 * An engagement rule: `points` per event of type `event` (an email click, a
 * demo request…), decayed by age with a half-life, and capped in total.
 *
 * @example
 * ```ts
 * import { EngagementRuleSchema } from "crmkit/conversion";
 * EngagementRuleSchema.parse({ event: "email_click", points: 3, cap: 15, halfLifeDays: 30 });
 * ```
 */
export const EngagementRuleSchema = z.strictObject({
  label: z.string().min(1).max(200).optional(),
  event: z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/, "expected an event type slug (lower case)"),
  points: z.number().finite(),
  /** Maximum absolute points this rule can contribute (after decay). */
  cap: z.number().finite().positive().optional(),
  /** Overrides the rules' `halfLifeDays` for this event type. */
  halfLifeDays: z.number().finite().positive().optional(),
});

/**
 * Point-based lead-scoring rules: fit rules (who the lead is) and engagement
 * rules (what the lead did), with caps and exponential time decay of
 * engagement. Validated with zod; unknown keys and `__proto__`-style attribute
 * keys are rejected.
 *
 * @example
 * ```ts
 * import { LeadScoringRulesSchema } from "crmkit/conversion";
 * LeadScoringRulesSchema.parse({
 *   fit: [{ field: "source", op: "equals", value: "referral", points: 20 }],
 *   engagement: [{ event: "demo_request", points: 30 }],
 *   halfLifeDays: 30,
 *   maxEngagement: 60,
 * });
 * ```
 */
export const LeadScoringRulesSchema = z
  .strictObject({
    fit: z.array(FitRuleSchema).max(1_000).default([]),
    engagement: z.array(EngagementRuleSchema).max(1_000).default([]),
    /** Default half-life of engagement points in days (no decay when absent). */
    halfLifeDays: z.number().finite().positive().optional(),
    /** Upper bound of the fit score. */
    maxFit: z.number().finite().optional(),
    /** Lower bound of the fit score. */
    minFit: z.number().finite().optional(),
    /** Upper bound of the engagement score. */
    maxEngagement: z.number().finite().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.fit.length === 0 && r.engagement.length === 0) ctx.addIssue({ code: "custom", path: ["fit"], message: "expected at least one fit or engagement rule" });
    if (r.maxFit !== undefined && r.minFit !== undefined && r.minFit > r.maxFit) ctx.addIssue({ code: "custom", path: ["minFit"], message: "expected minFit <= maxFit", input: r.minFit });
  });

/**
 * Validated lead-scoring rules (see {@link LeadScoringRulesSchema}).
 *
 * @example
 * ```ts
 * import type { LeadScoringRules } from "crmkit/conversion";
 * const count = (r: LeadScoringRules) => r.fit.length + r.engagement.length;
 * ```
 */
export type LeadScoringRules = z.infer<typeof LeadScoringRulesSchema>;

/**
 * What {@link parseLeadScoringRules} accepts (e.g. JSON from a settings page).
 *
 * @example
 * ```ts
 * import type { LeadScoringRulesInput } from "crmkit/conversion";
 * const input: LeadScoringRulesInput = { fit: [{ field: "company", op: "exists", points: 5 }] };
 * ```
 */
export type LeadScoringRulesInput = z.input<typeof LeadScoringRulesSchema>;

const parsed = new WeakSet<object>();

/**
 * Validates lead-scoring rules; throws `CrmkitError` (`INVALID_INPUT`) naming
 * each bad field. The result is frozen and remembered, so {@link scoreLead} does
 * not validate it again.
 *
 * @example
 * ```ts
 * import { parseLeadScoringRules } from "crmkit/conversion";
 * const rules = parseLeadScoringRules({ engagement: [{ event: "web_visit", points: 1, cap: 10 }], halfLifeDays: 14 });
 * ```
 */
export function parseLeadScoringRules(input: unknown): LeadScoringRules {
  if (typeof input === "object" && input !== null && parsed.has(input)) return input as LeadScoringRules;
  const rules = parseWith(LeadScoringRulesSchema, "LeadScoringRules", input);
  for (const r of rules.fit) Object.freeze(r);
  for (const r of rules.engagement) Object.freeze(r);
  Object.freeze(rules.fit);
  Object.freeze(rules.engagement);
  Object.freeze(rules);
  parsed.add(rules);
  return rules;
}
