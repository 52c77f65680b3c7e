// Sobol indices with 95% bootstrap intervals over batches, and a warning when the first-order index
// is above the total: the case (capability.RUS in the 2010 bank case, compromise model, N = 2,000).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSweep, sweepInMemory } from '../../src/sweep/run.js';

const bank = readFileSync(
  join(import.meta.dirname, '../../scenarios/sco/06-development-bank-2010.yaml'),
  'utf8',
);
const run = () =>
  sweepInMemory(
    planSweep({
      adapter: 'forecast',
      file: 'bank.yaml',
      text: bank,
      runs: 2000,
      seed: 1,
      models: ['compromise'],
      sensitivity: true,
    }),
  );

describe('Sobol indices with bootstrap intervals', async () => {
  const a = await run();
  const sens = a.sensitivity!.find((x) => x.model === 'compromise')!;

  it('gives each index a 95% interval that holds it', () => {
    let withCi = 0;
    for (const f of sens.factors) {
      if (f.first === null || !f.firstCi || !f.totalCi) continue;
      withCi++;
      expect(f.firstCi[0]).toBeLessThanOrEqual(f.firstCi[1]);
      expect(f.totalCi[0]).toBeLessThanOrEqual(f.total! + 1e-12);
      expect(f.totalCi[1]).toBeGreaterThanOrEqual(f.total! - 1e-12);
    }
    expect(withCi).toBe(sens.factors.length);
  });

  it('warns when first order is above total, saying whether beyond the intervals', () => {
    const rus = sens.factors.find((f) => f.factor === 'capability.RUS')!;
    expect(rus.first!).toBeGreaterThan(rus.total!);
    const w = sens.warnings.find((x) => x.startsWith('capability.RUS'));
    expect(w).toMatch(/within sampling error|beyond their 95% bootstrap interval/);
    // Every warning names a factor whose first order is at least 0.01 above its total.
    for (const x of sens.warnings) {
      const f = sens.factors.find((g) => x.startsWith(`${g.factor}:`))!;
      expect(f.first! - f.total!).toBeGreaterThanOrEqual(0.01);
    }
  });

  it('is reproducible from the seed', async () => {
    expect(JSON.stringify((await run()).sensitivity)).toBe(JSON.stringify(a.sensitivity));
  });
});
