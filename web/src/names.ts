/**
 * Country names in the lab's language: the API gives English names; Russian and Chinese come from
 * data/generated/country-names.json (src/data/names.ts, 15 kB, bundled), checked for every SCO state
 * against official usage. English keeps the API's names, so the English lab reads as it always has.
 * Organizations' names come from their files' `localized` names (/api/orgs).
 */
import { useCallback, useEffect, useState } from 'react';
import names from '../../data/generated/country-names.json' with { type: 'json' };
import { countryNameIn } from '../../src/data/names.js';
import type { CountryNamesFile } from '../../src/data/types.js';
import { organizationName, organizationShortName } from '../../src/org/names.js';
import { api } from './api.js';
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

/** An organization as /api/orgs lists it: its names, and its own names in Russian and Chinese. */
export interface OrgNames {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly localized?: {
    readonly ru?: { readonly name: string; readonly shortName?: string | undefined } | undefined;
    readonly 'zh-Hans'?: { readonly name: string; readonly shortName?: string | undefined } | undefined;
  } | null;
}

let listed: Promise<Map<string, OrgNames>> | null = null;

/** /api/orgs once per page load: the organizations' own names by id. */
function orgList(): Promise<Map<string, OrgNames>> {
  listed ??= api<{ organizations: OrgNames[] }>('/api/orgs')
    .then((r) => new Map(r.organizations.map((o) => [o.id, o])))
    .catch(() => {
      listed = null;
      return new Map<string, OrgNames>();
    });
  return listed;
}

/**
 * `(org) => { name, shortName }` in the lab's language: the organization's own names (its file's
 * `localized`, through /api/orgs and src/org/names.ts), English for English or a language the file
 * does not give. `org` may be an object with the names (an API's `organization`) or only an id.
 */
export function useOrgName(): (org: { id: string; name?: string; shortName?: string }) => {
  name: string;
  shortName: string;
} {
  const { locale } = useLocale();
  const [orgs, setOrgs] = useState<Map<string, OrgNames> | null>(null);
  useEffect(() => {
    let live = true;
    void orgList().then((m) => live && setOrgs(m));
    return () => {
      live = false;
    };
  }, []);
  return useCallback(
    (org) => {
      const known = orgs?.get(org.id);
      const base = {
        name: org.name ?? known?.name ?? org.id.toUpperCase(),
        shortName: org.shortName ?? known?.shortName ?? org.id.toUpperCase(),
        localized: (org as OrgNames).localized ?? known?.localized ?? undefined,
      };
      // The file's `source` is not needed to pick a name (the API leaves it out).
      const own = {
        name: base.name,
        shortName: base.shortName,
        localized: base.localized ? { source: '', ...base.localized } : undefined,
      };
      return { name: organizationName(own, locale), shortName: organizationShortName(own, locale) };
    },
    [orgs, locale],
  );
}
