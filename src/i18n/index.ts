/** Concord's languages: locales, translators over ICU MessageFormat catalogues, and Intl formatting. */

export { type Formatter, formatter } from './format.js';
export {
  DEFAULT_LOCALE,
  LOCALES,
  type Locale,
  localeFromEnv,
  matchLocale,
  negotiateLocale,
  parseLocale,
} from './locale.js';
export {
  declaredNamespaces,
  defineNamespace,
  intlTag,
  type Messages,
  type MessageValues,
  type Namespace,
  type Translate,
  translator,
} from './translate.js';
