/**
 * Holler's counts by weight class (src/power/holler.ts, its loops in src/power/kernel-holler.ts):
 * brute force on small games, the residues modulo primes (src/power/gf.ts `gfHollerCounts`, an
 * independent method) on games of 53 to 160 players whose counts are far past 2^53, the
 * JavaScript loops against the WebAssembly ones, and the loops themselves against plain sums.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { primesFor } from '../../src/power/exact.js';
import { gfHollerCounts } from '../../src/power/gf.js';
import { weightedHoller, weightedHollerAndSwings } from '../../src/power/holler.js';
import { hollerMemory } from '../../src/power/kernel-holler.js';
import { weightedSwings } from '../../src/power/weighted.js';

const weighted = (weights: number[], quota: number) => ({
  n: weights.length,
  weights: Float64Array.from(weights),
  total: weights.reduce((a, b) => a + b, 0),
  quota,
});

/** Minimal winning coalitions by listing all 2^n coalitions. */
function brute(weights: number[], quota: number): { total: bigint; containing: bigint[] } {
  const n = weights.length;
  const containing = Array<bigint>(n).fill(0n);
  let total = 0n;
  for (let s = 1; s < 1 << n; s++) {
    let w = 0;
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++)
      if (s & (1 << i)) {
        w += weights[i]!;
        min = Math.min(min, weights[i]!);
      }
    // minimal: winning, and losing without any member (enough: without its lightest)
    if (w < quota || w - min >= quota) continue;
    total++;
    for (let i = 0; i < n; i++) if (s & (1 << i)) containing[i]!++;
  }
  return { total, containing };
}

function residues(weights: number[], quota: number) {
  const g = weighted(weights, quota);
  return gfHollerCounts({
    n: g.n,
    weights: g.weights,
    total: g.total,
    theta: new Float64Array(g.n + 2).fill(quota),
    primes: primesFor(g.n),
  })!;
}

describe('Holler by weight class', () => {
  it('equals the enumeration of all coalitions on small games (fast-check), WebAssembly and JavaScript', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: -0.2, max: 1.2, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.round(share * total);
          const g = weighted(weights, quota);
          const e =
            quota <= 0 || quota > total
              ? { total: 0n, containing: weights.map(() => 0n) }
              : brute(weights, quota);
          expect(weightedHoller(g)).toEqual(e);
          expect(weightedHoller(g, { js: true })).toEqual(e);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('equals the enumeration with many players of one weight, players alone winning, and weights of 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<number>(0, 1, 2, 3, 5, 8, 40), { minLength: 1, maxLength: 13 }),
        fc.integer({ min: 1, max: 60 }),
        (weights, quota) => {
          const total = weights.reduce((a, b) => a + b, 0);
          if (quota > total) return;
          const g = weighted(weights, quota);
          expect(weightedHoller(g)).toEqual(brute(weights, quota));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('weights far past the table (2^40 with a quota of a few units): enumeration and weightedSwings agree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<number>(0, 1, 2, 3, 7, 2 ** 40, 2 ** 45 + 1), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 12 }),
        fc.boolean(),
        (weights, quota, js) => {
          const total = weights.reduce((a, b) => a + b, 0);
          if (quota > total) return;
          const g = weighted(weights, quota);
          const both = weightedHollerAndSwings(g, { js });
          expect({ total: both.total, containing: both.containing }).toEqual(brute(weights, quota));
          const s = weightedSwings(g);
          expect([both.winning, both.swings]).toEqual([s.winning, s.swings]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equals the residues modulo primes past 52 players (several limbs, long alternating sums, both ends of the table)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 53, maxLength: 160 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const quota = Math.max(1, Math.round(share * total));
          const g = weighted(weights, quota);
          const h = weightedHoller(g);
          const p = residues(weights, quota);
          expect(h.total).toBe(p.total);
          expect(h.containing).toEqual(p.containing);
          expect(weightedHoller(g, { js: true })).toEqual(h);
          expect(weightedHoller(g, { scalar: true })).toEqual(h);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('equals the residues on a game with counts near 2^200, one player per weight (the one-read step) and many per weight', () => {
    // 193 players w_i = 1 + (7919·i mod 200) (distinct weights) at a third of the total, and the
    // same weights folded onto 20 values (classes of about ten players)
    const distinct = Array.from({ length: 193 }, (_, i) => 1 + ((7919 * (i + 1)) % 200));
    const folded = distinct.map((w) => 1 + (w % 20));
    for (const weights of [distinct, folded]) {
      const total = weights.reduce((a, b) => a + b, 0);
      for (const quota of [Math.ceil(total / 3), Math.ceil((2 * total) / 3)]) {
        const h = weightedHoller(weighted(weights, quota));
        const p = residues(weights, quota);
        expect(h.total).toBe(p.total);
        expect(h.containing).toEqual(p.containing);
        expect(h.total > 2n ** 150n).toBe(true);
      }
    }
  });
});

describe('Holler and the swings from one table', () => {
  it('gives the swings, |W| and the veto players of weightedSwings, and the counts of weightedHoller (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 140 }),
        fc.double({ min: -0.2, max: 1.2, noNaN: true }),
        fc.boolean(),
        (weights, share, js) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const g = weighted(weights, Math.round(share * total));
          const both = weightedHollerAndSwings(g, { js });
          const s = weightedSwings(g);
          expect(both.winning).toBe(s.winning);
          expect(both.swings).toEqual(s.swings);
          expect(both.veto).toEqual(s.veto);
          expect({ total: both.total, containing: both.containing }).toEqual(weightedHoller(g));
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('the loops of kernel-holler', () => {
  it('alt: alternating sums of every limb into the accumulators, WebAssembly and JavaScript alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        fc.boolean(),
        (L, Q, u, chunk, seed, negative) => {
          const A = L + 2;
          const out: bigint[] = [];
          for (const js of [false, true]) {
            const m = hollerMemory(L, Q, A, A, 1, { js });
            // limbs below 2^40 (what a read sees after carrying)
            let s = seed;
            for (let i = 0; i < L * Q; i++) {
              s = (s * 1103515245 + 12345) % 2 ** 31;
              m.f64[i] = (s % 2 ** 20) * 2 ** 20 + (s % 1000);
            }
            const y = Q - 1;
            const count = Math.floor(y / u) + 1;
            m.alt(m.accAt, y, u, count, L, chunk, negative ? -1 : 1);
            let want = 0n;
            for (let l = 0; l < L; l++)
              for (let t = 0; t < count; t++)
                want += (t % 2 ? -1n : 1n) * BigInt(m.f64[l * Q + y - t * u]!) * 2n ** BigInt(40 * l);
            let got = 0n;
            for (let l = A - 1; l >= 0; l--) got = (got << 40n) + BigInt(m.f64[m.accAt + l]!);
            for (let l = 0; l < A - 1; l++) expect(m.f64[m.accAt + l]!).toBeLessThan(2 ** 40);
            expect(got).toBe(negative ? -want : want);
            out.push(got);
          }
          expect(out[0]).toBe(out[1]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('alt: exact where a plain double sum is not (terms near 2^46 of one sign, chunks of 127 pairs)', () => {
    const L = 2;
    const Q = 3001;
    const u = 3;
    const y = Q - 1;
    const count = Math.floor(y / u) + 1;
    for (const js of [false, true]) {
      const m = hollerMemory(L, Q, L + 2, L + 2, 1, { js });
      for (let l = 0; l < L; l++)
        for (let x = 0; x < Q; x++) {
          const even = (y - x) % u === 0 && ((y - x) / u) % 2 === 0;
          m.f64[l * Q + x] = even ? 2 ** 46 - 1 - (x % 7) : x % 5;
        }
      m.alt(m.accAt, y, u, count, L, 2 ** (53 - 46) - 1, 1);
      let want = 0n;
      for (let l = 0; l < L; l++)
        for (let t = 0; t < count; t++)
          want += (t % 2 ? -1n : 1n) * BigInt(m.f64[l * Q + y - t * u]!) * 2n ** BigInt(40 * l);
      let got = 0n;
      for (let l = L + 1; l >= 0; l--) got = (got << 40n) + BigInt(m.f64[m.accAt + l]!);
      expect(got).toBe(want);
      expect(want > 2n ** 55n).toBe(true);
    }
  });

  it('add and carry: the same cells in WebAssembly (with and without SIMD) and JavaScript, carrying keeps the value', () => {
    const L = 3;
    const Q = 50;
    const cells: number[][] = [];
    for (const opts of [{}, { scalar: true }, { js: true }]) {
      const m = hollerMemory(L, Q, 0, 0, 0, opts);
      m.f64.fill(1, 0, Q);
      for (let j = 0; j < 45; j++) m.add(0, 1 + (j % 7));
      for (let x = 0; x < Q; x++) m.f64[Q + x] = x * 2 ** 45 + 3; // limb 1 above 2^40 too
      const value = (x: number) =>
        BigInt(m.f64[x]!) + (BigInt(m.f64[Q + x]!) << 40n) + (BigInt(m.f64[2 * Q + x]!) << 80n);
      const before = Array.from({ length: Q }, (_, x) => value(x));
      m.carry(L);
      expect(Array.from({ length: Q }, (_, x) => value(x))).toEqual(before);
      for (let x = 0; x < 2 * Q; x++) expect(m.f64[x]!).toBeLessThan(2 ** 40);
      expect(m.f64[2 * Q + Q - 1]!).toBeGreaterThan(0);
      cells.push(Array.from(m.f64));
    }
    expect(cells[1]).toEqual(cells[0]);
    expect(cells[2]).toEqual(cells[0]);
  });
});
