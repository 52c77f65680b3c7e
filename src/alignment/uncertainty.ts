/**
 * The uncertainty of the camps: how much the Louvain camps and their modularity depend on which
 * roll calls happened to be voted on, and how strong they are against chance. Pure; every random
 * draw comes from a generator seeded by the caller.
 *
 * - **Bootstrap over roll calls** (Efron & Tibshirani 1993): draw as many roll calls as the window
 *   has, with replacement; recompute every pair's κ, the camps (Louvain, same seed and resolution)
 *   and their modularity. The 2.5% and 97.5% quantiles of the resampled modularity give a 95%
 *   percentile interval; for each pair, the share of resamples that put the two in the same camp.
 * - **Null model, votes permuted within each roll call**: on every roll call the votes cast by the
 *   states taking part are shuffled among them (each roll call keeps its tally; who cast which vote
 *   is random), then the camps are found again. The modularity Louvain finds on such data is what
 *   chance alone gives (Louvain always finds some structure: its Q is positive even on noise), so
 *   the camps are stronger than chance only when the observed Q exceeds the null's 95th percentile.
 *   The same idea, on roll-call networks, in Waugh, Pei, Fowler, Mucha & Porter (2009, "Party
 *   polarization in Congress: a network science approach", arXiv:0907.3509) and Macon, Mucha &
 *   Porter (2012).
 */
import { findCamps, seededRandom } from './camps.js';
import { MISSING } from './data.js';
import type { CampWeights } from './matrix.js';
import { agreement, cohenKappa } from './measures.js';
import { DEFAULT_CAMP_SEED, DEFAULT_CAMP_WEIGHTS, DEFAULT_RESOLUTION } from './options.js';

export interface CampUncertainty {
  readonly resamples: number;
  readonly permutations: number;
  readonly seed: number;
  readonly observed: number;
  /** Bootstrap over roll calls: mean and 95% percentile interval of the modularity. */
  readonly bootstrap: { readonly mean: number; readonly lo: number; readonly hi: number };
  /** For every pair, the share of resamples that put the two states in the same camp. */
  readonly sameCamp: ReadonlyArray<{ readonly a: string; readonly b: string; readonly share: number }>;
  /** Votes permuted within each roll call: mean and 95th percentile of the modularity, and the p-value. */
  readonly null: { readonly mean: number; readonly hi: number; readonly p: number };
  /** The observed modularity exceeds the null's 95th percentile. */
  readonly strongerThanChance: boolean;
}

/** Quantile of sorted values (linear interpolation between order statistics, R type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Cell of the 3×3 table (row a's code, column b's) per roll call; 9 where either is MISSING. */
function pairCells(a: Uint8Array, b: Uint8Array, out: Uint8Array): Uint8Array {
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    out[k] = x === MISSING || y === MISSING ? 9 : x * 3 + y;
  }
  return out;
}

const table = new Float64Array(10);

/** The κ (or agreement) weight matrix from the pairs' cells, each roll call counted `weight[k]` times. */
function weightsOf(
  s: number,
  cells: readonly Uint8Array[],
  weight: Int32Array | null,
  measure: CampWeights,
): Array<Array<number | null>> {
  const m = Array.from({ length: s }, () => new Array<number | null>(s).fill(null));
  let p = 0;
  for (let i = 0; i < s; i++)
    for (let j = i + 1; j < s; j++, p++) {
      table.fill(0);
      const c = cells[p]!;
      if (weight) for (let k = 0; k < c.length; k++) table[c[k]!]! += weight[k]!;
      else for (let k = 0; k < c.length; k++) table[c[k]!]!++;
      const t = Array.from(table.subarray(0, 9));
      const v = measure === 'kappa' ? cohenKappa(t, 'category', 'nominal') : agreement(t, 'category');
      const w = v === null ? null : Math.max(0, v);
      m[i]![j] = w;
      m[j]![i] = w;
    }
  return m;
}

/**
 * Bootstrap and null model of the camps of `states` over dense code vectors (`cols[i][k]`: state
 * i's code on the k-th roll call of the window).
 */
export function campUncertainty(
  states: readonly string[],
  cols: readonly Uint8Array[],
  opts: {
    observed: number;
    resamples?: number;
    permutations?: number;
    seed?: number;
    resolution?: number;
    weights?: CampWeights;
  },
): CampUncertainty {
  const resamples = opts.resamples ?? 1000;
  const permutations = opts.permutations ?? resamples;
  const seed = opts.seed ?? DEFAULT_CAMP_SEED;
  const measure = opts.weights ?? DEFAULT_CAMP_WEIGHTS;
  const louvain = { seed, resolution: opts.resolution ?? DEFAULT_RESOLUTION };
  const n = cols[0]?.length ?? 0;
  const s = states.length;
  const cells: Uint8Array[] = [];
  for (let i = 0; i < s; i++)
    for (let j = i + 1; j < s; j++) cells.push(pairCells(cols[i]!, cols[j]!, new Uint8Array(n)));
  // Bootstrap.
  const rand = seededRandom(seed);
  const weight = new Int32Array(n);
  const qs: number[] = [];
  const same = new Float64Array(s * s);
  for (let r = 0; r < resamples; r++) {
    weight.fill(0);
    for (let k = 0; k < n; k++) weight[Math.floor(rand() * n)]!++;
    const c = findCamps({ nodes: states, weights: weightsOf(s, cells, weight, measure) }, louvain);
    qs.push(c.modularity);
    for (let i = 0; i < s; i++)
      for (let j = i + 1; j < s; j++) if (c.community[i] === c.community[j]) same[i * s + j]!++;
  }
  qs.sort((a, b) => a - b);
  // Null model: votes permuted within each roll call among the states taking part.
  const rand2 = seededRandom((seed ^ 0x5bd1e995) >>> 0);
  const shuffled = cols.map((c) => new Uint8Array(c));
  const presentOf = Array.from({ length: n }, (_, k) =>
    cols.flatMap((c, i) => (c[k] !== MISSING ? [i] : [])),
  );
  const nullQs: number[] = [];
  for (let r = 0; r < permutations; r++) {
    for (let k = 0; k < n; k++) {
      const present = presentOf[k]!;
      for (let x = present.length - 1; x > 0; x--) {
        const y = Math.floor(rand2() * (x + 1));
        const a = shuffled[present[x]!]!;
        const b = shuffled[present[y]!]!;
        const t = a[k]!;
        a[k] = b[k]!;
        b[k] = t;
      }
    }
    let p = 0;
    for (let i = 0; i < s; i++)
      for (let j = i + 1; j < s; j++, p++) pairCells(shuffled[i]!, shuffled[j]!, cells[p]!);
    nullQs.push(
      findCamps({ nodes: states, weights: weightsOf(s, cells, null, measure) }, louvain).modularity,
    );
  }
  nullQs.sort((a, b) => a - b);
  const mean = (xs: readonly number[]) =>
    xs.length ? xs.reduce((t, x) => t + x, 0) / xs.length : Number.NaN;
  const hi = quantile(nullQs, 0.95);
  const atLeast = nullQs.filter((q) => q >= opts.observed - 1e-12).length;
  const sameCamp: Array<{ a: string; b: string; share: number }> = [];
  for (let i = 0; i < s; i++)
    for (let j = i + 1; j < s; j++)
      sameCamp.push({
        a: states[i]!,
        b: states[j]!,
        share: resamples ? same[i * s + j]! / resamples : Number.NaN,
      });
  return {
    resamples,
    permutations,
    seed,
    observed: opts.observed,
    bootstrap: { mean: mean(qs), lo: quantile(qs, 0.025), hi: quantile(qs, 0.975) },
    sameCamp,
    null: { mean: mean(nullQs), hi, p: permutations ? (atLeast + 1) / (permutations + 1) : Number.NaN },
    strongerThanChance: permutations > 0 && opts.observed > hi,
  };
}
