import type { EntityCollection } from "../../../model/entities.js";
import { seed } from "../expectations.js";
import { fixtureOf, invalidInputs } from "../fixtures/index.js";
import { listAll } from "../read-all.js";
import { defineRule, type ConformanceRule } from "../rule.js";

/** The upsertMany rules, run on the primary collection. @internal */
export function upsertManyRules(c: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(c);
  return [
    defineRule(
      "[upsertMany] <collection>: upsertMany writes every entity as upsert would, in order, and returns what was stored (updates bump versions, a repeated id ends with its last entry, [] writes nothing)",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const none = await repo.upsertMany([]);
        if (!Array.isArray(none) || none.length !== 0) check.fail("upsertMany([])", "[]", String(none));
        check.same("count() after upsertMany([])", 0, await repo.count());
        await seed(check, repo, c, [f.minimal("um-old")]);
        const batch = [f.full("um-1"), f.full("um-old"), f.minimal("um-2"), f.minimal("um-1")];
        const out = (await repo.upsertMany(batch)) as unknown[];
        check.ids("upsertMany(4 entities) returns them in input order", batch.map((e) => e.id), out);
        const versions = [1, 2, 1, 2];
        batch.forEach((input, i) => check.stored(`upsertMany(…)[${i}] (${input.id})`, c, input, versions[i]!, out[i]));
        check.stored('get("um-1"): the batch\'s last entry for it, version 2', c, f.minimal("um-1"), 2, await repo.get("um-1"));
        check.stored('get("um-old"): updated by the batch, version 2', c, f.full("um-old"), 2, await repo.get("um-old"));
        check.ids("list() after upsertMany", ["um-1", "um-2", "um-old"], await listAll(check, repo, c, {}, "list() after upsertMany", 3));
      },
    ),
    defineRule(
      "[upsertMany] <collection>: an invalid entity anywhere in the batch is INVALID_INPUT and nothing of the batch is written",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        await seed(check, repo, c, [f.minimal("ub-old")]);
        const invalid = invalidInputs(c, "ub-bad");
        for (const [k, bad] of invalid.entries()) {
          const batches = [
            [f.full("ub-1"), f.full("ub-old"), bad.input],
            [bad.input, f.full("ub-1")],
            [f.full("ub-1"), bad.input, f.full("ub-old")],
          ];
          for (const [j, batch] of batches.entries()) {
            if (k > 2 && j > 0) continue; // every breakage at the end; the first three also at the start and in the middle
            await check.rejects(`upsertMany(a batch with ${bad.reason} at position ${batch.indexOf(bad.input)})`, "INVALID_INPUT", () => repo.upsertMany(batch));
          }
        }
        check.same('get("ub-1") after the rejected batches', null, await repo.get("ub-1"));
        check.stored('get("ub-old") after the rejected batches: unchanged, version 1', c, f.minimal("ub-old"), 1, await repo.get("ub-old"));
        check.ids("list() after the rejected batches", ["ub-old"], await listAll(check, repo, c, {}, "list() after the rejected batches", 1));
      },
    ),
  ];
}
