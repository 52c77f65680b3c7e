/**
 * The yardsticks of power that `concord balance` divides among the members: the Correlates of War
 * composite index of national capability (CINC), GDP at market exchange rates, population, and
 * military expenditure (COW `milex`). Each names its series in the data set, its unit and its
 * source; nothing here reads files.
 */
import type { Dataset } from '../data/dataset.js';
import type { YearSeries } from '../data/series.js';
import { ConcordError } from '../errors.js';
import { big } from '../util/format.js';

export const MEASURE_IDS = ['cinc', 'gdp', 'population', 'milex'] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export interface Yardstick {
  readonly id: MeasureId;
  /** Label for tables and titles. */
  readonly label: string;
  /** The noun in running text: "China's share of the members' GDP". */
  readonly noun: string;
  /** Unit of `values` and `total` in the results (after `scale`). */
  readonly unit: string;
  /** Factor from the data file's unit to `unit` (COW milex is in thousands of US$). */
  readonly scale: number;
  readonly series: (ds: Dataset) => YearSeries;
  /** Formats a total of the members in `unit`. */
  readonly formatTotal: (x: number) => string;
  /** What the yardstick measures and what to keep in mind when reading it. */
  readonly caveat: string;
}

export const YARDSTICKS: Readonly<Record<MeasureId, Yardstick>> = {
  cinc: {
    id: 'cinc',
    label: 'CINC (composite index of national capability)',
    noun: 'CINC',
    unit: 'share of the state system',
    scale: 1,
    series: (ds) => ds.cinc,
    formatTotal: (x) => `${x.toFixed(4)} (${(x * 100).toFixed(1)}% of the world's capabilities)`,
    caveat:
      'CINC averages a state’s shares of world military expenditure, military personnel, iron and steel production, primary energy consumption, total population and urban population (Singer, Bremer & Stuckey 1972); the data end in 2016.',
  },
  gdp: {
    id: 'gdp',
    label: 'GDP (current US$)',
    noun: 'GDP',
    unit: 'current US$',
    scale: 1,
    series: (ds) => ds.gdp,
    formatTotal: (x) => `US$${big(x)}`,
    caveat:
      'GDP at market exchange rates in current US dollars (World Bank NY.GDP.MKTP.CD); exchange-rate swings move the shares, and purchasing-power parity would give poorer members larger shares.',
  },
  population: {
    id: 'population',
    label: 'population',
    noun: 'population',
    unit: 'persons',
    scale: 1,
    series: (ds) => ds.population,
    formatTotal: (x) => big(x),
    caveat: 'Total population (World Bank SP.POP.TOTL): a measure of potential, not of usable power.',
  },
  milex: {
    id: 'milex',
    label: 'military expenditure (SIPRI from 1992, COW before; current US$)',
    noun: 'military expenditure',
    unit: 'current US$',
    scale: 1000,
    series: (ds) => ds.milex,
    formatTotal: (x) => `US$${big(x)}`,
    caveat:
      'Military expenditure in current US$ at market exchange rates: SIPRI Military Expenditure Database 2025 for 1992–2024 (US$ million at current prices and exchange rates; cite "SIPRI Military Expenditure Database 2025, https://www.sipri.org/databases/milex"; non-commercial fair use), the Correlates of War National Material Capabilities data before 1992. SIPRI has no figure for some members in some years (Uzbekistan: only 1994–2003 but 1998, and 2018; Afghanistan: most years) and none for the Maldives: they are n/a and left out of that year\'s shares. SIPRI’s estimates and uncertain figures are not marked.',
  },
};

/** The yardstick with this id; E_USAGE naming the known ones (and the nearest) otherwise. */
export function yardstick(id: string): Yardstick {
  const key = id.trim().toLowerCase();
  if ((MEASURE_IDS as readonly string[]).includes(key)) return YARDSTICKS[key as MeasureId];
  const near =
    MEASURE_IDS.find((m) => key.length >= 3 && (m.startsWith(key) || key.startsWith(m))) ??
    MEASURE_IDS.map((m) => ({ m, d: editDistance(key, m) }))
      .filter((x) => x.d <= 2)
      .sort((a, b) => a.d - b.d)[0]?.m;
  throw new ConcordError('E_USAGE', `--measure: unknown measure "${id}"`, {
    path: '--measure',
    hint: `${near ? `Did you mean ${near}? ` : ''}Measures: ${MEASURE_IDS.join(', ')}.`,
    key: 'balance.unknownMeasure',
    values: { id, near: near ?? 'none', measures: MEASURE_IDS.join(', ') },
  });
}

/** A member's value in a year on a yardstick, in the yardstick's unit; null when the data have none. */
export function figureOf(ys: Yardstick, ds: Dataset, iso3: string, year: number): number | null {
  const v = ys.series(ds).get(iso3, year);
  return v === null ? null : v * ys.scale;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
