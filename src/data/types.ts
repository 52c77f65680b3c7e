/** Shapes of the compact data files under `data/generated/` (written by `npm run data:build`). */

export interface DataMeta {
  /** What the numbers are. */
  readonly title: string;
  /** Who published them, and where. */
  readonly source: string;
  readonly url: string;
  readonly licence: string;
  /** The raw file this was derived from (relative to the shared data folder). */
  readonly derivedFrom: string;
  readonly unit: string;
  readonly firstYear: number;
  readonly lastYear: number;
  readonly note?: string;
  /** Where a series joins several sources: the years, source and unit of each (e.g. COW, then SIPRI). */
  readonly segments?: ReadonlyArray<{
    readonly firstYear: number;
    readonly lastYear: number;
    readonly source: string;
    readonly unit: string;
    readonly url: string;
  }>;
}

/** A yearly series per ISO3 code: `values[i]` is the value for `firstYear + i`, `null` when missing. */
export interface YearSeriesFile {
  readonly meta: DataMeta;
  readonly series: Readonly<Record<string, ReadonlyArray<number | null>>>;
}

export interface CountryRecord {
  readonly iso3: string;
  /** ISO 3166-1 numeric code, as used by world-atlas' TopoJSON ids. */
  readonly isoNumeric: string;
  readonly name: string;
  readonly officialName: string;
  readonly areaKm2: number;
  /** UN M49 region and subregion as given by world-countries. */
  readonly region: string;
  readonly subregion: string;
  readonly eurasia: boolean;
}

export interface CountriesFile {
  readonly meta: {
    readonly title: string;
    readonly source: string;
    readonly url: string;
    readonly licence: string;
    readonly version: string;
    readonly note: string;
  };
  readonly countries: readonly CountryRecord[];
}

export interface CowFile {
  readonly meta: DataMeta;
  /** Composite Index of National Capability: the state's share of the system's capabilities. */
  readonly cinc: Readonly<Record<string, ReadonlyArray<number | null>>>;
  /** Military expenditure, thousands of current US$ (COW `milex`). */
  readonly milex: Readonly<Record<string, ReadonlyArray<number | null>>>;
  /** Military personnel, thousands (COW `milper`). */
  readonly milper: Readonly<Record<string, ReadonlyArray<number | null>>>;
}

/**
 * data/generated/country-names.json: each country's short name in Concord's three languages,
 * `[en, ru, zh-Hans]`, keyed by ISO3 (the 193 UN member states and the former states of the UN
 * voting record). Derived by `npm run data:build` from world-countries' translations with the
 * checks and overrides of data/names/countries.yaml.
 */
export interface CountryNamesFile {
  readonly meta: {
    readonly title: string;
    readonly source: string;
    readonly url: string;
    readonly licence: string;
    readonly version: string;
    readonly note: string;
    /** Every name that differs from world-countries, with its source. */
    readonly overrides: ReadonlyArray<{
      readonly iso3: string;
      readonly locale: 'ru' | 'zh-Hans';
      readonly from: string | null;
      readonly to: string;
      readonly source: string;
    }>;
    /** SCO states whose world-countries forms were checked and kept. */
    readonly confirmed: readonly string[];
  };
  readonly names: Readonly<Record<string, readonly [en: string, ru: string, zh: string]>>;
}
