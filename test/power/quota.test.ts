/**
 * Power against the quota: every row equals `computePower` of the game with that quota (random
 * weighted games, fast-check), the EEC-6 row at 12 equals Felsenthal & Machover's values, the jumps
 * are exactly the quotas where the winning coalitions change, and the square-root quota follows
 * its closed form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePower } from '../../src/power/power.js';
import { quotaSweep, squareRootOptimalQuota } from '../../src/power/quota.js';
import { weightedInput } from '../../src/power/quota-input.js';
import { runCli } from '../helpers/cli.js';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `P${i}`);

describe('quotaSweep', () => {
  it('EEC-6: the row at 12 gives 7/32, 5/21 and 7/30 (Felsenthal & Machover 1998, Table 3.2.1)', () => {
    const s = quotaSweep(['FRA', 'DEU', 'ITA', 'BEL', 'NLD', 'LUX'], [4, 4, 4, 2, 2, 1], {
      indices: ['banzhaf', 'shapley-shubik'],
    });
    expect(s.quotas.map((r) => r.quota)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const r = s.quotas[11]!;
    expect(r.passageProbability).toBe(7 / 32);
    expect(r.players[0]!.banzhaf).toBeCloseTo(5 / 21, 14);
    expect(r.players[0]!.shapleyShubik).toBeCloseTo(7 / 30, 14);
    expect(r.players[5]!.banzhaf).toBe(0);
  });

  it('every row equals concord power at that quota (random weighted games)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 9 }), (w) => {
        const total = w.reduce((a, b) => a + b, 0);
        if (total === 0) return;
        const s = quotaSweep(ids(w.length), w, { indices: ['penrose', 'banzhaf', 'shapley-shubik'] });
        let prevWinning: string | null = null;
        for (const row of s.quotas) {
          const p = computePower(
            {
              name: 'g',
              players: w.map((x, i) => ({ id: `P${i}`, w: x })),
              rule: { sum: 'w', atLeast: row.quota },
              source: [],
              notes: [],
              literature: [],
            },
            { method: 'enumerate', indices: 'penrose,banzhaf,shapley-shubik' },
          );
          expect(row.winningCoalitions).toBe(Number(p.winningCoalitions));
          row.players.forEach((pl, i) => {
            expect(pl.swings).toBe(Number(p.players[i]!.swings));
            expect(pl.banzhaf).toBeCloseTo(p.players[i]!.banzhaf!, 12);
            expect(pl.shapleyShubik).toBeCloseTo(p.players[i]!.shapleyShubik!, 12);
          });
          // a jump iff the winning coalitions differ from the previous quota's (same count ⇔ same set, nested)
          if (prevWinning !== null) expect(row.jump).toBe(prevWinning !== p.winningCoalitions);
          prevWinning = p.winningCoalitions;
        }
      }),
      { numRuns: 60, seed: 15 },
    );
  });

  it('the square-root quota: ½(1 + 1/√n) for n equal weights', () => {
    expect(squareRootOptimalQuota([1, 1, 1, 1])).toBeCloseTo(0.75, 15);
    expect(squareRootOptimalQuota(Array(25).fill(3))).toBeCloseTo(0.6, 15);
  });
});

describe('concord quota', () => {
  it('lists every quota of eec-1958 from 1 to 17 (JSON) with passage probability and indices', async () => {
    const r = await runCli(['quota', 'eec-1958', '--json', '--index', 'banzhaf,shapley-shubik']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.quotas).toHaveLength(17);
    expect(j.quotas[11].quota).toBe(12);
    expect(j.quotas[11].passageProbability).toBe(7 / 32);
    expect(Object.keys(j.quotas[0].players[0])).toEqual(['id', 'swings', 'banzhaf', 'shapleyShubik']);
    expect(j.squareRootQuota.quota).toBe(13);
  });
  it('CSV, one row per quota and player', async () => {
    const r = await runCli(['quota', 'eec-1958', '--format', 'csv']);
    expect(r.out.split('\n')).toHaveLength(1 + 17 * 6);
  });
  it('exit 2 naming the field for a quota outside the total, and for a rule of several criteria', async () => {
    const a = await runCli(['quota', 'eec-1958', '--to', '18']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--to');
    const b = await runCli(['quota', 'eu27-nice']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('rule');
  });
});

describe('weightedInput', () => {
  it('takes a game whose weights share a divisor (50 × 100 votes) in the weights as written', () => {
    const players = Array.from({ length: 50 }, (_, i) => ({ id: `P${i}`, votes: 100 }));
    const w = weightedInput({ name: 'equal', players, rule: { sum: 'votes', atLeast: 2550 } } as never);
    expect(w.weights).toEqual(players.map(() => 100));
    // 2,550 of 100-vote members needs 26 of them: the quota 2,600 has the same winning coalitions
    expect(w.ownQuota).toBe(2600);
    const eec = [4, 4, 4, 2, 2, 1].map((v, i) => ({ id: `E${i}`, votes: v }));
    expect(
      weightedInput({ name: 'eec', players: eec, rule: { sum: 'votes', atLeast: 12 } } as never).weights,
    ).toEqual([4, 4, 4, 2, 2, 1]);
  });

  it('still refuses weights with decimals, naming the field', () => {
    const players = [
      { id: 'A', votes: 1.5 },
      { id: 'B', votes: 2 },
    ];
    expect(() =>
      weightedInput({ name: 'dec', players, rule: { sum: 'votes', atLeast: 2 } } as never),
    ).toThrow(/weights of "votes" are not whole numbers/);
  });
});
