/**
 * Numbers, percentages, dates and lists for a locale, through Intl (one cached formatter per
 * locale and option set). Russian groups digits with a narrow space and writes a decimal comma;
 * Chinese writes dates as 2024年7月4日. Use these for everything printed or rendered.
 */
import { big as bigEn } from '../util/format.js';
import type { Locale } from './locale.js';
import { intlTag } from './translate.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

export interface Formatter {
  readonly locale: Locale;
  /** A number with at most `digits` decimals (default 2), grouped. */
  number(x: number, digits?: number): string;
  /** A number with exactly `digits` decimals. */
  fixed(x: number, digits: number): string;
  /** A share 0–1 as a percentage with `digits` decimals (default 1). */
  percent(x: number, digits?: number): string;
  /** An ISO date (YYYY-MM-DD or YYYY) in the locale's long or short style. */
  date(iso: string, style?: 'long' | 'short'): string;
  /**
   * A large quantity in words: "1.234 billion", "1,23 млрд", "12.34亿" (Chinese counts in 万 and 亿).
   * English keeps Concord's long-standing form (src/util/format.ts's `big`).
   */
  big(x: number | null | undefined): string;
  /** A conjunction list: "A, B and C", "A, B и C", "A、B和C". */
  list(items: readonly string[]): string;
}

const NAN = '—';

export function formatter(locale: Locale): Formatter {
  const tag = intlTag(locale);
  const num = (min: number, max: number) =>
    cached(
      `${tag}|n|${min}|${max}`,
      () => new Intl.NumberFormat(tag, { minimumFractionDigits: min, maximumFractionDigits: max }),
    );
  return {
    locale,
    number: (x, digits = 2) => (Number.isFinite(x) ? num(0, digits).format(x) : NAN),
    fixed: (x, digits) => (Number.isFinite(x) ? num(digits, digits).format(x) : NAN),
    percent: (x, digits = 1) =>
      Number.isFinite(x)
        ? cached(
            `${tag}|p|${digits}`,
            () =>
              new Intl.NumberFormat(tag, {
                style: 'percent',
                minimumFractionDigits: digits,
                maximumFractionDigits: digits,
              }),
          ).format(x)
        : NAN,
    date: (iso, style = 'long') => {
      if (/^\d{4}$/.test(iso)) return iso;
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      if (Number.isNaN(d.getTime())) return iso;
      return cached(
        `${tag}|d|${style}`,
        () =>
          new Intl.DateTimeFormat(
            tag,
            style === 'long'
              ? { dateStyle: 'long', timeZone: 'UTC' }
              : { dateStyle: 'short', timeZone: 'UTC' },
          ),
      ).format(d);
    },
    big: (x) => {
      if (x == null || !Number.isFinite(x)) return NAN;
      if (locale === 'en') return bigEn(x);
      return cached(
        `${tag}|big`,
        () =>
          new Intl.NumberFormat(tag, {
            notation: 'compact',
            compactDisplay: 'short',
            maximumSignificantDigits: 4,
          }),
      ).format(x);
    },
    list: (items) =>
      cached(`${tag}|l`, () => new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' })).format(
        items,
      ),
  };
}
