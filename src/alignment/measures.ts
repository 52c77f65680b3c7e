/**
 * Dyadic and group measures of voting alignment. Pure functions of vote codes or of their
 * contingency tables; the UN data treat the merged code 0 as described in docs/alignment.md.
 *
 * Votes are coded NO = 0, ZERO = 1, YES = 2, MISSING = 3 (./data.ts), standing for the ordered values
 * −1, 0, +1. A dyad's votes over the roll calls both took part in form a 3×3 table `t[3·a + b]`.
 *
 * - Agreement (the share of identical votes; e.g. Voeten 2013, Bailey, Strezhnev & Voeten 2017):
 *   with 0 as a vote, `(t_nn + t_zz + t_yy) / Σt`; without 0, over the roll calls on which both cast
 *   yes or no, `(t_nn + t_yy) / (t_nn + t_ny + t_yn + t_yy)`.
 * - Cohen's κ, chance-corrected agreement, proposed for foreign-policy similarity by Häge (2011,
 *   "Choice or Circumstance? Adjusting Measures of Foreign Policy Similarity for Chance Agreement",
 *   Political Analysis 19(3): 287–305), after Cohen (1960) and, with weights, Cohen (1968):
 *   κ = 1 − D_o / D_e, with D_o = Σ_ab p_ab d(a, b) the observed and D_e = Σ_ab p_a· p_·b d(a, b) the
 *   expected disagreement if the two states voted independently with their own marginal
 *   distributions. d nominal ([a ≠ b]) gives Cohen's (1960) κ = (p_o − p_e) / (1 − p_e); linear
 *   |a − b| and squared (a − b)² give the weighted κ for ordered votes. Undefined (null) when
 *   D_e = 0: both states cast one and the same vote throughout.
 * - Signorino & Ritter's (1999, "Tau-b or Not Tau-b: Measuring the Similarity of Foreign Policy
 *   Positions", International Studies Quarterly 43(1): 115–144) S = 1 − 2 Σ_ab p_ab d(a, b) / d_max,
 *   d linear (|a − b|, d_max = 2) or squared ((a − b)², d_max = 4): 1 for identical votes, −1 for
 *   opposite ones; symmetric.
 * - The Agreement Index of a group on one roll call (Hix, Noury & Roland 2005, "Power to the
 *   Parties: Cohesion and Competition in the European Parliament, 1979–2001", British Journal of
 *   Political Science 35(2): 209–234): AI = (max(Y, N, A) − ½ (Y + N + A − max(Y, N, A))) / (Y + N + A),
 *   0 when the group splits equally three ways, 1 when all vote alike. Here A counts the merged 0.
 * - The Rice index (Rice 1928, "Quantitative Methods in Politics") on yes and no only: |Y − N| / (Y + N).
 */
import { ConcordError } from '../errors.js';
import { MISSING, NO, YES, ZERO } from './data.js';

export type VoteTable = readonly number[];
/** `category`: 0 is a vote like yes and no; `exclude`: only roll calls on which both cast yes or no. */
export type ZeroTreatment = 'category' | 'exclude';
export type Metric = 'nominal' | 'linear' | 'squared';

const VALUE = [-1, 0, 1];

/** The 3×3 table of two code vectors over `indices` (all positions if omitted), skipping MISSING. */
export function crossTable(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  indices?: ArrayLike<number>,
): number[] {
  if (!indices && a instanceof Uint8Array && b instanceof Uint8Array) return crossTableDense(a, b);
  const t = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  const n = indices ? indices.length : a.length;
  for (let k = 0; k < n; k++) {
    const i = indices ? indices[k]! : k;
    const x = a[i]!;
    const y = b[i]!;
    if (x === MISSING || y === MISSING) continue;
    t[x * 3 + y]!++;
  }
  return t;
}

const scratch = new Int32Array(16);

/** The fast path: two code vectors of one length, every position counted (MISSING skipped). */
export function crossTableDense(a: Uint8Array, b: Uint8Array): number[] {
  scratch.fill(0);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) scratch[(a[i]! << 2) | b[i]!]!++;
  const t = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) t[x * 3 + y] = scratch[(x << 2) | y]!;
  return t;
}

/** The codes of `indices` as one contiguous vector (for many pairs over one window). */
export function gatherCodes(codes: Uint8Array, indices: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) out[k] = codes[indices[k]!]!;
  return out;
}

/** A table from two vote vectors in {−1, 0, 1} (NaN or null = missing), for tests and small uses. */
export function tableOfVotes(x: ReadonlyArray<number | null>, y: ReadonlyArray<number | null>): number[] {
  if (x.length !== y.length) throw new Error(`vote vectors of different lengths: ${x.length}, ${y.length}`);
  const code = (v: number | null) => (v === null || Number.isNaN(v) ? MISSING : v + 1);
  return crossTable(x.map(code), y.map(code));
}

const ALL = [NO, ZERO, YES];
const YES_NO = [NO, YES];

function categories(zero: ZeroTreatment): readonly number[] {
  return zero === 'category' ? ALL : YES_NO;
}

/** Number of roll calls the table counts under the zero treatment. */
export function tableCount(t: VoteTable, zero: ZeroTreatment = 'category'): number {
  let n = 0;
  for (const a of categories(zero)) for (const b of categories(zero)) n += t[a * 3 + b]!;
  return n;
}

/** Share of identical votes; null without any roll call. */
export function agreement(t: VoteTable, zero: ZeroTreatment = 'category'): number | null {
  const n = tableCount(t, zero);
  if (n === 0) return null;
  let same = 0;
  for (const a of categories(zero)) same += t[a * 4]!;
  return same / n;
}

function distance(a: number, b: number, metric: Metric): number {
  const d = Math.abs(VALUE[a]! - VALUE[b]!);
  return metric === 'nominal' ? (d > 0 ? 1 : 0) : metric === 'linear' ? d : d * d;
}

/** Cohen's κ (weighted by `metric`); null when undefined (no roll call, or D_e = 0). */
export function cohenKappa(
  t: VoteTable,
  zero: ZeroTreatment = 'category',
  metric: Metric = 'nominal',
): number | null {
  const cats = categories(zero);
  const n = tableCount(t, zero);
  if (n === 0) return null;
  const rowSum = [0, 0, 0];
  const colSum = [0, 0, 0];
  let observed = 0;
  for (const a of cats)
    for (const b of cats) {
      const c = t[a * 3 + b]!;
      rowSum[a]! += c;
      colSum[b]! += c;
      observed += c * distance(a, b, metric);
    }
  let expected = 0;
  for (const a of cats) for (const b of cats) expected += rowSum[a]! * colSum[b]! * distance(a, b, metric);
  observed /= n;
  expected /= n * n;
  if (expected <= 1e-15) return null;
  return 1 - observed / expected;
}

/** Signorino & Ritter's S; null without any roll call. */
export function signorinoRitterS(
  t: VoteTable,
  zero: ZeroTreatment = 'category',
  metric: Exclude<Metric, 'nominal'> = 'linear',
): number | null {
  const cats = categories(zero);
  const n = tableCount(t, zero);
  if (n === 0) return null;
  let d = 0;
  for (const a of cats) for (const b of cats) d += t[a * 3 + b]! * distance(a, b, metric);
  const dMax = metric === 'linear' ? 2 : 4;
  return 1 - (2 * d) / (n * dMax);
}

/** Hix, Noury & Roland's Agreement Index of one vote; null for an empty group. */
export function agreementIndex(yes: number, no: number, abstain: number): number | null {
  const total = yes + no + abstain;
  if (total <= 0) return null;
  const max = Math.max(yes, no, abstain);
  return (max - 0.5 * (total - max)) / total;
}

/** The Rice index |Y − N| / (Y + N); null when nobody voted yes or no. */
export function riceIndex(yes: number, no: number): number | null {
  const total = yes + no;
  return total > 0 ? Math.abs(yes - no) / total : null;
}

/** The yes, no and 0 counts of a group on one roll call (MISSING members left out). */
export function voteCounts(
  codes: ReadonlyArray<ArrayLike<number>>,
  index: number,
): { yes: number; no: number; zero: number } {
  let yes = 0;
  let no = 0;
  let zero = 0;
  for (const c of codes) {
    const v = c[index]!;
    if (v === YES) yes++;
    else if (v === NO) no++;
    else if (v === ZERO) zero++;
  }
  return { yes, no, zero };
}

/**
 * Mean and standard error of the mean of the non-null values; null if none. The measures averaged
 * here lie in [−1, 1], but the function is public: values are summed in a power-of-two unit of
 * their largest magnitude when that is beyond 2^±500 (exact rescaling, so ordinary values give
 * the same bits as a plain sum), so that neither the sum nor the squared deviations overflow
 * (1.7e308 and 1.7e308 average to 1.7e308, not Infinity) or underflow; a non-finite value is an
 * error naming `field`, never a NaN mean.
 */
export function meanAndSe(
  xs: ReadonlyArray<number | null>,
  field = 'value',
): { mean: number; se: number | null; n: number } | null {
  const v = xs.filter((x): x is number => x !== null);
  if (!v.length) return null;
  let big = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (!Number.isFinite(x))
      throw new ConcordError(
        'E_VALIDATION',
        `${field}: value ${i + 1} of ${v.length} is ${x}, not a finite number`,
        {
          path: field,
          hint: 'Averages take finite numbers only; leave out (null) what is undefined.',
          key: 'alignment.notFinite',
          values: { field, index: String(i + 1), count: String(v.length), value: String(x) },
        },
      );
    big = Math.max(big, Math.abs(x));
  }
  // (log2 of the largest double rounds to 1024: the unit stays at most 2^1023)
  const e = big > 0 ? Math.min(1023, Math.floor(Math.log2(big))) : 0;
  const unit = e > 500 || e < -500 ? 2 ** e : 1;
  const mean = (v.reduce((s, x) => s + x / unit, 0) / v.length) * unit;
  if (v.length < 2) return { mean, se: null, n: v.length };
  const m = mean / unit;
  const variance = v.reduce((s, x) => s + (x / unit - m) ** 2, 0) / (v.length - 1);
  return { mean, se: Math.sqrt(variance / v.length) * unit, n: v.length };
}
