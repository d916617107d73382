import { z } from "zod";
import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";
import { SlugSchema, safeRecord } from "../model/attributes.js";
import type { Customer } from "../model/customer.js";
import { parseWith } from "../model/parse.js";

/**
 * Lifecycle stages (the funnel axis, complementary to relationship stages) and the
 * moves allowed between them, as data. `transitions[from]` lists the stages a
 * customer may move to from `from`; `initial` lists the stages a customer without a
 * stage may enter.
 *
 * @example
 * ```ts
 * import { LifecycleConfigSchema } from "crmkit/stages";
 * LifecycleConfigSchema.parse({
 *   stages: [{ id: "trial", label: "Trial" }, { id: "paying", label: "Paying" }],
 *   initial: ["trial"],
 *   transitions: { trial: ["paying"], paying: [] },
 * });
 * ```
 */
export const LifecycleConfigSchema = z
  .strictObject({
    stages: z.array(z.strictObject({ id: SlugSchema, label: z.string().min(1).max(100) })).min(1).max(100),
    initial: z.array(SlugSchema).min(1),
    transitions: safeRecord(SlugSchema, z.array(SlugSchema)),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.stages.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: "custom", path: ["stages", i, "id"], message: `duplicate stage "${s.id}"`, input: s.id });
      ids.add(s.id);
    });
    c.initial.forEach((s, i) => {
      if (!ids.has(s)) ctx.addIssue({ code: "custom", path: ["initial", i], message: `unknown stage "${s}"`, input: s });
    });
    for (const [from, tos] of Object.entries(c.transitions)) {
      if (!ids.has(from)) ctx.addIssue({ code: "custom", path: ["transitions", from], message: `unknown stage "${from}"`, input: from });
      tos.forEach((to, i) => {
        if (!ids.has(to)) ctx.addIssue({ code: "custom", path: ["transitions", from, i], message: `unknown stage "${to}"`, input: to });
      });
    }
  });

/**
 * A lifecycle configuration (see {@link LifecycleConfigSchema}).
 *
 * @example
 * ```ts
 * import type { LifecycleConfig } from "crmkit/stages";
 * let config: LifecycleConfig | undefined;
 * ```
 */
export type LifecycleConfig = z.infer<typeof LifecycleConfigSchema>;

const HUBSPOT_ORDER = [
  ["subscriber", "Subscriber"],
  ["lead", "Lead"],
  ["marketing_qualified_lead", "Marketing qualified lead"],
  ["sales_qualified_lead", "Sales qualified lead"],
  ["opportunity", "Opportunity"],
  ["customer", "Customer"],
  ["evangelist", "Evangelist"],
] as const;

/**
 * HubSpot's default lifecycle stages — subscriber → lead → marketing qualified lead
 * → sales qualified lead → opportunity → customer → evangelist, plus `other` — with
 * HubSpot's default rule that a stage only moves forward (skipping is allowed);
 * `other` can be entered from and left to any stage. Moving backwards means
 * changing the configuration, as in HubSpot, where a stage must be cleared first.
 *
 * @example
 * ```ts
 * import { DEFAULT_LIFECYCLE_CONFIG } from "crmkit/stages";
 * DEFAULT_LIFECYCLE_CONFIG.transitions.opportunity; // ["customer", "evangelist", "other"]
 * ```
 */
export const DEFAULT_LIFECYCLE_CONFIG: LifecycleConfig = {
  stages: [...HUBSPOT_ORDER.map(([id, label]) => ({ id, label })), { id: "other", label: "Other" }],
  initial: [...HUBSPOT_ORDER.map(([id]) => id), "other"],
  transitions: Object.fromEntries([
    ...HUBSPOT_ORDER.map(([id], i) => [id, [...HUBSPOT_ORDER.slice(i + 1).map(([next]) => next), "other"]]),
    ["other", HUBSPOT_ORDER.map(([id]) => id)],
  ]) as Record<string, string[]>,
};

const validated = new WeakSet<object>([DEFAULT_LIFECYCLE_CONFIG]);

function checkConfig(config: unknown): LifecycleConfig {
  if (typeof config === "object" && config !== null && validated.has(config)) return config as LifecycleConfig;
  const parsed = parseWith(LifecycleConfigSchema, "LifecycleConfig", config);
  validated.add(config as object);
  return parsed;
}

/**
 * Whether a move from `from` (or from no stage, `undefined`) to `to` is allowed by the
 * configuration. Throws `INVALID_INPUT` for a stage the configuration does not know.
 *
 * @example
 * ```ts
 * import { canTransitionLifecycle } from "crmkit/stages";
 * canTransitionLifecycle("lead", "customer"); // true (forward, skipping is allowed)
 * canTransitionLifecycle("customer", "lead"); // false (backwards)
 * ```
 */
export function canTransitionLifecycle(from: string | undefined, to: string, config: LifecycleConfig = DEFAULT_LIFECYCLE_CONFIG): boolean {
  const c = checkConfig(config);
  const known = c.stages.map((s) => s.id);
  if (!known.includes(to)) throw invalidInput("lifecycle stage", to, `one of ${known.join(", ")}`);
  if (from === undefined) return c.initial.includes(to);
  if (!known.includes(from)) throw invalidInput("current lifecycle stage", from, `one of ${known.join(", ")}`);
  return (c.transitions[from] ?? []).includes(to);
}

/**
 * Moves a customer to lifecycle stage `to` at instant `at`: returns a new customer
 * (the input is not modified) whose `lifecycleStage` is `to` and whose
 * `lifecycleHistory` ends with `{ stage: to, enteredAt: at }` — persist it with
 * `store.customers.upsert(result)` (its `version`, if read from a store, makes the
 * write conditional). Moving to the current stage changes nothing.
 *
 * Throws `INVALID_INPUT` for an unknown stage, a move the configuration does not
 * allow (naming the allowed moves), or an `at` earlier than the last history entry.
 *
 * @example
 * ```ts
 * import { transitionLifecycle } from "crmkit/stages";
 * import { parseCustomer } from "crmkit/model";
 * const lead = parseCustomer({ id: "c-1", createdAt: "2024-01-01T00:00:00Z", lifecycleStage: "lead",
 *   lifecycleHistory: [{ stage: "lead", enteredAt: "2024-01-01T00:00:00Z" }] });
 * const customer = transitionLifecycle(lead, "customer", { at: new Date("2024-03-01T00:00:00Z") });
 * customer.lifecycleHistory.map((e) => e.stage); // ["lead", "customer"]
 * transitionLifecycle(customer, "lead", { at: new Date("2024-04-01") }); // throws: customer -> lead is not allowed
 * ```
 */
export function transitionLifecycle<C extends Customer>(customer: C, to: string, options: { readonly at: Date; readonly config?: LifecycleConfig }): C {
  if (typeof customer !== "object" || customer === null || !Array.isArray(customer.lifecycleHistory)) {
    throw invalidInput("transitionLifecycle: customer", customer, "a Customer (parseCustomer output)");
  }
  if (typeof options !== "object" || options === null || !(options.at instanceof Date) || Number.isNaN(options.at.getTime())) {
    throw invalidInput("transitionLifecycle: options.at", options?.at, "a valid Date");
  }
  const config = checkConfig(options.config ?? DEFAULT_LIFECYCLE_CONFIG);
  const from = customer.lifecycleStage;
  if (from === to) return { ...customer };
  if (!canTransitionLifecycle(from, to, config)) {
    const allowed = from === undefined ? config.initial : (config.transitions[from] ?? []);
    throw new CrmkitError(
      "INVALID_INPUT",
      `Customer "${customer.id}": lifecycle move ${from ?? "(none)"} -> ${to} is not allowed; allowed from ${from ?? "(none)"}: ${allowed.join(", ") || "nothing"}`,
      { details: { customerId: customer.id, from: from ?? null, to, allowed } },
    );
  }
  const last = customer.lifecycleHistory.at(-1);
  if (last !== undefined && options.at < last.enteredAt) {
    throw invalidInput("transitionLifecycle: options.at", options.at, `an instant on or after the last stage change (${last.enteredAt.toISOString()})`);
  }
  return {
    ...customer,
    lifecycleStage: to,
    lifecycleHistory: [...customer.lifecycleHistory.map((e) => ({ ...e })), { stage: to, enteredAt: new Date(options.at.getTime()) }],
  };
}

/**
 * The lifecycle stage a customer was in at instant `at`, read from its history
 * (`undefined` before the first entry).
 *
 * @example
 * ```ts
 * import { lifecycleStageAt } from "crmkit/stages";
 * import { parseCustomer } from "crmkit/model";
 * const c = parseCustomer({ id: "c", createdAt: "2024-01-01T00:00:00Z", lifecycleStage: "customer", lifecycleHistory: [
 *   { stage: "lead", enteredAt: "2024-01-01T00:00:00Z" }, { stage: "customer", enteredAt: "2024-03-01T00:00:00Z" }] });
 * lifecycleStageAt(c, new Date("2024-02-01")); // "lead"
 * ```
 */
export function lifecycleStageAt(customer: Pick<Customer, "lifecycleHistory">, at: Date): string | undefined {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw invalidInput("lifecycleStageAt: at", at, "a valid Date");
  let stage: string | undefined;
  for (const e of customer.lifecycleHistory) {
    if (e.enteredAt > at) break;
    stage = e.stage;
  }
  return stage;
}
