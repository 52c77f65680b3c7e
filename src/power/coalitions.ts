/**
 * Exact enumeration of the coalitions the minimal-winning and Johnston indices need, for rules the
 * counting algorithms cannot decompose (several weights at once), without visiting all 2^n
 * coalitions: players are decided heaviest first, and a branch stops as soon as the rule is decided.
 *
 *  - Minimal winning coalitions: a minimal winning S is reached exactly when its last member is
 *    added (before, S minus that member loses; after it, nothing is added). So the search only
 *    follows partial coalitions that have not won yet, and tests each first-winning one for
 *    minimality (every member critical). Cost: the number of such candidates times n.
 *  - Johnston: every winning coalition with its critical members; a first-winning partial
 *    coalition is completed by every subset of the players after it (Gray code).
 * Both stop and return null beyond their budget of visited coalitions.
 */
import type { NumericRule } from '../rules/compile.js';
import { evalFormula3, sumsPredicate } from '../rules/compile.js';
import { fastRule, toDnf } from './fast.js';

export interface MinimalCounts {
  readonly total: bigint;
  readonly containingBySize: bigint[][];
}

interface Search {
  readonly n: number;
  readonly D: number;
  readonly order: number[];
  readonly w: Float64Array[]; // w[d][j] = weight of order[j]
  /** 1 won, 0 lost, −1 open, whatever the players from position j do. */
  readonly decide: (j: number, s: Float64Array) => number;
  /** Does the coalition with sums s lose without the player at position j? */
  readonly critical: (s: Float64Array, j: number) => boolean;
}

function search(r: NumericRule, order: number[]): Search {
  const n = r.n;
  const D = r.weights.length;
  const w = r.weights.map((ws) => Float64Array.from(order, (i) => ws[i]!));
  const rem = w.map((ws) => {
    const out = new Float64Array(n + 1);
    for (let j = n - 1; j >= 0; j--) out[j] = out[j + 1]! + ws[j]!;
    return out;
  });
  const fast = fastRule(r, order);
  if (fast) return { n, D, order, w, decide: fast.decide, critical: (s, j) => fast.critical(s, order[j]!) };
  const decide = (j: number, s: Float64Array) => {
    const v = evalFormula3(r.formula, (a) => {
      const d = r.atomDim[a]!;
      const q = r.atomQuota[a]!;
      if (s[d]! >= q) return true;
      if (s[d]! + rem[d]![j]! < q) return false;
      return null;
    });
    return v === null ? -1 : v ? 1 : 0;
  };
  const wins = sumsPredicate(r);
  const test = new Float64Array(D);
  const critical = (s: Float64Array, j: number) => {
    for (let d = 0; d < D; d++) test[d] = s[d]! - w[d]![j]!;
    return !wins(test);
  };
  return { n, D, order, w, decide, critical };
}

/** Minimal winning coalitions by member and size, or null beyond `budget` visited partial coalitions. */
export function minimalWinning(r: NumericRule, order: number[], budget: number): MinimalCounts | null {
  const S = search(r, order);
  const { n, D, w } = S;
  const counts = Array.from({ length: n }, () => new Float64Array(n + 1));
  let total = 0;
  let visited = 0;
  const members: number[] = [];
  const sums = new Float64Array(D);
  const candidate = () => {
    for (const j of members) if (!S.critical(sums, j)) return;
    total++;
    const size = members.length;
    for (const j of members) counts[order[j]!]![size]!++;
  };
  const start = S.decide(0, sums);
  if (start === -1) {
    const visit = (j: number): boolean => {
      if (++visited > budget) return false;
      // include player j
      for (let d = 0; d < D; d++) sums[d] = sums[d]! + w[d]![j]!;
      members.push(j);
      const yes = S.decide(j + 1, sums);
      if (yes === 1) candidate();
      else if (yes === -1 && !visit(j + 1)) return false;
      members.pop();
      for (let d = 0; d < D; d++) sums[d] = sums[d]! - w[d]![j]!;
      // exclude player j (never decides a win: the sums did not change)
      if (S.decide(j + 1, sums) === -1 && !visit(j + 1)) return false;
      return true;
    };
    if (!visit(0)) return null;
  }
  return {
    total: BigInt(total),
    containingBySize: counts.map((row) => Array.from(row, (x) => BigInt(x))),
  };
}

/**
 * For the Johnston index: johnston[i][c] = number of winning coalitions with exactly c critical
 * members, i among them. Null beyond `budget` winning coalitions.
 */
export function criticalCounts(r: NumericRule, order: number[], budget: number): bigint[][] | null {
  const S = search(r, order);
  const { n, D, w } = S;
  const out = Array.from({ length: n }, () => new Float64Array(n + 1));
  const members: number[] = [];
  const inS = new Uint8Array(n);
  const sums = new Float64Array(D);
  const critical = new Int32Array(n);
  let seen = 0;
  // One clause (an `all` of atoms, e.g. the Nice triple majority): a member is critical iff its
  // weight exceeds the coalition's slack on some atom — a few comparisons, no formula evaluation.
  const clauses = toDnf(r.formula);
  const single = clauses?.length === 1 ? clauses[0]! : null;
  const K = single?.length ?? 0;
  const aDim = Int32Array.from(single ?? [], (a) => r.atomDim[a]!);
  const aQuota = Float64Array.from(single ?? [], (a) => r.atomQuota[a]!);
  const slack = new Float64Array(K);
  const tally = single
    ? () => {
        for (let a = 0; a < K; a++) slack[a] = sums[aDim[a]!]! - aQuota[a]!;
        let c = 0;
        for (let j = 0; j < n; j++) {
          if (!inS[j]) continue;
          for (let a = 0; a < K; a++) {
            if (w[aDim[a]!]![j]! > slack[a]!) {
              critical[c++] = j;
              break;
            }
          }
        }
        for (let k = 0; k < c; k++) out[order[critical[k]!]!]![c]!++;
      }
    : () => {
        let c = 0;
        for (let j = 0; j < n; j++) if (inS[j] && S.critical(sums, j)) critical[c++] = j;
        for (let k = 0; k < c; k++) out[order[critical[k]!]!]![c]!++;
      };
  // every subset of the players after `from`, added to the current winning coalition
  const complete = (from: number): boolean => {
    const m = n - from;
    const size = 2 ** m;
    seen += size;
    if (seen > budget) return false;
    tally();
    for (let g = 1; g < size; g++) {
      const bit = 31 - Math.clz32(g & -g);
      const j = from + bit;
      const add = !inS[j];
      inS[j] = add ? 1 : 0;
      for (let d = 0; d < D; d++) sums[d] = sums[d]! + (add ? w[d]![j]! : -w[d]![j]!);
      tally();
    }
    // undo: after a full Gray cycle only the top bit is set
    if (m > 0) {
      const j = from + m - 1;
      inS[j] = 0;
      for (let d = 0; d < D; d++) sums[d] = sums[d]! - w[d]![j]!;
    }
    return true;
  };
  const start = S.decide(0, sums);
  if (start === 1) {
    if (n > 30 || !complete(0)) return null;
  } else if (start === -1) {
    const visit = (j: number): boolean => {
      for (let d = 0; d < D; d++) sums[d] = sums[d]! + w[d]![j]!;
      members.push(j);
      inS[j] = 1;
      const yes = S.decide(j + 1, sums);
      if (yes === 1) {
        if (n - j - 1 > 30 || !complete(j + 1)) return false;
      } else if (yes === -1 && !visit(j + 1)) return false;
      members.pop();
      inS[j] = 0;
      for (let d = 0; d < D; d++) sums[d] = sums[d]! - w[d]![j]!;
      if (S.decide(j + 1, sums) === -1 && !visit(j + 1)) return false;
      return true;
    };
    if (!visit(0)) return null;
  }
  return out.map((row) => Array.from(row, (x) => BigInt(x)));
}
