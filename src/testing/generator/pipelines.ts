import type { Pipeline } from "../../model/pipeline.js";
import type { GenContext } from "./context.js";

/**
 * The two sales pipelines of the generated company: new business (five open stages)
 * and expansion of existing accounts (three open stages), each with a won and a lost
 * stage. Exported for tests and demos that want the stage ids.
 *
 * @example
 * ```ts
 * import { GENERATED_PIPELINES } from "crmkit/testing";
 * GENERATED_PIPELINES[0].stages.map((s) => s.id);
 * // ["qualification", "discovery", "demo", "proposal", "negotiation", "closed_won", "closed_lost"]
 * ```
 */
export const GENERATED_PIPELINES = [
  {
    id: "new-business",
    name: "New business",
    stages: [
      { id: "qualification", name: "Qualification", probability: 0.1, kind: "open" },
      { id: "discovery", name: "Discovery", probability: 0.2, kind: "open" },
      { id: "demo", name: "Demo", probability: 0.4, kind: "open" },
      { id: "proposal", name: "Proposal", probability: 0.6, kind: "open" },
      { id: "negotiation", name: "Negotiation", probability: 0.8, kind: "open" },
      { id: "closed_won", name: "Closed won", probability: 1, kind: "won" },
      { id: "closed_lost", name: "Closed lost", probability: 0, kind: "lost" },
    ],
  },
  {
    id: "expansion",
    name: "Expansion",
    stages: [
      { id: "identified", name: "Identified", probability: 0.25, kind: "open" },
      { id: "proposal", name: "Proposal", probability: 0.5, kind: "open" },
      { id: "committed", name: "Committed", probability: 0.8, kind: "open" },
      { id: "won", name: "Won", probability: 1, kind: "won" },
      { id: "lost", name: "Lost", probability: 0, kind: "lost" },
    ],
  },
] as const;

/** Adds the pipelines, created 30 days before the period starts. @internal */
export function buildPipelines(ctx: GenContext): void {
  const createdAt = new Date(ctx.o.start - 30 * 86_400_000);
  for (const p of GENERATED_PIPELINES) {
    ctx.pipelines.push({ id: p.id, name: p.name, createdAt, stages: p.stages.map((s) => ({ ...s })) } satisfies Pipeline);
  }
}
