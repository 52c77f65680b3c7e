/**
 * The meaning of a rule: which coalitions win. `compileRule` checks a rule against its players
 * (fields present, numeric, finite, non-negative; quotas attainable; named parties known; ids
 * unique) and returns a predicate on coalitions given as membership arrays aligned with `players`.
 * Comparisons are exact: see ./compile.ts for the scheme.
 *
 * This is the reference semantics: the exact counting algorithms in src/power/ must agree with it
 * (they are tested against it by enumeration).
 */
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { rulesDescribe } from '../i18n/messages/rules-describe/index.js';
import { translator } from '../i18n/translate.js';
import { compile, winsExactly } from './compile.js';
import type { Rule, Share } from './schema.js';

export interface Player {
  readonly id: string;
  readonly [field: string]: unknown;
}

export type Coalition = ReadonlyArray<boolean>;
export type WinningTest = (coalition: Coalition) => boolean;

/** The winning test of `rule` for `players`: exact (see ./compile.ts); throws E_VALIDATION with the path. */
export function compileRule(rule: Rule, players: readonly Player[], path = 'rule'): WinningTest {
  const c = compile(rule, players, path);
  return (coalition) => winsExactly(c, coalition);
}

/** Veto players: members of every winning coalition (equivalently, the grand coalition minus them loses). */
export function vetoPlayers(test: WinningTest, n: number): boolean[] {
  const all = new Array<boolean>(n).fill(true);
  return all.map((_, i) => {
    const c = all.slice();
    c[i] = false;
    return test(all) && !test(c);
  });
}

/**
 * A short description of a rule in words. English (the default) is the `description` the JSON
 * outputs carry; `locale` words it in Russian or Chinese, with shares and thresholds through the
 * locale's number formats and the known sum fields (votes, population, gdp…) named in words.
 */
export function describeRule(rule: Rule, locale: Locale = 'en'): string {
  const t = translator(rulesDescribe, locale);
  const en = locale === 'en';
  const share = (x: Share) => fmtShare(x, locale);
  const num = (x: number) => (en ? String(x) : formatter(locale).number(x, 6));
  // A sum rule's field in words (Russian: the nominative before a threshold, the genitive after a share).
  const field = (f: string, of: boolean) => {
    if (en) return f;
    const prefix = of ? 'field-of.' : 'field.';
    const key = `${prefix}${f}`;
    return f !== 'other' && t.has(key)
      ? t(key as 'field.votes')
      : t(of ? 'field-of.other' : 'field.other', { field: f });
  };
  const codes = (xs: readonly string[]) => xs.join(locale === 'zh-Hans' ? '、' : ', ');
  if (rule === 'consensus') return t('consensus');
  if ('consensusMinus' in rule) return t('consensus-minus', { list: codes(rule.consensusMinus) });
  if ('among' in rule) {
    const of = codes(rule.among);
    if (rule.atLeast !== undefined) return t('among.at-least', { count: num(rule.atLeast), of });
    if (rule.atLeastShare !== undefined)
      return t('among.at-least-share', { share: share(rule.atLeastShare), of });
    return t('among.more-than-share', { share: share(rule.moreThanShare!), of });
  }
  if ('count' in rule) {
    const k = rule.count;
    if (k.atLeast !== undefined) return t('count.at-least', { count: k.atLeast });
    if (k.atLeastShare !== undefined) return t('count.at-least-share', { share: share(k.atLeastShare) });
    if (k.moreThanShare !== undefined) return t('count.more-than-share', { share: share(k.moreThanShare) });
    return t('count.at-most-against', { count: k.atMostAgainst ?? 0 });
  }
  if ('sum' in rule) {
    if (rule.atLeast !== undefined)
      return t('sum.at-least', { sum: field(rule.sum, false), value: num(rule.atLeast) });
    const sum = field(rule.sum, true);
    if (rule.atLeastShare !== undefined)
      return t('sum.at-least-share', { share: share(rule.atLeastShare), sum });
    return t('sum.more-than-share', { share: share(rule.moreThanShare!), sum });
  }
  const wrap = (r: Rule, inner: 'all' | 'any') =>
    typeof r === 'object' && inner in r && (r as { all?: Rule[]; any?: Rule[] })[inner]!.length > 1
      ? `(${describeRule(r, locale)})`
      : describeRule(r, locale);
  const join = (parts: string[], key: 'and' | 'or') => parts.reduce((left, right) => t(key, { left, right }));
  if ('all' in rule)
    return join(
      rule.all.map((r) => wrap(r, 'any')),
      'and',
    );
  return join(
    rule.any.map((r) => wrap(r, 'all')),
    'or',
  );
}

/** A share as the rule files write it: a fraction string as written ('2/3'), a number as a percentage. */
function fmtShare(x: Share, locale: Locale): string {
  if (typeof x === 'string') return x.replace(/\s+/g, '');
  const p = Number((x * 100).toPrecision(12));
  if (locale === 'en') return `${p}%`;
  return formatter(locale).percent(p / 100, Math.min(4, String(p).split('.')[1]?.length ?? 0));
}
