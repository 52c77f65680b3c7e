/**
 * Coder reliability: Krippendorff's alpha over the codings of a scenario's positions and saliences,
 * and the scenario as one coder coded it.
 *
 * Alpha (Krippendorff 2004, Content Analysis, 2nd ed., ch. 11; Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", Annenberg School for Communication, University of
 * Pennsylvania): α = 1 − D_o / D_e, where, over the n pairable values (those in units coded by at
 * least two coders),
 *   D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} δ²(v_i, v_j)   (disagreement within units)
 *   D_e = 1/(n(n − 1)) Σ_{i≠j} δ²(v_i, v_j)                  (disagreement between any two values)
 * with δ²(c, k) = (c − k)² (interval metric) or [c ≠ k] (nominal). α = 1 is perfect agreement, 0
 * agreement at chance level; Krippendorff advises α ≥ 0.8 to rely on data, ≥ 0.667 for tentative
 * conclusions. The units here are actor × issue; the values are positions (rescaled to 0–100 so that
 * issues with different scales pool; interval alpha is unchanged by such a rescaling) or saliences.
 *
 * The interval: a seeded bootstrap over units (1,000 resamples by default; units drawn with
 * replacement, alpha recomputed), the 2.5% and 97.5% quantiles. This is a plain unit bootstrap, not
 * Krippendorff's own algorithm (which resamples pairs of values).
 */
import { seededRng } from '../power/rng.js';
import type { ResolvedIssue, ResolvedScenario } from './types.js';

export type AlphaMetric = 'interval' | 'nominal';

export interface AlphaResult {
  /** null when no unit has two values, or every pairable value is the same (0/0). */
  readonly alpha: number | null;
  /** Units with at least two values. */
  readonly units: number;
  /** Pairable values. */
  readonly values: number;
  readonly ci95?: [number, number] | null;
}

/** Krippendorff's alpha of units (each the list of values the coders gave it; missing values left out). */
export function krippendorffAlpha(
  units: ReadonlyArray<ReadonlyArray<number>>,
  metric: AlphaMetric = 'interval',
): AlphaResult {
  const delta =
    metric === 'interval'
      ? (a: number, b: number) => (a - b) ** 2
      : (a: number, b: number) => (a === b ? 0 : 1);
  const pairable = units.filter((u) => u.length >= 2);
  const all: number[] = pairable.flat();
  const n = all.length;
  if (n < 2) return { alpha: null, units: pairable.length, values: n };
  let dO = 0;
  for (const u of pairable) {
    let t = 0;
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) t += delta(u[i]!, u[j]!);
    dO += t / (u.length - 1);
  }
  dO /= n;
  let dE = 0;
  if (metric === 'interval') {
    // Σ_{i≠j} (v_i − v_j)² = 2 n Σ (v − mean)²
    const mean = all.reduce((t, v) => t + v, 0) / n;
    const ss = all.reduce((t, v) => t + (v - mean) ** 2, 0);
    dE = (2 * n * ss) / (n * (n - 1));
  } else {
    const counts = new Map<number, number>();
    for (const v of all) counts.set(v, (counts.get(v) ?? 0) + 1);
    let same = 0;
    for (const c of counts.values()) same += c * (c - 1);
    dE = (n * (n - 1) - same) / (n * (n - 1));
  }
  if (!(dE > 0)) return { alpha: null, units: pairable.length, values: n };
  return { alpha: 1 - dO / dE, units: pairable.length, values: n };
}

/** The bootstrap of alpha's interval: resamples and seed when none are given (the library and `concord reliability`). */
export const DEFAULT_RELIABILITY_RESAMPLES = 1000;
export const DEFAULT_RELIABILITY_SEED = 1;

/** Alpha with a seeded bootstrap interval over units. */
export function alphaWithInterval(
  units: ReadonlyArray<ReadonlyArray<number>>,
  opts: { metric?: AlphaMetric; resamples?: number; seed?: number } = {},
): AlphaResult {
  const metric = opts.metric ?? 'interval';
  const base = krippendorffAlpha(units, metric);
  const resamples = opts.resamples ?? DEFAULT_RELIABILITY_RESAMPLES;
  const pairable = units.filter((u) => u.length >= 2);
  if (base.alpha === null || resamples <= 0 || pairable.length < 2) return { ...base, ci95: null };
  const rng = seededRng(opts.seed ?? DEFAULT_RELIABILITY_SEED);
  const out: number[] = [];
  const pick: Array<ReadonlyArray<number>> = new Array(pairable.length);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < pairable.length; k++) pick[k] = pairable[Math.floor(rng.next() * pairable.length)]!;
    const a = krippendorffAlpha(pick, metric).alpha;
    if (a !== null) out.push(a);
  }
  if (out.length === 0) return { ...base, ci95: null };
  out.sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (out.length - 1) * p;
    const l = Math.floor(h);
    return out[l]! + (out[Math.min(l + 1, out.length - 1)]! - out[l]!) * (h - l);
  };
  return { ...base, ci95: [q(0.025), q(0.975)] };
}

/** The units of an issue: per actor with codings, the coders' positions (0–100) or saliences, per dimension. */
export function issueUnits(is: ResolvedIssue, what: 'position' | 'salience'): number[][] {
  const units: number[][] = [];
  const cs = is.codings;
  if (!cs) return units;
  for (const list of cs) {
    if (!list) continue;
    for (let d = 0; d < is.dims; d++) {
      units.push(
        list.map((c) =>
          what === 'position'
            ? ((c.position[d]! - is.lo[d]!) / (is.hi[d]! - is.lo[d]!)) * 100
            : c.salience[d]!,
        ),
      );
    }
  }
  return units;
}

/** The coders named in a scenario's codings. */
export function codersOf(s: ResolvedScenario): string[] {
  const set = new Set<string>();
  for (const is of s.issues)
    for (const l of is.codings ?? []) for (const c of l ?? []) if (c.coder) set.add(c.coder);
  return [...set].sort();
}

/** The coders some of whose codings say they are not independent (`independent: false`). */
export function dependentCodersOf(s: ResolvedScenario): string[] {
  const set = new Set<string>();
  for (const is of s.issues)
    for (const l of is.codings ?? [])
      for (const c of l ?? []) if (c.coder && c.independent === false) set.add(c.coder);
  return [...set].sort();
}

/**
 * The scenario as one coder coded it: where the coder coded a position, its coding replaces the mean;
 * elsewhere the mean (or the single coding) stays.
 */
export function withCoder(s: ResolvedScenario, coder: string): ResolvedScenario {
  return {
    ...s,
    issues: s.issues.map((is) => {
      if (!is.codings) return is;
      const position = is.position.slice();
      const salience = is.salience.slice();
      is.codings.forEach((list, a) => {
        const c = list?.find((x) => x.coder === coder);
        if (!c) return;
        for (let d = 0; d < is.dims; d++) {
          position[a * is.dims + d] = c.position[d]!;
          salience[a * is.dims + d] = c.salience[d]!;
        }
      });
      return { ...is, position, salience };
    }),
  };
}
