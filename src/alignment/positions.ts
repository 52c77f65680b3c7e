/**
 * Alignment measures on a generic positions matrix (actors × issues, e.g. a scenario's positions),
 * the interval-scale counterparts of ./measures.ts. Pure.
 *
 * Positions are first rescaled to [0, 1] by each issue's scale [lo, hi]. For two actors over the
 * issues on which both have a position (u, v the rescaled positions):
 * - agreement: the share of issues on which |u − v| ≤ tolerance (default 0: identical positions);
 * - S (Signorino & Ritter 1999, with the linear distance and d_max = 1): 1 − 2·mean|u − v|;
 * - κ (Cohen's weighted κ as proposed by Häge 2011, linear distance): 1 − D_o / D_e, with
 *   D_o = mean_k |u_k − v_k| and D_e = mean_{k,l} |u_k − v_l|, the expected distance if each actor's
 *   positions were paired at random across the issues (its own distribution kept); null when
 *   D_e = 0 (both actors hold one and the same position on every issue).
 * The cohesion of a group on one issue is 1 − MD / MD_max, where MD is the mean absolute
 * difference of the members' rescaled positions over all pairs and MD_max = ⌊n/2⌋⌈n/2⌉ / C(n, 2)
 * its largest possible value (half the group at each end): 1 when all agree, 0 for the widest
 * split — the interval-scale analogue of the Agreement Index's range (Hix, Noury & Roland 2005).
 */

import { ConcordError } from '../errors.js';

export interface PositionsMatrix {
  readonly actors: readonly string[];
  readonly issues: ReadonlyArray<{
    readonly id: string;
    readonly title?: string;
    readonly scale: readonly [number, number];
  }>;
  /** `values[a][k]`: actor a's position on issue k, NaN where it has none. */
  readonly values: ReadonlyArray<ReadonlyArray<number>>;
}

export interface PositionPair {
  readonly a: string;
  readonly b: string;
  /** Issues on which both have a position. */
  readonly issues: number;
  readonly agreement: number | null;
  readonly kappa: number | null;
  readonly s: number | null;
}

/**
 * Rescales every position to [0, 1] by its issue's scale. A scale must be a finite interval with
 * hi > lo, and a position finite (NaN: none); both are errors naming the issue (and actor). When
 * `x − lo` or `hi − lo` would overflow (ends near ±1.8e308) the three are first divided by the
 * scale's larger end, so that [−1e308, 1e308] gives the same shares as [−1, 1]; ordinary scales
 * are computed as before, to the bit.
 */
export function rescale(m: PositionsMatrix): number[][] {
  for (const iss of m.issues) {
    const [lo, hi] = iss.scale;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(hi > lo))
      throw new ConcordError(
        'E_VALIDATION',
        `issue ${iss.id}: the scale [${lo}, ${hi}] is not a finite interval with its upper end above its lower`,
        {
          path: `issues.${iss.id}.scale`,
          hint: 'Give the scale as [low, high] with finite numbers, low < high.',
          key: 'alignment.badScale',
          values: { issue: iss.id, low: String(lo), high: String(hi) },
        },
      );
  }
  return m.values.map((row, a) =>
    row.map((x, k) => {
      const iss = m.issues[k]!;
      const [lo, hi] = iss.scale;
      if (Number.isNaN(x)) return x;
      if (!Number.isFinite(x))
        throw new ConcordError(
          'E_VALIDATION',
          `actor ${m.actors[a] ?? a}, issue ${iss.id}: the position ${x} is not a finite number`,
          {
            path: `positions.${m.actors[a] ?? a}.${iss.id}`,
            hint: 'Give a number within the scale, or no position.',
            key: 'alignment.badPosition',
            values: { actor: String(m.actors[a] ?? a), issue: iss.id, value: String(x) },
          },
        );
      const d = x - lo;
      const w = hi - lo;
      if (Number.isFinite(d) && Number.isFinite(w)) return d / w;
      const s = Math.max(Math.abs(lo), Math.abs(hi));
      return (x / s - lo / s) / (hi / s - lo / s);
    }),
  );
}

/** Mean |x_k − y_l| over all k, l, in O(n log n): sorted merge. */
export function meanCrossDistance(x: readonly number[], y: readonly number[]): number {
  if (!x.length || !y.length) return Number.NaN;
  const ys = [...y].sort((p, q) => p - q);
  const prefix = [0];
  for (const v of ys) prefix.push(prefix[prefix.length - 1]! + v);
  const total = prefix[ys.length]!;
  let sum = 0;
  for (const v of x) {
    // number of y below v
    let lo = 0;
    let hi = ys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ys[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    const below = prefix[lo]!;
    sum += v * lo - below + (total - below) - v * (ys.length - lo);
  }
  return sum / (x.length * y.length);
}

export function pairOfPositions(
  u: readonly number[],
  v: readonly number[],
  tolerance = 0,
): Omit<PositionPair, 'a' | 'b'> {
  const x: number[] = [];
  const y: number[] = [];
  for (let k = 0; k < u.length; k++) {
    if (Number.isNaN(u[k]!) || Number.isNaN(v[k]!)) continue;
    x.push(u[k]!);
    y.push(v[k]!);
  }
  const n = x.length;
  if (!n) return { issues: 0, agreement: null, kappa: null, s: null };
  let same = 0;
  let d = 0;
  for (let k = 0; k < n; k++) {
    const dk = Math.abs(x[k]! - y[k]!);
    d += dk;
    if (dk <= tolerance + 1e-12) same++;
  }
  const observed = d / n;
  const expected = meanCrossDistance(x, y);
  return {
    issues: n,
    agreement: same / n,
    s: 1 - 2 * observed,
    kappa: expected > 1e-15 ? 1 - observed / expected : null,
  };
}

/** Every pair of actors (i < j in the matrix order). */
export function positionPairs(m: PositionsMatrix, tolerance = 0): PositionPair[] {
  const u = rescale(m);
  const out: PositionPair[] = [];
  for (let i = 0; i < m.actors.length; i++)
    for (let j = i + 1; j < m.actors.length; j++)
      out.push({ a: m.actors[i]!, b: m.actors[j]!, ...pairOfPositions(u[i]!, u[j]!, tolerance) });
  return out;
}

/** Cohesion 1 − MD / MD_max of rescaled positions in [0, 1]; null with fewer than two. */
export function spatialCohesion(values: readonly number[]): number | null {
  const v = values.filter((x) => !Number.isNaN(x));
  const n = v.length;
  if (n < 2) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sum += Math.abs(v[i]! - v[j]!);
  const pairs = (n * (n - 1)) / 2;
  const maxMd = (Math.floor(n / 2) * Math.ceil(n / 2)) / pairs;
  return 1 - sum / pairs / maxMd;
}

/** The cohesion of all actors on each issue. */
export function issueCohesion(
  m: PositionsMatrix,
): Array<{ issue: string; actors: number; cohesion: number | null }> {
  const u = rescale(m);
  return m.issues.map((iss, k) => {
    const col = u.map((row) => row[k]!).filter((x) => !Number.isNaN(x));
    return { issue: iss.id, actors: col.length, cohesion: spatialCohesion(col) };
  });
}
