import type { SurveyResponse } from "../../src/model/index.js";

/** A minimal valid SurveyResponse for tests. */
export function response(id: string, score: number, respondedAt: string, extra: Partial<SurveyResponse> = {}): SurveyResponse {
  return { id, kind: "nps", score, respondedAt: new Date(respondedAt), attributes: {}, ...extra };
}

/** Expands counts into a list of 0–10 answers (promoters 10/9, passives 8/7, detractors 0…6). */
export function answers(promoters: number, passives: number, detractors: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < promoters; i++) out.push(i % 2 === 0 ? 10 : 9);
  for (let i = 0; i < passives; i++) out.push(i % 2 === 0 ? 8 : 7);
  for (let i = 0; i < detractors; i++) out.push(i % 7);
  return out;
}

/** Wraps values in an async iterable. */
export async function* stream<T>(values: readonly T[]): AsyncGenerator<T> {
  for (const v of values) yield v;
}

/** z_{0.975} to double precision (standard normal tables / R qnorm(0.975)). */
export const Z975 = 1.959963984540054;
