import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConcordError } from '../../src/errors.js';
import { formatter } from '../../src/i18n/format.js';
import { localeFromEnv, matchLocale, negotiateLocale, parseLocale } from '../../src/i18n/locale.js';
import { common } from '../../src/i18n/messages/common/index.js';
import { defineNamespace, translator } from '../../src/i18n/translate.js';

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
