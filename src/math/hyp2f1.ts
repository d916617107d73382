import { CrmkitError } from "../errors/crmkit-error.js";
import { invalidInput } from "../errors/invalid-input.js";

/**
 * The Gauss hypergeometric function in log form: `log` is log|₂F₁(a, b; c; z)|,
 * `sign` its sign, and — when asked — `da`, `db`, `dc`, `dz` the partial derivatives
 * of log|₂F₁| (i.e. ∂₂F₁/∂· divided by ₂F₁).
 *
 * @example
 * ```ts
 * import { logHyp2f1 } from "crmkit/math";
 * const r = logHyp2f1(1, 1, 2, 0.5, true); // ₂F₁(1,1;2;z) = -ln(1-z)/z
 * Math.exp(r.log); // 1.3862943611198906 (= 2 ln 2)
 * ```
 */
export interface Hyp2f1Result {
  /** log |₂F₁(a, b; c; z)| (−Infinity when the value is 0). */
  log: number;
  /** Sign of ₂F₁ (1, −1 or 0). */
  sign: number;
  /** ∂ log|₂F₁| / ∂a (NaN unless derivatives were requested). */
  da: number;
  /** ∂ log|₂F₁| / ∂b. */
  db: number;
  /** ∂ log|₂F₁| / ∂c. */
  dc: number;
  /** ∂ log|₂F₁| / ∂z. */
  dz: number;
}

const EPS = 1e-17;
const BIG = 1e250;
const LOG_BIG = Math.log(BIG);
const MAX_TERMS = 5_000_000;

function isNonPositiveInteger(v: number): boolean {
  return v <= 0 && Number.isInteger(v);
}

/**
 * Sums the power series Σ (a)_n (b)_n / ((c)_n n!) zⁿ in scaled arithmetic (no
 * overflow however large the terms grow), with the term-by-term parameter
 * derivatives when `grad` is set. 0 <= |z| < 1 or a terminating series.
 */
function series(a: number, b: number, c: number, z: number, grad: boolean, out: Hyp2f1Result): void {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  // running harmonic-like sums H_n(a) = Σ_{k<n} 1/(a+k) and the derivative series
  let ha = 0;
  let hb = 0;
  let hc = 0;
  let sa = 0;
  let sb = 0;
  let sc = 0;
  let sz = 0;
  let n = 0;
  let converged = false;
  for (; n < MAX_TERMS; n++) {
    const an = a + n;
    const bn = b + n;
    const cn = c + n;
    if (an === 0 || bn === 0) {
      converged = true; // terminating polynomial
      break;
    }
    const ratio = ((an * bn) / (cn * (n + 1))) * z;
    if (grad) {
      ha += 1 / an;
      hb += 1 / bn;
      hc += 1 / cn;
    }
    term *= ratio;
    sum += term;
    if (grad) {
      sa += term * ha;
      sb += term * hb;
      sc += term * hc;
      sz += term * (n + 1);
    }
    const at = Math.abs(term);
    if (at > BIG) {
      const k = 1 / BIG;
      term *= k;
      sum *= k;
      sa *= k;
      sb *= k;
      sc *= k;
      sz *= k;
      logScale += LOG_BIG;
    }
    // stop once the terms decrease geometrically and are negligible for the sum and its derivatives
    if (Math.abs(ratio) < 1 && at <= EPS * Math.abs(sum)) {
      const tail = Math.abs(ratio) / (1 - Math.abs(ratio));
      if (at * tail <= EPS * Math.abs(sum) && (!grad || at * (ha + hb + hc + n + 1) * Math.max(1, tail) <= 1e-15 * Math.max(Math.abs(sum), 1e-300))) {
        converged = true;
        break;
      }
    }
  }
  if (!converged) {
    throw new CrmkitError("NOT_CONVERGED", `hyp2f1(${a}, ${b}, ${c}, ${z}): the series did not converge in ${MAX_TERMS} terms`, {
      details: { a, b, c, z, terms: MAX_TERMS },
    });
  }
  out.sign = sum > 0 ? 1 : sum < 0 ? -1 : 0;
  out.log = Math.log(Math.abs(sum)) + logScale;
  if (grad) {
    out.da = sa / sum;
    out.db = sb / sum;
    out.dc = -sc / sum;
    out.dz = z === 0 ? (a * b) / c : sz / (sum * z);
  }
}

/**
 * ₂F₁(a, b; c; z) in log form, with the partial derivatives of log|₂F₁| when
 * `derivatives` is true (NaN for a parameter that is a non-positive integer, where
 * the series is a polynomial). `into` is an optional result object to fill (no
 * allocation in hot loops). For real a, b, c (c not a non-positive integer) and
 * z < 1. Overflow-free: terms are summed in scaled arithmetic, and the form that
 * keeps them small is chosen — the series itself or Euler's transformation
 * ₂F₁(a, b; c; z) = (1−z)^(c−a−b) ₂F₁(c−a, c−b; c; z), the fix for the "#NUM!"
 * overflow of large parameters (Fader & Hardie note 027) — and for z < 0 Pfaff's
 * transformation ₂F₁(a, b; c; z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)).
 *
 * @example
 * ```ts
 * import { logHyp2f1 } from "crmkit/math";
 * // huge parameters (x = 500 repeat purchases) stay finite in log form
 * logHyp2f1(500.5, 501.2, 1001.4, 0.9).log; // 419.4654185836285 (the value overflows a double)
 * ```
 */
export function logHyp2f1(a: number, b: number, c: number, z: number, derivatives = false, into?: Hyp2f1Result): Hyp2f1Result {
  if (!Number.isFinite(a)) throw invalidInput("a", a, "a finite number");
  if (!Number.isFinite(b)) throw invalidInput("b", b, "a finite number");
  if (!Number.isFinite(c) || isNonPositiveInteger(c)) throw invalidInput("c", c, "a finite number that is not 0 or a negative integer");
  if (!Number.isFinite(z) || z >= 1) throw invalidInput("z", z, "a finite number < 1");
  const out: Hyp2f1Result = into ?? { log: 0, sign: 1, da: Number.NaN, db: Number.NaN, dc: Number.NaN, dz: Number.NaN };
  out.da = out.db = out.dc = out.dz = Number.NaN;
  if (Math.abs(z) < 1e-300 || a === 0 || b === 0) {
    out.log = 0;
    out.sign = 1;
    if (derivatives) {
      out.da = 0;
      out.db = 0;
      out.dc = 0;
      out.dz = (a * b) / c;
      if (a === 0 && z !== 0) out.da = seriesDerivativeAtZeroParam(b, c, z);
      if (b === 0 && z !== 0) out.db = seriesDerivativeAtZeroParam(a, c, z);
    }
    return out;
  }
  if (z < 0) {
    // Pfaff: choose the variant with the smaller parameters
    const w = z / (z - 1);
    const l1z = Math.log1p(-z);
    const useA = Math.abs(a) + Math.abs(c - b) <= Math.abs(b) + Math.abs(c - a);
    const p = useA ? a : b;
    const q = useA ? c - b : c - a;
    const inner = logHyp2f1(p, q, c, w, derivatives);
    out.log = -p * l1z + inner.log;
    out.sign = inner.sign;
    if (derivatives) {
      // inner = H(p, q, c, w): p is a (or b), q = c − b (or c − a)
      const dw = -1 / ((z - 1) * (z - 1));
      if (useA) {
        out.da = -l1z + inner.da;
        out.db = -inner.db;
        out.dc = inner.db + inner.dc;
      } else {
        out.db = -l1z + inner.da;
        out.da = -inner.db;
        out.dc = inner.db + inner.dc;
      }
      out.dz = p / (1 - z) + inner.dz * dw;
    }
    return out;
  }
  const terminating = isNonPositiveInteger(a) || isNonPositiveInteger(b);
  // Euler's form when its parameters are smaller, unless it would trade a series of
  // positive terms for an alternating one (c − a or c − b < 0 while a, b > 0): the
  // alternating terms grow large and cancel, losing digits (7e-8 relative error at
  // a = 0.05, b = 26.8, c = 4.4, z = 0.8 before this rule), while the positive
  // series is exact to rounding and overflow-free in scaled arithmetic.
  const eulerAlternates = (c - a < 0 || c - b < 0) && a > 0 && b > 0;
  const euler = !terminating && !eulerAlternates && Math.abs(c - a) + Math.abs(c - b) < Math.abs(a) + Math.abs(b);
  if (!euler) {
    series(a, b, c, z, derivatives, out);
    // the truncated polynomial has no derivative in the parameter that truncates it
    if (derivatives && isNonPositiveInteger(a)) out.da = Number.NaN;
    if (derivatives && isNonPositiveInteger(b)) out.db = Number.NaN;
    return out;
  }
  const l1z = Math.log1p(-z);
  const e = c - a - b;
  series(c - a, c - b, c, z, derivatives, out);
  out.log += e * l1z;
  if (derivatives) {
    // log F = e·ln(1−z) + log H(c−a, c−b, c, z)
    const hA = out.da;
    const hB = out.db;
    const hC = out.dc;
    out.da = -l1z - hA;
    out.db = -l1z - hB;
    out.dc = l1z + hA + hB + hC;
    out.dz = -e / (1 - z) + out.dz;
  }
  return out;
}

/** ∂₂F₁(a, b; c; z)/∂a at a = 0 (where ₂F₁ = 1): Σ_{n≥1} (b)_n (n−1)! / ((c)_n n!) zⁿ. */
function seriesDerivativeAtZeroParam(b: number, c: number, z: number): number {
  let sum = 0;
  let coef = 1; // (b)_n / ((c)_n) · zⁿ
  for (let n = 1; n < MAX_TERMS; n++) {
    coef *= ((b + n - 1) / (c + n - 1)) * z;
    const t = coef / n;
    sum += t;
    if (Math.abs(t) <= EPS * Math.abs(sum) && Math.abs(((b + n) / (c + n)) * z) < 1) return sum;
  }
  return sum;
}

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real a, b, c (c not 0 or
 * a negative integer) and z < 1, robust for large parameters and z near 1 (see
 * {@link logHyp2f1}, which also gives the result in log form when it would overflow).
 *
 * @example
 * ```ts
 * import { hyp2f1 } from "crmkit/math";
 * hyp2f1(1, 1, 2, 0.5); // 1.3862943611198906 (= -ln(0.5)/0.5)
 * hyp2f1(0.5, 0.5, 1.5, 0.25); // 1.0471975511965979 (= asin(0.5)/0.5)
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  const r = logHyp2f1(a, b, c, z, false);
  return r.sign * Math.exp(r.log);
}
