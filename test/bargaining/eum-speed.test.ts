/**
 * The expected-utility model's shortcuts change no result: with the receiver's perspective and
 * Q = 1 each ordered pair's U_s, U_f and U_sq are computed once for both expected utilities, and a
 * trajectory whose positions repeat those of an earlier round is periodic, so the rounds after the
 * repeat are not run. `reference: true` runs every round with the general formula; the two must agree
 * to the last bit (Object.is) on every position, risk exponent, median and mean of every round, under
 * all 16 combinations of choices (a)–(d), with and without Q < 1, on random cases built to form groups
 * and cycles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type EumChoices,
  type EumOptions,
  type EumResult,
  expectedUtility,
} from '../../src/bargaining/eum.js';

const ALL: EumChoices[] = [];
for (let bits = 0; bits < 16; bits++)
  ALL.push({
    probability: bits & 1 ? 'triples' : 'pair',
    perspective: bits & 2 ? 'receiver' : 'sender',
    voterRisk: bits & 4 ? 'own' : 'linear',
    selection: bits & 8 ? 'by-type' : 'smallest-move',
  });

function same(a: EumResult, b: EumResult): void {
  expect(b.rounds).toBe(a.rounds);
  expect(b.converged).toBe(a.converged);
  expect(Object.is(a.outcome, b.outcome), `outcome ${a.outcome} ${b.outcome}`).toBe(true);
  expect(Object.is(a.mean, b.mean)).toBe(true);
  expect(Array.from(b.positions)).toEqual(Array.from(a.positions));
  expect(Array.from(b.risk)).toEqual(Array.from(a.risk));
  if (a.history) {
    expect(b.history!.length).toBe(a.history.length);
    a.history.forEach((row, k) => {
      expect(Array.from(b.history![k]!), `round ${k}`).toEqual(Array.from(row));
      expect(Array.from(b.risks![k]!), `risks of round ${k}`).toEqual(Array.from(a.risks![k]!));
    });
    expect(b.medians).toEqual(a.medians);
    expect(b.means).toEqual(a.means);
  }
}

describe('the shortcuts of the expected-utility model', () => {
  const caseArb = fc.record({
    xs: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 6 }),
    actors: fc.array(
      fc.record({
        g: fc.nat(5),
        jitter: fc.double({ min: -3, max: 3, noNaN: true }),
        c: fc.double({ min: 0.05, max: 1, noNaN: true }),
        s: fc.double({ min: 0.1, max: 1, noNaN: true }),
      }),
      { minLength: 2, maxLength: 11 },
    ),
    combo: fc.nat(15),
    maxRounds: fc.constantFrom(1, 2, 7, 30, 100, 133),
    tolerance: fc.constantFrom(0, 1e-3),
    Q: fc.constantFrom(1, 1, 0.7),
    trace: fc.boolean(),
    jittered: fc.boolean(),
  });

  it('give every round the same values to the last bit as running every round in full', () => {
    let cycled = 0;
    fc.assert(
      fc.property(caseArb, (k) => {
        const n = k.actors.length;
        const x = k.actors.map((a) =>
          Math.min(100, Math.max(0, k.xs[a.g % k.xs.length]! + (k.jittered ? a.jitter : 0))),
        );
        const c = k.actors.map((a) => a.c);
        const s = k.actors.map((a) => a.s);
        const has = new Uint8Array(n).fill(1);
        const opts: EumOptions = {
          ...ALL[k.combo]!,
          maxRounds: k.maxRounds,
          tolerance: k.tolerance,
          Q: k.Q,
          trace: k.trace,
        };
        const fast = expectedUtility(n, x, c, s, has, 0, 100, opts);
        const full = expectedUtility(n, x, c, s, has, 0, 100, { ...opts, reference: true });
        if (full === null) return expect(fast).toBeNull();
        if (full.rounds === k.maxRounds && !full.converged && k.maxRounds > 2) cycled++;
        same(full, fast!);
      }),
      { numRuns: 600, seed: 2026 },
    );
    expect(cycled).toBeGreaterThan(20); // the property did meet runs that never converge
  });

  it('jump over a cycle of Scholz’s choices: the ten-actor bench issue after 10,000 rounds', () => {
    const x = [12, 35, 35, 50, 61, 62, 70, 84, 90, 97];
    const c = [0.3, 1, 0.8, 0.5, 0.9, 0.2, 0.6, 0.7, 0.4, 1];
    const s = [0.9, 0.4, 0.6, 0.8, 0.3, 0.7, 0.5, 0.9, 0.2, 0.6];
    const has = new Uint8Array(10).fill(1);
    for (const maxRounds of [100, 10_000, 10_001]) {
      const opts: EumOptions = { variant: 'scholz', maxRounds };
      same(
        expectedUtility(10, x, c, s, has, 0, 100, { ...opts, reference: true })!,
        expectedUtility(10, x, c, s, has, 0, 100, opts)!,
      );
    }
  });
});
