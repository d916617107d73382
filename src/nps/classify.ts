import { invalidInput } from "../errors/invalid-input.js";

/**
 * The three Net Promoter categories of a 0–10 "how likely are you to recommend…"
 * answer (Bain & Company's definition): promoters answer 9–10, passives 7–8,
 * detractors 0–6.
 *
 * @example
 * ```ts
 * import type { NpsCategory } from "crmkit/nps";
 * const label: Record<NpsCategory, string> = { promoter: "😀", passive: "😐", detractor: "🙁" };
 * ```
 */
export type NpsCategory = "promoter" | "passive" | "detractor";

/**
 * Classifies one likelihood-to-recommend answer: 9–10 → `"promoter"`, 7–8 →
 * `"passive"`, 0–6 → `"detractor"`. Anything that is not an integer from 0 to 10
 * (a fraction, NaN, 11, a string) is a `CrmkitError` (`INVALID_INPUT`): NPS has no
 * other scale.
 *
 * @param score - the answer on the 0–10 scale.
 * @param field - the name used in the error message (default `"score"`).
 * @example
 * ```ts
 * import { classifyNps } from "crmkit/nps";
 * classifyNps(10); // "promoter"
 * classifyNps(8); // "passive"
 * classifyNps(6); // "detractor"
 * ```
 */
export function classifyNps(score: number, field = "score"): NpsCategory {
  if (score === 9 || score === 10) return "promoter";
  if (score === 7 || score === 8) return "passive";
  if (Number.isInteger(score) && score >= 0 && score <= 6) return "detractor";
  throw invalidInput(field, score, "an integer NPS answer from 0 to 10");
}
