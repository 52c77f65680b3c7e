/**
 * The CLI's words and numbers in the user's language: `cliText(io, namespace)` gives the
 * translator of a command's catalogue and the formatters its human output uses. English keeps
 * the output Concord has always printed (ISO dates, "3.430 billion", "42.1%"); Russian and Chinese
 * go through Intl (`formatter`): 15.06.2001, «3,43 млрд», «42,1 %»; 2001/6/15, 34.3亿, 42.1%.
 * Country names come from data/generated/country-names.json (read only when a name is printed).
 */
import { countryName } from '../data/load.js';
import { type Formatter, formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { intlTag, type Namespace, type Translate, translator } from '../i18n/translate.js';
import { big, pct } from '../util/format.js';
import { type CliIO, localeOf } from './io.js';

/** The keys of a namespace. */
export type NamespaceKeys<N> = N extends Namespace<infer K> ? K : never;

export interface CliText<K extends string> {
  readonly locale: Locale;
  readonly t: Translate<K>;
  readonly fmt: Formatter;
  /** A date of a table or sentence: ISO in English, the locale's short form otherwise. */
  date(iso: string): string;
  /** A large number: "3.430 billion" in English, Intl's compact form otherwise («3,43 млрд», 34.3亿). */
  big(x: number | null | undefined): string;
  /** A share 0–1 as a percentage with one decimal. */
  pct(x: number | null | undefined): string;
  /** A number with exactly `digits` decimals. */
  fixed(x: number, digits: number): string;
  /** A country's short name (the English data name in English). */
  country(iso3: string): string;
}

const compact = new Map<Locale, Intl.NumberFormat>();

export function cliText<K extends string>(io: CliIO, ns: Namespace<K>): CliText<K> {
  const locale = localeOf(io);
  const fmt = formatter(locale);
  const en = locale === 'en';
  return {
    locale,
    t: translator(ns, locale),
    fmt,
    date: (iso) => (en ? iso : fmt.date(iso, 'short')),
    big: (x) => {
      if (en || x == null) return big(x);
      if (Math.abs(x) < 1e6) return fmt.number(x, 0);
      let f = compact.get(locale);
      if (!f) {
        f = new Intl.NumberFormat(intlTag(locale), { notation: 'compact', maximumSignificantDigits: 4 });
        compact.set(locale, f);
      }
      return f.format(x);
    },
    pct: (x) => (en || x == null ? pct(x) : fmt.percent(x, 1)),
    fixed: (x, digits) => (en ? x.toFixed(digits) : fmt.fixed(x, digits)),
    country: (iso3) => countryName(iso3, locale),
  };
}
