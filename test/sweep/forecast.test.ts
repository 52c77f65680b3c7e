// Sweeps with Concord's forecast models (src/bargaining) on the SCO cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastAll, modelOutcome } from '../../src/bargaining/forecast.js';
import { memoryIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { parseScenarioText, resolveWithLines } from '../../src/scenario/load.js';
import { planSweep, sweepInMemory } from '../../src/sweep/run.js';

const root = join(import.meta.dirname, '../..');
const bankFile = join(root, 'scenarios/sco/06-development-bank-2010.yaml');
const bank = readFileSync(bankFile, 'utf8');

function sweep(text: string, runs: number, extra: Partial<Parameters<typeof planSweep>[0]> = {}) {
  return sweepInMemory(
    planSweep({
      adapter: 'forecast',
      file: 'bank.yaml',
      text,
      runs,
      seed: 1,
      models: ['consensus', 'compromise', 'median'],
      ...extra,
    }),
  );
}

describe('sweeps with the forecast models', () => {
  it('with `uncertainty: {}` every replicate is the coded forecast', () => {
    const s = sweep(`${bank}\nuncertainty: {}\n`, 40);
    const coded = resolveWithLines(parseScenarioText(bank, 'bank.yaml'), 'bank.yaml', bank);
    const f = forecastAll(coded, { models: ['consensus', 'compromise', 'median'] })[0]!;
    for (const m of ['consensus', 'compromise', 'median'] as const) {
      const r = s.results.find((x) => x.model === m)!;
      const x = modelOutcome(f, m)![0]!;
      expect(r.n).toBe(40);
      expect(r.mean).toBeCloseTo(x, 9);
      expect(r.sd).toBeCloseTo(0, 9);
      expect(r.quantiles.p05).toBe(x);
      expect(r.quantiles.p95).toBe(x);
    }
    const c = s.results.find((x) => x.model === 'consensus')!;
    // Russia and Uzbekistan block China's bank as proposed (the case file's coding).
    expect(c.blocking!.RUS).toBe(1);
    expect(c.blocking!.UZB).toBe(1);
    expect(c.blocking!.CHN).toBe(0);
  });

  it('under the default uncertainty: outcomes on the scale, Russia the most frequent blocker', () => {
    const s = sweep(bank, 3000);
    for (const r of s.results) {
      expect(r.min!).toBeGreaterThanOrEqual(0);
      expect(r.max!).toBeLessThanOrEqual(100);
      expect(r.n + r.missing).toBe(3000);
    }
    const c = s.results.find((x) => x.model === 'consensus')!;
    const top = Object.entries(c.blocking!).sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('RUS');
    expect(s.sweep.uncertainty).toMatch(/^default/);
  });

  it('sweeps the proposal on a grid: a smaller bank is blocked less often', () => {
    const text = `${bank}\nsweep:\n  parameters:\n    proposal.bank: [20, 60, 100]\n`;
    const s = sweep(text, 1000);
    const blocked = [0, 1, 2].map(
      (p) => s.results.find((r) => r.point === p && r.model === 'consensus')!.anyBlocker!,
    );
    expect(blocked[0]!).toBeLessThan(blocked[1]!);
    expect(blocked[1]!).toBeLessThanOrEqual(blocked[2]!);
  });

  it('concord sweep on an SCO case: the same summary with one and two workers', async () => {
    const dir = (await import('node:fs')).mkdtempSync(
      join((await import('node:os')).tmpdir(), 'concord-sco-sweep-'),
    );
    const run = async (workers: string) => {
      const io = memoryIO({});
      const code = await main(
        [
          'sweep',
          bankFile,
          '--runs',
          '4000',
          '--seed',
          '1',
          '--workers',
          workers,
          '--store',
          join(dir, 's.sqlite'),
          '--json',
        ],
        io,
      );
      expect(code, io.stderr.join('\n')).toBe(0);
      return JSON.parse(io.stdout.join('\n'));
    };
    const a = await run('1');
    const b = await run('2');
    expect(JSON.stringify(a.summary)).toBe(JSON.stringify(b.summary));
    expect(a.summary.sweep.models).toEqual(['consensus', 'compromise', 'median']);
  });
});
