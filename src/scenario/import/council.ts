/**
 * The Council of the EU on a date, as a DEU table needs it: who the member states are, their
 * weighted votes and the qualified majority, from the Council of the EU organization
 * (data/organizations/eu-council.yaml: its memberships and its `rules` periods). Pure: the
 * organization is given by the caller (src/scenario/load.ts).
 *
 * The organization's rules count members (`count`, `consensus`): in a DEU scenario the players are
 * also the Commission, the Parliament and states that are not members on the date, so the rule is
 * rewritten over per-actor fields — `member` (1 for a member state on the date), `votes` (its
 * weighted votes), `ep` (1 for the Parliament) and the data fields the rule sums (`population`:
 * the member's from the data on the date, 0 for the others):
 *
 *   { count: { atLeast: k } }        → { sum: member, atLeast: k }
 *   { count: { atLeastShare: s } }   → { sum: member, atLeastShare: s }
 *   { count: { atMostAgainst: k } }  → { sum: member, atLeast: n − k }
 *   consensus                        → { sum: member, atLeast: n }
 *   codecision                       → { all: [RULE, { sum: ep, atLeast: 1 }] }
 *
 * The Commission proposes and has no vote (`member` 0, `votes` 0).
 */
import { membersOn, ruleOn } from '../../org/organization.js';
import type { Organization } from '../../org/schema.js';
import type { Rule } from '../../rules/schema.js';

export interface CouncilEra {
  /** The rule period's id (eu15-1995, nice-2004, lisbon-2014…). */
  readonly id: string;
  readonly name: string;
  readonly from: string;
  /** First day without this rule, or null. */
  readonly to: string | null;
  readonly members: readonly string[];
  /** Weighted votes per member; null under Lisbon's double majority. */
  readonly votes: Readonly<Record<string, number>> | null;
  /** The qualified majority over the fields member, votes and the data fields. */
  readonly qmv: Rule;
  /** Fields the rule sums that come from the data on the date (population…): 0 for non-members. */
  readonly dataFields: readonly string[];
  /** Stand-in weights for `--capabilities votes` when the era has none (Lisbon): the last ones. */
  readonly capabilityVotes?: Readonly<Record<string, number>>;
  readonly source: string;
}

const OWN_FIELDS = new Set(['member', 'votes', 'ep']);

/** The organization's rule, rewritten over the fields of a DEU scenario's players. */
export function overFields(rule: Rule, n: number, fields: Set<string>): Rule {
  if (rule === 'consensus') return { sum: 'member', atLeast: n };
  if ('consensusMinus' in rule)
    return { sum: 'member', atLeast: Math.max(0, n - rule.consensusMinus.length) };
  // A bloc's consent names members of the organization, not fields: it is kept as written.
  if ('among' in rule) return rule;
  if ('count' in rule) {
    const c = rule.count;
    if (c.atLeast !== undefined) return { sum: 'member', atLeast: c.atLeast };
    if (c.atLeastShare !== undefined) return { sum: 'member', atLeastShare: c.atLeastShare };
    if (c.moreThanShare !== undefined) return { sum: 'member', moreThanShare: c.moreThanShare };
    return { sum: 'member', atLeast: Math.max(0, n - c.atMostAgainst!) };
  }
  if ('all' in rule) return { all: rule.all.map((r) => overFields(r, n, fields)) };
  if ('any' in rule) return { any: rule.any.map((r) => overFields(r, n, fields)) };
  if (!OWN_FIELDS.has(rule.sum)) fields.add(rule.sum);
  return rule;
}

/** The Council on a date, from the organization; null before its first member. */
export function councilEra(org: Organization, date: string): CouncilEra | null {
  const members = membersOn(org, date).map((m) => m.iso3);
  if (members.length === 0) return null;
  const period = ruleOn(org, date);
  const fields = new Set<string>();
  const qmv = overFields(period.rule, members.length, fields);
  let capabilityVotes: Record<string, number> | undefined;
  if (!period.votes) {
    const last = org.rules
      .filter((r) => r.votes && r.from <= date)
      .sort((a, b) => a.from.localeCompare(b.from))
      .at(-1);
    if (last?.votes) capabilityVotes = Object.fromEntries(members.map((m) => [m, last.votes![m] ?? 0]));
  }
  return {
    id: period.id,
    name: period.name,
    from: period.from,
    to: period.to,
    members,
    votes: period.votes,
    qmv,
    dataFields: [...fields],
    ...(capabilityVotes ? { capabilityVotes } : {}),
    source: `data/organizations/${org.id}.yaml, rule ${period.id}${period.source ? `: ${period.source}` : ''}`,
  };
}

/** The group key of an issue: the rule period and the member count, and the year when the rule sums data. */
export function eraKey(era: CouncilEra, date: string): string {
  return `${era.id}-eu${era.members.length}${era.dataFields.length ? `-${date.slice(0, 4)}` : ''}`;
}

/** The rule fields of an actor in an era. */
export function eraFields(era: CouncilEra, id: string): Record<string, number> {
  const member = era.members.includes(id);
  const f: Record<string, number> = {
    member: member ? 1 : 0,
    votes: member && era.votes ? (era.votes[id] ?? 0) : 0,
    ep: id === 'EP' ? 1 : 0,
  };
  if (!member) for (const d of era.dataFields) f[d] = 0;
  return f;
}

/** `--capabilities votes`: a member's votes; the Commission and the Parliament the members' mean. */
export function eraCapability(era: CouncilEra, id: string): number {
  const w = era.votes ?? era.capabilityVotes ?? {};
  if (era.members.includes(id)) return w[id] ?? 0;
  if (id === 'COM' || id === 'EP') {
    const vs = era.members.map((m) => w[m] ?? 0);
    return vs.reduce((a, b) => a + b, 0) / Math.max(1, vs.length);
  }
  return 0;
}

export function councilRule(era: CouncilEra, kind: 'qmv' | 'unanimity', codecision: boolean): Rule {
  const council: Rule = kind === 'unanimity' ? { sum: 'member', atLeast: era.members.length } : era.qmv;
  return codecision ? { all: [council, { sum: 'ep', atLeast: 1 }] } : council;
}
