import type { GenContext } from "./context.js";
import { DAY_MS, chance, floorToSecond, gammaMean, roundMoney } from "./helpers.js";
import { childId } from "./ids.js";
import { purchaseTransaction } from "./generate-transactions.js";

/** Share of purchases that are later refunded (fully or in part). @internal */
export const REFUND_SHARE = 0.03;

/**
 * The transaction log: every simulated purchase (identical to what
 * `generateTransactions` streams) and, for about 3% of them, a refund of the same
 * order a few days later (never after `asOf`).
 * @internal
 */
export function buildTransactions(ctx: GenContext): void {
  const { o } = ctx;
  const root = ctx.root.fork("refunds");
  for (const person of ctx.people) {
    if (person.times.length === 0) continue;
    const rng = root.fork(person.index);
    let refunds = 0;
    for (let k = 0; k < person.times.length; k++) {
      const at = person.times[k]!;
      const amount = person.amounts[k]!;
      const tx = purchaseTransaction(person.id, person.index, k, at, amount, person.channels[k]!, o.currency);
      ctx.transactions.push(tx);
      if (chance(rng, REFUND_SHARE)) {
        const refundAt = floorToSecond(at + gammaMean(rng, 2, 10) * DAY_MS);
        const partial = chance(rng, 0.3);
        if (refundAt <= o.asOf) {
          ctx.transactions.push({
            id: childId("rf", person.index, refunds++),
            customerId: person.id,
            occurredAt: new Date(refundAt),
            amount: { amount: partial ? Math.max(roundMoney(amount / 2, o.minorUnits), 10 ** -o.minorUnits) : amount, currency: o.currency },
            kind: "refund",
            orderId: tx.orderId,
            attributes: { reason: partial ? "partial refund" : "returned" },
          });
        }
      }
    }
  }
}
