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
import { limbTable } from './kernel.js';

/** Holler's counts over a table by weight: ./holler.ts. */
export { weightedHoller } from './holler.js';

/** Bits per limb; a limb is carried before it can reach 2^52 (so every 52 − LIMB_BITS additions). */
const LIMB_BITS = 40;
const LIMB = 2 ** LIMB_BITS;
const INV_LIMB = 2 ** -LIMB_BITS;
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

/** Limb-additions to build the table (what the feasibility budget is checked against). */
export function weightedOps(g: WeightedGame): number {
  const Q = tableSize(g);
  let ops = 0;
  const L = limbCount(g.n);
  const carrying = L > 1 ? 1 + 1 / (52 - LIMB_BITS) : 1;
  for (let j = 1; j <= g.n; j++) ops += Math.min(L, activeLimbs(j)) * Q * carrying;
  return ops;
}

/** Table cells (limbs × weights). */
export function weightedCells(g: WeightedGame): number {
  return tableSize(g) * limbCount(g.n);
}

function tableSize(g: WeightedGame): number {
  if (g.quota <= 0 || g.quota > g.total) return 0;
  return Math.min(g.quota, g.total - g.quota + 1);
}

/** After j players every count is below 2^j: limbs 0…⌈j / LIMB_BITS⌉ − 1 hold it. */
const activeLimbs = (j: number) => Math.max(1, Math.ceil(j / LIMB_BITS));
/** With n ≤ 52 every count is below 2^52: one plain double per cell, never carried. */
const limbCount = (n: number) => (n <= 52 ? 1 : activeLimbs(n));

export interface WeightedCounts {
  readonly winning: bigint;
  readonly swings: bigint[];
  readonly veto: boolean[];
}

/**
 * Exact |W|, swings and veto players of a weighted game. The table's loop runs in WebAssembly
 * where it can (./kernel.ts); `js` forces JavaScript (tests).
 */
export function weightedSwings(g: WeightedGame, opts: { js?: boolean } = {}): WeightedCounts {
  const { n, weights, total, quota } = g;
  const veto = Array.from(weights, (w) => quota > 0 && total - w < quota);
  const all = 1n << BigInt(n);
  if (quota <= 0) return { winning: all, swings: Array(n).fill(0n), veto };
  if (quota > total) return { winning: 0n, swings: Array(n).fill(0n), veto };
  const dual = quota > total - quota + 1;
  const Q = dual ? total - quota + 1 : quota;
  const L = limbCount(n);
  const table = limbTable(L, Q, opts);
  const limbs = table.limbs;
  limbs[0]!.fill(1);
  // Lightest first: a player of weight v costs Q − v additions per limb in use, and the limbs in
  // use grow with the players added (the order does not change the counts).
  const order = Array.from(weights, (_, i) => i).sort((a, b) => weights[a]! - weights[b]!);
  // bits: a bound on log2 of every limb (each addition at most doubles it; carrying brings it back
  // to LIMB_BITS; the counts themselves stay below 2^added)
  let bits = 0;
  let added = 0;
  for (const i of order) {
    const v = weights[i]!;
    added++;
    if (v >= Q) continue; // heavier than the table: P(x − v) = 0 for every x < Q
    if (bits >= 52 && L > 1) {
      carry(limbs, Q, Math.min(L, activeLimbs(added)));
      bits = LIMB_BITS;
    }
    const active = Math.min(L, activeLimbs(added));
    if (v === 0)
      // a player of weight 0 doubles every count
      for (let l = 0; l < active; l++) {
        const a = limbs[l]!;
        for (let x = 0; x < Q; x++) a[x] = a[x]! * 2;
      }
    else for (let l = 0; l < active; l++) table.addShifted(l, v);
    bits = Math.min(bits + 1, added);
  }
  if (L > 1) carry(limbs, Q, L);
  const atTop = readLimbs(limbs, Q - 1);
  // one alternating sum per distinct weight
  const byWeight = new Map<number, bigint>();
  const swings = Array.from(weights, (v) => {
    if (v === 0) return 0n;
    let s = byWeight.get(v);
    if (s === undefined) {
      s =
        2n * (L === 1 ? BigInt(withoutPlain(limbs[0]!, Q - 1, v)) : alternatingSum(limbs, Q - 1, v)) - atTop;
      byWeight.set(v, s);
    }
    return s;
  });
  // the dual's losing coalitions are the complements of the original's winning ones
  const winning = dual ? atTop : all - atTop;
  return { winning, swings, veto };
}

function carry(limbs: Float64Array[], Q: number, active: number): void {
  for (let l = 0; l < active - 1; l++) {
    const a = limbs[l]!;
    const b = limbs[l + 1]!;
    for (let x = 0; x < Q; x++) {
      const y = a[x]!;
      if (y >= LIMB) {
        const c = Math.floor(y * INV_LIMB);
        a[x] = y - c * LIMB;
        b[x] = b[x]! + c;
      }
    }
  }
}

function readLimbs(limbs: Float64Array[], x: number): bigint {
  let r = 0n;
  for (let l = limbs.length - 1; l >= 0; l--) r = (r << BIG_LIMB_BITS) + BigInt(limbs[l]![x]!);
  return r;
}

/**
 * P^{−i}(x) for a player of weight v, one limb: bottom-up, P^{−i}(y) = P(y) − P^{−i}(y − v), every
 * step a count of coalitions (in [0, 2^n)), so exact in a double.
 */
function withoutPlain(a: Float64Array, x: number, v: number): number {
  let acc = 0;
  for (let y = x % v; y <= x; y += v) acc = a[y]! - acc;
  return acc;
}

/** Σ_t (−1)^t P(x − t·v) over x − t·v ≥ 0, exactly (limbs below 2^40, partial sums flushed every 2^12 terms). */
function alternatingSum(limbs: Float64Array[], x: number, v: number): bigint {
  let total = 0n;
  for (let l = limbs.length - 1; l >= 0; l--) {
    const a = limbs[l]!;
    let s = 0n;
    let part = 0;
    let sign = 1;
    let count = 0;
    for (let y = x; y >= 0; y -= v) {
      part += sign * a[y]!;
      sign = -sign;
      if (++count === 1 << (52 - LIMB_BITS)) {
        s += BigInt(part);
        part = 0;
        count = 0;
      }
    }
    total = (total << BIG_LIMB_BITS) + s + BigInt(part);
  }
  return total;
}
