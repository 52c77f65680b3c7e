// Tests of the sweep engine with the SYNTHETIC test adapter (src/sweep/synthetic.ts): toy models,
// chosen so that the expected statistics have closed forms.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Summarizer } from '../../src/sweep/engine.js';
import { planSweep, sweepInMemory } from '../../src/sweep/run.js';

const toy = readFileSync(join(import.meta.dirname, '../fixtures/sweep/toy.yaml'), 'utf8');

function plan(text: string, runs: number, extra: Partial<Parameters<typeof planSweep>[0]> = {}) {
  return planSweep({ adapter: 'synthetic', file: 'toy.yaml', text, runs, seed: 1, ...extra });
}

/** A linear toy: fixed saliences and capabilities, uniform positions → the mean model is linear. */
function linear(halfWidths: number[]): string {
  const pos = [50, 40, 60, 55];
  return `id: linear
rule: consensus
actors: { A: 4, B: 3, C: 2, D: 1 }
issues:
  - id: x
    scale: [0, 100]
    statusQuo: 0
    proposal: 80
    positions:
${['A', 'B', 'C', 'D'].map((a, i) => `      ${a}: { position: ${pos[i]}, salience: ${[0.5, 0.5, 1, 1][i]} }`).join('\n')}
uncertainty:
  issues:
    x:
      actors:
${['A', 'B', 'C', 'D'].map((a, i) => `        ${a}: { position: { dist: uniform, halfWidth: ${halfWidths[i]} } }`).join('\n')}
`;
}

describe('the sweep engine (synthetic models)', () => {
  it('gives a summary that does not depend on the order in which batches are computed', () => {
    const p = plan(toy, 5000, { batchSize: 500 });
    const inOrder = sweepInMemory(p);
    // Compute the batches in reverse order (as parallel workers might finish them), then fold in order.
    const results = [];
    for (let idx = 9; idx >= 0; idx--) results.push(p.ctx.computeBatch(idx, idx * 500, 500));
    const s = new Summarizer(p.ctx);
    for (const r of results.sort((a, b) => a.idx - b.idx)) s.add(r.first, r.count, r.aggregate);
    expect(JSON.stringify(s.summary())).toBe(JSON.stringify(inOrder));
  });

  it('computes each replicate from (seed, index) alone, whatever batch it falls in', () => {
    const p = plan(toy, 1000, { batchSize: 100 });
    const big = p.ctx.computeBatch(0, 0, 300).rows!;
    const single = p.ctx.computeBatch(5, 217, 1).rows!;
    expect(single).toEqual(big.filter((r) => r.replicate === 217));
    const other = plan(toy, 1000, { seed: 2, batchSize: 100 }).ctx.computeBatch(5, 217, 1).rows!;
    expect(other).not.toEqual(single);
  });

  it('counts blockers and adoption consistently with the rows', () => {
    const p = plan(toy, 2000, { batchSize: 2000 });
    const b = p.ctx.computeBatch(0, 0, 2000);
    const vote = b.rows!.filter((r) => r.model === 'vote');
    const s = sweepInMemory(p).results.find((r) => r.model === 'vote')!;
    expect(s.adoption).toBe(vote.filter((r) => r.adopted === 1).length / 2000);
    expect(s.blocking!.D).toBe(vote.filter((r) => r.blockers!.split(',').includes('D')).length / 2000);
    expect(s.anyBlocker! + s.adoption!).toBeCloseTo(1, 12); // under consensus: adopted ⇔ nobody blocks
    // The exact mean from the rows agrees with the streamed one.
    const mean = p.ctx.computeBatch(0, 0, 2000).rows!.filter((r) => r.model === 'mean');
    const exact = mean.reduce((t, r) => t + r.outcome!, 0) / mean.length;
    expect(sweepInMemory(p).results[0]!.mean).toBeCloseTo(exact, 10);
  });

  it('reads quantiles off the histogram to within 1/1000 of the scale', () => {
    const p = plan(toy, 4000, { batchSize: 4000 });
    const xs = p.ctx
      .computeBatch(0, 0, 4000)
      .rows!.filter((r) => r.model === 'mean')
      .map((r) => r.outcome!)
      .sort((a, b) => a - b);
    const s = sweepInMemory(p).results[0]!;
    for (const [k, q] of [
      ['p05', 0.05],
      ['p50', 0.5],
      ['p95', 0.95],
    ] as const) {
      const exact = xs[Math.round(q * (xs.length - 1))]!;
      expect(Math.abs(s.quantiles[k]! - exact)).toBeLessThan(0.1);
    }
  });

  it('recovers the Sobol indices of a linear model (S_i = ST_i = w_i² Var X_i / Σ)', () => {
    const h = [10, 20, 5, 15];
    const p = plan(linear(h), 8000, { sensitivity: true, models: ['mean'] });
    expect(p.params.total).toBe(8000 * 6);
    const s = sweepInMemory(p);
    const c = [0.4, 0.3, 0.2, 0.1];
    const sal = [0.5, 0.5, 1, 1];
    const w = c.map((ci, i) => ci * sal[i]!);
    const wsum = w.reduce((a, b) => a + b, 0);
    const v = h.map((hi, i) => ((w[i]! / wsum) ** 2 * hi * hi) / 3);
    const vt = v.reduce((a, b) => a + b, 0);
    const sens = s.sensitivity!.find((x) => x.model === 'mean')!;
    expect(sens.variance!).toBeCloseTo(vt, 0);
    sens.factors.forEach((f, i) => {
      expect(Math.abs(f.first! - v[i]! / vt)).toBeLessThan(0.04);
      expect(Math.abs(f.total! - v[i]! / vt)).toBeLessThan(0.04);
    });
  });

  it('sweeps a grid with common random numbers across design points', () => {
    const text = `${toy}sweep:\n  design: grid\n  parameters:\n    capability.D: [1, 1, 5]\n    rule: [consensus]\n`;
    const p = plan(text, 1000, { batchSize: 250 });
    expect(p.params.total).toBe(3000);
    const s = sweepInMemory(p);
    const at = (pt: number) =>
      JSON.stringify(s.results.filter((r) => r.point === pt).map(({ point: _, ...r }) => r));
    expect(at(0)).toBe(at(1)); // same parameters, same draws
    expect(at(2)).not.toBe(at(0));
    expect(s.sweep.points).toEqual([
      { 'capability.D': 1, rule: 'consensus' },
      { 'capability.D': 1, rule: 'consensus' },
      { 'capability.D': 5, rule: 'consensus' },
    ]);
  });

  it('samples a Latin hypercube: each stratum of each parameter exactly once', () => {
    const text = `${toy}sweep:\n  design: lhs\n  samples: 20\n  parameters:\n    position.x.B: { from: 0, to: 100 }\n    chair: [A, B, C, D]\n`;
    const p = plan(text, 10);
    const xs = p.ctx.points.map((pt) => Math.floor((pt['position.x.B'] as number) / 5)).sort((a, b) => a - b);
    expect(xs).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const chairs = p.ctx.points.map((pt) => pt.chair);
    for (const c of ['A', 'B', 'C', 'D']) expect(chairs.filter((x) => x === c)).toHaveLength(5);
  });

  it('applies the documented default uncertainty to a file without an uncertainty block, and none to `uncertainty: {}`', () => {
    const bare = toy.replace(/uncertainty:[\s\S]*/, '');
    const d = plan(bare, 10).ctx.describe();
    expect(d.uncertainty).toMatch(/^default/);
    expect(d.factors.map((f) => f.distribution)).toContain('normal(60, 10) on [0, 100]');
    expect(d.factors).toHaveLength(12);
    expect(plan(`${bare}uncertainty: {}\n`, 10).ctx.describe().factors).toHaveLength(0);
  });

  it('rejects bad sweeps with a code and a path', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code?: string; path?: string }).code;
      }
      return 'none';
    };
    expect(code(() => plan(toy, 0))).toBe('E_VALIDATION');
    expect(code(() => plan(toy, -5))).toBe('E_VALIDATION');
    expect(code(() => plan(toy, 50_000_000))).toBe('E_LIMIT');
    expect(plan(toy, 50_000_000, { force: true, keep: 'summary' }).params.total).toBe(50_000_000);
    expect(code(() => plan(toy, 3_000_000_000, { force: true }))).toBe('E_LIMIT');
    expect(
      code(() =>
        plan(`${toy.replace(/uncertainty:[\s\S]*/, '')}uncertainty: {}\n`, 10, { sensitivity: true }),
      ),
    ).toBe('E_VALIDATION');
    expect(
      code(() => plan(`${toy}sweep: { parameters: { chair: [A, B] } }\n`, 10, { sensitivity: true })),
    ).toBe('E_UNSUPPORTED');
    expect(code(() => plan(toy.replace('issues:\n    x:', 'issues:\n    y:'), 10))).toBe('E_VALIDATION');
    expect(
      code(() =>
        plan(toy.replace('D: { position: { dist: triangular', 'E: { position: { dist: triangular'), 10),
      ),
    ).toBe('E_VALIDATION');
    expect(code(() => plan(toy.replace('dist: normal, sd: 10', 'dist: beta, concentration: 3'), 10))).toBe(
      'E_VALIDATION',
    );
    expect(code(() => plan(toy.replace('sd: 10', 'sdd: 10'), 10))).toBe('E_VALIDATION');
    expect(code(() => plan(`${toy}sweep: { parameters: { bogus: [1] } }\n`, 10))).toBe('E_VALIDATION');
    expect(code(() => plan(toy, 10, { models: ['nope'] }))).toBe('E_VALIDATION');
  });
});
