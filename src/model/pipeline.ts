import { z } from "zod";
import { IdSchema } from "./id.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * One stage of a sales pipeline: its `id`, display `name`, the probability that a
 * deal in it is eventually won (used by the weighted pipeline), and its `kind`:
 * `open`, `won` or `lost`. Won stages have probability 1, lost stages 0.
 *
 * @example
 * ```ts
 * import { PipelineStageSchema } from "crmkit/model";
 * PipelineStageSchema.parse({ id: "proposal", name: "Proposal sent", probability: 0.5, kind: "open" });
 * ```
 */
export const PipelineStageSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(200),
    probability: z.number().min(0).max(1),
    kind: z.enum(["open", "won", "lost"]),
  })
  .superRefine((s, ctx) => {
    if (s.kind === "won" && s.probability !== 1) ctx.addIssue({ code: "custom", path: ["probability"], message: "expected probability 1 for a won stage", input: s.probability });
    if (s.kind === "lost" && s.probability !== 0) ctx.addIssue({ code: "custom", path: ["probability"], message: "expected probability 0 for a lost stage", input: s.probability });
  });

/**
 * A pipeline stage (see {@link PipelineStageSchema}).
 *
 * @example
 * ```ts
 * import type { PipelineStage } from "crmkit/model";
 * const s: PipelineStage = { id: "won", name: "Closed won", probability: 1, kind: "won" };
 * ```
 */
export type PipelineStage = z.infer<typeof PipelineStageSchema>;

/**
 * A sales pipeline: its stages in order (open stages first, in the order deals move
 * through them, then the closed stages). Stage ids are unique; at least one open, one
 * won and one lost stage are required.
 *
 * @example
 * ```ts
 * import { parsePipeline } from "crmkit/model";
 * parsePipeline({
 *   id: "sales",
 *   name: "New business",
 *   createdAt: "2024-01-01T00:00:00Z",
 *   stages: [
 *     { id: "qualified", name: "Qualified", probability: 0.2, kind: "open" },
 *     { id: "proposal", name: "Proposal", probability: 0.5, kind: "open" },
 *     { id: "won", name: "Closed won", probability: 1, kind: "won" },
 *     { id: "lost", name: "Closed lost", probability: 0, kind: "lost" },
 *   ],
 * });
 * ```
 */
export const PipelineSchema = z
  .strictObject({
    id: IdSchema,
    name: z.string().min(1).max(200),
    stages: z.array(PipelineStageSchema).min(3).max(100),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema.optional(),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.stages.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["stages", i, "id"], message: `duplicate stage id "${s.id}"`, input: s.id });
      seen.add(s.id);
    });
    for (const kind of ["open", "won", "lost"] as const) {
      if (!p.stages.some((s) => s.kind === kind)) ctx.addIssue({ code: "custom", path: ["stages"], message: `expected at least one ${kind} stage` });
    }
  });

/**
 * A pipeline (see {@link PipelineSchema}).
 *
 * @example
 * ```ts
 * import type { Pipeline } from "crmkit/model";
 * const openStages = (p: Pipeline) => p.stages.filter((s) => s.kind === "open");
 * ```
 */
export type Pipeline = z.infer<typeof PipelineSchema>;

/**
 * What {@link parsePipeline} accepts.
 *
 * @example
 * ```ts
 * import type { PipelineInput } from "crmkit/model";
 * let p: PipelineInput | undefined;
 * ```
 */
export type PipelineInput = z.input<typeof PipelineSchema>;

/**
 * Validates a pipeline; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parsePipeline } from "crmkit/model";
 * parsePipeline({
 *   id: "p", name: "P", createdAt: new Date(),
 *   stages: [
 *     { id: "a", name: "A", probability: 0.3, kind: "open" },
 *     { id: "w", name: "Won", probability: 1, kind: "won" },
 *     { id: "l", name: "Lost", probability: 0, kind: "lost" },
 *   ],
 * });
 * ```
 */
export function parsePipeline(input: unknown): Pipeline {
  return parseWith(PipelineSchema, "Pipeline", input);
}
