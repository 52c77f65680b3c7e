/**
 * What "Eurasia" means in Concord.
 *
 * Eurasia is the set of UN member states that the UN M49 geoscheme (as carried by the npm package
 * `world-countries`, field `region`) places in Europe or in Asia. Each state counts whole, with its
 * entire area, on the side the geoscheme puts it; there is no splitting of territory. In practice:
 *
 * - Transcontinental states counted whole IN Eurasia: Russia (Europe), Kazakhstan, Turkey,
 *   Azerbaijan, Georgia (Asia), and Cyprus (Europe).
 * - Transcontinental states counted whole OUTSIDE Eurasia: Egypt (Africa; Sinai is not added).
 * - Overseas territories follow their `world-countries` record: France's and Denmark's areas are
 *   the metropolitan areas given there; dependent territories are not UN members and are excluded.
 * - Territories that are not UN member states (Taiwan 36,193 km², Palestine 6,220 km², Kosovo,
 *   Hong Kong, Macao, Åland, the Faroes and other dependencies) are excluded from the total; together
 *   they are under 0.2% of it.
 *
 * With `world-countries` 5.1 this gives 90 states and 55,102,839 km².
 */
export const EURASIA_REGIONS: readonly string[] = ['Europe', 'Asia'];

/** Transcontinental states, and the side of the line on which each is counted whole. */
export const TRANSCONTINENTAL: ReadonlyArray<{
  iso3: string;
  countedIn: 'Eurasia' | 'outside';
  why: string;
}> = [
  { iso3: 'RUS', countedIn: 'Eurasia', why: 'M49 Eastern Europe; Siberia is in Asia anyway' },
  {
    iso3: 'KAZ',
    countedIn: 'Eurasia',
    why: 'M49 Central Asia; the part west of the Ural river is in Europe',
  },
  { iso3: 'TUR', countedIn: 'Eurasia', why: 'M49 Western Asia; Thrace is in Europe' },
  { iso3: 'AZE', countedIn: 'Eurasia', why: 'M49 Western Asia' },
  { iso3: 'GEO', countedIn: 'Eurasia', why: 'M49 Western Asia' },
  { iso3: 'CYP', countedIn: 'Eurasia', why: 'M49 Southern Europe (geographically in Asia)' },
  { iso3: 'EGY', countedIn: 'outside', why: 'M49 Northern Africa; Sinai (about 60,000 km²) is not added' },
];

export function isEurasianRegion(region: string): boolean {
  return EURASIA_REGIONS.includes(region);
}
