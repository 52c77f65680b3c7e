import { describe, expect, it } from 'vitest';
import { balance, distribution, membersInYear } from '../../src/balance/balance.js';
import { MEASURE_IDS, YARDSTICKS, yardstick } from '../../src/balance/yardsticks.js';
import { loadDataset } from '../../src/data/load.js';
import { ConcordError } from '../../src/errors.js';
import { loadOrganizations } from '../../src/org/load.js';
import { parseOrganization } from '../../src/org/registry.js';

const ds = loadDataset();
const reg = loadOrganizations();
const sco = reg.get('sco');
const predecessor = reg.get('shanghai-five');
const gdp = (c: string, y: number) => ds.gdp.get(c, y)!;
const sum = (cs: readonly string[], y: number) => cs.reduce((s, c) => s + gdp(c, y), 0);

function error(f: () => unknown): ConcordError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConcordError) return e;
    throw e;
  }
  throw new Error('expected a ConcordError');
}

describe('a known fact of the data', () => {
  it("China's GDP exceeds Russia's in every year from 2001 (World Bank, current US$)", () => {
    for (let y = 2001; y <= ds.gdp.lastYear; y++)
      expect(gdp('CHN', y), String(y)).toBeGreaterThan(gdp('RUS', y));
    const b = balance(sco, ds, { measure: 'gdp', from: 2001, to: 2023 });
    expect(b.pair).toEqual(['CHN', 'RUS']);
    for (const y of b.years) expect(y.pairRatio!, String(y.year)).toBeGreaterThan(1);
  });
});

describe('the SCO on GDP, 2001–2023', () => {
  const b = balance(sco, ds, { measure: 'gdp', from: 2001, to: 2023, predecessor });

  it('has a complete row per year whose shares sum to one', () => {
    expect(b.years.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2001 + i));
    for (const y of b.years) {
      expect(y.status, String(y.year)).toBe('complete');
      expect(Object.values(y.shares).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
  });

  it('counts the members on 31 December', () => {
    const members = (y: number) => b.years.find((r) => r.year === y)!.members.length;
    expect(members(2016)).toBe(6);
    expect(members(2017)).toBe(8); // India and Pakistan, admitted 2017-06-09
    expect(members(2023)).toBe(9); // Iran, admitted 2023-07-04; Belarus only from 2024
    expect(b.years.find((r) => r.year === 2023)!.members).not.toContain('BLR');
  });

  it("gives China's share as its GDP over the members' sum (brute force)", () => {
    const six = ['CHN', 'RUS', 'KAZ', 'KGZ', 'TJK', 'UZB'];
    const r2010 = b.years.find((r) => r.year === 2010)!;
    expect(r2010.shares.CHN).toBeCloseTo(gdp('CHN', 2010) / sum(six, 2010), 12);
    expect(r2010.total).toBe(sum(six, 2010));
    const s = six.map((c) => gdp(c, 2010) / sum(six, 2010));
    expect(r2010.concentration!.hhi).toBeCloseTo(
      s.reduce((a, x) => a + x * x, 0),
      12,
    );
  });

  it('measures the 2017 enlargement on 2017 figures, old members against new', () => {
    const st = b.stages.find((s) => s.from === '2017-06-09')!;
    const six = ['CHN', 'RUS', 'KAZ', 'KGZ', 'TJK', 'UZB'];
    const eight = [...six, 'IND', 'PAK'];
    expect(st.kind).toBe('enlargement');
    expect(st.joined.sort()).toEqual(['IND', 'PAK']);
    expect(st.dataYear).toBe(2017);
    expect(st.dataYearNote).toBeNull();
    expect(st.before!.members.sort()).toEqual([...six].sort());
    expect(st.before!.shares.CHN).toBeCloseTo(gdp('CHN', 2017) / sum(six, 2017), 12);
    expect(st.after!.shares.CHN).toBeCloseTo(gdp('CHN', 2017) / sum(eight, 2017), 12);
    expect(st.joinedShare).toBeCloseTo((gdp('IND', 2017) + gdp('PAK', 2017)) / sum(eight, 2017), 12);
    // The "after" side is the series' 2017 row: same members, same year.
    expect(st.after!.shares).toEqual(b.years.find((r) => r.year === 2017)!.shares);
    // An enlargement on fixed figures cannot move the ratio of two members.
    expect(st.before!.pairRatio).toBe(st.after!.pairRatio);
    expect(st.after!.concentration!.second.iso3).toBe('IND');
  });

  it('compares the founding with the Shanghai Five, and measures Belarus (2024) on 2023 figures', () => {
    const f = b.stages[0]!;
    expect(f.kind).toBe('founding');
    expect(f.comparedWith).toEqual({ id: 'shanghai-five', shortName: 'Shanghai Five' });
    expect(f.joined).toEqual(['UZB']);
    expect(f.before!.members.sort()).toEqual(['CHN', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    const blr = b.stages.find((s) => s.from === '2024-07-04')!;
    expect(blr.stageYear).toBe(2024);
    expect(blr.dataYear).toBe(2023);
    expect(blr.dataYearNote).toMatch(/data end in 2023/);
    expect(b.stages.map((s) => s.from)).toEqual(['2001-06-15', '2017-06-09', '2023-07-04', '2024-07-04']);
  });
});

describe('missing figures are reported, never zero', () => {
  it('reports years beyond the data as missing, not extrapolated', () => {
    const b = balance(sco, ds, { measure: 'cinc', from: 2010, to: 2020 });
    const late = b.years.filter((y) => y.year > 2016);
    expect(late).toHaveLength(4);
    for (const y of late) {
      expect(y.status).toBe('missing');
      expect(y.total).toBeNull();
      expect(y.shares).toEqual({});
      expect(y.concentration).toBeNull();
      expect(y.note).toMatch(/end in 2016/);
    }
    expect(b.notes.join(' ')).toMatch(/2017–2020 reported as missing, not extrapolated/);
  });

  it('leaves a member without a figure out of the shares and lists it', () => {
    // Neither SIPRI nor COW has military expenditure for Uzbekistan in 2008.
    expect(ds.milex.get('UZB', 2008)).toBeNull();
    const b = balance(sco, ds, { measure: 'milex', from: 2001, to: 2016 });
    const y = b.years.find((r) => r.year === 2008)!;
    expect(y.status).toBe('partial');
    expect(y.missing).toEqual(['UZB']);
    expect(y.values.UZB).toBeNull();
    expect('UZB' in y.shares).toBe(false);
    expect(Object.values(y.shares).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(y.concentration!.n).toBe(5);
    expect(b.notes.join(' ')).toMatch(/UZB/);
    // A stage is measured on a year with figures for every state involved.
    const st = b.stages.find((s) => s.from === '2017-06-09')!;
    // SIPRI's last figure for Uzbekistan before 2017 is for 2003.
    expect(st.dataYear).toBe(2003);
    expect(st.before!.missing).toEqual([]);
    expect(st.after!.missing).toEqual([]);
    expect(st.dataYearNote).toMatch(/UZB/);
  });

  it('military expenditure: SIPRI for 1992–2024, COW before, each year naming its source', () => {
    const b = balance(sco, ds, { measure: 'milex', from: 2001, to: 2024 });
    const y = b.years.find((r) => r.year === 2024)!;
    expect(y.source).toEqual({
      source: 'SIPRI Milex 2025',
      unit: 'US$ million at current prices and exchange rates',
    });
    expect(y.missing).toEqual(['UZB']);
    expect(y.values.UZB).toBeNull();
    // SIPRI Military Expenditure Database 2025, "Current US$": China 313,658.3, Russia 148,967.3 (US$ million, 2024).
    expect(y.values.CHN).toBe(313658300 * 1000);
    expect(y.values.RUS).toBe(148967300 * 1000);
    expect(y.values.BLR).not.toBeNull();
    expect(Object.values(y.shares).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(b.measure.segments!.map((g) => [g.firstYear, g.lastYear, g.source])).toEqual([
      [1946, 1991, 'COW NMC 6.0'],
      [1992, 2024, 'SIPRI Milex 2025'],
    ]);
    // Before 1992 the figures are COW's; after, never filled from COW.
    expect(ds.milex.get('CHN', 1990)).toBe(ds.cowMilex.get('CHN', 1990));
    expect(ds.milex.get('DEU', 2010)).toBeNull();
    expect(ds.cowMilex.get('DEU', 2010)).not.toBeNull();
  });

  it('scales COW military expenditure from thousands to US$', () => {
    const d = distribution(YARDSTICKS.milex, ds, ['CHN', 'RUS'], 2010);
    expect(d.values.CHN).toBe(ds.milex.get('CHN', 2010)! * 1000);
  });
});

describe('every organization, yardstick and year', () => {
  it('gives shares that sum to one and indices within their bounds', () => {
    for (const org of reg.all()) {
      for (const m of MEASURE_IDS) {
        const b = balance(org, ds, { measure: m });
        for (const y of b.years) {
          if (!y.concentration) continue;
          const where = `${org.id} ${m} ${y.year}`;
          expect(
            Object.values(y.shares).reduce((s, x) => s + x, 0),
            where,
          ).toBeCloseTo(1, 9);
          expect(y.concentration.con, where).toBeGreaterThanOrEqual(0);
          expect(y.concentration.con, where).toBeLessThanOrEqual(1);
          expect(y.members.length, where).toBe(Object.keys(y.shares).length + y.missing.length);
        }
      }
    }
  });

  it('follows China and Russia in the SCO on every yardstick', () => {
    for (const m of MEASURE_IDS) expect(balance(sco, ds, { measure: m }).pair, m).toEqual(['CHN', 'RUS']);
  });

  it('counts a member that left during a year out of that year (CSTO, Uzbekistan, 2012-12-20)', () => {
    const csto = reg.get('csto');
    expect(membersInYear(csto, 2011)).toContain('UZB');
    expect(membersInYear(csto, 2012)).not.toContain('UZB');
    const b = balance(csto, ds, { measure: 'gdp' });
    const w = b.stages.find((s) => s.from === '2012-12-20')!;
    expect(w.kind).toBe('withdrawal');
    expect(w.left).toEqual(['UZB']);
    expect(w.leftShare).toBeCloseTo(gdp('UZB', 2012) / sum(w.before!.members, 2012), 12);
    expect(w.sentence).toMatch(/^The departure of Uzbekistan on 20 December 2012 took out/);
  });
});

describe('a hypothetical enlargement', () => {
  it('adds states to the members of the last year, on that year’s figures', () => {
    const b = balance(sco, ds, { measure: 'gdp', to: 2023, add: ['tur'] });
    const h = b.hypothetical!;
    expect(h.add).toEqual(['TUR']);
    expect(h.baseYear).toBe(2023);
    expect(h.dataYear).toBe(2023);
    expect(h.after!.members).toContain('TUR');
    expect(h.joinedShare).toBeCloseTo(gdp('TUR', 2023) / sum(h.after!.members, 2023), 12);
    expect(h.sentence).toMatch(/^Adding Türkiye to the nine members of 31 December 2023 would bring/);
  });

  it('takes members out', () => {
    const h = balance(sco, ds, { measure: 'gdp', to: 2023, remove: ['IND'] }).hypothetical!;
    expect(h.before!.members).toContain('IND');
    expect(h.after!.members).not.toContain('IND');
    expect(h.sentence).toMatch(/^Taking India out of the nine members/);
  });

  it('rejects a member as a newcomer, a non-member to take out, and a one-member result', () => {
    expect(error(() => balance(sco, ds, { measure: 'gdp', add: ['CHN'] })).code).toBe('E_USAGE');
    expect(error(() => balance(sco, ds, { measure: 'gdp', remove: ['USA'] })).code).toBe('E_USAGE');
    expect(error(() => balance(sco, ds, { measure: 'gdp', add: ['XYZ'] })).code).toBe('E_UNKNOWN_COUNTRY');
    const all = membersInYear(sco, 2023).slice(1);
    const e = error(() => balance(sco, ds, { measure: 'gdp', to: 2023, remove: all }));
    expect(e.code).toBe('E_UNSUPPORTED');
    expect(e.message).toMatch(/1 member; a balance needs at least two/);
  });
});

describe('bad input', () => {
  it('an unknown measure: E_USAGE naming the measures and the nearest', () => {
    const e = error(() => yardstick('gpd'));
    expect(e.code).toBe('E_USAGE');
    expect(e.message).toBe('--measure: unknown measure "gpd"');
    expect(e.hint).toMatch(/Did you mean gdp\?/);
    expect(e.hint).toMatch(/cinc, gdp, population, milex/);
    expect(yardstick(' GDP ').id).toBe('gdp');
  });

  it('a year range with no data: E_NO_DATA naming the years the data cover', () => {
    const e = error(() => balance(sco, ds, { measure: 'cinc', from: 2017, to: 2023 }));
    expect(e.code).toBe('E_NO_DATA');
    expect(e.message).toMatch(/2017–2023/);
    expect(e.message).toMatch(/1946–2016/);
    expect(e.hint).toMatch(/2001–2016/);
  });

  it('an organization with one member: E_UNSUPPORTED', () => {
    const solo = parseOrganization(
      [
        'id: solo',
        'name: Organization of One',
        'shortName: OO',
        'founded: 2000-01-01',
        'memberships:',
        '  - { state: CHN, status: member, from: 2000-01-01, source: test }',
        '  - { state: RUS, status: observer, from: 2000-01-01, source: test }',
      ].join('\n'),
      'solo.yaml',
      ds,
    );
    const e = error(() => balance(solo, ds, { measure: 'gdp' }));
    expect(e.code).toBe('E_UNSUPPORTED');
    expect(e.message).toBe(
      'OO has only one member (CHN) in 2000–2023: a balance of power needs at least two',
    );
  });

  it('years in the wrong order, before the founding, after the dissolution', () => {
    expect(error(() => balance(sco, ds, { measure: 'gdp', from: 2020, to: 2010 })).code).toBe('E_USAGE');
    const before = error(() => balance(sco, ds, { measure: 'gdp', from: 1990, to: 1999, predecessor }));
    expect(before.code).toBe('E_BEFORE_FOUNDING');
    expect(before.hint).toMatch(/concord balance shanghai-five/);
    const s5 = reg.get('shanghai-five');
    expect(error(() => balance(s5, ds, { measure: 'gdp', from: 2005, to: 2010 })).code).toBe(
      'E_DATE_OUT_OF_RANGE',
    );
  });

  it('clamps a range that starts before the founding, and says so', () => {
    const b = balance(sco, ds, { measure: 'gdp', from: 1996, to: 2003 });
    expect(b.from).toBe(2001);
    expect(b.notes[0]).toMatch(/founded on 2001-06-15: the series starts in 2001, not 1996/);
  });

  it('a bad pair', () => {
    expect(error(() => balance(sco, ds, { measure: 'gdp', pair: ['CHN', 'CHN'] })).code).toBe('E_USAGE');
    expect(error(() => balance(sco, ds, { measure: 'gdp', pair: ['CHN', 'USA'] })).message).toMatch(
      /USA never was a member of SCO/,
    );
    expect(balance(sco, ds, { measure: 'gdp', pair: ['IND', 'pak'] }).pair).toEqual(['IND', 'PAK']);
  });
});

describe('suggestions for a mistyped measure', () => {
  it.each([
    ['gpd', 'gdp'],
    ['pop', 'population'],
    ['populaton', 'population'],
    ['milx', 'milex'],
    ['cnic', 'cinc'],
  ])('%s → %s', (typed, meant) => {
    expect(error(() => yardstick(typed)).hint).toMatch(new RegExp(`Did you mean ${meant}\\?`));
  });

  it('suggests nothing for a word far from every measure', () => {
    expect(error(() => yardstick('happiness')).hint).toBe('Measures: cinc, gdp, population, milex.');
  });
});

describe('the weight outside the pair', () => {
  it('is one minus the shares of China and Russia, whatever their rank', () => {
    const b = balance(sco, ds, { measure: 'population', from: 2016, to: 2018 });
    for (const y of b.years) {
      expect(y.outsidePair!).toBeCloseTo(1 - y.shares.CHN! - y.shares.RUS!, 12);
    }
    // From 2017 India is second by population: the two largest are no longer the pair.
    const y2017 = b.years.find((y) => y.year === 2017)!;
    expect(y2017.concentration!.second.iso3).toBe('IND');
    expect(y2017.outsidePair!).toBeGreaterThan(y2017.concentration!.outsideTopTwo);
  });
});

describe('an organization that starts with one member', () => {
  const grows = parseOrganization(
    [
      'id: grows',
      'name: Growing Organization',
      'shortName: GO',
      'founded: 2000-03-01',
      'memberships:',
      '  - { state: CHN, status: member, from: 2000-03-01, source: test }',
      '  - { state: RUS, status: member, from: 2005-05-01, source: test }',
    ].join('\n'),
    'grows.yaml',
    ds,
  );
  const b = balance(grows, ds, { measure: 'gdp', to: 2006 });

  it('has no measures while it has one member, and says why', () => {
    const y2004 = b.years.find((y) => y.year === 2004)!;
    expect(y2004.status).toBe('missing');
    expect(y2004.note).toBe('only one member (CHN)');
    expect(y2004.shares).toEqual({});
    expect(b.years.find((y) => y.year === 2005)!.status).toBe('complete');
  });

  it('describes the arrival of the second member', () => {
    const st = b.stages[1]!;
    expect(st.before).toBeNull();
    expect(st.sentence).toMatch(
      /^With the admission of Russia on 1 May 2005, the GO reached two members, China holding/,
    );
  });
});
