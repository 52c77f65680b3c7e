import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

describe('capability yardsticks', () => {
  it('--capability-sensitivity gives every model under gdp, cinc, population and equal', async () => {
    const r = await run(
      'forecast',
      'scenarios/sco/12-development-strategy-2030.yaml',
      '--capability-sensitivity',
      '--json',
    );
    expect(r.code).toBe(0);
    const cs = JSON.parse(r.out).capabilitySensitivity;
    expect(cs.yardsticks.map((y: { capability: string }) => y.capability)).toEqual([
      'gdp',
      'cinc',
      'population',
      'equal',
    ]);
    const gdp = cs.yardsticks[0].forecasts['strategy-2030'];
    const pop = cs.yardsticks[2].forecasts['strategy-2030'];
    // the yardstick moves the weighted models: India's population weight differs from its GDP weight
    expect(gdp.compromise).not.toBeCloseTo(pop.compromise, 3);
    const [lo, hi] = cs.range['strategy-2030'].compromise;
    expect(lo).toBeLessThanOrEqual(Math.min(gdp.compromise, pop.compromise));
    expect(hi).toBeGreaterThanOrEqual(Math.max(gdp.compromise, pop.compromise));
  });

  it('capabilities the file gives for every actor are labelled given, not equal, and say they were rescaled', async () => {
    const r = await run('forecast', 'scenarios/examples/car.yaml', '--model', 'compromise', '--json');
    const cap = JSON.parse(r.out).scenario.capability;
    expect(cap.source).toBe('given');
    expect(cap.note).toMatch(/sum to 1\.01/);
  });
});
