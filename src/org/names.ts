/**
 * An organization's and its organs' names in a locale, as the organization writes them
 * (`localized` in the organization file, with its source); English, or a locale the file does not
 * give, falls back to the file's `name` and `shortName`.
 */
import type { LocalizedText } from '../errors.js';
import type { Locale } from '../i18n/locale.js';
import type { Organization } from './schema.js';

type Organ = Organization['organs'][number];

/** The organization's full name in a locale: «Шанхайская организация сотрудничества», 上海合作组织. */
export function organizationName(org: Pick<Organization, 'name' | 'localized'>, locale: Locale): string {
  if (locale === 'en') return org.name;
  return org.localized?.[locale]?.name ?? org.name;
}

/** The organization's short name in a locale: ШОС, 上合组织 (the full local name when it gives no short one). */
export function organizationShortName(
  org: Pick<Organization, 'name' | 'shortName' | 'localized'>,
  locale: Locale,
): string {
  if (locale === 'en') return org.shortName;
  const own = org.localized?.[locale];
  return own?.shortName ?? own?.name ?? org.shortName;
}

/** An organ's name in a locale: «Совет глав государств-членов», 成员国元首理事会. */
export function organName(organ: Pick<Organ, 'name' | 'localized'>, locale: Locale): string {
  if (locale === 'en') return organ.name;
  return organ.localized?.[locale] ?? organ.name;
}

/** The organization's full name in every language it gives (for messages translated later, e.g. errors). */
export function localizedName(org: Pick<Organization, 'name' | 'localized'>): LocalizedText {
  return { en: org.name, ru: organizationName(org, 'ru'), 'zh-Hans': organizationName(org, 'zh-Hans') };
}

/** The organization's short name in every language it gives. */
export function localizedShortName(
  org: Pick<Organization, 'name' | 'shortName' | 'localized'>,
): LocalizedText {
  return {
    en: org.shortName,
    ru: organizationShortName(org, 'ru'),
    'zh-Hans': organizationShortName(org, 'zh-Hans'),
  };
}
