import { readCustomers, reconcileUnit, type CustomerColumns, type CustomersInput } from "./customer-data.js";
import type { TimeUnit } from "./time-unit.js";

/**
 * The columns a prediction runs over: the customers validated (an empty summary
 * allowed) and their unit checked against the model's (internal).
 */
export function readPredictionCustomers(customers: CustomersInput, modelUnit: TimeUnit | undefined): CustomerColumns {
  const c = readCustomers(customers, { field: "customers", allowEmpty: true });
  reconcileUnit("customers", c.unit, modelUnit);
  return c;
}

/** One prediction per customer, `f` of their (x, t_x, T) and row index `i` (internal). */
export function perCustomer(c: CustomerColumns, f: (x: number, tx: number, T: number, i: number) => number): Float64Array {
  const out = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) out[i] = f(c.x[i]!, c.tx[i]!, c.T[i]!, i);
  return out;
}

/** P(alive) = 1 / (1 + e^lo) from the log-odds `lo` of having dropped out, without overflow (internal). */
export function aliveFromDeadLogOdds(lo: number): number {
  return lo > 0 ? Math.exp(-lo) / (1 + Math.exp(-lo)) : 1 / (1 + Math.exp(lo));
}

/**
 * P(Y(t) = n | history) of each customer from their P(alive) and the probability
 * `countIfAlive(x, T)` of `n` purchases for a customer alive at T with posterior
 * rates updated by (x, T): pa · P(n | alive) + [n = 0] · (1 − pa), clamped to
 * [0, 1] (internal; `alive` comes from the model's `probabilityAlive(customers)`,
 * which has checked the unit).
 */
export function conditionalCountProbabilities(n: number, alive: Float64Array, customers: CustomersInput, countIfAlive: (x: number, T: number) => number): Float64Array {
  const c = readCustomers(customers, { field: "customers", allowEmpty: true });
  const out = new Float64Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const pa = alive[i]!;
    out[i] = Math.min(1, Math.max(0, pa * countIfAlive(c.x[i]!, c.T[i]!) + (n === 0 ? 1 - pa : 0)));
  }
  return out;
}
