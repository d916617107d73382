import { invalidInput } from "../../errors/invalid-input.js";

/**
 * Throws `INVALID_INPUT` unless `value` is a finite number > 0. Shared by the samplers.
 * @internal
 */
export function checkPositive(field: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw invalidInput(field, value, "a finite number > 0");
}
