import { z } from "zod";
import { CrmkitError } from "../errors/crmkit-error.js";

const ISO_4217 = new Set<string>(Intl.supportedValuesOf("currency"));

/**
 * An ISO 4217 currency code, upper case (`USD`, `EUR`, `JPY`), checked against the
 * codes the runtime's `Intl` knows.
 *
 * @example
 * ```ts
 * import { CurrencyCodeSchema } from "crmkit/model";
 * CurrencyCodeSchema.parse("EUR"); // "EUR"
 * ```
 */
export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "expected an upper-case ISO 4217 currency code such as USD")
  .refine((c) => ISO_4217.has(c), { message: "expected a known ISO 4217 currency code" });

/**
 * An amount of money: a finite `amount` in major units (19.99 dollars) and its
 * ISO 4217 `currency`. Amounts in different currencies are never added together:
 * see {@link sumMoney}.
 *
 * @example
 * ```ts
 * import { MoneySchema } from "crmkit/model";
 * MoneySchema.parse({ amount: 19.99, currency: "USD" });
 * ```
 */
export const MoneySchema = z.strictObject({
  amount: z.number({ error: "expected a finite number" }).finite("expected a finite number"),
  currency: CurrencyCodeSchema,
});

/**
 * Money with a non-negative amount (prices, deal amounts, MRR).
 *
 * @example
 * ```ts
 * import { NonNegativeMoneySchema } from "crmkit/model";
 * NonNegativeMoneySchema.safeParse({ amount: -1, currency: "USD" }).success; // false
 * ```
 */
export const NonNegativeMoneySchema = z.strictObject({
  amount: z.number({ error: "expected a finite number" }).finite("expected a finite number").nonnegative("expected an amount >= 0"),
  currency: CurrencyCodeSchema,
});

/**
 * An amount of money (see {@link MoneySchema}).
 *
 * @example
 * ```ts
 * import type { Money } from "crmkit/model";
 * const price: Money = { amount: 49, currency: "EUR" };
 * ```
 */
export type Money = z.infer<typeof MoneySchema>;

/**
 * Sums amounts that must share one currency. Throws `CURRENCY_MISMATCH` naming both
 * currencies when they differ, and `INSUFFICIENT_DATA` for an empty list without
 * a `currency` to fall back on.
 *
 * @example
 * ```ts
 * import { sumMoney } from "crmkit/model";
 * sumMoney([{ amount: 10, currency: "USD" }, { amount: 2.5, currency: "USD" }]); // { amount: 12.5, currency: "USD" }
 * sumMoney([], "EUR"); // { amount: 0, currency: "EUR" }
 * ```
 */
export function sumMoney(amounts: Iterable<Money>, currency?: string): Money {
  let total = 0;
  let cur = currency;
  let i = 0;
  for (const m of amounts) {
    if (cur === undefined) cur = m.currency;
    else if (m.currency !== cur) {
      throw new CrmkitError("CURRENCY_MISMATCH", `Cannot sum ${cur} and ${m.currency} (item ${i}): convert to one currency first`, {
        details: { expected: cur, got: m.currency, index: i },
      });
    }
    total += m.amount;
    i++;
  }
  if (cur === undefined) {
    throw new CrmkitError("INSUFFICIENT_DATA", "sumMoney: cannot infer the currency of an empty list; pass `currency`");
  }
  return { amount: total, currency: cur };
}
