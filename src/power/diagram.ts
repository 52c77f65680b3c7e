/**
 * Exact counting for rules with several weights at once (`all`/`any` of sums over different fields,
 * e.g. the EU Council under Nice: votes, states and population): a multi-dimensional dynamic
 * programme over the vector of partial sums, whose states are merged whenever they leave the same
 * residual game — a quasi-reduced ordered binary decision diagram of the game (Bolus 2011, "Power
 * indices of simple games and vector-weighted majority games by means of binary decision
 * diagrams", EJOR 210).
 *
 * Players are decided one by one (heaviest first). A state is the vector of partial sums; it is
 * terminal as soon as the rule is decided whatever the remaining players do. Two states at the same
 * level are merged when, for every atom Σw ≥ Q, the number of distinct sums the remaining players
 * can add that stay below Q − s is the same (then exactly the same completions win): this is what
 * keeps real-valued weights such as populations tractable, since the partial sums themselves are
 * all distinct. Counting on the diagram (forward numbers of paths by size, backward numbers of
 * winning completions by size) gives |W|, the swings of each player and their sizes, hence
 * Banzhaf, Coleman and Shapley–Shubik. Exact: numbers for n ≤ 52 (every product counts distinct
 * coalitions, so stays below 2^53), BigInt above.
 */
import type { NumericRule } from '../rules/compile.js';
import { evalFormula3, sumsPredicate } from '../rules/compile.js';
import { fastRule } from './fast.js';
import type { PowerCounts } from './indices.js';

export interface DiagramOptions {
  /** Give up (return null) beyond this many states. */
  readonly maxNodes: number;
}

export interface DiagramResult {
  readonly counts: PowerCounts;
  readonly nodes: number;
  readonly order: number[];
}

const TRUE = -2;
const FALSE = -1;

/** Players in decision order: heaviest first by their summed share of the non-count weights. */
export function heaviestFirst(r: NumericRule): number[] {
  const score = new Float64Array(r.n);
  r.weights.forEach((w, d) => {
    if (r.isCount[d] || !r.totals[d]) return;
    for (let i = 0; i < r.n; i++) score[i] = score[i]! + w[i]! / r.totals[d]!;
  });
  return Array.from({ length: r.n }, (_, i) => i).sort((a, b) => score[b]! - score[a]! || a - b);
}

/** Canonical position of a residual need among the sums the remaining players can reach. */
type Canon = (need: number) => number;

function canonicalizers(r: NumericRule, order: number[]): Canon[][] {
  const n = r.n;
  const D = r.weights.length;
  // canon[d][j]: for the players order[j..n-1]
  return Array.from({ length: D }, (_, d) => {
    const w = order.map((i) => r.weights[d]![i]!);
    const rem = new Float64Array(n + 1);
    for (let j = n - 1; j >= 0; j--) rem[j] = rem[j + 1]! + w[j]!;
    const out: Canon[] = new Array(n + 1);
    const total = rem[0]!;
    const allUnit = w.every((x) => x === 1);
    if (allUnit) {
      for (let j = 0; j <= n; j++) {
        const R = rem[j]!;
        out[j] = (need) => (need <= 0 ? 0 : need > R ? R + 1 : need);
      }
      return out;
    }
    if (Number.isInteger(total) && total <= 2 ** 20 && (n + 1) * (total + 1) <= 4e7) {
      // reachable sums of the remaining players as cumulative counts, built backwards
      let reach = new Uint8Array(total + 1);
      reach[0] = 1;
      for (let j = n; j >= 0; j--) {
        if (j < n) {
          const next = reach.slice();
          const v = w[j]!;
          for (let x = rem[j + 1]!; x >= 0; x--) if (reach[x]) next[x + v] = 1;
          reach = next;
        }
        const R = rem[j]!;
        const cum = new Int32Array(R + 2);
        for (let x = 0; x <= R; x++) cum[x + 1] = cum[x]! + reach[x]!;
        out[j] = (need) => (need <= 0 ? 0 : need > R ? cum[R + 1]! + 1 : cum[need]!);
      }
      return out;
    }
    // sorted distinct subset sums when few players remain; the raw need otherwise
    let sums: Float64Array = new Float64Array([0]);
    for (let j = n; j >= 0; j--) {
      if (j < n && sums.length <= 2 ** 17) sums = mergeShift(sums, w[j]!);
      else if (j < n) sums = new Float64Array(0);
      const R = rem[j]!;
      if (sums.length > 0) {
        const s = sums;
        out[j] = (need) => (need <= 0 ? 0 : need > R ? s.length + 1 : lowerBound(s, need));
      } else out[j] = (need) => (need <= 0 ? 0 : need > R ? Number.MAX_VALUE : need);
    }
    return out;
  });
}

function mergeShift(a: Float64Array, v: number): Float64Array {
  const out = new Float64Array(a.length * 2);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length || j < a.length) {
    const x = j >= a.length || (i < a.length && a[i]! <= a[j]! + v) ? a[i++]! : a[j++]! + v;
    if (k === 0 || out[k - 1] !== x) out[k++] = x;
  }
  return out.slice(0, k);
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (a[m]! < x) lo = m + 1;
    else hi = m;
  }
  return lo;
}

interface Arith<T> {
  zero: T;
  one: T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  big(a: T): bigint;
}

const NUM: Arith<number> = {
  zero: 0,
  one: 1,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  big: (a) => BigInt(a),
};
const BIG: Arith<bigint> = {
  zero: 0n,
  one: 1n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  big: (a) => a,
};

export function diagramCounts(r: NumericRule, opts: DiagramOptions): DiagramResult | null {
  return r.n <= 52 ? run(r, opts, NUM) : run(r, opts, BIG);
}

function run<T>(r: NumericRule, opts: DiagramOptions, A: Arith<T>): DiagramResult | null {
  const n = r.n;
  const D = r.weights.length;
  const order = heaviestFirst(r);
  const canon = canonicalizers(r, order);
  const rem: Float64Array[] = r.weights.map((w) => {
    const out = new Float64Array(n + 1);
    for (let j = n - 1; j >= 0; j--) out[j] = out[j + 1]! + w[order[j]!]!;
    return out;
  });
  const atomDim = r.atomDim;
  const atomQuota = r.atomQuota;
  const nAtoms = atomDim.length;

  // Level arrays of nodes: sums (flattened), children, forward polynomials.
  const levelSums: number[][] = [];
  const levelLo: Int32Array[] = [];
  const levelHi: Int32Array[] = [];
  const levelFwd: T[][][] = [];
  let totalNodes = 0;

  const fast = fastRule(r, order);
  const fastDecide = (j: number, s: Float64Array): boolean | null => {
    const v = fast!.decide(j, s);
    return v === -1 ? null : v === 1;
  };
  const decide: (j: number, s: Float64Array) => boolean | null = fast
    ? fastDecide
    : (j, s) =>
        evalFormula3(r.formula, (a) => {
          const v = s[atomDim[a]!]!;
          const q = atomQuota[a]!;
          if (v >= q) return true;
          if (v + rem[atomDim[a]!]![j]! < q) return false;
          return null;
        });
  const keyOf = (j: number, s: ArrayLike<number>): string => {
    let key = '';
    for (let a = 0; a < nAtoms; a++) key += `${canon[atomDim[a]!]![j]!(atomQuota[a]! - s[atomDim[a]!]!)},`;
    return key;
  };

  // level 0
  const root = new Float64Array(D);
  const rootDecided = decide(0, root);
  let current: { sums: number[]; fwd: T[][] } = { sums: [], fwd: [] };
  let rootTerminal: number | null = null;
  if (rootDecided === null) current = { sums: Array.from(root), fwd: [[A.one]] };
  else rootTerminal = rootDecided ? TRUE : FALSE;

  const scratch = new Float64Array(D);
  let previous = 1;
  for (let j = 0; j < n && current.fwd.length > 0; j++) {
    const count = current.fwd.length;
    totalNodes += count;
    if (totalNodes > opts.maxNodes) return null;
    // Hopeless early: the width still doubles at every level (nothing merges) with many levels to
    // go, so the budget will be blown anyway; give up now rather than after building it.
    if (count > 4096 && count >= 1.9 * previous && count * 2 ** Math.min(30, (n - j) / 4) > opts.maxNodes)
      return null;
    previous = count;
    const lo = new Int32Array(count);
    const hi = new Int32Array(count);
    const next: { sums: number[]; fwd: T[][] } = { sums: [], fwd: [] };
    const index = new Map<string, number>();
    const player = order[j]!;
    const child = (s: Float64Array): number => {
      const dec = decide(j + 1, s);
      if (dec !== null) return dec ? TRUE : FALSE;
      const key = keyOf(j + 1, s);
      let id = index.get(key);
      if (id === undefined) {
        id = next.fwd.length;
        index.set(key, id);
        for (let d = 0; d < D; d++) next.sums.push(s[d]!);
        next.fwd.push(new Array<T>(j + 2).fill(A.zero));
      }
      return id;
    };
    for (let v = 0; v < count; v++) {
      for (let d = 0; d < D; d++) scratch[d] = current.sums[v * D + d]!;
      const l = child(scratch);
      for (let d = 0; d < D; d++) scratch[d] = current.sums[v * D + d]! + r.weights[d]![player]!;
      const h = child(scratch);
      lo[v] = l;
      hi[v] = h;
      const f = current.fwd[v]!;
      if (l >= 0) {
        const g = next.fwd[l]!;
        for (let k = 0; k < f.length; k++) g[k] = A.add(g[k]!, f[k]!);
      }
      if (h >= 0) {
        const g = next.fwd[h]!;
        for (let k = 0; k < f.length; k++) g[k + 1] = A.add(g[k + 1]!, f[k]!);
      }
    }
    levelSums.push(current.sums);
    levelLo.push(lo);
    levelHi.push(hi);
    levelFwd.push(current.fwd);
    current = next;
  }

  // Backward: winning completions by size. binom[m] = row of C(m, ·) for a TRUE terminal.
  const binom: T[][] = [[A.one]];
  for (let m = 1; m <= n; m++) {
    const prev = binom[m - 1]!;
    const row = new Array<T>(m + 1).fill(A.zero);
    for (let k = 0; k <= m; k++) row[k] = A.add(k < m ? prev[k]! : A.zero, k > 0 ? prev[k - 1]! : A.zero);
    binom.push(row);
  }
  const swings: T[][] = Array.from({ length: n }, () => new Array<T>(n).fill(A.zero));
  let below: T[][] = []; // backward polys of the level j+1 nodes
  for (let j = levelFwd.length - 1; j >= 0; j--) {
    const m = n - j - 1; // players after this one
    const poly = (id: number): T[] | null => (id === TRUE ? binom[m]! : id === FALSE ? null : below[id]!);
    const fwd = levelFwd[j]!;
    const mine: T[][] = new Array(fwd.length);
    const sw = swings[order[j]!]!;
    for (let v = 0; v < fwd.length; v++) {
      const pl = poly(levelLo[j]![v]!);
      const ph = poly(levelHi[j]![v]!);
      const b = new Array<T>(m + 2).fill(A.zero);
      if (pl) for (let k = 0; k < pl.length; k++) b[k] = A.add(b[k]!, pl[k]!);
      if (ph) for (let k = 0; k < ph.length; k++) b[k + 1] = A.add(b[k + 1]!, ph[k]!);
      mine[v] = b;
      if (!ph) continue;
      // swings of this player: completions that win with it and lose without it
      const f = fwd[v]!;
      for (let k2 = 0; k2 < ph.length; k2++) {
        const dd = pl ? A.sub(ph[k2]!, pl[k2]!) : ph[k2]!;
        if (dd === A.zero) continue;
        for (let k1 = 0; k1 < f.length; k1++) {
          if (f[k1] === A.zero) continue;
          sw[k1 + k2] = A.add(sw[k1 + k2]!, A.mul(f[k1]!, dd));
        }
      }
    }
    below = mine;
  }
  let winning: bigint;
  if (rootTerminal !== null) winning = rootTerminal === TRUE ? 1n << BigInt(n) : 0n;
  else winning = below[0]!.reduce((a, x) => a + A.big(x), 0n);

  const pred = sumsPredicate(r);
  const full = r.totals.slice();
  const veto = Array.from({ length: n }, (_, i) => {
    const s = full.map((t, d) => t - r.weights[d]![i]!);
    return pred(full) && !pred(s);
  });
  const swingsBySize = swings.map((row) => row.map((x) => A.big(x)));
  return {
    counts: {
      n,
      winning,
      swings: swingsBySize.map((row) => row.reduce((a, b) => a + b, 0n)),
      swingsBySize,
      veto,
      minimal: null,
      johnstonByCritical: null,
      notes: [],
    },
    nodes: totalNodes,
    order,
  };
}
