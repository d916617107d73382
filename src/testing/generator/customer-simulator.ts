import { createRandom, type Random } from "../random/random.js";
import { gammaVariate, logGammaVariate } from "../random/sample-gamma.js";
import { categoricalSampler } from "../random/sample-categorical.js";
import type { ResolvedOptions } from "./options.js";
import { SOURCES, SOURCE_WEIGHTS } from "./reference-data.js";

/** Milliseconds in a day and in a week (the time unit of the purchase process). @internal */
export const DAY_MS = 86_400_000;
/** @internal */
export const WEEK_MS = 7 * DAY_MS;

/** Sales channels of purchases (the `channel` of a transaction). @internal */
export const PURCHASE_CHANNELS = ["web", "app", "store"] as const;

/**
 * Share of contacts of each source (in `SOURCES` order) who go on to buy. Referred
 * contacts buy more often.
 * @internal
 */
export const BUYER_SHARE = [0.88, 0.72, 0.75, 0.7, 0.78, 0.74, 0.8];

/** The latent traits and acquisition of one customer. @internal */
export interface CustomerCore {
  index: number;
  /** When the contact entered the CRM (ms). */
  createdAt: number;
  /** Index into `SOURCES`. */
  source: number;
  /** The first purchase (ms), or NaN for a contact who has not bought by `asOf`. */
  firstPurchaseAt: number;
  /** Purchase rate per week while alive. */
  lambda: number;
  /** BG/NBD: dropout probability after each repeat purchase; Pareto/NBD: dropout rate per week. */
  dropout: number;
  /** Gamma-Gamma spend rate ν (expected spend per transaction p/ν). */
  nu: number;
  /** When the customer became inactive (ms), or NaN if still alive at `asOf` or never bought. */
  churnAt: number;
  /** Number of purchases written to the simulator's buffers. */
  purchases: number;
}

/**
 * Inverse CDF of the acquisition curve: the fraction x in [0, 1) of the period at
 * which the density ∝ e^(g·x) reaches probability u. Uniform for |g| < 1e-9 (where
 * the closed form loses all precision); never 1, whatever the rounding.
 * @internal
 */
export function acquisitionFraction(u: number, g: number): number {
  const x = Math.abs(g) < 1e-9 ? u : Math.log1p(u * Math.expm1(g)) / g;
  return x < 1 ? (x > 0 ? x : 0) : 1 - Number.EPSILON;
}

/**
 * The instant at fraction x of [start, asOf), floored to the second and kept strictly
 * before asOf.
 * @internal
 */
export function instantInPeriod(start: number, asOf: number, x: number): number {
  const t = Math.floor((start + x * (asOf - start)) / 1000) * 1000;
  return t < asOf ? (t >= start ? t : start) : Math.max(start, Math.ceil(asOf / 1000) * 1000 - 1000);
}

const SECOND = 1000;
const floorToSecond = (ms: number): number => Math.floor(ms / SECOND) * SECOND;

/**
 * Simulates customers one at a time, each from its own random stream
 * (`seed → "customers" → index`), so customer i is the same in a dataset and in a
 * stream made with the same options, and needs no state from customers before it.
 * Purchases go to reusable buffers.
 * @internal
 */
export class CustomerSimulator {
  /** Purchase times (ms) of the last simulated customer. */
  times = new Float64Array(256);
  /** Purchase amounts of the last simulated customer (rounded to the currency's minor unit). */
  amounts = new Float64Array(256);
  /** Purchase channels (index into PURCHASE_CHANNELS). */
  channels = new Uint8Array(256);

  private readonly root: Random;
  private readonly sourceOf = categoricalSampler(SOURCE_WEIGHTS);
  private readonly channelOf = categoricalSampler([60, 25, 15]);
  private readonly minor: number;

  constructor(private readonly o: ResolvedOptions) {
    this.root = createRandom(o.seed).fork("customers");
    this.minor = 10 ** o.minorUnits;
  }

  /** Fills `out` with customer `index` and its purchases (in the buffers, oldest first). */
  simulate(index: number, out: CustomerCore): void {
    const o = this.o;
    const rng = this.root.fork(index);
    // Acquisition: stratified inversion of a density ∝ e^(g·x) on [0, 1), so ids follow time.
    const createdAt = instantInPeriod(o.start, o.asOf, acquisitionFraction((index + rng.next()) / o.customers, o.growth));
    const source = this.sourceOf(rng);
    const buys = rng.next() < BUYER_SHARE[source]!;
    const delayDays = Math.exp(logGammaVariate(rng, 1.5)) * 8; // Gamma(1.5, scale 8): mean 12 days
    const p = o.purchases;
    const lambda = Math.exp(logGammaVariate(rng, p.r)) / p.alpha;
    let dropout: number;
    if (p.kind === "bgnbd") {
      const lx = logGammaVariate(rng, p.a);
      const ly = logGammaVariate(rng, p.b);
      dropout = 1 / (1 + Math.exp(ly - lx));
    } else {
      dropout = Math.exp(logGammaVariate(rng, p.s)) / p.beta;
    }
    const nu = Math.exp(logGammaVariate(rng, o.spend.q)) / o.spend.gamma;

    out.index = index;
    out.createdAt = createdAt;
    out.source = source;
    out.lambda = lambda;
    out.dropout = dropout;
    out.nu = nu;
    out.churnAt = Number.NaN;
    out.purchases = 0;
    const first = floorToSecond(createdAt + delayDays * DAY_MS);
    if (!buys || first > o.asOf) {
      out.firstPurchaseAt = Number.NaN;
      return;
    }
    out.firstPurchaseAt = first;
    this.push(out, first, rng);
    const horizon = (o.asOf - first) / WEEK_MS;
    let t = 0;
    if (p.kind === "bgnbd") {
      for (;;) {
        t += -Math.log(rng.next()) / lambda;
        if (!(t <= horizon)) break;
        this.push(out, floorToSecond(first + t * WEEK_MS), rng);
        if (rng.next() < dropout) {
          out.churnAt = floorToSecond(first + t * WEEK_MS);
          break;
        }
      }
    } else {
      const lifetime = -Math.log(rng.next()) / dropout;
      const end = Math.min(lifetime, horizon);
      if (lifetime <= horizon) out.churnAt = floorToSecond(first + lifetime * WEEK_MS);
      for (;;) {
        t += -Math.log(rng.next()) / lambda;
        if (!(t <= end)) break;
        this.push(out, floorToSecond(first + t * WEEK_MS), rng);
      }
    }
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const amounts = new Float64Array(this.amounts.length * 2);
    amounts.set(this.amounts);
    this.amounts = amounts;
    const channels = new Uint8Array(this.channels.length * 2);
    channels.set(this.channels);
    this.channels = channels;
  }

  private push(out: CustomerCore, at: number, rng: Random): void {
    const n = out.purchases;
    if (n === this.times.length) this.grow();
    const z = gammaVariate(rng, this.o.spend.p) / out.nu;
    this.times[n] = at;
    this.amounts[n] = Math.max(1, Math.round(z * this.minor)) / this.minor;
    this.channels[n] = this.channelOf(rng);
    out.purchases = n + 1;
  }
}

/** A fresh, zeroed {@link CustomerCore}. @internal */
export function emptyCore(): CustomerCore {
  return { index: 0, createdAt: 0, source: 0, firstPurchaseAt: Number.NaN, lambda: 0, dropout: 0, nu: 0, churnAt: Number.NaN, purchases: 0 };
}

/** The acquisition source slug of a core. @internal */
export function sourceName(core: CustomerCore): string {
  return SOURCES[core.source]!;
}
