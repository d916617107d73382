import { z } from "zod";
import { CustomAttributesSchema } from "./attributes.js";
import { InteractionChannelSchema } from "./channels.js";
import { IdSchema } from "./id.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * The default scale of each survey kind: NPS 0–10 (fixed), CSAT 1–5, CES 1–7.
 *
 * @example
 * ```ts
 * import { DEFAULT_SURVEY_SCALES } from "crmkit/model";
 * DEFAULT_SURVEY_SCALES.csat; // { min: 1, max: 5 }
 * ```
 */
export const DEFAULT_SURVEY_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
} as const;

/**
 * A survey answer: Net Promoter Score (0–10, "how likely are you to recommend…"),
 * customer satisfaction (CSAT, default 1–5) or customer effort (CES, default 1–7).
 * Scores are integers within the scale; CSAT and CES may declare another `scale`,
 * NPS may not. `customerId` is optional for anonymous surveys. `ticketId` links a
 * transactional survey to the support case it rates (CSAT and CES after a ticket is
 * resolved), so satisfaction can be reported per ticket, priority or agent.
 *
 * @example
 * ```ts
 * import { parseSurveyResponse } from "crmkit/model";
 * parseSurveyResponse({
 *   id: "r-1",
 *   customerId: "c-1",
 *   kind: "nps",
 *   score: 9,
 *   respondedAt: "2024-05-10T12:00:00Z",
 *   comment: "Great support",
 * });
 * ```
 */
export const SurveyResponseSchema = z
  .strictObject({
    id: IdSchema,
    customerId: IdSchema.optional(),
    kind: z.enum(["nps", "csat", "ces"]),
    score: z.number().int("expected an integer score"),
    scale: z
      .strictObject({ min: z.number().int(), max: z.number().int() })
      .refine((s) => s.max > s.min, { message: "expected scale.max > scale.min" })
      .optional(),
    respondedAt: TimestampSchema,
    surveyId: IdSchema.optional(),
    campaignId: IdSchema.optional(),
    ticketId: IdSchema.optional(),
    channel: InteractionChannelSchema.optional(),
    comment: z.string().max(20_000).optional(),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((r, ctx) => {
    if (r.kind === "nps" && r.scale !== undefined && (r.scale.min !== 0 || r.scale.max !== 10)) {
      ctx.addIssue({ code: "custom", path: ["scale"], message: "NPS is always on a 0-10 scale", input: r.scale });
    }
    const scale = r.scale ?? DEFAULT_SURVEY_SCALES[r.kind];
    if (r.score < scale.min || r.score > scale.max) {
      ctx.addIssue({ code: "custom", path: ["score"], message: `expected an integer ${scale.min}-${scale.max} for a ${r.kind.toUpperCase()} response`, input: r.score });
    }
  });

/**
 * A survey response (see {@link SurveyResponseSchema}).
 *
 * @example
 * ```ts
 * import type { SurveyResponse } from "crmkit/model";
 * const isPromoter = (r: SurveyResponse) => r.kind === "nps" && r.score >= 9;
 * ```
 */
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

/**
 * What {@link parseSurveyResponse} accepts.
 *
 * @example
 * ```ts
 * import type { SurveyResponseInput } from "crmkit/model";
 * const r: SurveyResponseInput = { id: "r", kind: "csat", score: 4, respondedAt: "2024-01-01T00:00:00Z" };
 * ```
 */
export type SurveyResponseInput = z.input<typeof SurveyResponseSchema>;

/**
 * Validates a survey response; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseSurveyResponse } from "crmkit/model";
 * parseSurveyResponse({ id: "r", kind: "nps", score: 10, respondedAt: new Date() });
 * ```
 */
export function parseSurveyResponse(input: unknown): SurveyResponse {
  return parseWith(SurveyResponseSchema, "SurveyResponse", input);
}
