/**
 * The pairwise matrices of the alignment page, from the pairs the API returns. The same arithmetic
 * as `pairMatrix` and `campGraph` in src/alignment/analysis.ts, which cannot be bundled as is: that
 * module also holds the Louvain search, whose graph library needs Node's `events` module (the lab's
 * camps come from the server instead).
 */
import type { CampWeights, PairMeasure, PairStats } from '../../src/alignment/analysis.js';

export function pairMatrix(
  states: readonly string[],
  pairs: readonly PairStats[],
  measure: PairMeasure,
): Array<Array<number | null>> {
  const idx = new Map(states.map((s, i) => [s, i]));
  const m = states.map(() => states.map(() => null as number | null));
  for (const p of pairs) {
    const i = idx.get(p.a);
    const j = idx.get(p.b);
    if (i === undefined || j === undefined) continue;
    m[i]![j] = p[measure];
    m[j]![i] = p[measure];
  }
  return m;
}

/** Edge weights of the camps graph: κ or agreement, negative values as no edge. */
export function campWeights(
  states: readonly string[],
  pairs: readonly PairStats[],
  weights: CampWeights,
): Array<Array<number | null>> {
  return pairMatrix(states, pairs, weights === 'kappa' ? 'kappa' : 'agreement').map((row) =>
    row.map((x) => (x === null ? null : Math.max(0, x))),
  );
}
