import { isCrmkitError } from "../../../errors/crmkit-error.js";
import type { EntityCollection } from "../../../model/entities.js";
import { expectedIds, seed } from "../expectations.js";
import { fixtureOf, variedSet } from "../fixtures/index.js";
import { type CheckedPage, listAll, listPage, streamAll } from "../read-all.js";
import { render } from "../render.js";
import { defineRule, type ConformanceRule } from "../rule.js";

/** The tenancy rule of one collection. @internal */
export function tenancyRules(c: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(c);
  return [
    defineRule(
      "[tenancy] <collection>: the same id in two tenants is two independent entities — content, versions, expectedVersion checks and deletes in one never touch the other",
      { collection: c },
      "multiTenant",
      async (ctx) => {
        const { check } = ctx;
        const a = ctx.tenant("a").repo(c);
        const b = ctx.tenant("b").repo(c);
        const inA = f.full("same-id");
        const inB = f.minimal("same-id");
        check.stored("upsert in tenant a", c, inA, 1, await a.upsert(inA));
        check.stored("upsert again in tenant a", c, inA, 2, await a.upsert(inA));
        check.stored("upsert of the same id in tenant b starts at version 1", c, inB, 1, await b.upsert(inB));
        check.stored("get in tenant a after tenant b's write", c, inA, 2, await a.get("same-id"));
        check.stored("get in tenant b", c, inB, 1, await b.get("same-id"));
        if (ctx.capabilities.optimisticConcurrency) {
          check.stored("upsert in tenant b with expectedVersion 1 (tenant a is at 2)", c, inB, 2, await b.upsert(inB, { expectedVersion: 1 }));
          await check.rejects("upsert in tenant a with expectedVersion 0 (create-only: it exists in a)", "CONFLICT", () => a.upsert(inA, { expectedVersion: 0 }));
        }
        check.same("delete in tenant a", true, await a.delete("same-id"));
        check.same("get in tenant a after its delete", null, await a.get("same-id"));
        check.ids("getMany in tenant b after tenant a's delete", ["same-id"], (await b.getMany(["same-id"])));
        check.same("count in tenant b after tenant a's delete", 1, await b.count());
        check.same("delete in tenant b", true, await b.delete("same-id"));
        check.same("delete in tenant a again", false, await a.delete("same-id"));
      },
    ),
  ];
}

/** Store-wide tenancy rules, run on the primary collection. @internal */
export function isolationRules(c: EntityCollection): ConformanceRule[] {
  const f = fixtureOf(c);
  return [
    defineRule(
      "[tenancy] <collection>: an entity written in one tenant is invisible from another (get, list, stream, count, getMany), also through a cursor from the other tenant",
      { collection: c },
      "multiTenant",
      async (ctx) => {
        const { check } = ctx;
        const a = ctx.tenant("a").repo(c);
        const b = ctx.tenant("b").repo(c);
        const inputs = variedSet(c);
        await seed(check, a, c, inputs);
        const ids = inputs.map((i) => i.id);
        for (const id of ids) check.same(`get(${JSON.stringify(id)}) in tenant b`, null, await b.get(id));
        check.ids("getMany(tenant a's ids) in tenant b", [], (await b.getMany(ids)));
        check.ids("list() in tenant b", [], await listAll(check, b, c, {}, "list() in tenant b", 0));
        check.ids("stream() in tenant b", [], await streamAll(check, b, c, {}, "stream() in tenant b", 0));
        check.same("count() in tenant b", 0, await b.count());
        await seed(check, b, c, [f.minimal("only-in-b")]);
        check.ids("list() in tenant b once it has its own entity", ["only-in-b"], await listAll(check, b, c, { limit: 3 }, "list() in tenant b", 1));
        check.ids("stream() in tenant b once it has its own entity", ["only-in-b"], await streamAll(check, b, c, {}, "stream() in tenant b", 1));
        check.same("count() in tenant b once it has its own entity", 1, await b.count());
        check.same('get("only-in-b") in tenant a', null, await a.get("only-in-b"));
        check.ids("list() in tenant a", expectedIds(c, inputs), await listAll(check, a, c, { limit: 7 }, "list() in tenant a", inputs.length));
        const page = await listPage(check, a, c, { limit: 2 }, "list({ limit: 2 }) in tenant a");
        if (page.nextCursor !== null) {
          // A cursor carries no rows: in tenant b it either pages tenant b's own rows or is rejected.
          let rest: CheckedPage | null = null;
          try {
            rest = await listPage(check, b, c, { limit: 1000, cursor: page.nextCursor }, "list() in tenant b with tenant a's cursor");
          } catch (error) {
            if (!isCrmkitError(error, "INVALID_INPUT")) throw error;
          }
          const leaked = rest === null ? [] : rest.items.filter((e) => e.id !== "only-in-b");
          if (leaked.length > 0) check.fail("list() in tenant b with a cursor from tenant a", 'tenant b\'s own rows only (["only-in-b"] or fewer), or INVALID_INPUT', `tenant a's rows ${render(leaked.map((e) => e.id))}`);
        }
      },
    ),
    defineRule(
      "[tenancy] <collection>: tenant ids are exact (\"acme\", \"Acme\" and \"acme \" are three tenants), and upsertMany and delete in one tenant never write to another",
      { collection: c },
      "multiTenant",
      async (ctx) => {
        const { check } = ctx;
        const tenants = ["acme", "Acme", "acme "];
        for (const [k, t] of tenants.entries()) {
          const repo = ctx.tenant(t).repo(c);
          await seed(check, repo, c, [f.minimal(`t-${k}`)]);
        }
        for (const [k, t] of tenants.entries()) {
          const repo = ctx.tenant(t).repo(c);
          check.ids(`list() in tenant ${JSON.stringify(t)}`, [`t-${k}`], await listAll(check, repo, c, {}, `list() in tenant ${JSON.stringify(t)}`, 1));
        }
        const a = ctx.tenant("a").repo(c);
        const b = ctx.tenant("b").repo(c);
        await b.upsert(f.minimal("kept"));
        const batch = [f.minimal("batch-1"), f.minimal("kept"), f.minimal("batch-2")];
        await a.upsertMany(batch);
        check.ids("list() in tenant b after upsertMany in tenant a", ["kept"], await listAll(check, b, c, {}, "list() in tenant b", 1));
        check.stored('get("kept") in tenant b: untouched by tenant a\'s upsertMany', c, f.minimal("kept"), 1, await b.get("kept"));
        check.same('delete("batch-1") in tenant b', false, await b.delete("batch-1"));
        check.same('delete("kept") in tenant a', true, await a.delete("kept"));
        check.ids('get("kept") in tenant b after tenant a deleted its own', ["kept"], (await b.getMany(["kept"])));
        check.ids("list() in tenant a", ["batch-1", "batch-2"], await listAll(check, a, c, {}, "list() in tenant a", 2));
      },
    ),
  ];
}
