import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it, vi } from 'vitest';
import { isConcordError } from '../../src/errors.js';
import { formatter } from '../../src/i18n/format.js';
import { localeFromEnv, matchLocale, negotiateLocale, parseLocale } from '../../src/i18n/locale.js';
import { common } from '../../src/i18n/messages/common/index.js';
import { defineNamespace, type MessageValues, plainMessage, translator } from '../../src/i18n/translate.js';

const demo = defineNamespace('test-demo', {
  en: {
    members: '{count, plural, one {# member} other {# members}}',
    only: 'English only',
    hello: 'Hello, {name}',
  },
  ru: {
    members:
      '{count, plural, one {# государство-член} few {# государства-члена} many {# государств-членов} other {# государства-члена}}',
    hello: 'Здравствуйте, {name}',
  },
  'zh-Hans': { members: '{count}个成员国', hello: '{name}，您好' },
});

describe('locales', () => {
  it('matches the usual tags and refuses others', () => {
    expect(matchLocale('ru-RU')).toBe('ru');
    expect(matchLocale('zh_CN')).toBe('zh-Hans');
    expect(matchLocale('ZH-hans')).toBe('zh-Hans');
    expect(matchLocale('zh-TW')).toBeUndefined();
    expect(matchLocale('fr')).toBeUndefined();
    expect(parseLocale('en-US')).toBe('en');
    try {
      parseLocale('klingon');
      expect.unreachable();
    } catch (e) {
      expect(isConcordError(e) && e.code).toBe('E_USAGE');
      expect(isConcordError(e) && e.path).toBe('--lang');
    }
    expect(localeFromEnv({ CONCORD_LANG: 'zh' })).toBe('zh-Hans');
    expect(localeFromEnv({})).toBe('en');
    expect(() => localeFromEnv({ CONCORD_LANG: 'xx' })).toThrow(/CONCORD_LANG/);
  });

  it('negotiates Accept-Language by q-value, falling back to English', () => {
    expect(negotiateLocale('fr-FR, ru;q=0.9, en;q=0.8')).toBe('ru');
    expect(negotiateLocale('en;q=0.5, zh-CN;q=0.9')).toBe('zh-Hans');
    expect(negotiateLocale('de, fr')).toBe('en');
    expect(negotiateLocale(undefined)).toBe('en');
    expect(negotiateLocale('ru;q=0')).toBe('en');
  });

  it('never throws on any header', () => {
    fc.assert(fc.property(fc.string(), (h) => typeof negotiateLocale(h) === 'string'));
  });
});

describe('translator', () => {
  it('uses CLDR plural rules, not concatenation', () => {
    const ru = translator(demo, 'ru');
    expect(ru('members', { count: 1 })).toBe('1 государство-член');
    expect(ru('members', { count: 3 })).toBe('3 государства-члена');
    expect(ru('members', { count: 10 })).toBe('10 государств-членов');
    expect(ru('members', { count: 21 })).toBe('21 государство-член');
    expect(translator(demo, 'en')('members', { count: 1 })).toBe('1 member');
    expect(translator(demo, 'zh-Hans')('members', { count: 10 })).toBe('10个成员国');
  });

  it('falls back to English for a missing key and marks an unknown one', () => {
    expect(translator(demo, 'ru')('only')).toBe('English only');
    expect(translator(demo, 'zh-Hans')('hello', { name: '王' })).toBe('王，您好');
    expect(translator(demo, 'en')('nope' as 'only')).toBe('test-demo:nope');
  });

  it('never throws on a missing value: it reports it and shows the message unformatted', () => {
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m) => void errors.push(m));
    expect(translator(demo, 'ru')('hello')).toBe('Здравствуйте, {name}');
    spy.mockRestore();
    expect(String(errors[0])).toMatch(/test-demo:hello \(ru\)/);
  });

  it('names each language in its own tongue', () => {
    expect(translator(common, 'en')('language.ru')).toBe('Русский');
    expect(translator(common, 'ru')('language.label')).toBe('Язык');
  });
});

describe('formatter', () => {
  it('writes numbers, percentages and dates in each locale', () => {
    expect(formatter('en').number(1234.5)).toBe('1,234.5');
    expect(formatter('ru').number(1234.5)).toBe('1\u00a0234,5');
    expect(formatter('ru').percent(0.253)).toBe('25,3\u00a0%');
    expect(formatter('zh-Hans').percent(0.253)).toBe('25.3%');
    expect(formatter('zh-Hans').date('2024-07-04')).toBe('2024年7月4日');
    expect(formatter('ru').date('2024-07-04')).toBe('4 июля 2024 г.');
    expect(formatter('en').date('2024-07-04')).toBe('July 4, 2024');
    expect(formatter('ru').list(['Китай', 'Россия', 'Индия'])).toBe('Китай, Россия и Индия');
    expect(formatter('en').number(Number.NaN)).toBe('—');
    expect(formatter('en').big(3.21e9)).toBe('3.210 billion');
    expect(formatter('ru').big(3.21e9)).toBe('3,21\u00a0млрд');
    expect(formatter('zh-Hans').big(3.21e9)).toBe('32.1亿');
    expect(formatter('zh-Hans').big(null)).toBe('—');
  });
});

describe('plain messages (literal text and {name} only)', () => {
  /** Every message of every catalogue file (src/i18n/messages/<ns>/<locale>.json). */
  function everyMessage(): Array<[string, string]> {
    const dir = join(import.meta.dirname, '../../src/i18n/messages');
    const out: Array<[string, string]> = [];
    for (const ns of readdirSync(dir)) {
      if (!statSync(join(dir, ns)).isDirectory()) continue;
      for (const f of readdirSync(join(dir, ns)).filter((f) => f.endsWith('.json'))) {
        const cat = JSON.parse(readFileSync(join(dir, ns, f), 'utf8')) as Record<string, string>;
        for (const [k, text] of Object.entries(cat)) out.push([`${ns}/${f}:${k}`, text]);
      }
    }
    return out;
  }
  const samples: ReadonlyArray<MessageValues[string]> = [
    'Kazakhstan',
    '',
    "it's {not} <b>ICU</b>",
    0,
    -0,
    1,
    1234567.891,
    -2.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    null,
    undefined,
  ];

  it('formats exactly as intl-messageformat on every message of every catalogue', () => {
    const messages = everyMessage();
    expect(messages.length).toBeGreaterThan(1000);
    let plain = 0;
    for (const [id, text] of messages) {
      const f = plainMessage(text);
      if (!f) continue;
      plain++;
      const names = [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]!))];
      for (const [locale, tag] of [
        ['en', 'en-US'],
        ['ru', 'ru-RU'],
        ['zh-Hans', 'zh-Hans-CN'],
      ] as const) {
        const icu = new IntlMessageFormat(text, tag);
        samples.forEach((_, s) => {
          // each argument gets a different sample, rotating, so every sample meets every position
          const values = Object.fromEntries(names.map((n, j) => [n, samples[(s + j) % samples.length]]));
          const want = icu.format(values as Record<string, string>);
          expect(f(values), `${id} (${locale}) with ${JSON.stringify(values)}`).toBe(
            Array.isArray(want) ? want.join('') : String(want),
          );
        });
        if (names.length) {
          expect(() => icu.format({})).toThrow();
          expect(() => f({}), id).toThrow();
        }
      }
    }
    // most messages take the plain path (the point of it); the others are compiled by intl-messageformat
    expect(plain / messages.length).toBeGreaterThan(0.5);
  });

  it('leaves to intl-messageformat what is not plain', () => {
    for (const text of [
      '{n, plural, one {# day} other {# days}}',
      '{kind, select, a {A} other {B}}',
      '{x, number, percent}',
      "'{literal}'",
      "it''s",
      'a <b>tag</b>',
      '{ spaced }',
      'a } alone',
    ])
      expect(plainMessage(text), text).toBeUndefined();
    for (const text of [
      "the organization's members",
      'State {iso3} joined on {date}',
      'no argument',
      '{name}: {count, plural, other {{n} players}}',
    ])
      expect(plainMessage(text), text).toBeDefined();
  });

  it('formats random texts and values as intl-messageformat does', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '{a}',
        '{b}',
        "'",
        "'s",
        ' ',
        'x',
        '#',
        '|',
        'é',
        '中',
        '{a, plural, other {',
        '}}',
        '{b}}',
      ),
      fc.string({ maxLength: 3 }),
    );
    const value = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), value, value, (ps, a, b) => {
        const text = ps.join('');
        const f = plainMessage(text);
        if (!f) return;
        const want = new IntlMessageFormat(text, 'en-US').format({ a, b } as Record<string, string>);
        expect(f({ a, b })).toBe(Array.isArray(want) ? want.join('') : String(want));
      }),
    );
  });
});
