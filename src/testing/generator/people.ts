import type { Consent } from "../../model/customer.js";
import { categoricalSampler } from "../random/sample-categorical.js";
import { B2B_SHARE } from "./accounts.js";
import type { GenContext, Person } from "./context.js";
import { CustomerSimulator, emptyCore } from "./customer-simulator.js";
import { asciiSlug, chance, countAtMost, pick } from "./helpers.js";
import { generatedCustomerId } from "./ids.js";
import { CITIES, NAMES, SALES_REPS } from "./reference-data.js";

const PERSONAL_DOMAINS = ["example.com", "example.org", "example.net", "mail.example"];

/** Where each source's contacts gave their consent (the `source` of a consent record). */
const CONSENT_SOURCE = ["referral invite", "signup form", "signup form", "landing page", "event badge scan", "sales call", "partner import"];

/**
 * Simulates every customer's acquisition and purchases, then gives each a profile:
 * an account (for business contacts), a place, a name and e-mail, an owner and the
 * consent they gave when they signed up.
 * @internal
 */
export function buildPeople(ctx: GenContext): void {
  const { o } = ctx;
  const sim = new CustomerSimulator(o);
  const root = ctx.root.fork("profile");
  const cityOf = categoricalSampler(CITIES.map((c) => c.weight));
  const accountCreated = Float64Array.from(ctx.accounts, (a) => a.createdAt.getTime());
  for (let i = 0; i < o.customers; i++) {
    const core = emptyCore();
    sim.simulate(i, core);
    const rng = root.fork(i);
    let accountIndex = -1;
    if (chance(rng, B2B_SHARE)) {
      const k = countAtMost(accountCreated, accountCreated.length, core.createdAt);
      if (k > 0) accountIndex = Math.floor(rng.next() * k);
    }
    const account = accountIndex >= 0 ? ctx.accounts[accountIndex]! : undefined;
    const accountCity = account === undefined ? undefined : CITIES.find((c) => c.city === account.location?.city);
    const city = accountCity !== undefined && chance(rng, 0.8) ? accountCity : CITIES[cityOf(rng)]!;
    const names = NAMES[city.country]!;
    const firstName = pick(rng, names.first);
    const lastName = pick(rng, names.last);
    const domain = account?.domain ?? pick(rng, PERSONAL_DOMAINS);
    const email = `${asciiSlug(firstName)}.${asciiSlug(lastName)}${i + 1}@${domain}`;
    const at = new Date(core.createdAt);
    const source = CONSENT_SOURCE[core.source]!;
    const consent: Person["consent"] = {};
    const emailRoll = rng.next();
    consent.email = emailRoll < 0.72 ? granted(at, source) : emailRoll < 0.8 ? { status: "denied", updatedAt: at, source } : { status: "unknown" };
    const smsRoll = rng.next();
    if (smsRoll < 0.3) consent.sms = granted(at, source);
    else if (smsRoll < 0.5) consent.sms = { status: "denied", updatedAt: at, source };
    if (account !== undefined && chance(rng, 0.5)) consent.call = granted(at, source);
    if (chance(rng, 0.1)) consent.whatsapp = granted(at, source);
    if (chance(rng, 0.35)) consent.push = granted(at, "mobile app");
    if (chance(rng, 0.2)) consent.mail = granted(at, source);
    const person: Person = {
      index: i,
      id: generatedCustomerId(i),
      core,
      times: sim.times.slice(0, core.purchases),
      amounts: sim.amounts.slice(0, core.purchases),
      channels: sim.channels.slice(0, core.purchases),
      accountIndex,
      firstName,
      lastName,
      email,
      city,
      ownerId: account?.ownerId ?? (chance(rng, 0.4) ? pick(rng, SALES_REPS) : undefined),
      consent,
      emailOptOutAt: Number.NaN,
      evangelistAt: Number.NaN,
      leadId: undefined,
      conversionDealId: undefined,
      tickets: [],
      deals: [],
      subscriptions: [],
      ticketInteractions: new Map(),
    };
    ctx.people.push(person);
  }
}

function granted(updatedAt: Date, source: string): Consent {
  return { status: "granted", updatedAt, source };
}
