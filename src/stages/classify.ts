import { invalidInput } from "../errors/invalid-input.js";
import { parseWith } from "../model/parse.js";
import { DEFAULT_STAGE_CRITERIA, type StageCondition, type StageCriteria, StageCriteriaSchema, type StageRequirement } from "./criteria.js";
import type { RelationshipProfile } from "./profile.js";
import { RELATIONSHIP_STAGES, type RelationshipHealth, type RelationshipStage } from "./relationship-stage.js";
import { RELATIONSHIP_SIGNALS, signalValue } from "./signals.js";

/**
 * One evaluated condition: the signal's value as of the classification date, the
 * threshold, whether it holds, and a sentence saying so.
 *
 * @example
 * ```ts
 * import type { ConditionResult } from "crmkit/stages";
 * const r: ConditionResult = {
 *   signal: "departmentsEngaged", op: "gte", threshold: 2, windowDays: 180, value: 1, satisfied: false,
 *   text: "1 departments engaged in the last 180 days (needs ≥ 2)",
 * };
 * ```
 */
export interface ConditionResult {
  readonly signal: StageCondition["signal"];
  readonly op: StageCondition["op"];
  readonly threshold: number | boolean;
  readonly windowDays?: number;
  readonly value: number | boolean | undefined;
  readonly satisfied: boolean;
  readonly text: string;
}

/**
 * One evaluated requirement of a stage: a single condition, or an `anyOf` group.
 *
 * @example
 * ```ts
 * import type { RequirementResult } from "crmkit/stages";
 * declare const r: RequirementResult;
 * if (!r.satisfied) console.log(`${r.stage}: ${r.text}`);
 * ```
 */
export interface RequirementResult {
  readonly stage: Exclude<RelationshipStage, "exploratory">;
  readonly satisfied: boolean;
  readonly conditions: readonly ConditionResult[];
  readonly text: string;
}

/**
 * The result of {@link classifyRelationshipStage}.
 *
 * - `stage` — the highest stage whose requirements (and all lower stages') hold.
 * - `health` — `healthy`, `atRisk` or `dissolving`, with the triggering `risks`.
 * - `reasons` — the requirements met, stage by stage, in words and numbers.
 * - `next` — the next stage and the requirements still `missing` (null at the top).
 *
 * @example
 * ```ts
 * import type { StageClassification } from "crmkit/stages";
 * declare const c: StageClassification;
 * console.log(c.stage, c.health, c.next?.missing.map((m) => m.text));
 * ```
 */
export interface StageClassification {
  readonly customerId: string;
  readonly asOf: Date;
  readonly stage: RelationshipStage;
  readonly health: RelationshipHealth;
  readonly reasons: readonly RequirementResult[];
  readonly risks: readonly ConditionResult[];
  readonly next: { readonly stage: RelationshipStage; readonly missing: readonly RequirementResult[] } | null;
}

/**
 * Options of {@link classifyRelationshipStage}.
 *
 * @example
 * ```ts
 * import { DEFAULT_STAGE_CRITERIA, type ClassifyStageOptions } from "crmkit/stages";
 * const o: ClassifyStageOptions = { asOf: new Date("2025-01-01"), criteria: DEFAULT_STAGE_CRITERIA };
 * ```
 */
export interface ClassifyStageOptions {
  /** The date of the classification: facts after it are ignored. */
  readonly asOf: Date;
  /** Stage criteria (default {@link DEFAULT_STAGE_CRITERIA}); validated once per object. */
  readonly criteria?: StageCriteria;
}

/**
 * Criteria compiled for evaluation: every distinct (signal, window) pair gets a slot,
 * so a profile's signals are computed once each however many conditions use them.
 * @internal
 */
export interface CompiledCriteria {
  readonly criteria: StageCriteria;
  readonly slots: readonly { readonly signal: StageCondition["signal"]; readonly windowDays: number | undefined }[];
  readonly slotOf: ReadonlyMap<StageCondition, number>;
}

const compiled = new WeakMap<object, CompiledCriteria>();

function compile(criteria: StageCriteria): CompiledCriteria {
  const slots: { signal: StageCondition["signal"]; windowDays: number | undefined }[] = [];
  const byKey = new Map<string, number>();
  const slotOf = new Map<StageCondition, number>();
  const visit = (c: StageCondition) => {
    const key = `${c.signal}:${c.windowDays ?? ""}`;
    let slot = byKey.get(key);
    if (slot === undefined) {
      slot = slots.length;
      slots.push({ signal: c.signal, windowDays: c.windowDays });
      byKey.set(key, slot);
    }
    slotOf.set(c, slot);
  };
  for (const stage of ["basic", "collaborated", "interconnected"] as const) {
    for (const r of criteria[stage]) {
      if ("anyOf" in r) r.anyOf.forEach(visit);
      else visit(r);
    }
  }
  criteria.atRisk.forEach(visit);
  criteria.dissolving.forEach(visit);
  return { criteria, slots, slotOf };
}

compiled.set(DEFAULT_STAGE_CRITERIA, compile(DEFAULT_STAGE_CRITERIA));

/**
 * Validates and compiles stage criteria, once per object (later calls with the same
 * object are free). @internal
 */
export function checkCriteria(criteria: unknown): CompiledCriteria {
  if (typeof criteria === "object" && criteria !== null) {
    const hit = compiled.get(criteria);
    if (hit !== undefined) return hit;
  }
  const c = compile(parseWith(StageCriteriaSchema, "StageCriteria", criteria));
  compiled.set(criteria as object, c);
  return c;
}

type SignalValues = (number | boolean | undefined)[];

function computeValues(profile: RelationshipProfile, asOf: Date, c: CompiledCriteria): SignalValues {
  const out: SignalValues = new Array(c.slots.length);
  for (let i = 0; i < c.slots.length; i++) out[i] = signalValue(profile, c.slots[i]!.signal, asOf, c.slots[i]!.windowDays);
  return out;
}

function holds(c: StageCondition, value: number | boolean | undefined): boolean {
  if (value === undefined) return false;
  switch (c.op) {
    case "gte":
      return (value as number) >= (c.value as number);
    case "gt":
      return (value as number) > (c.value as number);
    case "lte":
      return (value as number) <= (c.value as number);
    case "lt":
      return (value as number) < (c.value as number);
    case "eq":
      return value === c.value;
  }
}

function requirementHolds(r: StageRequirement, values: SignalValues, c: CompiledCriteria): boolean {
  if ("anyOf" in r) return r.anyOf.some((x) => holds(x, values[c.slotOf.get(x)!]));
  return holds(r, values[c.slotOf.get(r)!]);
}

/**
 * Stage and health only, without the explanation: what distributions, histories and
 * bulk jobs need, several times faster than the full classification. @internal
 */
export function stateTrusted(profile: RelationshipProfile, asOf: Date, c: CompiledCriteria): { stage: RelationshipStage; health: RelationshipHealth } {
  const values = computeValues(profile, asOf, c);
  let stageIndex = 0;
  for (let k = 1; k < RELATIONSHIP_STAGES.length; k++) {
    const stage = RELATIONSHIP_STAGES[k] as RequirementResult["stage"];
    if (!c.criteria[stage].every((r) => requirementHolds(r, values, c))) break;
    stageIndex = k;
  }
  const health: RelationshipHealth = c.criteria.dissolving.some((x) => holds(x, values[c.slotOf.get(x)!]))
    ? "dissolving"
    : c.criteria.atRisk.some((x) => holds(x, values[c.slotOf.get(x)!]))
      ? "atRisk"
      : "healthy";
  return { stage: RELATIONSHIP_STAGES[stageIndex]!, health };
}

const OP_TEXT = { gte: "≥", gt: ">", lte: "≤", lt: "<", eq: "=" } as const;

function formatValue(v: number | boolean): string {
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 10) / 10);
}

function evaluateCondition(c: StageCondition, value: number | boolean | undefined): ConditionResult {
  const satisfied = holds(c, value);
  const spec = RELATIONSHIP_SIGNALS[c.signal];
  const window = c.windowDays === undefined ? "" : ` in the last ${c.windowDays} days`;
  const shown =
    value === undefined
      ? `no ${spec.label} yet`
      : spec.type === "boolean"
        ? `${spec.label}: ${formatValue(value)}`
        : `${formatValue(value)} ${spec.label}${window}`;
  const needs = spec.type === "boolean" ? formatValue(c.value) : `${OP_TEXT[c.op]} ${formatValue(c.value)}`;
  return {
    signal: c.signal,
    op: c.op,
    threshold: c.value,
    ...(c.windowDays === undefined ? {} : { windowDays: c.windowDays }),
    value,
    satisfied,
    text: `${shown} (needs ${needs})`,
  };
}

function evaluateRequirement(stage: RequirementResult["stage"], r: StageRequirement, values: SignalValues, compiledCriteria: CompiledCriteria): RequirementResult {
  const valueOf = (c: StageCondition) => values[compiledCriteria.slotOf.get(c)!];
  if ("anyOf" in r) {
    const conditions = r.anyOf.map((c) => evaluateCondition(c, valueOf(c)));
    return { stage, satisfied: conditions.some((c) => c.satisfied), conditions, text: `one of: ${conditions.map((c) => c.text).join("; or ")}` };
  }
  const c = evaluateCondition(r, valueOf(r));
  return { stage, satisfied: c.satisfied, conditions: [c], text: c.text };
}

/** Classification with already-validated criteria; shared with the history replay. @internal */
export function classifyTrusted(profile: RelationshipProfile, asOf: Date, compiledCriteria: CompiledCriteria): StageClassification {
  const criteria = compiledCriteria.criteria;
  const values = computeValues(profile, asOf, compiledCriteria);
  const reasons: RequirementResult[] = [];
  let stageIndex = 0;
  let next: StageClassification["next"] = null;
  for (let k = 1; k < RELATIONSHIP_STAGES.length; k++) {
    const stage = RELATIONSHIP_STAGES[k] as RequirementResult["stage"];
    const results = criteria[stage].map((r) => evaluateRequirement(stage, r, values, compiledCriteria));
    const missing = results.filter((r) => !r.satisfied);
    if (missing.length > 0) {
      next = { stage, missing };
      break;
    }
    reasons.push(...results);
    stageIndex = k;
  }
  const risk = (c: StageCondition) => evaluateCondition(c, values[compiledCriteria.slotOf.get(c)!]);
  const dissolving = criteria.dissolving.map(risk).filter((c) => c.satisfied);
  const atRisk = criteria.atRisk.map(risk).filter((c) => c.satisfied);
  const health: RelationshipHealth = dissolving.length > 0 ? "dissolving" : atRisk.length > 0 ? "atRisk" : "healthy";
  return {
    customerId: profile.customerId,
    asOf,
    stage: RELATIONSHIP_STAGES[stageIndex]!,
    health,
    reasons,
    risks: [...dissolving, ...atRisk],
    next,
  };
}

/** Cheap structural checks of a profile and an `asOf`. @internal */
export function checkProfile(profile: unknown, asOf: unknown, where: string): asserts profile is RelationshipProfile {
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw invalidInput(`${where}: options.asOf`, asOf, "a valid Date");
  if (typeof profile !== "object" || profile === null) throw invalidInput(`${where}: profile`, profile, "a RelationshipProfile object");
  const p = profile as Partial<RelationshipProfile>;
  if (typeof p.customerId !== "string") throw invalidInput(`${where}: profile.customerId`, p.customerId, "a string");
  if (!(p.since instanceof Date) || Number.isNaN(p.since.getTime())) throw invalidInput(`${where}: profile.since`, p.since, "a valid Date");
  for (const key of ["purchases", "interactions", "tickets", "nps", "subscriptions", "keyContactEvents"] as const) {
    if (!Array.isArray(p[key])) throw invalidInput(`${where}: profile.${key}`, p[key], "an array (use [] when there are none)");
  }
  if (asOf < p.since) {
    throw invalidInput(`${where}: options.asOf`, asOf, `a date on or after the start of the relationship (${p.since.toISOString()})`);
  }
}

/**
 * Classifies a relationship into its stage as of `asOf`, from observable signals,
 * and explains it: the requirements met (in words and numbers), what is missing for
 * the next stage, and the health flags with the conditions that raised them. Facts
 * after `asOf` are ignored, so the same profile gives the stage at any past date.
 *
 * The profile is checked cheaply (for speed over millions of profiles); validate
 * untrusted profiles with `RelationshipProfileSchema` first. Throws `INVALID_INPUT`
 * for an invalid `asOf`, `asOf` before the relationship started, or invalid criteria
 * (naming the field).
 *
 * @example
 * ```ts
 * import { classifyRelationshipStage } from "crmkit/stages";
 * const result = classifyRelationshipStage(
 *   {
 *     customerId: "c-1",
 *     since: new Date("2024-01-01"),
 *     purchases: [{ at: new Date("2024-02-01"), amount: 120 }],
 *     interactions: [
 *       { at: new Date("2024-01-10"), department: "sales", twoWay: true },
 *       { at: new Date("2024-03-05"), department: "support", twoWay: true },
 *     ],
 *     tickets: [], nps: [], subscriptions: [], keyContactEvents: [],
 *   },
 *   { asOf: new Date("2024-04-01") },
 * );
 * result.stage; // "basic"
 * result.next?.missing.map((m) => m.text); // ["91 days of relationship (needs ≥ 90)" is met; e.g. "1 purchases (needs ≥ 3)", …]
 * ```
 */
export function classifyRelationshipStage(profile: RelationshipProfile, options: ClassifyStageOptions): StageClassification {
  if (typeof options !== "object" || options === null) throw invalidInput("classifyRelationshipStage: options", options, "{ asOf: Date, criteria? }");
  checkProfile(profile, options.asOf, "classifyRelationshipStage");
  return classifyTrusted(profile, options.asOf, checkCriteria(options.criteria ?? DEFAULT_STAGE_CRITERIA));
}

/**
 * The stage and health of a relationship as of `asOf`, without the explanation —
 * several times faster than {@link classifyRelationshipStage}, for scoring a whole
 * customer base. Same inputs, same checks, same answer as `classifyRelationshipStage`'s
 * `stage` and `health`.
 *
 * @example
 * ```ts
 * import { relationshipStateOf } from "crmkit/stages";
 * relationshipStateOf(
 *   { customerId: "c-1", since: new Date("2024-01-01"), purchases: [], interactions: [], tickets: [], nps: [], subscriptions: [], keyContactEvents: [] },
 *   { asOf: new Date("2024-02-01") },
 * ); // { stage: "exploratory", health: "healthy" }
 * ```
 */
export function relationshipStateOf(profile: RelationshipProfile, options: ClassifyStageOptions): { stage: RelationshipStage; health: RelationshipHealth } {
  if (typeof options !== "object" || options === null) throw invalidInput("relationshipStateOf: options", options, "{ asOf: Date, criteria? }");
  checkProfile(profile, options.asOf, "relationshipStateOf");
  return stateTrusted(profile, options.asOf, checkCriteria(options.criteria ?? DEFAULT_STAGE_CRITERIA));
}
