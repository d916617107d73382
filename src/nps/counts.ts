import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";

/**
 * How many respondents fell into each Net Promoter category — everything the NPS
 * and its uncertainty depend on. An {@link NpsResult} is also an `NpsCounts`.
 *
 * @example
 * ```ts
 * import type { NpsCounts } from "crmkit/nps";
 * const lastQuarter: NpsCounts = { promoters: 120, passives: 60, detractors: 45 };
 * ```
 */
export interface NpsCounts {
  /** Respondents who answered 9 or 10. */
  readonly promoters: number;
  /** Respondents who answered 7 or 8. */
  readonly passives: number;
  /** Respondents who answered 0 to 6. */
  readonly detractors: number;
}

/** Checks counts: non-negative safe integers with a positive total. Returns the total. */
export function checkNpsCounts(counts: unknown, field: string): number {
  if (typeof counts !== "object" || counts === null) throw invalidInput(field, counts, "an object { promoters, passives, detractors }");
  const c = counts as Record<string, unknown>;
  for (const key of ["promoters", "passives", "detractors"] as const) {
    const v = c[key];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw invalidInput(`${field}.${key}`, v, "a non-negative integer count");
  }
  const n = (c.promoters as number) + (c.passives as number) + (c.detractors as number);
  if (n === 0) {
    throw new CrmkitError("INSUFFICIENT_DATA", `${field}: no responses (promoters + passives + detractors = 0); an NPS needs at least one response`, {
      details: { field },
    });
  }
  return n;
}
