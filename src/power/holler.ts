/**
 * Holler's counts of a weighted game [q; w_1, …, w_n]: the minimal winning coalitions, in all and
 * containing each player, exactly, over one table of coalition counts by weight.
 *
 * S is minimal winning iff w(S) ≥ q and w(S) − min_{k∈S} w_k < q. For a player i of weight u, the
 * minimal winning coalitions containing i are S = R ∪ {i} with R ⊆ N∖{i} and
 *   q − u ≤ w(R) < q − u + min(u, minw(R))          (minw(∅) = ∞),
 * which depends on i only through u: one count per distinct weight. Group the players in classes
 * of equal weight u_1 > u_2 > … > u_K, let E_k be the players of classes 1…k and, for a class c ≤ k,
 * P^c_k(y) = #{R ⊆ E_k∖{one player of class c} : w(R) ≤ y}. Splitting R by its lightest class κ(R):
 * κ(R) ≤ c gives the window [q − u_c, q) of E_c∖{i}; κ(R) = k > c the window [q − u_c, q − u_c + u_k)
 * of the coalitions of E_k∖{i} that have a member of class k, i.e. of E_k∖{i} less those of
 * E_{k−1}∖{i}. The lower ends telescope over k, and
 *   containing_c = P^c_c(q − 1) + Σ_{k>c} [P^c_k(h_ck) − P^c_{k−1}(h_ck)] − P^c_K(q − u_c − 1),
 *   h_ck = q − u_c + u_k − 1:
 * K(K + 1) evaluations of P^c, read from the table P(y) = #{R ⊆ E : w(R) ≤ y} just before and just
 * after each class is added (heaviest first), instead of one per player and earlier weight. Removing
 * a player of weight u is an alternating sum along a stride of u: P^{−u}(y) = Σ_t (−1)^t P(y − t·u).
 *
 * The table has min(q, W − q + 1) cells (W the total weight): a count of coalitions of E with weight
 * at most y is also read from the other end, #{R ⊆ E : w(R) ≤ y} = 2^|E| − #{R ⊆ E : w(R) ≤ w(E) − y − 1}
 * (R ↦ E∖R), and every position needed is below q on one side and at most W − q on the other; of
 * the two, the shorter alternating sum is read. The total is counted per player j by its lightest
 * member: coalitions T of the heavier players before j with q − w_j ≤ w(T) < q, two lookups.
 *
 * Counts reach 2^n. They are held as limbs of 40 bits in Float64Arrays (./kernel.ts `limbTable`,
 * the additions in WebAssembly) with lazy carries, as in ./weighted.ts; a limb is carried before a
 * read once it may exceed 2^46, so an alternating sum of 256 terms stays exact in a double (longer
 * ones are summed in chunks), and each evaluation is added into per-class accumulators of limbs:
 * no BigInt until the K results.
 */
import { hollerMemory } from './kernel-holler.js';
import type { WeightedCounts, WeightedGame } from './weighted.js';

const LIMB_BITS = 40;
const LIMB = 2 ** LIMB_BITS;
const BIG_LIMB_BITS = BigInt(LIMB_BITS);
/** Limbs are carried before a read once they may exceed 2^READ_BITS (chunks of 2^(54 − READ_BITS) terms). */
const READ_BITS = 46;

/** After j players every count is at most 2^j: limbs 0…⌈j / LIMB_BITS⌉ − 1 hold it. */
const activeLimbs = (j: number) => Math.max(1, Math.ceil(j / LIMB_BITS));
/** With at most 52 players every count is at most 2^52: one plain double per cell, never carried. */
const limbCount = (n: number) => (n <= 52 ? 1 : activeLimbs(n));

/** The players of weight > 0 in classes of equal weight, heaviest first. */
function weightClasses(weights: Float64Array): { weight: number[]; members: number[][] } {
  const order = Array.from(weights, (_, i) => i)
    .filter((i) => weights[i]! > 0)
    .sort((a, b) => weights[b]! - weights[a]! || a - b);
  const weight: number[] = [];
  const members: number[][] = [];
  for (const i of order) {
    const v = weights[i]!;
    if (weight[weight.length - 1] === v) members[members.length - 1]!.push(i);
    else {
      weight.push(v);
      members.push([i]);
    }
  }
  return { weight, members };
}

/**
 * Operations of `weightedHoller` (what a feasibility budget is checked against): the table's
 * limb-additions, Σ over the players lighter than the table of (Q − w)·(limbs in use), and the
 * terms of its alternating sums, about Q / (2·u_c) per limb in use for each evaluation of class c.
 */
export function weightedHollerOps(g: WeightedGame): number {
  const { weights, total: W, quota: q } = g;
  if (q <= 0 || q > W) return 0;
  const Q = Math.min(q, W - q + 1);
  const { weight: U, members } = weightClasses(weights);
  const m = members.reduce((s, c) => s + c.length, 0);
  const L = limbCount(m);
  let ops = 0;
  let inCells = 0;
  for (let k = 0; k < U.length; k++)
    for (let r = 0; r < members[k]!.length; r++)
      if (U[k]! < Q) ops += (Q - U[k]!) * Math.min(L, activeLimbs(++inCells));
  // evaluations of class c: one or two per later class, two of its own
  let later = 0;
  for (let c = U.length - 1; c >= 0; c--) {
    ops += (later + 2) * Math.min(Q, Q / (2 * U[c]!) + 1) * Math.max(1, L / 2);
    later += members[c]!.length === 1 ? 1 : 2;
  }
  return ops;
}

export interface HollerCounts {
  readonly total: bigint;
  readonly containing: bigint[];
}

/**
 * Exact counts of the minimal winning coalitions of a weighted game, in all and containing each
 * player (a player of weight 0 is in none). `js` forces the JavaScript loops, `scalar` the
 * WebAssembly ones without SIMD (tests).
 */
export function weightedHoller(g: WeightedGame, opts: { js?: boolean; scalar?: boolean } = {}): HollerCounts {
  const { total, containing } = hollerCounts(g, opts, false);
  return { total, containing };
}

/**
 * Holler's counts and, from the same table once every player is in it, the counts of ./weighted.ts
 * `weightedSwings` (|W|, the swings, the veto players; the table is the one it builds, P(x) for
 * x < min(q, W − q + 1), whatever the order of the players): one table where the two would build
 * two.
 */
export function weightedHollerAndSwings(
  g: WeightedGame,
  opts: { js?: boolean; scalar?: boolean } = {},
): HollerCounts & WeightedCounts {
  return hollerCounts(g, opts, true) as HollerCounts & WeightedCounts;
}

function hollerCounts(
  g: WeightedGame,
  opts: { js?: boolean; scalar?: boolean },
  withSwings: boolean,
): HollerCounts & Partial<WeightedCounts> {
  const { n, weights, total: W, quota: q } = g;
  const containing = Array<bigint>(n).fill(0n);
  const veto = Array.from(weights, (w) => q > 0 && W - w < q);
  // (when everything wins, only the empty coalition is minimal; it is not counted, as in the enumeration)
  if (q <= 0 || q > W)
    return withSwings
      ? { total: 0n, containing, winning: q <= 0 ? 1n << BigInt(n) : 0n, swings: Array(n).fill(0n), veto }
      : { total: 0n, containing };
  const Q = Math.min(q, W - q + 1);
  const { weight: U, members } = weightClasses(weights);
  const K = U.length;
  const m = members.reduce((s, c) => s + c.length, 0);
  const L = limbCount(m);
  const plain = L === 1;
  // accumulators: L + 2 limbs per class (signed until the end), and one for the total
  const A = L + 2;
  const mem = hollerMemory(L, Q, (K + 1) * A, A, K, opts);
  mem.f64.set(U, mem.uAt);
  const f = mem.f64;
  f.fill(1, 0, Q);
  const accOf = (c: number) => mem.accAt + c * A;
  const totalAt = accOf(K);

  let WE = 0; // their weight
  let inCells = 0; // players added that are lighter than the table (the others change no cell)
  let bits = 0; // a bound on log2 of every limb
  let act = 1; // limbs that may be non-zero
  // pairs per chunk of an alternating sum: (chunk + 1)·2^bits ≤ 2^53 (one plain limb: any length,
  // every partial sum is a difference of two counts below 2^52)
  let chunk = 2 ** 30;

  // 2^|E| and 2^(|E|−1) as (limb, value below 2^40)
  let allLimb = 0;
  let allValue = 1;
  let halfLimb = 0;
  let halfValue = 0.5;
  const readable = () => {
    if (plain) return;
    if (bits > READ_BITS) {
      mem.carry(act);
      bits = LIMB_BITS;
    }
    chunk = 2 ** (53 - bits) - 1;
  };
  /** sign · #{T ⊆ E : w(T) ≤ z} into the total's accumulator (one lookup per limb). */
  const plainCount = (z: number, sign: number) => {
    if (z < 0) return;
    if (z >= WE) {
      f[totalAt + allLimb] = f[totalAt + allLimb]! + sign * allValue;
      mem.alt(totalAt, 0, 1, 0, 0, chunk, sign);
      return;
    }
    if (z < Q) mem.alt(totalAt, z, 1, 1, act, chunk, sign);
    else {
      f[totalAt + allLimb] = f[totalAt + allLimb]! + sign * allValue;
      mem.alt(totalAt, WE - z - 1, 1, 1, act, chunk, -sign);
    }
  };

  for (let k = 0; k < K; k++) {
    const uk = U[k]!;
    // one member: P^c_k(h_ck) − P^c_{k−1}(h_ck) = P^c_{k−1}(h_ck − u_k), one read before it is added
    const single = members[k]!.length === 1;
    readable();
    mem.pass(0, k, q + (single ? 0 : uk) - 1, WE, single ? 1 : -1, act, chunk, halfLimb, halfValue);
    for (let r = 0; r < members[k]!.length; r++) {
      // the minimal winning coalitions whose lightest member is this player: T before it, q − u_k ≤ w(T) < q
      plainCount(q - 1, 1);
      plainCount(q - uk - 1, -1);
      WE += uk;
      halfLimb = allLimb;
      halfValue = allValue;
      allValue *= 2;
      if (allValue === LIMB) {
        allValue = 1;
        allLimb++;
      }
      if (uk >= Q) continue;
      inCells++;
      if (!plain && bits >= 52) {
        mem.carry(act);
        bits = LIMB_BITS;
      }
      act = Math.min(L, activeLimbs(inCells));
      for (let l = 0; l < act; l++) mem.add(l, uk);
      bits = Math.min(bits + 1, inCells);
    }
    readable();
    if (!single) mem.pass(0, k, q + uk - 1, WE, 1, act, chunk, halfLimb, halfValue);
    mem.pass(k, k + 1, q - 1 + uk, WE, 1, act, chunk, halfLimb, halfValue);
  }
  readable();
  mem.pass(0, K, q - 1, WE, -1, act, chunk, halfLimb, halfValue);

  const value = (at: number) => {
    let r = 0n;
    for (let l = A - 1; l >= 0; l--) r = (r << BIG_LIMB_BITS) + BigInt(f[at + l]!);
    return r;
  };
  for (let c = 0; c < K; c++) {
    const v = value(accOf(c));
    for (const i of members[c]!) containing[i] = v;
  }
  const total = value(totalAt);
  if (!withSwings) return { total, containing };

  // The swings: η_i = 2·P^{−i}(Q − 1) − P(Q − 1), one alternating sum per class into its (emptied)
  // accumulator; the players of weight 0, left out of the table, double every count.
  f.fill(0, mem.accAt, mem.accAt + K * A);
  readable();
  for (let c = 0; c < K; c++) mem.pass(c, c + 1, Q - 1 + U[c]!, WE, 1, act, chunk, halfLimb, halfValue);
  const zero = BigInt(n - m);
  let atTop = 0n;
  for (let l = L - 1; l >= 0; l--) atTop = (atTop << BIG_LIMB_BITS) + BigInt(f[l * Q + Q - 1]!);
  const swings = Array<bigint>(n).fill(0n);
  for (let c = 0; c < K; c++) {
    const v = (2n * value(accOf(c)) - atTop) << zero;
    for (const i of members[c]!) swings[i] = v;
  }
  atTop <<= zero;
  // above half the table is the dual game's [W − q + 1; w]: its losing coalitions are the
  // complements of the original's winning ones
  const winning = q > W - q + 1 ? atTop : (1n << BigInt(n)) - atTop;
  return { total, containing, winning, swings, veto };
}
