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
