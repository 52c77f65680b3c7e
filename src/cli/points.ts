/**
 * Points, intervals and sets of a forecast in the user's language. English keeps what Concord has
 * always printed (`fmtPoint`: "80.8", "(20, 35.5)", "[0, 100] ∪ {50}"); Russian writes the decimal
 * comma and separates the coordinates with a semicolon («80,8», «(20; 35,5)», «[0; 100]»), Chinese
 * Intl's digits («80.8», «(20, 35.5)»).
 */
import { fmtIntervals, fmtPoint } from '../bargaining/forecast.js';
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import type { Interval } from '../spatial/line.js';

export interface PointText {
  /** A point (a number or a vector) with at most `digits` decimals; '–' for none. */
  point(v: ArrayLike<number> | number | null | undefined, digits?: number): string;
  /** A closed range [lo, hi]. */
  range(lo: ArrayLike<number> | number, hi: ArrayLike<number> | number, digits?: number): string;
  /** A union of intervals ("∅" when empty). */
  intervals(set: readonly Interval[] | null): string;
  /** A number as given (a scale's end): `String(x)` in English. */
  num(x: number): string;
  /** Between the coordinates of a point or the ends of a range: ", " (Russian "; "). */
  readonly sep: string;
}

export function pointText(locale: Locale): PointText {
  if (locale === 'en')
    return {
      point: fmtPoint,
      range: (lo, hi, d) => `[${fmtPoint(lo, d)}, ${fmtPoint(hi, d)}]`,
      intervals: fmtIntervals,
      num: (x) => String(x),
      sep: ', ',
    };
  const f = formatter(locale);
  const sep = locale === 'ru' ? '; ' : ', ';
  const one = (x: number, d: number) => f.number(Math.abs(x) < 0.5 * 10 ** -d ? 0 : x, d);
  const point = (v: ArrayLike<number> | number | null | undefined, d = 1): string => {
    if (v === null || v === undefined) return '–';
    if (typeof v === 'number') return one(v, d);
    if (v.length === 1) return one(v[0]!, d);
    return `(${Array.from(v, (x) => one(x, d)).join(sep)})`;
  };
  return {
    point,
    range: (lo, hi, d) => `[${point(lo, d)}${sep}${point(hi, d)}]`,
    intervals: (set) => {
      if (!set || set.length === 0) return '∅';
      return set
        .map((i) => (i.hi - i.lo < 1e-9 ? `{${point(i.lo)}}` : `[${point(i.lo)}${sep}${point(i.hi)}]`))
        .join(' ∪ ');
    },
    num: (x) => f.number(x, 6),
    sep,
  };
}
