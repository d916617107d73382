// Stand-in until the math module lands on main (same contract as /work/math-api.md).
/** Hessian by central differences of an analytic gradient, symmetrised (row-major). */
export function numericHessian(grad: (x: Float64Array, g: Float64Array) => void, x: Float64Array): Float64Array {
  const n = x.length;
  const h = new Float64Array(n * n);
  const gp = new Float64Array(n);
  const gm = new Float64Array(n);
  const xx = Float64Array.from(x);
  for (let j = 0; j < n; j++) {
    const step = 1e-5 * Math.max(1, Math.abs(x[j]!));
    xx[j] = x[j]! + step;
    grad(xx, gp);
    xx[j] = x[j]! - step;
    grad(xx, gm);
    xx[j] = x[j]!;
    for (let i = 0; i < n; i++) h[i * n + j] = (gp[i]! - gm[i]!) / (2 * step);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) h[i * n + j] = h[j * n + i] = (h[i * n + j]! + h[j * n + i]!) / 2;
  return h;
}

/** Gradient by central differences. */
export function numericGradient(f: (x: Float64Array) => number, x: Float64Array): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  const xx = Float64Array.from(x);
  for (let j = 0; j < n; j++) {
    const step = 1e-6 * Math.max(1, Math.abs(x[j]!));
    xx[j] = x[j]! + step;
    const fp = f(xx);
    xx[j] = x[j]! - step;
    const fm = f(xx);
    xx[j] = x[j]!;
    g[j] = (fp - fm) / (2 * step);
  }
  return g;
}
