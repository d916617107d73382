import { CrmkitError } from "../errors/crmkit-error.js";
import { FORBIDDEN_KEYS } from "../model/attributes.js";

/** Limits of {@link assertPlainJson}. */
export interface JsonLimits {
  /** Deepest nesting of arrays and objects. */
  readonly maxDepth: number;
  /** Most values (objects, arrays and primitives) in total. */
  readonly maxNodes: number;
}

function render(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out === "" ? key : `.${key}`;
  return out === "" ? "(root)" : out;
}

function reject(what: string, path: readonly (string | number)[], message: string, input: unknown): CrmkitError {
  const where = render(path);
  return new CrmkitError("INVALID_INPUT", `Invalid ${what}: ${where}: ${message}`, {
    issues: [{ path: [...path], message, input }],
    details: { what, path: where },
  });
}

/**
 * Checks that `input` is plain JSON data before any schema sees it: only plain
 * objects (prototype `Object.prototype` or `null`), arrays, strings, finite-or-not
 * numbers, booleans and `null`; no own key `__proto__`, `constructor` or `prototype`
 * anywhere; no accessor properties (a getter could answer differently on each read);
 * nesting and size within `limits`. Iterative, so a hostile, deeply nested input
 * cannot overflow the stack.
 *
 * Internal helper of the segmentation module (rule definitions and segment maps).
 */
export function assertPlainJson(input: unknown, what: string, limits: JsonLimits): void {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    nodes++;
    if (nodes > limits.maxNodes) throw reject(what, [], `expected at most ${limits.maxNodes} values in total`, undefined);
    if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") continue;
    if (path.length >= limits.maxDepth) throw reject(what, path, `expected nesting at most ${limits.maxDepth} levels deep`, undefined);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        if (!Object.hasOwn(value, i)) throw reject(what, [...path, i], "expected JSON data (sparse arrays are not allowed)", undefined);
        stack.push({ value: value[i] as unknown, path: [...path, i] });
      }
      continue;
    }
    if (typeof value !== "object") throw reject(what, path, `expected JSON data, got a ${typeof value}`, value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw reject(what, path, "expected a plain object (JSON data), got an instance of a class", value);
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key)) throw reject(what, [...path, key], `key "${key}" is reserved and not allowed`, key);
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (!("value" in descriptor)) throw reject(what, [...path, key], "expected a data property, got a getter/setter", undefined);
      stack.push({ value: descriptor.value as unknown, path: [...path, key] });
    }
  }
}
