import type { EntityCollection } from "../../../model/entities.js";
import { seed } from "../expectations.js";
import { fixtureOf } from "../fixtures/index.js";
import { listAll, streamAll } from "../read-all.js";
import { defineRule, type ConformanceRule } from "../rule.js";

/** The version-numbering rule of one collection. @internal */
export function versionRules(c: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(c);
  return [
    defineRule(
      "[versions] <collection>: version is 1 on insert and grows by 1 with every write (upsert, upsertMany); every read returns the current version",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        check.stored("upsert (insert)", c, f.minimal("n-1"), 1, await repo.upsert(f.minimal("n-1")));
        check.stored("get after the insert", c, f.minimal("n-1"), 1, await repo.get("n-1"));
        check.stored("upsert (second write)", c, f.full("n-1"), 2, await repo.upsert(f.full("n-1")));
        check.stored("upsert (third write, same content)", c, f.full("n-1"), 3, await repo.upsert(f.full("n-1")));
        const many = (await repo.upsertMany([f.minimal("n-1"), f.minimal("n-2")])) as unknown[];
        check.stored("upsertMany: the fourth write of n-1", c, f.minimal("n-1"), 4, many[0]);
        check.stored("upsertMany: the insert of n-2", c, f.minimal("n-2"), 1, many[1]);
        check.stored("get after four writes", c, f.minimal("n-1"), 4, await repo.get("n-1"));
        check.stored("getMany after four writes", c, f.minimal("n-1"), 4, ((await repo.getMany(["n-1"])) as unknown[])[0]);
        check.stored("list after four writes", c, f.minimal("n-1"), 4, (await listAll(check, repo, c, {}, "list()", 2))[0]);
        check.stored("stream after four writes", c, f.minimal("n-1"), 4, (await streamAll(check, repo, c, {}, "stream()", 2))[0]);
      },
    ),
  ];
}

/** The optimistic-concurrency rules, run on the primary collection. @internal */
export function concurrencyRules(c: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(c);
  return [
    defineRule(
      "[versions] <collection>: an upsert with a stale expectedVersion is CONFLICT and changes nothing (re-read proves it; the version is not bumped)",
      { collection: c },
      "optimisticConcurrency",
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        await seed(check, repo, c, [f.full("x-1")]);
        check.stored("upsert with expectedVersion 1 (current)", c, f.minimal("x-1"), 2, await repo.upsert(f.minimal("x-1"), { expectedVersion: 1 }));
        for (const stale of [1, 3, 100]) {
          await check.rejects(`upsert with expectedVersion ${stale} (current is 2)`, "CONFLICT", () => repo.upsert(f.full("x-1"), { expectedVersion: stale }));
          check.stored(`get after the CONFLICT of expectedVersion ${stale}: unchanged, still version 2`, c, f.minimal("x-1"), 2, await repo.get("x-1"));
        }
        await check.rejects("upsertMany([{ ...entity, version: 1 }]) (current is 2)", "CONFLICT", () => repo.upsertMany([{ ...f.varied(1, "x-1"), version: 1 }]));
        check.stored("get after the rejected upsertMany: unchanged", c, f.minimal("x-1"), 2, await repo.get("x-1"));
        check.stored("upsert with expectedVersion 2 (current) after the conflicts", c, f.full("x-1"), 3, await repo.upsert(f.full("x-1"), { expectedVersion: 2 }));
      },
    ),
    defineRule(
      "[versions] <collection>: expectedVersion 0 only creates — CONFLICT when the id exists; expectedVersion n >= 1 on a missing id is CONFLICT and creates nothing",
      { collection: c },
      "optimisticConcurrency",
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        check.stored("upsert with expectedVersion 0 of a new id", c, f.minimal("z-1"), 1, await repo.upsert(f.minimal("z-1"), { expectedVersion: 0 }));
        await check.rejects("upsert with expectedVersion 0 of an existing id", "CONFLICT", () => repo.upsert(f.full("z-1"), { expectedVersion: 0 }));
        check.stored("get after the create-only CONFLICT: unchanged", c, f.minimal("z-1"), 1, await repo.get("z-1"));
        for (const v of [1, 2]) {
          await check.rejects(`upsert with expectedVersion ${v} of a missing id`, "CONFLICT", () => repo.upsert(f.minimal("z-missing"), { expectedVersion: v }));
          check.same(`get of the missing id after the CONFLICT of expectedVersion ${v}`, null, await repo.get("z-missing"));
        }
        check.same("count() after the conflicts", 1, await repo.count());
      },
    ),
    defineRule(
      "[versions] <collection>: a version property on the input is its expected version — writing back a stale read is CONFLICT, writing back the current read succeeds, options.expectedVersion takes precedence",
      { collection: c },
      "optimisticConcurrency",
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const read1 = check.entity("upsert", c, await repo.upsert(f.minimal("y-1")));
        const current = check.entity("get", c, await repo.get("y-1"));
        check.stored("writing back the current read (version 1)", c, f.minimal("y-1"), 2, await repo.upsert({ ...current }));
        await check.rejects("writing back the stale read (version 1, current 2)", "CONFLICT", () => repo.upsert({ ...read1 }));
        await check.rejects("writing back a stale read with other content", "CONFLICT", () => repo.upsert({ ...f.full("y-1"), version: read1.version }));
        check.stored("get after the CONFLICTs: unchanged, version 2", c, f.minimal("y-1"), 2, await repo.get("y-1"));
        check.stored(
          "a stale version property with options { expectedVersion: 2 } (the options win)",
          c,
          f.full("y-1"),
          3,
          await repo.upsert({ ...f.full("y-1"), version: 1 }, { expectedVersion: 2 }),
        );
        await check.rejects("the current version property (3) with options { expectedVersion: 1 } (the options win)", "CONFLICT", () =>
          repo.upsert({ ...f.full("y-1"), version: 3 }, { expectedVersion: 1 }),
        );
        check.stored("get at the end: version 3", c, f.full("y-1"), 3, await repo.get("y-1"));
      },
    ),
    defineRule(
      "[versions] <collection>: delete with a stale expectedVersion is CONFLICT and the entity stays; with the current version it deletes; with expectedVersion n >= 1 on a missing id it is CONFLICT",
      { collection: c },
      "optimisticConcurrency",
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        await seed(check, repo, c, [f.minimal("del-1")]);
        await repo.upsert(f.full("del-1"));
        for (const stale of [1, 3, 0]) {
          await check.rejects(`delete with expectedVersion ${stale} (current is 2)`, "CONFLICT", () => repo.delete("del-1", { expectedVersion: stale }));
          check.stored(`get after the delete CONFLICT of ${stale}: still there, version 2`, c, f.full("del-1"), 2, await repo.get("del-1"));
        }
        check.same("delete with expectedVersion 2 (current)", true, await repo.delete("del-1", { expectedVersion: 2 }));
        check.same("get after the delete", null, await repo.get("del-1"));
        await check.rejects("delete with expectedVersion 1 of a missing id", "CONFLICT", () => repo.delete("del-1", { expectedVersion: 1 }));
      },
    ),
    defineRule(
      "[versions] <collection>: concurrent writes with the same expectedVersion — exactly one succeeds, the others are CONFLICT, and the winner's entity is what is stored",
      { collection: c },
      "optimisticConcurrency",
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        await seed(check, repo, c, [f.minimal("race-1")]);
        for (const [label, id, expectedVersion] of [
          ["updates of version 1", "race-1", 1],
          ["create-only writes (expectedVersion 0) of a new id", "race-new", 0],
        ] as const) {
          const contenders = Array.from({ length: 6 }, (_, i) => f.varied(i, id));
          const results = await Promise.allSettled(contenders.map((e) => repo.upsert(e, { expectedVersion })));
          const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
          if (won.length !== 1) check.fail(`6 concurrent ${label}`, "exactly one to succeed", `${won.length} succeeded`);
          for (const r of results) {
            if (r.status === "rejected") await check.rejects(`a losing concurrent ${label}`, "CONFLICT", () => Promise.reject(r.reason));
          }
          const winner = won[0]!;
          check.stored(`get after 6 concurrent ${label}: the winner's entity`, c, contenders[winner], expectedVersion + 1, await repo.get(id));
        }
      },
    ),
  ];
}
