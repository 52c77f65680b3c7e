/**
 * `npm run data:build`: derives the compact data files in `data/generated/` from the raw public
 * data in `../shared/data/` (or the folder named by CONCORD_RAW_DATA) and from the npm package
 * `world-countries`. Every output file records its source, licence and year range.
 *
 * The output is deterministic: running it twice gives identical files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { cowPriority, cowToIso3 } from '../src/data/cow-iso3.js';
import { isEurasianRegion } from '../src/data/eurasia.js';
import type { CountriesFile, CountryRecord, CowFile, DataMeta, YearSeriesFile } from '../src/data/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const raw = resolve(process.env.CONCORD_RAW_DATA ?? join(root, '..', 'shared', 'data'));
const out = resolve(process.env.CONCORD_DATA_OUT ?? join(root, 'data', 'generated'));
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);

/** UN member states per world-countries, less its one error: the Holy See is an observer, not a member. */
const NOT_UN_MEMBERS = new Set(['VAT']);

interface WorldCountry {
  cca3: string;
  ccn3: string;
  unMember: boolean;
  region: string;
  subregion: string;
  area: number;
  name: { common: string; official: string };
}

function buildCountries(): CountryRecord[] {
  const wc = require('world-countries') as WorldCountry[];
  const version = (require('world-countries/package.json') as { version: string }).version;
  const countries: CountryRecord[] = wc
    .filter((c) => c.unMember && !NOT_UN_MEMBERS.has(c.cca3))
    .map((c) => ({
      iso3: c.cca3,
      isoNumeric: c.ccn3,
      name: c.name.common,
      officialName: c.name.official,
      areaKm2: c.area,
      region: c.region,
      subregion: c.subregion,
      eurasia: isEurasianRegion(c.region),
    }))
    .sort((a, b) => a.iso3.localeCompare(b.iso3));
  if (countries.length !== 193) throw new Error(`expected 193 UN member states, got ${countries.length}`);
  const file: CountriesFile = {
    meta: {
      title: 'UN member states: ISO codes, names, area, UN M49 region',
      source: 'npm package world-countries (mledoze/countries)',
      url: 'https://github.com/mledoze/countries',
      licence: 'ODbL-1.0',
      version,
      note:
        'The 193 UN member states (world-countries marks the Holy See as a member: it is an observer and is dropped). ' +
        'Area in km². `eurasia` follows the definition in src/data/eurasia.ts.',
    },
    countries,
  };
  write('countries.json', file);
  return countries;
}

function write(name: string, data: unknown): void {
  // One series per line: small diffs, still compact.
  const json = JSON.stringify(data, null, 1).replace(
    /\[\n\s+([^\]{}]*?)\n\s*\]/g,
    (_m, inner: string) => `[${inner.replace(/\n\s*/g, '')}]`,
  );
  writeFileSync(join(out, name), `${json}\n`);
  console.log(`wrote data/generated/${name}`);
}

function wbSeries(
  file: string,
  keep: Set<string>,
  firstYear: number,
  lastYear: number,
): Record<string, (number | null)[]> {
  const rows = parse(readFileSync(join(raw, file)), { columns: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  const series: Record<string, (number | null)[]> = {};
  for (const code of [...keep].sort()) series[code] = new Array(lastYear - firstYear + 1).fill(null);
  for (const r of rows) {
    const code = r['Country Code']!;
    const year = Number(r.Year);
    const value = Number(r.Value);
    if (!keep.has(code) || year < firstYear || year > lastYear) continue;
    if (!Number.isFinite(value))
      throw new Error(`${file}: non-numeric value for ${code} ${year}: ${r.Value}`);
    series[code]![year - firstYear] = Math.round(value);
  }
  return series;
}

function yearRange(file: string): [number, number] {
  const rows = parse(readFileSync(join(raw, file)), { columns: true }) as Array<Record<string, string>>;
  const years = rows.map((r) => Number(r.Year));
  return [Math.min(...years), Math.max(...years)];
}

function buildWorldBank(codes: Set<string>): void {
  const keep = new Set([...codes, 'WLD']);
  const specs = [
    {
      file: 'wb-population.csv',
      out: 'population.json',
      title: 'Population, total (SP.POP.TOTL)',
      unit: 'persons',
      url: 'https://data.worldbank.org/indicator/SP.POP.TOTL (via https://github.com/datasets/population)',
    },
    {
      file: 'wb-gdp-current-usd.csv',
      out: 'gdp.json',
      title: 'GDP, current US$ (NY.GDP.MKTP.CD)',
      unit: 'current US$',
      url: 'https://data.worldbank.org/indicator/NY.GDP.MKTP.CD (via https://github.com/datasets/gdp)',
    },
  ];
  for (const s of specs) {
    const [firstYear, lastYear] = yearRange(s.file);
    const meta: DataMeta = {
      title: s.title,
      source: 'World Bank, World Development Indicators',
      url: s.url,
      licence: 'ODC-PDDL-1.0 (as published in the data package); cite the World Bank',
      derivedFrom: s.file,
      unit: s.unit,
      firstYear,
      lastYear,
      note: '`WLD` is the World Bank world aggregate. null = no value published for that year. Values rounded to units.',
    };
    const file: YearSeriesFile = { meta, series: wbSeries(s.file, keep, firstYear, lastYear) };
    const missing = [...keep].filter((c) => file.series[c]!.every((v) => v === null));
    if (missing.length) console.log(`  ${s.out}: no data at all for ${missing.join(', ')}`);
    write(s.out, file);
  }
}

function buildCow(): void {
  const firstYear = 1946;
  const rows = parse(readFileSync(join(raw, 'cow-nmc-6.0-abridged.csv')), { columns: true }) as Array<
    Record<string, string>
  >;
  const lastYear = Math.max(...rows.map((r) => Number(r.year)));
  const n = lastYear - firstYear + 1;
  const cinc: Record<string, (number | null)[]> = {};
  const milex: Record<string, (number | null)[]> = {};
  const milper: Record<string, (number | null)[]> = {};
  const owner: Record<string, number[]> = {};
  for (const r of rows) {
    const year = Number(r.year);
    if (year < firstYear) continue;
    const ccode = Number(r.ccode);
    const iso3 = cowToIso3(ccode);
    if (iso3 === undefined)
      throw new Error(`COW state ${r.stateabb} (${ccode}) is not in src/data/cow-iso3.ts`);
    if (iso3 === null) continue;
    const i = year - firstYear;
    for (const m of [cinc, milex, milper]) m[iso3] ??= new Array(n).fill(null);
    owner[iso3] ??= new Array(n).fill(Number.POSITIVE_INFINITY);
    const p = cowPriority(ccode);
    if (p > owner[iso3]![i]!) continue;
    owner[iso3]![i] = p;
    const num = (v: string | undefined) => {
      const x = Number(v);
      return v === undefined || v === '' || x === -9 || !Number.isFinite(x) ? null : x;
    };
    cinc[iso3]![i] = num(r.cinc);
    milex[iso3]![i] = num(r.milex);
    milper[iso3]![i] = num(r.milper);
  }
  const sorted = (o: Record<string, (number | null)[]>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const file: CowFile = {
    meta: {
      title: 'National Material Capabilities v6.0: CINC, military expenditure, military personnel',
      source:
        'Correlates of War Project, National Material Capabilities v6.0 (Singer, Bremer & Stuckey 1972; Greer 2021)',
      url: 'https://correlatesofwar.org/data-sets/national-material-capabilities/',
      licence: 'Free for research use; cite the Correlates of War Project',
      derivedFrom: 'cow-nmc-6.0-abridged.csv',
      unit: 'cinc: share of the state system (0–1); milex: thousands of current US$; milper: thousands',
      firstYear,
      lastYear,
      note: 'COW codes mapped to ISO3 by src/data/cow-iso3.ts (USSR → RUS). COW -9 (missing) → null. Years before 1946 dropped.',
    },
    cinc: sorted(cinc),
    milex: sorted(milex),
    milper: sorted(milper),
  };
  write('cow-nmc.json', file);
}

const countries = buildCountries();
buildWorldBank(new Set(countries.map((c) => c.iso3)));
buildCow();
