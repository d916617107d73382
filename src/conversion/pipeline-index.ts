import { invalidInput } from "../errors/invalid-input.js";
import type { Pipeline } from "../model/pipeline.js";
import type { Locator } from "./validate.js";

/** One stage of a checked pipeline. */
export interface IndexedStage {
  readonly id: string;
  readonly name: string;
  /** Position in the pipeline's `stages`. */
  readonly position: number;
  readonly kind: "open" | "won" | "lost";
  readonly probability: number;
}

/** A pipeline checked once and indexed by stage id. */
export interface PipelineIndex {
  readonly id: string;
  readonly stages: readonly IndexedStage[];
  readonly byId: ReadonlyMap<string, IndexedStage>;
}

/**
 * Checks a pipeline cheaply (stage ids unique, kinds known, probabilities in
 * [0, 1], won = 1 and lost = 0) and indexes its stages.
 */
export function indexPipeline(pipeline: Pipeline, field = "pipeline"): PipelineIndex {
  if (pipeline === null || typeof pipeline !== "object" || !Array.isArray(pipeline.stages)) {
    throw invalidInput(field, pipeline, "a pipeline with a stages array (see parsePipeline in crmkit/model)");
  }
  const byId = new Map<string, IndexedStage>();
  const stages: IndexedStage[] = [];
  pipeline.stages.forEach((s, i) => {
    const at = `${field}.stages[${i}]`;
    if (s === null || typeof s !== "object" || typeof s.id !== "string" || s.id === "") throw invalidInput(`${at}.id`, s?.id, "a stage id");
    if (byId.has(s.id)) throw invalidInput(`${at}.id`, s.id, "unique stage ids");
    if (s.kind !== "open" && s.kind !== "won" && s.kind !== "lost") throw invalidInput(`${at}.kind`, s.kind, '"open", "won" or "lost"');
    if (typeof s.probability !== "number" || !(s.probability >= 0 && s.probability <= 1)) throw invalidInput(`${at}.probability`, s.probability, "a probability in [0, 1]");
    if (s.kind === "won" && s.probability !== 1) throw invalidInput(`${at}.probability`, s.probability, "probability 1 for a won stage");
    if (s.kind === "lost" && s.probability !== 0) throw invalidInput(`${at}.probability`, s.probability, "probability 0 for a lost stage");
    const stage: IndexedStage = { id: s.id, name: typeof s.name === "string" ? s.name : s.id, position: i, kind: s.kind, probability: s.probability };
    byId.set(s.id, stage);
    stages.push(stage);
  });
  if (!stages.some((s) => s.kind === "won")) throw invalidInput(`${field}.stages`, pipeline.stages, "at least one won stage");
  return { id: typeof pipeline.id === "string" ? pipeline.id : "", stages, byId };
}

/** The stage of `stageId` in the pipeline, or `INVALID_INPUT` naming the record (`${at}${suffix}`) and the known stages. */
export function stageOf(index: PipelineIndex, stageId: unknown, at: Locator, suffix: string): IndexedStage {
  const stage = typeof stageId === "string" ? index.byId.get(stageId) : undefined;
  if (stage === undefined) {
    const known = index.stages.map((s) => JSON.stringify(s.id)).join(", ");
    throw invalidInput(`${at}${suffix}`, stageId, `a stage of pipeline ${JSON.stringify(index.id)} (one of ${known})`, { pipelineId: index.id });
  }
  return stage;
}

/** `INVALID_INPUT` when a record names another pipeline than the one passed. */
export function checkSamePipeline(index: PipelineIndex, pipelineId: unknown, at: Locator, suffix: string): void {
  if (pipelineId !== undefined && pipelineId !== index.id) {
    throw invalidInput(`${at}${suffix}`, pipelineId, `a deal of pipeline ${JSON.stringify(index.id)} (filter deals by pipelineId first)`);
  }
}
