/**
 * The balance of power inside an organization: each member's share of the members' total on a
 * yardstick (CINC, GDP, population, military expenditure), and the concentration of those shares
 * (./measures.ts), per year and at every membership stage. Pure: data and organization in, plain
 * objects out.
 *
 * Membership in a year: the states that are members on 31 December of that year (a state admitted
 * on any day of the year counts for the whole year; one that left during it does not). Annual data
 * are calendar-year figures, so a year's row pairs that year's figures with its closing member set.
 *
 * Years: each year's own figures only. A member without a figure in a year is listed in `missing`
 * and left out of that year's shares (the row is `partial`); it is never counted as zero. A year
 * beyond the end of the data has no row values (`missing`): nothing is carried forward or
 * extrapolated.
 *
 * Stages: a stage starts on a day the member set changes (src/org/organization.ts `stages`). The
 * change is measured as a counterfactual on one year's figures: the members before the change and
 * the members after it, both on the same data year. That year is the stage's own year when every
 * state involved has a figure for it, and otherwise the latest earlier year that has — the data-year
 * rule of docs/data.md, named in `dataYear` with the reason in `dataYearNote`. Because only the
 * member set differs, the difference is the enlargement's effect and nothing else. (A ratio between
 * two members — China to Russia — cannot change with an enlargement on fixed figures; their shares
 * and the weight of the others do.) The founding stage of an organization with a predecessor (the
 * SCO and the Shanghai Five) compares with the predecessor's last member set.
 */
import type { Dataset } from '../data/dataset.js';
import { country } from '../data/dataset.js';
import { ConcordError } from '../errors.js';
import { localizedShortName } from '../org/names.js';
import { membersOn, stages } from '../org/organization.js';
import type { Organization } from '../org/schema.js';
import { type IsoDate, yearOf } from '../util/dates.js';
import { describeSeries, describeStage } from './describe.js';
import { type Concentration, concentration, sharesOf } from './measures.js';
import { figureOf, type MeasureId, YARDSTICKS, type Yardstick } from './yardsticks.js';

export const MEMBERSHIP_RULE =
  'members on 31 December of each year (a state admitted during a year counts for that year; one that left during it does not)';

export const STAGE_RULE =
  "each change is measured on one year's figures, the members before vs the members after; that year is the stage's year, or the latest earlier year with figures for every state involved";

/** The distribution of a yardstick among one set of members in one year. */
export interface Distribution {
  /** The year of the figures. */
  readonly year: number;
  readonly members: string[];
  /** Each member's figure in the yardstick's unit; null when the data have none. */
  readonly values: Record<string, number | null>;
  /** Members without a figure: left out of the shares, never counted as zero. */
  readonly missing: string[];
  /** Sum over the members with a figure; null with fewer than two. */
  readonly total: number | null;
  /** Shares of `total`, for the members with a figure (they sum to one). */
  readonly shares: Record<string, number>;
  /** Null when fewer than two members have a figure. */
  readonly concentration: Concentration | null;
  /** The pair's ratio (first ÷ second) when both are counted and the second is positive. */
  readonly pairRatio: number | null;
  /** 1 − the pair's two shares: the weight of the other members, when both are counted. */
  readonly outsidePair: number | null;
}

export type YearStatus = 'complete' | 'partial' | 'missing';

export interface BalanceYear extends Distribution {
  /** complete: every member has a figure; partial: some lack one (listed); missing: no measure. */
  readonly status: YearStatus;
  readonly note: string | null;
  /** The source and unit of the year's figures, where the series joins several (military expenditure). */
  readonly source?: { readonly source: string; readonly unit: string };
}

export type StageKind = 'founding' | 'enlargement' | 'withdrawal' | 'change';

export interface StageBalance {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly stageYear: number;
  readonly kind: StageKind;
  readonly joined: string[];
  readonly left: string[];
  /** The organization the founding stage is compared with (the predecessor), if any. */
  readonly comparedWith: { id: string; shortName: string } | null;
  /** Year of the figures used for both sides; null when no year up to the stage has them all. */
  readonly dataYear: number | null;
  readonly dataYearNote: string | null;
  /** The previous member set on the data year (null for a founding without predecessor). */
  readonly before: Distribution | null;
  readonly after: Distribution | null;
  /** Share of the new (admitted) members in the enlarged total. */
  readonly joinedShare: number | null;
  /** Share the departing members held in the old total. */
  readonly leftShare: number | null;
  /** One sentence saying what changed. */
  readonly sentence: string;
}

export interface Hypothetical {
  /** Members on 31 December of `baseYear`. */
  readonly baseYear: number;
  readonly add: string[];
  readonly remove: string[];
  readonly dataYear: number | null;
  readonly dataYearNote: string | null;
  readonly before: Distribution | null;
  readonly after: Distribution | null;
  readonly joinedShare: number | null;
  readonly leftShare: number | null;
  readonly sentence: string;
}

export interface Balance {
  readonly organization: { id: string; name: string; shortName: string };
  readonly measure: {
    id: MeasureId;
    label: string;
    unit: string;
    source: string;
    url: string;
    firstYear: number;
    lastYear: number;
    caveat: string;
    /** The years, source and unit of each part of a joined series (military expenditure). */
    segments?: ReadonlyArray<{
      firstYear: number;
      lastYear: number;
      source: string;
      unit: string;
      url: string;
    }>;
  };
  readonly membershipRule: string;
  readonly stageRule: string;
  readonly from: number;
  readonly to: number;
  /** The two members whose ratio is followed (for the SCO: China and Russia). */
  readonly pair: [string, string] | null;
  readonly pairNote: string;
  readonly years: BalanceYear[];
  readonly stages: StageBalance[];
  readonly hypothetical: Hypothetical | null;
  /** One sentence on the whole series. */
  readonly summary: string;
  readonly notes: string[];
}

export interface BalanceOptions {
  readonly measure: MeasureId;
  /** First and last year of the series (default: the organization's years within the data). */
  readonly from?: number;
  readonly to?: number;
  /** The pair to follow; default: the two largest members in the first year with data. */
  readonly pair?: readonly [string, string];
  /** A hypothetical change of the member set of `to`'s 31 December. */
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  /** The organization's predecessor, for the founding stage. */
  readonly predecessor?: Organization;
}

const name = (ds: Dataset, iso3: string) => ds.countries.get(iso3)?.name ?? iso3;

/** The member states on 31 December of `year`. */
export function membersInYear(org: Organization, year: number): string[] {
  return membersOn(org, `${year}-12-31`).map((m) => m.iso3);
}

/** The first and last year with a 31 December inside the organization's life. */
export function organizationYears(org: Organization): { first: number; last: number | null } {
  return { first: yearOf(org.founded), last: org.dissolved ? yearOf(org.dissolved) - 1 : null };
}

/** The distribution of a yardstick among `members` in `year` (the year's own figures only). */
export function distribution(
  ys: Yardstick,
  ds: Dataset,
  members: readonly string[],
  year: number,
  pair: readonly [string, string] | null = null,
): Distribution {
  const values: Record<string, number | null> = {};
  const present = new Map<string, number>();
  for (const m of members) {
    const v = figureOf(ys, ds, m, year);
    values[m] = v;
    if (v !== null) present.set(m, v);
  }
  const missing = members.filter((m) => values[m] === null);
  const shares = present.size >= 2 ? sharesOf(present) : null;
  const total = shares ? [...present.values()].reduce((s, x) => s + x, 0) : null;
  if (total !== null && !Number.isFinite(total))
    throw new ConcordError(
      'E_VALIDATION',
      `the members' ${ys.noun} figures for ${year} sum to more than a double can hold`,
      {
        path: `${ys.id}.${year}.total`,
        hint: 'Give figures of ordinary size (in larger units).',
        key: 'balance.totalOverflow',
        values: { measure: ys.id, noun: ys.noun, year: String(year) },
      },
    );
  const a = pair ? present.get(pair[0]) : undefined;
  const b = pair ? present.get(pair[1]) : undefined;
  return {
    year,
    members: [...members],
    values,
    missing,
    total,
    shares: shares ? Object.fromEntries(shares) : {},
    concentration: shares ? concentration(shares) : null,
    pairRatio: a !== undefined && b !== undefined && b > 0 ? a / b : null,
    outsidePair:
      shares && pair && shares.has(pair[0]) && shares.has(pair[1])
        ? Math.max(0, 1 - shares.get(pair[0])! - shares.get(pair[1])!)
        : null,
  };
}

function yearRow(
  ys: Yardstick,
  ds: Dataset,
  members: string[],
  year: number,
  pair: readonly [string, string] | null,
): BalanceYear {
  const seg = ys.series(ds).meta.segments?.find((x) => x.firstYear <= year && year <= x.lastYear);
  const row = yearRowOf(ys, ds, members, year, pair);
  return seg ? { ...row, source: { source: seg.source, unit: seg.unit } } : row;
}

function yearRowOf(
  ys: Yardstick,
  ds: Dataset,
  members: string[],
  year: number,
  pair: readonly [string, string] | null,
): BalanceYear {
  const series = ys.series(ds);
  const d = distribution(ys, ds, members, year, pair);
  if (members.length < 2) {
    return {
      ...d,
      status: 'missing',
      note: members.length ? `only one member (${members[0]})` : 'no members',
    };
  }
  if (year > series.lastYear) {
    return { ...d, status: 'missing', note: `the ${ys.noun} data end in ${series.lastYear}` };
  }
  if (year < series.firstYear) {
    return { ...d, status: 'missing', note: `the ${ys.noun} data begin in ${series.firstYear}` };
  }
  if (!d.concentration) {
    const withFigures = members.length - d.missing.length;
    return {
      ...d,
      status: 'missing',
      note:
        withFigures >= 2
          ? "the members' figures sum to zero"
          : `fewer than two members have figures (none for ${d.missing.join(', ')})`,
    };
  }
  if (d.missing.length) {
    return {
      ...d,
      status: 'partial',
      note: `no figure for ${d.missing.join(', ')}: shares of the other ${members.length - d.missing.length} members`,
    };
  }
  return { ...d, status: 'complete', note: null };
}

/** The latest year ≤ `year` in which every state in `states` has a figure, with the reason when earlier. */
function stageDataYear(
  ys: Yardstick,
  ds: Dataset,
  states: readonly string[],
  year: number,
): { year: number | null; note: string | null } {
  const series = ys.series(ds);
  const y = series.commonYear(states, year);
  if (y === year) return { year: y, note: null };
  const reasons: string[] = [];
  if (year > series.lastYear) reasons.push(`the ${ys.noun} data end in ${series.lastYear}`);
  const lacking = states.filter((s) => series.get(s, Math.min(year, series.lastYear)) === null);
  if (lacking.length)
    reasons.push(`${Math.min(year, series.lastYear)} has no figure for ${lacking.join(', ')}`);
  if (y === null) {
    return {
      year: null,
      note: `${reasons.join('; ')}; no earlier year has figures for every state involved`,
    };
  }
  return { year: y, note: `${reasons.join('; ')}: measured on ${y} figures` };
}

function change(
  ys: Yardstick,
  ds: Dataset,
  beforeSet: readonly string[] | null,
  afterSet: readonly string[],
  year: number,
  pair: readonly [string, string] | null,
) {
  const involved = [...new Set([...(beforeSet ?? []), ...afterSet])];
  const dy = stageDataYear(ys, ds, involved, year);
  if (dy.year === null) {
    return {
      dataYear: null,
      dataYearNote: dy.note,
      before: null,
      after: null,
      joinedShare: null,
      leftShare: null,
    };
  }
  const before = beforeSet && beforeSet.length >= 2 ? distribution(ys, ds, beforeSet, dy.year, pair) : null;
  const after = afterSet.length >= 2 ? distribution(ys, ds, afterSet, dy.year, pair) : null;
  const joined = beforeSet ? afterSet.filter((m) => !beforeSet.includes(m)) : [];
  const left = beforeSet ? beforeSet.filter((m) => !afterSet.includes(m)) : [];
  const sum = (d: Distribution | null, ms: string[]) =>
    d && ms.length ? ms.reduce((s, m) => s + (d.shares[m] ?? 0), 0) : null;
  return {
    dataYear: dy.year,
    dataYearNote: dy.note,
    before,
    after,
    joinedShare: sum(after, joined),
    leftShare: sum(before, left),
  };
}

function stageKind(joined: readonly string[], left: readonly string[], founding: boolean): StageKind {
  if (founding) return 'founding';
  if (joined.length && !left.length) return 'enlargement';
  if (left.length && !joined.length) return 'withdrawal';
  return 'change';
}

/** The day before an ISO date. */
function dayBefore(d: IsoDate): IsoDate {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The default pair: the two largest members in the organization's first year with figures, the
 * larger of the two in its last year with figures for both first (so that the latest ratio is ≥ 1).
 */
function defaultPair(
  org: Organization,
  ys: Yardstick,
  ds: Dataset,
  first: number,
  last: number,
): { pair: [string, string] | null; note: string } {
  for (let y = first; y <= last; y++) {
    const d = distribution(ys, ds, membersInYear(org, y), y);
    if (!d.concentration) continue;
    const a = d.concentration.largest.iso3;
    const b = d.concentration.second.iso3;
    for (let z = last; z >= y; z--) {
      const va = figureOf(ys, ds, a, z);
      const vb = figureOf(ys, ds, b, z);
      if (va === null || vb === null) continue;
      return {
        pair: va >= vb ? [a, b] : [b, a],
        note: `the two largest members in ${y}, the ${org.shortName}'s first year with ${ys.noun} figures`,
      };
    }
  }
  return { pair: null, note: `no year has ${ys.noun} figures for two members` };
}

/** Validates a hypothetical change against the member set of the base year. */
function hypotheticalSet(
  ds: Dataset,
  base: readonly string[],
  baseYear: number,
  add: readonly string[],
  remove: readonly string[],
): { add: string[]; remove: string[]; set: string[] } {
  const a = add.map((c, i) => country(ds, c, `--with[${i}]`).iso3);
  const r = remove.map((c, i) => country(ds, c, `--without[${i}]`).iso3);
  const already = a.filter((c) => base.includes(c));
  if (already.length) {
    throw new ConcordError(
      'E_USAGE',
      `--with: ${already.join(', ')} ${already.length > 1 ? 'are' : 'is'} already a member on 31 December ${baseYear}`,
      {
        path: '--with',
        hint: 'Name states outside the organization, or use --without to take members out.',
        key: 'balance.withAlreadyMember',
        values: { states: already.join(', '), count: already.length, year: String(baseYear) },
      },
    );
  }
  const absent = r.filter((c) => !base.includes(c));
  if (absent.length) {
    throw new ConcordError(
      'E_USAGE',
      `--without: ${absent.join(', ')} ${absent.length > 1 ? 'are' : 'is'} not a member on 31 December ${baseYear}`,
      {
        path: '--without',
        hint: `Members on 31 December ${baseYear}: ${base.join(', ')}.`,
        key: 'balance.withoutNotMember',
        values: {
          states: absent.join(', '),
          count: absent.length,
          year: String(baseYear),
          members: base.join(', '),
        },
      },
    );
  }
  const set = [...base.filter((m) => !r.includes(m)), ...a.filter((m, i) => a.indexOf(m) === i)];
  if (set.length < 2) {
    throw new ConcordError(
      'E_UNSUPPORTED',
      `the hypothetical organization would have ${set.length} member${set.length === 1 ? '' : 's'}; a balance needs at least two`,
      {
        path: '--without',
        hint: 'Take fewer members out.',
        key: 'balance.tooFewLeft',
        values: { count: set.length },
      },
    );
  }
  return { add: [...new Set(a)], remove: [...new Set(r)], set };
}

/** The balance of power inside `org` on a yardstick: the series per year and the change at each stage. */
export function balance(org: Organization, ds: Dataset, options: BalanceOptions): Balance {
  const ys = YARDSTICKS[options.measure];
  const series = ys.series(ds);
  const life = organizationYears(org);
  const lastLife = life.last ?? Number.POSITIVE_INFINITY;
  const notes: string[] = [];
  if (life.last !== null && life.last < life.first) {
    throw new ConcordError(
      'E_NO_DATA',
      `${org.shortName} existed from ${org.founded} to ${org.dissolved}, never on a 31 December: it has no yearly series`,
      {
        path: 'organization',
        hint: 'Yearly membership is counted on 31 December.',
        key: 'balance.noDecember',
        values: { org: localizedShortName(org), founded: org.founded, dissolved: org.dissolved ?? '' },
      },
    );
  }
  let from = options.from ?? life.first;
  let to = options.to ?? Math.max(from, Math.min(lastLife, series.lastYear));
  if (from > to) {
    throw new ConcordError('E_USAGE', `--from ${from} is after --to ${to}`, {
      path: '--from',
      hint: 'Give --from a year at or before --to.',
      key: 'balance.fromAfterTo',
      values: { from: String(from), to: String(to) },
    });
  }
  if (to < life.first) {
    const pred = options.predecessor;
    throw new ConcordError(
      'E_BEFORE_FOUNDING',
      `${org.shortName} was founded on ${org.founded}; ${from}–${to} is before it`,
      {
        path: '--to',
        hint: `Give years from ${life.first} on${pred ? `, or ask about its predecessor: concord balance ${pred.id}` : ''}.`,
        key: 'balance.beforeFounding',
        values: {
          org: localizedShortName(org),
          founded: org.founded,
          from: String(from),
          to: String(to),
          first: String(life.first),
          predecessor: pred ? pred.id : 'none',
        },
      },
    );
  }
  if (from > lastLife) {
    throw new ConcordError(
      'E_DATE_OUT_OF_RANGE',
      `${org.shortName} was dissolved on ${org.dissolved}; ${from}–${to} is after it`,
      {
        path: '--from',
        hint: `Give years up to ${life.last}.`,
        key: 'balance.afterDissolution',
        values: {
          org: localizedShortName(org),
          dissolved: org.dissolved ?? '',
          from: String(from),
          to: String(to),
          last: String(life.last),
        },
      },
    );
  }
  if (from < life.first) {
    notes.push(
      `${org.shortName} was founded on ${org.founded}: the series starts in ${life.first}, not ${from}`,
    );
    from = life.first;
  }
  if (to > lastLife) {
    notes.push(
      `${org.shortName} was dissolved on ${org.dissolved}: the series ends in ${life.last}, not ${to}`,
    );
    to = lastLife;
  }

  const memberSets = new Map<number, string[]>();
  for (let y = from; y <= to; y++) memberSets.set(y, membersInYear(org, y));
  const most = Math.max(...[...memberSets.values()].map((m) => m.length));
  if (most < 2) {
    const only = [...new Set([...memberSets.values()].flat())];
    throw new ConcordError(
      'E_UNSUPPORTED',
      `${org.shortName} has ${most === 0 ? 'no members' : `only one member (${only.join(', ')})`} in ${from}–${to}: a balance of power needs at least two`,
      {
        path: 'organization',
        hint: 'Choose an organization or a range of years with two or more members.',
        key: 'balance.tooFewMembers',
        values: {
          org: localizedShortName(org),
          most: most === 0 ? 'none' : 'one',
          only: only.join(', '),
          from: String(from),
          to: String(to),
        },
      },
    );
  }

  let pair: [string, string] | null;
  let pairNote: string;
  if (options.pair) {
    const [a, b] = options.pair.map((c, i) => country(ds, c, `--pair[${i}]`).iso3) as [string, string];
    if (a === b) {
      throw new ConcordError('E_USAGE', `--pair: ${a} twice`, {
        path: '--pair',
        hint: 'Name two different members, e.g. --pair CHN,RUS.',
        key: 'balance.pairTwice',
        values: { state: a },
      });
    }
    const ever = new Set(org.memberships.filter((m) => m.status === 'member').map((m) => m.state));
    const never = [a, b].filter((c) => !ever.has(c));
    if (never.length) {
      throw new ConcordError(
        'E_USAGE',
        `--pair: ${never.join(', ')} never was a member of ${org.shortName}`,
        {
          path: '--pair',
          hint: `Members: ${[...ever].sort().join(', ')}.`,
          key: 'balance.pairNeverMember',
          values: {
            states: never.join(', '),
            org: localizedShortName(org),
            members: [...ever].sort().join(', '),
          },
        },
      );
    }
    pair = [a, b];
    pairNote = 'chosen with --pair';
  } else {
    ({ pair, note: pairNote } = defaultPair(
      org,
      ys,
      ds,
      Math.max(life.first, series.firstYear),
      Math.min(lastLife, series.lastYear),
    ));
  }

  const years = [...memberSets].map(([y, members]) => yearRow(ys, ds, members, y, pair));
  if (!years.some((y) => y.status !== 'missing')) {
    throw new ConcordError(
      'E_NO_DATA',
      `no ${ys.label} figures for ${org.shortName}'s members in ${from}–${to}: the data cover ${series.firstYear}–${series.lastYear}`,
      {
        path: '--from',
        hint: `Choose years within ${Math.max(series.firstYear, life.first)}–${Math.min(series.lastYear, lastLife)}, or another --measure.`,
        key: 'balance.noFigures',
        values: {
          measure: ys.id,
          label: ys.label,
          org: localizedShortName(org),
          from: String(from),
          to: String(to),
          first: String(series.firstYear),
          last: String(series.lastYear),
          within: `${Math.max(series.firstYear, life.first)}–${Math.min(series.lastYear, lastLife)}`,
        },
      },
    );
  }
  const beyond = years.filter((y) => y.year > series.lastYear);
  if (beyond.length) {
    notes.push(
      `${ys.noun}: the data end in ${series.lastYear}; ${beyond.length === 1 ? beyond[0]!.year : `${beyond[0]!.year}–${beyond[beyond.length - 1]!.year}`} reported as missing, not extrapolated`,
    );
  }
  const partial = years.filter((y) => y.status === 'partial');
  if (partial.length) {
    const who = [...new Set(partial.flatMap((y) => y.missing))].sort();
    notes.push(
      `${ys.noun}: ${who.join(', ')} lack${who.length === 1 ? 's' : ''} figures in ${partial.length} year${partial.length > 1 ? 's' : ''} (${partial.map((y) => y.year).join(', ')}); those years' shares are among the members with figures, marked partial`,
    );
  }

  // Stages.
  const pred = options.predecessor;
  const st = stages(org);
  const stagesOut: StageBalance[] = st.map((s, i) => {
    const founding = i === 0;
    let beforeSet: string[] | null = i > 0 ? st[i - 1]!.members : null;
    let comparedWith: StageBalance['comparedWith'] = null;
    if (founding && pred) {
      const predMembers = membersOn(pred, dayBefore(org.founded)).map((m) => m.iso3);
      if (predMembers.length) {
        beforeSet = predMembers;
        comparedWith = { id: pred.id, shortName: pred.shortName };
      }
    }
    const joined = beforeSet ? s.members.filter((m) => !beforeSet!.includes(m)) : s.members;
    const left = beforeSet ? beforeSet.filter((m) => !s.members.includes(m)) : [];
    const c = change(ys, ds, beforeSet, s.members, yearOf(s.from), pair);
    const out: Omit<StageBalance, 'sentence'> = {
      from: s.from,
      to: s.to,
      stageYear: yearOf(s.from),
      kind: stageKind(joined, left, founding),
      joined,
      left,
      comparedWith,
      ...c,
    };
    return {
      ...out,
      sentence: describeStage(out, {
        org,
        ys,
        name: (c) => name(ds, c),
        predecessor: comparedWith && pred ? pred : null,
      }),
    };
  });

  let hypothetical: Hypothetical | null = null;
  if (options.add?.length || options.remove?.length) {
    const base = membersInYear(org, to);
    const h = hypotheticalSet(ds, base, to, options.add ?? [], options.remove ?? []);
    const c = change(ys, ds, base, h.set, to, pair);
    const out: Omit<Hypothetical, 'sentence'> = {
      baseYear: to,
      add: h.add,
      remove: h.remove,
      ...c,
    };
    hypothetical = {
      ...out,
      sentence: describeStage(
        { ...out, from: `${to}-12-31`, kind: 'change', joined: h.add, left: h.remove, comparedWith: null },
        { org, ys, name: (c) => name(ds, c), predecessor: null, hypothetical: true },
      ),
    };
  }

  return {
    organization: { id: org.id, name: org.name, shortName: org.shortName },
    measure: {
      id: ys.id,
      label: ys.label,
      unit: ys.unit,
      source: series.meta.source,
      url: series.meta.url,
      firstYear: series.firstYear,
      lastYear: series.lastYear,
      caveat: ys.caveat,
      ...(series.meta.segments ? { segments: series.meta.segments } : {}),
    },
    membershipRule: MEMBERSHIP_RULE,
    stageRule: STAGE_RULE,
    from,
    to,
    pair,
    pairNote,
    years,
    stages: stagesOut,
    hypothetical,
    summary: describeSeries(years, { org, ys, name: (c) => name(ds, c), pair }),
    notes,
  };
}
