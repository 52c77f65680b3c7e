/**
 * Players from an organization on a date: its member states, each with numeric fields from the
 * country data. Pure function of the organization, the data set and the date.
 *
 * Fields: `votes` (1 each: one state, one vote), `population` (persons, World Bank SP.POP.TOTL),
 * `gdp` (current US$, World Bank NY.GDP.MKTP.CD, rounded to the dollar), `cinc` (COW NMC 6.0 share
 * of world capabilities), `milex` (COW, thousands of current US$), `milper` (COW, thousands),
 * `area` (km², world-countries). Year rule as in src/org/facts.ts: the date's year if the data has a
 * value for every member, else the latest earlier year that has; a field with no such year is left
 * out, and the notes say so.
 */
import type { Dataset } from '../data/dataset.js';
import { country } from '../data/dataset.js';
import type { YearSeries } from '../data/series.js';
import { ConcordError } from '../errors.js';
import type { Player } from '../rules/evaluate.js';
import { describeRule } from '../rules/evaluate.js';
import { type Game, type GameFile, gameFromPlayers } from '../rules/game.js';
import type { Rule } from '../rules/schema.js';
import { type IsoDate, todayIso, yearOf } from '../util/dates.js';
import { assertActive, membersOn } from './organization.js';
import type { OrganizationRegistry } from './registry.js';
import type { Organization } from './schema.js';

export interface OrganizationPlayers {
  readonly players: Player[];
  readonly date: IsoDate;
  readonly members: string[];
  readonly added: string[];
  /** The data year used for each field. */
  readonly years: Record<string, number>;
  readonly notes: string[];
}

export const COUNTRY_FIELDS = ['votes', 'population', 'gdp', 'cinc', 'milex', 'milper', 'area'] as const;

export function playersOf(
  ds: Dataset,
  states: readonly string[],
  date: IsoDate,
  added: readonly string[] = [],
): Omit<OrganizationPlayers, 'date' | 'members' | 'added'> {
  const year = yearOf(date);
  const notes: string[] = [];
  const years: Record<string, number> = {};
  const series: Array<[string, YearSeries, (v: number) => number, string]> = [
    ['population', ds.population, Math.round, 'World Bank'],
    ['gdp', ds.gdp, Math.round, 'World Bank'],
    ['cinc', ds.cinc, (v) => v, 'COW NMC 6.0'],
    ['milex', ds.milex, (v) => v, 'COW NMC 6.0'],
    ['milper', ds.milper, (v) => v, 'COW NMC 6.0'],
  ];
  const values = new Map<string, Record<string, number>>(states.map((s) => [s, {}]));
  for (const [field, s, round, who] of series) {
    const y = s.commonYear(states, year);
    if (y === null) {
      notes.push(`${field}: no year at or before ${year} has ${who} data for every member; field left out`);
      continue;
    }
    years[field] = y;
    if (y !== year) notes.push(`${field}: ${who} data for ${year} not available for every member; ${y} used`);
    for (const st of states) values.get(st)![field] = round(s.get(st, y)!);
  }
  const players = states.map((iso3) => {
    const c = country(ds, iso3);
    return {
      id: iso3,
      name: c.name,
      votes: 1,
      ...values.get(iso3),
      area: c.areaKm2,
    } as Player;
  });
  if (added.length) notes.push(`hypothetical members: ${added.join(', ')}`);
  return { players, years, notes };
}

export function organizationPlayers(
  org: Organization,
  ds: Dataset,
  date: IsoDate,
  add: readonly string[] = [],
): OrganizationPlayers {
  assertActive(org, date);
  const members = membersOn(org, date).map((m) => m.iso3);
  const added: string[] = [];
  add.forEach((code, i) => {
    const iso3 = country(ds, code, `add[${i}]`).iso3;
    if (members.includes(iso3) || added.includes(iso3)) {
      throw new ConcordError(
        'E_VALIDATION',
        `add[${i}]: ${iso3} is already a member of ${org.shortName} on ${date}`,
        {
          path: `add[${i}]`,
          hint: 'Add only states that are not members on that date.',
        },
      );
    }
    added.push(iso3);
  });
  const states = [...members, ...added];
  return { ...playersOf(ds, states, date, added), date, members, added };
}

/**
 * Resolves a game file to players and a rule (an organization file takes its members on `at`).
 * The registry and the data set may be given as loaders: a game that lists its players needs neither.
 */
export function resolveGame(
  file: GameFile,
  name: string,
  registry: OrganizationRegistry | (() => OrganizationRegistry),
  ds: Dataset | (() => Dataset),
  override: { rule?: Rule } = {},
): Game {
  if (file.players)
    return { ...gameFromPlayers(file, name), ...(override.rule ? { rule: override.rule } : {}) };
  const org = (typeof registry === 'function' ? registry() : registry).get(file.organization!);
  const date = file.at ?? todayIso();
  const op = organizationPlayers(org, typeof ds === 'function' ? ds() : ds, date, file.add ?? []);
  const rule = override.rule ?? file.rule ?? org.rule;
  return {
    name: file.name ?? `${org.shortName} on ${date}${op.added.length ? ` with ${op.added.join(', ')}` : ''}`,
    players: op.players,
    rule,
    source: [
      ...(typeof file.source === 'string' ? [file.source] : (file.source ?? [])),
      ...(file.rule || override.rule
        ? []
        : [org.ruleSource ?? `${org.shortName}: ${describeRule(org.rule)}`]),
    ],
    notes: [...(file.notes ?? []), `members of ${org.shortName} on ${date}`, ...op.notes],
    literature: file.literature ?? [],
  };
}
