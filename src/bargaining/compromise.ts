/**
 * The compromise model: the outcome is the mean of the actors' positions weighted by capability ×
 * salience,
 *
 *   O_d = Σ_i c_i s_id x_id / Σ_i c_i s_id        (separately on each dimension d)
 *
 * Sources: van den Bos (1991), Dutch EC Policy Making: A Model-Guided Approach to Coordination and
 * Negotiation; Achen (2006), "Evaluating political decision-making models", in Thomson, Stokman,
 * Achen & König (eds.), The European Union Decides, ch. 10, where it is the most accurate model on
 * the DEU data. It is also what the DECIDE exchange-model package calls its "Nash bargaining
 * solution" (`nash_bargaining_solution`: O_d = Σ C S X / Σ C S; its tests give 200/3 for positions
 * 0, 100, 100 with equal weights): Achen shows the weighted mean is the Nash bargaining solution
 * with quadratic utilities and a distant disagreement point. Actors without a position have no
 * weight. Works in any number of dimensions.
 */
import type { ResolvedIssue } from '../scenario/types.js';

/** Writes the weighted mean into `out` (one value per dimension); returns false when all weights are 0. */
export function weightedMean(
  n: number,
  dims: number,
  position: ArrayLike<number>,
  salience: ArrayLike<number>,
  has: ArrayLike<number>,
  capability: ArrayLike<number>,
  out: Float64Array,
): boolean {
  let ok = true;
  for (let d = 0; d < dims; d++) {
    let num = 0;
    let den = 0;
    for (let i = 0; i < n; i++) {
      if (has[i] === 0) continue;
      const w = capability[i]! * salience[i * dims + d]!;
      num += w * position[i * dims + d]!;
      den += w;
    }
    if (den > 0) out[d] = num / den;
    else {
      out[d] = Number.NaN;
      ok = false;
    }
  }
  return ok;
}

export function compromiseModel(issue: ResolvedIssue, capability: ArrayLike<number>): Float64Array | null {
  const out = new Float64Array(issue.dims);
  const ok = weightedMean(
    capability.length,
    issue.dims,
    issue.position,
    issue.salience,
    issue.has,
    capability,
    out,
  );
  return ok ? out : null;
}
