import type { EntityCollection, EntityMap } from "../../../model/entities.js";
import { type Accessor, QUERY_SPECS, type TimeAccessor } from "../../../repository/query-spec.js";
import { validateEntity } from "../../../repository/validate.js";
import type { Checker } from "../checker.js";
import { distinct, expectedIds, seed } from "../expectations.js";
import { type Input, variedSet } from "../fixtures/index.js";
import { listAll, streamAll } from "../read-all.js";
import { render } from "../render.js";
import { defineRule, type ConformanceRule } from "../rule.js";
import type { LooseRepository } from "../store-under-test.js";

/** Runs one filter through list (small pages), stream and count and compares each with the reference. */
async function checkFilter(check: Checker, repo: LooseRepository, c: EntityCollection, inputs: readonly Input[], filter: Record<string, unknown>): Promise<void> {
  const expected = expectedIds(c, inputs, filter);
  const shown = render(filter, 160);
  // Rows are compared by id here; the [schema] rules validate every returned entity.
  check.ids(`list({ filter: ${shown}, limit: 4 })`, expected, await listAll(check, repo, c, { filter, limit: 4 }, `list({ filter: ${shown} })`, expected.length, "id"));
  check.ids(`stream({ filter: ${shown} })`, expected, await streamAll(check, repo, c, { filter }, `stream({ filter: ${shown} })`, expected.length, "id"));
  check.same(`count(${shown})`, expected.length, await repo.count(filter));
}

function swapCase(s: string): string {
  let out = "";
  for (const ch of s) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
  return out;
}

/** The filter rules of one collection: one per filter key of `QUERY_SPECS`. @internal */
export function filterRules(c: EntityCollection): ConformanceRule[] {
  const spec = QUERY_SPECS[c];
  const equals = spec.equals as Record<string, Accessor<EntityMap[EntityCollection]>>;
  const ranges = spec.ranges as Record<string, TimeAccessor<EntityMap[EntityCollection]>>;
  const rangeKeys = Object.keys(ranges);
  const rules: ConformanceRule[] = [];

  for (const [key, accessor] of Object.entries(equals)) {
    rules.push(
      defineRule(
        "[filter] <collection>.<key> (equality): list, stream and count return exactly the entities whose <key> equals the value — case-sensitive, never one without a <key> — as matchesFilter does, also together with a range (AND)",
        { collection: c, key },
        null,
        async (ctx) => {
          const { check } = ctx;
          const repo = ctx.tenant("a").repo(c);
          const inputs = variedSet(c);
          await seed(check, repo, c, inputs);
          const values = distinct(inputs.map((i) => accessor(validateEntity(c, i))));
          const probes = distinct([...values, ...values.map(swapCase), "no-such-value", ""]);
          for (const value of probes) await checkFilter(check, repo, c, inputs, { [key]: value });
          const rangeKey = rangeKeys[0]!;
          const median = distinct(inputs.map((i) => ranges[rangeKey]!(validateEntity(c, i))?.getTime())).sort((a, b) => a - b);
          const from = new Date(median[Math.floor(median.length / 2)]!);
          for (const value of values) await checkFilter(check, repo, c, inputs, { [key]: value, [rangeKey]: { from } });
        },
      ),
    );
  }

  for (const [key, accessor] of Object.entries(ranges)) {
    const optional = variedSet(c).some((i) => accessor(validateEntity(c, i)) === undefined);
    const template = optional
      ? "[filter] <collection>.<key> (range): half-open [from, to) — from inclusive, to exclusive, to the millisecond, either end optional, from = to matches nothing; an entity without <key> never matches"
      : "[filter] <collection>.<key> (range): half-open [from, to) — from inclusive, to exclusive, to the millisecond, either end optional, from = to matches nothing";
    rules.push(
      defineRule(template, { collection: c, key }, null, async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const inputs = variedSet(c);
        await seed(check, repo, c, inputs);
        const times = distinct(inputs.map((i) => accessor(validateEntity(c, i))?.getTime())).sort((a, b) => a - b);
        const at = (ms: number) => new Date(ms);
        const filters: Record<string, unknown>[] = [{ [key]: {} }];
        const picks = [0, 1, Math.floor(times.length / 2), times.length - 1].map((k) => times[Math.max(0, Math.min(times.length - 1, k))]!);
        for (const t of distinct(picks)) {
          filters.push(
            { [key]: { from: at(t) } },
            { [key]: { to: at(t) } },
            { [key]: { from: at(t), to: at(t) } },
            { [key]: { from: at(t), to: at(t + 1) } },
            { [key]: { from: at(t - 1), to: at(t) } },
            { [key]: { from: at(t + 1) } },
            { [key]: { to: at(t + 1) } },
          );
        }
        filters.push(
          { [key]: { from: at(times[1]!), to: at(times[times.length - 2]!) } },
          { [key]: { from: at(times[0]! - 86_400_000), to: at(times[times.length - 1]! + 86_400_000) } },
          { [key]: { to: at(times[0]!) } },
          { [key]: { from: at(times[times.length - 1]! + 1) } },
        );
        for (const filter of filters) await checkFilter(check, repo, c, inputs, filter);
      }),
    );
  }
  return rules;
}
