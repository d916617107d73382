import { invalidInput } from "../errors/invalid-input.js";
import type { SurveyResponse } from "../model/survey-response.js";
import { DEFAULT_SURVEY_SCALES } from "../model/survey-response.js";
import { scoreField } from "./survey-input.js";

/**
 * An answer scale: integer answers from `min` to `max` (CSAT 1–5 and CES 1–7 by
 * default; the model's `DEFAULT_SURVEY_SCALES`).
 *
 * @example
 * ```ts
 * import type { SurveyScale } from "crmkit/nps";
 * const tenPoint: SurveyScale = { min: 1, max: 10 };
 * ```
 */
export interface SurveyScale {
  /** Lowest possible answer (integer). */
  readonly min: number;
  /** Highest possible answer (integer, > min). */
  readonly max: number;
}

/** Validates an optional scale option, defaulting to the kind's default scale. */
export function checkScale(value: unknown, kind: "csat" | "ces", field: string): SurveyScale {
  if (value === undefined) return DEFAULT_SURVEY_SCALES[kind];
  const s = value as Partial<SurveyScale> | null;
  if (typeof s !== "object" || s === null || !Number.isSafeInteger(s.min) || !Number.isSafeInteger(s.max) || !(s.max! > s.min!)) {
    throw invalidInput(field, value, "a scale { min, max } of integers with max > min");
  }
  return { min: s.min!, max: s.max! };
}

/** Checks one answer against the scale of the analysis, and a record's declared scale against it. */
export function checkAnswer(score: number, scale: SurveyScale, name: string, index: number, record: SurveyResponse | undefined, kind: "csat" | "ces"): void {
  if (record !== undefined) {
    const declared = record.scale ?? DEFAULT_SURVEY_SCALES[kind];
    if (declared.min !== scale.min || declared.max !== scale.max) {
      throw invalidInput(
        `${name}[${index}].scale`,
        declared,
        `the scale of this analysis, ${scale.min}–${scale.max} (pass options.scale to analyse responses on another scale; do not mix scales)`,
      );
    }
  }
  if (!(Number.isInteger(score) && score >= scale.min && score <= scale.max)) {
    throw invalidInput(scoreField(name, index, record), score, `an integer ${kind.toUpperCase()} answer from ${scale.min} to ${scale.max}`);
  }
}
