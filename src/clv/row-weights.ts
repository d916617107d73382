import { invalidInput } from "../errors/invalid-input.js";

/**
 * The weight of each row of a fit: `options.weights` when given (checked: one
 * finite weight >= 0 per row), else the data's own weights (internal).
 */
export function rowWeights(dataWeights: Float64Array | undefined, override: ArrayLike<number> | undefined, rows: number): Float64Array | undefined {
  if (override === undefined) return dataWeights;
  if (override.length !== rows) throw invalidInput("options.weights", `length ${override.length}`, `the number of rows (${rows})`);
  const w = Float64Array.from(override);
  for (let i = 0; i < rows; i++) if (!Number.isFinite(w[i]!) || w[i]! < 0) throw invalidInput(`options.weights[${i}]`, w[i], "a finite weight >= 0");
  return w;
}
