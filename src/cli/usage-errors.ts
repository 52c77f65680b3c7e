/**
 * commander's usage errors ("error: unknown option '--x'", "(Did you mean --y?)", "(run with --help
 * for usage)") in the user's language, from the `errors` catalogue's `usage.` keys. A message this
 * does not recognise is printed as commander wrote it, after the translated "error" label.
 */
import type { Locale } from '../i18n/locale.js';
import { errors } from '../i18n/messages/errors/index.js';
import { translator } from '../i18n/translate.js';

const PATTERNS: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
  [/^unknown option (\S+)$/, 'usage.unknownOption', ['option']],
  [/^unknown command (\S+)$/, 'usage.unknownCommand', ['command']],
  [/^missing required argument (\S+)$/, 'usage.missingArgument', ['argument']],
  [/^option (.+) argument missing$/, 'usage.optionArgumentMissing', ['option']],
  [/^too many arguments\b.*$/, 'usage.tooManyArguments', []],
];

/** One chunk commander writes to stderr, in `locale`. */
export function translateUsage(text: string, locale: Locale): string {
  if (locale === 'en') return text;
  const t = translator(errors, locale);
  return text
    .split('\n')
    .map((line) => {
      if (line === '(run with --help for usage)') return t('usage.seeHelp');
      const mean = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(line);
      if (mean) return t('usage.didYouMean', { suggestion: mean[1]! });
      const err = /^error: (.*)$/.exec(line);
      if (!err) return line;
      const body = err[1]!;
      for (const [re, key, names] of PATTERNS) {
        const m = re.exec(body);
        if (m) {
          const values = Object.fromEntries(names.map((n, i) => [n, m[i + 1]!]));
          return t('label.usage', { message: t(key as never, values) });
        }
      }
      return t('label.usage', { message: t('usage.invalidArgument', { detail: body }) });
    })
    .join('\n');
}
