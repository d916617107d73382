import { invalidInput } from "../errors/invalid-input.js";

/**
 * Holm's step-down adjustment of p-values for multiple comparisons (controls the
 * family-wise error rate without assuming independence; uniformly more powerful
 * than Bonferroni). Returns adjusted p-values in the input order, as R's
 * `p.adjust(p, "holm")` and statsmodels' `multipletests(method="holm")`.
 *
 * @example
 * ```ts
 * import { holmAdjust } from "crmkit/conversion";
 * holmAdjust([0.01, 0.04, 0.03]); // [0.03, 0.06, 0.06]
 * ```
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  if (!Array.isArray(pValues)) throw invalidInput("pValues", pValues, "an array of p-values");
  pValues.forEach((p, i) => {
    if (typeof p !== "number" || !(p >= 0 && p <= 1)) throw invalidInput(`pValues[${i}]`, p, "a p-value in [0, 1]");
  });
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a]! - pValues[b]!);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((idx, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * pValues[idx]!));
    adjusted[idx] = running;
  });
  return adjusted;
}
