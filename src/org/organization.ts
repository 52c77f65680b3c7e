/**
 * "As of" queries on an organization: who is a member, partner or applicant on a date, who chairs,
 * the timeline of events, and the membership stages (periods with one member set). Pure functions.
 *
 * Intervals are half-open: a status held `from` one date `to` another is held on `from` and not on
 * `to`. A state may hold several statuses at once (Iran was an observer and an applicant); its
 * principal status is the highest of member > observer > dialogue partner = partner > applicant.
 */
import { ConcordError } from '../errors.js';
import type { Rule } from '../rules/schema.js';
import { type IsoDate, within } from '../util/dates.js';
import { compareCodes } from '../util/format.js';
import { localizedShortName } from './names.js';
import {
  type Chair,
  DATE_CONVENTIONS,
  type DateConvention,
  DEFAULT_DATE_CONVENTION,
  EventKindSchema,
  type Membership,
  type MembershipStatus,
  type Organization,
  type OrgEvent,
  type RulePeriod,
} from './schema.js';

export interface MemberOnDate {
  readonly iso3: string;
  /** Start of the uninterrupted membership that includes the date. */
  readonly since: IsoDate;
  readonly source: string;
  readonly source2?: string;
  readonly verified: boolean;
  /** `since` is verified only to the year or the month. */
  readonly precision?: 'year' | 'month';
}

/** One status record of a state, for its history. */
export interface StatusPeriod {
  readonly status: MembershipStatus;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly decided?: IsoDate;
  readonly memorandum?: IsoDate;
  readonly precision?: 'year' | 'month';
}

export interface PartnerOnDate {
  readonly iso3: string;
  readonly status: Exclude<MembershipStatus, 'member' | 'applicant'>;
  readonly since: IsoDate;
  readonly source: string;
  readonly source2?: string;
  readonly verified: boolean;
  readonly precision?: 'year' | 'month';
  /** The state's statuses up to the date, oldest first (observer since 2004, partner since 2025, …). */
  readonly history: readonly StatusPeriod[];
}

/**
 * The organization with its status dates read by one convention: `memorandum` (default, the
 * records as written: a status counts from the memorandum that brought it into force, where there
 * is one) or `decision` (from the summit decision, `decided`, where the record has one). A record
 * ending on the day a re-dated record of the same state begins is re-dated with it.
 */
export function withDateConvention(
  org: Organization,
  dates: DateConvention = DEFAULT_DATE_CONVENTION,
): Organization {
  if (dates === 'memorandum') return org;
  const moved = new Map<string, IsoDate>();
  for (const m of org.memberships)
    if (m.decided && m.decided !== m.from) moved.set(`${m.state}|${m.from}`, m.decided);
  if (!moved.size) return org;
  return {
    ...org,
    memberships: org.memberships.map((m) => {
      const from = moved.get(`${m.state}|${m.from}`) ?? m.from;
      const to = m.to ? (moved.get(`${m.state}|${m.to}`) ?? m.to) : m.to;
      if (from === m.from && to === m.to) return m;
      // The decision date is exact: the precision of a memorandum's date does not carry over.
      const { precision: _p, ...rest } = m;
      return { ...(from === m.from ? m : rest), from, ...(to ? { to } : {}) };
    }),
  };
}

/** Checks a `--dates` value: exit 2 with the list otherwise. */
export function dateConvention(v: string | undefined, path = '--dates'): DateConvention {
  if (v === undefined) return DEFAULT_DATE_CONVENTION;
  const t = v.trim().toLowerCase();
  if ((DATE_CONVENTIONS as readonly string[]).includes(t)) return t as DateConvention;
  throw new ConcordError('E_USAGE', `${path}: "${v}" is not one of ${DATE_CONVENTIONS.join(', ')}`, {
    path,
    hint: `Use ${DATE_CONVENTIONS.map((d) => `${path} ${d}`).join(' or ')}: memorandum (default) counts a status from the memorandum that brought it into force, decision from the summit that agreed it.`,
    key: 'org.badDateConvention',
    values: { path, value: v, list: DATE_CONVENTIONS.join(', ') },
  });
}

/** A state's status records that began on or before `date`, oldest first. */
export function historyOf(org: Organization, iso3: string, date: IsoDate): StatusPeriod[] {
  return org.memberships
    .filter((m) => m.state === iso3 && m.from <= date)
    .sort((a, b) => compareCodes(a.from, b.from) || RANK[a.status] - RANK[b.status])
    .map((m) => ({
      status: m.status,
      from: m.from,
      to: m.to && m.to <= date ? m.to : null,
      ...(m.decided ? { decided: m.decided } : {}),
      ...(m.memorandum ? { memorandum: m.memorandum } : {}),
      ...(m.precision ? { precision: m.precision } : {}),
    }));
}

const extras = (m: Membership) => ({
  ...(m.source2 ? { source2: m.source2 } : {}),
  ...(m.precision ? { precision: m.precision } : {}),
});

const RANK: Record<MembershipStatus, number> = {
  member: 4,
  observer: 3,
  'dialogue partner': 2,
  partner: 2,
  applicant: 1,
};

export function recordsOn(org: Organization, date: IsoDate): Membership[] {
  return org.memberships.filter((m) => within(date, m.from, m.to));
}

/** Start of the run of back-to-back records with this status that contains `date`. */
function runStart(org: Organization, m: Membership): IsoDate {
  let start = m.from;
  for (;;) {
    const prev = org.memberships.find((r) => r.state === m.state && r.status === m.status && r.to === start);
    if (!prev) return start;
    start = prev.from;
  }
}

/** The principal status of each state on `date`. */
export function principalStatuses(org: Organization, date: IsoDate): Map<string, Membership> {
  const out = new Map<string, Membership>();
  for (const m of recordsOn(org, date)) {
    const cur = out.get(m.state);
    if (!cur || RANK[m.status] > RANK[cur.status]) out.set(m.state, m);
  }
  return out;
}

export function membersOn(org: Organization, date: IsoDate): MemberOnDate[] {
  return [...principalStatuses(org, date).values()]
    .filter((m) => m.status === 'member')
    .map((m) => ({
      iso3: m.state,
      since: runStart(org, m),
      source: m.source,
      ...extras(m),
      verified: m.verified,
    }))
    .sort((a, b) => compareCodes(a.since, b.since) || compareCodes(a.iso3, b.iso3));
}

export function partnersOn(org: Organization, date: IsoDate): PartnerOnDate[] {
  return [...principalStatuses(org, date).values()]
    .filter((m) => m.status !== 'member' && m.status !== 'applicant')
    .map((m) => ({
      iso3: m.state,
      status: m.status as PartnerOnDate['status'],
      since: runStart(org, m),
      source: m.source,
      ...extras(m),
      verified: m.verified,
      history: historyOf(org, m.state, date),
    }))
    .sort((a, b) => compareCodes(a.since, b.since) || compareCodes(a.iso3, b.iso3));
}

/** States with a pending application on `date` (whatever their principal status). */
export function applicantsOn(org: Organization, date: IsoDate): MemberOnDate[] {
  return recordsOn(org, date)
    .filter((m) => m.status === 'applicant')
    .map((m) => ({ iso3: m.state, since: m.from, source: m.source, ...extras(m), verified: m.verified }));
}

export function chairOn(org: Organization, date: IsoDate): Chair | null {
  return org.chairs.find((c) => within(date, c.from, c.to)) ?? null;
}

export function isActiveOn(org: Organization, date: IsoDate): boolean {
  return within(date, org.founded, org.dissolved);
}

export interface Stage {
  /** First day of the stage: the day the member set last changed. */
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly members: string[];
  readonly joined: string[];
  readonly left: string[];
}

/** The membership stages: maximal periods with one member set, from the founding on. */
export function stages(org: Organization): Stage[] {
  const dates = new Set<IsoDate>([org.founded]);
  for (const m of org.memberships) {
    if (m.status !== 'member') continue;
    if (m.from >= org.founded) dates.add(m.from);
    if (m.to && m.to >= org.founded) dates.add(m.to);
  }
  const sorted = [...dates].filter((d) => !org.dissolved || d < org.dissolved).sort();
  const out: Stage[] = [];
  let prev: string[] = [];
  for (const d of sorted) {
    const members = membersOn(org, d)
      .map((m) => m.iso3)
      .sort();
    if (out.length && members.join() === prev.join()) continue;
    const last = out[out.length - 1];
    if (last) (last as { to: IsoDate | null }).to = d;
    out.push({
      from: d,
      to: org.dissolved ?? null,
      members,
      joined: members.filter((x) => !prev.includes(x)),
      left: prev.filter((x) => !members.includes(x)),
    });
    prev = members;
  }
  return out;
}

/** The decision rule in force on a date: a period of `rules`, or the organization's `rule`. */
export interface RuleOnDate {
  /** The period's id, or "default" for the organization's `rule`. */
  readonly id: string;
  readonly name: string;
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly rule: Rule;
  /** Each member's weighted votes, when the period has them. */
  readonly votes: Readonly<Record<string, number>> | null;
  readonly source: string | null;
  readonly verified: boolean;
  readonly note: string | null;
}

function fromPeriod(p: RulePeriod): RuleOnDate {
  return {
    id: p.id,
    name: p.name,
    from: p.from,
    to: p.to ?? null,
    rule: p.rule,
    votes: p.votes ?? null,
    source: p.source,
    verified: p.verified,
    note: p.note ?? null,
  };
}

/** The rule in force on `date` (the period of `rules` that contains it, else the default rule). */
export function ruleOn(org: Organization, date: IsoDate): RuleOnDate {
  const p = org.rules.find((r) => within(date, r.from, r.to));
  if (p) return fromPeriod(p);
  const before = org.rules.filter((r) => r.to && r.to <= date).map((r) => r.to!);
  const after = org.rules.filter((r) => r.from > date).map((r) => r.from);
  return {
    id: 'default',
    name: org.rules.length ? `${org.shortName} rule outside the listed periods` : `${org.shortName} rule`,
    from: before.sort().at(-1) ?? org.founded,
    to: after.sort()[0] ?? org.dissolved ?? null,
    rule: org.rule,
    votes: null,
    source: org.ruleSource ?? null,
    verified: true,
    note: null,
  };
}

/** A stage of the capacity to decide: one member set under one rule. */
export interface DecisionStage extends Stage {
  readonly ruleId: string;
}

/**
 * The membership stages split where the rule changes: maximal periods with one member set and one
 * rule period. Without `rules`, the same as `stages` (each with ruleId "default").
 */
export function decisionStages(org: Organization): DecisionStage[] {
  const out: DecisionStage[] = [];
  for (const s of stages(org)) {
    const cuts = new Set<IsoDate>([s.from]);
    for (const r of org.rules) {
      for (const d of [r.from, r.to]) if (d && d > s.from && (!s.to || d < s.to)) cuts.add(d);
    }
    const sorted = [...cuts].sort();
    sorted.forEach((d, i) => {
      const ruleId = ruleOn(org, d).id;
      const last = out[out.length - 1];
      if (i > 0 && last && last.ruleId === ruleId) return;
      if (i > 0 && last) (last as { to: IsoDate | null }).to = d;
      out.push({
        from: d,
        to: s.to,
        members: s.members,
        joined: i === 0 ? s.joined : [],
        left: i === 0 ? s.left : [],
        ruleId,
      });
    });
  }
  return out;
}

export interface TimelineEvent {
  readonly date: IsoDate;
  readonly organization: string;
  readonly kind: OrgEvent['kind'];
  readonly title: string;
  readonly states: string[];
  readonly source: string;
  readonly source2?: string;
  readonly verified: boolean;
}

/**
 * The dated events of an organization: its own events, its documents, and the start and end of
 * every membership record (grouped by day and status), in date order.
 */
export function timeline(org: Organization): TimelineEvent[] {
  const out: TimelineEvent[] = org.events.map((e) => ({
    date: e.date,
    organization: org.id,
    kind: e.kind,
    title: e.title,
    states: e.states ?? [],
    source: e.source,
    ...(e.source2 ? { source2: e.source2 } : {}),
    verified: e.verified,
  }));
  for (const d of org.documents) {
    out.push({
      date: d.signed,
      organization: org.id,
      kind: 'document',
      title: `${d.title} signed${d.place ? ` (${d.place})` : ''}`,
      states: [],
      source: d.source,
      verified: d.verified,
    });
    if (d.inForce) {
      out.push({
        date: d.inForce,
        organization: org.id,
        kind: 'document',
        title: `${d.title} in force`,
        states: [],
        source: d.source,
        verified: d.verified,
      });
    }
  }
  const groups = new Map<string, Membership[]>();
  for (const m of org.memberships) {
    const key = `${m.from}|${m.status}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [key, ms] of groups) {
    const [date, status] = key.split('|') as [IsoDate, MembershipStatus];
    const states = ms.map((m) => m.state).sort();
    const title =
      status === 'member'
        ? `${states.join(', ')}: ${date === org.founded ? 'founding member' : 'admitted as member'}${states.length > 1 ? 's' : ''}`
        : `${states.join(', ')}: ${status} status`;
    out.push({
      date,
      organization: org.id,
      kind: status === 'member' ? 'accession' : 'status',
      title,
      states,
      source: ms[0]!.source,
      ...(ms[0]!.source2 ? { source2: ms[0]!.source2 } : {}),
      verified: ms.every((m) => m.verified),
    });
  }
  const ended = new Map<string, Membership[]>();
  for (const m of org.memberships) {
    if (!m.to || m.to === org.dissolved) continue;
    const continues = org.memberships.some((r) => r.state === m.state && r.from === m.to);
    if (!continues) ended.set(`${m.to}|${m.status}`, [...(ended.get(`${m.to}|${m.status}`) ?? []), m]);
  }
  for (const [key, ms] of ended) {
    const [date, status] = key.split('|') as [IsoDate, MembershipStatus];
    const states = ms.map((m) => m.state).sort();
    out.push({
      date,
      organization: org.id,
      kind: 'withdrawal',
      title: `${states.join(', ')}: ${status} status ends`,
      states,
      source: ms[0]!.source,
      verified: ms.every((m) => m.verified),
    });
  }
  return out.sort((a, b) => compareCodes(a.date, b.date) || rankKind(a.kind) - rankKind(b.kind));
}

/** Events of one day in the order of the kinds' declaration (founding first). */
function rankKind(k: TimelineEvent['kind']): number {
  return EventKindSchema.options.indexOf(k);
}

/** Throws E_BEFORE_FOUNDING / E_DATE_OUT_OF_RANGE when the organization did not exist on `date`. */
export function assertActive(org: Organization, date: IsoDate): void {
  if (date < org.founded) {
    throw new ConcordError(
      'E_BEFORE_FOUNDING',
      `${org.shortName} did not exist on ${date}: it was founded on ${org.founded}`,
      {
        path: 'date',
        hint: `Give a date on or after ${org.founded}.`,
        key: 'beforeFounding',
        values: { org: localizedShortName(org), date, founded: org.founded },
      },
    );
  }
  if (org.dissolved && date >= org.dissolved) {
    throw new ConcordError(
      'E_DATE_OUT_OF_RANGE',
      `${org.shortName} was dissolved on ${org.dissolved}; ${date} is after it`,
      {
        path: 'date',
        hint: `Give a date before ${org.dissolved}${org.successor ? `, or ask about ${org.successor}` : ''}.`,
        key: 'org.dissolved',
        values: {
          org: localizedShortName(org),
          dissolved: org.dissolved,
          date,
          successor: org.successor ?? 'none',
        },
      },
    );
  }
}
