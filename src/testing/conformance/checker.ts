import { isCrmkitError, type CrmkitError, type CrmkitErrorCode } from "../../errors/crmkit-error.js";
import { ENTITY_DEFINITIONS, type EntityCollection } from "../../model/entities.js";
import { conformanceFailure, describeError } from "./conformance-failure.js";
import { firstDifference, kindOf, render } from "./render.js";

/** An entity the kit has checked: valid, in parsed form, with an integer version. @internal */
export type CheckedEntity = Record<string, unknown> & { readonly id: string; readonly version: number };

function renderIds(ids: readonly string[], max = 12): string {
  const shown = ids.slice(0, max).map((id) => JSON.stringify(id));
  return `[${shown.join(", ")}${ids.length > max ? `, … ${ids.length - max} more` : ""}]`;
}

/**
 * The kit's assertions, bound to one rule and collection: every failure is a
 * `CONFORMANCE` error naming both, the check, what was expected and what the adapter
 * returned.
 * @internal
 */
export class Checker {
  constructor(
    readonly rule: string,
    readonly collection: EntityCollection | null,
  ) {}

  fail(check: string, expected: string, actual: string, cause?: unknown): never {
    throw conformanceFailure(this.rule, this.collection, check, expected, actual, cause);
  }

  /** `actual` must deep-equal `expected` (strict types: Dates are Dates). */
  equal(check: string, expected: unknown, actual: unknown): void {
    const d = firstDifference(expected, actual);
    if (d !== null) this.fail(check, render(expected), `${render(actual)} — ${d}`);
  }

  /** `actual` must be exactly `expected` (a primitive). */
  same(check: string, expected: unknown, actual: unknown): void {
    if (!Object.is(expected, actual)) this.fail(check, render(expected), `${render(actual)} (${kindOf(actual)})`);
  }

  /**
   * `value` must be an entity of `collection` as a store returns it: it validates
   * against the collection's schema, is already in the schema's output form (Date
   * instances, defaults present, no extra keys) and has an integer `version >= 1`.
   */
  entity(check: string, collection: EntityCollection, value: unknown): CheckedEntity {
    const def = ENTITY_DEFINITIONS[collection];
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      this.fail(check, `a ${def.name} entity (an object)`, `${render(value)} (${kindOf(value)})`);
    }
    const { version, ...body } = value as Record<string, unknown>;
    if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
      this.fail(check, `a ${def.name} with an integer version >= 1`, `version ${render(version)} (${kindOf(version)}) on ${render(value, 160)}`);
    }
    const parsed = def.schema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
        .join("; ");
      this.fail(check, `an entity that validates against the ${def.name} schema`, `${render(value, 200)} — invalid: ${issues}`);
    }
    const d = firstDifference(parsed.data, body);
    if (d !== null) {
      this.fail(check, `the ${def.name} in its parsed form (Date instances, defaults present, no extra keys)`, `${render(value, 200)} — ${d}`);
    }
    return value as CheckedEntity;
  }

  /** `value` must be the stored form of `input` (its parsed form) with `version`. */
  stored(check: string, collection: EntityCollection, input: unknown, version: number | null, value: unknown): CheckedEntity {
    const e = this.entity(check, collection, value);
    const expected = ENTITY_DEFINITIONS[collection].schema.parse(input) as Record<string, unknown>;
    const d = firstDifference(expected, { ...e, version: undefined });
    if (d !== null) this.fail(check, `the entity as written: ${render(expected, 200)}`, `${render(e, 200)} — ${d}`);
    if (version !== null && e.version !== version) this.fail(check, `version ${version}`, `version ${e.version} on ${render(e, 120)}`);
    return e;
  }

  /** The ids of `actual` must be `expected`, in order, each once. */
  ids(check: string, expected: readonly string[], actual: unknown): void {
    if (!Array.isArray(actual)) this.fail(check, `an array of ${expected.length} entities ${renderIds(expected)}`, `${render(actual)} (${kindOf(actual)})`);
    const got = (actual as unknown[]).map((e) => String((e as { id?: unknown } | null)?.id));
    if (got.length === expected.length && got.every((id, i) => id === expected[i])) return;
    const want = new Set(expected);
    const have = new Set<string>();
    const repeated = new Set<string>();
    for (const id of got) (have.has(id) ? repeated : have).add(id);
    const missing = expected.filter((id) => !have.has(id));
    const unexpected = [...have].filter((id) => !want.has(id));
    const problems: string[] = [];
    if (missing.length > 0) problems.push(`missing ${renderIds(missing)}`);
    if (unexpected.length > 0) problems.push(`unexpected ${renderIds(unexpected)}`);
    if (repeated.size > 0) problems.push(`repeated ${renderIds([...repeated])}`);
    if (problems.length === 0) {
      const i = got.findIndex((id, k) => id !== expected[k]);
      problems.push(`the right rows in the wrong order: position ${i} holds ${JSON.stringify(got[i])} where ${JSON.stringify(expected[i])} belongs`);
    }
    this.fail(check, `${expected.length} rows ${renderIds(expected)}`, `${got.length} rows ${renderIds(got)} — ${problems.join("; ")}`);
  }

  /** `fn` must fail with a `CrmkitError` of `code`; returns it. */
  async rejects(check: string, code: CrmkitErrorCode, fn: () => unknown): Promise<CrmkitError> {
    let result: unknown;
    try {
      result = await fn();
    } catch (error) {
      if (isCrmkitError(error, code)) return error;
      return this.fail(check, `a CrmkitError with code ${code}`, `it threw ${describeError(error)}`, error);
    }
    return this.fail(check, `a CrmkitError with code ${code}`, `no error, and the result ${render(result, 200)}`);
  }
}
