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
 * of the scale. One-dimensional only: in several dimensions it returns null (the compromise model
 * is the multi-dimensional bargaining forecast here).
 */
import type { ResolvedIssue } from '../scenario/types.js';

/**
 * The disagreement point: 'veto' (default) — the status quo for veto players, the worst point of
 * the scale for the others (Concord's assumption: an actor that can be outvoted cannot guarantee
 * itself the status quo; no published source); 'statusQuo' — the status quo for everyone, as in
 * Nash (1950), where the disagreement point is what each gets without agreement, and in Achen's
 * (2006) Nash bargaining model of EU decisions, which uses the reference point for all actors.
 */
export type NashDisagreement = 'veto' | 'statusQuo';
export const NASH_DISAGREEMENTS: readonly NashDisagreement[] = ['veto', 'statusQuo'];

export interface NashResult {
  readonly outcome: number;
  /** 'statusQuo' when the veto players' disagreement point is the status quo; 'worst' when there is none. */
  readonly disagreement: 'statusQuo' | 'worst';
  /** The feasible interval F. */
  readonly feasible: readonly [number, number];
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
  mode: NashDisagreement = 'veto',
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
    return { outcome: z, disagreement, feasible: [fLo, fHi], mode };
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
  return { outcome: (l + h) / 2, disagreement, feasible: [fLo, fHi], mode };
}

export function nashModel(
  issue: ResolvedIssue,
  capability: ArrayLike<number>,
  mode: NashDisagreement = 'veto',
): NashResult | null {
  if (issue.dims !== 1) return null;
  if (!issue.rule.passable && issue.statusQuo) {
    // nothing can pass the rule: the disagreement point is the outcome
    return {
      outcome: issue.statusQuo[0]!,
      disagreement: 'statusQuo',
      feasible: [issue.statusQuo[0]!, issue.statusQuo[0]!],
    };
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
