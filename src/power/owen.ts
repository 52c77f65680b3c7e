/**
 * Coalitional values: power when the players form a priori unions (blocs), for any rule of the rule
 * language (several criteria included).
 *
 * A partition P = {U_1, …, U_m} of the players (the unions; every player not named is a union of
 * its own). For i in U_k, with u = |U_k|, R ranging over the sets of other unions (r = |R|, Q_R
 * their members) and T over subsets of U_k \ {i} (t = |T|), the marginal contribution is
 * v(Q_R ∪ T ∪ {i}) − v(Q_R ∪ T) and
 *
 *   Owen value (Owen 1977)                 Σ  r!(m−1−r)!/m! · t!(u−1−t)!/u! · (…)
 *   Banzhaf–Owen (Owen 1981, raw)          Σ  1/2^(m−1)     · 1/2^(u−1)     · (…)
 *   symmetric coalitional Banzhaf          Σ  1/2^(m−1)     · t!(u−1−t)!/u! · (…)
 *     (Alonso-Meijide & Fiestras-Janeiro 2002: Banzhaf between the unions, Shapley inside them)
 *
 * and the quotient game — the unions as players, each with its members' summed weights in every
 * criterion — gives the blocs' own Shapley–Shubik and Banzhaf indices.
 *
 * Computation: a quotient-game construction, so no criterion needs to be a single weight. The
 * winning table of the quotient game (2^m coalitions of unions) gives the singleton unions' values
 * directly; for a union of u ≥ 2 members the coalitions of the other unions are enumerated in Gray
 * order with their sums, and for each one the 2^u subsets of the union. Work
 * 2^m + Σ_{u_k ≥ 2} 2^(m−1) · 2^(u_k) · u_k; counts are exact in doubles (< 2^53) and the indices
 * exact fractions of BigInts.
 */
import { ConcordError } from '../errors.js';
import { compile, type NumericRule, numericRule, sumsPredicate } from '../rules/compile.js';
import type { Player } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import { winningTable } from './enumerate.js';
import { type Fraction, factorials, frac, fracString, toNumber } from './exact.js';

/** Work units (predicate evaluations and count updates) before refusing. */
export const COALITIONAL_BUDGET = 3e9;
/** The quotient game's winning table is one byte per coalition of unions. */
export const MAX_UNIONS = 28;

/**
 * Unions from `A,B,C;D,E` (or arrays of ids): a full partition of 0..n−1 in the order the unions are
 * named, then the remaining players as singletons in player order. Unknown, repeated or overlapping
 * members are errors naming `path`.
 */
export function parseUnions(
  spec: string | ReadonlyArray<readonly string[]>,
  ids: readonly string[],
  path = '--unions',
): number[][] {
  const groups =
    typeof spec === 'string'
      ? spec
          .split(';')
          .map((g) =>
            g
              .split(',')
              .map((s) => s.trim().toUpperCase())
              .filter(Boolean),
          )
          .filter((g) => g.length)
      : spec.map((g) => g.map((s) => String(s).trim()));
  if (!groups.length)
    throw new ConcordError('E_USAGE', `${path}: no union given`, {
      path,
      hint: 'Give unions as comma-separated ids, unions separated by ";", e.g. --unions "KAZ,KGZ,TJK,UZB;CHN,RUS".',
      key: 'power.owen.noUnion',
      values: { path },
    });
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    index.set(id.toUpperCase(), i);
  });
  const owner = new Map<number, number>();
  const out: number[][] = [];
  groups.forEach((g, k) => {
    const members: number[] = [];
    for (const id of g) {
      const i = index.get(id.toUpperCase());
      if (i === undefined)
        throw new ConcordError('E_USAGE', `${path}[${k}]: "${id}" is not a player of this game`, {
          path: `${path}[${k}]`,
          hint: `Players: ${ids.slice(0, 40).join(', ')}${ids.length > 40 ? ', …' : ''}.`,
          key: 'power.owen.notAPlayer',
          values: {
            path: `${path}[${k}]`,
            id,
            players: `${ids.slice(0, 40).join(', ')}${ids.length > 40 ? ', …' : ''}`,
          },
        });
      const prev = owner.get(i);
      if (prev !== undefined)
        throw new ConcordError(
          'E_USAGE',
          prev === k
            ? `${path}[${k}]: "${id}" is named twice in the same union`
            : `${path}[${k}]: "${id}" is already in union ${prev + 1}; unions must not overlap`,
          {
            path: `${path}[${k}]`,
            hint: 'Put every player in at most one union.',
            key: 'power.owen.overlap',
            values: { path: `${path}[${k}]`, id, same: prev === k ? 'yes' : 'no', union: String(prev + 1) },
          },
        );
      owner.set(i, k);
      members.push(i);
    }
    out.push(members);
  });
  for (let i = 0; i < ids.length; i++) if (!owner.has(i)) out.push([i]);
  return out;
}

export interface CoalitionalPlayer {
  readonly union: number;
  readonly owen: Fraction;
  readonly banzhafOwen: Fraction;
  readonly banzhafOwenNormalized: Fraction;
  readonly symmetricCoalitionalBanzhaf: Fraction;
}

export interface QuotientUnion {
  readonly members: readonly number[];
  /** Shapley–Shubik of the union in the quotient game (= the sum of its members' Owen values). */
  readonly shapleyShubik: Fraction;
  /** Penrose (raw Banzhaf) of the union in the quotient game. */
  readonly penrose: Fraction;
  readonly banzhaf: Fraction;
  readonly swings: bigint;
  readonly veto: boolean;
}

export interface CoalitionalResult {
  readonly players: CoalitionalPlayer[];
  readonly unions: QuotientUnion[];
  /** Winning coalitions of unions, of 2^m. */
  readonly quotientWinning: bigint;
  readonly work: number;
}

/** The work the computation would take, to compare with a budget before starting. */
export function coalitionalWork(partition: readonly (readonly number[])[]): number {
  const m = partition.length;
  let w = 2 ** m * (1 + m / 8);
  for (const u of partition) if (u.length > 1) w += 2 ** (m - 1) * 2 ** u.length * (1 + u.length / 4);
  return w;
}

/** The quotient game: one player per union, its weights the sums of its members' in every criterion. */
export function quotientRule(r: NumericRule, partition: readonly (readonly number[])[]): NumericRule {
  return {
    ...r,
    n: partition.length,
    weights: r.weights.map((w) => Float64Array.from(partition, (u) => u.reduce((a, i) => a + w[i]!, 0))),
  };
}

export function coalitionalValues(
  r: NumericRule,
  partition: readonly (readonly number[])[],
  budget = COALITIONAL_BUDGET,
): CoalitionalResult {
  const n = r.n;
  const m = partition.length;
  const seen = new Set<number>();
  for (const u of partition) for (const i of u) seen.add(i);
  if (seen.size !== n || partition.reduce((a, u) => a + u.length, 0) !== n)
    throw new RangeError('the unions must partition the players');
  const work = coalitionalWork(partition);
  if (m > MAX_UNIONS || work > budget)
    throw new ConcordError(
      'E_LIMIT',
      `the coalitional values of ${m} unions would take about ${work.toExponential(1)} steps (budget ${budget.toExponential(1)}, at most ${MAX_UNIONS} unions)`,
      {
        path: 'unions',
        hint: 'Group more players into unions (fewer unions and smaller ones are faster), or drop --unions.',
        key: 'power.owen.tooMuchWork',
        values: {
          count: String(m),
          work: work.toExponential(1),
          budget: budget.toExponential(1),
          max: String(MAX_UNIONS),
        },
      },
    );
  const d = r.weights.length;
  const wins = sumsPredicate(r);
  // counts[i][r][t]: marginal contributions of i with |R| = r, |T| = t
  const counts: Float64Array[][] = Array.from({ length: n }, () => []);
  // The quotient game's table: singleton unions, and the blocs' own power.
  const q = quotientRule(r, partition);
  const qwin = winningTable(q);
  const qSwings = Array.from({ length: m }, () => new Float64Array(m));
  let qWinning = 0;
  const size = 2 ** m;
  for (let mask = 0; mask < size; mask++) {
    if (qwin[mask]) {
      qWinning++;
      continue;
    }
    const pc = popcount(mask);
    for (let k = 0; k < m; k++) {
      const bit = 2 ** k;
      if (mask & bit) continue;
      if (qwin[mask + bit]) qSwings[k]![pc]!++;
    }
  }
  const qVeto = partition.map((_, k) => {
    // k is a veto union when the coalition of all others loses
    return !qwin[size - 1 - 2 ** k];
  });
  partition.forEach((u, k) => {
    if (u.length === 1) {
      counts[u[0]!] = Array.from({ length: m }, (_, rr) => Float64Array.of(qSwings[k]![rr]!));
    }
  });
  // Unions of two or more: the other unions in Gray order, and every subset of the union.
  partition.forEach((u, k) => {
    const us = u.length;
    if (us < 2) return;
    const others = partition.map((_, j) => j).filter((j) => j !== k);
    const ow = r.weights.map((w) => Float64Array.from(others, (j) => sumOf(w, partition[j]!)));
    const subsets = 2 ** us;
    const tSums = Array.from({ length: d }, () => new Float64Array(subsets));
    const tSize = new Int32Array(subsets);
    for (let t = 1; t < subsets; t++) {
      const low = 31 - Math.clz32(t & -t);
      const prev = t & (t - 1);
      tSize[t] = tSize[prev]! + 1;
      for (let x = 0; x < d; x++) tSums[x]![t] = tSums[x]![prev]! + r.weights[x]![u[low]!]!;
    }
    // local[(a·m + r)·us + t]: contributions of the a-th member with |R| = r, |T| = t
    const local = new Float64Array(us * m * us);
    const rSums = new Float64Array(d);
    const s = new Float64Array(d);
    const winT = new Uint8Array(subsets);
    const mo = others.length;
    let rMask = 0;
    let rCount = 0;
    const steps = 2 ** mo;
    for (let g = 0; g < steps; g++) {
      if (g > 0) {
        const j = 31 - Math.clz32(g & -g);
        const bit = 2 ** j;
        const add = (rMask & bit) === 0;
        rMask ^= bit;
        rCount += add ? 1 : -1;
        for (let x = 0; x < d; x++) rSums[x] = rSums[x]! + (add ? ow[x]![j]! : -ow[x]![j]!);
      }
      let any = 0;
      for (let t = 0; t < subsets; t++) {
        for (let x = 0; x < d; x++) s[x] = rSums[x]! + tSums[x]![t]!;
        const w = wins(s) ? 1 : 0;
        winT[t] = w;
        any += w;
      }
      if (any === 0 || any === subsets) continue; // no member of the union changes anything
      for (let t = 0; t < subsets; t++) {
        if (winT[t]) continue;
        const ts = tSize[t]!;
        for (let a = 0; a < us; a++) {
          const bit = 1 << a;
          if (t & bit) continue;
          if (winT[t | bit]) local[(a * m + rCount) * us + ts]!++;
        }
      }
    }
    u.forEach((i, a) => {
      counts[i] = Array.from({ length: m }, (_, rr) =>
        local.subarray((a * m + rr) * us, (a * m + rr + 1) * us),
      );
    });
  });
  // Exact values
  const fact = factorials(Math.max(n, m) + 1);
  const mF = fact[m]!;
  const players: Omit<CoalitionalPlayer, 'banzhafOwenNormalized'>[] = new Array(n);
  const unionOf = new Int32Array(n);
  partition.forEach((u, k) => {
    for (const i of u) unionOf[i] = k;
  });
  for (let i = 0; i < n; i++) {
    const k = unionOf[i]!;
    const us = partition[k]!.length;
    const uF = fact[us]!;
    let owenNum = 0n;
    let bzoNum = 0n;
    let scbNum = 0n;
    for (let rr = 0; rr < m; rr++) {
      const row = counts[i]![rr]!;
      const rCoef = fact[rr]! * fact[m - 1 - rr]!;
      for (let t = 0; t < row.length; t++) {
        const c = row[t]!;
        if (!c) continue;
        const cb = BigInt(c);
        const tCoef = fact[t]! * fact[us - 1 - t]!;
        owenNum += cb * rCoef * tCoef;
        bzoNum += cb;
        scbNum += cb * tCoef;
      }
    }
    players[i] = {
      union: k,
      owen: frac(owenNum, mF * uF),
      banzhafOwen: frac(bzoNum, 1n << BigInt(m - 1 + us - 1)),
      symmetricCoalitionalBanzhaf: frac(scbNum, (1n << BigInt(m - 1)) * uF),
    };
  }
  // normalised Banzhaf–Owen over a common denominator 2^(n+m)
  const scale = (f: Fraction) => (f.num << BigInt(n + m)) / f.den;
  const totalBzo = players.reduce((a, p) => a + scale(p.banzhafOwen), 0n);
  const half = 1n << BigInt(m - 1);
  const qTotal = qSwings.reduce((a, row) => a + row.reduce((b, x) => b + BigInt(x), 0n), 0n);
  return {
    players: players.map((p) => ({
      ...p,
      banzhafOwenNormalized: totalBzo ? frac(scale(p.banzhafOwen), totalBzo) : frac(0n, 1n),
    })),
    unions: partition.map((u, k) => {
      const sw = qSwings[k]!.reduce((a, x) => a + BigInt(x), 0n);
      let ss = 0n;
      for (let rr = 0; rr < m; rr++) ss += BigInt(qSwings[k]![rr]!) * fact[rr]! * fact[m - 1 - rr]!;
      return {
        members: u,
        shapleyShubik: frac(ss, mF),
        penrose: frac(sw, half),
        banzhaf: qTotal ? frac(sw, qTotal) : frac(0n, 1n),
        swings: sw,
        veto: qVeto[k]!,
      };
    }),
    quotientWinning: BigInt(qWinning),
    work,
  };
}

function sumOf(w: Float64Array, members: readonly number[]): number {
  let s = 0;
  for (const i of members) s += w[i]!;
  return s;
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

/** The JSON of a coalitional result, with ids. */
export function coalitionalJson(res: CoalitionalResult, ids: readonly string[]) {
  return {
    players: res.players.map((p, i) => ({
      id: ids[i]!,
      union: p.union,
      owen: toNumber(p.owen),
      banzhafOwen: toNumber(p.banzhafOwen),
      banzhafOwenNormalized: toNumber(p.banzhafOwenNormalized),
      symmetricCoalitionalBanzhaf: toNumber(p.symmetricCoalitionalBanzhaf),
      fractions: {
        owen: fracString(p.owen),
        banzhafOwen: fracString(p.banzhafOwen),
        banzhafOwenNormalized: fracString(p.banzhafOwenNormalized),
        symmetricCoalitionalBanzhaf: fracString(p.symmetricCoalitionalBanzhaf),
      },
    })),
    unions: res.unions.map((u, k) => ({
      union: k,
      members: u.members.map((i) => ids[i]!),
      shapleyShubik: toNumber(u.shapleyShubik),
      penrose: toNumber(u.penrose),
      banzhaf: toNumber(u.banzhaf),
      veto: u.veto,
      fractions: {
        shapleyShubik: fracString(u.shapleyShubik),
        penrose: fracString(u.penrose),
        banzhaf: fracString(u.banzhaf),
      },
    })),
    quotientWinningCoalitions: res.quotientWinning.toString(),
  };
}

/**
 * The coalitional values of a game with unions given as `A,B;C,D` or as arrays of ids (e.g. a game
 * file's `unions`), with ids: what `concord power --unions` adds to its JSON.
 */
export function gameCoalitional(
  players: readonly Player[],
  rule: Rule,
  spec: string | ReadonlyArray<readonly string[]>,
  path = '--unions',
) {
  const c = compile(rule, players);
  const r = numericRule(c);
  if (!r)
    throw new ConcordError('E_UNSUPPORTED', 'the weights, scaled exactly to integers, total more than 2^53', {
      path: 'players',
      hint: 'Round the weights (e.g. population in thousands).',
      key: 'power.weightsTooLarge',
      values: { advice: 'round' },
    });
  const partition = parseUnions(spec, c.ids, path);
  return coalitionalJson(coalitionalValues(r, partition), c.ids);
}

export type CoalitionalJson = ReturnType<typeof coalitionalJson>;
