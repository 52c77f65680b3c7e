/**
 * Decision rules in words in three languages (src/rules/evaluate.ts's `describeRule(rule, locale)`,
 * namespace `rules-describe`). English is the `description` of the JSON outputs and stays as it was
 * (the expected strings below are the text before the rule descriptions went through the
 * catalogue); Russian and Chinese carry the same thresholds and codes, in the locale's number
 * formats, and no English word.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeRule } from '../../src/rules/evaluate.js';
import type { Rule } from '../../src/rules/schema.js';
import { englishWords, figures } from '../helpers/i18n-text.js';

const CASES: ReadonlyArray<readonly [Rule, string]> = [
  ['consensus', 'consensus (unanimity)'],
  [{ consensusMinus: ['IND', 'PAK'] }, 'consensus minus IND, PAK'],
  [{ among: ['CHN', 'RUS', 'KAZ'], atLeast: 2 }, 'at least 2 of CHN, RUS, KAZ'],
  [{ among: ['CHN', 'RUS'], atLeastShare: '2/3' }, 'at least 2/3 of CHN, RUS'],
  [{ among: ['CHN', 'RUS'], moreThanShare: 0.5 }, 'more than 50% of CHN, RUS'],
  [{ count: { atLeast: 21 } }, 'at least 21 members'],
  [{ count: { atLeastShare: 0.55 } }, 'at least 55% of members'],
  [{ count: { atLeastShare: '2 / 3' } }, 'at least 2/3 of members'],
  [{ count: { moreThanShare: 0.5 } }, 'more than 50% of members'],
  [{ count: { atMostAgainst: 3 } }, 'at most 3 against'],
  [{ sum: 'votes', atLeast: 255 }, 'votes ≥ 255'],
  [{ sum: 'votes', atLeast: 1234.5 }, 'votes ≥ 1234.5'],
  [{ sum: 'population', atLeastShare: 0.625 }, 'at least 62.5% of population'],
  [{ sum: 'gdp', moreThanShare: 0.5 }, 'more than 50% of gdp'],
  [{ sum: 'seats', atLeast: 12 }, 'seats ≥ 12'],
  [
    {
      any: [
        {
          all: [
            { count: { atLeastShare: 0.55 } },
            { count: { atLeast: 15 } },
            { sum: 'population', atLeastShare: 0.65 },
          ],
        },
        { count: { atMostAgainst: 3 } },
      ],
    },
    '(at least 55% of members and at least 15 members and at least 65% of population) or at most 3 against',
  ],
  [
    { all: [{ sum: 'votes', atLeast: 255 }, { any: [{ count: { atLeast: 14 } }, 'consensus'] }] },
    'votes ≥ 255 and (at least 14 members or consensus (unanimity))',
  ],
];

/** Every rule the shipped files give (organizations, games, cases). */
function shippedRules(): Rule[] {
  const out: Rule[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) for (const y of x) walk(y);
    else if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) {
        if (k === 'rule' && v && (typeof v === 'string' || typeof v === 'object')) out.push(v as Rule);
        walk(v);
      }
  };
  const root = join(import.meta.dirname, '../..');
  for (const d of ['data/games', 'data/organizations', 'scenarios/sco'])
    for (const f of readdirSync(join(root, d)))
      if (f.endsWith('.yaml')) walk(parse(readFileSync(join(root, d, f), 'utf8')));
  return out;
}

describe('describeRule in three languages', () => {
  it('English is the text the JSON outputs have always carried', () => {
    for (const [rule, text] of CASES) {
      expect(describeRule(rule)).toBe(text);
      expect(describeRule(rule, 'en')).toBe(text);
    }
  });

  it('Russian: thresholds with a decimal comma and a spaced percent, plurals, no English word', () => {
    expect(describeRule('consensus', 'ru')).toBe('консенсус (единогласие)');
    expect(describeRule({ count: { atLeast: 21 } }, 'ru')).toBe('не менее 21 члена');
    expect(describeRule({ count: { atLeast: 15 } }, 'ru')).toBe('не менее 15 членов');
    expect(describeRule({ count: { atMostAgainst: 3 } }, 'ru')).toBe('не более 3 голосов против');
    expect(describeRule({ sum: 'votes', atLeast: 1234.5 }, 'ru')).toBe('голоса: не менее 1\u00a0234,5');
    expect(describeRule({ sum: 'population', atLeastShare: 0.625 }, 'ru')).toBe(
      'не менее 62,5\u00a0% населения',
    );
    expect(describeRule(CASES[15]![0], 'ru')).toBe(
      '(не менее 55\u00a0% членов и не менее 15 членов и не менее 65\u00a0% населения) или не более 3 голосов против',
    );
  });

  it('Chinese: the enumeration comma between codes, no English word', () => {
    expect(describeRule({ consensusMinus: ['IND', 'PAK'] }, 'zh-Hans')).toBe('除IND、PAK外协商一致');
    expect(describeRule(CASES[15]![0], 'zh-Hans')).toBe(
      '(至少55%的成员且至少15个成员且人口占比至少65%)或反对者至多3个',
    );
  });

  for (const locale of ['ru', 'zh-Hans'] as const) {
    it(`${locale}: every rule (the cases above and every shipped one) keeps its figures and codes, in words of the language`, () => {
      const rules = [...CASES.map((c) => c[0]), ...shippedRules()];
      expect(rules.length).toBeGreaterThan(40);
      const problems: string[] = [];
      for (const rule of rules) {
        const en = describeRule(rule);
        const text = describeRule(rule, locale);
        // a field the catalogue does not know (seats) is a code: written as the file gives it
        const words = englishWords(text, ['seats']);
        if (words.length) problems.push(`${text}: ${words.join(' ')}`);
        if (figures(text, locale).join() !== figures(en, 'en').join())
          problems.push(`${text}: figures vs ${en}`);
        for (const code of en.match(/\b[A-Z]{3}\b/g) ?? [])
          if (!text.includes(code)) problems.push(`${text}: ${code} missing`);
      }
      expect(problems).toEqual([]);
    });
  }
});
