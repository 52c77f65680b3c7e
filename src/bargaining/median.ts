/**
 * The weighted median: the position p minimizing Σ_i w_i |x_i − p| with weights w_i = c_i s_i
 * (capability × salience) — Black's (1958) median voter, with weighted votes. It is the smallest
 * position at which the cumulative weight, positions sorted, reaches half the total; when the
 * cumulative weight equals exactly half at a position (every point up to the next position then
 * minimizes the sum), the midpoint of the two positions is returned. It is also the Condorcet winner
 * among the positions in pairwise votes v = Σ_i w_i (|x_i − x_k| − |x_i − x_j|) that Bueno de
 * Mesquita's model uses as its forecast (Scholz, Calbert & Smith 2011, §3).
 *
 * Check (Scholz et al.'s EU car-emissions case; Bueno de Mesquita 1994): capabilities .08 .08 .03
 * .16 .16 .16 .16 .05 .05 .08, positions 4 7 4 4 10 10 10 7 4 7, saliences .8 .4 .2 .8 .6 .6 .9 .1 1
 * .7: the weighted median is 7. In several dimensions the median is taken dimension by dimension
 * (the outcome under separable preferences; it need not be a Condorcet winner in the plane).
 */
import type { ResolvedIssue } from '../scenario/types.js';

export class MedianWorkspace {
  order: Int32Array = new Int32Array(0);
  ensure(n: number): void {
    if (this.order.length < n) this.order = new Int32Array(n);
  }
}

const shared = new MedianWorkspace();

/**
 * The weighted median of values v[i * stride + offset] with weights w(i), over actors with has[i]
 * = 1 and a positive weight. NaN when the total weight is 0.
 */
export function weightedMedian(
  n: number,
  values: ArrayLike<number>,
  stride: number,
  offset: number,
  weight: (i: number) => number,
  has: ArrayLike<number>,
  ws: MedianWorkspace = shared,
): number {
  ws.ensure(n);
  const order = ws.order;
  let m = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (has[i] === 0) continue;
    const w = weight(i);
    if (!(w > 0)) continue;
    total += w;
    // insertion by value
    const v = values[i * stride + offset]!;
    let j = m - 1;
    while (j >= 0 && values[order[j]! * stride + offset]! > v) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = i;
    m++;
  }
  if (m === 0) return Number.NaN;
  const half = total / 2;
  let cum = 0;
  let k = 0;
  while (k < m) {
    // the whole group of actors at this position
    const v = values[order[k]! * stride + offset]!;
    while (k < m && values[order[k]! * stride + offset]! === v) cum += weight(order[k++]!);
    if (cum >= half - total * 1e-12) {
      // exactly half: every point up to the next position minimizes the sum; take the midpoint
      if (k < m && Math.abs(cum - half) <= total * 1e-12)
        return (v + values[order[k]! * stride + offset]!) / 2;
      return v;
    }
  }
  return values[order[m - 1]! * stride + offset]!;
}

export function medianModel(
  issue: ResolvedIssue,
  capability: ArrayLike<number>,
  ws?: MedianWorkspace,
): Float64Array | null {
  const n = capability.length;
  const out = new Float64Array(issue.dims);
  for (let d = 0; d < issue.dims; d++) {
    const m = weightedMedian(
      n,
      issue.position,
      issue.dims,
      d,
      (i) => capability[i]! * issue.salience[i * issue.dims + d]!,
      issue.has,
      ws,
    );
    if (Number.isNaN(m)) return null;
    out[d] = m;
  }
  return out;
}
