/**
 * One-dimensional spatial voting under any decision rule: the win-set of the status quo, the core,
 * the agenda setter's choice, blockers and supporters. Pure and allocation-light: callers pass a
 * `LineWorkspace` that is reused across calls.
 *
 * Preferences are Euclidean (single-peaked, symmetric) around each actor's ideal point x_i; the
 * salience only scales an actor's utility, so in one dimension it matters only whether it is zero:
 * an actor without a position or with salience 0 is indifferent between all outcomes ("inactive").
 * Comparisons use a tolerance ε = 1e-9 × the scale's length, so an actor exactly halfway between two
 * points is indifferent.
 *
 * A point z beats the status quo q when the actors who weakly prefer z to q form a winning coalition
 * (an indifferent member does not object: SCO Charter Art. 16, "adopted if no member objects"). So
 *   W(q) = { z : { i : |z − x_i| ≤ |q − x_i| } is winning },
 * and actor i weakly prefers z to q exactly on the closed interval between q and its reflection
 * 2x_i − q. W(q) is therefore a finite union of closed intervals whose ends are among q, the
 * reflections and the ends of the scale: it is computed exactly by testing the rule once at every
 * such breakpoint and once inside every gap between them (O(n) rule tests). When the rule is
 * collegial (winning ⇔ containing every veto player: consensus, consensus-minus) it is the
 * intersection of the veto players' intervals (O(n)).
 *
 * The core is the set of points no winning coalition can move: z is dominated when the actors on
 * one side of it (plus the indifferent) form a winning coalition. For unanimity it is the Pareto set
 * [min x_i, max x_i]; for simple majority it is the median. Source: Black (1958); for the agenda
 * setter, Romer & Rosenthal (1978), "Political resource allocation, controlled agendas, and the
 * status quo", Public Choice 33(4): the setter proposes the point of W(q) it likes best.
 */
import type { ResolvedRule } from '../scenario/types.js';

export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** Reusable buffers for the line computations (grow on demand). */
export class LineWorkspace {
  coalition: boolean[] = [];
  breaks: Float64Array = new Float64Array(16);
  sorted: Float64Array = new Float64Array(16);

  ensure(n: number): void {
    if (this.coalition.length !== n) this.coalition = new Array<boolean>(n).fill(false);
    if (this.breaks.length < 2 * n + 8) {
      this.breaks = new Float64Array(2 * n + 8);
      this.sorted = new Float64Array(2 * n + 8);
    }
  }
}

export interface LineInput {
  readonly n: number;
  /** Ideal points. */
  readonly x: ArrayLike<number>;
  /** 1 when the actor has a position and a positive salience (else indifferent). */
  readonly active: ArrayLike<number>;
  readonly lo: number;
  readonly hi: number;
  readonly rule: ResolvedRule;
}

export function tolerance(lo: number, hi: number): number {
  return (hi - lo) * 1e-9;
}

/** +1 when the actor at x strictly prefers y to q, −1 when it strictly prefers q, 0 when indifferent. */
export function preference(x: number, q: number, y: number, eps: number): -1 | 0 | 1 {
  const dy = Math.abs(y - x);
  const dq = Math.abs(q - x);
  if (dy < dq - eps) return 1;
  if (dy > dq + eps) return -1;
  return 0;
}

/** Does the set of actors weakly preferring z to q win? */
function beats(inp: LineInput, ws: LineWorkspace, q: number, z: number, eps: number): boolean {
  const c = ws.coalition;
  for (let i = 0; i < inp.n; i++) {
    c[i] = inp.active[i] === 0 || Math.abs(z - inp.x[i]!) <= Math.abs(q - inp.x[i]!) + eps;
  }
  return inp.rule.test(c);
}

/** Does y beat q under the rule (with y ≠ q)? */
export function passes(inp: LineInput, ws: LineWorkspace, q: number, y: number): boolean {
  ws.ensure(inp.n);
  const eps = tolerance(inp.lo, inp.hi);
  if (!inp.rule.passable) return false;
  return beats(inp, ws, q, y, eps);
}

/** The win-set W(q) ∩ scale as sorted, disjoint closed intervals (it always contains q). */
export function winSet(inp: LineInput, ws: LineWorkspace, q: number): Interval[] {
  ws.ensure(inp.n);
  const { n, x, active, lo, hi, rule } = inp;
  const eps = tolerance(lo, hi);
  if (!rule.passable) return [{ lo: q, hi: q }];
  if (rule.collegial) {
    let a = lo;
    let b = hi;
    for (let i = 0; i < n; i++) {
      if (rule.veto[i] !== 1 || active[i] === 0) continue;
      const r = 2 * x[i]! - q;
      const l = r < q ? r : q;
      const h = r < q ? q : r;
      if (l > a) a = l;
      if (h < b) b = h;
    }
    return [{ lo: Math.min(a, q), hi: Math.max(b, q) }];
  }
  // General rule: test the breakpoints and the gaps between them.
  const br = ws.breaks;
  let m = 0;
  br[m++] = lo;
  br[m++] = hi;
  br[m++] = q;
  for (let i = 0; i < n; i++) {
    if (active[i] === 0) continue;
    const r = 2 * x[i]! - q;
    if (r > lo && r < hi) br[m++] = r;
  }
  const s = ws.sorted;
  const k = uniqueSorted(br, m, s, eps);
  return keptIntervals(
    s,
    k,
    eps,
    (b) => b === q || beats(inp, ws, q, b, eps),
    (z) => beats(inp, ws, q, z, eps),
  );
}

/**
 * The sorted breakpoints s[0..k) that `keepPoint` keeps and the gaps between neighbours that
 * `keepGap` keeps (tested at their midpoint), as sorted, disjoint closed intervals: pieces that
 * touch (within eps) are merged.
 */
function keptIntervals(
  s: Float64Array,
  k: number,
  eps: number,
  keepPoint: (z: number) => boolean,
  keepGap: (z: number) => boolean,
): Interval[] {
  const out: Interval[] = [];
  let openLo = Number.NaN; // start of the interval being built
  let openHi = Number.NaN;
  const add = (a: number, b: number) => {
    if (!Number.isNaN(openLo) && a <= openHi + eps) {
      if (b > openHi) openHi = b;
    } else {
      if (!Number.isNaN(openLo)) out.push({ lo: openLo, hi: openHi });
      openLo = a;
      openHi = b;
    }
  };
  for (let j = 0; j < k; j++) {
    const b = s[j]!;
    if (keepPoint(b)) add(b, b);
    if (j + 1 < k) {
      const c = s[j + 1]!;
      if (keepGap((b + c) / 2)) add(b, c);
    }
  }
  if (!Number.isNaN(openLo)) out.push({ lo: openLo, hi: openHi });
  return out;
}

/** Sorts the first m values into `out`, dropping near-duplicates; returns the count. */
function uniqueSorted(src: Float64Array, m: number, out: Float64Array, eps: number): number {
  for (let i = 0; i < m; i++) out[i] = src[i]!;
  // insertion sort: m is small (≤ 2n + 3)
  for (let i = 1; i < m; i++) {
    const v = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = v;
  }
  let k = 0;
  for (let i = 0; i < m; i++) {
    if (k === 0 || out[i]! - out[k - 1]! > eps) out[k++] = out[i]!;
  }
  return k;
}

/**
 * The core: points that no winning coalition can move. Sorted disjoint closed intervals (one
 * interval in practice; empty for an improper rule under which opposite coalitions both win).
 */
export function core(inp: LineInput, ws: LineWorkspace): Interval[] {
  ws.ensure(inp.n);
  const { n, x, active, lo, hi, rule } = inp;
  const eps = tolerance(lo, hi);
  if (rule.collegial) {
    let a = Number.POSITIVE_INFINITY;
    let b = Number.NEGATIVE_INFINITY;
    let any = false;
    for (let i = 0; i < n; i++) {
      if (active[i] === 0 || rule.veto[i] !== 1) continue;
      any = true;
      if (x[i]! < a) a = x[i]!;
      if (x[i]! > b) b = x[i]!;
    }
    if (any) return [{ lo: a, hi: b }];
  }
  const br = ws.breaks;
  let m = 0;
  br[m++] = lo;
  br[m++] = hi;
  for (let i = 0; i < n; i++) if (active[i] === 1) br[m++] = x[i]!;
  const s = ws.sorted;
  const k = uniqueSorted(br, m, s, eps);
  const c = ws.coalition;
  const undominated = (z: number): boolean => {
    if (!rule.passable) return true;
    for (const side of [-1, 1]) {
      let movers = 0;
      for (let i = 0; i < n; i++) {
        const mover = active[i] === 1 && (side < 0 ? x[i]! < z - eps : x[i]! > z + eps);
        if (mover) movers++;
        c[i] = active[i] === 0 || mover;
      }
      if (movers > 0 && rule.test(c)) return false;
    }
    return true;
  };
  return keptIntervals(s, k, eps, undominated, undominated);
}

/** Is z inside one of the intervals (with tolerance)? */
export function inside(set: readonly Interval[], z: number, eps: number): boolean {
  for (const iv of set) if (z >= iv.lo - eps && z <= iv.hi + eps) return true;
  return false;
}

/**
 * The point of `set` closest to `ideal` (the agenda setter's choice: Romer & Rosenthal 1978). Ties
 * between two equally close points go to the one closer to the status quo q.
 */
export function closestPoint(set: readonly Interval[], ideal: number, q: number): number {
  let best = q;
  let bestD = Math.abs(q - ideal);
  for (const iv of set) {
    const z = ideal < iv.lo ? iv.lo : ideal > iv.hi ? iv.hi : ideal;
    const d = Math.abs(z - ideal);
    if (d < bestD || (d === bestD && Math.abs(z - q) < Math.abs(best - q))) {
      best = z;
      bestD = d;
    }
  }
  return best;
}
