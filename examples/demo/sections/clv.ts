// CLV: fit BG/NBD + Gamma-Gamma on the store's purchases as of ctx.asOf, then rank
// customers by 12-month CLV and show how likely each is to still be a customer.
import { customerLifetimeValue, fitBgNbd, fitGammaGamma, summarizeTransactions } from "crmkit/clv";
import { isCrmkitError } from "crmkit/errors";
import type { DemoSection } from "../context.js";

export const section: DemoSection = {
  title: "Customer lifetime value (BG/NBD + Gamma-Gamma)",
  async run(ctx) {
    // Given the repository, the summary is computed by the store when it can (one GROUP BY:
    // the purchaseSummary capability), else by streaming the purchases in time order.
    const summary = await summarizeTransactions(ctx.store.transactions, { observationEnd: ctx.asOf, unit: "week" });
    const repeaters = summary.frequency.filter((x) => x > 0).length;
    ctx.log(
      `${summary.customerIds.length} customers with purchases up to ${ctx.asOf.toISOString().slice(0, 10)}, ${repeaters} of them repeat buyers (time unit: weeks, purchases merged per day;` +
        ` summary ${ctx.store.capabilities.purchaseSummary ? "computed in the store" : "streamed"}).`,
    );
    let transactionModel;
    let spendModel;
    try {
      transactionModel = fitBgNbd(summary);
      spendModel = fitGammaGamma(summary);
    } catch (e) {
      if (isCrmkitError(e, "INSUFFICIENT_DATA") || isCrmkitError(e, "NOT_CONVERGED")) {
        ctx.log(`Not enough purchase history to fit the models: ${e.message}`);
        return;
      }
      throw e;
    }
    const p = transactionModel.params;
    ctx.log(
      `BG/NBD: r ${p.r.toFixed(3)}, α ${p.alpha.toFixed(3)} weeks, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)} (LL ${transactionModel.logLikelihood.toFixed(1)});` +
        ` Gamma-Gamma: p ${spendModel.params.p.toFixed(2)}, q ${spendModel.params.q.toFixed(2)}, γ ${spendModel.params.gamma.toFixed(2)} ${summary.currency ?? ""}`,
    );
    const clv = customerLifetimeValue({ transactionModel, spendModel, summary, horizon: 12, horizonUnit: "month", discountRate: 0.01 });
    const alive = transactionModel.probabilityAlive(summary);
    const next90 = transactionModel.conditionalExpectedPurchases(90 / 7, summary);
    const order = Array.from(clv.keys()).sort((i, j) => clv[j]! - clv[i]!);
    ctx.log("Top customers by 12-month CLV (1%/month discount):");
    ctx.table(
      order.slice(0, 10).map((i) => ({
        customer: summary.customerIds[i],
        "repeat purchases": summary.frequency[i],
        "weeks since last": (summary.T[i]! - summary.recency[i]!).toFixed(1),
        "avg spend": summary.monetaryValue[i]!.toFixed(2),
        "P(alive)": alive[i]!.toFixed(2),
        "purchases next 90 days": next90[i]!.toFixed(2),
        "CLV 12m": clv[i]!.toFixed(2),
      })),
    );
    const lapsed = order.filter((i) => summary.frequency[i]! >= 2 && alive[i]! < 0.3).length;
    ctx.log(`${lapsed} repeat buyers are probably gone (P(alive) < 0.3): candidates for a win-back campaign.`);
  },
};
