// Entities are stored as JSON in a jsonb column. JSON has no dates, and crmkit entities
// have Dates anywhere — top-level times, nested histories, custom attributes — so a Date
// is written as { "$date": "<ISO instant>" }. To keep that unambiguous, an object key that
// starts with "$" gets one more "$" on the way in and loses it on the way out.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An entity as the JSON the `data` column stores. */
export function encodeEntity(value: unknown): Json {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(encodeEntity);
  if (typeof value === "object" && value !== null) {
    const out: { [key: string]: Json } = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[key.startsWith("$") ? `$${key}` : key] = encodeEntity(v);
    }
    return out;
  }
  return value as Json;
}

/** The entity back from the `data` column (a parsed JSON value, or its text). */
export function decodeEntity(json: unknown): unknown {
  const value = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  return decode(value);
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === "$date" && typeof entries[0]![1] === "string") return new Date(entries[0]![1]);
    const out: Record<string, unknown> = {};
    for (const [key, v] of entries) out[key.startsWith("$") ? key.slice(1) : key] = decode(v);
    return out;
  }
  return value;
}
