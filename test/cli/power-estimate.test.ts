/**
 * `concord power`'s estimate (src/cli/power-estimate.ts) follows the plan the library follows:
 * the benchmark's 193-player game is quick for the swing indices and for all indices at once (no
 * note), long for Deegan–Packel asked for by name (a table of about 1.2e10 operations, which the
 * library then computes: the note is due), and a step the library skips past its budget costs
 * nothing. Whether the figures match the measured times is for bench/power.bench.ts, which prints
 * both; here only the decisions are checked, no timing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONG_MS } from '../../src/cli/estimate.js';
import { POWER_MS_PER_UNIT, powerEstimateMs } from '../../src/cli/power-estimate.js';
import { sizeTableCost } from '../../src/power/bysize.js';
import { DEFAULT_BUDGETS } from '../../src/power/power.js';
import { asWeightedGame, weightedOps } from '../../src/power/weighted.js';
import { compile, numericRule } from '../../src/rules/compile.js';
import type { Game } from '../../src/rules/game.js';
import { runCli } from '../helpers/cli.js';

function weighted(weights: number[], quota: number): Game {
  return {
    name: 'test',
    players: weights.map((w, i) => ({ id: `P${i + 1}`, w })),
    rule: { sum: 'w', atLeast: quota },
    source: [],
    notes: [],
    literature: [],
  };
}
const sum = (w: number[]) => w.reduce((a, b) => a + b, 0);
const w193 = Array.from({ length: 193 }, (_, k) => 1 + ((7919 * (k + 1)) % 200));
const g193 = weighted(w193, Math.ceil((2 * sum(w193)) / 3));
const table = asWeightedGame(numericRule(compile(g193.rule, g193.players))!)!;

describe("concord power's estimate", () => {
  it('the swing indices of 193 players: the table by weight, well below the note', () => {
    const ms = powerEstimateMs(g193, { indices: ['passage'] });
    expect(ms).toBeCloseTo(
      193 * POWER_MS_PER_UNIT.perPlayer + weightedOps(table) * POWER_MS_PER_UNIT.weightedOp,
    );
    expect(ms).toBeLessThan(LONG_MS / 10);
    expect(powerEstimateMs(g193, { indices: ['banzhaf', 'penrose', 'coleman-prevent'] })).toBe(ms);
  });

  it('Shapley–Shubik costs the table by size and weight, more than the swings', () => {
    const swings = powerEstimateMs(g193, { indices: ['banzhaf'] });
    const ss = powerEstimateMs(g193, { indices: ['shapley-shubik'] });
    expect(ss - swings).toBeGreaterThan(sizeTableCost(table).ops * POWER_MS_PER_UNIT.sizeOp * 0.9);
    expect(ss).toBeLessThan(LONG_MS);
  });

  it('Deegan–Packel by name fits its fourfold budget and is long; in "all" it is skipped, and all is quick', () => {
    const dp = sizeTableCost(table, true).ops;
    expect(dp).toBeGreaterThan(DEFAULT_BUDGETS.sizeMinimalOps);
    expect(dp).toBeLessThanOrEqual(4 * DEFAULT_BUDGETS.sizeMinimalOps);
    expect(powerEstimateMs(g193, { indices: ['deegan-packel'] })).toBeGreaterThan(LONG_MS);
    expect(powerEstimateMs(g193, {})).toBeLessThan(LONG_MS);
  });

  it('enumeration doubles with each player; Monte Carlo grows with draws × players', () => {
    const g = (n: number) =>
      weighted(
        Array.from({ length: n }, (_, i) => 1 + (i % 5)),
        n,
      );
    const e20 = powerEstimateMs(g(20), { method: 'enumerate' });
    const e21 = powerEstimateMs(g(21), { method: 'enumerate' });
    expect(e21 / e20).toBeGreaterThan(2);
    expect(powerEstimateMs(g(26), { method: 'enumerate' })).toBe(0); // refused at once
    const mc = powerEstimateMs(g193, { method: 'montecarlo', samples: 1_000_000 });
    expect(mc).toBeCloseTo(1_000_000 * 193 * POWER_MS_PER_UNIT.montecarlo);
    expect(mc).toBeGreaterThan(LONG_MS);
    expect(powerEstimateMs(g193, { method: 'montecarlo', samples: 1000 })).toBeLessThan(LONG_MS);
  });

  it('a rule the library refuses at once costs nothing', () => {
    expect(powerEstimateMs({ ...g193, rule: { sum: 'nothing', atLeast: 1 } })).toBe(0);
  });

  it('the CLI prints no note for the quick game, and the note for a long Monte Carlo run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-estimate-'));
    const file = join(dir, 'g193.json');
    writeFileSync(file, JSON.stringify({ name: 'g193', players: g193.players, rule: g193.rule }));
    const quick = await runCli(['power', file, '--index', 'passage']);
    expect(quick.code).toBe(0);
    expect(quick.err).toBe('');
    expect(quick.out).toContain('193 players');
    // the estimate only (the run itself is cut short by a bad --seed, checked after the note)
    const long = await runCli([
      'power',
      file,
      '--method',
      'montecarlo',
      '--samples',
      '1000000',
      '--seed',
      'x',
    ]);
    expect(long.err).toMatch(
      /note: Monte Carlo power with 1,000,000 draws for 193 players will take about \d+ s/,
    );
  });
});
