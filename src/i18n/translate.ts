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

/** A compiled message: formats its values (throws, as intl-messageformat does, on a missing one). */
type Compiled = (values: MessageValues | undefined) => unknown;

/**
 * A plain message: literal text, `{name}` arguments, and plurals with an `other` branch only and no
 * `#` (`{count, plural, other {{n} players}}`, English's form where Russian needs several branches);
 * no select, number or date format, no tag and no apostrophe that quotes ICU syntax. Most catalogue
 * messages are; they are formatted by substitution (`plainMessage`), and only the others are
 * compiled by intl-messageformat, whose constructor starts ICU (about 9 ms at start-up of `concord
 * org` or `concord power`).
 */
const LIT = String.raw`[^{}'<>]|'(?![{}'<>#|])`;
const ARG = String.raw`\{[A-Za-z_]\w*\}`;
const OTHER = String.raw`\{\s*[A-Za-z_]\w*\s*,\s*plural\s*,\s*other\s*\{(?:[^{}'<>#]|'(?![{}'<>#|])|${ARG})*\}\s*\}`;
const PLAIN = new RegExp(`^(?:${LIT}|${ARG}|${OTHER})*$`);
/** Splits a plain message: literal, argument, plural's argument, plural's branch, literal, … */
const PIECES = new RegExp(
  String.raw`\{([A-Za-z_]\w*)\}|\{\s*([A-Za-z_]\w*)\s*,\s*plural\s*,\s*other\s*\{((?:[^{}'<>#]|'(?![{}'<>#|])|${ARG})*)\}\s*\}`,
  'g',
);
const BRANCH_ARG = /\{([A-Za-z_]\w*)\}/g;

type Values = MessageValues | undefined;

function argument(values: Values, name: string, text: string): string {
  if (!(values && name in values))
    throw new Error(`The intl string context variable "${name}" was not provided to the string "${text}"`);
  const v = values[name];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' || v ? String(v) : '';
}

/** Literal, name, literal, name, …, literal. */
function substitute(parts: readonly string[], values: Values, text: string): string {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += argument(values, parts[i]!, text) + parts[i + 1]!;
  return out;
}

/**
 * Formats a plain message exactly as intl-messageformat does: a string as given, a number, bigint or
 * other value as `String(value)`, null, undefined and false as empty; a missing value throws, and so
 * does a plural's bigint count. test/i18n/translate.test.ts compares both on every message of every
 * catalogue.
 */
export function plainMessage(text: string): ((values: Values) => string) | undefined {
  if (!PLAIN.test(text)) return undefined;
  const raw = text.split(PIECES); // literal, arg, plural arg, plural branch, literal, …
  if (raw.length === 1) return () => text;
  const pieces: Array<string | { readonly count: string; readonly branch: readonly string[] }> = [];
  for (let i = 0; i < raw.length; i += 4) {
    pieces.push(raw[i]!);
    if (i + 1 >= raw.length) break;
    pieces.push(
      raw[i + 1] !== undefined ? raw[i + 1]! : { count: raw[i + 2]!, branch: raw[i + 3]!.split(BRANCH_ARG) },
    );
  }
  return (values) => {
    let out = pieces[0] as string;
    for (let i = 1; i < pieces.length; i += 2) {
      const p = pieces[i]!;
      if (typeof p === 'string') out += argument(values, p, text);
      else {
        if (!(values && p.count in values))
          throw new Error(
            `The intl string context variable "${p.count}" was not provided to the string "${text}"`,
          );
        if (typeof values[p.count] === 'bigint') throw new TypeError('Cannot mix BigInt and other types');
        out += substitute(p.branch, values, text);
      }
      out += pieces[i + 1] as string;
    }
    return out;
  };
}

function intlMessage(text: string, tag: string): Compiled {
  const f = new IntlMessageFormat(text, tag);
  return (values) => f.format(values as Record<string, string | number | Date | boolean>);
}

const compiled = new Map<string, Compiled>();

function compile(ns: Namespace, locale: Locale, key: string): Compiled | undefined {
  const id = `${ns.name}\u0000${locale}\u0000${key}`;
  let f = compiled.get(id);
  if (f) return f;
  const own = ns.catalogues[locale][key];
  const text = own ?? ns.catalogues[DEFAULT_LOCALE][key];
  if (text === undefined) return undefined;
  f = plainMessage(text) ?? intlMessage(text, intlTag(own === undefined ? DEFAULT_LOCALE : locale));
  compiled.set(id, f);
  return f;
}

/** A translation function for one namespace and locale. An unknown key prints as `ns:key`. */
export function translator<K extends string>(ns: Namespace<K>, locale: Locale): Translate<K> {
  const t = ((key: K, values?: MessageValues) => {
    const f = compile(ns as Namespace, locale, key);
    if (!f) return `${ns.name}:${key}`;
    try {
      const out = f(values);
      return Array.isArray(out) ? out.join('') : String(out);
    } catch (e) {
      // A value the message needs was not given: a bug, but never one that takes a page or a report
      // down. Say so where tests look (console.error), and show the message unformatted.
      console.error(`i18n ${ns.name}:${key} (${locale}): ${(e as Error).message}`);
      return ns.catalogues[locale][key] ?? ns.catalogues[DEFAULT_LOCALE][key] ?? `${ns.name}:${key}`;
    }
  }) as Translate<K>;
  Object.defineProperty(t, 'locale', { value: locale });
  t.has = (key: string) => ns.catalogues[locale][key] !== undefined || ns.catalogues.en[key] !== undefined;
  t.or = (key: string, fallback: string, values?: MessageValues) =>
    t.has(key) ? t(key as K, values) : fallback;
  return t;
}

export { LOCALES };
