import type { Account } from "../../model/account.js";
import { categoricalSampler } from "../random/sample-categorical.js";
import type { GenContext } from "./context.js";
import { acquisitionFraction, instantInPeriod } from "./customer-simulator.js";
import { asciiSlug, chance, clamp, logNormal, pick, roundMoney, uniform } from "./helpers.js";
import { CITIES, COMPANY_SUFFIX, COMPANY_WORDS_A, COMPANY_WORDS_B, INDUSTRIES, INDUSTRY_WEIGHTS, SALES_REPS } from "./reference-data.js";

/** Share of customers who are business contacts (belong to an account). @internal */
export const B2B_SHARE = 0.55;

/**
 * Generates the accounts (about one per ten customers), created over the period with
 * the same growth as customers, so that every business contact can belong to an
 * account created before it.
 * @internal
 */
export function buildAccounts(ctx: GenContext): void {
  const { o } = ctx;
  const rng = ctx.root.fork("accounts");
  const n = Math.max(1, Math.round(o.customers / 10));
  const cityOf = categoricalSampler(CITIES.map((c) => c.weight));
  const industryOf = categoricalSampler(INDUSTRY_WEIGHTS);
  const usedNames = new Map<string, number>();
  for (let j = 0; j < n; j++) {
    // Stratified like customers; the first account exists from the start.
    const u = j === 0 ? 0 : (j + rng.next()) / n;
    const createdAt = instantInPeriod(o.start, o.asOf, acquisitionFraction(u, o.growth) * 0.98);
    const city = CITIES[cityOf(rng)]!;
    const a = pick(rng, COMPANY_WORDS_A);
    const b = pick(rng, COMPANY_WORDS_B);
    const base = `${a} ${b}`;
    const seen = (usedNames.get(base) ?? 0) + 1;
    usedNames.set(base, seen);
    const name = `${base}${seen > 1 ? ` ${seen}` : ""} ${COMPANY_SUFFIX[city.country] ?? "Ltd"}`;
    const domain = `${asciiSlug(a)}${asciiSlug(b)}${seen > 1 ? seen : ""}.example`;
    const employeeCount = Math.round(clamp(logNormal(rng, 60, 1.4), 1, 250_000));
    const revenuePerEmployee = logNormal(rng, 120_000, 0.5);
    const tier = employeeCount >= 1000 ? "enterprise" : employeeCount >= 100 ? "mid-market" : "smb";
    const parent = j > 10 && chance(rng, 0.04) ? ctx.accounts[Math.floor(rng.next() * j)]!.id : undefined;
    const account: Account = {
      id: `acc-${String(j + 1).padStart(6, "0")}`,
      name,
      domain,
      industry: INDUSTRIES[industryOf(rng)]!,
      employeeCount,
      annualRevenue: { amount: roundMoney(Math.round((employeeCount * revenuePerEmployee) / 1000) * 1000, 0), currency: o.currency },
      location: {
        country: city.country,
        region: city.region,
        city: city.city,
        coordinates: { latitude: round5(city.latitude + uniform(rng, -0.02, 0.02)), longitude: round5(city.longitude + uniform(rng, -0.03, 0.03)) },
      },
      ownerId: pick(rng, SALES_REPS),
      createdAt: new Date(createdAt),
      tags: [tier],
      attributes: { founded_year: 1950 + Math.floor(rng.next() * 73) },
    };
    if (parent !== undefined) account.parentAccountId = parent;
    ctx.accounts.push(account);
  }
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}
