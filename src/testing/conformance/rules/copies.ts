import type { EntityCollection } from "../../../model/entities.js";
import { fixtureOf } from "../fixtures/index.js";
import { listAll, streamAll } from "../read-all.js";
import { defineRule, type ConformanceRule } from "../rule.js";

/** Changes every value reachable from `value` in place: strings, numbers, booleans, Dates, arrays, objects. */
function vandalize(value: unknown, depth = 0): void {
  if (depth > 10 || typeof value !== "object" || value === null) return;
  if (value instanceof Date) {
    value.setTime(0);
    return;
  }
  if (Array.isArray(value)) {
    for (const v of value) vandalize(v, depth + 1);
    for (let i = 0; i < value.length; i++) if (typeof value[i] !== "object") value[i] = "vandalized";
    value.push("vandalized");
    return;
  }
  const o = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === "object" && v !== null) vandalize(v, depth + 1);
    else if (typeof v === "string") o[k] = `${v}-vandalized`;
    else if (typeof v === "number") o[k] = v + 1;
    else if (typeof v === "boolean") o[k] = !v;
  }
  o.vandalized = true;
}

/** The copy rules, run on one collection (one with nested data). @internal */
export function copyRules(c: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(c);
  return [
    defineRule(
      "[copies] <collection>: changing an object after passing it to upsert or upsertMany (nested arrays, objects and Dates too) does not change what is stored",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const one = f.full("cp-1");
        await repo.upsert(one);
        vandalize(one);
        check.stored("get after changing the object passed to upsert", c, f.full("cp-1"), 1, await repo.get("cp-1"));
        const batch = [f.full("cp-2"), f.full("cp-3")];
        await repo.upsertMany(batch);
        batch.forEach((e) => vandalize(e));
        vandalize(batch);
        check.stored("get after changing the objects passed to upsertMany", c, f.full("cp-2"), 1, await repo.get("cp-2"));
        check.stored("get after changing the objects passed to upsertMany", c, f.full("cp-3"), 1, await repo.get("cp-3"));
        check.ids("list() after changing the objects passed in", ["cp-1", "cp-2", "cp-3"], await listAll(check, repo, c, {}, "list()", 3));
      },
    ),
    defineRule(
      "[copies] <collection>: changing an entity returned by upsert, get, getMany, list or stream (nested arrays, objects and Dates too) does not change what is stored",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const expected = f.full("cr-1");
        const reads: [string, () => Promise<unknown>][] = [
          ["upsert", () => repo.upsert(f.full("cr-1"))],
          ["get", () => repo.get("cr-1")],
          ["getMany", async () => ((await repo.getMany(["cr-1"])) as unknown[])[0]],
          ["list", async () => (await listAll(check, repo, c, {}, "list()", 1))[0]],
          ["stream", async () => (await streamAll(check, repo, c, {}, "stream()", 1))[0]],
          ["upsertMany", async () => ((await repo.upsertMany([f.full("cr-1")])) as unknown[])[0]],
        ];
        let version = 0;
        for (const [method, read] of reads) {
          const got = await read();
          if (method === "upsert" || method === "upsertMany") version++;
          vandalize(got);
          check.stored(`get after changing the entity ${method} returned`, c, expected, version, await repo.get("cr-1"));
          check.stored(`list() after changing the entity ${method} returned`, c, expected, version, (await listAll(check, repo, c, {}, "list()", 1))[0]);
        }
      },
    ),
  ];
}
