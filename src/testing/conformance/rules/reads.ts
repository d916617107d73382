import type { EntityCollection, EntityMap } from "../../../model/entities.js";
import { QUERY_SPECS, type Accessor } from "../../../repository/query-spec.js";
import { validateEntity } from "../../../repository/validate.js";
import { distinct, expectedIds, seed } from "../expectations.js";
import { fixtureOf, variedSet } from "../fixtures/index.js";
import { listAll, streamAll } from "../read-all.js";
import { render } from "../render.js";
import { defineRule, type ConformanceRule } from "../rule.js";

/** A few filters over the varied set: none, each value of the first equality key, a time range. */
function sampleFilters(c: EntityCollection): Record<string, unknown>[] {
  const spec = QUERY_SPECS[c];
  const inputs = variedSet(c);
  const filters: Record<string, unknown>[] = [{}];
  const [key, accessor] = (Object.entries(spec.equals) as [string, Accessor<EntityMap[EntityCollection]>][])[0] ?? [];
  if (key !== undefined && accessor !== undefined) {
    for (const v of distinct(inputs.map((i) => accessor(validateEntity(c, i))))) filters.push({ [key]: v });
  }
  const rangeKey = Object.keys(spec.ranges)[0]!;
  filters.push({ [rangeKey]: { from: new Date("2024-01-01T00:00:00.001Z"), to: new Date("2024-12-31T23:59:59.999Z") } });
  filters.push({ [rangeKey]: { to: new Date("1900-01-01T00:00:00Z") } });
  return filters;
}

/** The stream, count and getMany rules, run on one collection. @internal */
export function readRules(c: EntityCollection): ConformanceRule[] {
  const timeField = QUERY_SPECS[c].timeField;
  const f = fixtureOf(c);
  return [
    defineRule(
      "[stream] <collection>: stream yields exactly the rows of list's pages, in the same order, for every order, filter and batch size (1, 7, 1000 and the default)",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const inputs = [...variedSet(c), ...Array.from({ length: 40 }, (_, i) => f.varied(i + 3, `s-${String(i).padStart(2, "0")}`))];
        await seed(check, repo, c, inputs);
        const empty = await streamAll(check, ctx.tenant("b").repo(c), c, {}, "stream() of an empty tenant", 0);
        check.ids("stream() of an empty tenant", [], empty);
        for (const filter of sampleFilters(c)) {
          for (const orderBy of ["id", timeField]) {
            const expected = expectedIds(c, inputs, filter, orderBy);
            const pages = await listAll(check, repo, c, { filter, orderBy, limit: 13 }, `list({ filter: ${render(filter)}, orderBy: "${orderBy}" })`, expected.length);
            check.ids(`list({ filter: ${render(filter)}, orderBy: "${orderBy}", limit: 13 })`, expected, pages);
            for (const batchSize of [1, 7, 1000, undefined]) {
              const q = { filter, orderBy, ...(batchSize === undefined ? {} : { batchSize }) };
              const what = `stream(${render(q)})`;
              check.ids(`${what} against list's pages`, pages.map((e) => e.id), await streamAll(check, repo, c, q, what, expected.length, batchSize === 7 ? "entity" : "id"));
            }
          }
        }
      },
    ),
    defineRule("[count] <collection>: count equals the number of matching rows, with and without a filter, and follows inserts and deletes", { collection: c }, null, async (ctx) => {
      const { check } = ctx;
      const repo = ctx.tenant("a").repo(c);
      check.same("count() of an empty collection", 0, await repo.count());
      const inputs = variedSet(c);
      await seed(check, repo, c, inputs);
      check.same("count()", inputs.length, await repo.count());
      check.same("count({})", inputs.length, await repo.count({}));
      for (const filter of sampleFilters(c)) check.same(`count(${render(filter)})`, expectedIds(c, inputs, filter).length, await repo.count(filter));
      await repo.upsert(inputs[0]!);
      check.same("count() after re-writing an existing entity", inputs.length, await repo.count());
      for (const input of inputs.slice(0, 3)) await repo.delete(input.id);
      check.same("count() after deleting 3", inputs.length - 3, await repo.count());
      await repo.upsert(f.minimal("count-new"));
      check.same("count() after inserting 1", inputs.length - 2, await repo.count());
    }),
    defineRule(
      "[getMany] <collection>: getMany returns the entities that exist, in the order of the ids asked, each once (a repeated id once, at its first position; missing ids skipped); [] gives []",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const inputs = variedSet(c);
        await seed(check, repo, c, inputs);
        check.ids("getMany([])", [], (await repo.getMany([])));
        const ids = inputs.map((i) => i.id);
        const asked = [ids[5]!, ids[1]!, "missing", ids[5]!, ids[3]!, ids[1]!, ids[20]!, "also-missing"];
        const got = (await repo.getMany(asked)) as unknown[];
        check.ids(`getMany(${render(asked)})`, [ids[5]!, ids[1]!, ids[3]!, ids[20]!], got);
        const byId = new Map(inputs.map((i) => [i.id, i]));
        for (const e of got) {
          const id = (e as { id: string }).id;
          check.stored(`getMany(…): ${JSON.stringify(id)}`, c, byId.get(id), 1, e);
        }
        const reversed = [...ids].reverse();
        check.ids("getMany(every id, reversed)", reversed, (await repo.getMany(reversed)));
      },
    ),
  ];
}
