/**
 * Swings and winning coalitions of a weighted voting game [q; w_1, …, w_n] (one summed weight, a
 * threshold that does not depend on the number of members) over one table of coalition counts by
 * weight, and the swings of every player read from it "with removal": the dynamic programme of
 * EPIC's Banzhaf (Staudacher et al. 2021, jhstaudacher/EPIC, `RawBanzhaf.cpp`; after Brams &
 * Affuso 1976 and Bilbao et al. 2000), rewritten over prefix sums so that removing a player costs
 * O(q / w_i) lookups instead of a pass over the table.
 *
 *   P(x) = #{S : w(S) ≤ x} for 0 ≤ x < q: adding a player of weight v is P(x) += P(x − v), x ≥ v.
 *   Without player i (F = F^{−i}·(1 + x^{w_i})): P^{−i}(x) = P(x) − P(x − w_i) + P(x − 2w_i) − …
 *   η_i = #{S ∌ i : q − w_i ≤ w(S) < q} = P^{−i}(q−1) − P^{−i}(q−1−w_i) = 2·P^{−i}(q−1) − P(q−1).
 *   |W| = 2^n − P(q−1).
 * The table has min(q, W − q + 1) cells: when the quota is above half, the dual game
 * [W − q + 1; w] (S wins iff N∖S loses) is counted instead; it has the same swings, and its
 * losing coalitions are the complements of the original's winning ones.
 *
 * Counts reach 2^n. They are held exactly as limbs of 40 bits in Float64Arrays, limb-major (one
 * array per limb), with lazy carries: each addition at most doubles a limb, so after carrying the
 * limbs (< 2^40) take 12 more additions before they could reach 2^52; the limbs in use grow with
 * the players added (after j players every count is below 2^j), so the work is about n²·q / 80
 * additions instead of n·q·(n / 51) for residues modulo primes, and with n ≤ 52 one plain double
 * per cell and no carrying at all.
 */
import type { NumericRule } from '../rules/compile.js';
import { sumsPredicate } from '../rules/compile.js';
import { LIMB_BITS, type LimbTable, limbTable } from './kernel.js';

/** Holler's counts over a table by weight: ./holler.ts. */
export { weightedHoller } from './holler.js';

const BIG_LIMB_BITS = BigInt(LIMB_BITS);

export interface WeightedGame {
  readonly n: number;
  readonly weights: Float64Array;
  readonly total: number;
  /** The smallest winning weight (total + 1 when nothing wins, 0 when everything does). */
  readonly quota: number;
}

/**
 * The rule as a weighted game, or null when it is not one (several summed weights, a count of
 * members, or a threshold that depends on the coalition's size).
 */
export function asWeightedGame(r: NumericRule): WeightedGame | null {
  const dims = r.weights.map((_, d) => d).filter((d) => !r.isCount[d]);
  if (dims.length > 1) return null;
  const n = r.n;
  const wdim = dims.length ? dims[0]! : -1;
  const weights = wdim >= 0 ? Float64Array.from(r.weights[wdim]!) : new Float64Array(n);
  const total = weights.reduce((a, b) => a + b, 0);
  const pred = sumsPredicate(r);
  const sums = new Float64Array(r.weights.length);
  const cdims = r.isCount.map((c, d) => (c ? d : -1)).filter((d) => d >= 0);
  const win = (k: number, w: number) => {
    for (const d of cdims) sums[d] = k;
    if (wdim >= 0) sums[wdim] = w;
    return pred(sums);
  };
  const thetaAt = (k: number) => {
    if (!win(k, total)) return total + 1;
    let a = 0;
    let b = total;
    while (a < b) {
      const m = Math.floor((a + b) / 2);
      if (win(k, m)) b = m;
      else a = m + 1;
    }
    return a;
  };
  const q = thetaAt(0);
  // The threshold must be the same whatever the number of members (a pure weighted rule).
  if (cdims.length) for (let k = 1; k <= n; k++) if (thetaAt(k) !== q) return null;
  return { n, weights, total, quota: q };
}

/**
 * The players of non-zero weight in the order the table adds them, and the limb-additions that
 * takes: lightest first or heaviest first, whichever costs fewer (the order does not change the
 * counts). Adding player j (weight v, after players of total weight S, before players of total R)
 * touches cells max(lo, v) … min(Q − 1, S + v − 1) of each limb in use: below v nothing is added;
 * from S + v on every count is 2^j (every coalition of the players so far weighs at most S + v), held
 * implicitly; and when only P(Q − 1) is wanted (`top`, the passage probability), cells below
 * lo = Q − 1 − R can no longer reach it.
 */
function tablePlan(
  g: WeightedGame,
  Q: number,
  top: boolean,
  heaviestFirst?: boolean,
): { order: number[]; ops: number } {
  const ids: number[] = [];
  for (let i = 0; i < g.n; i++) if (g.weights[i]! > 0) ids.push(i);
  const asc = ids.sort((a, b) => g.weights[a]! - g.weights[b]! || a - b);
  const L = limbCount(asc.length);
  const cost = (order: readonly number[]) => {
    let S = 0;
    let R = g.total;
    let ops = 0;
    let added = 0;
    for (const i of order) {
      const v = g.weights[i]!;
      const hi = Math.min(Q - 1, S + v - 1);
      S += v;
      R -= v;
      added++;
      const from = Math.max(top ? Q - 1 - R : 0, v);
      if (hi >= from) ops += Math.min(L, activeLimbs(added)) * (hi - from + 1);
    }
    return ops;
  };
  const desc = [...asc].reverse();
  if (heaviestFirst !== undefined)
    return heaviestFirst ? { order: desc, ops: cost(desc) } : { order: asc, ops: cost(asc) };
  const a = cost(asc);
  const d = cost(desc);
  return a <= d ? { order: asc, ops: a } : { order: desc, ops: d };
}

function tableSide(g: WeightedGame): { dual: boolean; Q: number } {
  const dual = g.quota > g.total - g.quota + 1;
  return { dual, Q: dual ? g.total - g.quota + 1 : g.quota };
}

/**
 * Limb-additions to build the table (what the feasibility budget is checked against): the whole
 * table for the swings, or only what reaches its top cell for the passage probability (`top`).
 */
export function weightedOps(g: WeightedGame, opts: { top?: boolean } = {}): number {
  if (g.quota <= 0 || g.quota > g.total) return 0;
  const { Q } = tableSide(g);
  const { order, ops } = tablePlan(g, Q, opts.top ?? false);
  const carrying = limbCount(order.length) > 1 ? 1 + 1 / (52 - LIMB_BITS) : 1;
  return ops * carrying;
}

/** Table cells (limbs × weights). */
export function weightedCells(g: WeightedGame): number {
  return tableSize(g) * limbCount(g.n);
}

function tableSize(g: WeightedGame): number {
  if (g.quota <= 0 || g.quota > g.total) return 0;
  return Math.min(g.quota, g.total - g.quota + 1);
}

/** After j players every count is at most 2^j: limbs 0…⌈j / LIMB_BITS⌉ − 1 hold it. */
const activeLimbs = (j: number) => Math.max(1, Math.ceil(j / LIMB_BITS));
/** With n ≤ 52 every count is at most 2^52: one plain double per cell, never carried. */
const limbCount = (n: number) => (n <= 52 ? 1 : activeLimbs(n));

export interface WeightedCounts {
  readonly winning: bigint;
  readonly swings: bigint[];
  readonly veto: boolean[];
}

/**
 * P(x) = #{S : w(S) ≤ x} over the players of non-zero weight (the others double every count: the
 * caller shifts by their number), built in the order of `tablePlan`; with `top`, only P(Q − 1) is
 * kept exact. Returns the table, carried (every limb below 2^40 over the cells kept).
 */
function buildTable(
  g: WeightedGame,
  Q: number,
  top: boolean,
  opts: TableOptions,
): { table: LimbTable; nonZero: number } {
  const { weights, total } = g;
  const { order } = tablePlan(g, Q, top, opts.heaviestFirst);
  const L = limbCount(order.length);
  const table = limbTable(L, Q, opts);
  const limbs = table.limbs;
  // bits: a bound on log2 of every limb (each addition at most doubles it; carrying brings it back
  // to LIMB_BITS; the counts themselves are at most 2^added)
  let bits = 0;
  let added = 0;
  let S = 0;
  let R = total;
  let lo = 0;
  // cells 0 … hi hold P; above hi every count is 2^added
  let hi = -1;
  for (const i of order) {
    const v = weights[i]!;
    const active = Math.min(L, activeLimbs(added + 1));
    if (bits >= 52 && L > 1) {
      table.carry(lo, hi, Math.min(L, activeLimbs(added)));
      bits = LIMB_BITS;
    }
    const next = Math.min(Q - 1, S + v - 1);
    if (next > hi) {
      // the cells that were 2^added implicitly, written out: one limb (the others are still 0)
      const k = Math.min(Math.floor(added / LIMB_BITS), active - 1);
      limbs[k]!.fill(2 ** (added - LIMB_BITS * k), Math.max(hi + 1, lo), next + 1);
      hi = next;
    }
    S += v;
    R -= v;
    if (top) lo = Math.max(lo, Q - 1 - R);
    const from = Math.max(lo, v);
    if (hi >= from) for (let l = 0; l < active; l++) table.addRange(l, v, from, hi);
    added++;
    bits = Math.min(bits + 1, added);
  }
  if (L > 1) table.carry(lo, Q - 1, L);
  return { table, nonZero: added };
}

/** `js` forces the JavaScript loops, `heaviestFirst` the order of the players (tests). */
export interface TableOptions {
  readonly js?: boolean;
  readonly heaviestFirst?: boolean;
}

/**
 * Exact |W| of a weighted game, and its veto players, without the swings: the table's top cell
 * only (the passage probability).
 */
export function weightedWinning(
  g: WeightedGame,
  opts: TableOptions = {},
): {
  winning: bigint;
  veto: boolean[];
} {
  const { n, weights, total, quota } = g;
  const veto = Array.from(weights, (w) => quota > 0 && total - w < quota);
  const all = 1n << BigInt(n);
  if (quota <= 0) return { winning: all, veto };
  if (quota > total) return { winning: 0n, veto };
  const { dual, Q } = tableSide(g);
  const { table, nonZero } = buildTable(g, Q, true, opts);
  const atTop = readLimbs(table.limbs, Q - 1) << BigInt(n - nonZero);
  return { winning: dual ? atTop : all - atTop, veto };
}

/**
 * Exact |W|, swings and veto players of a weighted game. The table's loops run in WebAssembly
 * where they can (./kernel.ts).
 */
export function weightedSwings(g: WeightedGame, opts: TableOptions = {}): WeightedCounts {
  const { n, weights, total, quota } = g;
  const veto = Array.from(weights, (w) => quota > 0 && total - w < quota);
  const all = 1n << BigInt(n);
  if (quota <= 0) return { winning: all, swings: Array(n).fill(0n), veto };
  if (quota > total) return { winning: 0n, swings: Array(n).fill(0n), veto };
  const { dual, Q } = tableSide(g);
  const { table, nonZero } = buildTable(g, Q, false, opts);
  const zeros = BigInt(n - nonZero);
  const atTop = readLimbs(table.limbs, Q - 1);
  // one alternating sum per distinct weight
  const byWeight = new Map<number, bigint>();
  const swings = Array.from(weights, (v) => {
    if (v === 0) return 0n;
    let s = byWeight.get(v);
    if (s === undefined) {
      s = (2n * alternatingSum(table, Q - 1, v) - atTop) << zeros;
      byWeight.set(v, s);
    }
    return s;
  });
  // the dual's losing coalitions are the complements of the original's winning ones
  const winning = dual ? atTop << zeros : all - (atTop << zeros);
  return { winning, swings, veto };
}

function readLimbs(limbs: Float64Array[], x: number): bigint {
  let r = 0n;
  for (let l = limbs.length - 1; l >= 0; l--) r = (r << BIG_LIMB_BITS) + BigInt(limbs[l]![x]!);
  return r;
}

/**
 * P^{−i}(x) for a player of weight v: Σ_t (−1)^t P(x − t·v) over x − t·v ≥ 0, exactly. With one
 * plain limb every partial sum is P^{−i}(x) ± P^{−i}(x − t·v), within (−2^52, 2^53): one double. With
 * several, limbs below 2^40 summed in doubles 2^12 terms at a time.
 */
function alternatingSum(table: LimbTable, x: number, v: number): bigint {
  const terms = Math.floor(x / v) + 1;
  const last = x - (terms - 1) * v;
  const L = table.limbs.length;
  if (L === 1) {
    const odd = terms % 2 ? table.limbs[0]![last]! : 0;
    return BigInt(table.alternating(0, x, v, terms >> 1) + odd);
  }
  const CHUNK = 1 << (51 - LIMB_BITS); // pairs: 2^12 terms below 2^40
  let total = 0n;
  for (let l = L - 1; l >= 0; l--) {
    let s = terms % 2 ? BigInt(table.limbs[l]![last]!) : 0n;
    for (let done = 0, y = x; done < terms >> 1; ) {
      const k = Math.min(CHUNK, (terms >> 1) - done);
      s += BigInt(table.alternating(l, y, v, k));
      done += k;
      y -= 2 * k * v;
    }
    total = (total << BIG_LIMB_BITS) + s;
  }
  return total;
}
