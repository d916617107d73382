import type { EntityCollection, EntityMap } from "../../../model/entities.js";
import { compareSortKeys, QUERY_SPECS, type Accessor } from "../../../repository/query-spec.js";
import { validateEntity } from "../../../repository/validate.js";
import type { CheckedEntity } from "../checker.js";
import { expectedIds, seed, sortKeyOfChecked } from "../expectations.js";
import { fixtureOf, type Input } from "../fixtures/index.js";
import { listAll, listPage } from "../read-all.js";
import { render } from "../render.js";
import { defineRule, type ConformanceRule } from "../rule.js";

/** `n` entities of the collection with ids `prefix000`… (ascending in id order), times with ties. */
function rows(c: EntityCollection, n: number, prefix: string): Input[] {
  const f = fixtureOf(c);
  return Array.from({ length: n }, (_, i) => f.varied(i, `${prefix}${String(i).padStart(3, "0")}`));
}

/**
 * `input` moved in time so that its `timeField` is `ms`: every top-level date shifts by
 * the same amount, so the entity's own rules (closedAt >= createdAt…) still hold.
 */
function withTime(input: Input, timeField: string, ms: number): Input {
  const delta = ms - (input[timeField] as Date).getTime();
  const out: Record<string, unknown> = { ...input };
  for (const [k, v] of Object.entries(out)) if (v instanceof Date) out[k] = new Date(v.getTime() + delta);
  return out as Input;
}

/** A filter matching part of `inputs`: the first equality key's most common value, else a time range. */
function someFilter(c: EntityCollection, inputs: readonly Input[]): Record<string, unknown> {
  const spec = QUERY_SPECS[c];
  const [key, accessor] = (Object.entries(spec.equals) as [string, Accessor<EntityMap[EntityCollection]>][])[0] ?? [];
  if (key !== undefined && accessor !== undefined) {
    const counts = new Map<string, number>();
    for (const i of inputs) {
      const v = accessor(validateEntity(c, i));
      if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best !== undefined) return { [key]: best[0] };
  }
  const rangeKey = Object.keys(spec.ranges)[0]!;
  return { [rangeKey]: { from: new Date("2024-01-01T00:00:00.001Z") } };
}

/** The paging rules, run on one collection. @internal */
export function pagingRules(c: EntityCollection, other: EntityCollection | null): ConformanceRule[] {
  const timeField = QUERY_SPECS[c].timeField;
  const f = fixtureOf(c);
  return [
    defineRule(
      "[paging] <collection>: a page holds at most limit items (100 by default) and every page with a nextCursor is full; an empty result is one page { items: [], nextCursor: null }",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const empty = await listPage(check, repo, c, {}, "list() of an empty collection");
        check.ids("list() of an empty collection", [], empty.items);
        check.same("nextCursor of an empty collection's page", null, empty.nextCursor);
        const inputs = rows(c, 250, "p-");
        await seed(check, repo, c, inputs);
        const ids = expectedIds(c, inputs);
        const first = await listPage(check, repo, c, {}, "list() with the default limit");
        check.ids("list() with the default limit: the first 100 rows", ids.slice(0, 100), first.items);
        if (first.nextCursor === null) check.fail("list() with the default limit over 250 rows", "a nextCursor", "null");
        for (const limit of [1, 2, 7, 100, 249, 250, 251, 1000, undefined]) {
          const all = await listAll(check, repo, c, limit === undefined ? {} : { limit }, `list({ limit: ${String(limit)} })`, ids.length, limit === 7 ? "entity" : "id");
          check.ids(`list({ limit: ${String(limit)} }) over all pages`, ids, all);
        }
        const none = await listPage(check, repo, c, { filter: { [Object.keys(QUERY_SPECS[c].ranges)[0]!]: { to: new Date("1900-01-01T00:00:00Z") } } }, "list() matching nothing");
        check.ids("list() with a filter matching nothing", [], none.items);
        check.same("nextCursor of a filter matching nothing", null, none.nextCursor);
      },
    ),
    defineRule(
      "[paging] <collection>: paging with any limit returns every matching row exactly once and in order, by id and by <timeField>, filtered or not",
      { collection: c, timeField },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const inputs = rows(c, 120, "q-");
        await seed(check, repo, c, inputs);
        const filter = someFilter(c, inputs);
        for (const orderBy of ["id", timeField]) {
          for (const limit of [1, 7, 1000]) {
            const what = `list({ orderBy: "${orderBy}", limit: ${limit} })`;
            check.ids(what, expectedIds(c, inputs, {}, orderBy), await listAll(check, repo, c, { orderBy, limit }, what, inputs.length, "id"));
          }
          const expected = expectedIds(c, inputs, filter, orderBy);
          for (const limit of [1, 3]) {
            const what = `list({ filter: ${render(filter)}, orderBy: "${orderBy}", limit: ${limit} })`;
            check.ids(what, expected, await listAll(check, repo, c, { filter, orderBy, limit }, what, expected.length, "id"));
          }
        }
      },
    ),
    defineRule(
      "[paging] <collection>: rows inserted, updated and deleted while paging — before and after the cursor, ties on <timeField>, the row at the cursor itself — never make paging skip or repeat a pre-existing row",
      { collection: c, timeField },
      "consistentPagingUnderWrites",
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const inputs = rows(c, 40, "w-");
        await seed(check, repo, c, inputs);
        let serial = 0;
        for (const orderBy of ["id", timeField]) {
          // Each order starts from the same 40 rows: drop what the previous pass added.
          for (const e of await listAll(check, repo, c, { limit: 1000 }, "list() between passes", 200)) {
            if (!inputs.some((i) => i.id === e.id)) await repo.delete(e.id);
          }
          for (const input of inputs) await repo.upsert(input);
          const preExisting = new Set(inputs.map((i) => i.id));
          const deleted = new Set<string>();
          const seen: CheckedEntity[] = [];
          let cursor: string | null = null;
          let page = 0;
          const what = `paging list({ orderBy: "${orderBy}", limit: 5 }) while writing`;
          do {
            if (++page > 40) check.fail(what, "the last page within 40 pages", "still a nextCursor");
            const p: Awaited<ReturnType<typeof listPage>> = await listPage(check, repo, c, { orderBy, limit: 5, cursor }, `${what}, page ${page}`);
            seen.push(...p.items);
            cursor = p.nextCursor;
            const last = p.items.at(-1);
            if (last === undefined || cursor === null) break;
            const t = (last[timeField] as Date).getTime();
            const lastId = last.id;
            const before = lastId.slice(0, -1) + "!"; // sorts before lastId, after its predecessors' prefix
            const write = async (id: string, ms: number) => {
              serial++;
              await repo.upsert(withTime(f.varied(serial, id), timeField, ms));
            };
            if (orderBy === "id") {
              await write(before, t); // before the cursor: must never appear
              await write(`${lastId}0`, t); // right after the cursor: may appear, once
              await write(`w-999-${serial}`, t); // far after: may appear, once
            } else {
              await write(`${lastId}0`, t); // same time, id after: may appear, once
              await write(before, t); // same time, id before: must never appear
              await write(`w-t-${serial}`, t - 1); // earlier time: must never appear
              await write(`w-u-${serial}`, t + 1); // later time: may appear, once
            }
            // Update a pre-existing row ahead of the cursor without moving it: it must still appear once.
            const ahead = inputs.find((i) => !seen.some((s) => s.id === i.id) && !deleted.has(i.id));
            if (ahead !== undefined) await repo.upsert({ ...ahead });
            // Delete the row at the cursor: paging must continue after it all the same.
            if (preExisting.has(lastId)) {
              await repo.delete(lastId);
              deleted.add(lastId);
            }
          } while (cursor !== null);
          for (let i = 1; i < seen.length; i++) {
            const a = sortKeyOfChecked(c, orderBy, seen[i - 1]!);
            const b = sortKeyOfChecked(c, orderBy, seen[i]!);
            if (compareSortKeys(a, b) >= 0) {
              check.fail(
                what,
                `rows in strictly increasing ${orderBy} order (no row repeated, none from before the cursor)`,
                `${JSON.stringify(seen[i]!.id)} after ${JSON.stringify(seen[i - 1]!.id)} (keys ${render(b)} after ${render(a)})`,
              );
            }
          }
          const got = new Set(seen.map((e) => e.id));
          const skipped = inputs.map((i) => i.id).filter((id) => !got.has(id));
          if (skipped.length > 0) check.fail(what, `every pre-existing row once (${inputs.length} rows)`, `pre-existing rows skipped: ${render(skipped)}`);
        }
      },
    ),
    defineRule("[paging] <collection>: a cursor can be reused — the same cursor returns the same page while nothing changes", { collection: c }, null, async (ctx) => {
      const { check } = ctx;
      const repo = ctx.tenant("a").repo(c);
      await seed(check, repo, c, rows(c, 30, "r-"));
      for (const orderBy of ["id", timeField]) {
        const first = await listPage(check, repo, c, { orderBy, limit: 7 }, `list({ orderBy: "${orderBy}", limit: 7 })`);
        if (first.nextCursor === null) check.fail(`list({ orderBy: "${orderBy}", limit: 7 }) over 30 rows`, "a nextCursor", "null");
        const second = await listPage(check, repo, c, { orderBy, limit: 7, cursor: first.nextCursor }, "the second page");
        const again = await listPage(check, repo, c, { orderBy, limit: 7, cursor: first.nextCursor }, "the second page, asked again with the same cursor");
        check.ids(`the second page by ${orderBy}, asked again with the same cursor`, second.items.map((e) => e.id), again.items);
        check.same("nextCursor is null on both or on neither", second.nextCursor === null, again.nextCursor === null);
        const third = await listPage(check, repo, c, { orderBy, limit: 7, cursor: again.nextCursor }, "the page after the repeated one");
        const thirdAgain = await listPage(check, repo, c, { orderBy, limit: 7, cursor: second.nextCursor }, "the page after the first second page");
        check.ids("the third page, from either copy of the second page's cursor", third.items.map((e) => e.id), thirdAgain.items);
      }
    }),
    defineRule(
      "[paging] <collection>: malformed cursors (also the empty string), cursors of another collection or order, and non-string cursors are INVALID_INPUT",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const a = ctx.tenant("a");
        const repo = a.repo(c);
        await seed(check, repo, c, rows(c, 10, "k-"));
        const byId = await listPage(check, repo, c, { orderBy: "id", limit: 2 }, 'list({ orderBy: "id", limit: 2 })');
        const cursor = byId.nextCursor;
        if (cursor === null) return check.fail('list({ orderBy: "id", limit: 2 }) over 10 rows', "a nextCursor", "null");
        await check.rejects(`list({ orderBy: "${timeField}", cursor: <a cursor of orderBy "id"> })`, "INVALID_INPUT", () => repo.list({ orderBy: timeField, cursor, limit: 2 }));
        const byTime = await listPage(check, repo, c, { orderBy: timeField, limit: 2 }, `list({ orderBy: "${timeField}", limit: 2 })`);
        if (byTime.nextCursor !== null) {
          const timeCursor = byTime.nextCursor;
          await check.rejects(`list({ orderBy: "id", cursor: <a cursor of orderBy "${timeField}"> })`, "INVALID_INPUT", () => repo.list({ orderBy: "id", cursor: timeCursor }));
        }
        if (other !== null) {
          const otherRepo = a.repo(other);
          await seed(check, otherRepo, other, Array.from({ length: 3 }, (_, i) => fixtureOf(other).varied(i, `k-${i}`)));
          const foreign = await listPage(check, otherRepo, other, { limit: 1 }, `${other}.list({ limit: 1 })`);
          if (foreign.nextCursor !== null) {
            const otherCursor = foreign.nextCursor;
            await check.rejects(`list({ cursor: <a cursor of ${other}> })`, "INVALID_INPUT", () => repo.list({ cursor: otherCursor }));
          }
        }
        for (const bad of ["", "not a cursor!", "%%%", "{}"]) {
          await check.rejects(`list({ cursor: ${JSON.stringify(bad)} })`, "INVALID_INPUT", () => repo.list({ cursor: bad }));
        }
        for (const bad of [42, {}, true]) {
          await check.rejects(`list({ cursor: ${render(bad)} })`, "INVALID_INPUT", () => repo.list({ cursor: bad }));
        }
      },
    ),
  ];
}
