import { describe, expect, it } from 'vitest';
import { balance, type Distribution } from '../../src/balance/balance.js';
import {
  type ChangeFigures,
  countWord,
  type DescribeContext,
  describeStage,
  listOf,
  longDate,
  orgInText,
} from '../../src/balance/describe.js';
import { concentration, sharesOf } from '../../src/balance/measures.js';
import { YARDSTICKS } from '../../src/balance/yardsticks.js';
import { loadDataset } from '../../src/data/load.js';
import { loadOrganizations } from '../../src/org/load.js';

const NAMES: Record<string, string> = {
  CHN: 'China',
  RUS: 'Russia',
  IND: 'India',
  PAK: 'Pakistan',
  KAZ: 'Kazakhstan',
  PHL: 'Philippines',
};
const ctx: DescribeContext = {
  org: { shortName: 'XO', name: 'Example Organization' },
  ys: YARDSTICKS.gdp,
  name: (c) => NAMES[c] ?? c,
};

/** A distribution built from figures, without the data set. */
function dist(values: Record<string, number>, year = 2020): Distribution {
  const shares = sharesOf(new Map(Object.entries(values)))!;
  return {
    year,
    members: Object.keys(values),
    values,
    missing: [],
    total: Object.values(values).reduce((s, x) => s + x, 0),
    shares: Object.fromEntries(shares),
    concentration: concentration(shares),
    pairRatio: null,
    outsidePair: null,
  };
}

function change(before: Record<string, number> | null, after: Record<string, number>): ChangeFigures {
  const b = before ? dist(before) : null;
  const a = dist(after);
  const joined = before ? Object.keys(after).filter((c) => !(c in before)) : Object.keys(after);
  const left = before ? Object.keys(before).filter((c) => !(c in after)) : [];
  const sum = (d: Distribution, cs: string[]) =>
    cs.length ? cs.reduce((s, c) => s + d.shares[c]!, 0) : null;
  return {
    from: '2020-03-01',
    kind: !before
      ? 'founding'
      : joined.length && !left.length
        ? 'enlargement'
        : left.length && !joined.length
          ? 'withdrawal'
          : 'change',
    joined,
    left,
    comparedWith: null,
    dataYear: 2020,
    dataYearNote: null,
    before: b,
    after: a,
    joinedShare: sum(a, joined),
    leftShare: b ? sum(b, left) : null,
  };
}

describe('helpers', () => {
  it('writes dates, lists and counts for running text', () => {
    expect(longDate('2017-06-09')).toBe('9 June 2017');
    expect(longDate('2024-12-31')).toBe('31 December 2024');
    expect(listOf(['India'])).toBe('India');
    expect(listOf(['India', 'Pakistan'])).toBe('India and Pakistan');
    expect(listOf(['Iran', 'India', 'Pakistan'])).toBe('Iran, India and Pakistan');
    expect(countWord(6)).toBe('six');
    expect(countWord(13)).toBe('13');
    expect(orgInText({ shortName: 'SCO' })).toBe('the SCO');
    expect(orgInText({ shortName: 'ASEAN' })).toBe('ASEAN');
  });
});

describe('stage sentences (hand-built figures)', () => {
  it('a founding: the largest, the second, the rest, CON and a majority holder', () => {
    const s = describeStage(change(null, { CHN: 70, RUS: 20, KAZ: 6, IND: 4 }), ctx);
    // CON: shares .7 .2 .06 .04, HHI .5352, CON √((.5352 − .25)/.75) = 0.6166.
    expect(s).toBe(
      "Founded on 1 March 2020 by four states, the XO began with China holding 70.0% of the members' GDP (2020 figures), Russia 20.0% and the other two members 10.0% together; concentration (CON) was 0.62, and China alone outweighed all the other members combined.",
    );
  });

  it('a founding without a majority holder names the third of three members', () => {
    const s = describeStage(change(null, { CHN: 40, RUS: 35, KAZ: 25 }), ctx);
    expect(s).toContain('China holding 40.0%');
    expect(s).toContain('Russia 35.0% and Kazakhstan 25.0%');
    expect(s).toMatch(/and no member held more than half\.$/);
  });

  it('an enlargement that makes a new largest member and ends a majority', () => {
    const s = describeStage(change({ CHN: 60, RUS: 40 }, { CHN: 60, RUS: 40, IND: 100 }), ctx);
    expect(s).toBe(
      // Before: shares .6/.4, HHI .52, CON √(.02/.5) = 0.20; after: .3/.2/.5, HHI .38, CON √.07 = 0.26.
      "The admission of India on 1 March 2020 brought 50.0% of the enlarged membership's GDP (2020 figures): China's share fell from 60.0% to 30.0% but concentration (CON) rose from 0.20 to 0.26; India replaced China as the largest member, and China no longer outweighed the other members combined.",
    );
  });

  it('a newcomer that becomes second, and a majority that holds', () => {
    const s = describeStage(change({ CHN: 80, RUS: 12, KAZ: 8 }, { CHN: 80, RUS: 12, KAZ: 8, IND: 20 }), ctx);
    expect(s).toContain('brought 16.7%');
    expect(s).toContain("China's share fell from 80.0% to 66.7%");
    expect(s).not.toContain('small newcomer');
    expect(s).toContain('China still outweighed all the other members combined');
    expect(s).toContain('India became the second-largest member, ahead of Russia');
  });

  it('several newcomers: each one’s share', () => {
    const s = describeStage(change({ CHN: 80, RUS: 20 }, { CHN: 80, RUS: 20, IND: 15, PAK: 5 }), ctx);
    expect(s).toContain('The admission of India and Pakistan on 1 March 2020 brought 16.7%');
    expect(s).toContain('(India 12.5%, Pakistan 4.2%; 2020 figures)');
  });

  it('a small newcomer lowers the largest share yet raises CON, and the sentence says why', () => {
    const s = describeStage(change({ CHN: 50, RUS: 50 }, { CHN: 50, RUS: 50, KAZ: 1 }), ctx);
    expect(s).toMatch(
      /China's share fell from 50\.0% to 49\.5% but concentration \(CON\) rose from 0\.00 to 0\.\d\d, as the small newcomer made the shares more unequal\./,
    );
  });

  it('a departure', () => {
    const s = describeStage(change({ CHN: 50, RUS: 50, KAZ: 1 }, { CHN: 50, RUS: 50 }), ctx);
    expect(s).toMatch(/^The departure of Kazakhstan on 1 March 2020 took out 1\.0% of the members' GDP/);
    expect(s).toContain("as the departing member's small share had made the shares more unequal");
  });

  it('a change too small to show', () => {
    const s = describeStage(change({ CHN: 70, RUS: 30 }, { CHN: 70, RUS: 30, KAZ: 0.001 }), ctx);
    expect(s).toContain("China's share stayed at 70.0%");
  });

  it('a what-if, in the conditional', () => {
    const c = change({ CHN: 80, RUS: 20 }, { CHN: 80, RUS: 20, IND: 30 });
    const s = describeStage({ ...c, from: '2023-12-31', kind: 'change' }, { ...ctx, hypothetical: true });
    expect(s).toMatch(/^Adding India to the two members of 31 December 2023 would bring 23\.1%/);
    expect(s).toContain("China's share would fall from 80.0% to 61.5%");
    expect(s).toContain('China would still outweigh all the other members combined');
    expect(s).toContain('India would become the second-largest member, ahead of Russia');
  });

  it('a change without figures says why', () => {
    const c = {
      ...change({ CHN: 1, RUS: 1 }, { CHN: 1, RUS: 1, IND: 1 }),
      dataYear: null,
      dataYearNote: 'no figures',
      before: null,
      after: null,
    };
    expect(describeStage({ ...c, kind: 'enlargement' }, ctx)).toBe(
      'The admission of India on 1 March 2020 cannot be measured on GDP: no figures.',
    );
  });

  it('a second member joining a one-member organization', () => {
    const c = { ...change(null, { CHN: 60, IND: 40 }), kind: 'enlargement' as const, joined: ['IND'] };
    expect(describeStage(c, ctx)).toBe(
      "With the admission of India on 1 March 2020, the XO reached two members, China holding 60.0% of the members' GDP (2020 figures) and India 40.0%; concentration (CON) was 0.20.",
    );
  });

  it('writes "the" before names that take it', () => {
    const s = describeStage(change(null, { PHL: 60, CHN: 40 }), ctx);
    expect(s).toContain('the Philippines holding 60.0%');
  });
});

describe('sentences agree with the figures they describe (SCO)', () => {
  const ds = loadDataset();
  const reg = loadOrganizations();
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

  it.each(['gdp', 'cinc', 'population', 'milex'] as const)('%s', (m) => {
    const b = balance(reg.get('sco'), ds, { measure: m, predecessor: reg.get('shanghai-five') });
    for (const s of b.stages.slice(1)) {
      const L = s.before!.concentration!.largest.iso3;
      expect(s.sentence).toContain(`${pct(s.before!.shares[L]!)} to ${pct(s.after!.shares[L]!)}`);
      expect(s.sentence).toContain(`${s.dataYear} figures`);
      expect(s.sentence).toContain(pct(s.joinedShare!));
    }
  });

  it('the 2017 enlargement on GDP', () => {
    const b = balance(reg.get('sco'), ds, { measure: 'gdp', predecessor: reg.get('shanghai-five') });
    const s = b.stages[1]!.sentence;
    expect(s).toMatch(/^The admission of India and Pakistan on 9 June 2017 brought/);
    expect(s).toContain('China still outweighed all the other members combined');
    expect(s).toContain('India became the second-largest member, ahead of Russia');
    expect(b.stages[0]!.sentence).toMatch(
      /^Founded on 15 June 2001 as the Shanghai Five enlarged by Uzbekistan/,
    );
  });

  it('the 2017 enlargement on population ends China’s majority', () => {
    const b = balance(reg.get('sco'), ds, { measure: 'population' });
    expect(b.stages[1]!.sentence).toContain('China no longer outweighed the other members combined');
  });
});
