import { bench, describe } from "vitest";
import { lgamma, logSumExp, minimize, normalCdf } from "../../src/math/index.js";

// Inputs built once, outside the timed loops. Each bench call does 1e6 evaluations, so
// the reported time per call is the time per million calls.
const N = 1_000_000;
const args = new Float64Array(N);
for (let i = 0; i < N; i++) args[i] = 0.05 + ((i * 7919) % 100_000) / 1000; // (0.05, 100)
const normals = new Float64Array(N);
for (let i = 0; i < N; i++) normals[i] = -8 + ((i * 7919) % 160_000) / 10_000; // (-8, 8)
const rows = new Float64Array(N);
for (let i = 0; i < N; i++) rows[i] = -((i * 7919) % 50_000) / 1000;

let sink = 0;

describe("special functions, per 1e6 calls", () => {
  bench("lgamma x 1e6", () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += lgamma(args[i]!);
    sink += s;
  }, { iterations: 5 });

  bench("normalCdf x 1e6", () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += normalCdf(normals[i]!);
    sink += s;
  }, { iterations: 5 });

  bench("logSumExp over 1e6 values", () => {
    sink += logSumExp(rows);
  }, { iterations: 5 });
});

// A 4-parameter maximum-likelihood-like fit: the extended Rosenbrock in 4-D plus a
// 5-parameter logistic regression on 10,000 synthetic rows (columnar).
const M = 10_000;
const features = new Float64Array(M * 4);
const labels = new Float64Array(M);
let seed = 12345;
const random = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
for (let i = 0; i < M; i++) {
  let eta = -0.5;
  for (let j = 0; j < 4; j++) {
    const v = random() * 2 - 1;
    features[i * 4 + j] = v;
    eta += [1.2, -0.7, 0.3, 2][j]! * v;
  }
  labels[i] = random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
}

describe("L-BFGS fits", () => {
  bench("logistic regression, 5 parameters, 10k rows", () => {
    const r = minimize(
      (beta, g) => {
        g.fill(0);
        let nll = 0;
        for (let i = 0; i < M; i++) {
          let eta = beta[0]!;
          for (let j = 0; j < 4; j++) eta += beta[j + 1]! * features[i * 4 + j]!;
          const p = 1 / (1 + Math.exp(-eta));
          nll += labels[i]! === 1 ? Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
          const r0 = p - labels[i]!;
          g[0] = g[0]! + r0;
          for (let j = 0; j < 4; j++) g[j + 1] = g[j + 1]! + r0 * features[i * 4 + j]!;
        }
        return nll;
      },
      new Float64Array(5),
    );
    sink += r.value;
  }, { iterations: 10 });
});

export { sink };
