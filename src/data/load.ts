/** Node-side loading of the built-in data files (the edge where I/O happens). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../i18n/locale.js';
import { createDataset, type Dataset } from './dataset.js';
import { countryNameIn, countryNamesIn } from './names.js';
import type { CountryNamesFile } from './types.js';

let root: string | undefined;

/** The folder holding Concord's package.json, found by walking up from this module. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'concord') {
      root = dir;
      return dir;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the concord package root');
    dir = up;
  }
}

export function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(join(packageRoot(), relative), 'utf8')) as T;
}

export function readText(relative: string): string {
  return readFileSync(join(packageRoot(), relative), 'utf8');
}

let cached: Dataset | undefined;

/** The built-in data set, read once per process. */
export function loadDataset(): Dataset {
  cached ??= createDataset({
    countries: readJson('data/generated/countries.json'),
    population: readJson('data/generated/population.json'),
    gdp: readJson('data/generated/gdp.json'),
    cow: readJson('data/generated/cow-nmc.json'),
    milex: readJson('data/generated/milex.json'),
  });
  return cached;
}

let names: CountryNamesFile | undefined;

/** data/generated/country-names.json, read on first use (15 kB: commands that print no names never read it). */
export function loadCountryNames(): CountryNamesFile {
  names ??= readJson<CountryNamesFile>('data/generated/country-names.json');
  return names;
}

/**
 * A country's short name in a locale: `countryName('KGZ', 'ru')` is «Кыргызстан»,
 * `countryName('MNG', 'zh-Hans')` is 蒙古国. An unknown code comes back as given.
 */
export function countryName(iso3: string, locale: Locale): string {
  return countryNameIn(loadCountryNames(), iso3, locale) ?? iso3;
}

/** Every country's short name in a locale, keyed by ISO3. */
export function countryNames(locale: Locale): Readonly<Record<string, string>> {
  return countryNamesIn(loadCountryNames(), locale);
}

export function packageVersion(): string {
  return readJson<{ version: string }>('package.json').version;
}
