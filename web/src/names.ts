/**
 * Country names in the lab's language: the API gives English names; Russian and Chinese come from
 * data/generated/country-names.json (src/data/names.ts, 15 kB, bundled), checked for every SCO state
 * against official usage. English keeps the API's names, so the English lab reads as it always has.
 */
import { useCallback } from 'react';
import names from '../../data/generated/country-names.json' with { type: 'json' };
import { countryNameIn } from '../../src/data/names.js';
import type { CountryNamesFile } from '../../src/data/types.js';
import { useLocale } from './i18n.js';

const FILE = names as unknown as CountryNamesFile;

/** `(iso3, english) => name`: the country's name in the lab's language, or the English one given. */
export function useCountryName(): (iso3: string | null | undefined, english: string) => string {
  const { locale } = useLocale();
  return useCallback(
    (iso3, english) => (locale === 'en' || !iso3 ? english : (countryNameIn(FILE, iso3, locale) ?? english)),
    [locale],
  );
}
