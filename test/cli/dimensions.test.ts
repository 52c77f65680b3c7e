/** Issues of several dimensions at the command line: every model forecasts or says why; bad input exits 2. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

const FILE = 'scenarios/examples/plane.yaml';

describe('concord forecast on an issue of two dimensions', () => {
  it('gives a point per dimension for every model that can, and a reason for the one that cannot', async () => {
    const r = await run('forecast', FILE, '--json');
    expect(r.code, r.err).toBe(0);
    const is = JSON.parse(r.out).issues[0];
    expect(is.dimensions).toBe(2);
    expect(is.dimensionIds).toEqual(['size', 'pooling']);
    for (const m of ['consensus', 'compromise', 'median', 'nash', 'exchange'])
      expect(is.models[m].outcome).toHaveLength(2);
    expect(is.models.eum.outcome).toBeNull();
    expect(is.models.eum.note).toContain('one-dimensional');
    expect(is.models.median.note).toContain('each dimension separately');
    expect(is.models.nash.note).toContain('over the space');
    // the compromise, by hand: size Σ c s x / Σ c s with the file's numbers
    const c = [0.35, 0.25, 0.2, 0.12, 0.08];
    const sx = [0.9, 0.5, 0.6, 0.3, 0.8];
    const x = [80, 40, 60, 30, 90];
    const mean = c.reduce((t, v, i) => t + v * sx[i]! * x[i]!, 0) / c.reduce((t, v, i) => t + v * sx[i]!, 0);
    expect(is.models.compromise.outcome[0]).toBeCloseTo(mean, 9);
  });

  it('prints the per-dimension notes and the exchange rounds per dimension', async () => {
    const r = await run('forecast', FILE);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^median\s+\(80, 50\)/m);
    expect(r.out).toContain('the weighted median of each dimension separately');
    expect(r.out).toContain('(fund.pooling)');
  });

  it('exits 2 naming the issue and the field when an actor gives the wrong number of dimensions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-dims-'));
    const bad = readFileSync(FILE, 'utf8').replace('D: { position: [30, 80]', 'D: { position: [30, 80, 5]');
    writeFileSync(join(dir, 'bad.yaml'), bad);
    const r = await run('forecast', join(dir, 'bad.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('issues[0].positions.D.position');
    expect(r.err).toContain('the issue has 2 dimension(s)');
    const badSal = readFileSync(FILE, 'utf8').replace('salience: [0.3, 0.8]', 'salience: [0.3]');
    writeFileSync(join(dir, 'bad2.yaml'), badSal);
    const r2 = await run('forecast', join(dir, 'bad2.yaml'));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('issues[0].positions.D.salience');
  });
});
