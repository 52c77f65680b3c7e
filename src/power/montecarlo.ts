/**
 * Monte Carlo estimates with confidence intervals, for games too large to count exactly.
 *
 *  - Coalitions drawn uniformly (each player in with probability 1/2, the Penrose/Banzhaf model):
 *    the passage probability A, Penrose β'_i = P(i is a swing), Coleman's CP_i = P(i critical | the
 *    coalition wins) and CI_i = P(adding i wins | the coalition loses), from the same draws.
 *  - Random orders of the players (the Shapley–Shubik model): φ_i = P(i is pivotal).
 * Intervals are Wilson score intervals for proportions (Wilson 1927) at 95%; the normalised
 * Banzhaf index uses the delta method on the ratio β'_i / Σ_j β'_j. The generator is injected
 * (seeded), so results are reproducible. Indices built on minimal winning coalitions are not
 * estimated: uniform draws almost never hit a minimal winning coalition in large games.
 */
import type { NumericRule } from '../rules/compile.js';
import { sumsPredicate } from '../rules/compile.js';
import { fastRule } from './fast.js';
import type { Rng } from './rng.js';

export const Z95 = 1.959963984540054;

export type Interval = [number, number];

export interface MonteCarloResult {
  readonly samples: number;
  readonly passage: number;
  readonly passageCI: Interval;
  readonly players: ReadonlyArray<{
    penrose: number;
    penroseCI: Interval;
    banzhaf: number;
    banzhafCI: Interval;
    shapleyShubik: number;
    shapleyShubikCI: Interval;
    colemanPrevent: number | null;
    colemanPreventCI: Interval | null;
    colemanInitiate: number | null;
    colemanInitiateCI: Interval | null;
  }>;
  readonly veto: boolean[];
}

/** Wilson score interval for k successes in m trials. */
export function wilson(k: number, m: number, z = Z95): Interval {
  if (m === 0) return [0, 1];
  const p = k / m;
  const z2 = z * z;
  const den = 1 + z2 / m;
  const centre = (p + z2 / (2 * m)) / den;
  const half = (z * Math.sqrt((p * (1 - p)) / m + z2 / (4 * m * m))) / den;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export function monteCarlo(r: NumericRule, samples: number, rng: Rng): MonteCarloResult {
  const n = r.n;
  const D = r.weights.length;
  const fast = fastRule(
    r,
    Array.from({ length: n }, (_, i) => i),
  );
  const wins = fast ? (s: Float64Array) => fast.wins(s) : sumsPredicate(r);
  const sums = new Float64Array(D);
  const test = new Float64Array(D);
  const inS = new Uint8Array(n);
  const swing = new Float64Array(n);
  const critInWin = new Float64Array(n);
  const pivotInLose = new Float64Array(n);
  const swingZ = new Float64Array(n); // Σ X_i·Z, Z = Σ_j X_j
  let sumZ2 = 0;
  let won = 0;
  for (let s = 0; s < samples; s++) {
    sums.fill(0);
    let bits = 0;
    for (let i = 0; i < n; i++) {
      if (i % 32 === 0) bits = rng.uint32();
      const x = (bits >>> (i % 32)) & 1;
      inS[i] = x;
      if (x) for (let d = 0; d < D; d++) sums[d] = sums[d]! + r.weights[d]![i]!;
    }
    const w = wins(sums);
    if (w) won++;
    let z = 0;
    const marks: number[] = [];
    for (let i = 0; i < n; i++) {
      const sign = inS[i] ? -1 : 1;
      for (let d = 0; d < D; d++) test[d] = sums[d]! + sign * r.weights[d]![i]!;
      const other = wins(test);
      if (other !== w) {
        z++;
        marks.push(i);
        swing[i]!++;
        if (w) critInWin[i]!++;
        else pivotInLose[i]!++;
      }
    }
    for (const i of marks) swingZ[i] = swingZ[i]! + z;
    sumZ2 += z * z;
  }
  // Shapley–Shubik: random orders
  const perm = Array.from({ length: n }, (_, i) => i);
  const pivots = new Float64Array(n);
  for (let s = 0; s < samples; s++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      const t = perm[i]!;
      perm[i] = perm[j]!;
      perm[j] = t;
    }
    sums.fill(0);
    if (wins(sums)) continue;
    for (const i of perm) {
      for (let d = 0; d < D; d++) sums[d] = sums[d]! + r.weights[d]![i]!;
      if (wins(sums)) {
        pivots[i]!++;
        break;
      }
    }
  }
  const m = samples;
  const totalSwing = swing.reduce((a, b) => a + b, 0);
  const ez2 = sumZ2 / m;
  const meanZ = totalSwing / m;
  const full = Float64Array.from(r.totals);
  const veto = Array.from(
    { length: n },
    (_, i) => wins(full) && !wins(full.map((t, d) => t - r.weights[d]![i]!)),
  );
  return {
    samples,
    passage: won / m,
    passageCI: wilson(won, m),
    players: Array.from({ length: n }, (_, i) => {
      // Each sample is a swing for i in two ways (i in or out); the swing probability is per draw.
      const penrose = swing[i]! / m;
      const beta = totalSwing ? swing[i]! / totalSwing : 0;
      // delta method: Var(X_i/μ_Z − μ_i Z/μ_Z²) ≈ (E[X_i²] − 2β E[X_i Z] + β² E[Z²]) / μ_Z²
      const exz = swingZ[i]! / m;
      const v = meanZ ? (penrose - 2 * beta * exz + beta * beta * ez2) / (meanZ * meanZ) : 0;
      const half = Z95 * Math.sqrt(Math.max(0, v) / m);
      return {
        penrose,
        penroseCI: wilson(swing[i]!, m),
        banzhaf: beta,
        banzhafCI: [Math.max(0, beta - half), Math.min(1, beta + half)] as Interval,
        shapleyShubik: pivots[i]! / m,
        shapleyShubikCI: wilson(pivots[i]!, m),
        colemanPrevent: won ? critInWin[i]! / won : null,
        colemanPreventCI: won ? wilson(critInWin[i]!, won) : null,
        colemanInitiate: m - won ? pivotInLose[i]! / (m - won) : null,
        colemanInitiateCI: m - won ? wilson(pivotInLose[i]!, m - won) : null,
      };
    }),
    veto,
  };
}
