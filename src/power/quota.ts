/**
 * Power against the quota: for a weighted game [q; w_1, …, w_n], the passage probability and every
 * player's swing indices (and Shapley–Shubik) at every quota of a range, from one table of
 * coalitions by weight (and by size, for Shapley–Shubik) built once for all quotas.
 *
 *   C[k][w]   coalitions of size k and weight w (all players)
 *   c_i[k][w] the same without player i: c_i[k][w] = C[k][w] − c_i[k−1][w − w_i]   (removal)
 *   |W(q)|    = Σ_{w ≥ q} Σ_k C[k][w]
 *   η_i(q)    = Σ_{q − w_i ≤ w < q} Σ_k c_i[k][w]                                    (swings)
 *   φ_i(q)    = Σ_{q − w_i ≤ w < q} Σ_k c_i[k][w] · k!(n−1−k)!/n!                     (Shapley–Shubik)
 *
 * so each quota costs O(1) per player after O(n·T) (O(n²·T) with sizes) work per player, T the
 * total weight. Counts are exact in doubles for n ≤ 52.
 *
 * The set of winning coalitions changes between quota q − 1 and q exactly when some coalition
 * weighs q − 1: these are the jumps, read from the same table.
 *
 * The square-root rule's optimal quota (Słomczyński & Życzkowski 2006, "Penrose voting system and
 * optimal quota", Acta Physica Polonica B 37: 3133–3143): q* = ½ (1 + √(Σ w_i²) / Σ w_i) of the
 * total, the quota at which the Banzhaf indices come closest to proportional to the weights.
 */
import { ConcordError } from '../errors.js';
import { DEFAULT_QUOTA_FROM, DEFAULT_QUOTA_STEP } from './options.js';

export const QUOTA_INDICES = [
  'penrose',
  'banzhaf',
  'shapley-shubik',
  'coleman-prevent',
  'coleman-initiate',
] as const;
export type QuotaIndex = (typeof QUOTA_INDICES)[number];

export interface QuotaPlayer {
  readonly id: string;
  readonly swings: number;
  readonly penrose?: number;
  readonly banzhaf?: number;
  readonly shapleyShubik?: number;
  readonly colemanPrevent?: number | null;
  readonly colemanInitiate?: number | null;
}

export interface QuotaRow {
  readonly quota: number;
  readonly winningCoalitions: number;
  readonly passageProbability: number;
  /** The set of winning coalitions differs from the one at the previous integer quota. */
  readonly jump: boolean;
  readonly players: QuotaPlayer[];
}

export interface QuotaSweep {
  readonly n: number;
  readonly total: number;
  readonly weights: readonly number[];
  readonly indices: readonly QuotaIndex[];
  /** Every quota in 1..total at which the winning coalitions change (the first of each plateau). */
  readonly jumps: number[];
  readonly squareRootQuota: { relative: number; quota: number; source: string };
  readonly quotas: QuotaRow[];
}

export const QUOTA_MAX_PLAYERS = 52;
export const QUOTA_CELL_BUDGET = 6e7;
export const QUOTA_ROW_LIMIT = 20_000;

export const SQUARE_ROOT_SOURCE =
  'Słomczyński & Życzkowski (2006), Penrose voting system and optimal quota, Acta Physica Polonica B 37: 3133–3143';

/** q* = ½ (1 + √(Σ w²) / Σ w), relative to the total. */
export function squareRootOptimalQuota(weights: readonly number[]): number {
  const s = weights.reduce((a, b) => a + b, 0);
  const s2 = weights.reduce((a, b) => a + b * b, 0);
  return s > 0 ? (1 + Math.sqrt(s2) / s) / 2 : 1;
}

/**
 * Tables built once: counts by weight (and by size when Shapley–Shubik is wanted), per player with
 * that player removed, as prefix sums over weight.
 */
export class QuotaTables {
  readonly n: number;
  readonly total: number;
  readonly bySize: boolean;
  /** Coalitions by weight, all players. */
  readonly all: Float64Array;
  /** Coalitions by size and weight, C[k·(T+1) + x], when Shapley–Shubik is wanted. */
  private readonly C: Float64Array | null;
  private readonly coef: Float64Array | null;
  /**
   * One player's prefix sums over weight of the coalitions without that player (and of the
   * Shapley–Shubik-weighted counts), computed on demand: ask player by player to build each once.
   */
  private cached: { i: number; prefix: Float64Array; prefixSs: Float64Array | null } | null = null;
  private scratch: Float64Array | null = null;

  constructor(
    readonly weights: readonly number[],
    opts: { shapleyShubik: boolean },
  ) {
    const n = weights.length;
    if (n > QUOTA_MAX_PLAYERS)
      throw new ConcordError(
        'E_LIMIT',
        `power against the quota is limited to ${QUOTA_MAX_PLAYERS} players; this game has ${n}`,
        {
          path: 'players',
          hint: 'Use concord power at the quotas of interest.',
          key: 'power.quota.playerLimit',
          values: { max: String(QUOTA_MAX_PLAYERS), n: String(n) },
        },
      );
    for (const w of weights)
      if (!Number.isInteger(w) || w < 0) throw new RangeError('weights must be non-negative integers');
    const T = weights.reduce((a, b) => a + b, 0);
    const cells = (opts.shapleyShubik ? 2 * n + 1 : 1) * (T + 1) + 4 * (T + 2);
    if (cells > QUOTA_CELL_BUDGET)
      throw new ConcordError(
        'E_LIMIT',
        `the tables by weight${opts.shapleyShubik ? ' and size' : ''} would need ${cells.toExponential(1)} cells (budget ${QUOTA_CELL_BUDGET.toExponential(1)})`,
        {
          path: 'players',
          hint: opts.shapleyShubik
            ? 'Leave Shapley–Shubik out (--index banzhaf), or round the weights.'
            : 'Round the weights (e.g. population in thousands or millions).',
          key: 'power.quota.cellBudget',
          values: {
            size: opts.shapleyShubik ? 'yes' : 'no',
            cells: cells.toExponential(1),
            budget: QUOTA_CELL_BUDGET.toExponential(1),
          },
        },
      );
    this.n = n;
    this.total = T;
    this.bySize = opts.shapleyShubik;
    const W = T + 1;
    if (!opts.shapleyShubik) {
      const all = new Float64Array(W);
      all[0] = 1;
      let top = 0;
      for (const w of weights) {
        top += w;
        if (w === 0) for (let x = top; x >= 0; x--) all[x] = all[x]! * 2;
        else for (let x = top; x >= w; x--) all[x] = all[x]! + all[x - w]!;
      }
      this.all = all;
      this.C = null;
      this.coef = null;
      return;
    }
    // by size and weight: C[k·W + x]
    const C = new Float64Array((n + 1) * W);
    C[0] = 1;
    let top = 0;
    weights.forEach((w, j) => {
      top += w;
      for (let k = j + 1; k >= 1; k--) {
        const row = k * W;
        const prev = (k - 1) * W;
        for (let x = top; x >= w; x--) C[row + x] = C[row + x]! + C[prev + x - w]!;
      }
    });
    const all = new Float64Array(W);
    for (let k = 0; k <= n; k++) for (let x = 0; x < W; x++) all[x] = all[x]! + C[k * W + x]!;
    this.all = all;
    this.C = C;
    // Shapley–Shubik coefficients k!(n−1−k)!/n! as doubles, through logs of factorials
    const lf = new Float64Array(n + 1);
    for (let k = 1; k <= n; k++) lf[k] = lf[k - 1]! + Math.log(k);
    this.coef = Float64Array.from({ length: n }, (_, k) => Math.exp(lf[k]! + lf[n - 1 - k]! - lf[n]!));
  }

  private player(i: number): { prefix: Float64Array; prefixSs: Float64Array | null } {
    if (this.cached?.i === i) return this.cached;
    const w = this.weights[i]!;
    const W = this.total + 1;
    const n = this.n;
    if (!this.C) {
      // c_i[x] = C[x] − c_i[x − w]; for w = 0, c_i = C / 2
      const all = this.all;
      if (!this.scratch) this.scratch = new Float64Array(W);
      const c = this.scratch;
      if (w === 0) for (let x = 0; x < W; x++) c[x] = all[x]! / 2;
      else for (let x = 0; x < W; x++) c[x] = all[x]! - (x >= w ? c[x - w]! : 0);
      this.cached = { i, prefix: prefixOf(c), prefixSs: null };
      return this.cached;
    }
    const C = this.C;
    const coef = this.coef!;
    if (!this.scratch) this.scratch = new Float64Array(n * W);
    const c = this.scratch;
    // c[k·W + x] = C[k·W + x] − c[(k−1)·W + x − w]
    for (let k = 0; k < n; k++) {
      const row = k * W;
      for (let x = 0; x < W; x++) {
        const sub = k > 0 && x >= w ? c[(k - 1) * W + x - w]! : 0;
        c[row + x] = C[row + x]! - sub;
      }
    }
    const g = new Float64Array(W);
    const f = new Float64Array(W);
    for (let k = 0; k < n; k++) {
      const row = k * W;
      const ck = coef[k]!;
      for (let x = 0; x < W; x++) {
        const v = c[row + x]!;
        if (v) {
          g[x] = g[x]! + v;
          f[x] = f[x]! + v * ck;
        }
      }
    }
    this.cached = { i, prefix: prefixOf(g), prefixSs: prefixOf(f) };
    return this.cached;
  }

  /** Coalitions of weight at least q. */
  winning(q: number): number {
    let s = 0;
    for (let x = Math.max(0, q); x <= this.total; x++) s += this.all[x]!;
    return s;
  }

  /** Swings of player i at quota q: coalitions without i weighing q − w_i … q − 1. */
  swings(i: number, q: number): number {
    return window(this.player(i).prefix, q - this.weights[i]!, q, this.total);
  }

  shapleyShubik(i: number, q: number): number | null {
    const p = this.player(i).prefixSs;
    return p ? window(p, q - this.weights[i]!, q, this.total) : null;
  }
}

function prefixOf(a: Float64Array): Float64Array {
  const p = new Float64Array(a.length + 1);
  for (let x = 0; x < a.length; x++) p[x + 1] = p[x]! + a[x]!;
  return p;
}

/** Σ a[x] for lo ≤ x < hi, clamped to 0..total. */
function window(prefix: Float64Array, lo: number, hi: number, total: number): number {
  const a = Math.min(Math.max(lo, 0), total + 1);
  const b = Math.min(Math.max(hi, 0), total + 1);
  return prefix[b]! - prefix[a]!;
}

export interface QuotaSweepOptions {
  readonly from?: number;
  readonly to?: number;
  readonly step?: number;
  /** Only the quotas where the winning coalitions change. */
  readonly jumpsOnly?: boolean;
  readonly indices?: readonly QuotaIndex[];
}

export function quotaSweep(
  ids: readonly string[],
  weights: readonly number[],
  opts: QuotaSweepOptions = {},
): QuotaSweep {
  const indices = opts.indices ?? QUOTA_INDICES;
  const want = new Set(indices);
  const tables = new QuotaTables(weights, { shapleyShubik: want.has('shapley-shubik') });
  const T = tables.total;
  const n = weights.length;
  const from = opts.from ?? DEFAULT_QUOTA_FROM;
  const to = opts.to ?? T;
  const step = opts.step ?? DEFAULT_QUOTA_STEP;
  checkRange(from, to, step, T);
  const jumps: number[] = [];
  for (let q = 1; q <= T; q++) if (tables.all[q - 1]! > 0) jumps.push(q);
  const jumpSet = new Set(jumps);
  const qs: number[] = [];
  if (opts.jumpsOnly) {
    for (const q of jumps) if (q >= from && q <= to) qs.push(q);
  } else for (let q = from; q <= to + 1e-9; q += step) qs.push(q);
  if (qs.length > QUOTA_ROW_LIMIT)
    throw new ConcordError('E_LIMIT', `${qs.length} quotas asked for (at most ${QUOTA_ROW_LIMIT})`, {
      path: '--step',
      hint: `Give a larger --step (the total is ${T}), a narrower --from/--to, or --jumps for the quotas where the winning coalitions change.`,
      key: 'power.quota.tooManyRows',
      values: { count: String(qs.length), max: String(QUOTA_ROW_LIMIT), total: String(T) },
    });
  const all = 2 ** n;
  const half = 2 ** (n - 1);
  const rel = squareRootOptimalQuota(weights);
  // player by player (each one's table built once), then the rows
  const sw = weights.map((_, i) => qs.map((q) => tables.swings(i, q)));
  const ss = want.has('shapley-shubik')
    ? weights.map((_, i) => qs.map((q) => tables.shapleyShubik(i, q)!))
    : null;
  const suffix = new Float64Array(T + 2);
  for (let x = T; x >= 0; x--) suffix[x] = suffix[x + 1]! + tables.all[x]!;
  const quotas = qs.map((q, r): QuotaRow => {
    const winning = suffix[Math.min(Math.max(q, 0), T + 1)]!;
    const totalSw = weights.reduce((a, _, i) => a + sw[i]![r]!, 0);
    return {
      quota: q,
      winningCoalitions: winning,
      passageProbability: winning / all,
      jump: jumpSet.has(q),
      players: ids.map((id, i) => {
        const x = sw[i]![r]!;
        return {
          id,
          swings: x,
          ...(want.has('penrose') ? { penrose: x / half } : {}),
          ...(want.has('banzhaf') ? { banzhaf: totalSw ? x / totalSw : 0 } : {}),
          ...(ss ? { shapleyShubik: ss[i]![r]! } : {}),
          ...(want.has('coleman-prevent') ? { colemanPrevent: winning ? x / winning : null } : {}),
          ...(want.has('coleman-initiate')
            ? { colemanInitiate: all - winning ? x / (all - winning) : null }
            : {}),
        };
      }),
    };
  });
  return {
    n,
    total: T,
    weights,
    indices: [...indices],
    jumps,
    squareRootQuota: { relative: rel, quota: Math.ceil(rel * T - 1e-9), source: SQUARE_ROOT_SOURCE },
    quotas,
  };
}

function checkRange(from: number, to: number, step: number, total: number): void {
  // problem: outside (1..total), below (--from), notWhole; the message is power.quota.range.
  const bad = (path: string, msg: string, problem: string, value: number) =>
    new ConcordError('E_USAGE', `${path}: ${msg}`, {
      path,
      hint: `Quotas run from 1 to the total weight, ${total}.`,
      key: 'power.quota.range',
      values: { path, problem, value: String(value), total: String(total), from: String(from) },
    });
  if (!Number.isInteger(from) || from < 1 || from > total)
    throw bad('--from', `${from} is outside 1..${total}`, 'outside', from);
  if (!Number.isInteger(to) || to < 1 || to > total)
    throw bad('--to', `${to} is outside 1..${total}`, 'outside', to);
  if (to < from) throw bad('--to', `${to} is below --from ${from}`, 'below', to);
  if (!Number.isInteger(step) || step < 1)
    throw bad('--step', `${step} is not a positive whole number`, 'notWhole', step);
}
