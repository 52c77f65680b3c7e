/**
 * The lab's language: English, Russian or Chinese, chosen with the switch in the header, carried by
 * `?lang=` in a shared address, and remembered in this browser (localStorage). Pages translate with
 * `useT(namespace)` over the same ICU catalogues as the report and the CLI (src/i18n), and format
 * numbers and dates with `useFormat()`. The API is asked for errors in the same language.
 */
import {
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { type Formatter, formatter } from '../../src/i18n/format.js';
import { DEFAULT_LOCALE, LOCALES, type Locale, matchLocale } from '../../src/i18n/locale.js';
import { common } from '../../src/i18n/messages/common/index.js';
import { type Namespace, type Translate, translator } from '../../src/i18n/translate.js';

const KEY = 'concord.lang';

/** The language to start in: `?lang=` in the address, then the remembered choice, then the browser's. */
export function initialLocale(): Locale {
  const fromUrl = matchLocale(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) {
    remember(fromUrl);
    return fromUrl;
  }
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(KEY);
  } catch {
    // storage refused (private mode): not remembered
  }
  return matchLocale(stored) ?? matchLocale(navigator.language) ?? DEFAULT_LOCALE;
}

function remember(l: Locale): void {
  try {
    window.localStorage.setItem(KEY, l);
  } catch {
    // not remembered; the switch still works for this page
  }
}

let current: Locale = DEFAULT_LOCALE;
/** The lab's language outside React (the API client's Accept-Language). */
export const currentLocale = (): Locale => current;

interface LangState {
  locale: Locale;
  setLocale: (l: Locale) => void;
}

const Ctx = createContext<LangState>({ locale: DEFAULT_LOCALE, setLocale: () => {} });

export function LangProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, set] = useState<Locale>(() => initial ?? initialLocale());
  current = locale;
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    remember(l);
    const url = new URL(window.location.href);
    if (url.searchParams.has('lang')) {
      url.searchParams.set('lang', l);
      history.replaceState(history.state, '', url);
    }
    set(l);
  }, []);
  return <Ctx.Provider value={{ locale, setLocale }}>{children}</Ctx.Provider>;
}

export function useLocale(): LangState {
  return useContext(Ctx);
}

/** A translator for one namespace in the lab's current language. */
export function useT<K extends string>(ns: Namespace<K>): Translate<K> {
  const { locale } = useLocale();
  return useMemo(() => translator(ns, locale), [ns, locale]);
}

/** Numbers, percentages, dates and lists in the lab's current language. */
export function useFormat(): Formatter {
  const { locale } = useLocale();
  return useMemo(() => formatter(locale), [locale]);
}

/** The language switch: each language named in its own tongue. */
export function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const t = useT(common);
  return (
    <label className="lang-switch">
      <span className="sr-only">{t('language.label')}</span>
      <select
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
        aria-label={t('language.label')}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A translated sentence with elements inside (code, links, strong): format the message with each
 * element's value given as `\u0000name\u0000`, then `rich(text, { name: <code>…</code> })` puts the
 * elements in place. The translator decides where in the sentence each element goes.
 */
export function rich(text: string, elements: Readonly<Record<string, ReactNode>>): ReactNode[] {
  // The pieces of one sentence never reorder, so their position is a stable key.
  const pieces = text.split('\u0000').map((part, i) => ({ part, element: i % 2 === 1, key: `${i}:${part}` }));
  return pieces.map((p) =>
    p.element ? <Fragment key={p.key}>{elements[p.part] ?? p.part}</Fragment> : p.part,
  );
}
