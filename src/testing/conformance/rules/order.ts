import type { EntityCollection } from "../../../model/entities.js";
import { QUERY_SPECS } from "../../../repository/query-spec.js";
import { expectedIds, seed } from "../expectations.js";
import { variedSet } from "../fixtures/index.js";
import { listAll, streamAll } from "../read-all.js";
import { defineRule, type ConformanceRule } from "../rule.js";

/** The ordering rule of one collection. @internal */
export function orderRules(c: EntityCollection): ConformanceRule[] {
  const timeField = QUERY_SPECS[c].timeField;
  return [
    defineRule(
      "[order] <collection>: list and stream return ids in Unicode code-point order by default and with orderBy \"id\", and by <timeField> ascending with ties broken by id",
      { collection: c, timeField },
      null,
      async (ctx) => {
        const { check } = ctx;
        const repo = ctx.tenant("a").repo(c);
        const inputs = variedSet(c);
        await seed(check, repo, c, [...inputs].reverse());
        const byId = expectedIds(c, inputs, {}, "id");
        const byTime = expectedIds(c, inputs, {}, timeField);
        check.ids("list() with no orderBy (id order)", byId, await listAll(check, repo, c, { limit: 5 }, "list({ limit: 5 })", inputs.length));
        check.ids("stream() with no orderBy (id order)", byId, await streamAll(check, repo, c, {}, "stream()", inputs.length));
        for (const limit of [5, 1000]) {
          check.ids(`list({ orderBy: "id", limit: ${limit} })`, byId, await listAll(check, repo, c, { orderBy: "id", limit }, `list({ orderBy: "id", limit: ${limit} })`, inputs.length, "id"));
          check.ids(
            `list({ orderBy: "${timeField}", limit: ${limit} })`,
            byTime,
            await listAll(check, repo, c, { orderBy: timeField, limit }, `list({ orderBy: "${timeField}", limit: ${limit} })`, inputs.length, "id"),
          );
        }
        check.ids(`stream({ orderBy: "id", batchSize: 3 })`, byId, await streamAll(check, repo, c, { orderBy: "id", batchSize: 3 }, "stream by id", inputs.length));
        check.ids(
          `stream({ orderBy: "${timeField}", batchSize: 3 })`,
          byTime,
          await streamAll(check, repo, c, { orderBy: timeField, batchSize: 3 }, `stream by ${timeField}`, inputs.length),
        );
      },
    ),
  ];
}
