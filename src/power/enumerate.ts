/**
 * Brute force: every one of the 2^n coalitions is tested, and every index counted from the table of
 * winning coalitions. O(n·2^n) time and 2^n bytes: for small games (n ≤ 25) and as the cross-check
 * of the exact algorithms (the tests compare them on random games).
 */
import type { NumericRule } from '../rules/compile.js';
import { sumsPredicate } from '../rules/compile.js';
import type { PowerCounts } from './indices.js';

export const ENUMERATION_MAX_PLAYERS = 25;

/** The table of winning coalitions: win[mask] = 1 when the coalition with bit i for player i wins. */
export function winningTable(r: NumericRule): Uint8Array {
  const n = r.n;
  const d = r.weights.length;
  const wins = sumsPredicate(r);
  const size = 2 ** n;
  const win = new Uint8Array(size);
  const sums = new Float64Array(d);
  // Gray code: one player changes between consecutive coalitions.
  let mask = 0;
  win[0] = wins(sums) ? 1 : 0;
  for (let g = 1; g < size; g++) {
    const i = 31 - Math.clz32(g & -g);
    const bit = 1 << i;
    const add = (mask & bit) === 0;
    mask ^= bit;
    for (let k = 0; k < d; k++) sums[k] = sums[k]! + (add ? r.weights[k]![i]! : -r.weights[k]![i]!);
    win[mask] = wins(sums) ? 1 : 0;
  }
  return win;
}

export function enumerateCounts(r: NumericRule): PowerCounts {
  const n = r.n;
  if (n > ENUMERATION_MAX_PLAYERS)
    throw new RangeError(`enumeration is limited to ${ENUMERATION_MAX_PLAYERS} players`);
  const win = winningTable(r);
  const size = 2 ** n;
  let winning = 0;
  const swings = new Float64Array(n);
  const bySize = Array.from({ length: n }, () => new Float64Array(n));
  const minimal = Array.from({ length: n }, () => new Float64Array(n + 1));
  const johnston = Array.from({ length: n }, () => new Float64Array(n + 1));
  let minimalTotal = 0;
  const critical = new Int32Array(n);
  for (let mask = 0; mask < size; mask++) {
    if (!win[mask]) continue;
    winning++;
    let c = 0;
    let members = 0;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (!(mask & bit)) continue;
      members++;
      if (!win[mask ^ bit]) critical[c++] = i;
    }
    for (let j = 0; j < c; j++) {
      const i = critical[j]!;
      swings[i]!++;
      bySize[i]![members - 1]!++;
      johnston[i]![c]!++;
    }
    if (c === members && members > 0) {
      minimalTotal++;
      for (let j = 0; j < c; j++) minimal[critical[j]!]![members]!++;
    }
  }
  const big = (a: Float64Array) => Array.from(a, (x) => BigInt(x));
  const all = size - 1;
  return {
    n,
    winning: BigInt(winning),
    swings: big(swings),
    swingsBySize: bySize.map(big),
    veto: Array.from({ length: n }, (_, i) => win[all] === 1 && win[all ^ (1 << i)] === 0),
    minimal: { total: BigInt(minimalTotal), containingBySize: minimal.map(big) },
    johnstonByCritical: johnston.map(big),
    notes: [],
  };
}
