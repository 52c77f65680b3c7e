import { describe, expect, it } from 'vitest';
import { backtestEstimateMs, capacityEstimateMs, LONG_MS } from '../../src/cli/estimate.js';
import { loadPath } from '../../src/scenario/load.js';
import { runCli } from '../helpers/cli.js';

const sco = loadPath('scenarios/sco', process.cwd()).map((l) => l.scenario);

describe('cost estimates of backtest and capacity', () => {
  it('backtest: grows with sweep replicates and resamples, and is short for the SCO cases as they are', () => {
    const base = backtestEstimateMs(sco, ['consensus', 'median', 'eum']);
    expect(base).toBeLessThan(LONG_MS);
    expect(backtestEstimateMs(sco, ['consensus', 'median', 'eum'], { sweepRuns: 1000 })).toBeGreaterThan(
      100 * base,
    );
    expect(backtestEstimateMs(sco, ['consensus', 'median', 'eum'], { resamples: 1_000_000 })).toBeGreaterThan(
      LONG_MS,
    );
    // fewer eum rounds: a smaller estimate
    expect(backtestEstimateMs(sco, ['eum'], { maxRounds: 20 })).toBeLessThan(
      backtestEstimateMs(sco, ['eum']),
    );
  });

  it('capacity: counting rules cost nothing, summing rules grow with the square of the members', () => {
    expect(capacityEstimateMs([5, 8, 10], 0)).toBe(0);
    expect(capacityEstimateMs([10], 3)).toBeLessThan(LONG_MS);
    expect(capacityEstimateMs([10, 190], 2)).toBeGreaterThan(LONG_MS);
    expect(capacityEstimateMs([200], 1)).toBeCloseTo(4 * capacityEstimateMs([100], 1));
  });

  it('the CLI says what a long backtest is in for, and how to be faster', async () => {
    const r = await runCli(['backtest', 'scenarios/sco', '--resamples', '300000', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/note: backtesting 32 case\(s\).*will take about \d+ s.*fewer --resamples/s);
    const quick = await runCli(['backtest', 'scenarios/sco', '--model', 'consensus', 'median', '--json']);
    expect(quick.err).not.toMatch(/will take about/);
  }, 120_000);

  it('the CLI is silent about a quick capacity run', async () => {
    const r = await runCli(['capacity', 'sco', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).not.toMatch(/will take about/);
  }, 60_000);
});
