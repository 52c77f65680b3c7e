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

describe('concord capacity --unions', () => {
  it('adds Owen and Banzhaf–Owen beside the plain indices, and each bloc’s power in the quotient game', async () => {
    const r = await runCli(['capacity', 'sco', '--no-eu', '--unions', 'KAZ,KGZ,TJK,UZB;CHN,RUS', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const last = j.stages[j.stages.length - 1];
    const consensus = last.outcomes[0].blocs;
    // Unanimity of 6 unions (the two blocs and 4 singletons): each union a veto with Banzhaf 1/6;
    // raw Banzhaf–Owen 1/2^5 · 1/2^(k−1), normalized: a Central Asian member 1/8 ÷ 5.5 = 1/44.
    expect(consensus.unions.filter((u: { veto: boolean }) => u.veto)).toHaveLength(6);
    expect(consensus.unions[0].fractions.banzhaf).toBe('1/6');
    const kaz = consensus.players.find((p: { id: string }) => p.id === 'KAZ');
    expect(kaz.fractions.banzhafOwenNormalized).toBe('1/44');
    // Two-thirds (7 of 10): the four Central Asian members together can block, China and Russia cannot.
    const twoThirds = last.outcomes[2].blocs.unions;
    expect(twoThirds[0]).toMatchObject({ members: ['KAZ', 'KGZ', 'TJK', 'UZB'], veto: true });
    expect(twoThirds[1]).toMatchObject({ members: ['CHN', 'RUS'], veto: false });
    // In 2001 the same blocs are cut to the members present (all six were members)
    expect(j.stages[0].outcomes[0].blocs.unions).toHaveLength(2);
    const table = await runCli(['capacity', 'sco', '--no-eu', '--unions', 'KAZ,KGZ,TJK,UZB;CHN,RUS']);
    expect(table.out).toMatch(/KAZ\s+0\.100 → 0\.023/);
    expect(table.out).toMatch(/KAZ,KGZ,TJK,UZB\s+0\.167 veto/);
  });

  it('names an unknown bloc member', async () => {
    const r = await runCli(['capacity', 'sco', '--unions', 'KAZ,FRA']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unions\[0\].*FRA/);
  });
});
