import type { Pipeline } from "../model/pipeline.js";
import { summarizeDurations, type DurationSummary } from "./duration-summary.js";
import { FloatBuffer } from "./float-buffer.js";
import { assertRows, consume, type ConversionInput } from "./input.js";
import { checkSamePipeline, indexPipeline, stageOf, type PipelineIndex } from "./pipeline-index.js";
import type { ConversionDeal, StageEntry } from "./records.js";
import { DAY_MS, checkDate, checkDeal, checkHistory, checkOneOf, checkOptions, Locator } from "./validate.js";

/**
 * Options of {@link timeInStage}.
 *
 * @example
 * ```ts
 * import type { TimeInStageOptions } from "crmkit/conversion";
 * const o: TimeInStageOptions = { asOf: new Date("2024-06-30T00:00:00Z"), ongoing: "exclude" };
 * ```
 */
export interface TimeInStageOptions {
  /** Reference time: history after it is ignored; visits still under way are measured up to it. */
  readonly asOf: Date;
  /**
   * The deals' pipeline: checks every stage id, orders the report by the
   * pipeline, and leaves out won and lost stages (a closed deal stays in them
   * for ever). Without it, stages are reported in order of first appearance.
   */
  readonly pipeline?: Pipeline;
  /**
   * `"include"` (default, as HubSpot): a deal currently in a stage counts with the
   * time spent so far (a right-censored duration, counted in `ongoing`);
   * `"exclude"`: a deal currently in a stage does not count for that stage.
   */
  readonly ongoing?: "include" | "exclude";
}

/**
 * Time spent in one stage.
 *
 * @example
 * ```ts
 * import type { StageTime } from "crmkit/conversion";
 * const row = (s: StageTime) => ({ stage: s.stageId, median: s.cumulative?.medianDays ?? "-" });
 * ```
 */
export interface StageTime {
  readonly stageId: string;
  /** The pipeline's stage name (the id when no pipeline was given). */
  readonly name: string;
  /** Deals that entered the stage at least once (as of `asOf`). */
  readonly deals: number;
  /** Entries into the stage (re-entries included). */
  readonly visits: number;
  /** Deals that entered the stage more than once. */
  readonly reentered: number;
  /** Deals in the stage at `asOf` (their time in it is still running). */
  readonly ongoing: number;
  /** Per deal, the duration of its latest visit ("time in stage", latest). `null` when no deal contributes. */
  readonly latest: DurationSummary | null;
  /** Per deal, the sum of all its visits ("cumulative time in stage"). `null` when no deal contributes. */
  readonly cumulative: DurationSummary | null;
}

/**
 * The result of {@link timeInStage}.
 *
 * @example
 * ```ts
 * import type { TimeInStageResult } from "crmkit/conversion";
 * const slowest = (r: TimeInStageResult) =>
 *   [...r.stages].sort((a, b) => (b.cumulative?.medianDays ?? 0) - (a.cumulative?.medianDays ?? 0))[0];
 * ```
 */
export interface TimeInStageResult {
  readonly asOf: Date;
  readonly ongoing: "include" | "exclude";
  readonly stages: readonly StageTime[];
}

interface StageAcc {
  readonly stageId: string;
  readonly name: string;
  deals: number;
  visits: number;
  reentered: number;
  ongoing: number;
  readonly latest: FloatBuffer;
  readonly cumulative: FloatBuffer;
}

/**
 * Time in stage from stage histories, both ways the tools report it: the
 * duration of each deal's **latest** visit to a stage, and the **cumulative** time
 * over all its visits (HubSpot reports both; they differ when deals move back
 * and re-enter a stage). A visit ends when the next stage is entered, or at
 * `closedAt` if the deal closed without a closing stage entry; a visit still under
 * way at `asOf` is measured up to `asOf` (see `ongoing`). Durations are in days.
 *
 * @example
 * ```ts
 * import { timeInStage } from "crmkit/conversion";
 * const day = (d: string) => new Date(`${d}T00:00:00Z`);
 * const r = timeInStage(
 *   [{
 *     id: "d-1", status: "open", createdAt: day("2024-01-01"),
 *     stageHistory: [
 *       { stageId: "qualified", enteredAt: day("2024-01-01") },
 *       { stageId: "proposal", enteredAt: day("2024-01-11") },
 *       { stageId: "qualified", enteredAt: day("2024-01-15") },
 *       { stageId: "proposal", enteredAt: day("2024-01-20") },
 *     ],
 *   }],
 *   { asOf: day("2024-01-30") },
 * );
 * r.stages[0]!.cumulative!.meanDays; // 15 (10 + 5 days in "qualified")
 * r.stages[0]!.latest!.meanDays; // 5
 * ```
 */
export function timeInStage(deals: Iterable<ConversionDeal>, options: TimeInStageOptions): TimeInStageResult;
export function timeInStage(deals: AsyncIterable<ConversionDeal>, options: TimeInStageOptions): Promise<TimeInStageResult>;
export function timeInStage(deals: ConversionInput<ConversionDeal>, options: TimeInStageOptions): TimeInStageResult | Promise<TimeInStageResult>;
export function timeInStage(deals: ConversionInput<ConversionDeal>, options: TimeInStageOptions): TimeInStageResult | Promise<TimeInStageResult> {
  assertRows(deals, "deals");
  const o = checkOptions(options);
  const asOf = checkDate(o.asOf, "options.asOf");
  const ongoingMode = o.ongoing === undefined ? "include" : checkOneOf(o.ongoing, ["include", "exclude"] as const, "options.ongoing");
  const index: PipelineIndex | undefined = o.pipeline === undefined ? undefined : indexPipeline(o.pipeline, "options.pipeline");
  const accs: StageAcc[] = [];
  const slot = new Map<string, number>();
  const newAcc = (stageId: string, name: string): number => {
    accs.push({ stageId, name, deals: 0, visits: 0, reentered: 0, ongoing: 0, latest: new FloatBuffer(), cumulative: new FloatBuffer() });
    slot.set(stageId, accs.length - 1);
    return accs.length - 1;
  };
  if (index !== undefined) for (const s of index.stages) if (s.kind === "open") newAcc(s.id, s.name);
  // Per-deal scratch, indexed by stage slot; `touched` lists the slots used by the current deal.
  let sum = new Float64Array(16);
  let last = new Float64Array(16);
  let visits = new Int32Array(16);
  let current = new Uint8Array(16);
  const touched: number[] = [];
  const loc = new Locator("deals");

  return consume(
    deals,
    (deal, i) => {
      const { created, closed } = checkDeal(deal, i);
      if (created > asOf) return;
      const at = loc.set(i, deal.id);
      if (index !== undefined) checkSamePipeline(index, deal.pipelineId, at, ".pipelineId");
      let history: readonly StageEntry[] = checkHistory(deal.stageHistory, created, at);
      if (history.length === 0 && typeof deal.stageId === "string") history = [{ stageId: deal.stageId, enteredAt: deal.createdAt }];
      const closedAsOf = closed !== undefined && closed <= asOf;
      let n = history.length;
      while (n > 0 && history[n - 1]!.enteredAt.getTime() > asOf) n--;
      for (let k = 0; k < n; k++) {
        const entry = history[k]!;
        const begin = entry.enteredAt.getTime();
        let end: number;
        let running = false;
        if (k + 1 < n) end = history[k + 1]!.enteredAt.getTime();
        else if (k + 1 < history.length || !closedAsOf) {
          // Still in this stage at asOf (the next entry, if any, is after asOf).
          end = asOf;
          running = true;
        } else if (index === undefined) {
          // Without a pipeline, a closed deal's last entry is taken as its closing (won/lost) stage,
          // which has no duration.
          continue;
        } else {
          // With a pipeline, a closed deal whose last entry is an open stage left it at closedAt.
          end = Math.max(begin, closed);
        }
        let s: number;
        if (index !== undefined) {
          const stage = stageOf(index, entry.stageId, at, `.stageHistory[${k}].stageId`);
          if (stage.kind !== "open") continue;
          s = slot.get(stage.id)!;
        } else {
          s = slot.get(entry.stageId) ?? newAcc(entry.stageId, entry.stageId);
        }
        if (s >= sum.length) {
          const size = Math.max(s + 1, sum.length * 2);
          const grow = <A extends Float64Array | Int32Array | Uint8Array>(a: A, b: A): A => {
            b.set(a);
            return b;
          };
          sum = grow(sum, new Float64Array(size));
          last = grow(last, new Float64Array(size));
          visits = grow(visits, new Int32Array(size));
          current = grow(current, new Uint8Array(size));
        }
        if (visits[s] === 0) touched.push(s);
        const d = (end - begin) / DAY_MS;
        sum[s]! += d;
        last[s] = d;
        visits[s]!++;
        current[s] = running ? 1 : 0;
      }
      for (const s of touched) {
        const acc = accs[s]!;
        acc.deals++;
        acc.visits += visits[s]!;
        if (visits[s]! > 1) acc.reentered++;
        if (current[s] === 1) acc.ongoing++;
        if (current[s] === 0 || ongoingMode === "include") {
          acc.latest.push(last[s]!);
          acc.cumulative.push(sum[s]!);
        }
        sum[s] = 0;
        last[s] = 0;
        visits[s] = 0;
        current[s] = 0;
      }
      touched.length = 0;
    },
    () => ({
      asOf: new Date(asOf),
      ongoing: ongoingMode,
      stages: accs.map((a) => ({
        stageId: a.stageId,
        name: a.name,
        deals: a.deals,
        visits: a.visits,
        reentered: a.reentered,
        ongoing: a.ongoing,
        latest: a.latest.length === 0 ? null : summarizeDurations(a.latest.view()),
        cumulative: a.cumulative.length === 0 ? null : summarizeDurations(a.cumulative.view()),
      })),
    }),
  );
}
