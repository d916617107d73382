import { invalidInput } from "../errors/invalid-input.js";
import type { Lead } from "../model/lead.js";
import { parseLeadScoringRules, type LeadScoringRules, type LeadScoringRulesInput } from "./lead-scoring-rules.js";
import { DAY_MS, checkDate, checkOptions } from "./validate.js";

/**
 * One engagement event of a lead: its type (matching an engagement rule's
 * `event`) and when it happened. Map interactions, campaign responses or web
 * events to this shape.
 *
 * @example
 * ```ts
 * import type { EngagementEvent } from "crmkit/conversion";
 * const e: EngagementEvent = { type: "email_click", occurredAt: new Date("2024-05-02T10:00:00Z") };
 * ```
 */
export interface EngagementEvent {
  readonly type: string;
  readonly occurredAt: Date;
}

/**
 * Options of {@link scoreLead}.
 *
 * @example
 * ```ts
 * import type { ScoreLeadOptions } from "crmkit/conversion";
 * const o: ScoreLeadOptions = { asOf: new Date("2024-06-01"), events: [] };
 * ```
 */
export interface ScoreLeadOptions {
  /** Reference time of the decay; events after it are rejected. */
  readonly asOf: Date;
  /** The lead's engagement events (default none). */
  readonly events?: Iterable<EngagementEvent>;
}

/**
 * A lead the scorer can read: any subset of a `Lead`'s fields.
 *
 * @example
 * ```ts
 * import type { ScorableLead } from "crmkit/conversion";
 * const l: ScorableLead = { source: "referral", jobTitle: "Head of Sales", attributes: { employees: 250 } };
 * ```
 */
export type ScorableLead = Partial<Lead>;

/**
 * How one rule contributed to a score.
 *
 * @example
 * ```ts
 * import type { RuleContribution } from "crmkit/conversion";
 * const line = (c: RuleContribution) => `${c.label}: ${c.points.toFixed(1)}`;
 * ```
 */
export interface RuleContribution {
  readonly kind: "fit" | "engagement";
  /** Position of the rule in `fit` or `engagement`. */
  readonly index: number;
  /** The rule's label, or a description of it. */
  readonly label: string;
  /** Points contributed (after decay and the rule's cap). */
  readonly points: number;
  /** Engagement: events that matched the rule. */
  readonly events?: number;
  /** Engagement: true when the rule's cap was reached. */
  readonly capped?: boolean;
}

/**
 * The result of {@link scoreLead}.
 *
 * @example
 * ```ts
 * import type { LeadScore } from "crmkit/conversion";
 * const hot = (s: LeadScore) => s.fit >= 30 && s.engagement >= 20;
 * ```
 */
export interface LeadScore {
  /** Fit points (who the lead is), after `minFit`/`maxFit`. */
  readonly fit: number;
  /** Engagement points (what the lead did), decayed, after `maxEngagement`. */
  readonly engagement: number;
  /** fit + engagement. */
  readonly total: number;
  /** The rules that contributed (fit rules that matched, engagement rules with events). */
  readonly contributions: readonly RuleContribution[];
}

type FitRule = LeadScoringRules["fit"][number];

function fieldValue(lead: ScorableLead, field: string): unknown {
  if (field.startsWith("attributes.")) {
    const attributes = lead.attributes;
    const key = field.slice("attributes.".length);
    return attributes !== undefined && attributes !== null && Object.hasOwn(attributes, key) ? attributes[key] : undefined;
  }
  return (lead as Record<string, unknown>)[field];
}

const lower = (v: unknown): unknown => (typeof v === "string" ? v.toLowerCase() : v);

function sameValue(a: unknown, b: unknown): boolean {
  return lower(a) === lower(b);
}

function matches(rule: FitRule, raw: unknown): boolean {
  const present = raw !== undefined && raw !== null && raw !== "" && !(Array.isArray(raw) && raw.length === 0);
  if (rule.op === "exists") return present;
  if (rule.op === "missing") return !present;
  if (!present) return rule.op === "notEquals" || rule.op === "notIn";
  const values = Array.isArray(raw) ? raw : [raw];
  const value = rule.value;
  switch (rule.op) {
    case "equals":
      return values.some((v) => sameValue(v, value));
    case "notEquals":
      return !values.some((v) => sameValue(v, value));
    case "in":
      return values.some((v) => (value as readonly unknown[]).some((x) => sameValue(v, x)));
    case "notIn":
      return !values.some((v) => (value as readonly unknown[]).some((x) => sameValue(v, x)));
    case "contains":
      return values.some((v) => (Array.isArray(raw) ? sameValue(v, value) : typeof v === "string" && v.toLowerCase().includes((value as string).toLowerCase())));
    case "startsWith":
      return values.some((v) => typeof v === "string" && v.toLowerCase().startsWith((value as string).toLowerCase()));
    case "endsWith":
      return values.some((v) => typeof v === "string" && v.toLowerCase().endsWith((value as string).toLowerCase()));
    case "gt":
      return values.some((v) => typeof v === "number" && v > (value as number));
    case "gte":
      return values.some((v) => typeof v === "number" && v >= (value as number));
    case "lt":
      return values.some((v) => typeof v === "number" && v < (value as number));
    case "lte":
      return values.some((v) => typeof v === "number" && v <= (value as number));
    default:
      return false;
  }
}

const describeRule = (r: FitRule): string => r.label ?? `${r.field} ${r.op}${r.value === undefined ? "" : ` ${JSON.stringify(r.value)}`}`;

/**
 * Scores a lead with point-based rules: the **fit** score adds the points of
 * every fit rule the lead matches (clamped to `minFit`/`maxFit`); the
 * **engagement** score adds, for each event, its rule's points × 2^(−age /
 * half-life) (no decay without a half-life), each rule capped at its `cap` and the
 * sum at `maxEngagement`. Rules are validated (see {@link parseLeadScoringRules});
 * events after `asOf` are rejected.
 *
 * @example
 * ```ts
 * import { scoreLead } from "crmkit/conversion";
 * const s = scoreLead(
 *   { source: "referral", jobTitle: "VP Sales", email: "ann@acme.com" },
 *   {
 *     fit: [
 *       { field: "source", op: "equals", value: "referral", points: 20 },
 *       { field: "jobTitle", op: "startsWith", value: "vp", points: 15 },
 *       { field: "email", op: "endsWith", value: "@gmail.com", points: -10 },
 *     ],
 *     engagement: [{ event: "email_click", points: 4, cap: 12 }],
 *     halfLifeDays: 30,
 *   },
 *   { asOf: new Date("2024-06-01T00:00:00Z"), events: [{ type: "email_click", occurredAt: new Date("2024-05-02T00:00:00Z") }] },
 * );
 * s.fit; // 35
 * s.engagement; // 2 (4 points, 30 days old, half-life 30 days)
 * ```
 */
export function scoreLead(lead: ScorableLead, rules: LeadScoringRulesInput, options: ScoreLeadOptions): LeadScore {
  if (lead === null || typeof lead !== "object") throw invalidInput("lead", lead, "a lead record");
  const r = parseLeadScoringRules(rules);
  const o = checkOptions(options);
  const asOf = checkDate(o.asOf, "options.asOf");
  const contributions: RuleContribution[] = [];
  let fit = 0;
  r.fit.forEach((rule, index) => {
    if (!matches(rule, fieldValue(lead, rule.field))) return;
    fit += rule.points;
    contributions.push({ kind: "fit", index, label: describeRule(rule), points: rule.points });
  });
  if (r.maxFit !== undefined) fit = Math.min(fit, r.maxFit);
  if (r.minFit !== undefined) fit = Math.max(fit, r.minFit);

  let engagement = 0;
  if (r.engagement.length > 0) {
    const byEvent = new Map<string, number[]>();
    r.engagement.forEach((rule, i) => byEvent.set(rule.event, [...(byEvent.get(rule.event) ?? []), i]));
    const sums = new Float64Array(r.engagement.length);
    const counts = new Int32Array(r.engagement.length);
    if (o.events !== undefined) {
      if (o.events === null || typeof (o.events as Partial<Iterable<unknown>>)[Symbol.iterator] !== "function") throw invalidInput("options.events", o.events, "an iterable of { type, occurredAt } events");
      let i = 0;
      for (const event of o.events) {
        if (event === null || typeof event !== "object" || typeof event.type !== "string") throw invalidInput(`options.events[${i}]`, event, "an event { type, occurredAt }");
        const t = checkDate(event.occurredAt, `options.events[${i}].occurredAt`);
        if (t > asOf) throw invalidInput(`options.events[${i}].occurredAt`, event.occurredAt, `a time <= asOf ${new Date(asOf).toISOString()}`);
        for (const k of byEvent.get(event.type) ?? []) {
          const rule = r.engagement[k]!;
          const halfLife = rule.halfLifeDays ?? r.halfLifeDays;
          const ageDays = (asOf - t) / DAY_MS;
          sums[k]! += halfLife === undefined ? rule.points : rule.points * Math.pow(2, -ageDays / halfLife);
          counts[k]!++;
        }
        i++;
      }
    }
    r.engagement.forEach((rule, k) => {
      if (counts[k] === 0) return;
      let points = sums[k]!;
      let capped = false;
      if (rule.cap !== undefined && Math.abs(points) > rule.cap) {
        points = Math.sign(points) * rule.cap;
        capped = true;
      }
      engagement += points;
      contributions.push({ kind: "engagement", index: k, label: rule.label ?? rule.event, points, events: counts[k]!, capped });
    });
    if (r.maxEngagement !== undefined) engagement = Math.min(engagement, r.maxEngagement);
  }
  return { fit, engagement, total: fit + engagement, contributions };
}
