/**
 * Swings by weight (src/power/weighted.ts) and the index selection: brute force on small games,
 * the size-indexed generating functions on games past 52 players (several limbs), and golden values
 * computed by EPIC (github.com/jhstaudacher/EPIC, built from its repository and run with `-i RBZ`,
 * `-i W`, `-i RPG`, `-i RSH`; printed to full precision) on the benchmark games of bench/power.bench.ts
 * and on EPIC's own test game test_cases/precoalitions/87players-1128975weight-AIIB-noCoalitions.csv
 * (the Asian Infrastructure Investment Bank's votes), quota 564488 (a majority of 1,128,975).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weightedSizeSwings } from '../../src/power/bysize.js';
import { primesFor } from '../../src/power/exact.js';
import { gfCounts, gfHollerCounts, planGf } from '../../src/power/gf.js';
import { parseIndexList } from '../../src/power/indices.js';
import { carryJs, limbTable, rowArrays, wasmKind } from '../../src/power/kernel.js';
import { computePower } from '../../src/power/power.js';
import { weightedHoller, weightedSwings, weightedWinning } from '../../src/power/weighted.js';
import { compile, numericRule } from '../../src/rules/compile.js';
import type { Game } from '../../src/rules/game.js';

function game(weights: number[], quota: number): Game {
  return {
    name: 'test',
    players: weights.map((w, i) => ({ id: `P${i + 1}`, w })),
    rule: { sum: 'w', atLeast: quota },
    source: [],
    notes: [],
    literature: [],
  };
}

function brute(weights: number[], quota: number): { winning: bigint; swings: bigint[] } {
  const n = weights.length;
  const swings = Array<bigint>(n).fill(0n);
  let winning = 0n;
  for (let s = 0; s < 1 << n; s++) {
    let w = 0;
    for (let i = 0; i < n; i++) if (s & (1 << i)) w += weights[i]!;
    if (w >= quota) winning++;
    for (let i = 0; i < n; i++) if (!(s & (1 << i)) && w < quota && w + weights[i]! >= quota) swings[i]!++;
  }
  return { winning, swings };
}

function bruteBySize(weights: number[], quota: number): { winning: bigint; bySize: bigint[][] } {
  const n = weights.length;
  const bySize = Array.from({ length: n }, () => Array<bigint>(n).fill(0n));
  let winning = 0n;
  for (let s = 0; s < 1 << n; s++) {
    let w = 0;
    let size = 0;
    for (let i = 0; i < n; i++)
      if (s & (1 << i)) {
        w += weights[i]!;
        size++;
      }
    if (w >= quota) winning++;
    for (let i = 0; i < n; i++)
      if (!(s & (1 << i)) && w < quota && w + weights[i]! >= quota) bySize[i]![size]!++;
  }
  return { winning, bySize };
}

function gfOf(weights: number[], quota: number) {
  const g = game(weights, quota);
  return gfCounts(planGf(numericRule(compile(g.rule, g.players))!), { minimal: false });
}

const bySizeOf = (weights: number[], quota: number) =>
  weightedSizeSwings({
    n: weights.length,
    weights: Float64Array.from(weights),
    total: weights.reduce((a, b) => a + b, 0),
    quota,
  });

const swingsOf = (weights: number[], quota: number) =>
  weightedSwings({
    n: weights.length,
    weights: Float64Array.from(weights),
    total: weights.reduce((a, b) => a + b, 0),
    quota,
  });

describe('swings by weight', () => {
  it('equals brute force on small games (zero weights, quotas from 0 to past the total, dual tables)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 11 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.round(share * total);
          const b = brute(weights, quota);
          const r = swingsOf(weights, quota);
          expect(r.winning).toBe(b.winning);
          expect(r.swings).toEqual(b.swings);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the generating functions (residues modulo primes) past 52 players (several 40-bit limbs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 53, maxLength: 130 }),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        (weights, share) => {
          const quota = Math.max(1, Math.round(share * weights.reduce((a, b) => a + b, 0)));
          const gf = gfOf(weights, quota);
          const byWeight = swingsOf(weights, quota);
          const bySize = bySizeOf(weights, quota);
          expect(byWeight.winning).toBe(gf.winning);
          expect(byWeight.swings).toEqual(gf.swings);
          expect(bySize.winning).toBe(gf.winning);
          expect(bySize.swingsBySize).toEqual(gf.swingsBySize);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('by size: equals brute force on small games, dual tables included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        (weights, share) => {
          const quota = Math.round(share * weights.reduce((a, b) => a + b, 0));
          const b = bruteBySize(weights, quota);
          const r = bySizeOf(weights, quota);
          expect(r.winning).toBe(b.winning);
          expect(r.swingsBySize).toEqual(b.bySize);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('by size, every table (game or dual, lightest or heaviest first; rows kept between the k-sums so far): brute force, and the residues past 52 players', () => {
    const choices = [false, true].flatMap((dual) =>
      [false, true].map((heaviestFirst) => ({ dual, heaviestFirst })),
    );
    const withChoice = (weights: number[], quota: number, force: (typeof choices)[number]) =>
      weightedSizeSwings(
        {
          n: weights.length,
          weights: Float64Array.from(weights),
          total: weights.reduce((a, b) => a + b, 0),
          quota,
        },
        { force },
      );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        (weights, share) => {
          const quota = Math.round(share * weights.reduce((a, b) => a + b, 0));
          const b = bruteBySize(weights, quota);
          for (const force of choices) {
            const r = withChoice(weights, quota, force);
            expect(r.winning).toBe(b.winning);
            expect(r.swingsBySize).toEqual(b.bySize);
          }
        },
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 53, maxLength: 110 }),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        (weights, share) => {
          const quota = Math.max(1, Math.round(share * weights.reduce((a, b) => a + b, 0)));
          const gf = gfOf(weights, quota);
          for (const force of choices) {
            const r = withChoice(weights, quota, force);
            expect(r.winning).toBe(gf.winning);
            expect(r.swingsBySize).toEqual(gf.swingsBySize);
          }
        },
      ),
      { numRuns: 6 },
    );
  });

  it('the loops in WebAssembly (./kernel.ts) give the counts of the loops in JavaScript, past 52 players too', () => {
    // the WebAssembly table: limbs are views one after another in one memory
    const t = limbTable(3, 10);
    expect(t.limbs.map((a) => a.byteOffset)).toEqual([0, 80, 160]);
    t.limbs[1]!.fill(1);
    t.addShifted(1, 3);
    // (1 + z^3) once: each count plus the one three below it, before it changed
    expect(Array.from(t.limbs[1]!)).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
    expect(Array.from(t.limbs[0]!)).toEqual(Array(10).fill(0));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 120 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const g = {
            n: weights.length,
            weights: Float64Array.from(weights),
            total,
            quota: Math.round(share * total),
          };
          expect(weightedSwings(g)).toEqual(weightedSwings(g, { js: true }));
        },
      ),
      { numRuns: 60 },
    );
    // the table by size: rows in one WebAssembly memory, added there
    const r = rowArrays([4, 3]);
    expect(r.arrays.map((a) => a.byteOffset)).toEqual([0, 32]);
    r.arrays[1]!.set([1, 2, 3]);
    r.addRange(r.arrays[0]!, 1, r.arrays[1]!, 0, 3);
    expect(Array.from(r.arrays[0]!)).toEqual([0, 1, 2, 3]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 70 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        fc.boolean(),
        (weights, share, minimal) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const g = {
            n: weights.length,
            weights: Float64Array.from(weights),
            total,
            quota: Math.round(share * total),
          };
          expect(weightedSizeSwings(g, { minimal })).toEqual(weightedSizeSwings(g, { minimal, js: true }));
          expect(weightedHoller(g)).toEqual(weightedHoller(g, { js: true }));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('both orders of the table (lightest or heaviest first; cells kept between the weight so far and what can still reach the top): brute force', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 11 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        fc.boolean(),
        (weights, share, js) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.round(share * total);
          const b = brute(weights, quota);
          const g = { n: weights.length, weights: Float64Array.from(weights), total, quota };
          for (const heaviestFirst of [false, true]) {
            const r = weightedSwings(g, { heaviestFirst, js });
            expect(r.winning).toBe(b.winning);
            expect(r.swings).toEqual(b.swings);
            // the passage probability alone: the table's top cell, without the swings
            expect(weightedWinning(g, { heaviestFirst, js }).winning).toBe(b.winning);
          }
          expect(weightedWinning(g).veto).toEqual(r0(weights, quota));
        },
      ),
      { numRuns: 300 },
    );
    // veto players from brute force: in every winning coalition
    function r0(weights: number[], quota: number): boolean[] {
      const n = weights.length;
      return weights.map((_, i) => {
        if (quota <= 0) return false;
        for (let s = 0; s < 1 << n; s++) {
          let w = 0;
          for (let j = 0; j < n; j++) if (s & (1 << j)) w += weights[j]!;
          if (w >= quota && !(s & (1 << i))) return false;
        }
        return true;
      });
    }
  });

  it('the top cell alone (passage) equals the whole table and the residues modulo primes past 52 players, in WebAssembly and in JavaScript, both orders', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 53, maxLength: 200 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.max(1, Math.round(share * total));
          const g = { n: weights.length, weights: Float64Array.from(weights), total, quota };
          const gf = gfOf(weights, quota);
          for (const heaviestFirst of [false, true])
            for (const js of [false, true]) {
              expect(weightedWinning(g, { heaviestFirst, js }).winning).toBe(gf.winning);
              const s = weightedSwings(g, { heaviestFirst, js });
              expect(s.winning).toBe(gf.winning);
              expect(s.swings).toEqual(gf.swings);
            }
        },
      ),
      { numRuns: 12 },
    );
  });

  it('carrying in WebAssembly gives the carries of JavaScript, and keeps every value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (L, Q, seed) => {
          const t = limbTable(L, Q);
          const plain = Array.from({ length: L }, () => new Float64Array(Q));
          let x = seed;
          const next = () => {
            // values up to 2^52 in the lower limbs (what 12 additions after a carry can reach), 2^40 in the top one
            x = (x * 1103515245 + 12345) % 2 ** 31;
            return x;
          };
          for (let l = 0; l < L; l++)
            for (let c = 0; c < Q; c++) {
              const v = l === L - 1 ? next() * 2 ** 9 : next() * 2 ** 21 + next();
              t.limbs[l]![c] = v;
              plain[l]![c] = v;
            }
          const from = Math.floor(Q / 3);
          const to = Q - 1 - Math.floor(Q / 4);
          const value = (ls: Float64Array[], c: number) =>
            ls.reduceRight((a, limb) => (a << 40n) + BigInt(limb[c]!), 0n);
          const before = Array.from({ length: Q }, (_, c) => value(plain, c));
          t.carry(from, to, L);
          for (let l = 0; l < L - 1; l++) carryJs(plain[l]!, plain[l + 1]!, from, to);
          expect(t.limbs.map((a) => Array.from(a))).toEqual(plain.map((a) => Array.from(a)));
          for (let c = 0; c < Q; c++) {
            expect(value(plain, c)).toBe(before[c]);
            if (c >= from && c <= to)
              for (let l = 0; l < L - 1; l++) expect(plain[l]![c]!).toBeLessThan(2 ** 40);
          }
        },
      ),
      { numRuns: 100 },
    );
    // Node 20 has WebAssembly SIMD: the additions above ran two cells at a time
    expect(wasmKind()).toBe('simd');
    // addRange: the cells from … to only, odd and even counts, v = 1 (each cell plus the one below, before it changed)
    const t = limbTable(2, 12);
    t.limbs[1]!.fill(1);
    t.addRange(1, 2, 5, 9);
    expect(Array.from(t.limbs[1]!)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1]);
    for (const [v, from, to] of [
      [1, 1, 11],
      [1, 2, 11],
      [3, 3, 8],
      [2, 4, 4],
    ] as const) {
      const w = limbTable(1, 12);
      const j = limbTable(1, 12, { js: true });
      w.limbs[0]!.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      j.limbs[0]!.set(w.limbs[0]!);
      w.addRange(0, v, from, to);
      j.addRange(0, v, from, to);
      expect(Array.from(w.limbs[0]!)).toEqual(Array.from(j.limbs[0]!));
    }
    const one = limbTable(1, 5);
    one.limbs[0]!.set([1, 2, 3, 4, 5]);
    one.addRange(0, 1, 1, 4);
    expect(Array.from(one.limbs[0]!)).toEqual([1, 3, 5, 7, 9]);
  });

  it('Holler by weight: equals enumeration on small games and the residues modulo primes past 52 players', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 11 }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.max(0, Math.min(total, Math.round(share * total))); // (the rule language refuses others)
          const e = computePower(game(weights, quota), { method: 'enumerate', indices: ['holler'] });
          const h = weightedHoller({ n: weights.length, weights: Float64Array.from(weights), total, quota });
          expect(h.total.toString()).toBe(e.minimalWinningCoalitions);
          expect(h.containing.map(String)).toEqual(e.players.map((p) => p.minimalWinning));
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 53, maxLength: 130 }),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.max(1, Math.round(share * total));
          const n = weights.length;
          const w = Float64Array.from(weights);
          const h = weightedHoller({ n, weights: w, total, quota });
          const p = gfHollerCounts({
            n,
            weights: w,
            total,
            theta: new Float64Array(n + 2).fill(quota),
            primes: primesFor(n),
          })!;
          expect(h.total).toBe(p.total);
          expect(h.containing).toEqual(p.containing);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('is invariant under permuting the players, and Σ Banzhaf = 1 (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 16, maxLength: 70 }), (weights) => {
        const quota = Math.floor(weights.reduce((a, b) => a + b, 0) / 2) + 1;
        const a = computePower(game(weights, quota), { indices: ['banzhaf'] });
        const rev = computePower(game([...weights].reverse(), quota), { indices: ['banzhaf'] });
        expect(rev.players.map((p) => p.swings).reverse()).toEqual(a.players.map((p) => p.swings));
        expect(a.players.reduce((s, p) => s + p.banzhaf!, 0)).toBeCloseTo(1, 12);
        // a heavier player never swings less (desirability)
        for (let i = 0; i < weights.length; i++)
          for (let j = 0; j < weights.length; j++)
            if (weights[i]! > weights[j]!)
              expect(BigInt(a.players[i]!.swings!)).toBeGreaterThanOrEqual(BigInt(a.players[j]!.swings!));
      }),
      { numRuns: 40 },
    );
  });
});

const EU27_VOTES = [
  29, 29, 29, 29, 27, 27, 14, 13, 12, 12, 12, 12, 12, 10, 10, 10, 7, 7, 7, 7, 7, 4, 4, 4, 4, 4, 3,
];
const W193 = Array.from({ length: 193 }, (_, k) => 1 + ((7919 * (k + 1)) % 200));
const W50 = Array.from({ length: 50 }, (_, k) => 1000 + ((104729 * (k + 1)) % 50000));
// EPIC test_cases/precoalitions/87players-1128975weight-AIIB-noCoalitions.csv
const AIIB = [
  299961, 9208, 2077, 39069, 4698, 2593, 8762, 2681, 2780, 1562, 1757, 1682, 2696, 85830, 35764, 11642, 9656,
  3349, 9450, 39544, 2371, 2587, 3252, 2229, 2568, 4802, 2966, 6772, 4749, 12498, 11948, 8201, 67519, 1578,
  27603, 4657, 4847, 2466, 16432, 1717, 1569, 28256, 14014, 4355, 1562, 8790, 1607, 1607, 7165, 2198, 4403,
  1607, 2207, 11511, 1657, 1607, 5852, 1607, 8662, 1923, 5260, 35913, 46999, 1597, 1657, 1597, 2557, 2333,
  2870, 27875, 1607, 2854, 1607, 2293, 12470, 7663, 10475, 2807, 3087, 1607, 1607, 19772, 1797, 8457, 9221,
  32704, 1607,
];
const sum = (xs: readonly (string | null)[]) => xs.reduce((a, x) => a + BigInt(x!), 0n).toString();

describe("golden values: EPIC's exact counts", () => {
  it('EU-27 Nice votes only, quota 255 of 345: swings (RBZ), |W| and raw Shapley–Shubik (RSH / 27!)', () => {
    const r = computePower(game(EU27_VOTES, 255), { indices: ['banzhaf', 'passage'] });
    expect(r.algorithm).toBe('swings by weight');
    expect(r.winningCoalitions).toBe('2718774');
    expect(r.players.map((p) => p.swings)).toEqual(
      [
        2193664, 2193664, 2193664, 2193664, 2091380, 2091380, 1200504, 1120138, 1038492, 1038492, 1038492,
        1038492, 1038492, 871654, 871654, 871654, 614702, 614702, 614702, 614702, 614702, 352374, 352374,
        352374, 352374, 352374, 265568,
      ].map(String),
    );
    const s = computePower(game(EU27_VOTES, 255), { indices: ['shapley-shubik'] });
    // EPIC RSH: P1 944476015084513822310400000, P27 89045751831490218885120000 (numerators over 27!)
    let f = 1n;
    for (let k = 2n; k <= 27n; k++) f *= k;
    const reduce = (num: bigint) => {
      let [a, b] = [num, f];
      while (b) [a, b] = [b, a % b];
      return `${num / a}/${f / a}`;
    };
    expect(s.players[0]!.fractions!.shapleyShubik).toBe(reduce(944476015084513822310400000n));
    expect(s.players[26]!.fractions!.shapleyShubik).toBe(reduce(89045751831490218885120000n));
    expect(s.players[7]!.fractions!.shapleyShubik).toBe(reduce(400983118534155448811520000n));
  });

  it('193 players, w_i = 1 + (7919·i mod 200), quota ⌈2/3⌉ = 13062: counts past 2^53', () => {
    const r = computePower(game(W193, 13062), { indices: ['banzhaf', 'holler'] });
    expect(r.algorithm).toBe('swings by weight');
    expect(r.winningCoalitions).toBe('293120743003610257504896980336744102402391929943688305');
    expect(r.players.slice(0, 3).map((p) => p.swings)).toEqual([
      '93856921118250721140931643577123229237280564330278017',
      '31327852570866059889740976587408975891281440650076511',
      '120952986177497290317988923068641603234941856284945347',
    ]);
    expect(sum(r.players.map((p) => p.swings))).toBe(
      '15149945113237667344324297183203510288565795978805399299',
    );
    // EPIC RPG: minimal winning coalitions containing each player
    expect(r.players[0]!.minimalWinning).toBe('3166674043484054486262086315743144131063605177194372');
    expect(r.players[192]!.minimalWinning).toBe('3436768649390684670247050376419889691669703345500492');
    expect(sum(r.players.map((p) => p.minimalWinning))).toBe(
      '586308171053734140504861890014653016529771686188128200',
    );
  });

  it('50 players, w_i = 1000 + (104729·i mod 50000), quota half + 1 = 639738', () => {
    const r = computePower(game(W50, 639738), { indices: parseIndexList('banzhaf,holler') });
    expect(r.winningCoalitions).toBe('562949953421312');
    expect(r.players.slice(0, 3).map((p) => p.swings)).toEqual([
      '12379721107846',
      '22612995009086',
      '32869519977950',
    ]);
    expect(sum(r.players.map((p) => p.swings))).toBe('2789224279416108');
    expect(r.players.slice(0, 2).map((p) => p.minimalWinning)).toEqual(['6708715249183', '6855252579402']);
    expect(sum(r.players.map((p) => p.minimalWinning))).toBe('339603273148802');
  });

  it('Shapley–Shubik by size: EPIC RSH (numerators over n!) on the two large benchmark games', () => {
    const fact = (n: number) => {
      let f = 1n;
      for (let k = 2n; k <= BigInt(n); k++) f *= k;
      return f;
    };
    const over = (f: string | null | undefined, n: number) => {
      const [a, b] = f!.split('/');
      return (BigInt(a!) * fact(n)) / BigInt(b ?? '1');
    };
    const r = computePower(game(W193, 13062), { indices: ['shapley-shubik'] });
    expect(r.algorithm).toBe('swings by size and weight');
    expect(over(r.players[0]!.fractions!.shapleyShubik, 193).toString()).toBe(
      '419337428728033798946114051237091169195042471112230695055117621708398809539660258704535144076741617729936302315869702441595831648006595496201536511799123703101833500457236387250727085482092637389237846618981644838559810376165943625388663013643376318648288571378014940376377614296932029468489371663021555126349332480000000000000000000000000000000000000000000',
    );
    expect(over(r.players[192]!.fractions!.shapleyShubik, 193).toString()).toBe(
      '588524607081856136357712749968171190623264746340853940879806521510053077132596285242218327046900854633120666566580983499239308448978921884886976689550266031520086605908316572850830988854978213631665179258944967613741382531731309149899500413749756683479937668977084070363831393033407474032282143814302217991744389120000000000000000000000000000000000000000000',
    );
    const s = computePower(game(W50, 639738), { indices: ['shapley-shubik'] });
    expect(over(s.players[0]!.fractions!.shapleyShubik, 50).toString()).toBe(
      '133381688596514912587954538812069102314357794222899200000000000',
    );
    expect(over(s.players[49]!.fractions!.shapleyShubik, 50).toString()).toBe(
      '892792401373511023135732803365482012208154042622279680000000000',
    );
  });

  it('Deegan–Packel and the minimal winning coalitions by size: EPIC DP and WM', () => {
    const r = computePower(game(EU27_VOTES, 255), { indices: ['deegan-packel'] });
    expect(r.algorithm).toBe('swings by size and weight');
    expect(r.minimalWinningCoalitions).toBe('561645');
    // EPIC prints 0.048979529066108506608124, 0.038466567612152189359059, 0.02591590156982875953969
    expect([0, 6, 26].map((i) => r.players[i]!.deeganPackel)).toEqual(
      [0.04897952906610851, 0.03846656761215219, 0.02591590156982876].map((x) => expect.closeTo(x, 15)),
    );
    const g50 = computePower(game(W50, 639738), { indices: ['deegan-packel'] });
    expect(g50.minimalWinningCoalitions).toBe('13699522954034');
  });

  it('EPIC test game AIIB (87 members, 1,128,975 votes, quota 564488): exact, not Monte Carlo', () => {
    const r = computePower(game(AIIB, 564488), { indices: ['banzhaf', 'passage', 'holler'] });
    expect(r.method).toBe('exact');
    expect(r.winningCoalitions).toBe('77371252455336267181195264');
    expect(r.players.slice(0, 3).map((p) => p.swings)).toEqual([
      '72600148081018540153844784',
      '678174786143964627180040',
      '153316251555574032315348',
    ]);
    expect(sum(r.players.map((p) => p.swings))).toBe('130176053542218498168275208');
    expect(r.players.slice(0, 3).map((p) => p.minimalWinning)).toEqual([
      '117797941961084452973222',
      '115502167233683781277627',
      '115611019384758873524188',
    ]);
    expect(sum(r.players.map((p) => p.minimalWinning))).toBe('10048532749447635295749095');
    // China: 0.5577 of the Banzhaf power (the exact figure; Monte Carlo gave 0.5554)
    expect(r.players[0]!.banzhaf).toBeCloseTo(0.5577, 4);
  });
});

describe('index selection', () => {
  it('computes only what is asked, and "all" by default', () => {
    const g = game(W193.slice(0, 40), 2000);
    const only = computePower(g, { indices: ['banzhaf'] });
    expect(only.indices).toEqual(['banzhaf']);
    expect(only.algorithm).toBe('swings by weight');
    expect(
      only.players.every((p) => p.shapleyShubik === null && p.holler === null && p.johnston === null),
    ).toBe(true);
    const all = computePower(g);
    expect(all.indices).toHaveLength(9);
    expect(all.players.every((p) => p.shapleyShubik !== null)).toBe(true);
    expect(all.players.map((p) => p.swings)).toEqual(only.players.map((p) => p.swings));
    const h = computePower(g, { indices: ['holler'] });
    expect(h.players.map((p) => p.holler)).toEqual(all.players.map((p) => expect.closeTo(p.holler!, 14)));
  });

  it('the passage probability alone: no swings, the same |W| as all the indices, exact past 2^53', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 16, maxLength: 90 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.max(1, Math.min(total, Math.round(share * total)));
          if (total === 0) return;
          const alone = computePower(game(weights, quota), { indices: ['passage'] });
          const all = computePower(game(weights, quota), { indices: ['banzhaf', 'passage'] });
          expect(alone.algorithm).toBe('winning coalitions by weight');
          expect(all.algorithm).toBe('swings by weight');
          expect(alone.winningCoalitions).toBe(all.winningCoalitions);
          expect(alone.passageProbabilityFraction).toBe(all.passageProbabilityFraction);
          expect(alone.passageProbability).toBe(all.passageProbability);
          expect(alone.players.map((p) => p.veto)).toEqual(all.players.map((p) => p.veto));
          expect(
            alone.players.every((p) => p.swings === null && p.banzhaf === null && p.penrose === null),
          ).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
    // EPIC W on the benchmark games and the AIIB (the counts of the golden tests above)
    expect(computePower(game(W193, 13062), { indices: ['passage'] }).winningCoalitions).toBe(
      '293120743003610257504896980336744102402391929943688305',
    );
    expect(computePower(game(W50, 639738), { indices: ['passage'] }).winningCoalitions).toBe(
      '562949953421312',
    );
    expect(computePower(game(AIIB, 564488), { indices: ['passage'] }).winningCoalitions).toBe(
      '77371252455336267181195264',
    );
  });

  it('reduces only the fractions asked for, and gives the same values', () => {
    const g = game(W193.slice(0, 70), 2500);
    const all = computePower(g, { indices: ['banzhaf', 'penrose', 'coleman-prevent', 'coleman-initiate'] });
    const cp = computePower(g, { indices: ['coleman-prevent'] });
    expect(cp.players.map((p) => p.colemanPrevent)).toEqual(all.players.map((p) => p.colemanPrevent));
    expect(cp.players.map((p) => p.fractions!.colemanPrevent)).toEqual(
      all.players.map((p) => p.fractions!.colemanPrevent),
    );
    // Banzhaf and Penrose still given as numbers with the swings, not as fractions
    expect(cp.players.map((p) => p.banzhaf)).toEqual(all.players.map((p) => p.banzhaf));
    expect(cp.players.map((p) => p.penrose)).toEqual(all.players.map((p) => p.penrose));
    expect(cp.players.every((p) => p.fractions!.banzhaf === null && p.fractions!.penrose === null)).toBe(
      true,
    );
    expect(all.players.every((p) => p.fractions!.banzhaf !== null && p.colemanInitiate !== null)).toBe(true);
    const [num, den] = all.players[0]!.fractions!.banzhaf!.split('/').map(BigInt) as [bigint, bigint];
    const gcd = (a: bigint, b: bigint): bigint => (b ? gcd(b, a % b) : a);
    expect(gcd(num, den)).toBe(1n);
  });

  it('parses names and rejects unknown ones with the list', () => {
    expect(parseIndexList('shapley-shubik, banzhaf')).toEqual(['banzhaf', 'shapley-shubik']);
    expect(parseIndexList('all')).toHaveLength(9);
    expect(parseIndexList(undefined)).toHaveLength(9);
    expect(() => parseIndexList('banzaf')).toThrow(/not a power index/);
    expect(() => parseIndexList('')).toThrow(/no index/);
  });
});
