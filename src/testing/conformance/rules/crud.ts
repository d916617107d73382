import { ENTITY_DEFINITIONS, type EntityCollection } from "../../../model/entities.js";
import { expectedIds, seed } from "../expectations.js";
import { fixtureOf, variedSet } from "../fixtures/index.js";
import { listAll, streamAll } from "../read-all.js";
import { defineRule, type ConformanceRule, type RuleContext } from "../rule.js";

/** Writes `input`, then reads it back every way and checks each read is exactly it. */
async function roundTrip(ctx: RuleContext, c: EntityCollection, input: Record<string, unknown> & { id: string }, label: string): Promise<void> {
  const { check } = ctx;
  const repo = ctx.tenant("a").repo(c);
  const id = input.id;
  check.stored(`upsert(${label}) returns it`, c, input, 1, await repo.upsert(input));
  check.stored(`get(${JSON.stringify(id)}) after upsert(${label})`, c, input, 1, await repo.get(id));
  const many = (await repo.getMany([id])) as unknown[];
  check.ids(`getMany([${JSON.stringify(id)}])`, [id], many);
  check.stored(`getMany([${JSON.stringify(id)}])[0]`, c, input, 1, many[0]);
  const listed = await listAll(check, repo, c, {}, `list() after upsert(${label})`, 1);
  check.ids(`list() after upsert(${label})`, [id], listed);
  check.stored(`list().items[0]`, c, input, 1, listed[0]);
  const streamed = await streamAll(check, repo, c, {}, `stream() after upsert(${label})`, 1);
  check.ids(`stream() after upsert(${label})`, [id], streamed);
  check.stored(`stream() row 0`, c, input, 1, streamed[0]);
}

/** The CRUD rules of one collection. @internal */
export function crudRules(c: EntityCollection): ConformanceRule[] {
  const entity = ENTITY_DEFINITIONS[c].name;
  const f = fixtureOf(c);
  return [
    defineRule(
      "[crud] <collection>: a full entity round-trips through upsert, get, getMany, list and stream (every field, nested dates as Date, unicode text, fractional numbers)",
      { collection: c },
      null,
      (ctx) => roundTrip(ctx, c, f.full("full-1"), "a full entity"),
    ),
    defineRule("[crud] <collection>: a minimal entity round-trips with the schema's defaults applied", { collection: c }, null, (ctx) =>
      roundTrip(ctx, c, f.minimal("minimal-1"), "a minimal entity"),
    ),
    defineRule("[crud] <collection>: upsert of an existing id replaces the whole entity (fields it leaves out are gone)", { collection: c }, null, async (ctx) => {
      const { check } = ctx;
      const repo = ctx.tenant("a").repo(c);
      await seed(check, repo, c, [f.full("r-1"), f.full("r-2")]);
      const replacement = f.minimal("r-1");
      check.stored("upsert(a minimal entity) over a full one returns the minimal one", c, replacement, 2, await repo.upsert(replacement));
      check.stored('get("r-1") after the replacement', c, replacement, 2, await repo.get("r-1"));
      const listed = await listAll(check, repo, c, {}, "list() after the replacement", 2);
      check.ids("list() after the replacement", ["r-1", "r-2"], listed);
      check.stored("list() row r-1", c, replacement, 2, listed[0]);
      check.stored('get("r-2"), the untouched neighbour', c, f.full("r-2"), 1, await repo.get("r-2"));
    }),
    defineRule(
      "[crud] <collection>: delete returns true and removes the entity from get, getMany, list, stream and count; deleting again returns false; the id can then be created again, at version 1",
      { collection: c },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        await seed(check, repo, c, [f.full("d-1"), f.minimal("d-2")]);
        check.same('delete("d-1")', true, await repo.delete("d-1"));
        check.same('get("d-1") after delete', null, await repo.get("d-1"));
        const many = (await repo.getMany(["d-1", "d-2"])) as { id: string }[];
        check.ids('getMany(["d-1", "d-2"]) after deleting d-1', ["d-2"], many);
        check.ids("list() after delete", ["d-2"], await listAll(check, repo, c, {}, "list() after delete", 1));
        check.ids("stream() after delete", ["d-2"], await streamAll(check, repo, c, {}, "stream() after delete", 1));
        check.same("count() after delete", 1, await repo.count());
        check.same('delete("d-1") again', false, await repo.delete("d-1"));
        const again = f.minimal("d-1");
        check.stored('upsert("d-1") after its delete starts again at version 1', c, again, 1, await repo.upsert(again));
        check.same("count() after re-creating d-1", 2, await repo.count());
      },
    ),
    defineRule("[not-found] <collection>: get of a missing id is null, getMany skips it, delete of it is false, and nothing is created", { collection: c }, null, async (ctx) => {
      const { check } = ctx;
      const repo = ctx.tenant("a").repo(c);
      check.same('get("missing") in an empty store', null, await repo.get("missing"));
      await seed(check, repo, c, [f.minimal("present")]);
      check.same('get("missing")', null, await repo.get("missing"));
      check.same('get("Present") (another case of an existing id)', null, await repo.get("Present"));
      check.ids('getMany(["missing"])', [], (await repo.getMany(["missing"])));
      check.ids('getMany(["missing", "present"])', ["present"], (await repo.getMany(["missing", "present"])));
      check.same('delete("missing")', false, await repo.delete("missing"));
      check.same("count() after the misses", 1, await repo.count());
      check.ids("list() after the misses", ["present"], await listAll(check, repo, c, {}, "list() after the misses", 1));
    }),
    defineRule(
      "[schema] <collection>: every entity returned by upsert, get, getMany, list and stream validates against the <Entity> schema in its parsed form (Date instances, defaults present, no extra keys) and carries an integer version >= 1",
      { collection: c, entity },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const inputs = variedSet(c);
        for (const input of inputs) check.stored(`upsert(${JSON.stringify(input.id)})`, c, input, 1, await repo.upsert(input));
        const byId = new Map(inputs.map((i) => [i.id, i]));
        for (const input of inputs) check.stored(`get(${JSON.stringify(input.id)})`, c, input, 1, await repo.get(input.id));
        const many = (await repo.getMany(inputs.map((i) => i.id))) as unknown[];
        check.ids("getMany(all ids)", inputs.map((i) => i.id), many);
        for (const e of many) {
          const id = (e as { id?: unknown }).id as string;
          check.stored(`getMany(all ids): ${JSON.stringify(id)}`, c, byId.get(id), 1, e);
        }
        const ids = expectedIds(c, inputs);
        const listed = await listAll(check, repo, c, { limit: 7 }, "list({ limit: 7 })", inputs.length);
        check.ids("list({ limit: 7 })", ids, listed);
        for (const e of listed) check.stored(`list(): ${JSON.stringify(e.id)}`, c, byId.get(e.id), 1, e);
        const streamed = await streamAll(check, repo, c, {}, "stream()", inputs.length);
        check.ids("stream()", ids, streamed);
        for (const e of streamed) check.stored(`stream(): ${JSON.stringify(e.id)}`, c, byId.get(e.id), 1, e);
      },
    ),
  ];
}

/** Money amounts that a lossy encoding (cents in an integer, a scaled decimal, a float32) does not return unchanged. */
const AMOUNTS: readonly { amount: number; currency: string; kind: "purchase" | "adjustment" }[] = [
  { amount: 0, currency: "USD", kind: "purchase" },
  { amount: 0.1, currency: "USD", kind: "purchase" },
  { amount: 0.1 + 0.2, currency: "USD", kind: "purchase" },
  { amount: 19.99, currency: "EUR", kind: "purchase" },
  { amount: 0.000001, currency: "USD", kind: "purchase" },
  { amount: 1234567.891, currency: "KWD", kind: "purchase" },
  { amount: 12_345_678_901_234.56, currency: "USD", kind: "purchase" },
  { amount: Number.MAX_SAFE_INTEGER, currency: "JPY", kind: "purchase" },
  { amount: 1500, currency: "JPY", kind: "purchase" },
  { amount: 16_777_217, currency: "EUR", kind: "purchase" },
  { amount: -0.01, currency: "EUR", kind: "adjustment" },
  { amount: -1234.5678, currency: "USD", kind: "adjustment" },
];

/** Store-wide round-trip rules: money and ids. @internal */
export function valueRules(primary: EntityCollection, hasTransactions: boolean): ConformanceRule[] {
  const rules: ConformanceRule[] = [];
  if (hasTransactions) {
    rules.push(
      defineRule(
        "[crud] transactions: money amounts round-trip exactly (0.1, 0.1 + 0.2, 19.99, 0.000001, 12345678901234.56, 2^53 - 1, negative adjustments; JPY, KWD, EUR, USD)",
        { collection: "transactions" },
        null,
        async (ctx) => {
          const { check } = ctx;
          const repo = ctx.tenant("a").repo("transactions");
          const inputs = AMOUNTS.map((m, i) => ({
            id: `m-${String(i).padStart(2, "0")}`,
            customerId: "c-1",
            occurredAt: "2024-01-01T00:00:00Z",
            amount: { amount: m.amount, currency: m.currency },
            kind: m.kind,
          }));
          for (const input of inputs) {
            const what = `amount ${input.amount.amount} ${input.amount.currency}`;
            check.stored(`upsert: ${what}`, "transactions", input, 1, await repo.upsert(input));
            check.stored(`get: ${what}`, "transactions", input, 1, await repo.get(input.id));
          }
          const byId = new Map(inputs.map((i) => [i.id, i]));
          const listed = await listAll(check, repo, "transactions", { limit: 5 }, "list()", inputs.length);
          check.ids("list()", inputs.map((i) => i.id), listed);
          for (const e of listed) check.stored(`list(): amount of ${e.id}`, "transactions", byId.get(e.id), 1, e);
        },
      ),
    );
  }
  rules.push(
    defineRule(
      "[ids] <collection>: ids are exact strings — case, leading and trailing spaces, Unicode normalization (NFC and NFD), astral characters, 256-character ids and SQL/LIKE metacharacters make distinct ids that round-trip unchanged",
      { collection: primary },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(primary);
        const f = fixtureOf(primary);
        const ids = [
          "case",
          "Case",
          "CASE",
          "pad",
          "pad ",
          " pad",
          "\u00e9",
          "e\u0301",
          "\u{1F600}",
          "\u{1F600}\u{1F600}",
          "\uFFFD",
          "100%_done",
          "100%",
          "a'b\"c\\d",
          "semi;colon--",
          "sla/sh?q=1&r=2",
          "x".repeat(256),
          "\u{1F600}".repeat(128),
        ];
        const inputs = ids.map((id) => f.minimal(id));
        await seed(check, repo, primary, inputs);
        check.same("count() after writing ids that differ only in case, spaces, normalization", ids.length, await repo.count());
        for (const id of ids) {
          const e = check.entity(`get(${JSON.stringify(id)})`, primary, await repo.get(id));
          check.same(`the id get(${JSON.stringify(id)}) returns`, id, e.id);
        }
        const many = (await repo.getMany(ids)) as { id: string }[];
        check.ids("getMany(all the ids)", ids, many);
        const listed = await listAll(check, repo, primary, { limit: 4 }, "list({ limit: 4 })", ids.length);
        check.same("the number of rows list() returns", ids.length, listed.length);
        check.same('delete("case") deletes only "case"', true, await repo.delete("case"));
        check.ids('getMany(["case", "Case", "CASE"]) after deleting "case"', ["Case", "CASE"], (await repo.getMany(["case", "Case", "CASE"])));
      },
    ),
  );
  return rules;
}
