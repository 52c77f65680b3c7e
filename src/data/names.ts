/**
 * Country names in Concord's languages, from data/generated/country-names.json (world-countries'
 * translations, with every SCO state checked against the SCO's and the states' own usage: the
 * overrides and their sources are in data/names/countries.yaml). Browser-safe: the file comes in
 * as an object; src/data/load.ts reads it on first use for Node.
 */
import type { Locale } from '../i18n/locale.js';
import type { CountryNamesFile } from './types.js';

const COLUMN: Readonly<Record<Locale, 0 | 1 | 2>> = { en: 0, ru: 1, 'zh-Hans': 2 };

/** A country's short name in a locale from a names file, or undefined for an unknown code. */
export function countryNameIn(file: CountryNamesFile, iso3: string, locale: Locale): string | undefined {
  return file.names[iso3.toUpperCase()]?.[COLUMN[locale]];
}

/** Every country's short name in a locale, keyed by ISO3. */
export function countryNamesIn(file: CountryNamesFile, locale: Locale): Readonly<Record<string, string>> {
  const i = COLUMN[locale];
  return Object.fromEntries(Object.entries(file.names).map(([k, row]) => [k, row[i]]));
}
