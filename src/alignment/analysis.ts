/**
 * Alignment of an organization's members in the UN General Assembly: the window of roll calls,
 * the states compared, the pairwise measures, the camps, the group's cohesion per year, and
 * cohesion before and after each enlargement stage. Pure functions of the decoded vote data
 * (./data.ts) and the organization (src/org); the measures are in ./measures.ts and ./camps.ts.
 *
 * Missing data are never read as votes (docs/alignment.md): a state that cast no yes or no vote in
 * a whole session is MISSING there (not yet or no longer a member, suspended, or not taking part),
 * not "abstaining"; years without roll calls have no cohesion, not a cohesion of 0; a pair without
 * common roll calls has no agreement.
 */
import { ConcordError } from '../errors.js';
import { localizedShortName } from '../org/names.js';
import { membersOn, principalStatuses, type Stage, stages } from '../org/organization.js';
import type { Organization } from '../org/schema.js';
import { type IsoDate, isIsoDate } from '../util/dates.js';
import { type Camps, findCamps, modularity } from './camps.js';
import type { RollCall, VoteData } from './data.js';
import { type CampWeights, campGraph } from './matrix.js';
import {
  agreement,
  agreementIndex,
  cohenKappa,
  crossTable,
  crossTableDense,
  gatherCodes,
  meanAndSe,
  riceIndex,
  signorinoRitterS,
  tableCount,
  voteCounts,
} from './measures.js';
import {
  DEFAULT_BOOTSTRAP,
  DEFAULT_CAMP_WEIGHTS,
  DEFAULT_PAIR,
  DEFAULT_SCOPE,
  type RollCallScopeFilter,
} from './options.js';
import { issueCohesion, type PositionsMatrix, positionPairs, rescale } from './positions.js';
import { type CampUncertainty, campUncertainty } from './uncertainty.js';

export { type CampWeights, campGraph, type PairMeasure, pairMatrix } from './matrix.js';

/** Which roll calls: every one (`all`), or only resolutions voted on as a whole (`resolutions`). */
export type { RollCallScopeFilter } from './options.js';

export interface WindowQuery {
  /** First day: `YYYY-MM-DD`, or a year (its 1 January). */
  readonly from?: string | number;
  /** Last day (inclusive): `YYYY-MM-DD`, or a year (its 31 December). */
  readonly to?: string | number;
  readonly topic?: string;
  readonly scope?: RollCallScopeFilter;
}

export interface RollCallWindow {
  /** First and last day of the window (inclusive), cut to the data. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly fromYear: number;
  readonly toYear: number;
  readonly topic: { readonly code: string; readonly label: string } | null;
  readonly scope: RollCallScopeFilter;
  /** Indices of the roll calls in the window (date order). */
  readonly indices: readonly number[];
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
  /** Years of the window without any roll call (of the topic). */
  readonly yearsWithoutVotes: readonly number[];
  readonly notes: readonly string[];
}

/** A window bound as a date: a year is its first (`from`) or last (`to`) day. */
export function windowBound(v: string | number, side: 'from' | 'to'): { date: IsoDate; year: boolean } {
  const flag = `--${side}`;
  const t = String(v).trim();
  if (/^\d{4}$/.test(t)) return { date: side === 'from' ? `${t}-01-01` : `${t}-12-31`, year: true };
  if (isIsoDate(t)) return { date: t, year: false };
  throw new ConcordError('E_USAGE', `${flag}: "${v}" is not a year or a date`, {
    path: flag,
    hint: 'Give a year such as 2001 (the whole year) or a day such as 2001-06-15.',
    key: 'alignment.badWindowBound',
    values: { flag, value: v },
  });
}

/** "2015–2019" for whole years, else "2017-06-09 – 2026-06-04". */
export function windowLabel(w: { from: IsoDate; to: IsoDate }): string {
  const y1 = w.from.slice(0, 4);
  const y2 = w.to.slice(0, 4);
  if (w.from.endsWith('-01-01') && w.to.endsWith('-12-31')) return y1 === y2 ? y1 : `${y1}–${y2}`;
  return `${w.from} – ${w.to}`;
}

/** Resolves a topic given as a code (`hr`) or a label or part of one (`human rights`). */
export function resolveTopic(data: VoteData, topic: string): { code: string; label: string } {
  const t = topic.trim().toLowerCase();
  const entries = Object.entries(data.topics);
  const exact = entries.find(([code, label]) => code === t || label.toLowerCase() === t);
  const partial = entries.filter(([, label]) => label.toLowerCase().includes(t));
  const hit = exact ?? (partial.length === 1 ? partial[0] : undefined);
  if (!hit || !t)
    throw new ConcordError('E_UNKNOWN_ID', `unknown topic "${topic}"`, {
      path: '--topic',
      hint: `Topics of the UN roll calls: ${entries.map(([c, l]) => `${c} (${l})`).join(', ')}.`,
      key: 'alignment.unknownTopic',
      values: { topic, topics: entries.map(([c, l]) => `${c} (${l})`).join(', ') },
    });
  return { code: hit[0], label: hit[1] };
}

/** The roll calls of a window of dates, optionally of one topic and scope. */
export function selectRollCalls(data: VoteData, q: WindowQuery): RollCallWindow {
  const { firstYear } = data.meta;
  const firstData = data.rollCalls[0]!.date;
  const lastData = data.rollCalls.at(-1)!.date;
  const range = `the UN vote data run from ${firstData} to ${lastData}`;
  const notes: string[] = [];
  const f = q.from !== undefined ? windowBound(q.from, 'from') : { date: `${firstYear}-01-01`, year: true };
  const t = q.to !== undefined ? windowBound(q.to, 'to') : { date: lastData, year: false };
  const outside = (flag: string, what: string) =>
    new ConcordError('E_NO_DATA', `${flag} ${what} is outside the data: ${range}`, {
      path: flag,
      hint: `Choose a window within ${firstData} – ${lastData} (years ${firstYear}–${lastData.slice(0, 4)}).`,
      key: 'alignment.outsideData',
      values: {
        flag,
        value: what,
        first: firstData,
        last: lastData,
        firstYear: String(firstYear),
        lastYear: lastData.slice(0, 4),
      },
    });
  if (f.date < `${firstYear}-01-01`) throw outside('--from', String(q.from));
  if (f.date > lastData) throw outside('--from', String(q.from));
  if (t.date < firstData) throw outside('--to', String(q.to));
  if (t.date > lastData && !(t.year && t.date.slice(0, 4) === lastData.slice(0, 4)))
    throw outside('--to', String(q.to));
  if (f.date > t.date)
    throw new ConcordError('E_USAGE', `--from ${q.from} is after --to ${q.to}`, {
      path: '--from',
      hint: 'Give --from a day or year on or before --to.',
      key: 'alignment.fromAfterTo',
      values: { from: String(q.from), to: String(q.to) },
    });
  const from = f.date;
  let to = t.date;
  if (to > lastData) {
    notes.push(`the vote data end on ${lastData}: the window ends there, not on ${to}`);
    to = lastData;
  }
  const scope = q.scope ?? DEFAULT_SCOPE;
  if (scope !== 'all' && scope !== 'resolutions')
    throw new ConcordError('E_USAGE', `--scope: "${scope}" is not all or resolutions`, {
      path: '--scope',
      hint: 'Use --scope all (default) or --scope resolutions (resolutions voted on as a whole).',
      key: 'alignment.badScope',
      values: { scope },
    });
  const topic = q.topic ? resolveTopic(data, q.topic) : null;
  const indices: number[] = [];
  const years = new Set<number>();
  for (const rc of data.rollCalls) {
    if (rc.date < from || rc.date > to) continue;
    if (topic && !rc.topics.includes(topic.code)) continue;
    if (scope === 'resolutions' && rc.scope !== 'resolution') continue;
    indices.push(rc.index);
    years.add(rc.year);
  }
  const what = `${topic ? `roll call on ${topic.label.toLowerCase()}` : 'roll call'}${scope === 'resolutions' ? ' on a resolution as a whole' : ''}`;
  const label = windowLabel({ from, to });
  if (!indices.length)
    throw new ConcordError('E_NO_DATA', `no recorded ${what} in ${label} in the UN vote data`, {
      path: topic ? '--topic' : '--from',
      hint: topic
        ? 'Widen the window or drop --topic; not every roll call has a topic.'
        : 'Widen the window (the Assembly took no recorded vote in 1964, its 19th session).',
      key: 'alignment.noRollCalls',
      values: {
        topic: topic ? topic.label.toLowerCase() : 'none',
        scope: scope === 'resolutions' ? 'resolutions' : 'all',
        window: label,
      },
    });
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  const yearsWithoutVotes: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!years.has(y)) yearsWithoutVotes.push(y);
  if (yearsWithoutVotes.length)
    notes.push(
      `no recorded ${what} in ${yearsWithoutVotes.join(', ')}: ${yearsWithoutVotes.length === 1 ? 'that year has' : 'those years have'} no cohesion figure`,
    );
  if (topic && indices.some((i) => data.rollCalls[i]!.rcid === null)) {
    const rep = data.meta.topicRules?.reproduction.find((r) => r.topic === topic.code);
    notes.push(
      `topics of the roll calls only in the UN's records (2020 on) come from title rules (src/alignment/topics.ts), not from Voeten${rep ? `: on Voeten's roll calls they label ${(rep.alike * 100).toFixed(1)}% alike for ${topic.code}, finding ${rep.recall === null ? '–' : `${(rep.recall * 100).toFixed(0)}%`} of his ${topic.code} roll calls` : ''}`,
    );
  }
  const seam = data.seam;
  if (seam && from < seam && to >= seam) {
    notes.push(
      `the window crosses ${seam}, where Voeten's data give way to the UN's records: before it, 0 merges abstention and absence and the roll calls include amendment and paragraph votes${scope === 'resolutions' ? ' (left out here: --scope resolutions)' : ''}; from it, abstention is a vote and absence is not taking part, and only resolutions voted on as a whole are recorded. Figures for 2019 differ from the 1946–2019 copy's where a member was absent (its 0 is now "not taking part"); comparisons across the seam${scope === 'resolutions' ? '' : ' (the stages)'} use --scope resolutions`,
    );
  }
  return {
    from,
    to,
    fromYear,
    toYear,
    topic,
    scope,
    indices,
    firstDate: data.rollCalls[indices[0]!]!.date,
    lastDate: data.rollCalls[indices.at(-1)!]!.date,
    yearsWithoutVotes,
    notes,
  };
}

export type StateRole = 'member' | 'partner' | 'reference';

export interface ComparedState {
  readonly iso3: string;
  readonly name: string;
  readonly role: StateRole;
  /** For members: the membership periods that overlap the window. */
  readonly memberships: ReadonlyArray<{ from: IsoDate; to: IsoDate | null }>;
  /** Roll calls of the window in which the state took part (its session had a yes or no from it). */
  readonly rollCalls: number;
}

function overlaps(from: IsoDate, to: IsoDate | null | undefined, a: IsoDate, b: IsoDate): boolean {
  return from <= b && (!to || to > a);
}

/**
 * The states compared: the organization's members at any time in the window, then the extra
 * states of `withStates` (ISO3 codes; `partners` = its observers, dialogue partners and partners at
 * any time in the window; `all` = every state with votes in the window).
 */
export function resolveStates(
  data: VoteData,
  org: Organization,
  window: RollCallWindow,
  withStates: readonly string[] = [],
): ComparedState[] {
  const a = window.from;
  const b = window.to;
  const roles = new Map<string, StateRole>();
  for (const m of org.memberships)
    if (m.status === 'member' && overlaps(m.from, m.to, a, b)) roles.set(m.state, 'member');
  if (!roles.size)
    throw new ConcordError(
      'E_NO_DATA',
      `${org.shortName} had no members in ${windowLabel(window)} (founded ${org.founded}${org.dissolved ? `, dissolved ${org.dissolved}` : ''})`,
      {
        path: '--from',
        hint: `Choose years from ${org.founded.slice(0, 4)} on.`,
        key: 'alignment.noMembers',
        values: {
          org: localizedShortName(org),
          window: windowLabel(window),
          founded: org.founded,
          dissolved: org.dissolved ?? 'none',
          year: org.founded.slice(0, 4),
        },
      },
    );
  for (const token of withStates) {
    const t = token.trim();
    if (!t) continue;
    if (t.toLowerCase() === 'partners') {
      for (const m of org.memberships)
        if (
          m.status !== 'member' &&
          m.status !== 'applicant' &&
          overlaps(m.from, m.to, a, b) &&
          !roles.has(m.state)
        )
          roles.set(m.state, 'partner');
      continue;
    }
    if (t.toLowerCase() === 'all') {
      for (const s of data.states)
        if (!roles.has(s) && tookPart(data, s, window.indices) > 0) roles.set(s, 'reference');
      continue;
    }
    const iso3 = t.toUpperCase();
    if (!data.codes.has(iso3))
      throw new ConcordError('E_UNKNOWN_COUNTRY', `--with: ${t} is not a state of the UN vote data`, {
        path: '--with',
        hint: `Give ISO3 codes of UN members such as USA or IRN (${data.states.length} states, ${data.meta.firstYear}–${data.meta.lastYear}), or "partners" or "all".`,
        key: 'alignment.notInVotes',
        values: {
          state: t,
          count: data.states.length,
          first: String(data.meta.firstYear),
          last: String(data.meta.lastYear),
        },
      });
    const partner = org.memberships.some(
      (m) =>
        m.state === iso3 && m.status !== 'member' && m.status !== 'applicant' && overlaps(m.from, m.to, a, b),
    );
    if (!roles.has(iso3)) roles.set(iso3, partner ? 'partner' : 'reference');
  }
  const order: Record<StateRole, number> = { member: 0, partner: 1, reference: 2 };
  const first = (s: string) =>
    org.memberships
      .filter((m) => m.state === s && m.status === 'member')
      .map((m) => m.from)
      .sort()[0] ?? '';
  return [...roles.entries()]
    .sort(
      ([s1, r1], [s2, r2]) =>
        order[r1] - order[r2] || first(s1).localeCompare(first(s2)) || s1.localeCompare(s2),
    )
    .map(([iso3, role]) => {
      if (!data.codes.has(iso3))
        throw new ConcordError(
          'E_NO_DATA',
          `${iso3} (a ${role} of ${org.shortName}) is not in the UN vote data`,
          {
            hint: 'Only UN members (and former members) have UN General Assembly votes.',
            key: 'alignment.roleNotInVotes',
            values: { state: iso3, role, org: localizedShortName(org) },
          },
        );
      return {
        iso3,
        name: data.names.get(iso3) ?? iso3,
        role,
        memberships: org.memberships
          .filter((m) => m.state === iso3 && m.status === 'member' && overlaps(m.from, m.to, a, b))
          .map((m) => ({ from: m.from, to: m.to ?? null })),
        rollCalls: tookPart(data, iso3, window.indices),
      };
    });
}

function tookPart(data: VoteData, iso3: string, indices: readonly number[]): number {
  const c = data.codes.get(iso3)!;
  let n = 0;
  for (const i of indices) if (c[i] !== 3) n++;
  return n;
}

export interface PairStats {
  readonly a: string;
  readonly b: string;
  /** Roll calls on which both took part (0 counted as a vote). */
  readonly rollCalls: number;
  /** Roll calls on which both cast yes or no. */
  readonly yesNoRollCalls: number;
  readonly agreement: number | null;
  readonly agreementYesNo: number | null;
  readonly kappa: number | null;
  readonly kappaYesNo: number | null;
  readonly s: number | null;
  /** The 3×3 table, rows a's no/0/yes, columns b's. */
  readonly table: readonly number[];
}

export function pairStats(data: VoteData, a: string, b: string, indices: readonly number[]): PairStats {
  return pairFromTable(a, b, crossTable(data.codes.get(a)!, data.codes.get(b)!, indices));
}

function pairFromTable(a: string, b: string, t: number[]): PairStats {
  return {
    a,
    b,
    rollCalls: tableCount(t, 'category'),
    yesNoRollCalls: tableCount(t, 'exclude'),
    agreement: agreement(t, 'category'),
    agreementYesNo: agreement(t, 'exclude'),
    kappa: cohenKappa(t, 'category', 'nominal'),
    kappaYesNo: cohenKappa(t, 'exclude', 'nominal'),
    s: signorinoRitterS(t, 'category', 'linear'),
    table: t,
  };
}

/** Every pair of `states` (i < j). */
export function allPairs(data: VoteData, states: readonly string[], indices: readonly number[]): PairStats[] {
  const gathered = states.map((s) => gatherCodes(data.codes.get(s)!, indices));
  const out: PairStats[] = [];
  for (let i = 0; i < states.length; i++)
    for (let j = i + 1; j < states.length; j++)
      out.push(pairFromTable(states[i]!, states[j]!, crossTableDense(gathered[i]!, gathered[j]!)));
  return out;
}

export interface CampsResult extends Camps {
  readonly weights: CampWeights;
  /** Modularity of the partition {members, the other states} on the same graph; null without other states. */
  readonly membersModularity: number | null;
}

/** Louvain camps on the agreement graph of `states`; `members` for the members' partition. */
export function campsOf(
  states: readonly string[],
  pairs: readonly PairStats[],
  members: ReadonlySet<string>,
  opts: { seed?: number; resolution?: number; weights?: CampWeights } = {},
): CampsResult {
  const weights = opts.weights ?? DEFAULT_CAMP_WEIGHTS;
  const g = campGraph(states, pairs, weights);
  const c = findCamps(g, opts);
  const others = states.filter((s) => !members.has(s));
  return {
    ...c,
    weights,
    membersModularity:
      others.length && others.length < states.length
        ? modularity(
            g,
            states.map((s) => (members.has(s) ? 0 : 1)),
            c.resolution,
          )
        : null,
  };
}

export interface RollCallCohesion {
  readonly index: number;
  /** Members of the organization on the date who took part in the session. */
  readonly members: number;
  readonly yes: number;
  readonly no: number;
  readonly zero: number;
  readonly agreementIndex: number | null;
  readonly rice: number | null;
  /** Share of member pairs casting the same vote (0 counted as a vote). */
  readonly pairAgreement: number | null;
}

function pairShare(yes: number, no: number, zero: number): number | null {
  const m = yes + no + zero;
  if (m < 2) return null;
  const c2 = (x: number) => (x * (x - 1)) / 2;
  return (c2(yes) + c2(no) + c2(zero)) / c2(m);
}

/** Cohesion of a fixed set of states on each roll call (those MISSING left out; < 2 → null). */
export function cohesionOfSet(
  data: VoteData,
  states: readonly string[],
  indices: readonly number[],
): RollCallCohesion[] {
  const codes = states.filter((s) => data.codes.has(s)).map((s) => data.codes.get(s)!);
  return indices.map((i) => rollCallCohesion(codes, i));
}

function rollCallCohesion(codes: ReadonlyArray<Uint8Array>, i: number): RollCallCohesion {
  const { yes, no, zero } = voteCounts(codes, i);
  const members = yes + no + zero;
  const enough = members >= 2;
  return {
    index: i,
    members,
    yes,
    no,
    zero,
    agreementIndex: enough ? agreementIndex(yes, no, zero) : null,
    rice: enough ? riceIndex(yes, no) : null,
    pairAgreement: pairShare(yes, no, zero),
  };
}

/** Cohesion of the organization's members on each roll call, the members being those on its date. */
export function memberCohesion(
  data: VoteData,
  org: Organization,
  indices: readonly number[],
): RollCallCohesion[] {
  const byDate = new Map<IsoDate, Uint8Array[]>();
  return indices.map((i) => {
    const rc = data.rollCalls[i]!;
    let codes = byDate.get(rc.date);
    if (!codes) {
      codes = membersOn(org, rc.date)
        .map((m) => data.codes.get(m.iso3))
        .filter((c): c is Uint8Array => c !== undefined);
      byDate.set(rc.date, codes);
    }
    return rollCallCohesion(codes, i);
  });
}

export interface CohesionSummary {
  readonly rollCalls: number;
  /** Roll calls with at least two members taking part (the others have no cohesion). */
  readonly measured: number;
  readonly agreementIndex: number | null;
  /** Standard error of the mean Agreement Index over roll calls (roll calls taken as independent). */
  readonly agreementIndexSe: number | null;
  readonly rice: number | null;
  readonly pairAgreement: number | null;
}

export function summarize(rows: readonly RollCallCohesion[]): CohesionSummary {
  const ai = meanAndSe(rows.map((r) => r.agreementIndex));
  return {
    rollCalls: rows.length,
    measured: ai?.n ?? 0,
    agreementIndex: ai?.mean ?? null,
    agreementIndexSe: ai?.se ?? null,
    rice: meanAndSe(rows.map((r) => r.rice))?.mean ?? null,
    pairAgreement: meanAndSe(rows.map((r) => r.pairAgreement))?.mean ?? null,
  };
}

export interface YearCohesion extends CohesionSummary {
  readonly year: number;
  /** The largest number of members taking part in a roll call of the year. */
  readonly members: number;
}

/** Cohesion per calendar year of the window; years without roll calls have `rollCalls: 0` and nulls. */
export function cohesionByYear(
  data: VoteData,
  rows: readonly RollCallCohesion[],
  from: number,
  to: number,
): YearCohesion[] {
  const by = new Map<number, RollCallCohesion[]>();
  for (const r of rows) {
    const y = data.rollCalls[r.index]!.year;
    by.set(y, [...(by.get(y) ?? []), r]);
  }
  const out: YearCohesion[] = [];
  for (let y = from; y <= to; y++) {
    const rs = by.get(y) ?? [];
    out.push({ year: y, members: Math.max(0, ...rs.map((r) => r.members)), ...summarize(rs) });
  }
  return out;
}

/** Cohesion per session (Hix, Noury & Roland average the index over the votes of a period). */
export function cohesionBySession(
  data: VoteData,
  rows: readonly RollCallCohesion[],
): Array<CohesionSummary & { session: number; members: number }> {
  const by = new Map<number, RollCallCohesion[]>();
  for (const r of rows) {
    const s = data.rollCalls[r.index]!.session;
    by.set(s, [...(by.get(s) ?? []), r]);
  }
  return [...by.entries()]
    .sort(([a], [b]) => a - b)
    .map(([session, rs]) => ({
      session,
      members: Math.max(0, ...rs.map((r) => r.members)),
      ...summarize(rs),
    }));
}

export interface StagePeriod {
  readonly from: IsoDate;
  /** Last day of the period (inclusive). */
  readonly to: IsoDate;
  readonly rollCalls: number;
  /** The old members' cohesion (the stage before). */
  readonly oldSet: CohesionSummary;
  /** The new members' cohesion (the stage after), the new members' earlier votes included. */
  readonly newSet: CohesionSummary;
  /** Louvain camps (κ weights) of each set over the period, and their modularity. */
  readonly oldCamps: { readonly camps: string[][]; readonly modularity: number };
  readonly newCamps: { readonly camps: string[][]; readonly modularity: number };
  /** Bootstrap and null model of the new set's camps (null when not asked for). */
  readonly newCampsUncertainty: CampUncertainty | null;
}

export interface StageComparison {
  readonly date: IsoDate;
  readonly joined: readonly string[];
  readonly left: readonly string[];
  readonly membersBefore: readonly string[];
  readonly membersAfter: readonly string[];
  /** Both periods have roll calls in the window and the data. */
  readonly comparable: boolean;
  /** The roll calls compared: `resolutions` when the periods cross the seam of the two sources. */
  readonly scope: RollCallScopeFilter;
  /** Why not, or what is compared instead. */
  readonly note: string | null;
  readonly before: StagePeriod | null;
  readonly after: StagePeriod | null;
  /** After (new set) minus before (old set), Agreement Index. */
  readonly change: number | null;
  /** Standard error of the change (Welch, roll calls taken as independent: a lower bound). */
  readonly changeSe: number | null;
  /**
   * The composition split of the change: `composition` = new set before − old set before (what
   * the change of members alone does), `behaviour` = new set after − new set before (what the
   * same states did after the stage); the two add up to `change`.
   */
  readonly split: { readonly composition: number; readonly behaviour: number } | null;
}

function addDays(d: IsoDate, days: number): IsoDate {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function addYears(d: IsoDate, years: number): IsoDate {
  return `${Number(d.slice(0, 4)) + years}${d.slice(4)}`;
}

/** Options of the camps' uncertainty: resamples (0: none), permutations, seed. */
export interface UncertaintyOptions {
  readonly bootstrap?: number;
  readonly seed?: number;
  readonly resolution?: number;
  readonly weights?: CampWeights;
}

/** Bootstrap and null model of the camps of `states` over roll calls `indices`. */
export function campsUncertaintyOf(
  data: VoteData,
  states: readonly string[],
  indices: readonly number[],
  observed: number,
  opts: UncertaintyOptions,
): CampUncertainty | null {
  if (!opts.bootstrap || states.length < 3 || !indices.length) return null;
  return campUncertainty(
    states,
    states.map((s) => gatherCodes(data.codes.get(s)!, indices)),
    {
      observed,
      resamples: opts.bootstrap,
      permutations: opts.bootstrap,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      ...(opts.resolution !== undefined ? { resolution: opts.resolution } : {}),
      ...(opts.weights ? { weights: opts.weights } : {}),
    },
  );
}

/**
 * Cohesion before and after each enlargement (or departure) stage of the organization: the old
 * member set over the roll calls from the previous stage's start to the day before, and the new
 * member set from the stage's date to the next stage (both cut to the window, and to `years`
 * years next to the date if given). Each period also gives the other set's cohesion: the new set
 * before the stage (what the enlargement changes by composition alone) and the old set after it.
 * When the two periods together cross the seam between Voeten's data and the UN's records, both
 * keep only resolutions voted on as a whole (the one scope both sources share), and say so.
 */
export function stageComparisons(
  data: VoteData,
  org: Organization,
  window: RollCallWindow,
  opts: { years?: number; seed?: number } & UncertaintyOptions = {},
): StageComparison[] {
  const st: Stage[] = stages(org);
  const lastData = data.rollCalls.at(-1)!.date;
  const winFrom = window.from;
  const winTo = window.to;
  const campsOfSet = (set: readonly string[], idx: readonly number[]) => {
    const present = set.filter((x) => data.codes.has(x));
    const c = campsOf(present, allPairs(data, present, idx), new Set(present), { seed: opts.seed });
    return { camps: c.camps, modularity: c.modularity, present };
  };
  const periodIdx = (from: IsoDate, toExcl: IsoDate | null) => {
    const a = from > winFrom ? from : winFrom;
    const lastDay = toExcl ? addDays(toExcl, -1) : '9999-12-31';
    const b = lastDay < winTo ? lastDay : winTo;
    return {
      a,
      b,
      idx: window.indices.filter((i) => {
        const d = data.rollCalls[i]!.date;
        return d >= a && d <= b;
      }),
    };
  };
  const period = (
    p: { a: IsoDate; b: IsoDate; idx: readonly number[] },
    oldSet: readonly string[],
    newSet: readonly string[],
  ): StagePeriod | null => {
    if (!p.idx.length) return null;
    const newCamps = campsOfSet(newSet, p.idx);
    const { present, ...nc } = newCamps;
    return {
      from: p.a,
      to: p.b < lastData ? p.b : lastData,
      rollCalls: p.idx.length,
      oldSet: summarize(cohesionOfSet(data, oldSet, p.idx)),
      newSet: summarize(cohesionOfSet(data, newSet, p.idx)),
      oldCamps: (({ present: _p, ...c }) => c)(campsOfSet(oldSet, p.idx)),
      newCamps: nc,
      newCampsUncertainty: campsUncertaintyOf(data, present, p.idx, nc.modularity, opts),
    };
  };
  const seam = data.seam;
  const out: StageComparison[] = [];
  for (let k = 1; k < st.length; k++) {
    const prev = st[k - 1]!;
    const cur = st[k]!;
    const beforeFrom = opts.years ? maxDate(prev.from, addYears(cur.from, -opts.years)) : prev.from;
    const afterTo = opts.years ? minDate(cur.to, addYears(cur.from, opts.years)) : cur.to;
    let pb = periodIdx(beforeFrom, cur.from);
    let pa = periodIdx(cur.from, afterTo);
    const dates = [...pb.idx, ...pa.idx].map((i) => data.rollCalls[i]!.date);
    const crosses = seam !== null && dates.some((d) => d < seam) && dates.some((d) => d >= seam);
    let scope: RollCallScopeFilter = window.scope;
    if (crosses && scope === 'all') {
      scope = 'resolutions';
      const keep = (p: typeof pb) => ({
        ...p,
        idx: p.idx.filter((i) => data.rollCalls[i]!.scope === 'resolution'),
      });
      pb = keep(pb);
      pa = keep(pa);
    }
    const before = period(pb, prev.members, cur.members);
    const after = period(pa, prev.members, cur.members);
    const change = (what: string[]) => `${[...what].join(', ')}`;
    const notes: string[] = [];
    if (!after) {
      notes.push(
        cur.from > lastData
          ? `not comparable: the UN vote data end on ${lastData}, before ${change(cur.joined.length ? cur.joined : cur.left)} ${cur.joined.length ? 'joined' : 'left'} on ${cur.from}` +
              (before
                ? "; the new set's cohesion before the stage (from its states' earlier votes) shows the change by composition alone"
                : '')
          : `not comparable: no roll call in the window after ${cur.from}`,
      );
    } else if (!before) notes.push(`not comparable: no roll call in the window before ${cur.from}`);
    if (crosses && window.scope === 'all')
      notes.push(
        `the periods cross ${seam}, where Voeten's data give way to the UN's records: both are compared on resolutions voted on as a whole only (the one scope both sources share)`,
      );
    const comparable = before !== null && after !== null;
    const x = comparable ? after.newSet : null;
    const y = comparable ? before.oldSet : null;
    const nb = comparable ? before.newSet.agreementIndex : null;
    out.push({
      date: cur.from,
      joined: cur.joined,
      left: cur.left,
      membersBefore: prev.members,
      membersAfter: cur.members,
      comparable,
      scope,
      note: notes.length ? notes.join('; ') : null,
      before,
      after,
      change:
        x?.agreementIndex != null && y?.agreementIndex != null ? x.agreementIndex - y.agreementIndex : null,
      changeSe:
        x?.agreementIndexSe != null && y?.agreementIndexSe != null
          ? Math.sqrt(x.agreementIndexSe ** 2 + y.agreementIndexSe ** 2)
          : null,
      split:
        x?.agreementIndex != null && y?.agreementIndex != null && nb != null
          ? { composition: nb - y.agreementIndex, behaviour: x.agreementIndex - nb }
          : null,
    });
  }
  return out;
}

function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
function minDate(a: IsoDate | null, b: IsoDate): IsoDate {
  return a && a < b ? a : b;
}

/** The longest period compared on each side of an enlargement (the roll calls span 1946 on). */
export const MAX_STAGE_YEARS = 100;

export interface AlignmentOptions extends WindowQuery {
  readonly with?: readonly string[];
  readonly seed?: number;
  readonly resolution?: number;
  readonly campWeights?: CampWeights;
  /** Limit the periods of the stage comparison to this many years on each side. */
  readonly stageYears?: number;
  /** Bootstrap resamples (and null-model permutations) of the camps; 0 (default) for none. */
  readonly bootstrap?: number;
  /** The pair followed year by year (default China and Russia when both are compared). */
  readonly pair?: readonly [string, string];
}

/** A pair's agreement in one calendar year, on every roll call and on resolutions voted on as a whole. */
export interface PairYear {
  readonly year: number;
  readonly rollCalls: number;
  readonly agreement: number | null;
  readonly agreementYesNo: number | null;
  readonly kappa: number | null;
  /** The same on resolutions voted on as a whole only (the scope both sources share). */
  readonly resolutions: { readonly rollCalls: number; readonly agreement: number | null };
  readonly source: 'voeten' | 'un' | 'both' | null;
}

export interface AlignmentResult {
  readonly organization: { readonly id: string; readonly name: string; readonly shortName: string };
  readonly window: Omit<RollCallWindow, 'indices' | 'notes'> & { readonly rollCalls: number };
  readonly data: {
    readonly source: string;
    readonly firstYear: number;
    readonly lastYear: number;
    readonly firstDate: IsoDate;
    readonly lastDate: IsoDate;
    /** Where Voeten's data give way to the UN's records. */
    readonly seam: IsoDate | null;
    readonly sources: ReadonlyArray<{
      id: string;
      title: string;
      firstDate: string;
      lastDate: string;
      abstention: string;
    }>;
    readonly zero: string;
  };
  readonly states: readonly ComparedState[];
  readonly pairs: readonly PairStats[];
  readonly camps: CampsResult & { readonly uncertainty: CampUncertainty | null };
  readonly cohesion: {
    readonly overall: CohesionSummary;
    readonly byYear: readonly YearCohesion[];
    readonly bySession: ReadonlyArray<CohesionSummary & { session: number; members: number }>;
  };
  readonly stages: readonly StageComparison[];
  /** One pair's agreement per year (China–Russia by default). */
  readonly pairByYear: { readonly a: string; readonly b: string; readonly years: readonly PairYear[] } | null;
  readonly notes: readonly string[];
}

export const ZERO_NOTE =
  "abstention is a vote (code 0, a third option); no vote recorded (the UN's records, from 2019-11-07) means not taking part; in Voeten's 1946–2019 data 0 merges abstention, absence and non-membership and counts as a vote, except that a state with no yes or no vote in a whole session counts as not taking part in it";

/** A pair's agreement per calendar year of the window. */
export function pairByYear(data: VoteData, a: string, b: string, window: RollCallWindow): PairYear[] {
  const ca = data.codes.get(a)!;
  const cb = data.codes.get(b)!;
  const out: PairYear[] = [];
  for (let y = window.fromYear; y <= window.toYear; y++) {
    const idx = window.indices.filter((i) => data.rollCalls[i]!.year === y);
    const res = idx.filter((i) => data.rollCalls[i]!.scope === 'resolution');
    const t = crossTable(ca, cb, idx);
    const tr = crossTable(ca, cb, res);
    const srcs = new Set(idx.map((i) => data.rollCalls[i]!.source));
    out.push({
      year: y,
      rollCalls: tableCount(t, 'category'),
      agreement: agreement(t, 'category'),
      agreementYesNo: agreement(t, 'exclude'),
      kappa: cohenKappa(t, 'category', 'nominal'),
      resolutions: { rollCalls: tableCount(tr, 'category'), agreement: agreement(tr, 'category') },
      source: srcs.size === 2 ? 'both' : srcs.size === 1 ? [...srcs][0]! : null,
    });
  }
  return out;
}

/** The whole analysis behind `concord alignment <org>`. */
export function alignOrganization(
  data: VoteData,
  org: Organization,
  opts: AlignmentOptions = {},
): AlignmentResult {
  // Stage windows are dates computed from this number: keep them inside the calendar.
  if (opts.stageYears !== undefined && !(opts.stageYears > 0 && opts.stageYears <= MAX_STAGE_YEARS))
    throw new ConcordError(
      'E_VALIDATION',
      `--stage-years must be a number of years above 0 and at most ${MAX_STAGE_YEARS}, got ${opts.stageYears}`,
      {
        path: '--stage-years',
        hint: 'Give a number of years, e.g. 3.',
        key: 'alignment.badStageYears',
        values: { max: String(MAX_STAGE_YEARS), got: String(opts.stageYears) },
      },
    );
  const window = selectRollCalls(data, opts);
  const states = resolveStates(data, org, window, opts.with ?? []);
  const codes = states.map((s) => s.iso3);
  const notes = [...window.notes];
  const label = windowLabel(window);
  for (const s of states)
    if (s.rollCalls === 0)
      notes.push(
        `${s.iso3} took part in no roll call of ${label}${window.topic ? ` on ${window.topic.label.toLowerCase()}` : ''} (not a UN member then, or absent): its pairs have no figures`,
      );
  notes.push(...absenceNotes(data, codes, window));
  const pairs = allPairs(data, codes, window.indices);
  for (const p of pairs)
    if (p.rollCalls > 0 && p.rollCalls < 30)
      notes.push(`${p.a}–${p.b}: only ${p.rollCalls} common roll calls; read with care`);
  const members = new Set(states.filter((s) => s.role === 'member').map((s) => s.iso3));
  const camps = campsOf(codes, pairs, members, {
    seed: opts.seed,
    resolution: opts.resolution,
    weights: opts.campWeights,
  });
  const unc: UncertaintyOptions = {
    bootstrap: opts.bootstrap ?? DEFAULT_BOOTSTRAP,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.resolution !== undefined ? { resolution: opts.resolution } : {}),
    ...(opts.campWeights ? { weights: opts.campWeights } : {}),
  };
  const uncertainty = campsUncertaintyOf(
    data,
    codes.filter((c) => states.find((s) => s.iso3 === c)!.rollCalls > 0),
    window.indices,
    camps.modularity,
    unc,
  );
  const rows = memberCohesion(data, org, window.indices);
  const outside = rows.filter((r) => r.members < 2).length;
  if (outside)
    notes.push(
      `${outside} roll call${outside === 1 ? '' : 's'} of the window had fewer than two ${org.shortName} members taking part (before ${org.founded}, or members absent): no cohesion for ${outside === 1 ? 'it' : 'them'}`,
    );
  const [pa, pb] =
    opts.pair ?? (DEFAULT_PAIR.every((c) => codes.includes(c)) ? DEFAULT_PAIR : [codes[0], codes[1]]);
  const followed =
    pa && pb && codes.includes(pa) && codes.includes(pb)
      ? { a: pa, b: pb, years: pairByYear(data, pa, pb, window) }
      : null;
  if (opts.pair && !followed)
    throw new ConcordError('E_USAGE', `--pair: ${opts.pair.join(',')} are not both compared states`, {
      path: '--pair',
      hint: `Name two of ${codes.join(', ')} (or add a state with --with).`,
      key: 'alignment.pairNotCompared',
      values: { pair: opts.pair.join(','), states: codes.join(', ') },
    });
  const { indices: _i, notes: _n, ...w } = window;
  return {
    organization: { id: org.id, name: org.name, shortName: org.shortName },
    window: { ...w, rollCalls: window.indices.length },
    data: {
      source: data.meta.source,
      firstYear: data.meta.firstYear,
      lastYear: data.meta.lastYear,
      firstDate: data.rollCalls[0]!.date,
      lastDate: data.rollCalls.at(-1)!.date,
      seam: data.seam,
      sources: (data.meta.sources ?? []).map((s) => ({
        id: s.id,
        title: s.title,
        firstDate: s.firstDate,
        lastDate: s.lastDate,
        abstention: s.abstention,
      })),
      zero: ZERO_NOTE,
    },
    states,
    pairs,
    camps: { ...camps, uncertainty },
    cohesion: {
      overall: summarize(rows),
      byYear: cohesionByYear(data, rows, window.fromYear, window.toYear),
      bySession: cohesionBySession(data, rows),
    },
    stages: stageComparisons(data, org, window, { years: opts.stageYears, ...unc }),
    pairByYear: followed,
    notes,
  };
}

/**
 * Notes on the sessions of the window in which compared states took part in no roll call (all
 * their codes 0: not yet or no longer members, or away), grouped by session.
 */
export function absenceNotes(data: VoteData, states: readonly string[], window: RollCallWindow): string[] {
  const sessions = new Map<number, { first: string; last: string }>();
  for (const i of window.indices) {
    const rc = data.rollCalls[i]!;
    if (rc.source === 'un') continue; // absence is recorded vote by vote there
    const s = sessions.get(rc.session);
    if (!s) sessions.set(rc.session, { first: rc.date, last: rc.date });
    else s.last = rc.date;
  }
  const bySession = new Map<number, string[]>();
  const tooMany: string[] = [];
  for (const st of states) {
    const present = data.sessions.get(st);
    const absent = [...sessions.keys()].filter((s) => !present?.has(s));
    if (!absent.length || absent.length === sessions.size) continue; // none, or reported as "no roll call"
    if (absent.length > 4) {
      tooMany.push(
        `${st} took part in no roll call of ${absent.length} of the window's ${sessions.size} sessions (${absent[0]}–${absent.at(-1)}; not a UN member, or away)`,
      );
      continue;
    }
    for (const s of absent) bySession.set(s, [...(bySession.get(s) ?? []), st]);
  }
  return [
    ...[...bySession.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, who]) => {
        const span = sessions.get(s)!;
        return `session ${s} (${span.first} – ${span.last}): ${who.join(', ')} cast no yes or no vote; left out of that session, not counted as abstaining`;
      }),
    ...tooMany,
  ];
}

export interface PositionsAlignment {
  readonly actors: readonly string[];
  readonly issues: readonly string[];
  readonly pairs: ReturnType<typeof positionPairs>;
  readonly camps: Camps & { readonly weights: '(S + 1) / 2' };
  readonly cohesion: ReturnType<typeof issueCohesion>;
  readonly overallCohesion: number | null;
}

/** The same analysis on a positions matrix (actors × issues), e.g. a scenario's positions. */
export function alignPositions(
  m: PositionsMatrix,
  opts: { seed?: number; resolution?: number } = {},
): PositionsAlignment {
  if (m.actors.length < 2)
    throw new ConcordError(
      'E_NO_DATA',
      `alignment needs at least two actors with positions; found ${m.actors.length}`,
      {
        hint: 'Give positions for two or more actors.',
        key: 'alignment.tooFewActors',
        values: { count: String(m.actors.length) },
      },
    );
  rescale(m); // validates shape
  const pairs = positionPairs(m);
  const idx = new Map(m.actors.map((a, i) => [a, i]));
  const weights = m.actors.map(() => m.actors.map(() => null as number | null));
  for (const p of pairs) {
    if (p.s === null) continue;
    const w = (p.s + 1) / 2;
    weights[idx.get(p.a)!]![idx.get(p.b)!] = w;
    weights[idx.get(p.b)!]![idx.get(p.a)!] = w;
  }
  const camps = findCamps({ nodes: m.actors, weights }, opts);
  const cohesion = issueCohesion(m);
  const vals = cohesion.map((c) => c.cohesion).filter((x): x is number => x !== null);
  return {
    actors: m.actors,
    issues: m.issues.map((i) => i.id),
    pairs,
    camps: { ...camps, weights: '(S + 1) / 2' },
    cohesion,
    overallCohesion: vals.length ? vals.reduce((s, x) => s + x, 0) / vals.length : null,
  };
}

/** The roll call objects of a window (for listings). */
export function rollCallsOf(data: VoteData, indices: readonly number[]): RollCall[] {
  return indices.map((i) => data.rollCalls[i]!);
}

/** The members of an organization on a date with a principal status, for labels. */
export function statusOn(org: Organization, iso3: string, date: IsoDate): string | null {
  return principalStatuses(org, date).get(iso3)?.status ?? null;
}
