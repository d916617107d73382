import { invalidInput } from "../errors/invalid-input.js";
import { checkCriteria, checkProfile, classifyTrusted, stateTrusted, type StageClassification } from "./classify.js";
import { DEFAULT_STAGE_CRITERIA, type StageCondition, type StageCriteria } from "./criteria.js";
import type { RelationshipProfile } from "./profile.js";
import { RELATIONSHIP_STAGES, type RelationshipHealth, type RelationshipStage } from "./relationship-stage.js";

const DAY_MS = 86_400_000;

/**
 * One change of a relationship's stage or health, at the instant it happened.
 *
 * @example
 * ```ts
 * import type { StageTransition } from "crmkit/stages";
 * const t: StageTransition = {
 *   at: new Date("2024-03-05"), from: { stage: "exploratory", health: "healthy" }, to: { stage: "basic", health: "healthy" },
 * };
 * ```
 */
export interface StageTransition {
  readonly at: Date;
  /** The state before (`null` for the start of the relationship). */
  readonly from: { readonly stage: RelationshipStage; readonly health: RelationshipHealth } | null;
  readonly to: { readonly stage: RelationshipStage; readonly health: RelationshipHealth };
  /** The classification just after the change, with its reasons. */
  readonly classification?: StageClassification;
}

/**
 * The replayed history of one relationship.
 *
 * @example
 * ```ts
 * import type { StageHistory } from "crmkit/stages";
 * declare const h: StageHistory;
 * h.daysInStage.collaborated; // days spent in "collaborated" up to h.until
 * ```
 */
export interface StageHistory {
  readonly customerId: string;
  readonly since: Date;
  readonly until: Date;
  /** Every change of stage or health, oldest first; the first is the start. */
  readonly transitions: readonly StageTransition[];
  /** Days spent in each stage between `since` and `until`. */
  readonly daysInStage: Readonly<Record<RelationshipStage, number>>;
  /** Days spent in each health state between `since` and `until`. */
  readonly daysInHealth: Readonly<Record<RelationshipHealth, number>>;
}

/**
 * Options of {@link relationshipStageHistory}.
 *
 * @example
 * ```ts
 * import type { StageHistoryOptions } from "crmkit/stages";
 * const o: StageHistoryOptions = { until: new Date("2025-01-01"), includeClassifications: true };
 * ```
 */
export interface StageHistoryOptions {
  /** Replay up to this instant (inclusive). */
  readonly until: Date;
  /** Stage criteria (default {@link DEFAULT_STAGE_CRITERIA}). */
  readonly criteria?: StageCriteria;
  /** Attach the full classification (reasons) to each transition. Default false. */
  readonly includeClassifications?: boolean;
}

function conditionsOf(criteria: StageCriteria): StageCondition[] {
  const out: StageCondition[] = [...criteria.atRisk, ...criteria.dissolving];
  for (const stage of ["basic", "collaborated", "interconnected"] as const) {
    for (const r of criteria[stage]) {
      if ("anyOf" in r) out.push(...r.anyOf);
      else out.push(r);
    }
  }
  return out;
}

/**
 * The instants at which a classification can change: every fact's time, and every
 * fact's time (or the start) plus each day offset the criteria use (window lengths,
 * tenure and inactivity thresholds). Between two consecutive candidates every signal
 * is constant, so evaluating at the candidates replays the history exactly.
 */
function candidateTimes(profile: RelationshipProfile, criteria: StageCriteria, until: number): number[] {
  const offsets = new Set<number>();
  for (const c of conditionsOf(criteria)) {
    if (c.windowDays !== undefined) offsets.add(c.windowDays * DAY_MS);
    if ((c.signal === "tenureDays" || c.signal === "daysSinceLastActivity") && typeof c.value === "number") {
      // a threshold v is crossed at start + v days (or just after, for strict comparisons: the
      // next candidate or `until` covers that, as signals are right-continuous in time)
      offsets.add(c.value * DAY_MS);
    }
  }
  const since = profile.since.getTime();
  const facts: number[] = [since];
  for (const p of profile.purchases) facts.push(p.at.getTime());
  for (const i of profile.interactions) facts.push(i.at.getTime());
  for (const t of profile.tickets) {
    facts.push(t.openedAt.getTime());
    if (t.resolvedAt !== undefined) facts.push(t.resolvedAt.getTime());
  }
  for (const r of profile.nps) facts.push(r.at.getTime());
  for (const s of profile.subscriptions) {
    facts.push(s.startedAt.getTime());
    if (s.endedAt !== undefined) facts.push(s.endedAt.getTime());
  }
  for (const e of profile.keyContactEvents) facts.push(e.at.getTime());
  const times = new Set<number>();
  for (const f of facts) {
    if (f >= since && f <= until) times.add(f);
    for (const o of offsets) {
      // Date has whole milliseconds: the first representable instant at or after the threshold
      const t = Math.ceil(f + o);
      if (t >= since && t <= until) times.add(t);
      // strict comparisons (gt/lt) flip one millisecond after the threshold instant
      if (t + 1 >= since && t + 1 <= until) times.add(t + 1);
    }
  }
  return [...times].sort((a, b) => a - b);
}

/**
 * Replays a relationship's history: the stage and health at every instant from the
 * start of the relationship to `until`, as the list of transitions, with the days
 * spent in each stage and health state. It is exact — the stage at any date equals
 * {@link classifyRelationshipStage} at that date — because signals only change at
 * fact times and at fact times plus the criteria's day offsets (a window expiring,
 * an inactivity threshold crossed), and those are exactly the instants evaluated.
 *
 * Cost: O(candidates × facts); fine for customers with up to a few thousand facts.
 *
 * @example
 * ```ts
 * import { relationshipStageHistory } from "crmkit/stages";
 * const h = relationshipStageHistory(
 *   {
 *     customerId: "c-1", since: new Date("2024-01-01"),
 *     purchases: [{ at: new Date("2024-02-01"), amount: 90 }],
 *     interactions: [
 *       { at: new Date("2024-01-05"), department: "sales", twoWay: true },
 *       { at: new Date("2024-02-10"), department: "sales", twoWay: true },
 *     ],
 *     tickets: [], nps: [], subscriptions: [], keyContactEvents: [],
 *   },
 *   { until: new Date("2024-12-31") },
 * );
 * h.transitions.map((t) => `${t.at.toISOString().slice(0, 10)} ${t.to.stage}/${t.to.health}`);
 * // ["2024-01-01 exploratory/healthy", "2024-02-10 basic/healthy", "2024-05-10 basic/atRisk", …]
 * ```
 */
export function relationshipStageHistory(profile: RelationshipProfile, options: StageHistoryOptions): StageHistory {
  if (typeof options !== "object" || options === null) throw invalidInput("relationshipStageHistory: options", options, "{ until: Date, criteria? }");
  checkProfile(profile, options.until, "relationshipStageHistory");
  const criteria = checkCriteria(options.criteria ?? DEFAULT_STAGE_CRITERIA);
  const until = options.until.getTime();
  const transitions: StageTransition[] = [];
  const daysInStage = Object.fromEntries(RELATIONSHIP_STAGES.map((s) => [s, 0])) as Record<RelationshipStage, number>;
  const daysInHealth: Record<RelationshipHealth, number> = { healthy: 0, atRisk: 0, dissolving: 0 };
  let current: { stage: RelationshipStage; health: RelationshipHealth; since: number } | null = null;
  const close = (end: number) => {
    if (current === null) return;
    const d = (end - current.since) / DAY_MS;
    daysInStage[current.stage] += d;
    daysInHealth[current.health] += d;
  };
  for (const t of candidateTimes(profile, criteria.criteria, until)) {
    const at = new Date(t);
    const c = stateTrusted(profile, at, criteria);
    if (current !== null && c.stage === current.stage && c.health === current.health) continue;
    close(t);
    transitions.push({
      at: new Date(t),
      from: current === null ? null : { stage: current.stage, health: current.health },
      to: { stage: c.stage, health: c.health },
      ...(options.includeClassifications === true ? { classification: classifyTrusted(profile, at, criteria) } : {}),
    });
    current = { stage: c.stage, health: c.health, since: t };
  }
  close(until);
  return { customerId: profile.customerId, since: profile.since, until: options.until, transitions, daysInStage, daysInHealth };
}
