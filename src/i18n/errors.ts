/**
 * ConcordError in the user's language: an error thrown with a message `key` (and `values`) is
 * worded from the `errors` catalogue; a schema error (E_VALIDATION with `issues`) has each issue
 * worded by zod's own Russian and Chinese messages (zod's `locales`), except issues whose message
 * the schema wrote itself (those stay English); an error without a key keeps its English text.
 * The code and the path never change. English always returns the thrown text.
 */
import { type ConcordError, type ErrorValue, isConcordError, type ValidationIssue } from '../errors.js';
import type { Locale } from './locale.js';
import { errors } from './messages/errors/index.js';
import { type MessageValues, translator } from './translate.js';

export interface LocalizedError {
  readonly code: ConcordError['code'];
  readonly message: string;
  readonly hint?: string;
  readonly path?: string;
}

type ZodLocale = { localeError: (issue: never) => string | { message: string } | undefined | null };
/** zod's locale bundles, loaded on first use (they are only needed when an error is printed). */
const zodLocales = new Map<Locale, ZodLocale>();

async function zodLocale(locale: Locale): Promise<ZodLocale> {
  let l = zodLocales.get(locale);
  if (!l) {
    const mod =
      locale === 'ru'
        ? await import('zod/v4/locales/ru.js')
        : locale === 'zh-Hans'
          ? await import('zod/v4/locales/zh-CN.js')
          : await import('zod/v4/locales/en.js');
    l = (mod.default as () => ZodLocale)();
    zodLocales.set(locale, l);
  }
  return l;
}

function text(v: string | { message: string } | undefined | null): string | undefined {
  return typeof v === 'string' ? v : (v?.message ?? undefined);
}

function valueIn(v: ErrorValue, locale: Locale): string | number {
  return typeof v === 'object' ? (v[locale] ?? v.en) : v;
}

/**
 * Loads what localizeError needs for a locale (zod's messages): call once before localizing
 * errors synchronously (the CLI does on an error, the server at start).
 */
export async function prepareErrorLocale(locale: Locale): Promise<void> {
  if (locale === 'en') return;
  await zodLocale('en');
  await zodLocale(locale);
}

/** The `issue.` keys of the errors catalogue by their English text: the schemas' own messages. */
let ownMessages: Map<string, string> | undefined;

function issueText(issue: ValidationIssue, locale: Locale): string {
  ownMessages ??= new Map(
    Object.entries(errors.catalogues.en)
      .filter(([k]) => k.startsWith('issue.'))
      .map(([k, v]) => [v, k]),
  );
  const own = ownMessages.get(issue.message);
  if (own) return translator(errors, locale)(own as never);
  const en = zodLocales.get('en');
  const loc = zodLocales.get(locale);
  if (!en || !loc) return issue.message;
  // Any other message the schema wrote itself (not zod's default) is kept as written, in English.
  if (text(en.localeError(issue as never)) !== issue.message) return issue.message;
  return text(loc.localeError(issue as never)) ?? issue.message;
}

/**
 * The message and hint of a keyed error formatted from the catalogue of a locale (English too:
 * the tests compare it with the thrown text), or undefined when the error has no key in it. A
 * ConcordError given as `cause` of a keyed error is the `{cause}` argument, itself in the locale,
 * and its hint stands in when the key has no `hint.<key>`: a wrapper that only adds where the
 * error happened (`{file}: {cause}`) keeps the inner message's translation.
 */
export function formatKeyedError(
  e: ConcordError,
  locale: Locale,
): { message: string; hint?: string } | undefined {
  if (!e.key) return undefined;
  const t = translator(errors, locale);
  if (!t.has(e.key)) return undefined;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.values ?? {})) values[k] = valueIn(v, locale);
  if (e.issues) {
    const [colon, sep] = locale === 'zh-Hans' ? ['：', '；'] : [': ', '; '];
    values.issues = e.issues.map((i) => `${i.path}${colon}${issueText(i, locale)}`).join(sep);
  }
  const cause = isConcordError(e.cause) ? e.cause : undefined;
  const inner = cause ? localizeError(cause, locale) : undefined;
  if (inner && values.cause === undefined) values.cause = inner.message;
  const message = t(e.key as never, values as MessageValues);
  const hintKey = `hint.${e.key}`;
  const hint = t.has(hintKey)
    ? t(hintKey as never, values as MessageValues)
    : locale === 'en'
      ? e.hint
      : (inner?.hint ?? e.hint);
  return { message, ...(hint ? { hint } : {}) };
}

/** The error's code, message, hint and path in a locale (see the module comment for what is translated). */
export function localizeError(e: ConcordError, locale: Locale): LocalizedError {
  const english: LocalizedError = {
    code: e.code,
    message: e.message,
    ...(e.hint ? { hint: e.hint } : {}),
    ...(e.path ? { path: e.path } : {}),
  };
  if (locale === 'en') return english;
  const keyed = formatKeyedError(e, locale);
  if (!keyed) return english;
  return { code: e.code, ...keyed, ...(e.path ? { path: e.path } : {}) };
}
