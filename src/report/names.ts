/**
 * Names in the report's language, Node side (they read data/generated/country-names.json): a
 * state's name through `countryName`, an organization's through its file's `localized` names.
 * Kept apart from ./i18n.ts so that the charts, which the browser bundle ships, import no Node
 * module.
 */
import type { ActorNamer } from '../bargaining/forecast.js';
import { countryName } from '../data/load.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.js';
import { organizationName, organizationShortName } from '../org/names.js';
import type { Organization } from '../org/schema.js';

/**
 * A state's name in the locale: the dataset's name in English (as the report always printed it),
 * `countryName(iso3, locale)` (data/generated/country-names.json, checked against official usage)
 * in Russian and Chinese. Every place of the report that prints a state's name goes through here.
 */
export function stateName(
  countries: ReadonlyMap<string, { readonly name: string }>,
  iso3: string,
  locale: Locale | undefined,
): string {
  if (!locale || locale === 'en') return countries.get(iso3)?.name ?? iso3;
  const own = countryName(iso3, locale);
  return own === iso3 ? (countries.get(iso3)?.name ?? iso3) : own;
}

/** An organization's full and short name in the locale, as the organization file records them. */
export function orgNames(
  org: Pick<Organization, 'name' | 'shortName' | 'localized'>,
  locale: Locale | undefined,
): { readonly name: string; readonly shortName: string } {
  const l = locale ?? DEFAULT_LOCALE;
  return { name: organizationName(org, l), shortName: organizationShortName(org, l) };
}

/**
 * How the forecast explanations name a scenario's actors in the locale: a state whose name the
 * scenario took from the data by its country name (`stateName`); a name the scenario file writes
 * itself (a delegation, a party) as written.
 */
export function actorNamer(
  countries: ReadonlyMap<string, { readonly name: string }>,
  locale: Locale | undefined,
): ActorNamer {
  return (a) => (countries.get(a.id)?.name === a.name ? stateName(countries, a.id, locale) : a.name);
}
