import { invalidInput } from "../errors/invalid-input.js";
import type { BgBbParams } from "./bgbb.js";
import type { BgNbdParams } from "./bgnbd.js";
import type { GammaGammaParams } from "./gamma-gamma.js";
import { checkParams } from "./maximum-likelihood.js";
import type { ParetoNbdParams } from "./pareto-nbd.js";
import { Random } from "./random.js";
import type { TimeUnit } from "./time-unit.js";

/**
 * Options of the simulators: how many customers, their ages T (one number for
 * all, or one per customer), the seed (same seed, same customers) and the unit to
 * label the result with.
 *
 * @example
 * ```ts
 * import type { SimulationOptions } from "crmkit/clv";
 * const o: SimulationOptions = { customers: 10_000, T: 52, seed: 42, unit: "week" };
 * ```
 */
export interface SimulationOptions {
  readonly customers: number;
  readonly T: number | ArrayLike<number>;
  readonly seed: number;
  readonly unit?: TimeUnit;
}

/**
 * Simulated summary columns, with the latent truth of each customer.
 *
 * @example
 * ```ts
 * import { simulateBgNbd } from "crmkit/clv";
 * const sim = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 5, T: 39, seed: 1 });
 * sim.alive; // Uint8Array of 0/1: alive at T
 * ```
 */
export interface SimulatedCustomers {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** 1 when the customer is alive at T. */
  readonly alive: Uint8Array;
  readonly unit: TimeUnit | undefined;
}

function ages(options: SimulationOptions): { n: number; T: Float64Array; rng: Random } {
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object { customers, T, seed }");
  const n = options.customers;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) throw invalidInput("options.customers", n, "an integer >= 1");
  const T = new Float64Array(n);
  if (typeof options.T === "number") {
    if (!Number.isFinite(options.T) || options.T < 0) throw invalidInput("options.T", options.T, "a finite age >= 0");
    T.fill(options.T);
  } else {
    if (options.T.length !== n) throw invalidInput("options.T", `length ${options.T.length}`, `one age per customer (${n})`);
    for (let i = 0; i < n; i++) {
      const v = options.T[i]!;
      if (!Number.isFinite(v) || v < 0) throw invalidInput(`options.T[${i}]`, v, "a finite age >= 0");
      T[i] = v;
    }
  }
  return { n, T, rng: new Random(options.seed) };
}

/** One simulated customer: repeat purchases, the age at the last one (0 if none), alive at T. */
interface Draw {
  x: number;
  recency: number;
  alive: boolean;
}

/**
 * Checks the parameters and options, then simulates each customer with `draw`
 * (which fills a reused {@link Draw} from the seeded stream) into summary columns.
 */
function simulateCustomers<N extends string>(
  names: readonly N[],
  params: unknown,
  options: SimulationOptions,
  draw: (p: Readonly<Record<N, number>>, rng: Random, T: number, i: number, out: Draw) => void,
): SimulatedCustomers {
  const p = checkParams("params", names, params);
  const { n, T, rng } = ages(options);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const alive = new Uint8Array(n);
  const out: Draw = { x: 0, recency: 0, alive: false };
  for (let i = 0; i < n; i++) {
    out.x = 0;
    out.recency = 0;
    out.alive = false;
    draw(p, rng, T[i]!, i, out);
    frequency[i] = out.x;
    recency[i] = out.recency;
    alive[i] = out.alive ? 1 : 0;
  }
  return { frequency, recency, T, alive, unit: options.unit };
}

function bgLike(params: BgNbdParams, options: SimulationOptions, dieAtStart: boolean): SimulatedCustomers {
  return simulateCustomers(["r", "alpha", "a", "b"] as const, params, options, (p, rng, Ti, _i, out) => {
    const lambda = rng.gamma(p.r, p.alpha);
    const drop = rng.beta(p.a, p.b);
    let t = 0;
    let living = !(dieAtStart && rng.uniform() < drop);
    while (living) {
      t += rng.exponential(lambda);
      if (t > Ti) break;
      out.x++;
      out.recency = t;
      if (rng.uniform() < drop) living = false;
    }
    out.alive = living;
  });
}

/**
 * Simulates BG/NBD customers observed from their first purchase to age T.
 *
 * @example
 * ```ts
 * import { fitBgNbd, simulateBgNbd } from "crmkit/clv";
 * const sim = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { customers: 20_000, T: 39, seed: 7, unit: "week" });
 * fitBgNbd(sim).params; // close to the truth
 * ```
 */
export function simulateBgNbd(params: BgNbdParams, options: SimulationOptions): SimulatedCustomers {
  return bgLike(params, options, false);
}

/**
 * Simulates MBG/NBD customers (who may drop out right after their first purchase).
 *
 * @example
 * ```ts
 * import { simulateMbgNbd } from "crmkit/clv";
 * simulateMbgNbd({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, { customers: 100, T: 39, seed: 3 }).frequency;
 * ```
 */
export function simulateMbgNbd(params: BgNbdParams, options: SimulationOptions): SimulatedCustomers {
  return bgLike(params, options, true);
}

/**
 * Simulates Pareto/NBD customers: Poisson purchases at rate λ until an exponential
 * lifetime with rate μ ends.
 *
 * @example
 * ```ts
 * import { simulateParetoNbd } from "crmkit/clv";
 * simulateParetoNbd({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, { customers: 100, T: 39, seed: 5 }).frequency;
 * ```
 */
export function simulateParetoNbd(params: ParetoNbdParams, options: SimulationOptions): SimulatedCustomers {
  return simulateCustomers(["r", "alpha", "s", "beta"] as const, params, options, (p, rng, Ti, _i, out) => {
    const lambda = rng.gamma(p.r, p.alpha);
    const mu = rng.gamma(p.s, p.beta);
    const life = rng.exponential(mu);
    const end = Math.min(life, Ti);
    let t = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > end) break;
      out.x++;
      out.recency = t;
    }
    out.alive = life > Ti;
  });
}

/**
 * Simulates BG/BB customers over `T` discrete opportunities: at each opportunity
 * a customer still alive drops out with probability θ ~ Beta(γ, δ), else transacts
 * with probability p ~ Beta(α, β).
 *
 * @example
 * ```ts
 * import { simulateBgBb } from "crmkit/clv";
 * simulateBgBb({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, { customers: 100, T: 6, seed: 9 }).frequency;
 * ```
 */
export function simulateBgBb(params: BgBbParams, options: SimulationOptions): SimulatedCustomers {
  return simulateCustomers(["alpha", "beta", "gamma", "delta"] as const, params, options, (p, rng, Ti, i, out) => {
    if (!Number.isInteger(Ti)) throw invalidInput(`options.T[${i}]`, Ti, "an integer number of opportunities");
    const buy = rng.beta(p.alpha, p.beta);
    const die = rng.beta(p.gamma, p.delta);
    let living = true;
    for (let t = 1; t <= Ti; t++) {
      if (rng.uniform() < die) {
        living = false;
        break;
      }
      if (rng.uniform() < buy) {
        out.x++;
        out.recency = t;
      }
    }
    out.alive = living;
  });
}

/**
 * Simulates the mean spend of each customer's `frequency` repeat purchases under
 * the Gamma-Gamma model (0 for customers without repeat purchases).
 *
 * @example
 * ```ts
 * import { simulateGammaGamma } from "crmkit/clv";
 * simulateGammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 }, { frequency: [0, 1, 5], seed: 2 }); // Float64Array [0, …, …]
 * ```
 */
export function simulateGammaGamma(params: GammaGammaParams, options: { readonly frequency: ArrayLike<number>; readonly seed: number }): Float64Array {
  const p = checkParams("params", ["p", "q", "gamma"] as const, params);
  if (typeof options !== "object" || options === null) throw invalidInput("options", options, "an object { frequency, seed }");
  const rng = new Random(options.seed);
  const f = options.frequency;
  const out = new Float64Array(f.length);
  for (let i = 0; i < f.length; i++) {
    const x = f[i]!;
    if (!Number.isInteger(x) || x < 0) throw invalidInput(`options.frequency[${i}]`, x, "an integer >= 0");
    const nu = rng.gamma(p.q, p.gamma);
    // the mean of x Gamma(p, ν) values is Gamma(px, xν)
    out[i] = x === 0 ? 0 : rng.gamma(p.p * x, x * nu);
  }
  return out;
}
