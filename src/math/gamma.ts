/* eslint-disable no-loss-of-precision -- published Lanczos coefficients */
// Stand-in until the math module lands on main (same contract as /work/math-api.md).
const G = 607 / 128;
const C = [
  0.99999999999999709182, 57.156235665862923517, -59.597960355475491248, 14.136097974741747174, -0.49191381609762019978, 0.33994649984811888699e-4,
  0.46523628927048575665e-4, -0.98374475304879564677e-4, 0.15808870322491248884e-3, -0.21026444172410488319e-3, 0.2174396181152126432e-3,
  -0.16431810653676389022e-3, 0.84418223983852743293e-4, -0.2619083840158140867e-4, 0.36899182659531622704e-5,
];
const HALF_LOG_2PI = 0.91893853320467274178;

/** log Γ(x) for x > 0. */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  if (x > 1e7) return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + 1 / (12 * x);
  const xx = x - 1;
  let a = C[0]!;
  const t = xx + G + 0.5;
  for (let i = 1; i < 15; i++) a += C[i]! / (xx + i);
  return HALF_LOG_2PI + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ψ(x) for x > 0. */
export function digamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))));
}

/** ψ'(x) for x > 0. */
export function trigamma(x: number): number {
  let r = 0;
  while (x < 6) {
    r += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  return r + 1 / x + f / 2 + (1 / (x * x * x)) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}
