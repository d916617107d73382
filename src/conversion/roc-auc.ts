import { invalidInput } from "../errors/invalid-input.js";
import { insufficient } from "./validate.js";

/**
 * Area under the ROC curve: the probability that a random positive scores higher
 * than a random negative (ties count one half) — the Mann–Whitney U statistic
 * divided by n₊·n₋, computed with mid-ranks in O(n log n).
 *
 * @example
 * ```ts
 * import { rocAuc } from "crmkit/conversion";
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 * ```
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number | boolean>): number {
  if (scores === null || typeof scores !== "object" || typeof scores.length !== "number") throw invalidInput("scores", scores, "an array of scores");
  if (labels === null || typeof labels !== "object" || labels.length !== scores.length) throw invalidInput("labels", labels, `an array of ${scores.length} labels (one per score)`);
  const n = scores.length;
  const order = new Uint32Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i]!;
    if (typeof s !== "number" || !Number.isFinite(s)) throw invalidInput(`scores[${i}]`, s, "a finite number");
    const l = labels[i];
    if (l !== 0 && l !== 1 && l !== true && l !== false) throw invalidInput(`labels[${i}]`, l, "0, 1, false or true");
    if (l === 1 || l === true) positives++;
    order[i] = i;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) throw insufficient(`rocAuc: needs both outcomes (${positives} positive, ${negatives} negative)`, { positives, negatives });
  order.sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      const l = labels[order[k]!];
      if (l === 1 || l === true) rankSum += midRank;
    }
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
