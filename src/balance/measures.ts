/**
 * Measures of the distribution of power among the members of an organization. Pure functions of
 * numbers; no data, no I/O.
 *
 * - Shares: s_i = x_i / Σ_j x_j over the members that have a value (members without one are never
 *   counted as zero: the caller lists them).
 * - Herfindahl–Hirschman index HHI = Σ s_i² (Hirschman, A. O., "National Power and the Structure of
 *   Foreign Trade", 1945; Herfindahl, O. C., "Concentration in the Steel Industry", 1950;
 *   Hirschman, "The Paternity of an Index", American Economic Review 54(5), 1964, p. 761). It runs
 *   from 1/N (equal shares) to 1 (one member holds everything).
 * - Ray–Singer concentration CON = √((HHI − 1/N) / (1 − 1/N)) (Ray, J. L. & Singer, J. D.,
 *   "Measuring the Concentration of Power in the International System", Sociological Methods &
 *   Research 1(4), 1973, pp. 403–437): HHI normalised for the number of members N, from 0 (equal
 *   shares) to 1 (monopoly); defined for N ≥ 2. It is the concentration index customarily applied to
 *   Correlates of War capability (CINC) shares.
 * - Effective number of members 1/HHI (Laakso, M. & Taagepera, R., "'Effective' Number of Parties",
 *   Comparative Political Studies 12(1), 1979, pp. 3–27): how many equal members would give the
 *   same HHI.
 * - The largest member's share, and whether it exceeds one half (a would-be hegemon: it outweighs
 *   all the other members together); the ratio of the two largest shares; the share of the members
 *   outside the two largest.
 */
import { ConcordError } from '../errors.js';

export interface Ranked {
  readonly iso3: string;
  readonly share: number;
}

export interface Concentration {
  /** Number of members counted (those with a value). */
  readonly n: number;
  /** Σ s_i², in [1/N, 1]. */
  readonly hhi: number;
  /** Ray–Singer CON, in [0, 1]. */
  readonly con: number;
  /** 1 / HHI, in [1, N]. */
  readonly effectiveNumber: number;
  readonly largest: Ranked;
  readonly second: Ranked;
  /** The largest share exceeds one half: that member outweighs all the others together. */
  readonly hegemon: boolean;
  /** largest ÷ second; null when the second share is zero. */
  readonly topTwoRatio: number | null;
  /** 1 − s₁ − s₂: the weight of the members outside the two largest. */
  readonly outsideTopTwo: number;
}

function assertValue(iso3: string, x: number): void {
  if (!Number.isFinite(x) || x < 0) {
    throw new ConcordError(
      'E_VALIDATION',
      `${iso3}: a yardstick value must be a finite number ≥ 0, got ${x}`,
      {
        path: `values.${iso3}`,
        hint: 'Give every member a finite, non-negative figure (or none).',
        key: 'balance.badFigure',
        values: { state: iso3, value: String(x) },
      },
    );
  }
}

/**
 * Each member's share of the members' total. `values` holds only members with a value; a total of
 * zero has no shares (null). The values are divided by the largest before summing (shares are
 * relative, so this changes none of them), so figures near the largest double cannot overflow the
 * total into a silent share of 0; a share that still is not finite is an error naming the member.
 */
export function sharesOf(values: ReadonlyMap<string, number>): Map<string, number> | null {
  let max = 0;
  for (const [iso3, x] of values) {
    assertValue(iso3, x);
    if (x > max) max = x;
  }
  if (!(max > 0)) return null;
  let total = 0;
  for (const x of values.values()) total += x / max;
  const out = new Map<string, number>();
  for (const [iso3, x] of values) {
    const s = x / max / total;
    if (!Number.isFinite(s))
      throw new ConcordError('E_VALIDATION', `the share of ${iso3} is not a finite number (${s})`, {
        path: `values.${iso3}`,
        hint: 'Give figures of ordinary size.',
        key: 'balance.shareNotFinite',
        values: { state: iso3, value: String(s) },
      });
    out.set(iso3, s);
  }
  return out;
}

/** Herfindahl–Hirschman index Σ s_i² of shares that sum to one. */
export function hhi(shares: readonly number[]): number {
  return shares.reduce((s, x) => s + x * x, 0);
}

/**
 * Ray–Singer CON = √((HHI − 1/N)/(1 − 1/N)) for N ≥ 2 shares summing to one. Floating-point
 * rounding leaves HHI a hair off 1/N for equal shares; a normalised excess below 1e-12 is read as
 * zero (so CON under 1e-6 prints as 0, for equal shares exactly 0).
 */
export function con(shares: readonly number[]): number {
  const n = shares.length;
  if (n < 2) throw new RangeError(`CON needs at least two shares, got ${n}`);
  const h = hhi(shares);
  const x = (h - 1 / n) / (1 - 1 / n);
  if (x < -1e-9) throw new RangeError(`shares do not sum to one (HHI ${h} < 1/N)`);
  return x < 1e-12 ? 0 : Math.min(1, Math.sqrt(x));
}

/** Members by share, largest first; ties in ISO3 order so that the ranking is deterministic. */
export function ranked(shares: ReadonlyMap<string, number>): Ranked[] {
  return [...shares]
    .map(([iso3, share]) => ({ iso3, share }))
    .sort((a, b) => b.share - a.share || a.iso3.localeCompare(b.iso3));
}

/** All the summaries of one distribution of shares (at least two members). */
export function concentration(shares: ReadonlyMap<string, number>): Concentration {
  const r = ranked(shares);
  if (r.length < 2) throw new RangeError(`concentration needs at least two members, got ${r.length}`);
  const s = r.map((x) => x.share);
  const h = hhi(s);
  const [first, second] = [r[0]!, r[1]!];
  return {
    n: r.length,
    hhi: h,
    con: con(s),
    effectiveNumber: 1 / h,
    largest: first,
    second,
    hegemon: first.share > 0.5,
    topTwoRatio: second.share > 0 ? first.share / second.share : null,
    outsideTopTwo: Math.max(0, 1 - first.share - second.share),
  };
}
