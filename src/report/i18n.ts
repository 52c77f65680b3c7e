/**
 * The report's languages: the locale of a report (ReportContext.locale, English when absent), its
 * translators (the `report`, `report-charts` and `report-forecasts` namespaces in src/i18n/messages/),
 * numbers and dates for the locale, and the seams for names.
 *
 * English keeps exactly the figures the report has always printed (ISO dates, `12.3%`,
 * `1.234 billion`); Russian and Chinese format through Intl (`12,3 %`, `1,23 млрд`, `2024年7月4日`).
 */
import { formatter } from '../i18n/format.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { report } from '../i18n/messages/report/index.js';
import { reportCharts } from '../i18n/messages/report-charts/index.js';
import { reportSummary } from '../i18n/messages/report-summary/index.js';
import { translator } from '../i18n/translate.js';
import { describeRule } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import { big as bigEn, pct as pctEn } from '../util/format.js';
import { esc } from '../util/html.js';

export type { Locale };

/** The report's locale (English when the caller gave none). */
export const localeOf = (ctx: { readonly locale?: Locale | undefined }): Locale =>
  ctx.locale ?? DEFAULT_LOCALE;

/** The `report` namespace for a locale. */
export const reportT = (locale: Locale | undefined) => translator(report, locale ?? DEFAULT_LOCALE);
/** The `report-charts` namespace for a locale. */
export const chartT = (locale: Locale | undefined) => translator(reportCharts, locale ?? DEFAULT_LOCALE);
/** The translator of the terminal summary's lines (namespace report-summary). */
export const summaryT = (locale: Locale | undefined) => translator(reportSummary, locale ?? DEFAULT_LOCALE);

export interface ReportNumbers {
  readonly locale: Locale;
  /** A share 0–1 as a percentage ('–' for null). */
  pct(x: number | null | undefined, digits?: number): string;
  /** A large quantity in words (1.234 billion, 1,23 млрд, 12.3亿). */
  big(x: number | null | undefined): string;
  /** Exactly `digits` decimals ('–' for null). */
  fixed(x: number | null | undefined, digits: number): string;
  /** A whole number, grouped. */
  int(x: number): string;
  /** A date in running text: ISO in English (as the report always wrote it), the locale's long form otherwise. */
  date(iso: string): string;
}

const compact = new Map<Locale, Intl.NumberFormat>();

export function numbers(locale: Locale | undefined): ReportNumbers {
  const l = locale ?? DEFAULT_LOCALE;
  if (l === 'en') {
    return {
      locale: l,
      pct: (x, digits = 1) => pctEn(x, digits),
      big: bigEn,
      fixed: (x, d) => (x == null ? '–' : x.toFixed(d)),
      int: (x) => x.toLocaleString('en-US'),
      date: (iso) => iso,
    };
  }
  const f = formatter(l);
  return {
    locale: l,
    pct: (x, digits = 1) => (x == null ? '–' : f.percent(x, digits)),
    big: (x) => {
      if (x == null) return '–';
      if (Math.abs(x) < 1e6) return f.number(x, 0);
      let c = compact.get(l);
      if (!c) {
        c = new Intl.NumberFormat(l === 'ru' ? 'ru-RU' : 'zh-Hans-CN', {
          notation: 'compact',
          compactDisplay: 'short',
          maximumSignificantDigits: 4,
        });
        compact.set(l, c);
      }
      return c.format(x);
    },
    fixed: (x, d) => (x == null ? '–' : f.fixed(x, d)),
    int: (x) => f.number(x, 0),
    date: (iso) => f.date(iso),
  };
}

/** The catalogue key of a membership status ("dialogue partner" → status.dialogue-partner). */
export function statusKey(status: string): string {
  return `status.${status.replace(/\s+/g, '-')}`;
}

/** A membership status in the locale (member, observer, dialogue partner, partner, applicant). */
export function statusName(status: string, locale: Locale | undefined): string {
  const t = chartT(locale);
  const key = statusKey(status);
  return t.has(key) ? t(key as Parameters<typeof t>[0]) : status;
}

/** A decision rule in words, in the locale (rules/evaluate.ts's describeRule; English: its JSON text). */
export function describeRuleIn(rule: Rule, locale: Locale | undefined): string {
  return describeRule(rule, locale ?? DEFAULT_LOCALE);
}

/**
 * The label of a comparison rule of the capacity analysis in the locale: the organization's own
 * rule, or a built-in one (majority, two-thirds, double-majority, eu-qmv) by its id; any other
 * keeps the label its file gave.
 */
export function ruleLabelIn(
  r: { id: string; label: string; rule: Rule },
  locale: Locale | undefined,
): string {
  const l = locale ?? DEFAULT_LOCALE;
  if (l === 'en') return r.label;
  const t = chartT(l);
  if (r.id === 'own')
    return r.label === 'own rule by date'
      ? t('rule.own-by-date')
      : t('rule.own', { rule: describeRuleIn(r.rule, l).replace(t('rule.unanimity-suffix'), '') });
  const key = `rule.named.${r.id}`;
  return t.has(key) ? t(key as Parameters<typeof t>[0]) : r.label;
}

const TAGS = ['em', 'strong', 'code', 'sup', 'b'] as const;

/**
 * A message rendered as HTML: its string arguments escaped, its tags (`<em>…</em>`, `<strong>`,
 * `<code>`, `<sup>`, `<b>`) kept. The catalogues' own text is trusted (test/report/i18n.test.ts
 * checks it holds no other markup).
 */
export function rich<K extends string>(
  t: (
    key: K,
    values?: Readonly<Record<string, string | number | Date | boolean | null | undefined>>,
  ) => string,
  key: K,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const v: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(values)) v[k] = typeof x === 'string' ? esc(x) : x;
  for (const tag of TAGS) v[tag] = (chunks: unknown[]) => `<${tag}>${chunks.join('')}</${tag}>`;
  return t(key, v as Record<string, string>);
}

/** Sentence punctuation of a locale (Chinese uses full-width stops and no space between sentences). */
export function punctuation(locale: Locale | undefined): {
  readonly stop: string;
  readonly gap: string;
  readonly sep: string;
} {
  return locale === 'zh-Hans' ? { stop: '。', gap: '', sep: '；' } : { stop: '.', gap: ' ', sep: '; ' };
}
