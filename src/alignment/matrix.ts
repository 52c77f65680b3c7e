/**
 * Matrices over the pairs of states: one pairwise measure as a symmetric matrix, and the weights of
 * the agreement graph whose communities are the camps. Pure and browser-safe (only type imports),
 * so the report, the CLI and the web lab share it.
 */
import type { PairStats } from './analysis.js';
import type { WeightedGraph } from './camps.js';
import type { CampWeights } from './options.js';

export type PairMeasure = 'agreement' | 'agreementYesNo' | 'kappa' | 'kappaYesNo' | 's';

/**
 * Edge weights of the agreement graph: `kappa` (default) is Cohen's κ with 0 as a vote, negative
 * values set to 0 (pairs agreeing no more than chance get no edge); `agreement` the raw share of
 * identical votes. Raw agreement is inflated by the many resolutions nearly everyone supports
 * (Häge 2011), and the modularity null model then finds little structure in a small group.
 */
export type { CampWeights } from './options.js';

/** A symmetric matrix of one measure (null where the pair has no value). */
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

/** The weight matrix of the agreement graph (negative weights as no edge). */
export function campGraph(
  states: readonly string[],
  pairs: readonly PairStats[],
  weights: CampWeights,
): WeightedGraph {
  const m = pairMatrix(states, pairs, weights === 'kappa' ? 'kappa' : 'agreement');
  return { nodes: states, weights: m.map((row) => row.map((x) => (x === null ? null : Math.max(0, x)))) };
}
