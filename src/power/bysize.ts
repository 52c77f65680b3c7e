/**
 * Swings by coalition size of a weighted voting game [q; w] — what Shapley–Shubik needs — over one
 * table of coalition counts by size and weight, with removal per distinct weight; the size-indexed
 * dynamic programme of EPIC's Shapley–Shubik (jhstaudacher/EPIC, `SwingsPerPlayerAndCardinality.cpp`;
 * Kurz 2016, §3.2) kept as prefix sums over the weight, so that removing a player costs
 * O(k · min(k, q / w_i)) lookups per size k rather than a pass over the table.
 *
 *   F_k(x) = #{S : |S| = k, w(S) ≤ x}, 0 ≤ x < Q; adding a player of weight v: F_k(x) += F_{k−1}(x − v).
 *   Without player i: F^{−i}_k(x) = Σ_t (−1)^t F_{k−t}(x − t·w_i).
 *   s_i(k) = #{S ∌ i : |S| = k, Q − w_i ≤ w(S) < Q} = F^{−i}_k(Q − 1) − F^{−i}_k(Q − 1 − w_i).
 * Row k is stored only over [lo_k, hi_k): below the k lightest weights' sum it is 0, from the k
 * heaviest weights' sum on it is the number of k-subsets so far. Adding a player touches row k
 * only between the smallest and the largest k-sum of the players added so far (below, 0; above,
 * the row's total, held once), and the order (lightest or heaviest first) and the table (game or
 * dual) are those with the fewest additions: on the 193-player benchmark game (Shapley–Shubik)
 * 70 million limb additions instead of 164 million, on the 50-player one (with the minimal
 * winning coalitions) 156 million instead of 346 million. When the quota is above half, the
 * dual game [W − q + 1; w] is counted instead (a smaller table): T is a swing of i in the game iff
 * N ∖ T ∖ {i} is one in the dual, so s_i(k) = s*_i(n − 1 − k), and |W| is the dual's losing count.
 *
 * Counts are exact, as 40-bit limbs in Float64Arrays with lazy carries (as in ./weighted.ts); row k
 * holds at most C(n, k) < 2^bits(k), so it gets ⌈bits(k) / 40⌉ limbs, and a game whose largest
 * binomial C(n, ⌊n/2⌋) stays below 2^52 (n ≤ 54) needs one plain double per cell and no carrying.
 */
import { rowArrays } from './kernel.js';
import type { WeightedGame } from './weighted.js';

const LIMB_BITS = 40;
const LIMB = 2 ** LIMB_BITS;
const INV_LIMB = 2 ** -LIMB_BITS;
const BIG_LIMB_BITS = BigInt(LIMB_BITS);

export interface SizeSwings {
  readonly winning: bigint;
  /** With `minimal`: minimal winning coalitions, in all and containing each player, by size 0..n. */
  readonly minimal: { total: bigint; containingBySize: bigint[][] } | null;
  /** swingsBySize[i][k], k = 0..n−1. */
  readonly swingsBySize: bigint[][];
  readonly swings: bigint[];
  readonly veto: boolean[];
}

interface Layout {
  readonly Q: number;
  readonly dual: boolean;
  /** Rows 0..K hold something below Q. */
  readonly K: number;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Limbs of row k. */
  readonly limbs: Int32Array;
  readonly single: boolean;
  readonly cells: number;
  readonly ops: number;
  /** The order the players are added in (indices into the weights). */
  readonly order: Int32Array;
}

/** log2 C(m, k) for m ≤ n, from log-factorials. */
function log2Binomials(n: number): (m: number, k: number) => number {
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = lf[i - 1]! + Math.log2(i);
  return (m, k) => (k < 0 || k > m ? 0 : lf[m]! - lf[k]! - lf[m - k]!);
}

/**
 * The table's rows for the threshold Q, and its cost when the players are added in `order`: each
 * addition touches row k only where the rows can change, from the smallest k-sum of the players
 * added so far (below it the row is 0) up to their largest k-sum (from there on it is the number
 * of k-subsets, held once per row, not per cell) — see `weightedSizeSwings`.
 */
function rowsFor(
  g: WeightedGame,
  Q: number,
  order: Int32Array,
  lb: (m: number, k: number) => number,
  single: boolean,
): { K: number; lo: Int32Array; hi: Int32Array; limbs: Int32Array; cells: number; ops: number } {
  const { n, weights } = g;
  const asc = Float64Array.from(weights).sort();
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const limbs = new Int32Array(n + 1);
  let small = 0;
  let large = 0;
  let K = 0;
  let cells = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) {
      small += asc[k - 1]!;
      large += asc[n - k]!;
    }
    if (small >= Q) break;
    K = k;
    lo[k] = small;
    hi[k] = Math.max(small, Math.min(Q, large + 1));
    limbs[k] = single ? 1 : Math.max(1, Math.ceil((lb(n, k) + 1) / LIMB_BITS));
    cells += (hi[k]! - lo[k]!) * limbs[k]!;
  }
  // additions: as `weightedSizeSwings` makes them, with the limbs each row needs by then
  const mn = new Float64Array(K + 1).fill(Number.POSITIVE_INFINITY);
  const mx = new Float64Array(K + 1).fill(Number.NEGATIVE_INFINITY);
  const cur = Int32Array.from(lo.subarray(0, K + 1));
  mn[0] = 0;
  mx[0] = 0;
  let ops = 0;
  let j = 0;
  for (const i of order) {
    const v = weights[i]!;
    j++;
    for (let k = Math.min(j, K); k >= 1; k--) {
      const newMx = Math.max(mx[k]!, mx[k - 1]! + v);
      const newCur = Math.max(lo[k]!, Math.min(hi[k]!, newMx));
      const from = Math.max(lo[k]!, mn[k - 1]! + v);
      const span = Math.max(0, newCur - from) + (newCur - cur[k]!) / 2;
      ops += span * (single ? 1 : Math.min(limbs[k]!, Math.max(1, Math.ceil((lb(j, k) + 1) / LIMB_BITS))));
      mn[k] = Math.min(mn[k]!, mn[k - 1]! + v);
      mx[k] = newMx;
      cur[k] = newCur;
    }
  }
  return { K, lo, hi, limbs, cells, ops };
}

/**
 * The cheapest table: over the game or its dual (when `allowDual`), the players added lightest
 * first or heaviest first (heaviest first only with `heaviestFirst`, as the minimal winning
 * coalitions need).
 */
function layout(
  g: WeightedGame,
  allowDual = true,
  heaviestFirst = false,
  force?: TableChoice,
): Layout | null {
  const { n, weights, total, quota } = g;
  if (quota <= 0 || quota > total) return null;
  // (the budget check and the computation ask for the same layout of the same game)
  const key = `${allowDual} ${heaviestFirst}`;
  const known = force ? undefined : layouts.get(g)?.get(key);
  if (known) return known;
  const lb = log2Binomials(n);
  const single = lb(n, Math.floor(n / 2)) < 51.5;
  const ids = Array.from(weights, (_, i) => i);
  const heavy = Int32Array.from([...ids].sort((a, b) => weights[b]! - weights[a]! || a - b));
  const light = Int32Array.from([...ids].sort((a, b) => weights[a]! - weights[b]! || a - b));
  const thresholds = [{ Q: quota, dual: false }];
  if (allowDual && (force?.dual || total - quota + 1 !== quota))
    thresholds.push({ Q: total - quota + 1, dual: true });
  let best: Layout | null = null;
  for (const { Q, dual } of thresholds)
    for (const order of heaviestFirst ? [heavy] : [light, heavy]) {
      if (force && (force.dual !== dual || force.heaviestFirst !== (order === heavy))) continue;
      const r = rowsFor(g, Q, order, lb, single);
      const ops = single ? r.ops : r.ops * (heaviestFirst ? 2 : 1 + 1 / (52 - LIMB_BITS));
      if (!best || ops < best.ops) best = { Q, dual, ...r, ops, single, order };
    }
  if (!best) return force ? layout(g, allowDual, heaviestFirst) : null;
  if (!force) {
    const m = layouts.get(g) ?? new Map<string, Layout>();
    m.set(key, best);
    layouts.set(g, m);
  }
  return best;
}

const layouts = new WeakMap<WeightedGame, Map<string, Layout>>();

/** A table forced (tests): over the dual or not, players added heaviest first or lightest first. */
export interface TableChoice {
  readonly dual: boolean;
  readonly heaviestFirst: boolean;
}

/** Cells and limb-additions of the table (for the feasibility budget). */
export function sizeTableCost(g: WeightedGame, minimal = false): { cells: number; ops: number } {
  const l = layout(g, !minimal, minimal);
  if (!l) return { cells: 0, ops: 0 };
  if (!minimal) return { cells: l.cells, ops: l.ops };
  // per player, a window per size and per earlier distinct weight u, min(k, Q/u) lookups per limb
  const desc = Float64Array.from(g.weights).sort().reverse();
  const maxLimbs = l.limbs.reduce((a, b) => Math.max(a, b), 1);
  const seen: number[] = [];
  let reads = 0;
  for (const v of desc) {
    let perPlayer = 0;
    for (const u of seen) perPlayer += u > 0 ? Math.min(l.K, l.Q / u) : 0;
    reads += (perPlayer * l.K + l.K) * 2 * maxLimbs;
    if (seen[seen.length - 1] !== v) seen.push(v);
  }
  return { cells: l.cells, ops: l.ops + reads * 4 };
}

/**
 * With `minimal`, also the minimal winning coalitions by size (Holler, Deegan–Packel), as in
 * ./gf.ts: with the players added heaviest first, a winning S is minimal iff its last (lightest)
 * member j is critical, so those ending with j are T ∪ {j}, T of the players before j with
 * q − w_j ≤ w(T) < q, read off the table before j is added (F_k(q−1) − F_k(q−1−w_j)); those that
 * also contain an earlier player i of weight u are the same windows of the table without i,
 * shifted by u. The table is then over the game itself (no dual) and carried before every read.
 */
export function weightedSizeSwings(
  g: WeightedGame,
  opts: { minimal?: boolean; force?: TableChoice; js?: boolean } = {},
): SizeSwings {
  const { n, weights, total, quota } = g;
  const veto = Array.from(weights, (w) => quota > 0 && total - w < quota);
  const wantMinimal = opts.minimal === true;
  const L = layout(g, !wantMinimal, wantMinimal, opts.force);
  const zeros = () => Array.from({ length: n }, () => Array<bigint>(n).fill(0n));
  if (!L) {
    const swingsBySize = zeros();
    return {
      winning: quota <= 0 ? 1n << BigInt(n) : 0n,
      // (when everything wins, only the empty coalition is minimal; not counted, as in the enumeration)
      minimal: wantMinimal
        ? { total: 0n, containingBySize: Array.from({ length: n }, () => Array<bigint>(n + 1).fill(0n)) }
        : null,
      swingsBySize,
      swings: Array(n).fill(0n),
      veto,
    };
  }
  const { Q, dual, K, lo, hi, limbs, single, order } = L;
  const lb = log2Binomials(n);
  // rows[k][l]: limb l of row k over [lo_k, hi_k); tot[k][l]: limb l of the number of k-subsets so far
  // (the rows in one WebAssembly memory, their additions there: ./kernel.ts)
  const lengths: number[] = [];
  for (let k = 0; k <= K; k++) for (let l = 0; l < limbs[k]!; l++) lengths.push(hi[k]! - lo[k]!);
  const store = rowArrays(lengths, opts);
  const addRange = store.addRange;
  const rows: Float64Array[][] = [];
  const tot: Float64Array[] = [];
  let next = 0;
  for (let k = 0; k <= K; k++) {
    rows.push(store.arrays.slice(next, next + limbs[k]!));
    next += limbs[k]!;
    tot.push(new Float64Array(limbs[k]!));
  }
  // the empty coalition: F_0(x) = 1 for every x ≥ 0
  tot[0]![0] = 1;
  // Row k changes only between the smallest k-sum of the players added so far (mn_k; below it the
  // row is 0) and their largest (mx_k; from there on every k-subset fits, F_k = tot_k): it is
  // stored over [lo_k, cur_k), cur_k = mx_k within [lo_k, hi_k), and read as tot_k above.
  const mn = new Float64Array(K + 1).fill(Number.POSITIVE_INFINITY);
  const mx = new Float64Array(K + 1).fill(Number.NEGATIVE_INFINITY);
  const cur = Int32Array.from(lo.subarray(0, K + 1));
  mn[0] = 0;
  mx[0] = 0;

  // F_k(x) limb l, for any x
  const at = (k: number, l: number, x: number): number => {
    if (k < 0 || k > K || x < lo[k]!) return 0;
    const r = rows[k]!;
    if (l >= r.length) return 0;
    if (x >= cur[k]!) return tot[k]![l]!;
    return r[l]![x - lo[k]!]!;
  };
  const maxLimbs = limbs.reduce((a, b) => Math.max(a, b), 1);
  const value = (parts: Float64Array): bigint => {
    let r = 0n;
    for (let l = parts.length - 1; l >= 0; l--) r = (r << BIG_LIMB_BITS) + BigInt(parts[l]!);
    return r;
  };
  // out += sign · F^{−i}_k(x) for a player i of weight v, limb-wise (|each limb sum| < 2^52)
  const without = (k: number, x: number, v: number, out: Float64Array, sign: number) => {
    for (let l = 0; l < maxLimbs; l++) {
      let s = 0;
      let y = x;
      for (let t = 0; t <= k && y >= 0; t++, y -= v) {
        const a = at(k - t, l, y);
        s = t & 1 ? s - a : s + a;
      }
      out[l] = out[l]! + sign * s;
    }
  };
  const parts = new Float64Array(maxLimbs);

  // minimal winning coalitions: by size for the total and for each last member; per earlier class
  // a running sum by size, and for each player the sums when it joined its class (what it gets is
  // the difference at the end)
  // In a one-limb table (every count below 2^52, see `layout`) these sums are kept as doubles,
  // exact: each is a number of coalitions of one size containing one player, below C(n − 1, k).
  // Without BigInts in the loops the minimal coalitions of the 50-player benchmark game cost
  // a third less (BigInt additions allocate; the collector took a tenth of the time).
  const mTotal = wantMinimal ? Array<bigint>(n + 2).fill(0n) : [];
  const mOwn = wantMinimal ? Array.from({ length: n }, () => Array<bigint>(n + 1).fill(0n)) : [];
  const classWeights: number[] = [];
  const classSums: bigint[][] = [];
  const classOf = new Int32Array(n);
  const joined: bigint[][] = wantMinimal ? Array(n) : [];
  const fast = wantMinimal && single;
  const mTotalF = new Float64Array(fast ? n + 2 : 0);
  const mOwnF = fast ? Array.from({ length: n }, () => new Float64Array(n + 1)) : [];
  const classSumsF: Float64Array[] = [];
  const joinedF: Float64Array[] = fast ? Array(n) : [];
  // F^{−i}_k(x) of a one-limb table, for a player i of weight v
  const without1 = (k: number, x: number, v: number): number => {
    let s = 0;
    let y = x;
    for (let t = 0; t <= k && y >= 0; t++, y -= v) {
      const a = at(k - t, 0, y);
      s = t & 1 ? s - a : s + a;
    }
    return s;
  };

  // the order `layout` found cheapest (heaviest first with minimal)
  let bits = 0;
  let j = 0;
  for (const i of order) {
    const v = weights[i]!;
    j++;
    if (!single && (bits >= 52 || (wantMinimal && bits > LIMB_BITS))) {
      carryAll(rows, tot, K);
      bits = LIMB_BITS;
    }
    if (fast) {
      // as below, in doubles
      const own = mOwnF[i]!;
      for (let k = 0; k < j && k <= K; k++) {
        const c = at(k, 0, Q - 1) - at(k, 0, Q - 1 - v);
        if (c === 0) continue;
        mTotalF[k + 1] = mTotalF[k + 1]! + c;
        own[k + 1] = own[k + 1]! + c;
        if (k === 0) continue;
        for (let cl = 0; cl < classWeights.length; cl++) {
          const u = classWeights[cl]!;
          if (u === 0) continue;
          const cu = without1(k - 1, Q - 1 - u, u) - without1(k - 1, Q - 1 - u - v, u);
          if (cu !== 0) {
            const sums = classSumsF[cl]!;
            sums[k + 1] = sums[k + 1]! + cu;
          }
        }
      }
      if (classWeights[classWeights.length - 1] !== v) {
        classWeights.push(v);
        classSumsF.push(new Float64Array(n + 1));
      }
      classOf[i] = classWeights.length - 1;
      joinedF[i] = classSumsF[classSumsF.length - 1]!.slice();
    } else if (wantMinimal) {
      // minimal winning coalitions of size k + 1 ending with i (T: k of the j − 1 heavier players)
      for (let k = 0; k < j && k <= K; k++) {
        parts.fill(0);
        for (let l = 0; l < maxLimbs; l++) parts[l] = at(k, l, Q - 1) - at(k, l, Q - 1 - v);
        const c = value(parts);
        if (c === 0n) continue;
        mTotal[k + 1] = mTotal[k + 1]! + c;
        mOwn[i]![k + 1] = mOwn[i]![k + 1]! + c;
        if (k === 0) continue;
        for (let cl = 0; cl < classWeights.length; cl++) {
          const u = classWeights[cl]!;
          if (u === 0) continue;
          parts.fill(0);
          without(k - 1, Q - 1 - u, u, parts, 1);
          without(k - 1, Q - 1 - u - v, u, parts, -1);
          const cu = value(parts);
          if (cu !== 0n) classSums[cl]![k + 1] = classSums[cl]![k + 1]! + cu;
        }
      }
      if (classWeights[classWeights.length - 1] !== v) {
        classWeights.push(v);
        classSums.push(Array<bigint>(n + 1).fill(0n));
      }
      classOf[i] = classWeights.length - 1;
      joined[i] = [...classSums[classSums.length - 1]!];
    }
    for (let k = Math.min(j, K); k >= 1; k--) {
      const active = single ? 1 : Math.min(limbs[k]!, Math.max(1, Math.ceil((lb(j, k) + 1) / LIMB_BITS)));
      const lk = lo[k]!;
      const l1 = lo[k - 1]!;
      // row k − 1 before this player: 0 below mn_{k−1}, stored up to cur_{k−1}, then its total
      const h1 = cur[k - 1]!;
      const newMx = Math.max(mx[k]!, mx[k - 1]! + v);
      const oldCur = cur[k]!;
      const newCur = Math.max(lk, Math.min(hi[k]!, newMx));
      const from = Math.max(lk, mn[k - 1]! + v);
      const mid = Math.min(newCur, h1 + v);
      const c0 = Math.max(lk, h1 + v);
      const below = rows[k - 1]!;
      const belowTot = tot[k - 1]!;
      const t = tot[k]!;
      for (let l = 0; l < active; l++) {
        const dst = rows[k]![l]!;
        // what was read as the row's total is now stored
        if (newCur > oldCur && t[l] !== 0) dst.fill(t[l]!, oldCur - lk, newCur - lk);
        const src = below[l];
        const t1 = l < belowTot.length ? belowTot[l]! : 0;
        if (src && from < mid) addRange(dst, from - lk, src, from - v - l1, mid - from);
        if (t1 !== 0 && c0 < newCur) addConstant(dst, c0 - lk, newCur - c0, t1);
        t[l] = t[l]! + t1;
      }
      mn[k] = Math.min(mn[k]!, mn[k - 1]! + v);
      mx[k] = newMx;
      cur[k] = newCur;
    }
    bits = Math.min(bits + 1, j);
  }
  if (!single) carryAll(rows, tot, K);

  let losing = 0n;
  const row = new Float64Array(maxLimbs);
  for (let k = 0; k <= K; k++) {
    row.fill(0);
    for (let l = 0; l < maxLimbs; l++) row[l] = at(k, l, Q - 1);
    losing += value(row);
  }
  const byWeight = new Map<number, bigint[]>();
  const swingsBySize = Array.from(weights, (v) => {
    let s = byWeight.get(v);
    if (!s) {
      s = Array<bigint>(n).fill(0n);
      if (v > 0)
        for (let k = 0; k < n && k <= K; k++) {
          parts.fill(0);
          without(k, Q - 1, v, parts, 1);
          without(k, Q - 1 - v, v, parts, -1);
          s[k] = value(parts);
        }
      if (dual) s.reverse();
      byWeight.set(v, s);
    }
    return s;
  });
  const all = 1n << BigInt(n);
  const minimal = fast
    ? {
        total: Array.from(mTotalF, (x) => BigInt(x)).reduce((a, b) => a + b, 0n),
        containingBySize: mOwnF.map((own, i) => {
          const sums = classSumsF[classOf[i]!]!;
          const at0 = joinedF[i]!;
          // (each term and the result below 2^53: exact in doubles)
          return Array.from(own, (m, size) =>
            weights[i] === 0 ? 0n : BigInt(m + (sums[size]! - at0[size]!)),
          );
        }),
      }
    : wantMinimal
      ? {
          total: mTotal.reduce((a, b) => a + b, 0n),
          containingBySize: mOwn.map((own, i) => {
            const sums = classSums[classOf[i]!]!;
            const at0 = joined[i]!;
            return own.map((m, size) => (weights[i] === 0 ? 0n : m + sums[size]! - at0[size]!));
          }),
        }
      : null;
  return {
    winning: dual ? losing : all - losing,
    minimal,
    swingsBySize,
    swings: swingsBySize.map((r) => r.reduce((a, b) => a + b, 0n)),
    veto,
  };
}

function addConstant(dst: Float64Array, d: number, len: number, c: number): void {
  for (let x = 0; x < len; x++) dst[d + x] = dst[d + x]! + c;
}

function carryAll(rows: Float64Array[][], tot: Float64Array[], K: number): void {
  for (let k = 0; k <= K; k++) {
    const r = rows[k]!;
    for (let l = 0; l + 1 < r.length; l++) {
      const a = r[l]!;
      const b = r[l + 1]!;
      for (let x = 0; x < a.length; x++) {
        const y = a[x]!;
        if (y >= LIMB) {
          const c = Math.floor(y * INV_LIMB);
          a[x] = y - c * LIMB;
          b[x] = b[x]! + c;
        }
      }
      const t = tot[k]!;
      const y = t[l]!;
      if (y >= LIMB) {
        const c = Math.floor(y * INV_LIMB);
        t[l] = y - c * LIMB;
        t[l + 1] = t[l + 1]! + c;
      }
    }
  }
}
