/**
 * The sweep's sentences in a locale. The engine and the backtest's sweep write them in English, the
 * text their JSON carries (`sweep.adapterLabel`, `sweep.uncertainty`, a Sobol result's `warnings`,
 * a backtest's `sweep.uncertainty`); these functions word them in Russian or Chinese from the
 * `sweep-notes` catalogue, with numbers in the locale's formats. A sentence they do not know is
 * null (show the English). Nothing here loads the engine.
 */
import { formatter } from '../i18n/format.js';
import type { Locale } from '../i18n/locale.js';
import { sweepNotes } from '../i18n/messages/sweep-notes/index.js';
import { type Namespace, translator } from '../i18n/translate.js';

type Key = typeof sweepNotes extends Namespace<infer K> ? K : never;

/** An adapter's label (`SweepDescription.adapterLabel`) in the locale: the catalogue's, else as given. */
export function adapterLabelIn(adapter: string, label: string, locale: Locale): string {
  if (locale === 'en') return label;
  const t = translator(sweepNotes, locale);
  const key = `adapter.${adapter}`;
  return t.has(key) ? t(key as Key) : label;
}

const DEFAULT_RE =
  /positions ~ normal\(coded, (\S+) × scale width\), saliences ~ normal\(coded, (\S+)\), both truncated to their ranges; capabilities × lognormal\(0, (\S+)\)$/;

/**
 * The uncertainty a sweep used (`SweepDescription.uncertainty`) or a backtest's sweep used
 * (`BacktestResult.sweep.uncertainty`) in the locale; null for a text it does not know.
 */
export function sweepUncertaintyIn(text: string, locale: Locale): string | null {
  if (locale === 'en') return text;
  const t = translator(sweepNotes, locale);
  const f = formatter(locale);
  const n = (x: string) => (Number.isFinite(Number(x)) ? f.number(Number(x), 6) : x);
  if (text === 'the uncertainty block of each file that has one') return t('backtest.files');
  const m = DEFAULT_RE.exec(text);
  if (!m) return null;
  const prefix = text.slice(0, m.index);
  const d = t('default', { position: n(m[1]!), salience: n(m[2]!), sigma: n(m[3]!) });
  if (prefix === 'default (the file has no uncertainty block): ')
    return t('uncertainty.default', { text: d });
  if (prefix === 'the default uncertainty: ') return t('backtest.default', { text: d });
  if (prefix === 'the uncertainty block of each file that has one; for the others, the default uncertainty: ')
    return t('backtest.mixed', { text: d });
  return null;
}

const WARNINGS: ReadonlyArray<readonly [RegExp, Key]> = [
  [
    /^(.+): the first-order index \((\S+)\) exceeds the total \((\S+)\) beyond their 95% bootstrap interval: the estimates are not to be trusted \(more runs, or a model whose outcome jumps\)$/,
    'warning.untrusted',
  ],
  [
    /^(.+): the first-order index \((\S+)\) is above the total \((\S+)\), within sampling error \(difference (\S+) to (\S+)\)$/,
    'warning.sampling',
  ],
  [
    /^(.+): the first-order index \((\S+)\) is above the total \((\S+)\), within sampling error \(too few batches for an interval\)$/,
    'warning.sampling-no-interval',
  ],
];

/** A Sobol warning (`SensitivityResult.warnings`) in the locale; null for one it does not know. */
export function sobolWarningIn(warning: string, locale: Locale): string | null {
  if (locale === 'en') return warning;
  const f = formatter(locale);
  const n = (x: string | undefined) =>
    x !== undefined && Number.isFinite(Number(x)) ? f.fixed(Number(x), 3) : (x ?? '');
  for (const [re, key] of WARNINGS) {
    const m = re.exec(warning);
    if (m)
      return translator(sweepNotes, locale)(key, {
        factor: m[1]!,
        first: n(m[2]),
        total: n(m[3]),
        lo: n(m[4]),
        hi: n(m[5]),
      });
  }
  return null;
}
