/**
 * The Nash bargaining solution (Nash 1950), asymmetric (Kalai 1977; Roth 1979), on one dimension:
 *
 *   O = argmax_{z ∈ F}  Σ_i w_i · log( u_i(z) − u_i(δ_i) ),      w_i = c_i s_i,
 *
 * with Euclidean (linear-loss) utilities u_i(z) = −s_i |z − x_i| (the salience cancels inside the
 * logarithm, so it acts only through the weight w_i), so each gain is g_i(z) = a_i − |z − x_i| with
 * a_i = |δ_i − x_i|.
 *
 * The disagreement point δ_i is what actor i can guarantee itself if bargaining fails:
 *  - the status quo q for a veto player (it can block any change: Achen 2006 uses the reference
 *    point as the disagreement point);
 *  - its worst point on the scale for an actor without a veto, who can be outvoted, and for
 *    everyone when the issue has no status quo. With positions 0, 100, 100 and equal weights on
 *    [0, 100] this gives 200/3, the value the DECIDE package documents for its Nash solution
 *    (there computed as the weighted mean; see ./compromise.ts).
 * The feasible set F is the scale intersected with the outcomes every veto player weakly prefers to
 * q ("under a rule with vetoes, only outcomes every veto player weakly prefers to it"); under
 * consensus that is the unanimity win-set, so no member is worse off than under q.
 *
 * The objective is concave (a sum of logarithms of concave positive functions), so the maximum is
 * found exactly by bisection on its (sub)derivative Σ_i w_i sign(x_i − z) / g_i(z), down to 1e-12
 * of the scale.
 *
 * In several dimensions (nashSpace) the same product is maximised over the space, not dimension by
 * dimension: utilities fall with the salience-weighted Euclidean distance of ../spatial/space.ts,
 * u_i(z) = −d_i(z) (indifference curves are ellipses), each actor's weight is w_i = c_i · s̄_i (its
 * mean salience over the dimensions; for one dimension, c_i s_i as above), its gain is
 * g_i(z) = d_i(δ_i) − d_i(z), and the worst point of the scale is the corner farthest from the
 * actor. The feasible set is the scale ∩ { z : d_i(z) ≤ d_i(q) } for the actors whose disagreement
 * point is q — the log terms keep the maximiser inside it. The objective is concave on a convex set;
 * it is maximised by projected gradient ascent with backtracking from a strictly feasible start
 * (found along a direction improving for every such actor, ../spatial/space.ts improvingDirection),
 * and an actor's ideal point (where the objective has a kink) is taken exactly when the optimality
 * condition holds there. When no point is strictly better than q for all of them (q is in their
 * Pareto set) the outcome is q. Checked against a grid search (test/bargaining/nash-space.test.ts).
 */
import type { ResolvedIssue } from '../scenario/types.js';
import {
  distance2,
  distanceGradient,
  improvingDirection,
  isActive,
  issueSpace,
  type SpaceInput,
} from '../spatial/space.js';
import { DEFAULT_NASH_DISAGREEMENT, type NashDisagreement } from './options.js';

/**
 * The disagreement point: 'veto' (default) — the status quo for veto players, the worst point of
 * the scale for the others (Concord's assumption: an actor that can be outvoted cannot guarantee
 * itself the status quo; no published source); 'statusQuo' — the status quo for everyone, as in
 * Nash (1950), where the disagreement point is what each gets without agreement, and in Achen's
 * (2006) Nash bargaining model of EU decisions, which uses the reference point for all actors.
 */
export { NASH_DISAGREEMENTS, type NashDisagreement } from './options.js';

export interface NashResult {
  /** The outcome on the first dimension (the outcome of a one-dimensional issue). */
  readonly outcome: number;
  /** The outcome, one number per dimension. */
  readonly point?: Float64Array;
  /** 'statusQuo' when the veto players' disagreement point is the status quo; 'worst' when there is none. */
  readonly disagreement: 'statusQuo' | 'worst';
  /** The feasible interval F (one dimension); in several dimensions null (F is the veto players' preferred-to-q set). */
  readonly feasible: readonly [number, number] | null;
  /** Whose disagreement point is the status quo (see NashDisagreement). */
  readonly mode?: NashDisagreement;
}

export function nashBargaining(
  n: number,
  x: ArrayLike<number>,
  salience: ArrayLike<number>,
  has: ArrayLike<number>,
  capability: ArrayLike<number>,
  veto: ArrayLike<number>,
  q: number | null,
  lo: number,
  hi: number,
  mode: NashDisagreement = DEFAULT_NASH_DISAGREEMENT,
): NashResult | null {
  // The feasible interval F.
  let fLo = lo;
  let fHi = hi;
  if (q !== null) {
    for (let i = 0; i < n; i++) {
      if (veto[i] !== 1 || has[i] === 0 || !(salience[i]! > 0)) continue;
      const r = Math.abs(q - x[i]!);
      if (x[i]! - r > fLo) fLo = x[i]! - r;
      if (x[i]! + r < fHi) fHi = x[i]! + r;
    }
  }
  const disagreement = q === null ? 'worst' : 'statusQuo';
  let total = 0;
  for (let i = 0; i < n; i++) if (has[i] === 1) total += capability[i]! * salience[i]!;
  if (!(total > 0)) return null;
  const eps = (hi - lo) * 1e-12;
  if (fHi - fLo <= eps) {
    const z = q !== null ? q : fLo;
    return { outcome: z, point: Float64Array.of(z), disagreement, feasible: [fLo, fHi], mode };
  }
  const a = (i: number) =>
    q !== null && (veto[i] === 1 || mode === 'statusQuo')
      ? Math.abs(q - x[i]!)
      : Math.max(x[i]! - lo, hi - x[i]!);
  // Left and right derivatives of the objective at z.
  const slopes = (z: number): [number, number] => {
    let left = 0;
    let right = 0;
    for (let i = 0; i < n; i++) {
      if (has[i] === 0) continue;
      const w = capability[i]! * salience[i]!;
      if (!(w > 0)) continue;
      const g = a(i) - Math.abs(z - x[i]!);
      const t = g > 0 ? w / g : Number.POSITIVE_INFINITY;
      if (x[i]! > z) {
        left += t;
        right += t;
      } else if (x[i]! < z) {
        left -= t;
        right -= t;
      } else {
        left += t; // moving left from x_i lowers the gain: the left derivative is +w/a
        right -= t;
      }
    }
    return [left, right];
  };
  let l = fLo;
  let h = fHi;
  for (let k = 0; k < 200 && h - l > eps; k++) {
    const z = (l + h) / 2;
    const [left, right] = slopes(z);
    if (right > 0) l = z;
    else if (left < 0) h = z;
    else {
      l = z;
      h = z;
    }
  }
  const z = (l + h) / 2;
  return { outcome: z, point: Float64Array.of(z), disagreement, feasible: [fLo, fHi], mode };
}

export function nashModel(
  issue: ResolvedIssue,
  capability: ArrayLike<number>,
  mode: NashDisagreement = DEFAULT_NASH_DISAGREEMENT,
): NashResult | null {
  if (!issue.rule.passable && issue.statusQuo) {
    // nothing can pass the rule: the disagreement point is the outcome
    return {
      outcome: issue.statusQuo[0]!,
      point: issue.statusQuo.slice(),
      disagreement: 'statusQuo',
      feasible: issue.dims === 1 ? [issue.statusQuo[0]!, issue.statusQuo[0]!] : null,
    };
  }
  if (issue.dims !== 1) {
    return nashSpace(
      issueSpace(issue, capability.length),
      capability,
      issue.rule.veto,
      issue.statusQuo,
      mode,
    );
  }
  return nashBargaining(
    capability.length,
    issue.position,
    issue.salience,
    issue.has,
    capability,
    issue.rule.veto,
    issue.statusQuo ? issue.statusQuo[0]! : null,
    issue.lo[0]!,
    issue.hi[0]!,
    mode,
  );
}

/**
 * The asymmetric Nash bargaining solution over the space (see the header). `q` null: every actor's
 * disagreement point is its worst corner of the scale.
 */
export function nashSpace(
  inp: SpaceInput,
  capability: ArrayLike<number>,
  veto: ArrayLike<number>,
  q: ArrayLike<number> | null,
  mode: NashDisagreement = DEFAULT_NASH_DISAGREEMENT,
): NashResult | null {
  const { n, dims } = inp;
  const disagreement = q === null ? 'worst' : 'statusQuo';
  const w = new Float64Array(n);
  const a = new Float64Array(n);
  const bound = new Uint8Array(n);
  const corner = new Float64Array(dims);
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!isActive(inp, i)) continue;
    let sbar = 0;
    for (let d = 0; d < dims; d++) sbar += inp.s[i * dims + d]!;
    w[i] = capability[i]! * (sbar / dims);
    if (!(w[i]! > 0)) continue;
    total += w[i]!;
    if (q !== null && (veto[i] === 1 || mode === 'statusQuo')) {
      bound[i] = 1;
      a[i] = Math.sqrt(distance2(inp, i, q));
    } else {
      for (let d = 0; d < dims; d++) {
        const x = inp.x[i * dims + d]!;
        corner[d] = x - inp.lo[d]! > inp.hi[d]! - x ? inp.lo[d]! : inp.hi[d]!;
      }
      a[i] = Math.sqrt(distance2(inp, i, corner));
    }
  }
  if (!(total > 0)) return null;
  const done = (z: ArrayLike<number>): NashResult => ({
    outcome: z[0]!,
    point: Float64Array.from(z),
    disagreement,
    feasible: null,
    mode,
  });
  // Work in scale units; the gradient in normalized units is rescaled by the ranges.
  const r = Float64Array.from({ length: dims }, (_, d) => inp.hi[d]! - inp.lo[d]!);
  const f = (z: ArrayLike<number>): number => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (!(w[i]! > 0)) continue;
      const g = a[i]! - Math.sqrt(distance2(inp, i, z));
      if (!(g > 0)) return Number.NEGATIVE_INFINITY;
      v += w[i]! * Math.log(g);
    }
    return v;
  };
  // A strictly feasible start.
  let z: Float64Array;
  let anyBound = false;
  for (let i = 0; i < n; i++) if (bound[i]) anyBound = true;
  if (anyBound) {
    for (let i = 0; i < n; i++) if (bound[i] && !(a[i]! > 0)) return done(q!); // a veto player at q
    const v = improvingDirection(inp, bound, q!);
    if (!v) return done(q!);
    z = new Float64Array(dims);
    let t = 0.5;
    for (let k = 0; k < 80; k++, t /= 2) {
      for (let d = 0; d < dims; d++)
        z[d] = Math.min(Math.max(q![d]! + t * v[d]! * r[d]!, inp.lo[d]!), inp.hi[d]!);
      if (Number.isFinite(f(z))) break;
    }
    if (!Number.isFinite(f(z))) return done(q!);
  } else {
    z = Float64Array.from({ length: dims }, (_, d) => (inp.lo[d]! + inp.hi[d]!) / 2);
    if (!Number.isFinite(f(z))) {
      // only when some actor's farthest corner is its own point (a zero range): start at the mean
      for (let d = 0; d < dims; d++) {
        let num = 0;
        for (let i = 0; i < n; i++) num += w[i]! * inp.x[i * dims + d]!;
        z[d] = num / total;
      }
    }
  }
  const grad = new Float64Array(dims);
  const gi = new Float64Array(dims);
  const gradient = (p: ArrayLike<number>): void => {
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      if (!(w[i]! > 0)) continue;
      if (!distanceGradient(inp, i, p, gi)) continue;
      const g = a[i]! - Math.sqrt(distance2(inp, i, p));
      for (let d = 0; d < dims; d++) grad[d] = grad[d]! - (w[i]! * gi[d]!) / g / r[d]!;
    }
  };
  let fz = f(z);
  let eta = 1;
  const trial = new Float64Array(dims);
  for (let it = 0; it < 20000; it++) {
    gradient(z);
    let moved = 0;
    let accepted = false;
    for (let k = 0; k < 60; k++) {
      let dot = 0;
      for (let d = 0; d < dims; d++) {
        // the step is taken in units of the scale squared, so that every dimension moves alike
        trial[d] = Math.min(Math.max(z[d]! + eta * grad[d]! * r[d]! * r[d]!, inp.lo[d]!), inp.hi[d]!);
        dot += grad[d]! * (trial[d]! - z[d]!);
      }
      const ft = f(trial);
      if (ft >= fz + 1e-4 * dot && ft > Number.NEGATIVE_INFINITY) {
        moved = 0;
        for (let d = 0; d < dims; d++) moved = Math.max(moved, Math.abs(trial[d]! - z[d]!) / r[d]!);
        z.set(trial);
        fz = ft;
        accepted = true;
        eta *= 2;
        break;
      }
      eta /= 2;
    }
    if (!accepted || moved < 1e-13) break;
  }
  // The kinks: an actor's ideal point is the maximiser when the others' pull is within its own.
  for (let i = 0; i < n; i++) {
    if (!(w[i]! > 0)) continue;
    const xi = Float64Array.from({ length: dims }, (_, d) => inp.x[i * dims + d]!);
    const fx = f(xi);
    if (!(fx >= fz - 1e-9 * Math.abs(fz) - 1e-12)) continue;
    grad.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i || !(w[j]! > 0)) continue;
      if (!distanceGradient(inp, j, xi, gi)) continue;
      const g = a[j]! - Math.sqrt(distance2(inp, j, xi));
      for (let d = 0; d < dims; d++) grad[d] = grad[d]! - (w[j]! * gi[d]!) / g;
    }
    // superdifferential of w_i log(a_i − d_i) at x_i: −(w_i / a_i) · {S^{1/2} b : |b| ≤ 1} (normalized units)
    let need = 0;
    let inBox = true;
    for (let d = 0; d < dims; d++) {
      const s = inp.s[i * dims + d]!;
      const x = xi[d]!;
      if (x < inp.lo[d]! || x > inp.hi[d]!) inBox = false;
      if (s > 0) need += (grad[d]! * grad[d]!) / s;
      else if (Math.abs(grad[d]!) > 1e-12) need = Number.POSITIVE_INFINITY;
    }
    if (inBox && Math.sqrt(need) <= w[i]! / a[i]! + 1e-12) return done(xi);
  }
  return done(z);
}
