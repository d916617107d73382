import { invalidInput } from "../errors/invalid-input.js";
import { checkCriteria, checkProfile, stateTrusted } from "./classify.js";
import { DEFAULT_STAGE_CRITERIA, type StageCriteria } from "./criteria.js";
import type { RelationshipProfile } from "./profile.js";
import { RELATIONSHIP_HEALTH, RELATIONSHIP_STAGES, type RelationshipHealth, type RelationshipStage } from "./relationship-stage.js";

/**
 * How a customer base is spread over stages and health at one date.
 *
 * @example
 * ```ts
 * import type { StageDistribution } from "crmkit/stages";
 * declare const d: StageDistribution;
 * d.byStage.interconnected / d.total; // share of committed partners
 * ```
 */
export interface StageDistribution {
  readonly asOf: Date;
  /** Customers whose relationship had started by `asOf`. */
  readonly total: number;
  /** Customers not yet started at `asOf` (left out of the counts). */
  readonly notStarted: number;
  readonly byStage: Readonly<Record<RelationshipStage, number>>;
  readonly byHealth: Readonly<Record<RelationshipHealth, number>>;
  /** Counts by stage and health. */
  readonly byStageAndHealth: Readonly<Record<RelationshipStage, Readonly<Record<RelationshipHealth, number>>>>;
}

function zeroHealth(): Record<RelationshipHealth, number> {
  return { healthy: 0, atRisk: 0, dissolving: 0 };
}

async function* iterate<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterable<T> {
  yield* items;
}

/**
 * The stage and health distribution of a customer base at `asOf`. Accepts an array,
 * an iterable or an async iterable of profiles (profiles are classified one at a
 * time). Customers whose relationship starts after `asOf` are counted in `notStarted`.
 *
 * @example
 * ```ts
 * import { stageDistribution } from "crmkit/stages";
 * const d = await stageDistribution(
 *   [{ customerId: "c-1", since: new Date("2024-01-01"), purchases: [], interactions: [], tickets: [], nps: [], subscriptions: [], keyContactEvents: [] }],
 *   { asOf: new Date("2024-02-01") },
 * );
 * d.byStage.exploratory; // 1
 * ```
 */
export async function stageDistribution(
  profiles: Iterable<RelationshipProfile> | AsyncIterable<RelationshipProfile>,
  options: { readonly asOf: Date; readonly criteria?: StageCriteria },
): Promise<StageDistribution> {
  if (typeof options !== "object" || options === null) throw invalidInput("stageDistribution: options", options, "{ asOf: Date, criteria? }");
  const { asOf } = options;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw invalidInput("stageDistribution: options.asOf", asOf, "a valid Date");
  const criteria = checkCriteria(options.criteria ?? DEFAULT_STAGE_CRITERIA);
  const byStageAndHealth = Object.fromEntries(RELATIONSHIP_STAGES.map((s) => [s, zeroHealth()])) as Record<RelationshipStage, Record<RelationshipHealth, number>>;
  let total = 0;
  let notStarted = 0;
  for await (const p of iterate(profiles)) {
    if (p?.since instanceof Date && p.since > asOf) {
      notStarted++;
      continue;
    }
    checkProfile(p, asOf, "stageDistribution");
    const c = stateTrusted(p, asOf, criteria);
    byStageAndHealth[c.stage][c.health]++;
    total++;
  }
  const byStage = Object.fromEntries(RELATIONSHIP_STAGES.map((s) => [s, RELATIONSHIP_HEALTH.reduce((n, h) => n + byStageAndHealth[s][h], 0)])) as Record<RelationshipStage, number>;
  const byHealth = zeroHealth();
  for (const s of RELATIONSHIP_STAGES) for (const h of RELATIONSHIP_HEALTH) byHealth[h] += byStageAndHealth[s][h];
  return { asOf, total, notStarted, byStage, byHealth, byStageAndHealth };
}

/**
 * A transition matrix: how many customers moved from each stage at `from` to each
 * stage at `to`. Row `"notStarted"` holds customers whose relationship began between
 * the two dates; customers not started by `to` are left out.
 *
 * @example
 * ```ts
 * import type { StageTransitionMatrix } from "crmkit/stages";
 * declare const m: StageTransitionMatrix;
 * m.counts.basic.collaborated; // customers who moved up from basic to collaborated
 * ```
 */
export interface StageTransitionMatrix {
  readonly from: Date;
  readonly to: Date;
  readonly counts: Readonly<Record<RelationshipStage | "notStarted", Readonly<Record<RelationshipStage, number>>>>;
  /** Row-normalised shares (each started row sums to 1; a row with no customers is all null). */
  readonly rates: Readonly<Record<RelationshipStage | "notStarted", Readonly<Record<RelationshipStage, number | null>>>>;
  /** Customers who moved up, stayed, or moved down between the dates (started at `from`). */
  readonly upgraded: number;
  readonly unchanged: number;
  readonly downgraded: number;
}

/**
 * Counts stage-to-stage moves of a customer base between two dates (`from` < `to`).
 *
 * @example
 * ```ts
 * import { stageTransitionMatrix } from "crmkit/stages";
 * const m = await stageTransitionMatrix([], { from: new Date("2024-01-01"), to: new Date("2024-07-01") });
 * m.unchanged; // 0
 * ```
 */
export async function stageTransitionMatrix(
  profiles: Iterable<RelationshipProfile> | AsyncIterable<RelationshipProfile>,
  options: { readonly from: Date; readonly to: Date; readonly criteria?: StageCriteria },
): Promise<StageTransitionMatrix> {
  if (typeof options !== "object" || options === null) throw invalidInput("stageTransitionMatrix: options", options, "{ from: Date, to: Date, criteria? }");
  const { from, to } = options;
  if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw invalidInput("stageTransitionMatrix: options.from", from, "a valid Date");
  if (!(to instanceof Date) || Number.isNaN(to.getTime()) || to <= from) throw invalidInput("stageTransitionMatrix: options.to", to, "a valid Date after options.from");
  const criteria = checkCriteria(options.criteria ?? DEFAULT_STAGE_CRITERIA);
  const rows = ["notStarted", ...RELATIONSHIP_STAGES] as const;
  const counts = Object.fromEntries(rows.map((r) => [r, Object.fromEntries(RELATIONSHIP_STAGES.map((s) => [s, 0]))])) as Record<
    RelationshipStage | "notStarted",
    Record<RelationshipStage, number>
  >;
  let upgraded = 0;
  let unchanged = 0;
  let downgraded = 0;
  for await (const p of iterate(profiles)) {
    if (p?.since instanceof Date && p.since > to) continue;
    checkProfile(p, to, "stageTransitionMatrix");
    const after = stateTrusted(p, to, criteria).stage;
    if (p.since > from) {
      counts.notStarted[after]++;
      continue;
    }
    const before = stateTrusted(p, from, criteria).stage;
    counts[before][after]++;
    const d = RELATIONSHIP_STAGES.indexOf(after) - RELATIONSHIP_STAGES.indexOf(before);
    if (d > 0) upgraded++;
    else if (d < 0) downgraded++;
    else unchanged++;
  }
  const rates = Object.fromEntries(
    rows.map((r) => {
      const n = RELATIONSHIP_STAGES.reduce((sum, s) => sum + counts[r][s], 0);
      return [r, Object.fromEntries(RELATIONSHIP_STAGES.map((s) => [s, n === 0 ? null : counts[r][s] / n]))];
    }),
  ) as StageTransitionMatrix["rates"];
  return { from, to, counts, rates, upgraded, unchanged, downgraded };
}
