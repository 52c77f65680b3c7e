/**
 * Aggregate facts of a set of states on a date: area and share of Eurasia's area, population and
 * share of the world's, GDP and share of world GDP, the CINC sum, nuclear-weapon states.
 *
 * Year rule: each yardstick uses the date's year if the data has a value for every state in it,
 * else the latest earlier year that has (named in the result). World totals are the World Bank
 * aggregate `WLD` of that same year. CINC is already a share of the state system, so its sum is the
 * group's share of world capabilities. Pure function of its inputs.
 */
import type { Dataset } from '../data/dataset.js';
import { WORLD } from '../data/dataset.js';
import type { YearSeries } from '../data/series.js';
import { type IsoDate, yearOf } from '../util/dates.js';

export interface YearFigure {
  readonly value: number;
  readonly year: number;
}

export interface Facts {
  readonly date: IsoDate;
  readonly states: string[];
  readonly areaKm2: number;
  readonly eurasiaAreaKm2: number;
  /** Members' area inside Eurasia ÷ Eurasia's area. */
  readonly eurasiaAreaShare: number;
  readonly population: YearFigure | null;
  readonly worldPopulation: YearFigure | null;
  readonly worldPopulationShare: number | null;
  readonly gdpUsd: YearFigure | null;
  readonly worldGdpUsd: YearFigure | null;
  readonly worldGdpShare: number | null;
  /** Sum of the members' CINC scores: their share of world material capabilities. */
  readonly cinc: YearFigure | null;
  readonly nuclearStates: string[];
  /** Members with undeclared nuclear arsenals (Israel), not counted in nuclearStates. */
  readonly undeclaredNuclearStates: string[];
  /** Data caveats: yardsticks whose year differs from the date's, states without data. */
  readonly notes: string[];
  readonly sources: Record<'area' | 'population' | 'gdp' | 'cinc' | 'nuclear', string>;
}

function figure(series: YearSeries, states: readonly string[], year: number, label: string, notes: string[]) {
  const withData = states.filter((s) => series.has(s));
  const missing = states.filter((s) => !series.has(s));
  if (missing.length) notes.push(`${label}: no data at all for ${missing.join(', ')} (left out of the sum)`);
  const sum = series.sum(withData, year);
  if (!sum) {
    notes.push(`${label}: no year at or before ${year} has data for every member`);
    return null;
  }
  if (sum.year !== year) {
    const latest =
      year > series.lastYear
        ? `the data end in ${series.lastYear}`
        : 'some members lack data for later years';
    notes.push(`${label}: ${year} not available (${latest}); ${sum.year} used`);
  }
  return sum;
}

export function computeFacts(ds: Dataset, states: readonly string[], date: IsoDate): Facts {
  const year = yearOf(date);
  const notes: string[] = [];
  const recs = states.map((s) => ds.countries.get(s)).filter((c) => c !== undefined);
  const areaKm2 = recs.reduce((s, c) => s + c.areaKm2, 0);
  const eurasianArea = recs.filter((c) => c.eurasia).reduce((s, c) => s + c.areaKm2, 0);
  const population = figure(ds.population, states, year, 'population', notes);
  const gdpUsd = figure(ds.gdp, states, year, 'GDP', notes);
  const cinc = figure(ds.cinc, states, year, 'CINC', notes);
  const worldAt = (series: YearSeries, y: number | undefined): YearFigure | null => {
    if (y === undefined) return null;
    const v = series.get(WORLD, y);
    return v === null ? null : { value: v, year: y };
  };
  const worldPopulation = worldAt(ds.population, population?.year);
  const worldGdpUsd = worldAt(ds.gdp, gdpUsd?.year);
  const inSet = new Set(states);
  const nuclear = ds.nuclear.filter((n) => inSet.has(n.iso3));
  return {
    date,
    states: [...states],
    areaKm2,
    eurasiaAreaKm2: ds.eurasiaAreaKm2,
    eurasiaAreaShare: eurasianArea / ds.eurasiaAreaKm2,
    population,
    worldPopulation,
    worldPopulationShare: population && worldPopulation ? population.value / worldPopulation.value : null,
    gdpUsd,
    worldGdpUsd,
    worldGdpShare: gdpUsd && worldGdpUsd ? gdpUsd.value / worldGdpUsd.value : null,
    cinc,
    nuclearStates: nuclear
      .filter((n) => n.status === 'declared' && n.firstTest !== null && n.firstTest <= date)
      .map((n) => n.iso3),
    undeclaredNuclearStates: nuclear.filter((n) => n.status === 'undeclared').map((n) => n.iso3),
    notes,
    sources: {
      area: `${ds.countriesMeta.source} ${ds.countriesMeta.version} (${ds.countriesMeta.licence})`,
      population: `${ds.population.meta.source}, ${ds.population.meta.title}, ${ds.population.firstYear}–${ds.population.lastYear}`,
      gdp: `${ds.gdp.meta.source}, ${ds.gdp.meta.title}, ${ds.gdp.firstYear}–${ds.gdp.lastYear}`,
      cinc: `${ds.cinc.meta.source}, ${ds.cinc.firstYear}–${ds.cinc.lastYear}`,
      nuclear: 'Arms Control Association, Nuclear Testing Tally (first test dates)',
    },
  };
}
