import { parsePurchaseAggregateQuery, type PurchaseAggregateQuery, type PurchaseAggregateRow, type PurchasePeriod } from "crmkit/clv";
import { withAdapterErrors } from "crmkit/repository";
import type { SqlClient } from "./sql-client.js";

const LOCAL = "(occurred_at AT TIME ZONE 'UTC')";
/** Whole days since 1970-01-01 (negative before): integer arithmetic, exact. */
const DAY = `(${LOCAL}::date - DATE '1970-01-01')`;
/** The year as JavaScript numbers it (PostgreSQL's year before 1 AD is one less: there is no year 0). */
const YEAR = `(date_part('year', ${LOCAL})::int + (date_part('year', ${LOCAL}) < 0)::int)`;
const MONTH = `date_part('month', ${LOCAL})::int`;

/**
 * The period index of `occurred_at` in UTC, as crmkit's streaming path computes it, in
 * integer arithmetic: whole hours or days since the epoch, ISO weeks (1970-01-01 was a
 * Thursday, so +3 days starts them on Monday; the shift by 400 000 weeks makes the
 * integer division a floor for every date PostgreSQL can store), calendar months,
 * quarters and years.
 */
const PERIOD_SQL: Readonly<Record<PurchasePeriod, string>> = {
  hour: `(${DAY}::bigint * 24 + date_part('hour', ${LOCAL})::int)`,
  day: DAY,
  week: `((${DAY} + 2800003) / 7 - 400000)`,
  month: `(${YEAR} * 12 + ${MONTH} - 1)`,
  quarter: `(${YEAR} * 4 + (${MONTH} - 1) / 3)`,
  year: YEAR,
};

/**
 * The purchase-summary pushdown: one row per customer and currency, computed by
 * PostgreSQL in one pass over the tenant's transactions — first grouped by (customer,
 * currency, window, period), then by (customer, currency). Amounts are `numeric`, so the
 * sums are exact decimals. Declines (returns `null`) a time zone other than UTC: the
 * server's time-zone rules may not be the runtime's, and a summary must not differ
 * between the two paths.
 */
export async function summarizePurchasesSql(client: SqlClient, tenantId: string, input: PurchaseAggregateQuery): Promise<PurchaseAggregateRow[] | null> {
  const query = parsePurchaseAggregateQuery(input);
  if (query.timeZone !== undefined && query.timeZone !== "UTC") return null;
  const calibrationEnd = query.calibrationEnd ?? query.observationEnd;
  // Two hash aggregates, no sort: the first collapses each customer's periods, the second
  // the customer. The first period's spend is the second element of the smallest
  // [period, spend] pair (arrays compare element by element).
  const sql = `
    WITH per_period AS (
      SELECT customer_id, currency, occurred_at <= $4::timestamptz AS calibration, ${PERIOD_SQL[query.period]} AS p,
             count(*) AS n, min(occurred_at) AS first_at, max(occurred_at) AS last_at, sum(amount) AS spend
        FROM crm_transactions
       WHERE tenant_id = $1 AND kind = ANY($2::text[]) AND occurred_at <= $3::timestamptz
       GROUP BY 1, 2, 3, 4
    )
    SELECT customer_id, currency,
           sum(n)::int AS transactions,
           (extract(epoch FROM min(first_at) FILTER (WHERE calibration)) * 1000)::float8 AS first_ms,
           (extract(epoch FROM max(last_at) FILTER (WHERE calibration)) * 1000)::float8 AS last_ms,
           (count(*) FILTER (WHERE calibration))::int AS periods,
           (coalesce(sum(spend) FILTER (WHERE calibration), 0)
             - coalesce((min(ARRAY[p::numeric, spend]) FILTER (WHERE calibration))[2], 0))::float8 AS repeat_spend,
           (count(*) FILTER (WHERE NOT calibration))::int AS holdout_periods,
           coalesce(sum(spend) FILTER (WHERE NOT calibration), 0)::float8 AS holdout_spend
      FROM per_period
     GROUP BY customer_id, currency`;
  const rows = await withAdapterErrors("transactions.summarizePurchases", async () =>
    (await client.query(sql, [tenantId, query.kinds, query.observationEnd.toISOString(), calibrationEnd.toISOString()])).rows,
  );
  return rows.map((r) => ({
    customerId: String(r.customer_id),
    currency: String(r.currency),
    transactions: Number(r.transactions),
    firstPurchaseAt: r.first_ms === null ? null : new Date(Number(r.first_ms)),
    lastPurchaseAt: r.last_ms === null ? null : new Date(Number(r.last_ms)),
    purchasePeriods: Number(r.periods),
    repeatSpend: Number(r.repeat_spend),
    holdoutPeriods: Number(r.holdout_periods),
    holdoutSpend: Number(r.holdout_spend),
  }));
}
