import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { isConcordError } from '../../src/errors.js';
import { fullTimeline } from '../../src/org/history.js';
import { loadOrganizations } from '../../src/org/load.js';
import { chairOn, membersOn, partnersOn, stages } from '../../src/org/organization.js';
import { parseOrganization } from '../../src/org/registry.js';
import { snapshot } from '../../src/org/snapshot.js';

const reg = loadOrganizations();
const ds = loadDataset();
const sco = reg.get('sco');
const codes = (xs: { iso3: string }[]) => xs.map((x) => x.iso3).sort();

describe('SCO membership over time', () => {
  it('has six founding members, eight from 2017, nine from Iran’s accession, ten from Belarus’s', () => {
    expect(codes(membersOn(sco, '2001-06-15'))).toEqual(['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']);
    expect(membersOn(sco, '2017-06-08')).toHaveLength(6);
    expect(membersOn(sco, '2017-06-09')).toHaveLength(8);
    expect(membersOn(sco, '2023-07-03')).toHaveLength(8);
    expect(membersOn(sco, '2023-07-04')).toHaveLength(9);
    expect(membersOn(sco, '2024-07-04')).toHaveLength(10);
    expect(membersOn(sco, '2026-11-29').find((m) => m.iso3 === 'IND')!.since).toBe('2017-06-09');
  });

  it('merges observers and dialogue partners into 17 partners from Tianjin 2025', () => {
    const before = partnersOn(sco, '2025-08-31');
    expect(before.every((p) => p.status !== 'partner')).toBe(true);
    const after = partnersOn(sco, '2026-11-29');
    expect(after).toHaveLength(17);
    expect(after.every((p) => p.status === 'partner')).toBe(true);
    expect(codes(after)).toContain('LAO');
  });

  it('reports the 2021 partners by status, Iran and Belarus as observers', () => {
    const p = partnersOn(sco, '2021-04-29');
    expect(p.find((x) => x.iso3 === 'IRN')!.status).toBe('observer');
    expect(p.find((x) => x.iso3 === 'TUR')!.status).toBe('dialogue partner');
    expect(p).toHaveLength(10);
  });

  it('knows the chair on a date: the host of the next summit', () => {
    expect(chairOn(sco, '2021-04-29')!.state).toBe('TJK');
    expect(chairOn(sco, '2023-01-01')!.state).toBe('IND');
    expect(chairOn(sco, '2026-11-29')!.state).toBe('KGZ');
  });

  it('derives the membership stages 2001, 2017, 2023, 2024', () => {
    expect(stages(sco).map((s) => [s.from, s.members.length, s.joined])).toEqual([
      ['2001-06-15', 6, ['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB']],
      ['2017-06-09', 8, ['IND', 'PAK']],
      ['2023-07-04', 9, ['IRN']],
      ['2024-07-04', 10, ['BLR']],
    ]);
  });

  it('answers for the Shanghai Five before 2001, and errors before 1996', () => {
    const s = snapshot(reg, ds, 'sco', '1999-01-01');
    expect(s.era?.organization).toBe('shanghai-five');
    expect(codes(s.members)).toEqual(['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    try {
      snapshot(reg, ds, 'sco', '1990-01-01');
      expect.unreachable();
    } catch (e) {
      expect(isConcordError(e) && e.code).toBe('E_BEFORE_FOUNDING');
    }
  });

  it('puts the Shanghai Five in the timeline, in date order', () => {
    const t = fullTimeline(reg, 'sco');
    expect(t[0]!.organization).toBe('shanghai-five');
    expect(t.map((e) => e.date)).toEqual([...t.map((e) => e.date)].sort());
    expect(t.some((e) => e.title.includes('IRN: admitted as member'))).toBe(true);
  });
});

describe('other organizations', () => {
  it('models the CSTO and ASEAN with their rules and members over time', () => {
    expect(codes(membersOn(reg.get('asean'), '1990-01-01'))).toEqual([
      'BRN',
      'IDN',
      'MYS',
      'PHL',
      'SGP',
      'THA',
    ]);
    expect(membersOn(reg.get('asean'), '2000-01-01')).toHaveLength(10);
    expect(membersOn(reg.get('csto'), '2010-01-01').map((m) => m.iso3)).toContain('UZB');
    expect(membersOn(reg.get('csto'), '2013-01-01').map((m) => m.iso3)).not.toContain('UZB');
    expect(reg.get('csto').rule).toBe('consensus');
  });

  it('rejects an organization file with an unknown state, reversed dates or overlaps', () => {
    const base = `id: t\nname: T\nshortName: T\nfounded: 2000-01-01\nmemberships:\n`;
    const bad = [
      `${base}  - { state: XXX, status: member, from: 2000-01-01, source: s }`,
      `${base}  - { state: CHN, status: member, from: 2000-01-01, to: 1999-01-01, source: s }`,
      `${base}  - { state: CHN, status: member, from: 2000-01-01, source: s }\n  - { state: CHN, status: member, from: 2001-01-01, source: s }`,
      `${base}  - { state: CHN, status: king, from: 2000-01-01, source: s }`,
      `${base}  - { state: CHN, status: member, from: 2000-02-30, source: s }`,
    ];
    for (const text of bad) {
      try {
        parseOrganization(text, 't.yaml', ds);
        expect.unreachable(text);
      } catch (e) {
        expect(isConcordError(e) && e.code).toBe('E_VALIDATION');
        expect((e as Error).message).toContain('t.yaml');
      }
    }
  });

  it('errors on an unknown organization, listing the known ones', () => {
    try {
      reg.get('nato');
      expect.unreachable();
    } catch (e) {
      expect(isConcordError(e) && e.code).toBe('E_UNKNOWN_ORG');
      expect(isConcordError(e) && e.hint).toContain('sco');
    }
  });
});
