/**
 * Exact counting by generating functions over one weight and the coalition size, for rules whose
 * atoms sum one integer weight and/or count players (weighted voting, counting rules, and any
 * `all`/`any` of them, e.g. "votes ≥ 255 and at least 14 states").
 *
 * With F(x, y) = Π_j (1 + y·x^{w_j}) = Σ f[k][w] y^k x^w (Brams & Affuso 1976; Bilbao, Fernández,
 * Jiménez & López 2000), the rule is a monotone predicate win(k, w), and θ(k) = min{w : win(k, w)}.
 *  - |W| = 2^n − Σ_k Σ_{w<θ(k)} f[k][w].
 *  - The swings of i with |S| = k are Σ_{θ(k+1)−w_i ≤ w < θ(k)} f^{−i}[k][w], where F^{−i} = F/(1+y·x^{w_i})
 *    = Σ_t (−y)^t x^{t·w_i}·F: a telescoping sum of windows of F's prefix sums, O(min(k, θ/w_i)) per
 *    window (no per-player table). Shapley–Shubik follows from the size-indexed swings.
 *  - Minimal winning coalitions: with players sorted by weight, heaviest first, a winning S is
 *    minimal iff its last (lightest) member is critical (every member's weight is at least the
 *    last's, and i is critical iff w_i exceeds the slack w(S) − θ(|S|−1)). So the minimal winning
 *    coalitions whose last member is j are the swings of j in the game of the players before it,
 *    read off the table while it is built in that order; those containing an earlier player i are
 *    the same windows of F_{<j}/(1+y·x^{w_i}) (Holler and Deegan–Packel need them per player).
 * The table is kept as prefix sums over w, restricted to the losing region w < θ(k) and to the
 * weights a k-coalition can have; counts are exact residues modulo primes below 2^52 (./exact.ts).
 * Time O(n²·q) for the table; memory O(n·q) per prime, q the largest θ.
 */
import type { NumericRule } from '../rules/compile.js';
import { sumsPredicate } from '../rules/compile.js';
import { Crt, primesFor } from './exact.js';
import type { PowerCounts } from './indices.js';

export interface GfPlan {
  readonly n: number;
  /** Per player, the summed weight (0 when the rule only counts). */
  readonly weights: Float64Array;
  readonly total: number;
  /** θ(k) for k = 0..n; total + 1 when no coalition of size k wins. */
  readonly theta: Float64Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly offsets: Int32Array;
  /** Table cells (per prime). */
  readonly cells: number;
  readonly primes: number[];
  /** Estimated additions to build the table (all primes). */
  readonly buildOps: number;
  /** Estimated lookups for the per-player minimal-winning counts (all primes). */
  readonly minimalOps: number;
}

/** Why the generating-function algorithm cannot run on a rule, or null when it can. */
export function gfObstacle(r: NumericRule): string | null {
  const dims = r.weights.map((_, d) => d).filter((d) => !r.isCount[d]);
  if (dims.length > 1)
    return `the rule sums ${dims.length} different weights: generating functions handle one weight and the count of players`;
  if (dims.length === 1 && r.totals[dims[0]!]! > 2 ** 26)
    return `the weights total ${r.totals[dims[0]!]} after exact scaling to integers, too many for a table over weights`;
  return null;
}

export function planGf(r: NumericRule): GfPlan {
  const n = r.n;
  const wdim = r.weights.findIndex((_, d) => !r.isCount[d]);
  const cdim = r.isCount.indexOf(true);
  const weights = wdim >= 0 ? Float64Array.from(r.weights[wdim]!) : new Float64Array(n);
  const total = weights.reduce((a, b) => a + b, 0);
  const pred = sumsPredicate(r);
  const sums = new Float64Array(r.weights.length);
  const win = (k: number, w: number) => {
    if (cdim >= 0) sums[cdim] = k;
    if (wdim >= 0) sums[wdim] = w;
    return pred(sums);
  };
  const theta = new Float64Array(n + 2);
  for (let k = 0; k <= n + 1; k++) {
    if (k > n || !win(k, total)) {
      theta[k] = total + 1;
      continue;
    }
    let a = 0;
    let b = total; // win(k, b) holds
    while (a < b) {
      const m = Math.floor((a + b) / 2);
      if (win(k, m)) b = m;
      else a = m + 1;
    }
    theta[k] = a;
  }
  const asc = Float64Array.from(weights).sort();
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const offsets = new Int32Array(n + 2);
  let small = 0;
  let large = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) {
      small += asc[k - 1]!;
      large += asc[n - k]!;
    }
    lo[k] = small;
    hi[k] = Math.max(small, Math.min(theta[k]!, large + 1));
    offsets[k + 1] = offsets[k]! + hi[k]! - lo[k]!;
  }
  const cells = offsets[n + 1]!;
  const primes = primesFor(n);
  let build = 0;
  for (let j = 0; j < n; j++) for (let k = 1; k <= Math.min(j + 1, n); k++) build += hi[k]! - lo[k]!;
  // per-player minimal-winning windows: for each step, each distinct earlier weight, each size
  const order = sortedOrder(weights);
  const perClass = new Map<number, number>();
  let minimal = 0;
  let running = 0;
  for (let s = 0; s < n; s++) {
    minimal += running;
    const u = weights[order[s]!]!;
    if (!perClass.has(u)) {
      let c = 0;
      for (let k = 1; k < n; k++) c += 2 * Math.min(k, u > 0 ? Math.floor(theta[k]! / u) + 1 : k);
      perClass.set(u, c);
      running += c;
    }
  }
  return {
    n,
    weights,
    total,
    theta,
    lo,
    hi,
    offsets,
    cells,
    primes,
    buildOps: build * primes.length,
    minimalOps: minimal * primes.length,
  };
}

function sortedOrder(weights: Float64Array): number[] {
  return Array.from(weights, (_, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
}

/** Players per wavefront group in the table build. */
const WAVE = 8;

export interface GfOptions {
  /** Compute per-player minimal winning coalitions (Holler, Deegan–Packel). */
  readonly minimal: boolean;
}

export function gfCounts(plan: GfPlan, opts: GfOptions): PowerCounts {
  const { n, weights, theta, lo, hi, offsets, primes } = plan;
  const P = primes.length;
  const order = sortedOrder(weights);
  const classes = [...new Set(weights)];
  const classIndex = new Map(classes.map((w, c) => [w, c]));
  // residues[prime] of: losing count; swings by (class, k); minimal by (player, size); minimal total
  const losing = new Float64Array(P);
  const swings = classes.map(() => Array.from({ length: P }, () => new Float64Array(n)));
  const minimal = opts.minimal
    ? Array.from({ length: n }, () => Array.from({ length: P }, () => new Float64Array(n + 1)))
    : null;
  const minimalTotal = Array.from({ length: P }, () => new Float64Array(n + 1));
  const table = new Float64Array(plan.cells);
  const rowTotal = new Float64Array(n + 1);

  // With fewer than 52 players every count is below the prime: plain additions never wrap.
  const plain = n < 51;
  for (let pi = 0; pi < P; pi++) {
    const p = primes[pi]!;
    table.fill(0);
    rowTotal.fill(0);
    rowTotal[0] = 1;
    if (hi[0]! > lo[0]!) table[offsets[0]!] = 1;
    const inv = 1 / p;
    // L(k, x): number of processed coalitions of size k and weight ≤ x (mod p); x < θ(k).
    const L = (k: number, x: number): number => {
      if (x < lo[k]!) return 0;
      if (x >= hi[k]!) return rowTotal[k]!;
      return table[offsets[k]! + x - lo[k]!]!;
    };
    /** Window [a, b) of row k of the current table divided by (1 + y·x^u), i.e. without one player of weight u. */
    const windowWithout = (k: number, a: number, b: number, u: number): number => {
      let even = 0;
      let odd = 0;
      for (let t = 0; t <= k; t++) {
        const top = b - 1 - t * u;
        if (top < 0) break;
        const r = k - t;
        const lr = lo[r]!;
        const hr = hi[r]!;
        const base = offsets[r]! - lr;
        const x1 = top < lr ? 0 : top >= hr ? rowTotal[r]! : table[base + top]!;
        const bot = a - 1 - t * u;
        const x0 = bot < lr ? 0 : bot >= hr ? rowTotal[r]! : table[base + bot]!;
        // x1 − x0 in (−p, p): both sums stay in (−p, 2p) before reduction, below 2^53
        if (t & 1) {
          odd += x1 - x0;
          odd -= Math.floor(odd * inv) * p;
          if (odd < 0) odd += p;
          else if (odd >= p) odd -= p;
        } else {
          even += x1 - x0;
          even -= Math.floor(even * inv) * p;
          if (even < 0) even += p;
          else if (even >= p) even -= p;
        }
      }
      let acc = (even - odd) % p;
      if (acc < 0) acc += p;
      return acc;
    };
    /** Row k += row k−1 shifted by v (adding one player of weight v), and its total. */
    const addRow = (k: number, v: number): void => {
      const lk = lo[k]! | 0;
      const hk = hi[k]! | 0;
      const rt = rowTotal[k - 1]!;
      if (hk > lk) {
        const ok = (offsets[k]! - lk) | 0;
        const l1 = lo[k - 1]! | 0;
        const h1 = hi[k - 1]! | 0;
        const vi = v | 0;
        const o1 = (offsets[k - 1]! - l1 - vi) | 0;
        const startB = Math.max(lk, l1 + vi) | 0;
        const endB = Math.min(hk, h1 + vi) | 0;
        if (plain) {
          addShiftedPlain(table, ok, o1, startB, endB);
          if (rt !== 0) addConstantPlain(table, ok, Math.max(lk, h1 + vi) | 0, hk, rt);
        } else {
          addShifted(table, ok, o1, startB, endB, p);
          if (rt !== 0) addConstant(table, ok, Math.max(lk, h1 + vi) | 0, hk, rt, p);
        }
      }
      rowTotal[k] = (rowTotal[k]! + rt) % p;
    };
    /** Minimal winning coalitions of size k+1 whose last member has weight v, from row k (before adding it). */
    const lastWindow = (k: number, v: number): number => {
      const b = theta[k]!;
      const a = Math.max(0, theta[k + 1]! - v);
      if (a >= b) return 0;
      const c = L(k, b - 1) - L(k, a - 1);
      return c < 0 ? c + p : c;
    };
    const mt = minimalTotal[pi]!;
    if (minimal) {
      // Sequential: the per-player windows read every row of the table before each player.
      const processedClasses = new Map<number, number[]>();
      for (let s = 0; s < n; s++) {
        const j = order[s]!;
        const v = weights[j]!;
        // Minimal winning coalitions whose last member is j: S = T ∪ {j}, T ⊆ players before j.
        for (let k = 0; k <= s && k < n; k++) {
          const c = lastWindow(k, v);
          if (c === 0) continue;
          mt[k + 1] = (mt[k + 1]! + c) % p;
          const mj = minimal[j]![pi]!;
          mj[k + 1] = (mj[k + 1]! + c) % p;
          // …and those containing an earlier player i of weight u: T = T' ∪ {i}.
          if (k === 0) continue;
          const b = theta[k]!;
          const a = Math.max(0, theta[k + 1]! - v);
          for (const [u, members] of processedClasses) {
            const cu = windowWithout(k - 1, a - u, b - u, u);
            if (cu === 0) continue;
            for (const i of members) {
              const mi = minimal[i]![pi]!;
              mi[k + 1] = (mi[k + 1]! + cu) % p;
            }
          }
        }
        for (let k = Math.min(s + 1, n); k >= 1; k--) addRow(k, v);
        const list = processedClasses.get(v);
        if (list) list.push(j);
        else processedClasses.set(v, [j]);
      }
    } else {
      // Wavefront over groups of players (temporal cache blocking): player g+1 of a group updates
      // row k once player g has finished rows k and k−1, so the group sweeps the table once, with
      // a working set of a few rows instead of one full pass over the table per player.
      for (let s0 = 0; s0 < n; s0 += WAVE) {
        const m = Math.min(WAVE, n - s0);
        const top = Math.min(s0 + 1, n);
        for (let t = 0; t < top + 2 * (m - 1); t++) {
          for (let g = 0; g < m; g++) {
            const k = top - t + 2 * g;
            const s = s0 + g;
            if (k < 1 || k > Math.min(s + 1, n)) continue;
            const v = weights[order[s]!]!;
            if (k <= s && k < n) {
              const c = lastWindow(k, v);
              if (c !== 0) mt[k + 1] = (mt[k + 1]! + c) % p;
            }
            addRow(k, v);
          }
        }
        // windows on row 0 (the empty coalition), which no player changes
        for (let g = 0; g < m; g++) {
          const c = lastWindow(0, weights[order[s0 + g]!]!);
          if (c !== 0) mt[1] = (mt[1]! + c) % p;
        }
      }
    }
    // Losing coalitions and swings from the full table.
    let lose = 0;
    for (let k = 0; k <= n; k++) {
      if (theta[k]! < 1) continue;
      lose = (lose + L(k, Math.min(theta[k]!, plan.total + 1) - 1)) % p;
    }
    losing[pi] = lose;
    classes.forEach((v, c) => {
      const row = swings[c]![pi]!;
      for (let k = 0; k < n; k++) {
        const b = theta[k]!;
        const a = Math.max(0, theta[k + 1]! - v);
        row[k] = a >= b ? 0 : windowWithout(k, a, b, v);
      }
    });
  }

  const crt = new Crt(primes);
  const big = (rows: Float64Array[], idx: number) => crt.combine(rows.map((r) => r[idx]!));
  const swingsBySize = Array.from({ length: n }, (_, i) => {
    const rows = swings[classIndex.get(weights[i]!)!]!;
    return Array.from({ length: n }, (_, k) => big(rows, k));
  });
  const all = 1n << BigInt(n);
  const winning = all - crt.combine(losing);
  const notes: string[] = [];
  const minimalCounts = minimal
    ? {
        total: Array.from({ length: n + 1 }, (_, s) => big(minimalTotal, s)).reduce((a, b) => a + b, 0n),
        containingBySize: minimal.map((rows) => Array.from({ length: n + 1 }, (_, s) => big(rows, s))),
      }
    : null;
  const totalWeight = plan.total;
  return {
    n,
    winning,
    swings: swingsBySize.map((row) => row.reduce((a, b) => a + b, 0n)),
    swingsBySize,
    veto: Array.from(weights, (w) => totalWeight - w < theta[n - 1]!),
    minimal: minimalCounts,
    minimalTotal: Array.from({ length: n + 1 }, (_, s) => big(minimalTotal, s)).reduce((a, b) => a + b, 0n),
    johnstonByCritical: null,
    notes,
  };
}

/**
 * table[dst + x] += table[src + x] (mod p) for x in [from, to): the hot loop of the table build.
 * The reduction avoids an unpredictable branch: q = ⌊y/p⌋ from a multiplication by 1/p is exact
 * except within a few units of p, which the (almost never taken, so well predicted) fix-ups catch.
 */
function addShifted(
  table: Float64Array,
  dst: number,
  src: number,
  from: number,
  to: number,
  p: number,
): void {
  const inv = 1 / p;
  for (let x = from | 0; x < to; x = (x + 1) | 0) {
    const y = table[dst + x]! + table[src + x]!;
    let r = y - Math.floor(y * inv) * p;
    if (r < 0) r += p;
    else if (r >= p) r -= p;
    table[dst + x] = r;
  }
}

function addConstant(table: Float64Array, dst: number, from: number, to: number, c: number, p: number): void {
  const inv = 1 / p;
  for (let x = from | 0; x < to; x = (x + 1) | 0) {
    const y = table[dst + x]! + c;
    let r = y - Math.floor(y * inv) * p;
    if (r < 0) r += p;
    else if (r >= p) r -= p;
    table[dst + x] = r;
  }
}

function addShiftedPlain(table: Float64Array, dst: number, src: number, from: number, to: number): void {
  for (let x = from | 0; x < to; x = (x + 1) | 0) table[dst + x] = table[dst + x]! + table[src + x]!;
}

function addConstantPlain(table: Float64Array, dst: number, from: number, to: number, c: number): void {
  for (let x = from | 0; x < to; x = (x + 1) | 0) table[dst + x] = table[dst + x]! + c;
}

/**
 * The window [bot + 1, top] of a prefix-sum table without one player of weight u, mod p: an
 * alternating sum of differences of prefix sums, Σ_t (−1)^t (C[top − t·u] − C[bot − t·u]) (each
 * difference in (−p, p), so one correction keeps the sum in [0, p)). Small, so optimised early.
 */
function windowWithoutOne(table: Float64Array, top: number, bot: number, u: number, p: number): number {
  let acc = 0;
  let odd = false;
  for (let x = top, y = bot; x >= 0; x -= u, y -= u) {
    const d = table[x]! - (y < 0 ? 0 : table[y]!);
    acc = odd ? acc - d : acc + d;
    if (acc < 0) acc += p;
    else if (acc >= p) acc -= p;
    odd = !odd;
  }
  return acc;
}

/**
 * Holler's counts without sizes, for rules whose threshold does not depend on the number of
 * players (θ(k) the same for every k: pure weighted voting). Then a one-dimensional table over
 * weights suffices: the minimal winning coalitions whose last (lightest) member is j are the
 * coalitions T of earlier players with q − w_j ≤ w(T) < q, and those that contain an earlier player
 * i of weight u are windows of F_{<j}/(1 + x^u), read by the same telescoping sums. O(n·q) for the
 * table and Σ_j Σ_u q/u lookups: cheap where the size-indexed count is not.
 */
export function gfHollerCounts(
  plan: Pick<GfPlan, 'n' | 'weights' | 'theta' | 'primes' | 'total'>,
): { total: bigint; containing: bigint[] } | null {
  const { n, weights, theta, primes } = plan;
  const q = theta[0]!;
  for (let k = 0; k <= n; k++) if (theta[k]! !== q) return null;
  if (q < 1 || q > plan.total) return null;
  const P = primes.length;
  const order = sortedOrder(weights);
  const containing = Array.from({ length: n }, () => new Float64Array(P));
  const totals = new Float64Array(P);
  const table = new Float64Array(q); // prefix sums: coalitions of the players so far with weight ≤ x
  for (let pi = 0; pi < P; pi++) {
    const p = primes[pi]!;
    table.fill(1);
    let count = 1; // all coalitions so far (2^s mod p)
    const upTo = (x: number) => (x < 0 ? 0 : x >= q ? count : table[x]!);
    // the weights seen so far (descending: players come heaviest first) and their players
    const classWeights: number[] = [];
    const classMembers: number[][] = [];
    for (let s = 0; s < n; s++) {
      const j = order[s]!;
      const v = weights[j]!;
      const a = Math.max(0, q - v);
      let last = upTo(q - 1) - upTo(a - 1);
      if (last < 0) last += p;
      totals[pi] = (totals[pi]! + last) % p;
      containing[j]![pi] = (containing[j]![pi]! + last) % p;
      for (let c = 0; c < classWeights.length; c++) {
        const u = classWeights[c]!;
        // (a player of weight 0 is in no minimal winning coalition of a weighted game)
        if (u === 0) continue;
        // window [a − u, q − u) of the table without one player of weight u: an alternating sum
        // of differences of prefix sums (each in (−p, p), so one correction keeps acc in [0, p))
        const acc = windowWithoutOne(table, q - u - 1, a - u - 1, u, p);
        if (acc === 0) continue;
        for (const i of classMembers[c]!) containing[i]![pi] = (containing[i]![pi]! + acc) % p;
      }
      // add player j: C'[x] = C[x] + C[x − v]
      for (let x = q - 1; x >= v; x--) {
        const y = table[x]! + table[x - v]!;
        table[x] = y >= p ? y - p : y;
      }
      count = (count * 2) % p;
      if (classWeights[classWeights.length - 1] === v) classMembers[classMembers.length - 1]!.push(j);
      else {
        classWeights.push(v);
        classMembers.push([j]);
      }
    }
  }
  const crt = new Crt(primes);
  return {
    total: crt.combine(totals),
    containing: containing.map((r) => crt.combine(r)),
  };
}
