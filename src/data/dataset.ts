/**
 * The country data set: UN member states with area and Eurasia flag, population, GDP and COW
 * capabilities by year, nuclear-weapon states. Built from the compact files in data/generated/
 * (see `loadDataset` for Node, or pass the parsed JSON in a browser). Pure: no I/O here.
 */
import { ConcordError } from '../errors.js';
import { NUCLEAR_STATES, type NuclearState } from './nuclear.js';
import { YearSeries } from './series.js';
import type { CountriesFile, CountryRecord, CowFile, YearSeriesFile } from './types.js';

export interface DatasetFiles {
  readonly countries: CountriesFile;
  readonly population: YearSeriesFile;
  readonly gdp: YearSeriesFile;
  readonly cow: CowFile;
  /** Military expenditure, SIPRI from 1992 and COW before (`milex.json`); without it, COW's alone. */
  readonly milex?: YearSeriesFile;
}

export interface Dataset {
  readonly countries: ReadonlyMap<string, CountryRecord>;
  readonly countriesMeta: CountriesFile['meta'];
  readonly population: YearSeries;
  readonly gdp: YearSeries;
  readonly cinc: YearSeries;
  /** Military expenditure, thousands of current US$: SIPRI 1992–2024, COW before (see `meta.segments`). */
  readonly milex: YearSeries;
  /** COW's military expenditure alone, 1946–2016. */
  readonly cowMilex: YearSeries;
  readonly milper: YearSeries;
  readonly nuclear: readonly NuclearState[];
  /** Total area of the Eurasian UN member states (see src/data/eurasia.ts), km². */
  readonly eurasiaAreaKm2: number;
}

export const WORLD = 'WLD';

export function createDataset(files: DatasetFiles): Dataset {
  const countries = new Map(files.countries.countries.map((c) => [c.iso3, c]));
  return {
    countries,
    countriesMeta: files.countries.meta,
    population: new YearSeries(files.population.meta, files.population.series),
    gdp: new YearSeries(files.gdp.meta, files.gdp.series),
    cinc: new YearSeries(files.cow.meta, files.cow.cinc),
    milex: files.milex
      ? new YearSeries(files.milex.meta, files.milex.series)
      : new YearSeries(files.cow.meta, files.cow.milex),
    cowMilex: new YearSeries(files.cow.meta, files.cow.milex),
    milper: new YearSeries(files.cow.meta, files.cow.milper),
    nuclear: NUCLEAR_STATES,
    eurasiaAreaKm2: files.countries.countries.filter((c) => c.eurasia).reduce((s, c) => s + c.areaKm2, 0),
  };
}

/** The record of a UN member state; throws E_UNKNOWN_COUNTRY with the nearest codes as a hint. */
export function country(ds: Dataset, iso3: string, field = 'country'): CountryRecord {
  const code = iso3.trim().toUpperCase();
  const c = ds.countries.get(code);
  if (c) return c;
  const byName = [...ds.countries.values()].find((x) => x.name.toLowerCase() === iso3.trim().toLowerCase());
  const suggestions = byName
    ? [byName.iso3]
    : [...ds.countries.keys()]
        .filter((k) => k[0] === code[0] && (k[1] === code[1] || k[2] === code[2]))
        .slice(0, 5);
  throw new ConcordError(
    'E_UNKNOWN_COUNTRY',
    `${field}: "${iso3}" is not the ISO3 code of a UN member state`,
    {
      hint: suggestions.length
        ? `Did you mean ${suggestions.join(', ')}? Codes are ISO 3166-1 alpha-3.`
        : 'Use ISO 3166-1 alpha-3 codes such as CHN, RUS, KAZ; `concord countries` lists them.',
      path: field,
      key: 'unknownCountry',
      values: { field, code: iso3, suggestions: suggestions.join(', ') || 'none' },
    },
  );
}

/** Validates a list of codes, returning them upper-cased. */
export function countryCodes(ds: Dataset, codes: readonly string[], field = 'countries'): string[] {
  return codes.map((c, i) => country(ds, c, `${field}[${i}]`).iso3);
}
