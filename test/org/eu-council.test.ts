/**
 * The Council of the EU as an organization file: members 1958-2026, the rule over time, and the
 * capacity to decide computed from it, checked against the Treaties' vote totals and the fixed EU
 * game files (data/games/eec-1958.yaml, eu27-nice.yaml).
 */
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { isConcordError } from '../../src/errors.js';
import { loadOrganizations } from '../../src/org/load.js';
import { decisionStages, membersOn, ruleOn } from '../../src/org/organization.js';
import { organizationPlayers } from '../../src/org/players.js';
import { parseOrganization } from '../../src/org/registry.js';
import { capacity } from '../../src/power/capacity.js';
import { comparisonRules, loadReferenceBand } from '../../src/power/load.js';

const reg = loadOrganizations();
const ds = loadDataset();
const eu = reg.get('eu-council');

describe('Council of the EU: members', () => {
  it('has 6, 9, 10, 12, 15, 25, 27, 28 and again 27 members', () => {
    const n = (d: string) => membersOn(eu, d).length;
    expect([
      n('1958-01-01'),
      n('1973-01-01'),
      n('1981-01-01'),
      n('1986-01-01'),
      n('1995-01-01'),
      n('2004-05-01'),
      n('2007-01-01'),
      n('2013-07-01'),
      n('2026-06-30'),
    ]).toEqual([6, 9, 10, 12, 15, 25, 27, 28, 27]);
  });

  it('has the United Kingdom on 2020-01-31 and not on 2020-02-01', () => {
    expect(membersOn(eu, '2020-01-31').map((m) => m.iso3)).toContain('GBR');
    expect(membersOn(eu, '2020-02-01').map((m) => m.iso3)).not.toContain('GBR');
  });
});

describe('Council of the EU: the rule over time', () => {
  // Vote totals and thresholds as the Treaties and Acts of Accession state them.
  const periods: Array<[string, string, number, number | null]> = [
    ['1960-06-01', 'eec-1958', 17, 12],
    ['1980-12-31', 'ec9-1973', 58, 41],
    ['1985-01-01', 'ec10-1981', 63, 45],
    ['1990-10-03', 'ec12-1986', 76, 54],
    ['2004-04-30', 'eu15-1995', 87, 62],
    ['2004-10-31', 'eu25-2004', 124, 88],
    ['2004-11-01', 'nice-2004', 321, 232],
    ['2010-01-01', 'nice-2007', 345, 255],
    ['2014-10-31', 'nice-2013', 352, 260],
  ];
  it.each(periods)('on %s: %s, %i votes, %i to pass', (date, id, total, quota) => {
    const r = ruleOn(eu, date);
    expect(r.id).toBe(id);
    const members = membersOn(eu, date).map((m) => m.iso3);
    expect(members.reduce((s, m) => s + r.votes![m]!, 0)).toBe(total);
    const sum = JSON.stringify(r.rule).match(/"sum":"votes","atLeast":(\d+)/);
    expect(Number(sum![1])).toBe(quota);
  });

  it('has the Lisbon double majority with its blocking minority from 2014-11-01, one vote each', () => {
    const r = ruleOn(eu, '2014-11-01');
    expect(r.id).toBe('lisbon-2014');
    expect(r.votes).toBeNull();
    expect(JSON.stringify(r.rule)).toContain('"atMostAgainst":3');
    expect(ruleOn(eu, '2026-06-30').id).toBe('lisbon-2014');
    const op = organizationPlayers(eu, ds, '2021-01-01');
    expect(op.players.every((p) => p.votes === 1)).toBe(true);
  });

  it('gives players their weighted votes of the date', () => {
    const op = organizationPlayers(eu, ds, '2010-01-01');
    expect(op.players.find((p) => p.id === 'DEU')!.votes).toBe(29);
    expect(op.players.find((p) => p.id === 'MLT')!.votes).toBe(3);
  });

  it('splits stages where the rule changes without a change of members', () => {
    const st = decisionStages(eu);
    const at = (d: string) => st.find((s) => s.from === d);
    expect(at('2004-11-01')).toMatchObject({ ruleId: 'nice-2004', joined: [] });
    expect(at('2014-11-01')).toMatchObject({ ruleId: 'lisbon-2014', joined: [] });
    expect(at('2004-05-01')!.to).toBe('2004-11-01');
  });
});

describe('Council of the EU: the capacity to decide from data', () => {
  const r = capacity(eu, ds, comparisonRules(eu, [], '.'));
  const band = loadReferenceBand();
  const own = (from: string) => r.stages.find((s) => s.from === from)!.outcomes[0]!;

  it('reproduces the EEC-6 game exactly: 7/32', () => {
    expect(own('1958-01-01').passageProbabilityFraction).toBe('7/32');
    expect(own('1958-01-01').passageProbabilityFraction).toBe(
      band.find((b) => b.id === 'eec-1958')!.passageProbabilityFraction,
    );
  });

  it('gives the weighted-vote stages the passage probability of brute-force enumeration', () => {
    // Every coalition of the members counted by hand, with the weights and quotas of the Treaties
    // (independent of the power algorithms). The rounded figures are those commonly quoted for the
    // same games — 21.9%, 14.6%, 13.7%, 9.8%, 7.8% (as in Baldwin & Widgrén 2004, CEPS Policy
    // Brief 50; quoted from memory, not re-read against the paper here): the enumeration is the check.
    const games: Array<[string, Record<string, number>, number, number]> = [
      ['1958-01-01', { FRA: 4, DEU: 4, ITA: 4, BEL: 2, NLD: 2, LUX: 1 }, 12, 0.219],
      [
        '1973-01-01',
        { FRA: 10, DEU: 10, ITA: 10, GBR: 10, BEL: 5, NLD: 5, DNK: 3, IRL: 3, LUX: 2 },
        41,
        0.146,
      ],
      [
        '1981-01-01',
        { FRA: 10, DEU: 10, ITA: 10, GBR: 10, BEL: 5, NLD: 5, GRC: 5, DNK: 3, IRL: 3, LUX: 2 },
        45,
        0.137,
      ],
      [
        '1986-01-01',
        {
          FRA: 10,
          DEU: 10,
          ITA: 10,
          GBR: 10,
          ESP: 8,
          BEL: 5,
          NLD: 5,
          GRC: 5,
          PRT: 5,
          DNK: 3,
          IRL: 3,
          LUX: 2,
        },
        54,
        0.098,
      ],
      [
        '1995-01-01',
        {
          ...{ FRA: 10, DEU: 10, ITA: 10, GBR: 10, ESP: 8, BEL: 5, NLD: 5, GRC: 5, PRT: 5 },
          ...{ AUT: 4, SWE: 4, DNK: 3, IRL: 3, FIN: 3, LUX: 2 },
        },
        62,
        0.078,
      ],
    ];
    for (const [from, votes, quota, literature] of games) {
      const w = Object.values(votes);
      let wins = 0;
      for (let m = 0; m < 1 << w.length; m++) {
        let sum = 0;
        for (let i = 0; i < w.length; i++) if (m & (1 << i)) sum += w[i]!;
        if (sum >= quota) wins++;
      }
      const o = own(from);
      expect(o.passageProbability, from).toBe(wins / 2 ** w.length);
      expect(Math.abs(o.passageProbability - literature), from).toBeLessThan(0.0006);
    }
  });

  it('reproduces the EU-27 Nice game (2007 members, 2007 population) exactly', () => {
    expect(own('2007-01-01').passageProbabilityFraction).toBe(
      band.find((b) => b.id === 'eu27-nice')!.passageProbabilityFraction,
    );
  });

  it('falls under the Lisbon rule within two points of the EU-27 Lisbon game', () => {
    const lisbon = band.find((b) => b.id === 'eu27-lisbon')!.passageProbability;
    expect(Math.abs(own('2020-02-01').passageProbability - lisbon)).toBeLessThan(0.02);
    // Nice made deciding harder at every enlargement; Lisbon made it easier again.
    expect(own('2014-11-01').passageProbability).toBeGreaterThan(5 * own('2013-07-01').passageProbability);
  });
});

describe('rule periods: checks beyond the schema', () => {
  const base = `
id: x
name: X
shortName: X
founded: 2000-01-01
memberships:
  - { state: FRA, status: member, from: 2000-01-01, source: s }
  - { state: DEU, status: member, from: 2005-01-01, source: s }
`;
  const fails = (rules: string) => {
    try {
      parseOrganization(`${base}rules:\n${rules}`, 'x.yaml', ds);
    } catch (e) {
      expect(isConcordError(e)).toBe(true);
      return (e as Error).message;
    }
    throw new Error('expected an error');
  };
  it('names a member without votes', () => {
    expect(
      fails(
        `  - { id: a, name: A, from: 2000-01-01, rule: { sum: votes, atLeast: 2 }, votes: { FRA: 2 }, source: s }`,
      ),
    ).toMatch(/rules\[0\]\.votes: DEU is a member on 2005-01-01/);
  });
  it('names overlapping periods', () => {
    expect(
      fails(
        `  - { id: a, name: A, from: 2000-01-01, to: 2004-01-01, rule: consensus, source: s }\n  - { id: b, name: B, from: 2003-01-01, rule: consensus, source: s }`,
      ),
    ).toMatch(/rules\[1\]\.from/);
  });
});
