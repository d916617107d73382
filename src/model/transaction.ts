import { z } from "zod";
import { CustomAttributesSchema } from "./attributes.js";
import { IdSchema } from "./id.js";
import { MoneySchema } from "./money.js";
import { parseWith } from "./parse.js";
import { TimestampSchema } from "./timestamp.js";

/**
 * Kinds of transaction. Amounts are stored as positive numbers and the kind gives
 * the direction: `purchase` and `payment` bring money in, `refund` gives it back;
 * only `adjustment` may be negative.
 *
 * @example
 * ```ts
 * import { TRANSACTION_KINDS } from "crmkit/model";
 * TRANSACTION_KINDS; // ["purchase", "refund", "payment", "adjustment"]
 * ```
 */
export const TRANSACTION_KINDS = ["purchase", "refund", "payment", "adjustment"] as const;

/**
 * A transaction: an order or payment by a customer, at an instant, for an amount.
 * The CLV, RFM and retention modules read purchases from these.
 *
 * @example
 * ```ts
 * import { parseTransaction } from "crmkit/model";
 * parseTransaction({
 *   id: "tx-1",
 *   customerId: "c-1",
 *   occurredAt: "2024-05-03T11:20:00Z",
 *   amount: { amount: 59.9, currency: "EUR" },
 *   kind: "purchase",
 *   orderId: "o-77",
 *   quantity: 2,
 * });
 * ```
 */
export const TransactionSchema = z
  .strictObject({
    id: IdSchema,
    customerId: IdSchema,
    occurredAt: TimestampSchema,
    amount: MoneySchema,
    kind: z.enum(TRANSACTION_KINDS),
    orderId: IdSchema.optional(),
    quantity: z.number().int().nonnegative().optional(),
    subscriptionId: IdSchema.optional(),
    dealId: IdSchema.optional(),
    channel: z.string().min(1).max(100).optional(),
    attributes: CustomAttributesSchema.default({}),
  })
  .superRefine((t, ctx) => {
    if (t.kind !== "adjustment" && t.amount.amount < 0) {
      ctx.addIssue({
        code: "custom",
        path: ["amount", "amount"],
        message: `expected an amount >= 0 for a ${t.kind} (the kind gives the direction; use "refund" or "adjustment")`,
        input: t.amount.amount,
      });
    }
  });

/**
 * A transaction (see {@link TransactionSchema}).
 *
 * @example
 * ```ts
 * import type { Transaction } from "crmkit/model";
 * const isPurchase = (t: Transaction) => t.kind === "purchase";
 * ```
 */
export type Transaction = z.infer<typeof TransactionSchema>;

/**
 * What {@link parseTransaction} accepts.
 *
 * @example
 * ```ts
 * import type { TransactionInput } from "crmkit/model";
 * const t: TransactionInput = { id: "t", customerId: "c", occurredAt: "2024-01-01T00:00:00Z", amount: { amount: 5, currency: "USD" }, kind: "purchase" };
 * ```
 */
export type TransactionInput = z.input<typeof TransactionSchema>;

/**
 * A transaction kind.
 *
 * @example
 * ```ts
 * import type { TransactionKind } from "crmkit/model";
 * const k: TransactionKind = "refund";
 * ```
 */
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/**
 * Validates a transaction; throws `CrmkitError` (`INVALID_INPUT`) naming each bad field.
 *
 * @example
 * ```ts
 * import { parseTransaction } from "crmkit/model";
 * parseTransaction({ id: "t", customerId: "c", occurredAt: new Date(), amount: { amount: 5, currency: "USD" }, kind: "purchase" });
 * ```
 */
export function parseTransaction(input: unknown): Transaction {
  return parseWith(TransactionSchema, "Transaction", input);
}
