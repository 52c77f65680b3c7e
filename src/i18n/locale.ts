/**
 * The languages Concord speaks: English, and the SCO's two official languages, Russian and Chinese
 * (Simplified, as the SCO Secretariat writes it). A locale is chosen once, at the edge (the CLI's
 * `--lang` or `CONCORD_LANG`, the API's `Accept-Language`, the lab's switch), and passed down as a
 * value; the library's JSON output never depends on it.
 */
import { ConcordError } from '../errors.js';

export const LOCALES = ['en', 'ru', 'zh-Hans'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Tags accepted for each locale, lower-cased (BCP 47 is case-insensitive). */
const ALIASES: Readonly<Record<string, Locale>> = {
  en: 'en',
  'en-us': 'en',
  'en-gb': 'en',
  ru: 'ru',
  'ru-ru': 'ru',
  'ru-kz': 'ru',
  'ru-kg': 'ru',
  zh: 'zh-Hans',
  'zh-hans': 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  'zh-hans-cn': 'zh-Hans',
};

/** The locale a tag names, or undefined. Accepts `ru`, `ru-RU`, `zh`, `zh-CN`, `zh-Hans`, `en-US`, … */
export function matchLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase().replace(/_/g, '-');
  if (ALIASES[t]) return ALIASES[t];
  const primary = t.split('-')[0]!;
  if (primary === 'zh') return t.includes('hant') || /-(tw|hk|mo)\b/.test(t) ? undefined : 'zh-Hans';
  return ALIASES[primary];
}

/** The locale a user asked for by name (`--lang`, `CONCORD_LANG`, `?lang=`); an unknown one is an error. */
export function parseLocale(tag: string, field = '--lang'): Locale {
  const l = matchLocale(tag);
  if (!l) {
    throw new ConcordError('E_USAGE', `unknown language "${tag}" in ${field}`, {
      path: field,
      hint: `Use one of: ${LOCALES.join(', ')} (also ru-RU, zh, zh-CN, en-US).`,
      key: 'unknownLanguage',
      values: { tag, field, list: LOCALES.join(', ') },
    });
  }
  return l;
}

/**
 * The best locale for an HTTP `Accept-Language` header (RFC 9110 §12.5.4: tags with q-values),
 * falling back to English. Never throws: a header is a preference, not a command.
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const prefs = header
    .slice(0, 1000)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const qv = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(qv) ? qv : 0, i };
    })
    .filter((p) => p.tag && p.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const p of prefs) {
    const l = matchLocale(p.tag);
    if (l) return l;
  }
  return DEFAULT_LOCALE;
}

/** The locale from the environment (`CONCORD_LANG`), validated; English when unset. */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const v = env.CONCORD_LANG;
  return v ? parseLocale(v, 'CONCORD_LANG') : DEFAULT_LOCALE;
}
