import { invalidInput } from "../errors/invalid-input.js";
import type { Pipeline } from "../model/pipeline.js";
import { checkCalendarPeriod, periodIndexOfMs, periodLabelOf, type CalendarPeriod } from "../time/calendar-period.js";
import { assertRows, consume, type ConversionInput } from "./input.js";
import { indexPipeline } from "./pipeline-index.js";
import type { StageEntry } from "./records.js";
import { Locator, checkDate, checkDateAt, checkHistory, checkOneOf, checkOptions } from "./validate.js";

/**
 * A record with a stage history: a `Deal` is one; `customerFunnelEntity` turns a
 * customer's lifecycle history into one.
 *
 * @example
 * ```ts
 * import type { FunnelEntity } from "crmkit/conversion";
 * const e: FunnelEntity = {
 *   id: "d-1",
 *   createdAt: new Date("2024-01-01"),
 *   source: "referral",
 *   stageHistory: [{ stageId: "qualified", enteredAt: new Date("2024-01-01") }],
 * };
 * ```
 */
export interface FunnelEntity {
  readonly id?: string | undefined;
  readonly createdAt: Date;
  /** Grouping key for `groupBy: ["source"]` (`null` group when absent). */
  readonly source?: string | undefined;
  /** The current stage: used as a one-entry history (entered at `createdAt`) when `stageHistory` is empty. */
  readonly stageId?: string | undefined;
  /** Every stage entered, oldest first. */
  readonly stageHistory?: readonly StageEntry[] | undefined;
}

/**
 * A step of the funnel: one open stage of a pipeline, the won stage(s) as the
 * last step, or one stage of a plain stage list.
 *
 * @example
 * ```ts
 * import type { FunnelStep } from "crmkit/conversion";
 * const label = (s: FunnelStep) => `${s.name} (${s.stageIds.join(", ")})`;
 * ```
 */
export interface FunnelStep {
  readonly id: string;
  readonly name: string;
  /** The stage ids that count as this step (several won stages form one final step). */
  readonly stageIds: readonly string[];
}

/**
 * Counts and conversion of one funnel step.
 *
 * @example
 * ```ts
 * import type { FunnelStepCounts } from "crmkit/conversion";
 * const pct = (s: FunnelStepCounts) => (s.conversionToNext === null ? "-" : `${(100 * s.conversionToNext).toFixed(1)}%`);
 * ```
 */
export interface FunnelStepCounts {
  readonly stepId: string;
  readonly name: string;
  /** Records that reached this step: entered it **or any later step** (skipping it). Never increases down the funnel. */
  readonly reached: number;
  /** Records with at least one entry in this step's stages. */
  readonly entered: number;
  /** reached − entered: records that skipped this step. */
  readonly skipped: number;
  /** Records that entered this step more than once (after moving back or jumping around). */
  readonly reentered: number;
  /** Records whose furthest step is this one and that are still open at `asOf` (right-censored: they may still advance). */
  readonly open: number;
  /** Records whose furthest step is this one and that then left to a lost stage. */
  readonly lost: number;
  /** reached(next) / reached(this); `null` for the last step or when nothing reached this step. */
  readonly conversionToNext: number | null;
  /** reached(next) / (reached(this) − open(this)): conversion among records already decided at this step; `null` when none is. */
  readonly decidedConversionToNext: number | null;
  /** reached(this) / reached(first step); `null` when nothing reached the first step. */
  readonly conversionFromFirst: number | null;
}

/**
 * The key of a funnel group: the values it was grouped by.
 *
 * @example
 * ```ts
 * import type { FunnelGroupKey } from "crmkit/conversion";
 * const k: FunnelGroupKey = { source: "referral", cohort: "2024-03" };
 * ```
 */
export interface FunnelGroupKey {
  /** The records' source (`null` for records without one); present when grouped by source. */
  readonly source?: string | null;
  /** The creation period (`2024-03`…); present when grouped by cohort. */
  readonly cohort?: string;
}

/**
 * The funnel of one group of records (or of all records).
 *
 * @example
 * ```ts
 * import type { FunnelCounts } from "crmkit/conversion";
 * const overall = (f: FunnelCounts) => f.steps.at(-1)!.conversionFromFirst;
 * ```
 */
export interface FunnelCounts {
  readonly key: FunnelGroupKey;
  /** Records created by `asOf` in this group. */
  readonly records: number;
  /** Records with no step reached that are still open (no history yet, or only unknown stages with `unknownStages: "ignore"`). */
  readonly notStarted: number;
  /** Records lost before reaching any step. */
  readonly lostBeforeFirstStep: number;
  /** Records with at least one backward move (to an earlier step than the one they were in). */
  readonly movedBackward: number;
  readonly steps: readonly FunnelStepCounts[];
}

/**
 * The result of {@link funnel}.
 *
 * @example
 * ```ts
 * import type { FunnelReport } from "crmkit/conversion";
 * const table = (r: FunnelReport) => r.total.steps.map((s) => ({ step: s.name, reached: s.reached }));
 * ```
 */
export interface FunnelReport {
  readonly asOf: Date;
  readonly steps: readonly FunnelStep[];
  readonly total: FunnelCounts;
  /** One funnel per group (empty without `groupBy`), sorted by key. */
  readonly groups: readonly FunnelCounts[];
}

/**
 * Options of {@link funnel}.
 *
 * @example
 * ```ts
 * import type { FunnelOptions } from "crmkit/conversion";
 * const o: FunnelOptions = { asOf: new Date("2024-07-01"), groupBy: ["source", "cohort"], cohort: "quarter" };
 * ```
 */
export interface FunnelOptions {
  /** Reference time: records created later are left out; history after it is ignored. */
  readonly asOf: Date;
  /** Group by source, creation cohort, or both (one funnel per combination). */
  readonly groupBy?: readonly ("source" | "cohort")[];
  /** Cohort period for `groupBy: ["cohort"]` (default `"month"`, UTC; labels as `crmkit/time`'s `periodLabel`). */
  readonly cohort?: CalendarPeriod;
  /** A stage that is not in the funnel: `"error"` (default, `INVALID_INPUT`) or `"ignore"` the entry. */
  readonly unknownStages?: "error" | "ignore";
}

const LOST = -2;
const UNKNOWN = -3;

interface Acc {
  readonly key: FunnelGroupKey;
  records: number;
  notStarted: number;
  lostBeforeFirstStep: number;
  movedBackward: number;
  readonly reached: Float64Array;
  readonly entered: Float64Array;
  readonly reentered: Float64Array;
  readonly open: Float64Array;
  readonly lost: Float64Array;
}

function newAcc(key: FunnelGroupKey, steps: number): Acc {
  return {
    key,
    records: 0,
    notStarted: 0,
    lostBeforeFirstStep: 0,
    movedBackward: 0,
    reached: new Float64Array(steps),
    entered: new Float64Array(steps),
    reentered: new Float64Array(steps),
    open: new Float64Array(steps),
    lost: new Float64Array(steps),
  };
}

function finish(acc: Acc, steps: readonly FunnelStep[]): FunnelCounts {
  const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);
  const first = acc.reached[0] ?? 0;
  return {
    key: acc.key,
    records: acc.records,
    notStarted: acc.notStarted,
    lostBeforeFirstStep: acc.lostBeforeFirstStep,
    movedBackward: acc.movedBackward,
    steps: steps.map((s, k) => {
      const reached = acc.reached[k]!;
      const next = k + 1 < steps.length ? acc.reached[k + 1]! : undefined;
      return {
        stepId: s.id,
        name: s.name,
        reached,
        entered: acc.entered[k]!,
        skipped: reached - acc.entered[k]!,
        reentered: acc.reentered[k]!,
        open: acc.open[k]!,
        lost: acc.lost[k]!,
        conversionToNext: next === undefined ? null : ratio(next, reached),
        decidedConversionToNext: next === undefined ? null : ratio(next, reached - acc.open[k]!),
        conversionFromFirst: ratio(reached, first),
      };
    }),
  };
}

/**
 * A stage funnel from stage histories: how many records reached each step, and
 * the step-to-step and overall conversion, in total and per source and/or
 * creation cohort.
 *
 * Definitions (see docs/conversion.md): a record **reached** step k when its
 * furthest step (as of `asOf`) is k or later — a skipped stage still counts as
 * passed, so `reached` never increases down the funnel; `entered` counts only
 * records with an actual entry in the step. Re-entries and backward moves do not
 * add counts (each record counts once per step) but are reported (`reentered`,
 * `movedBackward`). With a `Pipeline`, the steps are its open stages in order
 * followed by its won stage(s); entering a lost stage ends the record (`lost`).
 * With a list of stage ids, the steps are those stages in that order.
 * Open records are right-censored: `open` says how many may still advance, and
 * `decidedConversionToNext` leaves them out of the denominator.
 *
 * @example
 * ```ts
 * import { funnel } from "crmkit/conversion";
 * const day = (d: string) => new Date(`${d}T00:00:00Z`);
 * const h = (...stages: string[]) => stages.map((stageId, i) => ({ stageId, enteredAt: day(`2024-01-0${i + 1}`) }));
 * const r = funnel(
 *   [
 *     { createdAt: day("2024-01-01"), stageHistory: h("lead", "qualified", "customer") },
 *     { createdAt: day("2024-01-01"), stageHistory: h("lead", "customer") },
 *     { createdAt: day("2024-01-01"), stageHistory: h("lead") },
 *   ],
 *   ["lead", "qualified", "customer"],
 *   { asOf: day("2024-02-01") },
 * );
 * r.total.steps.map((s) => s.reached); // [3, 2, 2]
 * r.total.steps[1]!.skipped; // 1
 * ```
 */
export function funnel(entities: Iterable<FunnelEntity>, stages: Pipeline | readonly string[], options: FunnelOptions): FunnelReport;
export function funnel(entities: AsyncIterable<FunnelEntity>, stages: Pipeline | readonly string[], options: FunnelOptions): Promise<FunnelReport>;
export function funnel(entities: ConversionInput<FunnelEntity>, stages: Pipeline | readonly string[], options: FunnelOptions): FunnelReport | Promise<FunnelReport>;
export function funnel(entities: ConversionInput<FunnelEntity>, stages: Pipeline | readonly string[], options: FunnelOptions): FunnelReport | Promise<FunnelReport> {
  assertRows(entities, "entities");
  const o = checkOptions(options);
  const asOf = checkDate(o.asOf, "options.asOf");
  const period = o.cohort === undefined ? "month" : checkCalendarPeriod("options.cohort", o.cohort);
  const unknownMode = o.unknownStages === undefined ? "error" : checkOneOf(o.unknownStages, ["error", "ignore"] as const, "options.unknownStages");
  const groupBy = o.groupBy ?? [];
  if (!Array.isArray(groupBy)) throw invalidInput("options.groupBy", groupBy, 'an array of "source" and/or "cohort"');
  groupBy.forEach((g, i) => checkOneOf(g, ["source", "cohort"] as const, `options.groupBy[${i}]`));
  const bySource = groupBy.includes("source");
  const byCohort = groupBy.includes("cohort");

  // Stage id -> step index (or LOST).
  const stepOf = new Map<string, number>();
  const steps: FunnelStep[] = [];
  let pipelineId: string | undefined;
  if (Array.isArray(stages)) {
    if (stages.length === 0) throw invalidInput("stages", stages, "a non-empty list of stage ids, in funnel order");
    stages.forEach((id, i) => {
      if (typeof id !== "string" || id === "") throw invalidInput(`stages[${i}]`, id, "a stage id");
      if (stepOf.has(id)) throw invalidInput(`stages[${i}]`, id, "unique stage ids");
      stepOf.set(id, i);
      steps.push({ id, name: id, stageIds: [id] });
    });
  } else {
    const index = indexPipeline(stages as Pipeline, "stages");
    pipelineId = index.id;
    const won = index.stages.filter((s) => s.kind === "won");
    for (const s of index.stages) {
      if (s.kind === "open") {
        stepOf.set(s.id, steps.length);
        steps.push({ id: s.id, name: s.name, stageIds: [s.id] });
      } else if (s.kind === "lost") stepOf.set(s.id, LOST);
    }
    const wonStep = steps.length;
    for (const s of won) stepOf.set(s.id, wonStep);
    steps.push(won.length === 1 ? { id: won[0]!.id, name: won[0]!.name, stageIds: [won[0]!.id] } : { id: "won", name: "Won", stageIds: won.map((s) => s.id) });
  }
  const m = steps.length;
  const last = m - 1;
  const stamp = new Int32Array(m).fill(-1);
  const visits = new Int32Array(m);
  const total = newAcc({}, m);
  // source -> cohort -> counts (no key strings built per record).
  const groups = new Map<string | null, Map<string, Acc>>();
  const cohortCache = new Map<number, string>();
  const cohortOf = (ms: number): string => {
    const dayIndex = Math.floor(ms / 86_400_000);
    let c = cohortCache.get(dayIndex);
    if (c === undefined) {
      c = periodLabelOf(periodIndexOfMs(ms, period), period);
      cohortCache.set(dayIndex, c);
    }
    return c;
  };
  /** Adds one record (its furthest step, final state and whether it moved back) to a funnel. */
  const loc = new Locator("entities");
  const tally = (a: Acc, i: number, maxStep: number, finalState: number, backward: boolean): void => {
    a.records++;
    if (backward) a.movedBackward++;
    if (maxStep < 0) {
      if (finalState === LOST) a.lostBeforeFirstStep++;
      else a.notStarted++;
      return;
    }
    for (let k = 0; k <= maxStep; k++) {
      a.reached[k]!++;
      if (stamp[k] === i) {
        a.entered[k]!++;
        if (visits[k]! > 1) a.reentered[k]!++;
      }
    }
    if (finalState === LOST) a.lost[maxStep]!++;
    else if (maxStep < last) a.open[maxStep]!++;
  };

  return consume(
    entities,
    (e, i) => {
      if (e === null || typeof e !== "object") throw invalidInput(`entities[${i}]`, e, "a record with createdAt and stageHistory");
      const at = loc.set(i, e.id);
      const created = checkDateAt(e.createdAt, at, ".createdAt");
      if (created > asOf) return;
      if (pipelineId !== undefined && (e as { pipelineId?: unknown }).pipelineId !== undefined && (e as { pipelineId?: unknown }).pipelineId !== pipelineId) {
        throw invalidInput(`${at}.pipelineId`, (e as { pipelineId?: unknown }).pipelineId, `a record of pipeline ${JSON.stringify(pipelineId)} (filter by pipelineId first)`);
      }
      let history = checkHistory(e.stageHistory, created, at);
      if (history.length === 0 && typeof e.stageId === "string") history = [{ stageId: e.stageId, enteredAt: e.createdAt }];
      let maxStep = -1;
      let lastStep = -1;
      let finalState = 0; // 0 open, LOST lost
      let backward = false;
      for (let k = 0; k < history.length; k++) {
        const entry = history[k]!;
        if (entry.enteredAt.getTime() > asOf) break;
        const step = stepOf.get(entry.stageId) ?? UNKNOWN;
        if (step === UNKNOWN) {
          if (unknownMode === "ignore") continue;
          const known = [...stepOf.keys()].map((s) => JSON.stringify(s)).join(", ");
          throw invalidInput(`${at}.stageHistory[${k}].stageId`, entry.stageId, `a stage of the funnel (one of ${known}), or options.unknownStages: "ignore"`);
        }
        if (step === LOST) {
          finalState = LOST;
          continue;
        }
        finalState = 0;
        if (lastStep >= 0 && step < lastStep) backward = true;
        lastStep = step;
        if (step > maxStep) maxStep = step;
        if (stamp[step] !== i) {
          stamp[step] = i;
          visits[step] = 1;
        } else visits[step]!++;
      }
      tally(total, i, maxStep, finalState, backward);
      if (bySource || byCohort) {
        const source = bySource ? (typeof e.source === "string" ? e.source : null) : null;
        const cohort = byCohort ? cohortOf(created) : "";
        let inner = groups.get(source);
        if (inner === undefined) {
          inner = new Map();
          groups.set(source, inner);
        }
        let g = inner.get(cohort);
        if (g === undefined) {
          const key: { source?: string | null; cohort?: string } = {};
          if (bySource) key.source = source;
          if (byCohort) key.cohort = cohort;
          g = newAcc(key, m);
          inner.set(cohort, g);
        }
        tally(g, i, maxStep, finalState, backward);
      }
    },
    () => {
      const sorted = [...groups.values()].flatMap((inner) => [...inner.values()]).sort((a, b) => {
        const sa = a.key.source;
        const sb = b.key.source;
        if (sa !== sb) {
          if (sa === null) return 1;
          if (sb === null) return -1;
          return (sa ?? "") < (sb ?? "") ? -1 : 1;
        }
        return (a.key.cohort ?? "") < (b.key.cohort ?? "") ? -1 : (a.key.cohort ?? "") > (b.key.cohort ?? "") ? 1 : 0;
      });
      return { asOf: new Date(asOf), steps, total: finish(total, steps), groups: sorted.map((g) => finish(g, steps)) };
    },
  );
}
