/**
 * The exchange model's speed-up changes no result: on random scenarios the fast version
 * (src/bargaining/exchange.ts: one sort per round, changed exchanges merged back by binary search)
 * makes the same exchanges, in the same order, with the same positions as the version before it
 * (./exchange-oracle.ts: a full stable sort after every exchange).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExchangeInput, exchangeModel } from '../../src/bargaining/exchange.js';
import { exchangeModel as oracle } from './exchange-oracle.js';

const input = (n: number, k: number, vals: number[]): ExchangeInput => {
  let p = 0;
  const next = () => vals[p++ % vals.length]!;
  return {
    actors: Array.from({ length: n }, (_, a) => `A${a}`),
    capability: Array.from({ length: n }, () => 0.05 + next()),
    issues: Array.from({ length: k }, (_, q) => ({
      id: `q${q}`,
      lo: 0,
      hi: 100,
      // positions on a coarse grid make exact ties between gains, where the order matters most
      position: Array.from({ length: n }, () => Math.round(next() * 10) * 10),
      salience: Array.from({ length: n }, () => 0.1 + Math.round(next() * 9) / 10),
      has: Array.from({ length: n }, () => 1),
    })),
  };
};

describe('the fast exchange model equals the straightforward one', () => {
  it('same exchanges, gains and positions on random scenarios (with many exact ties)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 2, max: 7 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 50, maxLength: 200 }),
        (n, k, vals) => {
          const inp = input(n, k, vals);
          const a = exchangeModel(inp, { rounds: 4 });
          const b = oracle(inp, { rounds: 4 });
          expect(a.rounds.map((r) => r.exchanges.length)).toEqual(b.rounds.map((r) => r.exchanges.length));
          a.rounds.forEach((r, t) => {
            r.exchanges.forEach((e, x) => {
              const f = b.rounds[t]!.exchanges[x]!;
              expect([e.i.actor, e.i.supply, e.j.actor, e.j.supply]).toEqual([
                f.i.actor,
                f.i.supply,
                f.j.actor,
                f.j.supply,
              ]);
              expect(e.gain).toBe(f.gain);
              expect(e.i.to).toBe(f.i.to);
            });
          });
          expect(Array.from(a.forecast)).toEqual(Array.from(b.forecast));
        },
      ),
      { numRuns: 120 },
    );
  });
});
