/**
 * The forecast's one-line explanation in the CLI's language (bargaining/forecast.ts's `explain`):
 * English as `forecast --json` says it; in Russian and Chinese the states the scenario names by
 * their ISO3 code are called by their names in the language (data/generated/country-names.json).
 */
import { type ActorNamer, explain, type IssueForecast } from '../bargaining/forecast.js';
import { countryName } from '../data/load.js';
import type { Locale } from '../i18n/locale.js';
import type { ResolvedScenario } from '../scenario/types.js';

/** States by their name in the locale; other actors (a delegation, a party) as the file names them. */
export function cliActorNamer(locale: Locale): ActorNamer {
  return (a) => {
    if (locale === 'en' || !/^[A-Z]{3}$/.test(a.id)) return a.name;
    const own = countryName(a.id, locale);
    return own === a.id ? a.name : own;
  };
}

export function explainIn(s: ResolvedScenario, f: IssueForecast, locale: Locale): string {
  return explain(s, f, locale, cliActorNamer(locale));
}
