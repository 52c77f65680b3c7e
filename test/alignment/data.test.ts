import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeVotes, encodeVotes, MISSING, VOTE_ALPHABET } from '../../src/alignment/data.js';
import { loadVoteData } from '../../src/alignment/load.js';
import { loadDataset, packageRoot } from '../../src/data/load.js';
import { FORMER_STATE_NAMES, UNGA_NAMES, ungaNameToIso3 } from '../../src/data/unga-names.js';

describe('the vote encoding', () => {
  it('has 81 characters that JSON does not escape', () => {
    expect(VOTE_ALPHABET).toHaveLength(81);
    expect(new Set(VOTE_ALPHABET).size).toBe(81);
    expect(VOTE_ALPHABET).not.toMatch(/["\\]/);
    expect(JSON.stringify(VOTE_ALPHABET)).toBe(`"${VOTE_ALPHABET}"`);
  });

  it('round-trips any vote vector: no, 0 (abstention), yes and no vote recorded', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-1, 0, 1, null), { maxLength: 200 }), (v) => {
        const s = encodeVotes(v);
        expect(s).toHaveLength(Math.ceil(v.length / 3));
        expect([...decodeVotes(s, v.length)]).toEqual(v.map((x) => (x === null ? MISSING : x + 1)));
      }),
    );
  });

  it('rejects bad input', () => {
    expect(() => encodeVotes([2])).toThrow(/not -1, 0, 1 or null/);
    expect(() => decodeVotes('"', 1)).toThrow(/bad character/);
    expect(() => decodeVotes('##', 1)).toThrow(/cannot hold/);
    // Characters past the 64 the encoding uses are not votes.
    expect(() => decodeVotes(VOTE_ALPHABET[70]!, 1)).toThrow(/bad character/);
  });
});

describe('the country-name → ISO3 table', () => {
  const ds = loadDataset();

  it('maps every name once, to a UN member, a former state (ISO 3166-3) or nothing', () => {
    const names = UNGA_NAMES.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of UNGA_NAMES) {
      if (n.iso3 === null) continue;
      expect(ds.countries.has(n.iso3) || n.iso3 in FORMER_STATE_NAMES, n.name).toBe(true);
    }
  });

  it('covers all 193 UN members', () => {
    const codes = new Set(UNGA_NAMES.map((n) => n.iso3));
    const missing = [...ds.countries.keys()].filter((c) => !codes.has(c));
    expect(missing).toEqual([]);
  });

  it('merges only the documented continuations', () => {
    const count = new Map<string, string[]>();
    for (const n of UNGA_NAMES) if (n.iso3) count.set(n.iso3, [...(count.get(n.iso3) ?? []), n.name]);
    const merged = [...count.entries()].filter(([, v]) => v.length > 1).sort();
    expect(merged).toEqual([
      ['DEU', ['Federal Republic of Germany', 'Germany']],
      ['YEM', ['Yemen', 'Yemen Arab Republic']],
    ]);
  });

  it('spells the hard cases right', () => {
    // biome-ignore format: a table
    const cases: Array<[string, string | null]> = [
      ['Côte d’Ivoire', 'CIV'], ['Congo - Kinshasa', 'COD'], ['Congo - Brazzaville', 'COG'], ['Myanmar (Burma)', 'MMR'],
      ['Micronesia (Federated States of)', 'FSM'], ['Turkey', 'TUR'], ['Yugoslavia', 'SRB'], ['Russia', 'RUS'],
      ['Taiwan', 'TWN'], ['China', 'CHN'], ['Czechoslovakia', 'CSK'], ['German Democratic Republic', 'DDR'],
      ["Yemen People's Republic", 'YMD'], ['Eswatini', 'SWZ'], ['North Macedonia', 'MKD'], ['Zanzibar', null],
      ['St. Vincent & Grenadines', 'VCT'], ['São Tomé & Príncipe', 'STP'], ['Cape Verde', 'CPV'], ['Laos', 'LAO'],
    ];
    for (const [name, iso3] of cases) expect(ungaNameToIso3(name), name).toBe(iso3);
    expect(ungaNameToIso3('Atlantis')).toBeUndefined();
  });
});

describe('the derived UN vote data (data/generated/unga-votes.json)', () => {
  const data = loadVoteData();

  it('records its sources, licences and years', () => {
    expect(data.meta.source).toMatch(/Voeten/);
    expect(data.meta.source).toMatch(/United Nations/);
    expect(data.meta.licence).toMatch(/Voeten/);
    expect(data.meta.licence).toMatch(/United Nations/);
    expect(data.meta.derivedFrom).toContain('unga-votes-matrix.csv');
    expect(data.meta.derivedFrom).toContain('unga-votes-2019-2026.csv');
    expect(data.meta.derivedFrom).not.toMatch(/shared\//);
    expect([data.meta.firstYear, data.meta.lastYear]).toEqual([1946, 2026]);
    expect(data.meta.droppedRollCalls).toEqual([9079]);
    expect(data.meta.sources.map((s) => [s.id, s.abstention])).toEqual([
      ['voeten', 'merged'],
      ['un', 'distinct'],
    ]);
    expect(data.seam).toBe('2019-11-07');
  });

  it("keeps one copy of the Nov–Dec 2019 overlap (the UN's, with Voeten's ids and topics)", () => {
    const y2019 = data.rollCalls.filter((r) => r.year === 2019);
    expect(y2019).toHaveLength(90);
    expect(y2019.every((r) => r.source === 'un' && r.rcid !== null)).toBe(true);
    expect(new Set(data.rollCalls.map((r) => r.rcid).filter((x) => x !== null)).size).toBe(6202);
    expect(data.rollCalls.filter((r) => r.source === 'un')).toHaveLength(737);
    // The UN's records are resolutions voted on as a whole; Voeten's also amendments and paragraphs.
    expect(data.rollCalls.filter((r) => r.source === 'un').every((r) => r.scope === 'resolution')).toBe(true);
    expect(data.rollCalls.filter((r) => r.scope !== 'resolution').length).toBeGreaterThan(1000);
    expect(
      data.rollCalls.filter((r) => r.source === 'un' && r.rcid === null).every((r) => r.year >= 2020),
    ).toBe(true);
  });

  it('gives the new roll calls topics by the documented title rules, and says how well they reproduce Voeten', () => {
    const rep = data.meta.topicRules.reproduction;
    expect(rep.map((r) => r.topic)).toEqual(['co', 'di', 'ec', 'hr', 'me', 'nu']);
    for (const r of rep) {
      expect(r.alike).toBeGreaterThan(0.8);
      expect(r.rollCalls).toBeGreaterThan(6000);
    }
    const ukraine = data.rollCalls.find((r) => r.unres === 'A/RES/ES-11/1')!;
    expect(ukraine.title).toBe('Aggression against Ukraine');
    expect(ukraine.session).toBe(76); // ES-11 filed under the regular session sitting on 2022-03-02
    const nuclear = data.rollCalls.filter((r) => r.rcid === null && /nuclear/i.test(r.title));
    expect(nuclear.length).toBeGreaterThan(50);
    expect(nuclear.every((r) => r.topics.includes('nu'))).toBe(true);
  });

  it('has 6,849 roll calls in date order, with sessions and topics', () => {
    expect(data.rollCalls).toHaveLength(6849);
    for (let i = 1; i < data.rollCalls.length; i++)
      expect(data.rollCalls[i - 1]!.date <= data.rollCalls[i]!.date).toBe(true);
    expect(Object.keys(data.topics).sort()).toEqual(['co', 'di', 'ec', 'hr', 'me', 'nu']);
    expect(
      data.rollCalls.filter((r) => r.source === 'voeten' || r.rcid !== null).filter((r) => r.topics.length)
        .length,
    ).toBe(4099);
    // No recorded vote in 1964 (the 19th session's Article 19 crisis).
    expect(data.rollCalls.some((r) => r.year === 1964)).toBe(false);
  });

  it('has the 193 UN members and the former states, and no file over 1 MiB', () => {
    expect(data.states).toHaveLength(197);
    for (const c of loadDataset().countries.keys()) expect(data.codes.has(c), c).toBe(true);
    const size = readFileSync(join(packageRoot(), 'data/generated/unga-votes.json')).length;
    expect(size).toBeLessThan(1024 * 1024);
  });

  it('infers non-membership from sessions without a single yes or no vote', () => {
    const first = (s: string) => Math.min(...data.sessions.get(s)!);
    // The People's Republic took China's seat in the 26th session (1971); Switzerland joined in 2002
    // (57th session); South Sudan in 2011 (66th).
    expect(first('CHN')).toBe(26);
    expect(first('CHE')).toBe(57);
    expect(first('SSD')).toBe(66);
    // Known absences (the data have no code for them, only zeros): South Africa's credentials were
    // rejected from 1974 to 1994 (sessions 29–48: no yes or no in 30–47); the FRY did not take part
    // from 1992 to 2000 (48–54); Syria was part of the United Arab Republic in 1958–61 (13–15).
    const gaps = (s: string, a: number, b: number) =>
      Array.from({ length: b - a + 1 }, (_, i) => a + i).filter((x) => data.sessions.get(s)!.has(x));
    expect(gaps('ZAF', 30, 47)).toEqual([]);
    expect(gaps('SRB', 48, 54)).toEqual([]);
    expect(gaps('SYR', 13, 15)).toEqual([]);
    expect(data.sessions.get('ZAF')!.has(29) && data.sessions.get('ZAF')!.has(48)).toBe(true);
    const che = data.codes.get('CHE')!;
    const before = data.rollCalls.filter((r) => r.year < 2002).map((r) => che[r.index]);
    expect(before.every((c) => c === MISSING)).toBe(true);
  });

  it('data test (issue 7): China and Russia cast the same vote on at least 80% of the 2001–2018 roll calls', () => {
    const chn = data.codes.get('CHN')!;
    const rus = data.codes.get('RUS')!;
    const rcs = data.rollCalls.filter((r) => r.year >= 2001 && r.year <= 2018);
    let both = 0;
    let same = 0;
    let all = 0;
    let identical = 0;
    for (const r of rcs) {
      const [x, y] = [chn[r.index]!, rus[r.index]!];
      if (x === MISSING || y === MISSING) continue;
      all++;
      if (x === y) identical++;
      if (x !== 1 && y !== 1) {
        both++;
        if (x === y) same++;
      }
    }
    // Of the roll calls on which both cast a vote (yes or no): 1,167 of 1,224 = 95.3%.
    expect(both).toBe(1224);
    expect(same / both).toBeGreaterThanOrEqual(0.8);
    expect(same).toBe(1167);
    // Counting the merged 0 (abstention or absence) as a vote, the share is lower: 1,266 of 1,694 = 74.7%.
    // Both figures were computed independently from the raw CSV (a Python count) during development.
    expect(all).toBe(1694);
    expect(identical).toBe(1266);
  });

  const raw = process.env.CONCORD_RAW_DATA ?? join(packageRoot(), '..', 'shared', 'data');
  it.skipIf(!existsSync(join(raw, 'unga-votes-matrix.csv')))(
    'decodes to the raw matrix, merged rows included',
    () => {
      const rows = parse(readFileSync(join(raw, 'unga-votes-matrix.csv')), {
        skip_empty_lines: true,
      }) as string[][];
      const header = rows[0]!.slice(1).map(Number);
      const col = new Map(header.map((rcid, j) => [rcid, j + 1]));
      const byName = new Map(rows.slice(1).map((r) => [r[0]!, r]));
      for (const [iso3, names] of [
        ['CHN', ['China']],
        ['RUS', ['Russia']],
        ['IND', ['India']],
        ['DEU', ['Federal Republic of Germany', 'Germany']],
        ['YEM', ['Yemen Arab Republic', 'Yemen']],
      ] as const) {
        const codes = data.codes.get(iso3)!;
        for (const rc of data.rollCalls) {
          if (rc.source !== 'voeten') continue;
          const j = col.get(rc.rcid!)!;
          const v = names.map((n) => Number(byName.get(n)![j])).find((x) => x !== 0) ?? 0;
          const c = codes[rc.index]!;
          if (c === MISSING) expect(v, `${iso3} ${rc.rcid}`).toBe(0);
          else expect(c - 1, `${iso3} ${rc.rcid}`).toBe(v);
        }
      }
    },
  );

  it.skipIf(!existsSync(join(raw, 'unga-2019-2026', 'unga-votes-2019-2026.csv')))(
    "decodes to the UN's records: Y, N, A as votes, X as not taking part",
    () => {
      const rows = parse(readFileSync(join(raw, 'unga-2019-2026', 'unga-votes-2019-2026.csv')), {
        columns: true,
      }) as Array<Record<string, string>>;
      const idx = new Map(data.rollCalls.filter((r) => r.source === 'un').map((r) => [r.unres, r.index]));
      const expected: Record<string, number> = { N: 0, A: 1, Y: 2, X: MISSING };
      let n = 0;
      for (const row of rows) {
        const i = idx.get(row.resolution!);
        expect(i, row.resolution).toBeDefined();
        expect(data.codes.get(row.iso3!)![i!], `${row.resolution} ${row.iso3}`).toBe(expected[row.vote!]);
        n++;
      }
      expect(n).toBe(142241);
    },
  );
});
