import type { Customer, LifecycleStageEntry } from "../../model/customer.js";
import type { Random } from "../random/random.js";
import type { GenContext, Person } from "./context.js";
import { DAY_MS, chance, clamp, floorToSecond, gammaMean, isoDate, normal, pick, sortedUniformTimes, uniform } from "./helpers.js";
import { JOB_TITLES, LANGUAGE, PHONE_PREFIX, SOURCES } from "./reference-data.js";

/** The lifecycle stages crmkit uses by default (HubSpot's), in funnel order. */
const FUNNEL = ["subscriber", "lead", "marketing_qualified_lead", "sales_qualified_lead", "opportunity"] as const;
/** Probability of passing through each funnel stage after the entry stage (else it is skipped). */
const KEEP = [1, 1, 0.55, 0.6, 0.5];

/**
 * Builds the customer records last, when everything that shapes them is known:
 * the lifecycle history (the funnel stages a contact went through — entry stage by
 * source, some stages skipped — then `customer` at the first purchase and
 * `evangelist` for promoters who keep buying), phone numbers, birth dates, job
 * titles, tags and attributes. Consent reflects unsubscribes from campaigns.
 * @internal
 */
export function buildCustomers(ctx: GenContext): void {
  const root = ctx.root.fork("customer-records");
  const spend = new Float64Array(ctx.people.length);
  ctx.people.forEach((p, i) => {
    let s = 0;
    for (const a of p.amounts) s += a;
    spend[i] = s;
  });
  const sorted = Float64Array.from(spend).sort();
  const vipThreshold = sorted[Math.floor(sorted.length * 0.95)] ?? Number.POSITIVE_INFINITY;
  for (const person of ctx.people) {
    const rng = root.fork(person.index);
    ctx.customers.push(customerRecord(ctx, rng, person, spend[person.index]! >= vipThreshold && spend[person.index]! > 0));
  }
}

function lifecycle(ctx: GenContext, rng: Random, person: Person): LifecycleStageEntry[] {
  const { o } = ctx;
  const source = SOURCES[person.core.source]!;
  let entry: number;
  if (source === "website" || source === "organic_search" || source === "paid_search") entry = chance(rng, 0.5) ? 0 : 1;
  else if (source === "referral") entry = chance(rng, 0.5) ? 1 : 3;
  else entry = 1;
  const stages: string[] = [FUNNEL[entry]!];
  for (let s = entry + 1; s < FUNNEL.length; s++) if (chance(rng, KEEP[s]!)) stages.push(FUNNEL[s]!);
  const created = person.core.createdAt;
  const bought = person.core.firstPurchaseAt;
  if (bought <= o.asOf) {
    const times = [created, ...sortedUniformTimes(rng, stages.length - 1, created, bought)];
    const history = stages.map((stage, k) => ({ stage, enteredAt: new Date(times[k]!) }));
    history.push({ stage: "customer", enteredAt: new Date(bought) });
    if (person.evangelistAt <= o.asOf) history.push({ stage: "evangelist", enteredAt: new Date(person.evangelistAt) });
    return history;
  }
  // Not (yet) a customer: the contact got part of the way down the funnel.
  const reached = 1 + Math.floor(rng.next() * stages.length);
  const until = Math.min(o.asOf, created + gammaMean(rng, 1.5, 45) * DAY_MS);
  const times = [created, ...sortedUniformTimes(rng, reached - 1, created, until)];
  const history = stages.slice(0, reached).map((stage, k) => ({ stage, enteredAt: new Date(times[k]!) }));
  if (o.asOf - created > 180 * DAY_MS && chance(rng, 0.05)) history.push({ stage: "other", enteredAt: new Date(floorToSecond(until)) });
  return history;
}

function phoneNumber(rng: Random, country: string): string {
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(rng.next() * 10)).join("");
  return `${PHONE_PREFIX[country] ?? "+1"} ${1 + Math.floor(rng.next() * 9)}${digits(2)} ${digits(3)} ${digits(4)}`;
}

function customerRecord(ctx: GenContext, rng: Random, person: Person, vip: boolean): Customer {
  const { o } = ctx;
  const core = person.core;
  const account = person.accountIndex >= 0 ? ctx.accounts[person.accountIndex] : undefined;
  const history = lifecycle(ctx, rng, person);
  const city = person.city;
  const customer: Customer = {
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    displayName: `${person.firstName} ${person.lastName}`,
    emails: [{ address: person.email, label: account === undefined ? "personal" : "work", primary: true }],
    phones: [],
    createdAt: new Date(core.createdAt),
    acquisitionSource: SOURCES[core.source]!,
    lifecycleStage: history.at(-1)!.stage,
    lifecycleHistory: history,
    location: {
      country: city.country,
      region: city.region,
      city: city.city,
      coordinates: {
        latitude: Math.round(clamp(normal(rng, city.latitude, 0.04), -90, 90) * 1e5) / 1e5,
        longitude: Math.round(clamp(normal(rng, city.longitude, 0.06), -180, 180) * 1e5) / 1e5,
      },
    },
    tags: [account === undefined ? "b2c" : "b2b"],
    attributes: { preferred_language: LANGUAGE[city.country] ?? "en" },
    consent: person.consent,
  };
  if (chance(rng, 0.7)) customer.phones.push({ number: phoneNumber(rng, city.country), label: account === undefined ? "mobile" : "work", primary: true });
  if (chance(rng, 0.85)) {
    const ageYears = 19 + gammaMean(rng, 4, 23);
    customer.birthDate = isoDate(core.createdAt - ageYears * 365.2425 * DAY_MS);
  }
  if (account !== undefined) {
    customer.accountId = account.id;
    customer.jobTitle = pick(rng, JOB_TITLES);
  }
  if (person.ownerId !== undefined) customer.ownerId = person.ownerId;
  if (vip) customer.tags.push("vip");
  if (person.consent.email?.status === "granted") customer.tags.push("newsletter");
  if (core.firstPurchaseAt <= o.asOf) customer.attributes.loyalty_points = Math.round(uniform(rng, 0, 1) * 50 + person.times.length * 10);
  let updatedAt = history.at(-1)!.enteredAt.getTime();
  if (person.emailOptOutAt > updatedAt) updatedAt = person.emailOptOutAt;
  if (updatedAt > core.createdAt) customer.updatedAt = new Date(updatedAt);
  return customer;
}
