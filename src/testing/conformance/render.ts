function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

function renderInner(value: unknown, depth: number): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "symbol") return value.toString();
  if (typeof value === "function") return "a function";
  if (isDate(value)) return Number.isNaN(value.getTime()) ? "Date(Invalid)" : `Date(${value.toISOString()})`;
  if (depth > 4) return Array.isArray(value) ? "[…]" : "{…}";
  if (Array.isArray(value)) return `[${value.map((v) => renderInner(v, depth + 1)).join(", ")}]`;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${renderInner(v, depth + 1)}`);
  return `{ ${entries.join(", ")} }`;
}

/**
 * Renders a value for a conformance message: like JSON but showing `Date`s, `undefined`,
 * `NaN` and `-0` for what they are (the differences the kit reports), truncated.
 * @internal
 */
export function render(value: unknown, max = 300): string {
  let text: string;
  try {
    text = renderInner(value, 0);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What kind of value this is, for "got a string" style messages. @internal */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (isDate(value)) return "a Date";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function formatKey(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  const k = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path === "" ? k : `${path}.${k}`;
}

/**
 * The first difference between `expected` and `actual`, described with its path
 * (`"at amount.amount: expected 0.1 (a number), got \"0.1\" (a string)"`), or `null`
 * when they are equal. Types are strict: a `Date` only equals a `Date` of the same
 * instant, never its ISO string; `0` equals `-0`. A property whose value is
 * `undefined` counts as absent.
 * @internal
 */
export function firstDifference(expected: unknown, actual: unknown, path = ""): string | null {
  const where = path === "" ? "" : `at ${path}: `;
  const mismatch = (): string => `${where}expected ${render(expected, 120)} (${kindOf(expected)}), got ${render(actual, 120)} (${kindOf(actual)})`;
  if (isDate(expected)) {
    if (!isDate(actual)) return mismatch();
    const a = expected.getTime();
    const b = actual.getTime();
    return a === b || (Number.isNaN(a) && Number.isNaN(b)) ? null : mismatch();
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return mismatch();
    if (actual.length !== expected.length) {
      return `${where}expected an array of ${expected.length} (${render(expected, 120)}), got an array of ${actual.length} (${render(actual, 120)})`;
    }
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], actual[i], formatKey(path, i));
      if (d !== null) return d;
    }
    return null;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof actual !== "object" || actual === null || Array.isArray(actual) || isDate(actual)) return mismatch();
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (e[key] === undefined) continue;
      if (!Object.hasOwn(a, key) || a[key] === undefined) {
        return `at ${formatKey(path, key)}: expected ${render(e[key], 120)} (${kindOf(e[key])}), got nothing (the property is missing)`;
      }
      const d = firstDifference(e[key], a[key], formatKey(path, key));
      if (d !== null) return d;
    }
    for (const key of Object.keys(a)) {
      if (a[key] !== undefined && (!Object.hasOwn(e, key) || e[key] === undefined)) {
        return `at ${formatKey(path, key)}: expected no such property, got ${render(a[key], 120)} (${kindOf(a[key])})`;
      }
    }
    return null;
  }
  if (Object.is(expected, actual) || (expected === 0 && actual === 0)) return null;
  return mismatch();
}
