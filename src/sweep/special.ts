// biome-ignore-all lint/correctness/noPrecisionLoss: coefficients are quoted with the digits of their published source
/**
 * Special functions for the samplers: the standard normal distribution function and its inverse,
 * log-gamma, the regularized incomplete beta function and its inverse. Pure numerics, no state.
 *
 * - Normal quantile Φ⁻¹: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal
 *   distribution", Applied Statistics 37(3):477–484, 1988 (PPND16; relative error about 1e-16).
 * - Normal distribution function Φ, through erfc: for |z| < 3 the everywhere-positive series
 *   erf(z) = 2/√π · e^(−z²) · Σ 2ⁿ z^(2n+1) / (1·3·…·(2n+1)) (Abramowitz & Stegun 7.1.6), and for
 *   |z| ≥ 3 the continued fraction erfc(z) = e^(−z²)/√π · 1/(z + ½/(z + 1/(z + 3⁄2/(z + …))))
 *   (A&S 7.1.14), evaluated with the modified Lentz method (Press et al., Numerical Recipes, 3rd
 *   ed., §5.2). Used to precompute truncation masses, not in the inner loop.
 * - log Γ: the Lanczos approximation with g = 7 and nine coefficients (C. Lanczos, SIAM J. Numer.
 *   Anal. B 1, 1964; coefficients as tabulated by P. Godfrey), relative error below 1e-15 for x > 0.
 * - I_x(a, b): the continued fraction of A&S 26.5.8, evaluated with modified Lentz, with the
 *   symmetry I_x(a, b) = 1 − I_{1−x}(b, a) for x > (a + 1)/(a + b + 2) (Numerical Recipes §6.4).
 * - I⁻¹: Newton's method on I_x(a, b) − p, safeguarded by bisection on a bracket that always
 *   contains the root, to a relative tolerance of 1e-15 in min(x, 1 − x).
 */

const SQRT1_2 = Math.SQRT1_2;
const SQRTPI = Math.sqrt(Math.PI);

// ─── normal ─────────────────────────────────────────────────────────────────────────────────

/** The complementary error function erfc(z) = 1 − erf(z). */
export function erfc(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < 0) return 2 - erfc(-z);
  if (z < 3) {
    // erf(z) by the positive series; erfc = 1 − erf (absolute error ~1e-16).
    const z2 = z * z;
    let term = z;
    let sum = z;
    for (let n = 1; n < 200; n++) {
      term *= (2 * z2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - (2 / SQRTPI) * Math.exp(-z2) * sum;
  }
  if (z > 27) return 0; // below the smallest double
  // Continued fraction z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + …)))) by modified Lentz.
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = z + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = z + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z * z) / (SQRTPI * f);
}

/** The standard normal distribution function Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT1_2);
}

// AS 241 (PPND16) coefficients.
const A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

function poly(c: readonly number[], x: number): number {
  let s = c[7]!;
  for (let i = 6; i >= 0; i--) s = s * x + c[i]!;
  return s;
}

/** Φ⁻¹(p) for 0 < p < 1 (AS 241); −∞ and +∞ at 0 and 1. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    x = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -x : x;
}

// ─── gamma and beta ─────────────────────────────────────────────────────────────────────────

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1 − x) = π / sin(πx).
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const y = x - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), a, b > 0, 0 ≤ x ≤ 1. */
export function betaInc(x: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The beta density at x. */
export function betaPdf(x: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (x <= 0 || x >= 1) return 0;
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnB);
}

/** The p-quantile of Beta(a, b): the x with I_x(a, b) = p. */
export function betaQuantile(p: number, a: number, b: number, lnB = logBeta(a, b)): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  // Start from the normal approximation with the beta's mean and variance, kept inside (0, 1).
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  let x = Math.min(1 - 1e-12, Math.max(1e-12, mean + sd * normalQuantile(p)));
  for (let it = 0; it < 100; it++) {
    const f = betaInc(x, a, b, lnB) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const dens = betaPdf(x, a, b, lnB);
    let next = dens > 0 && Number.isFinite(dens) ? x - f / dens : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    // Stop when Newton has converged relative to the distance to the nearer end (so that quantiles
    // near 0 or 1 are resolved too), or when the bracket is down to adjacent doubles.
    const gap = Math.max(Math.min(next, 1 - next), 1e-300);
    if (Math.abs(next - x) <= 1e-15 * gap || hi - lo <= 2.3e-16 * Math.max(lo, 1e-300)) return next;
    x = next;
  }
  return x;
}
