import { isCrmkitError } from "crmkit/errors";
import type { DemoSection } from "../context.js";

const DAY = 86_400_000;

/**
 * The repository ports at work on the seeded memory store: a filtered query ordered
 * by time, cursor paging, a time-range count, an optimistic-concurrency conflict
 * caught, and an invalid write rejected.
 */
export const section: DemoSection = {
  title: "The store: repository queries",
  async run(ctx) {
    const { store, asOf } = ctx;

    // One customer's transactions: a filter on customerId, ordered by time.
    let busiest = { id: "", purchases: 0 };
    for await (const c of store.customers.stream({ filter: { lifecycleStage: "evangelist" }, batchSize: 500 })) {
      const purchases = await store.transactions.count({ customerId: c.id, kind: "purchase" });
      if (purchases > busiest.purchases) busiest = { id: c.id, purchases };
    }
    const customer = await store.customers.get(busiest.id);
    if (customer !== null) {
      ctx.log(
        `${customer.displayName ?? customer.id} (${customer.id}, ${customer.location?.city ?? "?"}; acquired via ${customer.acquisitionSource}) — ${busiest.purchases} purchases; the first five:`,
      );
      const page = await store.transactions.list({ filter: { customerId: customer.id }, orderBy: "occurredAt", limit: 5 });
      ctx.table(page.items.map((t) => ({ when: t.occurredAt, kind: t.kind, amount: t.amount.amount, currency: t.amount.currency, channel: t.channel })));
      ctx.log(`lifecycle: ${customer.lifecycleHistory.map((h) => `${h.stage} (${h.enteredAt.toISOString().slice(0, 10)})`).join(" → ")}`);
    }

    // Paging with an opaque cursor: neither skips nor repeats rows.
    let pages = 0;
    let seen = 0;
    let cursor: string | null = null;
    do {
      const page = await store.deals.list({ filter: { status: "won" }, orderBy: "createdAt", limit: 100, cursor });
      pages++;
      seen += page.items.length;
      cursor = page.nextCursor;
    } while (cursor !== null);
    ctx.log("", `won deals, paged 100 at a time: ${seen} in ${pages} pages (count() says ${await store.deals.count({ status: "won" })})`);

    // A half-open time range [from, to).
    const last30 = await store.transactions.count({ kind: "purchase", occurredAt: { from: new Date(asOf.getTime() - 30 * DAY), to: asOf } });
    ctx.log(`purchases in the 30 days before ${asOf.toISOString().slice(0, 10)}: ${last30}`);

    // Optimistic concurrency: a write based on a stale read is refused, nothing is lost.
    const open = await store.deals.list({ filter: { status: "open" }, limit: 1 });
    const deal = open.items[0];
    if (deal !== undefined) {
      const saved = await store.deals.upsert({ ...deal, tags: [...deal.tags, "reviewed"] }); // the read version is the expected version
      try {
        await store.deals.upsert({ ...deal, name: `${deal.name} (edited elsewhere)` }); // still at the old version
        ctx.log("unexpected: the stale write was accepted");
      } catch (e) {
        if (!isCrmkitError(e, "CONFLICT")) throw e;
        ctx.log("", `stale write of deal ${deal.id} refused: ${e.code} — ${e.message}`);
      }
      ctx.log(`the stored deal is at version ${(await store.deals.get(deal.id))?.version} with tags [${saved.tags.join(", ")}]`);
    }

    // Validation at the boundary: nothing invalid is stored.
    try {
      await store.transactions.upsert({ id: "tx-bad", customerId: busiest.id, occurredAt: "yesterday", amount: { amount: -5, currency: "usd" }, kind: "purchase" });
    } catch (e) {
      if (!isCrmkitError(e, "INVALID_INPUT")) throw e;
      ctx.log("", `invalid write refused: ${e.message}`);
    }
  },
};
