/**
 * A rule as a disjunction of conjunctions of atoms (every monotone formula has one), evaluated on
 * typed arrays without closures: the inner loops of the enumerations call these millions of times.
 *
 *   wins(s)            some clause has all its atoms met by the sums s
 *   decide(j, s)       1 (won whatever players j… do), 0 (lost whatever they do), −1 (open)
 *   critical(s, i)     the coalition with sums s loses when member i leaves
 */
import type { Formula, NumericRule } from '../rules/compile.js';

export interface FastRule {
  wins(s: Float64Array): boolean;
  decide(j: number, s: Float64Array): number;
  critical(s: Float64Array, i: number): boolean;
}

const MAX_CLAUSES = 256;

/** The formula's clauses (sets of atoms), or null when they would be too many. */
export function toDnf(f: Formula): number[][] | null {
  switch (f.kind) {
    case 'const':
      return f.value ? [[]] : [];
    case 'atom':
      return [[f.atom]];
    case 'any': {
      const out: number[][] = [];
      for (const p of f.parts) {
        const d = toDnf(p);
        if (!d) return null;
        out.push(...d);
        if (out.length > MAX_CLAUSES) return null;
      }
      return out;
    }
    default: {
      let out: number[][] = [[]];
      for (const p of f.parts) {
        const d = toDnf(p);
        if (!d) return null;
        const next: number[][] = [];
        for (const a of out) for (const b of d) next.push([...new Set([...a, ...b])]);
        if (next.length > MAX_CLAUSES) return null;
        out = next;
      }
      return out;
    }
  }
}

/** `order` maps decision positions j to players, for `decide` (remaining players order[j…]). */
export function fastRule(r: NumericRule, order: readonly number[]): FastRule | null {
  const clauses = toDnf(r.formula);
  if (!clauses) return null;
  const n = r.n;
  const starts = new Int32Array(clauses.length + 1);
  clauses.forEach((c, k) => {
    starts[k + 1] = starts[k]! + c.length;
  });
  const flat = clauses.flat();
  const dim = Int32Array.from(flat, (a) => r.atomDim[a]!);
  const quota = Float64Array.from(flat, (a) => r.atomQuota[a]!);
  const C = clauses.length;
  const D = r.weights.length;
  // rem[d * (n + 1) + j] = total of dimension d over order[j…]
  const rem = new Float64Array(D * (n + 1));
  for (let d = 0; d < D; d++)
    for (let j = n - 1; j >= 0; j--)
      rem[d * (n + 1) + j] = rem[d * (n + 1) + j + 1]! + r.weights[d]![order[j]!]!;
  // w[i * D + d]
  const w = new Float64Array(n * D);
  for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) w[i * D + d] = r.weights[d]![i]!;
  return {
    wins(s) {
      for (let c = 0; c < C; c++) {
        let ok = true;
        for (let k = starts[c]!; k < starts[c + 1]!; k++)
          if (s[dim[k]!]! < quota[k]!) {
            ok = false;
            break;
          }
        if (ok) return true;
      }
      return false;
    },
    decide(j, s) {
      let open = false;
      for (let c = 0; c < C; c++) {
        let met = true;
        let possible = true;
        for (let k = starts[c]!; k < starts[c + 1]!; k++) {
          const d = dim[k]!;
          const v = s[d]!;
          const q = quota[k]!;
          if (v < q) {
            met = false;
            if (v + rem[d * (n + 1) + j]! < q) {
              possible = false;
              break;
            }
          }
        }
        if (met) return 1;
        if (possible) open = true;
      }
      return open ? -1 : 0;
    },
    critical(s, i) {
      const base = i * D;
      for (let c = 0; c < C; c++) {
        let ok = true;
        for (let k = starts[c]!; k < starts[c + 1]!; k++) {
          const d = dim[k]!;
          if (s[d]! - w[base + d]! < quota[k]!) {
            ok = false;
            break;
          }
        }
        if (ok) return false;
      }
      return true;
    },
  };
}
