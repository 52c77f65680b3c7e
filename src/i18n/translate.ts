/**
 * Messages as data: each namespace (report, cli, lab, rooms, …) is one JSON catalogue per locale
 * (./messages/<namespace>/<locale>.json) of ICU MessageFormat strings (FormatJS's
 * intl-messageformat formats them, so plurals, selects and numbers follow the locale's CLDR rules,
 * never string concatenation). `translator(ns, locale)` gives a typed `t(key, values)`.
 *
 * A key missing from a non-English catalogue falls back to English (test/i18n/catalogues.test.ts
 * lists every missing, extra and unused key, and every message whose arguments differ from
 * English's, so a shipped catalogue has none).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.js';

export type Messages = Readonly<Record<string, string>>;
export type MessageValues = Readonly<Record<string, string | number | Date | boolean | null | undefined>>;

export interface Namespace<K extends string = string> {
  readonly name: string;
  readonly catalogues: Readonly<Record<Locale, Messages>>;
  /**
   * Key prefixes used with a computed suffix (`t(\`model.${name}\`)`): the unused-key check counts
   * every key under them as used.
   */
  readonly dynamic: readonly string[];
  /** Only for typing `t`'s keys. */
  readonly __keys?: K;
}

const namespaces = new Map<string, Namespace>();

/** Declares a namespace from its three catalogues (English gives the keys' type). */
export function defineNamespace<E extends Messages>(
  name: string,
  catalogues: { readonly en: E; readonly ru: Messages; readonly 'zh-Hans': Messages },
  options: { readonly dynamic?: readonly string[] } = {},
): Namespace<keyof E & string> {
  const ns: Namespace<keyof E & string> = { name, catalogues, dynamic: options.dynamic ?? [] };
  namespaces.set(name, ns as Namespace);
  return ns;
}

/** Every namespace declared so far (for the catalogue tests). */
export function declaredNamespaces(): readonly Namespace[] {
  return [...namespaces.values()];
}

/** The BCP 47 tag handed to Intl for a locale. English keeps the US conventions Concord has always printed. */
export function intlTag(locale: Locale): string {
  return locale === 'en' ? 'en-US' : locale === 'ru' ? 'ru-RU' : 'zh-Hans-CN';
}

export interface Translate<K extends string> {
  (key: K, values?: MessageValues): string;
  readonly locale: Locale;
  /** True when the key exists (for computed keys that may be absent). */
  has(key: string): boolean;
  /** A computed key that may be absent (a status or verdict from data): its message, or `fallback`. */
  or(key: string, fallback: string, values?: MessageValues): string;
}

const compiled = new Map<string, IntlMessageFormat>();

function compile(ns: Namespace, locale: Locale, key: string): IntlMessageFormat | undefined {
  const id = `${ns.name}\u0000${locale}\u0000${key}`;
  let f = compiled.get(id);
  if (f) return f;
  const own = ns.catalogues[locale][key];
  const text = own ?? ns.catalogues[DEFAULT_LOCALE][key];
  if (text === undefined) return undefined;
  f = new IntlMessageFormat(text, intlTag(own === undefined ? DEFAULT_LOCALE : locale));
  compiled.set(id, f);
  return f;
}

/** A translation function for one namespace and locale. An unknown key prints as `ns:key`. */
export function translator<K extends string>(ns: Namespace<K>, locale: Locale): Translate<K> {
  const t = ((key: K, values?: MessageValues) => {
    const f = compile(ns as Namespace, locale, key);
    if (!f) return `${ns.name}:${key}`;
    const out = f.format(values as Record<string, string | number | Date | boolean>);
    return Array.isArray(out) ? out.join('') : String(out);
  }) as Translate<K>;
  Object.defineProperty(t, 'locale', { value: locale });
  t.has = (key: string) => ns.catalogues[locale][key] !== undefined || ns.catalogues.en[key] !== undefined;
  t.or = (key: string, fallback: string, values?: MessageValues) =>
    t.has(key) ? t(key as K, values) : fallback;
  return t;
}

export { LOCALES };
