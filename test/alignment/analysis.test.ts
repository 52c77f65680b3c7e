import { describe, expect, it } from 'vitest';
import {
  alignOrganization,
  allPairs,
  cohesionOfSet,
  memberCohesion,
  resolveTopic,
  selectRollCalls,
  stageComparisons,
  summarize,
  windowLabel,
} from '../../src/alignment/analysis.js';
import { loadVoteData } from '../../src/alignment/load.js';
import { ConcordError } from '../../src/errors.js';
import { loadOrganizations } from '../../src/org/load.js';
import { OrganizationSchema } from '../../src/org/schema.js';
import { syntheticVotes } from './helpers.js';

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ConcordError) return e.code;
    throw e;
  }
  return undefined;
}

// Four roll calls in two sessions. C cast no yes/no in session 55 (not yet a member); D none in 56.
const data = syntheticVotes(
  [
    { date: '2000-10-01', session: 55, topics: 'hr' },
    { date: '2000-11-01', session: 55 },
    { date: '2001-10-01', session: 56, topics: 'hr' },
    { date: '2001-11-01', session: 56, topics: 'me' },
  ],
  { A: [1, 1, 1, -1], B: [1, 0, 1, 1], C: [0, 0, -1, 1], D: [-1, -1, 0, 0] },
);
const org = OrganizationSchema.parse({
  id: 'toy',
  name: 'Toy Organization',
  shortName: 'TOY',
  founded: '2000-01-01',
  memberships: [{ state: 'AAA', status: 'member', from: '2000-01-01', source: 'test' }],
});
// Members are the synthetic codes A, B (founding) and C (from 2001-06-01); D an observer.
const toy = {
  ...org,
  memberships: [
    { state: 'A', status: 'member' as const, from: '2000-01-01', source: 't', verified: true },
    { state: 'B', status: 'member' as const, from: '2000-01-01', source: 't', verified: true },
    { state: 'C', status: 'member' as const, from: '2001-06-01', source: 't', verified: true },
    { state: 'D', status: 'observer' as const, from: '2000-01-01', source: 't', verified: true },
  ],
};

describe('alignment on a hand-made data set', () => {
  const w = selectRollCalls(data, {});

  it('pairs: only roll calls both took part in; none → null, not 0', () => {
    const pairs = allPairs(data, ['A', 'B', 'C', 'D'], w.indices);
    const get = (a: string, b: string) => pairs.find((p) => p.a === a && p.b === b)!;
    expect(get('A', 'B')).toMatchObject({ rollCalls: 4, yesNoRollCalls: 3, agreement: 0.5 });
    expect(get('A', 'B').agreementYesNo).toBeCloseTo(2 / 3, 12);
    expect(get('A', 'C')).toMatchObject({ rollCalls: 2, agreement: 0 });
    expect(get('C', 'D')).toMatchObject({ rollCalls: 0, agreement: null, kappa: null, s: null });
  });

  it('cohesion per roll call uses the members on its date, without those not taking part', () => {
    const rows = memberCohesion(data, toy, w.indices);
    // 2000: {A, B}: yes/yes → AI 1; yes/0 → (1 − ½)/2 = ¼. 2001: {A, B, C}: 2 yes 1 no → (2 − ½)/3 = ½ twice.
    expect(rows.map((r) => r.agreementIndex)).toEqual([1, 0.25, 0.5, 0.5]);
    expect(rows.map((r) => r.members)).toEqual([2, 2, 3, 3]);
    expect(rows[1]!.rice).toBe(1);
    expect(rows[2]!.pairAgreement).toBeCloseTo(1 / 3, 12);
    // C was MISSING in session 55: adding it changes nothing there.
    expect(cohesionOfSet(data, ['A', 'B', 'C'], [0, 1]).map((r) => r.agreementIndex)).toEqual([1, 0.25]);
  });

  it('compares cohesion before and after the stage, both ways', () => {
    const [s] = stageComparisons(data, toy, w);
    expect(s).toMatchObject({ date: '2001-06-01', joined: ['C'], comparable: true });
    expect(s!.before).toMatchObject({ from: '2000-01-01', to: '2001-05-31', rollCalls: 2 });
    expect(s!.before!.oldSet.agreementIndex).toBeCloseTo(0.625, 12);
    expect(s!.before!.newSet.agreementIndex).toBeCloseTo(0.625, 12);
    expect(s!.after!.newSet.agreementIndex).toBeCloseTo(0.5, 12);
    expect(s!.after!.oldSet.agreementIndex).toBeCloseTo(0.625, 12); // A, B: yes/yes 1, no/yes ¼
    expect(s!.change).toBeCloseTo(-0.125, 12);
  });

  it('the whole analysis: states, camps, years, notes', () => {
    const r = alignOrganization(data, toy, { with: ['partners'] });
    expect(r.states.map((s) => [s.iso3, s.role])).toEqual([
      ['A', 'member'],
      ['B', 'member'],
      ['C', 'member'],
      ['D', 'partner'],
    ]);
    expect(r.cohesion.byYear.map((y) => [y.year, y.agreementIndex])).toEqual([
      [2000, 0.625],
      [2001, 0.5],
    ]);
    expect(r.camps.camps.flat().sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(r.camps.membersModularity).not.toBeNull();
    expect(r.notes.join('\n')).toMatch(/session 55 .*C cast no yes or no vote/);
    expect(r.notes.join('\n')).toMatch(/session 56 .*D cast no yes or no vote/);
    expect(r.notes.join('\n')).toMatch(/only 2 common roll calls/);
  });

  it('topics by code or name; unknown topics and empty windows are errors, not zeros', () => {
    expect(selectRollCalls(data, { topic: 'hr' }).indices).toEqual([0, 2]);
    expect(selectRollCalls(data, { topic: 'Human' }).indices).toEqual([0, 2]);
    expect(resolveTopic(data, 'palestinian').code).toBe('me');
    expect(code(() => selectRollCalls(data, { topic: 'trade' }))).toBe('E_UNKNOWN_ID');
    expect(code(() => selectRollCalls(data, { from: 2005 }))).toBe('E_NO_DATA');
    expect(code(() => selectRollCalls(data, { from: 2001, to: 2000 }))).toBe('E_USAGE');
    expect(code(() => selectRollCalls(data, { from: 2000, to: 2000, topic: 'me' }))).toBe('E_NO_DATA');
    // A window outside the data is an error naming the data's range; a bare year of the data's last
    // year is cut to the last roll call, with a note.
    expect(code(() => selectRollCalls(data, { from: 1990, to: 2001 }))).toBe('E_NO_DATA');
    expect(() => selectRollCalls(data, { from: 2000, to: 2030 })).toThrow(/data run from 2000-.* to 2001-/);
    expect(() => selectRollCalls(data, { to: '2031-01-01' })).toThrow(/--to 2031-01-01 is outside the data/);
    const cut = selectRollCalls(data, { from: 2000, to: 2001 });
    expect(cut.from).toBe('2000-01-01');
    expect(cut.to).toBe(data.rollCalls.at(-1)!.date);
    expect(code(() => selectRollCalls(data, { from: '2000-13-01' }))).toBe('E_USAGE');
  });

  it('windows are dates: a day bound excludes the roll calls before it, a year means the whole year', () => {
    const all = selectRollCalls(data, { from: 2000, to: 2001 });
    const first = data.rollCalls[all.indices[0]!]!.date;
    const later = selectRollCalls(data, { from: addDay(first), to: 2001 });
    expect(later.indices.every((i) => data.rollCalls[i]!.date > first)).toBe(true);
    expect(later.indices.length).toBe(all.indices.filter((i) => data.rollCalls[i]!.date > first).length);
    expect(windowLabel(all)).toMatch(/^2000/);
  });

  it('summaries of nothing are null', () => {
    expect(summarize([])).toMatchObject({ rollCalls: 0, agreementIndex: null, rice: null });
  });
});

describe("the SCO in the UN General Assembly, 2001–2018 (Voeten's data only)", () => {
  const votes = loadVoteData();
  const sco = loadOrganizations().get('sco');
  const r = alignOrganization(votes, sco, { from: 2001, to: 2018 });

  it('compares the eight members of those years on 1,694 roll calls', () => {
    expect(r.window.rollCalls).toBe(1694);
    expect(r.states.map((s) => s.iso3).sort()).toEqual([
      'CHN',
      'IND',
      'KAZ',
      'KGZ',
      'PAK',
      'RUS',
      'TJK',
      'UZB',
    ]);
    const cr = r.pairs.find((p) => p.a === 'CHN' && p.b === 'RUS')!;
    // Cross-checked with an independent count on the raw CSV (Python): 1,266 / 1,694 and 1,167 / 1,224.
    expect(cr.agreement).toBeCloseTo(1266 / 1694, 12);
    expect(cr.agreementYesNo).toBeCloseTo(1167 / 1224, 12);
    expect(cr.kappa!).toBeGreaterThan(0);
  });

  it('compares the 2017 stage and says why Iran 2023 and Belarus 2024 cannot be compared in the window', () => {
    const [s2017, s2023, s2024] = r.stages;
    expect(s2017).toMatchObject({
      date: '2017-06-09',
      joined: ['IND', 'PAK'],
      comparable: true,
      scope: 'all',
    });
    expect(s2017!.before!.rollCalls + s2017!.after!.rollCalls).toBe(1692); // two 2001 votes predate the SCO
    expect(s2017!.change).toBeCloseTo(
      s2017!.after!.newSet.agreementIndex! - s2017!.before!.oldSet.agreementIndex!,
      12,
    );
    // Consistency: the old set before the stage is exactly the members on those dates.
    const rows = memberCohesion(
      votes,
      sco,
      votes.rollCalls.filter((x) => x.date >= '2001-06-15' && x.date < '2017-06-09').map((x) => x.index),
    );
    expect(summarize(rows).agreementIndex).toBeCloseTo(s2017!.before!.oldSet.agreementIndex!, 12);
    for (const s of [s2023!, s2024!]) {
      expect(s.comparable).toBe(false);
      expect(s.after).toBeNull();
      expect(s.note).toMatch(/no roll call in the window after/);
    }
    expect(s2023!.before!.newSet.agreementIndex).not.toBeNull(); // Iran's earlier votes: the composition effect
    const split = s2017!.split!;
    expect(split.composition + split.behaviour).toBeCloseTo(s2017!.change!, 12);
  });

  it('years without votes have no cohesion (1964), not a cohesion of 0', () => {
    const southAsia = {
      ...toy,
      memberships: ['IND', 'PAK'].map((state) => ({
        state,
        status: 'member' as const,
        from: '1950-01-01',
        source: 't',
        verified: true,
      })),
    };
    const x = alignOrganization(votes, southAsia, { from: 1963, to: 1965 });
    const y1964 = x.cohesion.byYear.find((y) => y.year === 1964)!;
    expect(y1964).toMatchObject({ rollCalls: 0, measured: 0, agreementIndex: null, rice: null });
    expect(x.cohesion.byYear.find((y) => y.year === 1965)!.agreementIndex).not.toBeNull();
    expect(x.notes.join('\n')).toMatch(/no recorded roll call in 1964/);
    expect(code(() => alignOrganization(votes, southAsia, { from: 1964, to: 1964 }))).toBe('E_NO_DATA');
  });

  it('states that were not UN members in the window get a note and no figures', () => {
    const x = alignOrganization(votes, sco, { from: 2001, to: 2001, with: ['CHE'] });
    expect(x.pairs.filter((p) => p.b === 'CHE').every((p) => p.agreement === null)).toBe(true);
    expect(x.notes.join('\n')).toMatch(/CHE took part in no roll call of 2001/);
    expect(code(() => alignOrganization(votes, sco, { with: ['XKX'] }))).toBe('E_UNKNOWN_COUNTRY');
    expect(code(() => alignOrganization(votes, sco, { from: 1990, to: 1995 }))).toBe('E_NO_DATA');
  });
});

describe('the SCO on current data: the UN records to 2026 and the 2023 and 2024 stages', () => {
  const votes = loadVoteData();
  const sco = loadOrganizations().get('sco');
  const r = alignOrganization(votes, sco, { from: '2017-06-09', to: '2026-06-04', bootstrap: 50 });

  it('gives before/after figures for the 2023 and 2024 stages, compared on resolutions across the seam', () => {
    const s2023 = r.stages.find((s) => s.date === '2023-07-04')!;
    const s2024 = r.stages.find((s) => s.date === '2024-07-04')!;
    for (const s of [s2023, s2024]) {
      expect(s.comparable).toBe(true);
      expect(s.change).toBeCloseTo(s.after!.newSet.agreementIndex! - s.before!.oldSet.agreementIndex!, 12);
      expect(s.split!.composition).toBeCloseTo(
        s.before!.newSet.agreementIndex! - s.before!.oldSet.agreementIndex!,
        12,
      );
      expect(s.before!.newCampsUncertainty!.resamples).toBe(50);
    }
    expect(s2023.joined).toEqual(['IRN']);
    expect(s2024.joined).toEqual(['BLR']);
    expect(s2023.scope).toBe('resolutions');
    expect(s2023.note).toMatch(/cross 2019-11-07/);
    expect(s2023.before).toMatchObject({ from: '2017-06-09', to: '2023-07-03' });
    expect(s2024.after).toMatchObject({ from: '2024-07-04', to: '2026-06-04' });
  });

  it("follows China and Russia year by year to 2026, absences in the UN's records not counted", () => {
    const p = r.pairByYear!;
    expect([p.a, p.b]).toEqual(['CHN', 'RUS']);
    expect(p.years.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    // Independent counts on the raw CSV of the UN's records (Python), both present (not X):
    // 2019: 68 identical of 86, 67 of 71 yes/no; 2025: 146 of 184, 143 of 153.
    const y2019 = p.years.find((y) => y.year === 2019)!;
    expect(y2019.rollCalls).toBe(86);
    expect(y2019.agreement).toBeCloseTo(68 / 86, 12);
    expect(y2019.agreementYesNo).toBeCloseTo(67 / 71, 12);
    const y2025 = p.years.find((y) => y.year === 2025)!;
    expect(y2025.agreement).toBeCloseTo(146 / 184, 12);
    expect(y2025.agreementYesNo).toBeCloseTo(143 / 153, 12);
    expect(y2025.source).toBe('un');
    expect(r.notes.join('\n')).toMatch(/Figures for 2019 differ/);
  });

  it('says where the topics of the new roll calls come from, and how well the rules reproduce Voeten', () => {
    const nu = alignOrganization(votes, sco, { from: 2020, topic: 'nu' });
    expect(nu.window.rollCalls).toBeGreaterThan(20);
    expect(nu.notes.join('\n')).toMatch(/title rules .* label 96\.3% alike for nu/);
    const old = alignOrganization(votes, sco, { from: 2010, to: 2018, topic: 'nu' });
    expect(old.notes.join('\n')).not.toMatch(/title rules/);
  });

  it('a window outside the data is an error naming its range', () => {
    expect(() => alignOrganization(votes, sco, { from: '2026-06-05' })).toThrow(
      /outside the data: the UN vote data run from 1946-01-01 to 2026-06-04/,
    );
    expect(code(() => alignOrganization(votes, sco, { from: 1945 }))).toBe('E_NO_DATA');
    expect(code(() => alignOrganization(votes, sco, { to: 2027 }))).toBe('E_NO_DATA');
  });

  it('--from 2001-06-15 excludes the roll calls of 2001-06-06; a bare year keeps them', () => {
    const year = alignOrganization(votes, sco, { from: 2001, to: 2001 });
    const day = alignOrganization(votes, sco, { from: '2001-06-15', to: 2001 });
    const early = votes.rollCalls.filter((x) => x.date >= '2001-01-01' && x.date < '2001-06-15').length;
    expect(early).toBeGreaterThan(0);
    expect(year.window.rollCalls - day.window.rollCalls).toBe(early);
    expect(day.window.firstDate > '2001-06-14').toBe(true);
  });
});

function addDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}
