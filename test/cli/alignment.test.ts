import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.js';

describe('concord alignment', () => {
  it('prints the matrix, the camps and the cohesion, with the 2017 stage compared', async () => {
    const r = await run('alignment', 'sco', '--from', '2001', '--to', '2019', '--bootstrap', '40');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2001–2019: 1,784 roll calls');
    expect(r.out).toMatch(/Agreement: share of identical votes/);
    expect(r.out).toMatch(/^CHN\s+·\s+78\.8/m);
    expect(r.out).toMatch(/bootstrap over roll calls \(40 resamples, seed 1\): Q 0\.\d{3}, 95% interval/);
    expect(r.out).toMatch(/null model \(votes permuted within each roll call, 40 permutations\)/);
    expect(r.out).toMatch(/the camps are (NO )?stronger than chance/);
    expect(r.out).toMatch(/Cohen's κ/);
    expect(r.out).toMatch(/Camps: Louvain/);
    expect(r.out).toMatch(/modularity of the camps Q = \d\.\d{4}/);
    expect(r.out).toMatch(/^2017\s+129\s+8\s+0\.\d{3}.*← \+IND, PAK \(2017-06-09\)/m);
    expect(r.out).toContain('2017-06-09 +IND, PAK: 6 → 8 members');
    expect(r.out).toMatch(/change, new set after − old set before: [-+]0\.\d{3} ± 0\.\d{3}/);
    expect(r.out).toMatch(
      /2023-07-04 \+IRN[\s\S]*not comparable: no roll call in the window after 2023-07-04/,
    );
    expect(r.out).toMatch(/of which composition \(new set before − old set before\) [-+]0\.\d{3}/);
    expect(r.out).toMatch(/^CHN–RUS agreement per year/m);
    expect(r.out).toContain('data: UN General Assembly Voting Data, 1946–2019');
    expect(r.out).toMatch(/session 56 .*KGZ, TJK, UZB cast no yes or no vote/);
  });

  it('gives stable JSON keys', async () => {
    const r = await run(
      'alignment',
      'sco',
      '--from',
      '2001',
      '--to',
      '2019',
      '--with',
      'USA',
      '--bootstrap',
      '0',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual([
      'organization',
      'window',
      'data',
      'states',
      'pairs',
      'camps',
      'cohesion',
      'stages',
      'pairByYear',
      'notes',
    ]);
    expect(j.window).toMatchObject({
      from: '2001-01-01',
      to: '2019-12-31',
      fromYear: 2001,
      toYear: 2019,
      scope: 'all',
      rollCalls: 1784,
      topic: null,
    });
    expect(j.camps.uncertainty).toBeNull();
    expect(j.states.at(-1)).toMatchObject({ iso3: 'USA', role: 'reference' });
    const cr = j.pairs.find((p: { a: string; b: string }) => p.a === 'CHN' && p.b === 'RUS');
    expect(Object.keys(cr)).toEqual([
      'a',
      'b',
      'rollCalls',
      'yesNoRollCalls',
      'agreement',
      'agreementYesNo',
      'kappa',
      'kappaYesNo',
      's',
      'table',
    ]);
    expect(cr.agreementYesNo).toBeGreaterThanOrEqual(0.8);
    expect(j.camps).toHaveProperty('membersModularity');
    expect(j.cohesion.byYear).toHaveLength(19);
    expect(j.stages[0]).toMatchObject({ date: '2017-06-09', comparable: true });
    expect(j.pairByYear.years).toHaveLength(19);
  });

  it('answers the issue-20 question on current data: the 2023 and 2024 stages and China–Russia to 2026', async () => {
    const r = await run(
      'alignment',
      'sco',
      '--from',
      '2017-06-09',
      '--to',
      '2026-06-04',
      '--bootstrap',
      '20',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const date of ['2023-07-04', '2024-07-04']) {
      const s = j.stages.find((x: { date: string }) => x.date === date);
      expect(s.comparable, date).toBe(true);
      expect(s.before.oldSet.agreementIndex).toBeGreaterThan(0);
      expect(s.after.newSet.agreementIndex).toBeGreaterThan(0);
      expect(s.note ?? '').not.toMatch(/not comparable/);
    }
    expect(j.pairByYear.years.at(-1)).toMatchObject({ year: 2026, source: 'un' });
    const res = await run('alignment', 'sco', '--from', '2020', '--scope', 'resolutions', '--bootstrap', '0');
    expect(res.code).toBe(0);
    expect(res.out).toContain('resolutions voted on as a whole only');
  });

  it('filters by topic and adds partners', async () => {
    const r = await run(
      'alignment',
      'sco',
      '--from',
      '2010',
      '--to',
      '2019',
      '--topic',
      'human rights',
      '--with',
      'partners,USA',
      '--bootstrap',
      '0',
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.window.topic).toEqual({ code: 'hr', label: 'Human rights' });
    expect(
      j.states.filter((s: { role: string }) => s.role === 'partner').map((s: { iso3: string }) => s.iso3),
    ).toContain('IRN');
  });

  it('stops at the dissolution of a dissolved organization, and does not print 193-column matrices', async () => {
    const r = await run('alignment', 'shanghai-five', '--bootstrap', '0');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/in the UN General Assembly, 1996-04-26 – 2001-06-15: \d+ roll calls/);
    const all = await run(
      'alignment',
      'sco',
      '--from',
      '2019',
      '--to',
      '2019',
      '--with',
      'all',
      '--bootstrap',
      '0',
    );
    expect(all.code).toBe(0);
    expect(all.out).toContain('193 states: the matrices are too wide to print; use --json for every pair');
  });

  it('reads positions from a scenario', async () => {
    const r = await run(
      'alignment',
      '--scenario',
      join(import.meta.dirname, '..', 'alignment', 'fixtures', 'scenario.yaml'),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/positions of 6 actors on 4 issues/);
    expect(r.out).toMatch(/Signorino–Ritter S/);
    expect(r.out).toMatch(/1\. CHN, KAZ, KGZ, TJK/);
  });

  it('exits 2 with a code and a hint on bad input', async () => {
    for (const [args, code] of [
      [['alignment', 'sco', '--topic', 'trade'], 'E_UNKNOWN_ID'],
      [['alignment', 'sco', '--from', '2027'], 'E_NO_DATA'],
      [['alignment', 'sco', '--from', '1940'], 'E_NO_DATA'],
      [['alignment', 'sco', '--to', '2026-06-05'], 'E_NO_DATA'],
      [['alignment', 'sco', '--from', '2019-02-30'], 'E_USAGE'],
      [['alignment', 'sco', '--scope', 'amendments'], 'E_USAGE'],
      [['alignment', 'sco', '--bootstrap', '-1'], 'E_USAGE'],
      [['alignment', 'sco', '--pair', 'CHN'], 'E_USAGE'],
      [['alignment', 'sco', '--from', '1964', '--to', '1964'], 'E_NO_DATA'],
      [['alignment', 'sco', '--from', '20x1'], 'E_USAGE'],
      [['alignment', 'sco', '--with', 'XYZ'], 'E_UNKNOWN_COUNTRY'],
      [['alignment', 'sco', '--measures', 'tau'], 'E_USAGE'],
      [['alignment'], 'E_USAGE'],
      [['alignment', 'nato'], 'E_UNKNOWN_ORG'],
      [['alignment', '--scenario', '/nonexistent.yaml'], 'E_FILE_UNREADABLE'],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(`[${code}]`);
      expect(r.err).toContain('hint:');
    }
  });
});
