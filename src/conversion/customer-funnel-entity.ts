import type { Customer } from "../model/customer.js";
import type { FunnelEntity } from "./funnel.js";

/**
 * A customer's lifecycle history as a {@link FunnelEntity}, for lifecycle
 * funnels (subscriber → lead → MQL → SQL → opportunity → customer): its
 * `lifecycleHistory` becomes the stage history and `acquisitionSource` the
 * source. The funnel's creation time is the earlier of `createdAt` and the first
 * lifecycle entry (lifecycle stages may predate the record).
 *
 * @example
 * ```ts
 * import { customerFunnelEntity, funnel } from "crmkit/conversion";
 * import { parseCustomer } from "crmkit/model";
 * const c = parseCustomer({
 *   id: "c-1",
 *   createdAt: "2024-01-15T10:00:00Z",
 *   acquisitionSource: "referral",
 *   lifecycleStage: "customer",
 *   lifecycleHistory: [
 *     { stage: "lead", enteredAt: "2024-01-15T10:00:00Z" },
 *     { stage: "customer", enteredAt: "2024-02-01T10:00:00Z" },
 *   ],
 * });
 * funnel([customerFunnelEntity(c)], ["lead", "customer"], { asOf: new Date("2024-03-01") });
 * ```
 */
export function customerFunnelEntity(customer: Pick<Customer, "id" | "createdAt" | "acquisitionSource" | "lifecycleStage" | "lifecycleHistory">): FunnelEntity {
  const history = customer.lifecycleHistory.map((e) => ({ stageId: e.stage, enteredAt: e.enteredAt }));
  const first = history[0]?.enteredAt;
  const createdAt = first !== undefined && first < customer.createdAt ? first : customer.createdAt;
  return { id: customer.id, createdAt, source: customer.acquisitionSource, stageId: customer.lifecycleStage, stageHistory: history };
}
