import type { EntityCollection } from "../../../model/entities.js";
import { QUERY_SPECS } from "../../../repository/query-spec.js";
import { seed } from "../expectations.js";
import { fixtureOf, invalidInputs } from "../fixtures/index.js";
import { drain, listAll } from "../read-all.js";
import { render } from "../render.js";
import { defineRule, type ConformanceRule } from "../rule.js";

const BAD_IDS: readonly unknown[] = ["", "x".repeat(257), "a\u0000b", "tab\there", 42, null, undefined, { id: "x" }];

/** The validation rules of one collection. @internal */
export function validationRules(c: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(c);
  return [
    defineRule(
      "[validation] <collection>: an invalid entity is INVALID_INPUT and nothing is written — neither a new entity nor over an existing one (re-read proves it)",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const existing = f.full("v-1");
        await seed(check, repo, c, [existing]);
        for (const bad of [...invalidInputs(c, "v-1"), ...invalidInputs(c, "v-new")]) {
          await check.rejects(`upsert(${bad.reason})`, "INVALID_INPUT", () => repo.upsert(bad.input));
        }
        check.stored('get("v-1") after the rejected writes over it: unchanged, still version 1', c, existing, 1, await repo.get("v-1"));
        check.same('get("v-new") after the rejected writes of it', null, await repo.get("v-new"));
        check.ids("list() after the rejected writes", ["v-1"], await listAll(check, repo, c, {}, "list() after the rejected writes", 1));
        check.same("count() after the rejected writes", 1, await repo.count());
      },
    ),
    defineRule(
      "[query] <collection>: unknown filter keys (entity fields that are not filter keys too), mistyped values, bad ranges, unknown orders and limits outside 1–1000 are INVALID_INPUT in list, stream and count",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        await seed(check, repo, c, [f.minimal("q-1")]);
        const spec = QUERY_SPECS[c];
        const eqKey = Object.keys(spec.equals)[0];
        const rangeKey = Object.keys(spec.ranges)[0]!;
        const later = new Date("2024-02-01T00:00:00Z");
        const earlier = new Date("2024-01-01T00:00:00Z");
        const badFilters: { what: string; filter: unknown }[] = [
          { what: "an unknown key", filter: { notAFilterKey: "x" } },
          { what: 'the entity field "id", which is not a filter key', filter: { id: "q-1" } },
          { what: 'a "__proto__" key', filter: JSON.parse('{"__proto__": "x"}') as unknown },
          { what: `${rangeKey} given a string instead of a range`, filter: { [rangeKey]: "2024-01-01" } },
          { what: `${rangeKey}.from given an ISO string instead of a Date`, filter: { [rangeKey]: { from: "2024-01-01T00:00:00Z" } } },
          { what: `${rangeKey}.to an Invalid Date`, filter: { [rangeKey]: { to: new Date(Number.NaN) } } },
          { what: `${rangeKey} with from after to`, filter: { [rangeKey]: { from: later, to: earlier } } },
          { what: `${rangeKey} with an unknown bound "since"`, filter: { [rangeKey]: { since: earlier } } },
          { what: "a string instead of a filter object", filter: "status = 'open'" },
          { what: "an array instead of a filter object", filter: [] },
          ...(eqKey === undefined
            ? []
            : [
                { what: `${eqKey} given a number`, filter: { [eqKey]: 1 } },
                { what: `${eqKey} given null`, filter: { [eqKey]: null } },
                { what: `${eqKey} given an array of values`, filter: { [eqKey]: ["a", "b"] } },
              ]),
        ];
        for (const { what, filter } of badFilters) {
          await check.rejects(`list({ filter: ${what} })`, "INVALID_INPUT", () => repo.list({ filter }));
          await check.rejects(`stream({ filter: ${what} })`, "INVALID_INPUT", () => drain(repo.stream({ filter })));
          await check.rejects(`count(${what})`, "INVALID_INPUT", () => repo.count(filter));
        }
        for (const orderBy of ["name", "-id", "updatedAt", `${spec.timeField} desc`, 1]) {
          await check.rejects(`list({ orderBy: ${render(orderBy)} })`, "INVALID_INPUT", () => repo.list({ orderBy }));
          await check.rejects(`stream({ orderBy: ${render(orderBy)} })`, "INVALID_INPUT", () => drain(repo.stream({ orderBy })));
        }
        for (const limit of [0, -1, 1001, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "10"]) {
          await check.rejects(`list({ limit: ${render(limit)} })`, "INVALID_INPUT", () => repo.list({ limit }));
        }
        for (const batchSize of [0, 1001, 2.5]) {
          await check.rejects(`stream({ batchSize: ${render(batchSize)} })`, "INVALID_INPUT", () => drain(repo.stream({ batchSize })));
        }
        check.same("count() after the rejected queries", 1, await repo.count());
      },
    ),
  ];
}

/** Store-wide validation rules, run on the primary collection. @internal */
export function argumentRules(primary: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(primary);
  return [
    defineRule(
      "[validation] <collection>: invalid ids in get, getMany and delete, and a getMany or upsertMany argument that is not an array, are INVALID_INPUT and change nothing",
      { collection: primary },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(primary);
        await seed(check, repo, primary, [f.minimal("i-1")]);
        for (const id of BAD_IDS) {
          await check.rejects(`get(${render(id)})`, "INVALID_INPUT", () => repo.get(id));
          await check.rejects(`getMany(["i-1", ${render(id)}])`, "INVALID_INPUT", () => repo.getMany(["i-1", id]));
          await check.rejects(`delete(${render(id)})`, "INVALID_INPUT", () => repo.delete(id));
        }
        for (const notArray of ["i-1", null, { 0: "i-1" }]) {
          await check.rejects(`getMany(${render(notArray)})`, "INVALID_INPUT", () => repo.getMany(notArray));
          await check.rejects(`upsertMany(${render(notArray)})`, "INVALID_INPUT", () => repo.upsertMany(notArray));
        }
        check.same("count() after the rejected calls", 1, await repo.count());
        check.stored('get("i-1") after the rejected calls', primary, f.minimal("i-1"), 1, await repo.get("i-1"));
      },
    ),
    defineRule(
      "[validation] <collection>: a malformed expectedVersion option or version property (not an integer, negative, a string) is INVALID_INPUT and nothing is written or deleted",
      { collection: primary },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(primary);
        const existing = f.minimal("e-1");
        await seed(check, repo, primary, [existing]);
        const replacement = f.full("e-1");
        for (const expectedVersion of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "1", null]) {
          await check.rejects(`upsert(entity, { expectedVersion: ${render(expectedVersion)} })`, "INVALID_INPUT", () =>
            repo.upsert(replacement, { expectedVersion }),
          );
          await check.rejects(`upsert(new entity, { expectedVersion: ${render(expectedVersion)} })`, "INVALID_INPUT", () =>
            repo.upsert(f.minimal("e-new"), { expectedVersion }),
          );
          await check.rejects(`delete("e-1", { expectedVersion: ${render(expectedVersion)} })`, "INVALID_INPUT", () => repo.delete("e-1", { expectedVersion }));
        }
        for (const version of [0, -1, 1.5, "1", null]) {
          await check.rejects(`upsert({ ...entity, version: ${render(version)} })`, "INVALID_INPUT", () => repo.upsert({ ...replacement, version }));
          await check.rejects(`upsertMany([{ ...entity, version: ${render(version)} }])`, "INVALID_INPUT", () => repo.upsertMany([{ ...replacement, version }]));
        }
        await check.rejects('upsert(entity, "options as a string")', "INVALID_INPUT", () => repo.upsert(replacement, "force"));
        check.stored('get("e-1") after the rejected writes: unchanged, version 1', primary, existing, 1, await repo.get("e-1"));
        check.same('get("e-new") after the rejected writes', null, await repo.get("e-new"));
      },
    ),
  ];
}
