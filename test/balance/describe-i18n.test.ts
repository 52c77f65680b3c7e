// The balance sentences in Russian and Chinese (src/balance/describe.ts with a locale): English,
// the JSON's text, is unchanged byte for byte (test/fixtures/balance-sentences-en.json, written
// before the locale path existed), and every Russian and Chinese sentence carries the same figures
// (shares, CON, ratios) and years as the English one it translates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balance } from '../../src/balance/balance.js';
import {
  caveatIn,
  dataYearNoteIn,
  describeSeries,
  describeStage,
  describeWhatIf,
  pairNoteIn,
  seriesNoteIn,
  yearNoteIn,
} from '../../src/balance/describe.js';
import { MEASURE_IDS, YARDSTICKS } from '../../src/balance/yardsticks.js';
import { countryName, loadDataset } from '../../src/data/load.js';
import type { Locale } from '../../src/i18n/locale.js';
import { loadOrganizations } from '../../src/org/load.js';

const ds = loadDataset();
const registry = loadOrganizations();
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '../fixtures/balance-sentences-en.json'), 'utf8'),
) as Record<string, { summary: string; stages: string[]; hypothetical?: string }>;

const HYPOTHETICALS: ReadonlyArray<readonly [string, 'gdp' | 'cinc' | 'milex', string[], string[]]> = [
  ['sco', 'gdp', ['TUR'], []],
  ['sco', 'cinc', ['MNG', 'TUR'], []],
  ['sco', 'gdp', [], ['IND']],
  ['sco', 'gdp', ['TUR'], ['IND']],
  ['sco', 'milex', ['AZE'], ['PAK', 'IND']],
];

/** Every series and stage sentence of every organization and yardstick, and the what-ifs. */
function sentences(locale: Locale) {
  const out: Record<string, { summary: string; stages: string[]; hypothetical?: string }> = {};
  const name = (c: string) => (locale === 'en' ? ds.countries.get(c)!.name : countryName(c, locale));
  for (const org of registry.all()) {
    const pred = org.predecessor && registry.has(org.predecessor) ? registry.get(org.predecessor) : undefined;
    for (const measure of ['gdp', 'cinc', 'population', 'milex'] as const) {
      const b = balance(org, ds, { measure, ...(pred ? { predecessor: pred } : {}) });
      const ctx = { org, ys: YARDSTICKS[measure], name };
      out[`${org.id}/${measure}`] = {
        summary: describeSeries(b.years, { ...ctx, pair: b.pair }, locale),
        stages: b.stages.map((s) =>
          describeStage(s, { ...ctx, predecessor: s.comparedWith && pred ? pred : null }, locale),
        ),
      };
    }
  }
  for (const [id, measure, add, remove] of HYPOTHETICALS) {
    const org = registry.get(id);
    const b = balance(org, ds, { measure, add, remove });
    const h = b.hypothetical!;
    out[`${id}/${measure}/+${add.join(',')}-${remove.join(',')}`] = {
      summary: describeSeries(b.years, { org, ys: YARDSTICKS[measure], name, pair: b.pair }, locale),
      stages: [],
      hypothetical: describeStage(
        { ...h, from: `${b.to}-12-31`, kind: 'change', joined: h.add, left: h.remove, comparedWith: null },
        { org, ys: YARDSTICKS[measure], name, hypothetical: true },
        locale,
      ),
    };
  }
  return out;
}

/** The figures of a sentence: its decimals (shares, CON, ratios) and its years, each sorted. */
function figures(s: string, locale: Locale) {
  const t = locale === 'ru' ? s.replace(/(\d),(\d)/g, '$1.$2') : s;
  return {
    decimals: (t.match(/\d+\.\d+/g) ?? []).sort(),
    years: [...new Set(t.match(/\b(1[89]|20)\d\d\b/g) ?? [])].sort(),
  };
}

describe('the balance sentences', () => {
  const en = sentences('en');

  it('are in English the text they always were, byte for byte (and what balance() puts in its JSON)', () => {
    expect(en).toEqual(fixture);
    for (const [key, v] of Object.entries(fixture)) {
      const [id, measure] = key.split('/') as [string, 'gdp'];
      if (v.hypothetical) continue;
      const org = registry.get(id);
      const pred =
        org.predecessor && registry.has(org.predecessor) ? registry.get(org.predecessor) : undefined;
      const b = balance(org, ds, { measure, ...(pred ? { predecessor: pred } : {}) });
      expect(b.summary).toBe(v.summary);
      expect(b.stages.map((s) => s.sentence)).toEqual(v.stages);
    }
  });

  for (const locale of ['ru', 'zh-Hans'] as const) {
    describe(locale, () => {
      const other = sentences(locale);
      it('has a sentence for every English one, with the same figures and years', () => {
        expect(Object.keys(other)).toEqual(Object.keys(en));
        const differ: string[] = [];
        let checked = 0;
        for (const [key, v] of Object.entries(en)) {
          const o = other[key]!;
          const pairs: Array<[string, string]> = [
            [v.summary, o.summary],
            ...v.stages.map((s, i) => [s, o.stages[i]!] as [string, string]),
            ...(v.hypothetical ? [[v.hypothetical, o.hypothetical!] as [string, string]] : []),
          ];
          for (const [e, x] of pairs) {
            checked += figures(e, 'en').decimals.length;
            expect(x).not.toBe(e);
            if (JSON.stringify(figures(e, 'en')) !== JSON.stringify(figures(x, locale)))
              differ.push(`${key}\n  ${e}\n  ${x}`);
          }
        }
        expect(differ).toEqual([]);
        expect(checked).toBeGreaterThan(500);
      });

      it('writes no English word but codes and the index names', () => {
        const left = Object.values(other)
          .flatMap((v) => [v.summary, ...v.stages, v.hypothetical ?? ''])
          .flatMap((s) => s.match(/[A-Za-z]{2,}/g) ?? [])
          .filter((w) => !/^(CON|CINC|GDP|HHI|[A-Z]{3})$/.test(w));
        expect([...new Set(left)]).toEqual([]);
      });
    });
  }

  it('translate the data-year notes, the pair notes and the caveats', () => {
    const note = 'the GDP data end in 2024; 2024 has no figure for AFG, IRN: measured on 2023 figures';
    expect(dataYearNoteIn(note, 'gdp', 'GDP', 'ru')).toBe(
      'данные по показателю «ВВП» заканчиваются 2024 г.; за 2024 г. нет данных по AFG и IRN: измерено по данным 2023 г.',
    );
    expect(dataYearNoteIn(note, 'gdp', 'GDP', 'zh-Hans')).toBe(
      'GDP数据止于2024年；2024年缺少AFG和IRN的数据：按2023年数据衡量',
    );
    expect(dataYearNoteIn(note, 'gdp', 'GDP', 'en')).toBe(note);
    // A note of another form is left as it is, not half translated.
    expect(dataYearNoteIn('something else', 'gdp', 'GDP', 'ru')).toBe('something else');
    const sco = registry.get('sco');
    const b = balance(sco, ds, { measure: 'gdp' });
    expect(pairNoteIn(b.pairNote, sco, 'gdp', 'GDP', 'ru')).toMatch(
      /^два крупнейших члена в \d{4} г\., первом году ШОС/,
    );
    expect(pairNoteIn('chosen with --pair', sco, 'gdp', 'GDP', 'zh-Hans')).toBe('由 --pair 指定');
    for (const m of MEASURE_IDS) {
      expect(caveatIn(YARDSTICKS[m], 'en')).toBe(YARDSTICKS[m].caveat);
      expect(caveatIn(YARDSTICKS[m], 'ru')).toMatch(/[а-я]{4}/);
      expect(caveatIn(YARDSTICKS[m], 'zh-Hans')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('translate every year note and series note balance() writes, and the what-if through describeWhatIf', () => {
    const notes = new Map<string, string>();
    const series = new Map<string, string>();
    for (const org of registry.all()) {
      for (const measure of MEASURE_IDS) {
        // From 1990 to 2030: the founding and dissolution notes, the data's ends, missing figures.
        const b = balance(org, ds, { measure, from: 1990, to: 2030 });
        for (const y of b.years) if (y.note) notes.set(y.note, measure);
        for (const n of b.notes) series.set(n, measure);
      }
    }
    expect(notes.size).toBeGreaterThan(3);
    expect(series.size).toBeGreaterThan(3);
    const sco = registry.get('sco');
    for (const locale of ['ru', 'zh-Hans'] as const) {
      const left = [
        ...[...notes].filter(
          ([n, m]) => yearNoteIn(n, m as 'gdp', YARDSTICKS[m as 'gdp'].noun, locale) === n,
        ),
        ...[...series].filter(
          ([n, m]) => seriesNoteIn(n, sco, m as 'gdp', YARDSTICKS[m as 'gdp'].noun, locale) === n,
        ),
      ];
      expect(left.map(([n]) => n)).toEqual([]);
    }
    for (const [n, m] of notes) expect(yearNoteIn(n, m as 'gdp', YARDSTICKS[m as 'gdp'].noun, 'en')).toBe(n);
    expect(yearNoteIn('no figure for AFG: shares of the other 9 members', 'gdp', 'GDP', 'ru')).toBe(
      'нет данных по AFG: доли остальных 9 членов',
    );
    expect(yearNoteIn('something else', 'gdp', 'GDP', 'zh-Hans')).toBe('something else');
    const b = balance(sco, ds, { measure: 'gdp', add: ['TUR'] });
    const ctx = { org: sco, ys: YARDSTICKS.gdp, name: (c: string) => ds.countries.get(c)!.name };
    expect(describeWhatIf(b.hypothetical!, ctx)).toBe(b.hypothetical!.sentence);
    expect(describeWhatIf(b.hypothetical!, { ...ctx, name: (c) => countryName(c, 'ru') }, 'ru')).toContain(
      'Турци',
    );
  });
});
