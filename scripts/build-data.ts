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
import { encodeVotes, type UngaVotesFile } from '../src/alignment/data.js';
import { cowPriority, cowToIso3 } from '../src/data/cow-iso3.js';
import { isEurasianRegion } from '../src/data/eurasia.js';
import type { CountriesFile, CountryRecord, CowFile, DataMeta, YearSeriesFile } from '../src/data/types.js';
import { FORMER_STATE_NAMES, ungaNameToIso3 } from '../src/data/unga-names.js';

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

/**
 * UN General Assembly roll calls (Voeten 2013, via the `unvotes` package): the votes matrix, the
 * roll calls' dates and sessions, and their topics → `unga-votes.json` (encoding in
 * src/alignment/data.ts, definitions in docs/alignment.md).
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
  // Columns with a described roll call, in date order (then rcid).
  const dropped = columnRcid.filter((id) => !byRcid.has(id)).sort((a, b) => a - b);
  const columns = columnRcid
    .map((rcid, j) => ({ rcid, j, call: byRcid.get(rcid) }))
    .filter((c): c is { rcid: number; j: number; call: Record<string, string> } => c.call !== undefined)
    .sort((a, b) => a.call.date!.localeCompare(b.call.date!) || a.rcid - b.rcid);
  const n = columns.length;
  const flag = (v: string | undefined, c: string) => (v === '1' ? c : '');
  const rollCalls = {
    rcid: columns.map((c) => c.rcid),
    session: columns.map((c) => Number(c.call.session)),
    date: columns.map((c) => c.call.date!),
    unres: columns.map((c) => (c.call.unres && c.call.unres !== 'NA' ? c.call.unres.trim() : '')),
    flags: columns.map(
      (c) => flag(c.call.importantvote, 'i') + flag(c.call.amend, 'a') + flag(c.call.para, 'p'),
    ),
    topics: columns.map((c) => [...(topicsOf.get(c.rcid) ?? [])].sort().join(',')),
  };
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
    const m = merged.get(iso3) ?? { votes: new Int8Array(n), sourceNames: [] };
    for (let i = 0; i < n; i++) {
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
  const states = [...merged.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([iso3, m]) => {
      let first = m.votes.findIndex((v) => v !== 0);
      let last = m.votes.findLastIndex((v) => v !== 0);
      if (first < 0) [first, last] = [0, -1];
      const name = names.get(iso3) ?? FORMER_STATE_NAMES[iso3];
      if (!name) throw new Error(`no name for ${iso3}`);
      return {
        iso3,
        name,
        sourceNames: m.sourceNames,
        first,
        count: last - first + 1,
        votes: encodeVotes(m.votes.subarray(first, last + 1)),
      };
    });
  const years = rollCalls.date.map((d) => Number(d.slice(0, 4)));
  const file: UngaVotesFile = {
    meta: {
      title: 'UN General Assembly roll-call votes, 1946–2019: votes by state, dates, sessions and topics',
      source:
        'Erik Voeten, Anton Strezhnev & Michael Bailey, "United Nations General Assembly Voting Data", Harvard Dataverse (hdl:1902.1/12379); Voeten, "Data and Analyses of Voting in the UN General Assembly", Routledge Handbook of International Organization (2013); as distributed in the R package unvotes (D. Robinson)',
      url: 'https://doi.org/10.7910/DVN/LEJUQZ',
      licence: "Voeten's Harvard Dataverse terms of use; cite Voeten (2013) and the dataverse",
      derivedFrom: 'unga-votes-matrix.csv, unga-roll-calls.csv, unga-roll-call-issues.csv',
      unit: 'vote: 1 yes, -1 no, 0 abstention OR absence OR non-membership (merged in the source copy)',
      firstYear: Math.min(...years),
      lastYear: Math.max(...years),
      note:
        `${n} roll calls in date order; ${states.length} states keyed by ISO3 (src/data/unga-names.ts; former states by ISO 3166-3 codes CSK, DDR, YMD; the Republic of China to 1971 as TWN). ` +
        `Dropped: roll call${dropped.length === 1 ? '' : 's'} ${dropped.join(', ')} (in the vote matrix, not in the roll-call file: no date); ${droppedNames.join(', ')} (no recorded vote). ` +
        'Flags are set where the source says 1 (its NA and 0 are not distinguished). Topics: not every roll call has one; some have several.',
      droppedRollCalls: dropped,
      encoding:
        'states[].votes: base-3 digits (0 no, 1 zero, 2 yes), four roll calls a character, digit0 + 3·digit1 + 9·digit2 + 27·digit3 indexing the 81 characters ASCII 35–116 without backslash; over roll calls first … first+count−1; src/alignment/data.ts',
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
  console.log(`wrote data/generated/unga-votes.json (${n} roll calls, ${states.length} states)`);
}

const countries = buildCountries();
buildWorldBank(new Set(countries.map((c) => c.iso3)));
buildCow();
buildUnga(countries);
