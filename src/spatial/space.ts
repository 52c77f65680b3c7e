/**
 * Spatial preferences in several dimensions. Each actor's utility falls with its salience-weighted
 * Euclidean distance from its ideal point, each dimension first rescaled to [0, 1] by its scale:
 *
 *   d_i(z) = sqrt( Σ_d s_id · ((z_d − x_id) / (hi_d − lo_d))² )
 *
 * so indifference curves are ellipses stretched along the dimensions the actor cares little about.
 * An actor with no position, or salience 0 on every dimension, is indifferent.
 *
 * Under a collegial rule (unanimity of the veto players) the win-set of q is the intersection of
 * the veto players' preferred-to-q ellipsoids, a convex set; the agenda setter's best point in it is
 * the projection of its ideal onto that set in its own metric, computed by Dykstra's alternating
 * projection algorithm (Boyle & Dykstra 1986), which converges to the exact projection onto an
 * intersection of convex sets. The core of unanimity is the Pareto set of the ideal points (for
 * equal dimension weights, their convex hull). Under other rules the win-set in several dimensions
 * is a union of such intersections, generally not convex, and majority rule has no core
 * (Plott 1967; McKelvey 1976): the agenda-setter outcome is then not computed.
 */
import type { ResolvedIssue } from '../scenario/types.js';

/** Reusable buffers for the computations in several dimensions. */
export class SpaceWorkspace {
  a: Float64Array = new Float64Array(0);
  b: Float64Array = new Float64Array(0);
  incr: Float64Array = new Float64Array(0);

  ensure(dims: number, sets: number): void {
    if (this.a.length < dims) {
      this.a = new Float64Array(dims);
      this.b = new Float64Array(dims);
    }
    if (this.incr.length < dims * sets) this.incr = new Float64Array(dims * sets);
  }
}

export interface SpaceInput {
  readonly n: number;
  readonly dims: number;
  readonly x: ArrayLike<number>;
  readonly s: ArrayLike<number>;
  readonly has: ArrayLike<number>;
  readonly lo: ArrayLike<number>;
  readonly hi: ArrayLike<number>;
}

/** An issue's positions, saliences and scales as the computations in several dimensions read them. */
export function issueSpace(issue: ResolvedIssue, n: number): SpaceInput {
  return {
    n,
    dims: issue.dims,
    x: issue.position,
    s: issue.salience,
    has: issue.has,
    lo: issue.lo,
    hi: issue.hi,
  };
}

/** Salience-weighted distance of actor a from point z (squared). */
export function distance2(inp: SpaceInput, a: number, z: ArrayLike<number>): number {
  let s = 0;
  for (let d = 0; d < inp.dims; d++) {
    const r = inp.hi[d]! - inp.lo[d]!;
    const v = (z[d]! - inp.x[a * inp.dims + d]!) / r;
    s += inp.s[a * inp.dims + d]! * v * v;
  }
  return s;
}

export function isActive(inp: SpaceInput, a: number): boolean {
  if (inp.has[a] === 0) return false;
  for (let d = 0; d < inp.dims; d++) if (inp.s[a * inp.dims + d]! > 0) return true;
  return false;
}

/** +1: actor a strictly prefers y to q; −1: strictly prefers q; 0: indifferent (tolerance 1e-9). */
export function preferenceN(
  inp: SpaceInput,
  a: number,
  q: ArrayLike<number>,
  y: ArrayLike<number>,
): -1 | 0 | 1 {
  if (!isActive(inp, a)) return 0;
  const dy = Math.sqrt(distance2(inp, a, y));
  const dq = Math.sqrt(distance2(inp, a, q));
  if (dy < dq - 1e-9) return 1;
  if (dy > dq + 1e-9) return -1;
  return 0;
}

/**
 * The point of ∩_{i ∈ group} { z : d_i(z) ≤ d_i(q) } ∩ scale closest to the setter's ideal in the
 * setter's metric (Dykstra's algorithm; `maxIter` sweeps, stopping when a sweep moves less than
 * 1e-12 in normalized units). Returns the point in scale units.
 */
export function setterChoiceN(
  inp: SpaceInput,
  ws: SpaceWorkspace,
  group: ArrayLike<number>,
  setter: number,
  q: ArrayLike<number>,
  maxIter = 5000,
): Float64Array {
  const { dims } = inp;
  // The setter's metric: its saliences, with a floor so that the metric is definite.
  let smax = 0;
  for (let d = 0; d < dims; d++) smax = Math.max(smax, inp.s[setter * dims + d]!);
  const w = new Float64Array(dims);
  for (let d = 0; d < dims; d++) w[d] = Math.max(inp.s[setter * dims + d]!, smax * 1e-6, 1e-12);
  const sw = w.map(Math.sqrt);
  // t = sqrt(w) ⊙ u, with u the coordinates rescaled to [0, 1].
  const members: number[] = [];
  for (let i = 0; i < inp.n; i++) if (group[i] === 1 && isActive(inp, i)) members.push(i);
  const sets = members.length + 1;
  ws.ensure(dims, sets);
  const range = (d: number) => inp.hi[d]! - inp.lo[d]!;
  const centre = new Float64Array(members.length * dims);
  const axis = new Float64Array(members.length * dims);
  const rho2 = new Float64Array(members.length);
  members.forEach((i, k) => {
    for (let d = 0; d < dims; d++) {
      centre[k * dims + d] = (sw[d]! * (inp.x[i * dims + d]! - inp.lo[d]!)) / range(d);
      axis[k * dims + d] = inp.s[i * dims + d]! / w[d]!;
    }
    rho2[k] = distance2(inp, i, q);
  });
  const t = new Float64Array(dims);
  for (let d = 0; d < dims; d++) t[d] = (sw[d]! * (inp.x[setter * dims + d]! - inp.lo[d]!)) / range(d);
  const incr = ws.incr;
  incr.fill(0, 0, dims * sets);
  const y = ws.a;
  const prev = ws.b;
  for (let it = 0; it < maxIter; it++) {
    let moved = 0;
    for (let k = 0; k < sets; k++) {
      for (let d = 0; d < dims; d++) {
        prev[d] = t[d]!;
        y[d] = t[d]! + incr[k * dims + d]!;
      }
      if (k === members.length) {
        for (let d = 0; d < dims; d++) t[d] = Math.min(Math.max(y[d]!, 0), sw[d]!);
      } else {
        projectEllipsoid(y, t, dims, axis, centre, k * dims, rho2[k]!);
      }
      for (let d = 0; d < dims; d++) {
        incr[k * dims + d] = y[d]! - t[d]!;
        moved = Math.max(moved, Math.abs(t[d]! - prev[d]!));
      }
    }
    if (moved < 1e-12) break;
  }
  const out = new Float64Array(dims);
  for (let d = 0; d < dims; d++) out[d] = inp.lo[d]! + (t[d]! / sw[d]!) * range(d);
  return out;
}

/**
 * Projects p onto { t : Σ a_d (t_d − c_d)² ≤ ρ² } (Euclidean), writing into out: the solution is
 * t_d = c_d + (p_d − c_d) / (1 + λ a_d) with λ ≥ 0 found by bisection.
 */
function projectEllipsoid(
  p: Float64Array,
  out: Float64Array,
  dims: number,
  axis: Float64Array,
  centre: Float64Array,
  off: number,
  rho2: number,
): void {
  let inside = 0;
  for (let d = 0; d < dims; d++) inside += axis[off + d]! * (p[d]! - centre[off + d]!) ** 2;
  if (inside <= rho2) {
    for (let d = 0; d < dims; d++) out[d] = p[d]!;
    return;
  }
  const g = (lam: number) => {
    let s = 0;
    for (let d = 0; d < dims; d++) {
      const a = axis[off + d]!;
      s += (a * (p[d]! - centre[off + d]!) ** 2) / (1 + lam * a) ** 2;
    }
    return s - rho2;
  };
  let hi = 1;
  while (g(hi) > 0 && hi < 1e300) hi *= 2;
  let lo = 0;
  for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
    const mid = (lo + hi) / 2;
    if (g(mid) > 0) lo = mid;
    else hi = mid;
  }
  for (let d = 0; d < dims; d++) {
    const a = axis[off + d]!;
    out[d] = centre[off + d]! + (p[d]! - centre[off + d]!) / (1 + hi * a);
  }
}

// ───────────────────────── Pareto optimality and improving directions ─────────────────────────

/**
 * The gradient of actor a's distance d_a at z, in the normalized coordinates u_d = (z_d − lo_d) /
 * (hi_d − lo_d): ∂d_a/∂u_d = s_ad (u_d − ξ_ad) / d_a. Written into out; false (out zeroed) when z is
 * the actor's ideal point (d_a = 0, where the distance has a kink).
 */
export function distanceGradient(
  inp: SpaceInput,
  a: number,
  z: ArrayLike<number>,
  out: Float64Array,
): boolean {
  const dist = Math.sqrt(distance2(inp, a, z));
  for (let d = 0; d < inp.dims; d++) out[d] = 0;
  if (!(dist > 0)) return false;
  for (let d = 0; d < inp.dims; d++) {
    const r = inp.hi[d]! - inp.lo[d]!;
    out[d] = (inp.s[a * inp.dims + d]! * ((z[d]! - inp.x[a * inp.dims + d]!) / r)) / dist;
  }
  return true;
}

/**
 * A direction (normalized coordinates, unit length) in which every actor of `group` (1 = in it)
 * strictly gains from z at first order and that stays inside the scale, or null when there is none:
 * then z is (weakly) Pareto optimal for the group within the scale — no move makes all of them
 * better off. By Gordan's theorem a direction v with g_a · v < 0 for every gradient g_a exists
 * exactly when 0 is outside the convex hull of the gradients; the candidate v is minus the hull's
 * point closest to 0 (found by projected gradient on the simplex of weights), and it is accepted only
 * after checking every g_a · v < 0, so a non-null answer is always a true improving direction. The
 * scale's faces that z touches join as gradients −e_d or +e_d. An actor of the group at its ideal
 * point z cannot gain: null. Actors with no position or salience 0 are ignored.
 */
export function improvingDirection(
  inp: SpaceInput,
  group: ArrayLike<number>,
  z: ArrayLike<number>,
): Float64Array | null {
  const { dims } = inp;
  const grads: Float64Array[] = [];
  const g = new Float64Array(dims);
  for (let a = 0; a < inp.n; a++) {
    if (group[a] !== 1 || !isActive(inp, a)) continue;
    if (!distanceGradient(inp, a, z, g)) return null;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += g[d]! * g[d]!;
    norm = Math.sqrt(norm);
    if (!(norm > 0)) return null;
    grads.push(g.map((v) => v / norm));
  }
  for (let d = 0; d < dims; d++) {
    const r = inp.hi[d]! - inp.lo[d]!;
    const e = new Float64Array(dims);
    if (z[d]! <= inp.lo[d]! + 1e-12 * r) {
      e[d] = -1;
      grads.push(e);
    } else if (z[d]! >= inp.hi[d]! - 1e-12 * r) {
      e[d] = 1;
      grads.push(e);
    }
  }
  const v = new Float64Array(dims);
  if (grads.length === 0) return null;
  if (dims === 2) return improvingDirection2(grads);
  const k = grads.length;
  // min |Σ λ_j g_j|² over the simplex: projected gradient with Nesterov momentum (FISTA).
  let lam: Float64Array = new Float64Array(k).fill(1 / k);
  const yv = lam.slice();
  let t = 1;
  const m = new Float64Array(dims);
  const L = 2 * k; // |g_j| = 1: a bound on the Lipschitz constant of the gradient 2·GᵀG
  for (let it = 0; it < 4000; it++) {
    m.fill(0);
    for (let j = 0; j < k; j++) for (let d = 0; d < dims; d++) m[d] = m[d]! + yv[j]! * grads[j]![d]!;
    const step = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += grads[j]![d]! * m[d]!;
      step[j] = yv[j]! - (2 * dot) / L;
    }
    const next = projectSimplex(step);
    const t1 = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    for (let j = 0; j < k; j++) yv[j] = next[j]! + ((t - 1) / t1) * (next[j]! - lam[j]!);
    lam = next;
    t = t1;
    // check the candidate every so often: −m improves for every gradient?
    if (it % 50 === 49 || it === 3999) {
      m.fill(0);
      for (let j = 0; j < k; j++) for (let d = 0; d < dims; d++) m[d] = m[d]! + lam[j]! * grads[j]![d]!;
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += m[d]! * m[d]!;
      norm = Math.sqrt(norm);
      if (norm < 1e-14) return null;
      let ok = true;
      for (let j = 0; j < k && ok; j++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += grads[j]![d]! * m[d]!;
        if (!(dot > 1e-12)) ok = false;
      }
      if (ok) {
        for (let d = 0; d < dims; d++) v[d] = -m[d]! / norm;
        return v;
      }
    }
  }
  return null;
}

/**
 * Two dimensions, exactly: the unit gradients fit in an open half-plane (an improving direction
 * exists) exactly when the largest angular gap between them, sorted by angle, exceeds π; the
 * direction is then opposite the middle of the arc that holds them.
 */
function improvingDirection2(grads: readonly Float64Array[]): Float64Array | null {
  const ang = grads.map((g) => Math.atan2(g[1]!, g[0]!)).sort((a, b) => a - b);
  let gap = ang[0]! + 2 * Math.PI - ang[ang.length - 1]!;
  let after = ang[0]!; // the arc starts after the largest gap
  for (let j = 1; j < ang.length; j++) {
    if (ang[j]! - ang[j - 1]! > gap) {
      gap = ang[j]! - ang[j - 1]!;
      after = ang[j]!;
    }
  }
  if (!(gap > Math.PI + 1e-12)) return null;
  const mid = after + (2 * Math.PI - gap) / 2;
  const v = Float64Array.of(-Math.cos(mid), -Math.sin(mid));
  for (const g of grads) if (!(g[0]! * v[0]! + g[1]! * v[1]! < -1e-12)) return null;
  return v;
}

/** Euclidean projection onto the simplex { λ ≥ 0, Σ λ = 1 } (Held, Wolfe & Crowder 1974). */
function projectSimplex(y: Float64Array): Float64Array {
  // sorted descending, θ = max over prefixes with u_j > (Σ_{≤j} u − 1) / j
  const u = Array.from(y).sort((a, b) => b - a);
  let css = 0;
  let theta = 0;
  for (let j = 0; j < u.length; j++) {
    css += u[j]!;
    const th = (css - 1) / (j + 1);
    if (u[j]! - th > 0) theta = th;
  }
  return y.map((v) => Math.max(v - theta, 0));
}

/**
 * Whether z is in the Pareto set of the group's ideal points (within the scale): no point of the
 * scale is strictly better for every member (see improvingDirection). With equal saliences on the
 * dimensions the Pareto set is the convex hull of the ideal points; with unequal ones it is the set
 * of points z_d = Σ λ_a s_ad x_ad / Σ λ_a s_ad (λ ≥ 0), curved. Under a unanimity-type rule it is the
 * core of the veto players (the status quo in it cannot be beaten).
 */
export function paretoOptimal(inp: SpaceInput, group: ArrayLike<number>, z: ArrayLike<number>): boolean {
  return improvingDirection(inp, group, z) === null;
}
