import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('concord power --unions', () => {
  it('adds Owen and Banzhaf–Owen to the JSON players (EEC-6 with Benelux, EPIC values)', async () => {
    const r = await runCli(['power', 'eec-1958', '--unions', 'BEL,NLD,LUX', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.players.map((p: { owen: number }) => p.owen)).toEqual([0.25, 0.25, 0.25, 0.125, 0.125, 0]);
    expect(j.players.map((p: { banzhafOwen: number }) => p.banzhafOwen)).toEqual([
      0.375, 0.375, 0.375, 0.1875, 0.1875, 0,
    ]);
    expect(j.players[3].banzhafOwenNormalized).toBe(0.125);
    expect(j.unions[0].members).toEqual(['BEL', 'NLD', 'LUX']);
    expect(j.players[0].banzhaf).toBeCloseTo(5 / 21, 12); // the plain indices are still there
  });

  it('reads unions from a game file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-blocs-'));
    const f = join(dir, 'g.yaml');
    writeFileSync(
      f,
      'name: three\nplayers: [{ id: A }, { id: B }, { id: C }]\nrule: { count: { atLeast: 2 } }\nunions: [[A, B]]\n',
    );
    const r = await runCli(['power', f]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/A\s+U1\s+0\.5000/);
  });

  it('exit 2 naming the field for unknown or overlapping members', async () => {
    const a = await runCli(['power', 'eec-1958', '--unions', 'FRA;XYZ']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--unions[1]');
    const b = await runCli(['power', 'eec-1958', '--unions', 'FRA,DEU;DEU']);
    expect(b.code).toBe(2);
    expect(b.err).toContain('overlap');
  });
});
