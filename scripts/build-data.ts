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
import { parse as parseYaml } from 'yaml';
import { encodeDigits, type UngaVotesFile } from '../src/alignment/data.js';
import { TOPIC_RULES, topicReproduction, topicsOfTitle } from '../src/alignment/topics.js';
import { cowPriority, cowToIso3 } from '../src/data/cow-iso3.js';
import { isEurasianRegion } from '../src/data/eurasia.js';
import type {
  CountriesFile,
  CountryNamesFile,
  CountryRecord,
  CowFile,
  DataMeta,
  YearSeriesFile,
} from '../src/data/types.js';
import { FORMER_STATE_NAMES, ungaNameToIso3 } from '../src/data/unga-names.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const raw = resolve(process.env.CONCORD_RAW_DATA ?? join(root, '..', 'shared', 'data'));
/** The SCO chronology's folder: CONCORD_RAW_SCO, else `sco/` next to the raw data folder. */
const rawSco = resolve(process.env.CONCORD_RAW_SCO ?? join(raw, '..', 'sco'));
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
  translations: Record<string, { common: string; official: string }>;
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

interface NameEntry {
  iso3: string;
  ru?: string;
  zh?: string;
  source: string;
  note?: string;
}

/**
 * data/generated/country-names.json: short names in en, ru and zh-Hans for every country of
 * countries.json and the former states of the UN record, from world-countries' `rus` and `zho`
 * translations with the checks and overrides of data/names/countries.yaml (each with its source).
 */
function buildCountryNames(countries: readonly CountryRecord[]): void {
  const wc = new Map((require('world-countries') as WorldCountry[]).map((c) => [c.cca3, c]));
  const version = (require('world-countries/package.json') as { version: string }).version;
  const spec = parseYaml(readFileSync(join(root, 'data', 'names', 'countries.yaml'), 'utf8')) as {
    sco: NameEntry[];
    overrides: NameEntry[];
    former: NameEntry[];
  };
  const known = new Set(countries.map((c) => c.iso3));
  const names: Record<string, [string, string, string]> = {};
  for (const c of countries) {
    const t = wc.get(c.iso3)!.translations;
    const ru = t.rus?.common;
    const zh = t.zho?.common;
    if (!ru || !zh) throw new Error(`world-countries has no Russian or Chinese name for ${c.iso3}`);
    names[c.iso3] = [c.name, ru, zh];
  }
  const overrides: CountryNamesFile['meta']['overrides'][number][] = [];
  const confirmed: string[] = [];
  for (const e of [...spec.sco, ...spec.overrides]) {
    const row = names[e.iso3];
    if (!row || !known.has(e.iso3))
      throw new Error(`data/names/countries.yaml: ${e.iso3} is not a known country`);
    if (!e.source) throw new Error(`data/names/countries.yaml: ${e.iso3} has no source`);
    let changed = false;
    for (const [locale, i, value] of [
      ['ru', 1, e.ru],
      ['zh-Hans', 2, e.zh],
    ] as const) {
      if (value === undefined || value === row[i]) continue;
      overrides.push({ iso3: e.iso3, locale, from: row[i], to: value, source: e.source });
      row[i] = value;
      changed = true;
    }
    if (!changed && spec.sco.includes(e)) confirmed.push(e.iso3);
  }
  for (const e of spec.former) {
    const en = FORMER_STATE_NAMES[e.iso3];
    if (!en || !e.ru || !e.zh)
      throw new Error(`data/names/countries.yaml: former state ${e.iso3} needs ru and zh`);
    names[e.iso3] = [en, e.ru, e.zh];
    overrides.push({ iso3: e.iso3, locale: 'ru', from: null, to: e.ru, source: e.source });
    overrides.push({ iso3: e.iso3, locale: 'zh-Hans', from: null, to: e.zh, source: e.source });
  }
  const sorted = Object.fromEntries(
    Object.keys(names)
      .sort()
      .map((k) => [k, names[k]!]),
  );
  const file: CountryNamesFile = {
    meta: {
      title: 'Country names in English, Russian and Simplified Chinese',
      source:
        'npm package world-countries (mledoze/countries), its rus and zho translations; checks and overrides in data/names/countries.yaml',
      url: 'https://github.com/mledoze/countries',
      licence: 'ODbL-1.0',
      version,
      note: 'names[iso3] = [en, ru, zh-Hans] short names. English as in countries.json. Every SCO member, observer, dialogue partner and applicant checked against SCO texts and official usage (data/names/countries.yaml gives each source); `overrides` lists every name that differs from world-countries.',
      overrides,
      confirmed: confirmed.sort(),
    },
    names: sorted,
  };
  write('country-names.json', file);
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

function buildCow(): CowFile {
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
  return file;
}

/** Natural order of resolution symbols: A/RES/74/7 before A/RES/74/12. */
function symbolOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * UN General Assembly roll calls → `unga-votes.json` (encoding in src/alignment/data.ts,
 * definitions in docs/alignment.md): Voeten's 1946–2019 data (via the `unvotes` package: the votes
 * matrix, the roll calls' dates and sessions, their topics) merged with the UN's records of the
 * adopted resolutions voted on from 2019-11-07 to 2026-06-04. The two overlap in Nov–Dec 2019: the
 * build checks that every UN-records roll call of the overlap matches one of Voeten's on symbol and
 * date with the same votes, and keeps the UN's copy (it tells abstention from absence), with
 * Voeten's id, flags and topics.
 */
function buildUnga(countries: readonly CountryRecord[]): void {
  const matrix = parse(readFileSync(join(raw, 'unga-votes-matrix.csv')), {
    skip_empty_lines: true,
  }) as string[][];
  const header = matrix[0]!;
  if (header[0] !== 'country') throw new Error('unga-votes-matrix.csv: first column is not `country`');
  const columnRcid = header.slice(1).map((h) => {
    const x = Number(h);
    if (!Number.isInteger(x)) throw new Error(`unga-votes-matrix.csv: column ${h} is not a roll-call id`);
    return x;
  });
  const calls = parse(readFileSync(join(raw, 'unga-roll-calls.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  const byRcid = new Map<number, Record<string, string>>();
  for (const r of calls) {
    const rcid = Number(r.rcid);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date ?? ''))
      throw new Error(`unga-roll-calls.csv: rcid ${r.rcid}: bad date`);
    if (!Number.isInteger(Number(r.session)))
      throw new Error(`unga-roll-calls.csv: rcid ${r.rcid}: bad session`);
    byRcid.set(rcid, r);
  }
  const issues = parse(readFileSync(join(raw, 'unga-roll-call-issues.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  const topics: Record<string, string> = {};
  const topicsOf = new Map<number, Set<string>>();
  for (const r of issues) {
    const code = r.short_name!;
    if (topics[code] !== undefined && topics[code] !== r.issue)
      throw new Error(`unga-roll-call-issues.csv: topic ${code} has two labels`);
    topics[code] = r.issue!;
    const rcid = Number(r.rcid);
    if (!topicsOf.has(rcid)) topicsOf.set(rcid, new Set());
    topicsOf.get(rcid)!.add(code);
  }
  // Voeten's columns with a described roll call, in date order (then rcid).
  const dropped = columnRcid.filter((id) => !byRcid.has(id)).sort((a, b) => a - b);
  const columns = columnRcid
    .map((rcid, j) => ({ rcid, j, call: byRcid.get(rcid) }))
    .filter((c): c is { rcid: number; j: number; call: Record<string, string> } => c.call !== undefined)
    .sort((a, b) => a.call.date!.localeCompare(b.call.date!) || a.rcid - b.rcid);
  const nOld = columns.length;
  // Rows → codes (merging the rows of one code), checking that merged rows never overlap.
  const names = new Map(countries.map((c) => [c.iso3, c.name]));
  const merged = new Map<string, { votes: Int8Array; sourceNames: string[] }>();
  const droppedNames: string[] = [];
  for (const row of matrix.slice(1)) {
    const name = row[0]!;
    const iso3 = ungaNameToIso3(name);
    if (iso3 === undefined)
      throw new Error(`unga-votes-matrix.csv: country ${name} is not in src/data/unga-names.ts`);
    if (row.length !== header.length)
      throw new Error(`unga-votes-matrix.csv: row ${name} has ${row.length} cells`);
    const votes = columns.map(({ j }) => {
      const v = row[j + 1]!;
      if (v !== '1' && v !== '0' && v !== '-1') throw new Error(`unga-votes-matrix.csv: ${name}: value ${v}`);
      return Number(v);
    });
    if (iso3 === null) {
      if (votes.some((v) => v !== 0)) throw new Error(`unga-votes-matrix.csv: dropped ${name} has votes`);
      droppedNames.push(name);
      continue;
    }
    const m = merged.get(iso3) ?? { votes: new Int8Array(nOld), sourceNames: [] };
    for (let i = 0; i < nOld; i++) {
      if (votes[i] === 0) continue;
      if (m.votes[i] !== 0)
        throw new Error(`unga-votes-matrix.csv: ${name} and ${m.sourceNames} both vote on a roll call`);
      m.votes[i] = votes[i]!;
    }
    m.sourceNames.push(name);
    merged.set(iso3, m);
  }
  for (const c of countries)
    if (!merged.has(c.iso3)) throw new Error(`unga-votes-matrix.csv: no row for UN member ${c.iso3}`);

  // The UN's records, 2019-11-07 – 2026-06-04.
  const unDir = 'unga-2019-2026';
  const resolutions = parse(readFileSync(join(raw, unDir, 'unga-resolutions-2019-2026.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  const unVotes = parse(readFileSync(join(raw, unDir, 'unga-votes-2019-2026.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Array<Record<string, string>>;
  const UN_DIGIT: Record<string, number> = { N: 0, A: 1, Y: 2, X: 3 };
  const votesOf = new Map<string, Map<string, number>>();
  for (const v of unVotes) {
    const d = UN_DIGIT[v.vote!];
    if (d === undefined)
      throw new Error(`unga-votes-2019-2026.csv: ${v.resolution} ${v.iso3}: vote ${v.vote}`);
    if (!names.has(v.iso3!)) throw new Error(`unga-votes-2019-2026.csv: ${v.iso3} is not a UN member`);
    if (!votesOf.has(v.resolution!)) votesOf.set(v.resolution!, new Map());
    const m = votesOf.get(v.resolution!)!;
    if (m.has(v.iso3!)) throw new Error(`unga-votes-2019-2026.csv: ${v.resolution} ${v.iso3} twice`);
    m.set(v.iso3!, d);
  }
  // Regular sessions open in September; an emergency special session's roll calls go to the regular
  // session sitting on their date (the first regular session whose first roll call is on or before it).
  const sessionStart = new Map<number, string>();
  for (const r of resolutions)
    if (/^\d+$/.test(r.session!)) {
      const s = Number(r.session);
      if (!sessionStart.has(s) || r.date! < sessionStart.get(s)!) sessionStart.set(s, r.date!);
    }
  const regularSession = (date: string) =>
    Math.max(...[...sessionStart.entries()].filter(([, d]) => d <= date).map(([s]) => s));
  const oldBySymbolDate = new Map(
    columns.map((c, i) => [`${c.call.unres!.trim()}|${c.call.date}`, i] as const),
  );
  const replaced = new Map<number, number>(); // old column index → UN resolution index
  const lastOld = columns.at(-1)!.call.date!;
  let overlapVotes = 0;
  resolutions.forEach((r, k) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.date ?? '')) throw new Error(`${r.resolution}: bad date`);
    const m = votesOf.get(r.resolution!);
    if (!m || m.size !== countries.length)
      throw new Error(`${r.resolution}: ${m?.size ?? 0} votes, not ${countries.length}`);
    if (r.date! > lastOld) return;
    const i = oldBySymbolDate.get(`${r.resolution}|${r.date}`);
    if (i === undefined)
      throw new Error(`${r.resolution} (${r.date}) overlaps Voeten's data but has no match`);
    for (const [iso3, d] of m) {
      const old = merged.get(iso3)!.votes[i]!;
      if (old !== (d === 3 ? 0 : d - 1))
        throw new Error(`${r.resolution} ${iso3}: UN ${d}, Voeten ${old}: the two copies disagree`);
      overlapVotes++;
    }
    replaced.set(i, k);
  });
  const overlapFrom = resolutions.find((r) => r.date! <= lastOld)?.date;
  if (columns.slice(0, nOld).some((c, i) => replaced.has(i) !== c.call.date! >= overlapFrom!))
    throw new Error("Voeten's roll calls from the start of the UN records are not all matched");

  // The merged table, in date order: Voeten's id first (the overlap keeps it), then the symbol.
  type Row = { old?: number; un?: number; date: string; rcid: number | null; symbol: string };
  const rows: Row[] = [
    ...columns.map((c, i) => ({
      old: i,
      ...(replaced.has(i) ? { un: replaced.get(i)! } : {}),
      date: c.call.date!,
      rcid: c.rcid,
      symbol: c.call.unres!.trim(),
    })),
    ...resolutions
      .map((r, k) => ({ un: k, date: r.date!, rcid: null, symbol: r.resolution! }))
      .filter((r) => r.date > lastOld),
  ].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.rcid ?? Number.POSITIVE_INFINITY) - (b.rcid ?? Number.POSITIVE_INFINITY) ||
      symbolOrder(a.symbol, b.symbol),
  );
  const n = rows.length;
  const flag = (v: string | undefined, c: string) => (v === '1' ? c : '');
  const oldTitle = (c: Record<string, string>) => {
    const short = (c.short ?? '').trim();
    if (short && short !== 'NA') return short;
    const d = (c.descr ?? '')
      .replace(/\s*:\s*resolution\s*\/\s*adopted by the General Assembly\.?\s*$/i, '')
      .trim();
    return d === 'NA' ? '' : d.length > 120 ? `${d.slice(0, 119)}…` : d;
  };
  const reproduction = topicReproduction(
    columns.map((c) => ({ title: oldTitle(c.call), topics: [...(topicsOf.get(c.rcid) ?? [])] })),
  );
  const rollCalls = {
    rcid: rows.map((r) => r.rcid),
    session: rows.map((r) =>
      r.old !== undefined
        ? Number(columns[r.old]!.call.session)
        : /^\d+$/.test(resolutions[r.un!]!.session!)
          ? Number(resolutions[r.un!]!.session)
          : regularSession(r.date),
    ),
    date: rows.map((r) => r.date),
    unres: rows.map((r) =>
      r.un !== undefined ? resolutions[r.un]!.resolution! : r.symbol === 'NA' ? '' : r.symbol,
    ),
    flags: rows.map((r) => {
      if (r.old === undefined) return '';
      const c = columns[r.old]!.call;
      return flag(c.importantvote, 'i') + flag(c.amend, 'a') + flag(c.para, 'p');
    }),
    topics: rows.map((r) =>
      r.old !== undefined
        ? [...(topicsOf.get(columns[r.old]!.rcid) ?? [])].sort().join(',')
        : topicsOfTitle(resolutions[r.un!]!.title!).join(','),
    ),
    source: rows.map((r) => (r.un !== undefined ? 1 : 0)),
    title: rows.map((r) =>
      r.un !== undefined ? resolutions[r.un]!.title!.trim() : oldTitle(columns[r.old!]!.call),
    ),
  };
  const allStates = [...new Set([...merged.keys()])].sort();
  const states = allStates.map((iso3) => {
    const m = merged.get(iso3)!;
    const digits = rows.map((r) => {
      if (r.un !== undefined) return votesOf.get(resolutions[r.un]!.resolution!)!.get(iso3) ?? 3;
      return m.votes[r.old!]! + 1;
    });
    const blank = (i: number) => (rows[i]!.un !== undefined ? 3 : 1);
    let first = digits.findIndex((d, i) => d !== blank(i));
    let last = digits.findLastIndex((d, i) => d !== blank(i));
    if (first < 0) [first, last] = [0, -1];
    const name = names.get(iso3) ?? FORMER_STATE_NAMES[iso3];
    if (!name) throw new Error(`no name for ${iso3}`);
    return {
      iso3,
      name,
      sourceNames: m.sourceNames,
      first,
      count: last - first + 1,
      votes: encodeDigits(digits.slice(first, last + 1)),
    };
  });
  const years = rollCalls.date.map((d) => Number(d.slice(0, 4)));
  const unFirst = resolutions.map((r) => r.date!).sort()[0]!;
  const unLast = resolutions
    .map((r) => r.date!)
    .sort()
    .at(-1)!;
  const voeten =
    'Erik Voeten, Anton Strezhnev & Michael Bailey, "United Nations General Assembly Voting Data", Harvard Dataverse (hdl:1902.1/12379); Voeten, "Data and Analyses of Voting in the UN General Assembly", Routledge Handbook of International Organization (2013); as distributed in the R package unvotes (D. Robinson)';
  const un =
    "United Nations, Department for General Assembly and Conference Management: the General Assembly's machine-readable resolutions (UNxml/GAresolutions; sessions 74–80, ES-10, ES-11), recorded votes on adopted resolutions";
  const file: UngaVotesFile = {
    meta: {
      title: `UN General Assembly roll-call votes, ${Math.min(...years)}–${Math.max(...years)}: votes by state, dates, sessions, symbols, titles, scope and topics`,
      source: `${voeten} (1946-01-01 – ${lastOld}); ${un} (${unFirst} – ${unLast})`,
      url: 'https://doi.org/10.7910/DVN/LEJUQZ; https://github.com/UNxml/GAresolutions',
      licence:
        "Voeten's Harvard Dataverse terms of use (cite Voeten 2013 and the dataverse); the UN's records: unofficial copies without warranty, the United Nations acknowledged as the source",
      derivedFrom:
        'unga-votes-matrix.csv, unga-roll-calls.csv, unga-roll-call-issues.csv; unga-2019-2026/unga-votes-2019-2026.csv, unga-2019-2026/unga-resolutions-2019-2026.csv',
      unit: "vote: yes, no, abstention, or no vote recorded (the UN's records); yes, no, or 0 merging abstention, absence and non-membership (Voeten's)",
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
      note:
        `${n} roll calls in date order (Voeten's ${nOld}, of which the ${replaced.size} of ${overlapFrom} – ${lastOld} are kept in the UN's copy: ${overlapVotes.toLocaleString('en-US')} country votes checked equal; and ${n - nOld} from the UN's records only); ${states.length} states keyed by ISO3 (src/data/unga-names.ts; former states by ISO 3166-3 codes CSK, DDR, YMD; the Republic of China to 1971 as TWN). ` +
        `Dropped: roll call${dropped.length === 1 ? '' : 's'} ${dropped.join(', ')} (in the vote matrix, not in the roll-call file: no date); ${droppedNames.join(', ')} (no recorded vote). ` +
        "Flags are set where Voeten's file says 1 (its NA and 0 are not distinguished): scope is amendment (flag a), paragraph (flag p), else resolution as a whole. The UN's records hold only adopted resolutions voted on as a whole. " +
        "Emergency special sessions are filed under the regular session sitting on their date. Topics: Voeten's labels for his roll calls (the overlap keeps them); the title rules of src/alignment/topics.ts for the others (meta.topicRules). Not every roll call has a topic; some have several. " +
        "Known gaps of the UN's records: emergency sessions partial (ES-10/21, 22, 24; ES-11/1–6 only); budget resolutions 79/259 A-C, 80/84 A-B, 80/236 A-B, 80/244 A-C carry no votes; about 5 recorded votes a year missing from Sep 2024 on.",
      droppedRollCalls: dropped,
      encoding:
        'states[].votes: base-4 digits (0 no, 1 zero or abstention, 2 yes, 3 no vote recorded), three roll calls a character, digit0 + 4·digit1 + 16·digit2 indexing the characters ASCII 35–99 without backslash; over roll calls first … first+count−1, outside it the blank of the source (1 Voeten, 3 UN); src/alignment/data.ts',
      sources: [
        {
          id: 'voeten',
          title: 'UN General Assembly Voting Data, 1946–2019 (Voeten, Strezhnev & Bailey)',
          source: voeten,
          url: 'https://doi.org/10.7910/DVN/LEJUQZ',
          licence: "Voeten's Harvard Dataverse terms of use; cite Voeten (2013) and the dataverse",
          derivedFrom: 'unga-votes-matrix.csv, unga-roll-calls.csv, unga-roll-call-issues.csv',
          firstDate: columns[0]!.call.date!,
          lastDate:
            overlapFrom! > columns[0]!.call.date!
              ? columns.filter((c) => c.call.date! < overlapFrom!).at(-1)!.call.date!
              : lastOld,
          abstention: 'merged',
          note: '1 yes, -1 no, 0 abstention OR absence OR non-membership (merged in this copy); amendment and paragraph votes included',
        },
        {
          id: 'un',
          title: 'UN General Assembly recorded votes on adopted resolutions, 2019–2026 (UN records)',
          source: un,
          url: 'https://github.com/UNxml/GAresolutions',
          licence:
            'unofficial copies provided without warranty; acknowledge the United Nations as the source',
          derivedFrom:
            'unga-2019-2026/unga-votes-2019-2026.csv, unga-2019-2026/unga-resolutions-2019-2026.csv',
          firstDate: unFirst,
          lastDate: unLast,
          abstention: 'distinct',
          note: 'Y yes, N no, A abstention, X no vote recorded (absent, not participating, or no vote under Art. 19); adopted resolutions voted on as a whole only',
        },
      ],
      seam: unFirst,
      topicRules: {
        method:
          "A roll call of the UN's records gets every topic whose pattern matches its title (case-insensitive); reproduction: the same rules applied to the titles of Voeten's roll calls, compared with his labels (alike: both with the topic or both without; recall: of his labelled, the share the rules find; precision: of the rules' labels, the share he has)",
        rules: Object.fromEntries(Object.entries(TOPIC_RULES).map(([k, v]) => [k, v.source])),
        reproduction,
      },
    },
    topics: Object.fromEntries(Object.entries(topics).sort(([a], [b]) => a.localeCompare(b))),
    rollCalls,
    states,
  };
  // One array or state per line: small diffs, still compact.
  const lines = [
    '{',
    ` "meta": ${JSON.stringify(file.meta)},`,
    ` "topics": ${JSON.stringify(file.topics)},`,
    ' "rollCalls": {',
    Object.entries(file.rollCalls)
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n'),
    ' },',
    ' "states": [',
    file.states.map((s) => `  ${JSON.stringify(s)}`).join(',\n'),
    ' ]',
    '}',
  ];
  writeFileSync(join(out, 'unga-votes.json'), `${lines.join('\n')}\n`);
  console.log(
    `wrote data/generated/unga-votes.json (${n} roll calls, ${states.length} states; overlap ${replaced.size} roll calls, ${overlapVotes} votes checked)`,
  );
  for (const r of reproduction)
    console.log(
      `  topic ${r.topic}: ${(r.alike * 100).toFixed(1)}% labelled alike, recall ${r.recall}, precision ${r.precision} (${r.rollCalls} roll calls)`,
    );
}

/**
 * Military expenditure in current US$ → `milex.json`: SIPRI's figures for 1992–2024 (the SCO's
 * members and partners, Turkmenistan and the USA; US$ million, written as thousands) and COW's
 * before 1992 (thousands of current US$). Each year names its source in `meta.segments`; a state or
 * year SIPRI gives no figure for is null (SIPRI's marks kept in `meta.flags`), never filled from COW.
 */
function buildMilex(cow: CowFile): void {
  const file = 'sipri-milex-sco-current-usd.csv';
  const rows = parse(readFileSync(join(raw, file)), { columns: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  const years = rows.map((r) => Number(r.year));
  const sipriFirst = Math.min(...years);
  const sipriLast = Math.max(...years);
  const firstYear = cow.meta.firstYear;
  const lastCow = sipriFirst - 1;
  const n = sipriLast - firstYear + 1;
  const series: Record<string, (number | null)[]> = {};
  const flags: Record<string, Record<string, string>> = {};
  for (const [iso3, values] of Object.entries(cow.milex)) {
    const s = new Array<number | null>(n).fill(null);
    for (let y = firstYear; y <= lastCow; y++) s[y - firstYear] = values[y - firstYear] ?? null;
    series[iso3] = s;
  }
  const names: Record<string, string> = {};
  for (const r of rows) {
    const iso3 = r.iso3!;
    const year = Number(r.year);
    if (!/^[A-Z]{3}$/.test(iso3) || !Number.isInteger(year))
      throw new Error(`${file}: bad row ${JSON.stringify(r)}`);
    names[iso3] = r.sipri_name!;
    series[iso3] ??= new Array<number | null>(n).fill(null);
    const v = r.milex_usd_million ?? '';
    if (v === '') {
      if (!r.flag) throw new Error(`${file}: ${iso3} ${year}: no value and no flag`);
      flags[iso3] ??= {};
      flags[iso3]![String(year)] = r.flag;
      continue;
    }
    const x = Number(v);
    if (!Number.isFinite(x) || x < 0) throw new Error(`${file}: ${iso3} ${year}: bad value ${v}`);
    series[iso3]![year - firstYear] = Math.round(x * 1000); // US$ million → thousands
  }
  const sipri = 'SIPRI Military Expenditure Database 2025, https://www.sipri.org/databases/milex';
  const sipriTerms =
    'SIPRI terms: fair use for non-commercial research and teaching, cite "SIPRI Military Expenditure Database 2025, https://www.sipri.org/databases/milex"; at most 10% (3,500 data points) of the database may be reproduced: this subset holds ' +
    `${rows.length} (${Object.keys(names).length} states × ${sipriLast - sipriFirst + 1} years)`;
  const out: YearSeriesFile & { meta: DataMeta & Record<string, unknown> } = {
    meta: {
      title: `Military expenditure, current US$: SIPRI ${sipriFirst}–${sipriLast}, Correlates of War ${firstYear}–${lastCow}`,
      source: `${sipri} (${sipriFirst}–${sipriLast}, sheet "Current US$"); ${cow.meta.source} (${firstYear}–${lastCow})`,
      url: `https://www.sipri.org/databases/milex; ${cow.meta.url}`,
      licence: `${sipriTerms}; COW: ${cow.meta.licence}`,
      derivedFrom: `${file}, cow-nmc-6.0-abridged.csv`,
      unit: 'thousands of current US$ (SIPRI: US$ million at current prices and exchange rates, × 1,000; COW: thousands of current US$)',
      firstYear,
      lastYear: sipriLast,
      note:
        `SIPRI's figures from ${sipriFirst} for the ${Object.keys(names).length} states of its file (the SCO's members and partners but the Maldives, which SIPRI does not cover, plus Turkmenistan and the USA); COW's before ${sipriFirst} for every state. ` +
        `After ${lastCow} a state outside SIPRI's file, or a year SIPRI marks "..." (data unavailable) or "xxx" (state did not exist), is null: never filled from COW. ` +
        "SIPRI's colouring of estimates and uncertain figures is not carried.",
      segments: [
        {
          firstYear,
          lastYear: lastCow,
          source: 'COW NMC 6.0',
          unit: 'thousands of current US$',
          url: cow.meta.url,
        },
        {
          firstYear: sipriFirst,
          lastYear: sipriLast,
          source: 'SIPRI Milex 2025',
          unit: 'US$ million at current prices and exchange rates',
          url: 'https://www.sipri.org/databases/milex',
        },
      ],
      terms: sipriTerms,
      flags: Object.fromEntries(Object.entries(flags).sort(([a], [b]) => a.localeCompare(b))),
      sipriNames: Object.fromEntries(Object.entries(names).sort(([a], [b]) => a.localeCompare(b))),
    },
    series: Object.fromEntries(Object.entries(series).sort(([a], [b]) => a.localeCompare(b))),
  };
  write('milex.json', out);
}

/**
 * The SCO chronology → `sco-chronology.json`: every summit 2001–2025 (date, host, the chair that
 * follows) and every status change, each with two independent public sources. The organization
 * file data/organizations/sco.yaml is checked against it by test/org/chronology.test.ts.
 */
function buildChronology(): void {
  const file = 'sco-chronology.csv';
  const rows = parse(readFileSync(join(rawSco, file)), { columns: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
  const DATE = /^\d{4}(-\d{2}(-\d{2})?)?(\/\d{4}-\d{2}-\d{2})?$/;
  const records = rows.map((r, i) => {
    if (!DATE.test(r.date ?? '')) throw new Error(`${file}: row ${i + 2}: bad date ${r.date}`);
    if (!/^https?:\/\//.test(r.source1 ?? '') || !/^https?:\/\//.test(r.source2 ?? ''))
      throw new Error(`${file}: row ${i + 2}: two source URLs expected`);
    if (r.source1 === r.source2) throw new Error(`${file}: row ${i + 2}: the two sources are the same`);
    const [first, last] = r.date!.split('/');
    return {
      event: r.event!,
      states: r.iso3 ? r.iso3.split(';') : [],
      status: r.status ?? '',
      date: r.date!,
      /** The day the record counts from: a range's last day; '' when only the year or month is known. */
      day: (last ?? first)!.length === 10 ? (last ?? first)! : '',
      precision: first!.length === 4 ? 'year' : first!.length === 7 ? 'month' : 'day',
      sources: [r.source1!, r.source2!],
      note: r.note ?? '',
    };
  });
  const years = records.map((r) => Number(r.date.slice(0, 4)));
  const out = {
    meta: {
      title:
        'The Shanghai Cooperation Organisation: summits, chairs and status changes, 2001–2025, two public sources per record',
      source:
        'Compiled for the project from public sources named per record (Kremlin, Xinhua, China Daily, TASS, RIA, the SCO Secretariat, foreign ministries, news agencies)',
      url: 'see records[].sources',
      licence: 'facts, with their sources cited per record; the sources keep their own terms',
      derivedFrom: file,
      unit: 'dates: YYYY-MM-DD; YYYY or YYYY-MM where only the year or month is verified; A/B a range',
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
      note: `${records.length} records. A summit record gives the host and the chair that follows; a range's last day is the Council of Heads of State. No source found dated after September 2025 changes any status.`,
    },
    records,
  };
  write('sco-chronology.json', out);
}

const countries = buildCountries();
buildCountryNames(countries);
buildWorldBank(new Set(countries.map((c) => c.iso3)));
buildMilex(buildCow());
buildUnga(countries);
buildChronology();
