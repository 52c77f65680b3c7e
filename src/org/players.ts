/**
 * Players from an organization on a date: its member states, each with numeric fields from the
 * country data. Pure function of the organization, the data set and the date.
 *
 * Fields: `votes` (1 each: one state, one vote; or the weighted votes of the organization's rule
 * period on that date, `rules[].votes`), `population` (persons, World Bank SP.POP.TOTL),
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
import { localizedShortName } from './names.js';
import { assertActive, membersOn, ruleOn } from './organization.js';
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
  votes: Readonly<Record<string, number>> | null = null,
): Omit<OrganizationPlayers, 'date' | 'members' | 'added'> {
  const year = yearOf(date);
  const notes: string[] = [];
  const years: Record<string, number> = {};
  const series: Array<[string, YearSeries, (v: number) => number, string]> = [
    ['population', ds.population, Math.round, 'World Bank'],
    ['gdp', ds.gdp, Math.round, 'World Bank'],
    ['cinc', ds.cinc, (v) => v, 'COW NMC 6.0'],
    ['milex', ds.milex, (v) => v, 'SIPRI (from 1992) / COW'],
    ['milper', ds.milper, (v) => v, 'COW NMC 6.0'],
  ];
  const values = new Map<string, Record<string, number>>(states.map((s) => [s, {}]));
  for (const [field, s, round, who] of series) {
    let y = s.commonYear(states, year);
    if (y === null) {
      // Before the data begin (the EEC in 1958, population from 1960): the earliest year with a
      // value for every member, said in the notes.
      y = firstCommonYearAfter(s, states, year);
      if (y === null) {
        const missing = states.filter((st) => {
          for (let yy = s.firstYear; yy <= s.lastYear; yy++) if (s.get(st, yy) !== null) return false;
          return true;
        });
        notes.push(
          `${field}: no year has ${who} data for every member${missing.length ? ` (none for ${missing.join(', ')})` : ''}; field left out`,
        );
        continue;
      }
      notes.push(
        `${field}: ${who} data begin after ${year} for some member; ${y}, the first year with every member, used`,
      );
    } else if (y !== year)
      notes.push(`${field}: ${who} data for ${year} not available for every member; ${y} used`);
    years[field] = y;
    for (const st of states) values.get(st)![field] = round(s.get(st, y)!);
  }
  const players = states.map((iso3) => {
    const c = country(ds, iso3);
    return {
      id: iso3,
      name: c.name,
      votes: votes?.[iso3] ?? 1,
      ...values.get(iso3),
      area: c.areaKm2,
    } as Player;
  });
  if (added.length) notes.push(`hypothetical members: ${added.join(', ')}`);
  return { players, years, notes };
}

function firstCommonYearAfter(s: YearSeries, states: readonly string[], year: number): number | null {
  for (let y = Math.max(year + 1, s.firstYear); y <= s.lastYear; y++) {
    if (states.every((c) => s.get(c, y) !== null)) return y;
  }
  return null;
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
          key: 'org.addAlreadyMember',
          values: { path: `add[${i}]`, state: iso3, org: localizedShortName(org), date },
        },
      );
    }
    added.push(iso3);
  });
  const states = [...members, ...added];
  const period = ruleOn(org, date);
  if (period.votes) {
    const without = added.filter((s) => period.votes![s] === undefined);
    if (without.length) {
      throw new ConcordError(
        'E_VALIDATION',
        `add: ${without.join(', ')} ${without.length > 1 ? 'have' : 'has'} no weighted votes under ${org.shortName}'s rule "${period.id}" (${period.from} on)`,
        {
          path: 'add',
          hint: `The weights of "${period.id}" cover its members only; give a date under a rule without weights, or a rule of your own.`,
          key: 'org.addNoVotes',
          values: {
            states: without.join(', '),
            count: without.length,
            org: localizedShortName(org),
            rule: period.id,
            from: period.from,
          },
        },
      );
    }
  }
  const out = playersOf(ds, states, date, added, period.votes);
  if (period.votes) out.notes.push(`votes: weighted votes of rule period "${period.id}"`);
  return { ...out, date, members, added };
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
  const period = ruleOn(org, date);
  const rule = override.rule ?? file.rule ?? period.rule;
  return {
    name: file.name ?? `${org.shortName} on ${date}${op.added.length ? ` with ${op.added.join(', ')}` : ''}`,
    players: op.players,
    rule,
    source: [
      ...(typeof file.source === 'string' ? [file.source] : (file.source ?? [])),
      ...(file.rule || override.rule
        ? []
        : [period.source ?? `${org.shortName}: ${describeRule(period.rule)}`]),
    ],
    notes: [...(file.notes ?? []), `members of ${org.shortName} on ${date}`, ...op.notes],
    literature: file.literature ?? [],
    ...(file.unions ? { unions: file.unions } : {}),
  };
}
