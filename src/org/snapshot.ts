/**
 * An organization on a date: members, partners, applicants, chair and aggregate facts — the object
 * behind `concord org <id> --at DATE --json` and the API. Before the founding, an organization with
 * a predecessor active on that date (the SCO and the Shanghai Five) answers with the predecessor,
 * saying so in `era`.
 */
import type { Dataset } from '../data/dataset.js';
import { ConcordError } from '../errors.js';
import { describeRule } from '../rules/evaluate.js';
import type { Rule } from '../rules/schema.js';
import type { IsoDate } from '../util/dates.js';
import { computeFacts, type Facts } from './facts.js';
import { localizedName, localizedShortName } from './names.js';
import {
  applicantsOn,
  assertActive,
  chairOn,
  isActiveOn,
  type MemberOnDate,
  membersOn,
  type PartnerOnDate,
  partnersOn,
  ruleOn,
  withDateConvention,
} from './organization.js';
import type { OrganizationRegistry } from './registry.js';
import { type DateConvention, DEFAULT_DATE_CONVENTION } from './schema.js';

export interface Snapshot {
  readonly organization: {
    id: string;
    name: string;
    shortName: string;
    founded: IsoDate;
    dissolved: IsoDate | null;
  };
  readonly requested: string;
  readonly date: IsoDate;
  /** Which date a status counts from (`--dates`): the memorandum's (default) or the decision's. */
  readonly dates: DateConvention;
  /** Set when the answer is a predecessor organization's (the date is before the founding). */
  readonly era: { organization: string; note: string } | null;
  /** The rule in force on the date; `id` names its period of `rules` ("default" without one). */
  readonly rule: { id: string; name: string; rule: Rule; description: string; source: string | null };
  readonly members: Array<MemberOnDate & { name: string }>;
  readonly partners: Array<PartnerOnDate & { name: string }>;
  readonly applicants: Array<MemberOnDate & { name: string }>;
  readonly chair: string | null;
  readonly chairDetail: {
    state: string;
    from: IsoDate;
    to: IsoDate | null;
    summit: string | null;
    source: string;
    source2: string | null;
    verified: boolean;
  } | null;
  readonly facts: Facts;
  /** Records used in this answer that still need a second source. */
  readonly unverified: string[];
}

export function snapshot(
  registry: OrganizationRegistry,
  ds: Dataset,
  id: string,
  date: IsoDate,
  dates: DateConvention = DEFAULT_DATE_CONVENTION,
): Snapshot {
  const requested = withDateConvention(registry.get(id), dates);
  let org = requested;
  let era: Snapshot['era'] = null;
  if (date < requested.founded && requested.predecessor && registry.has(requested.predecessor)) {
    const pred = registry.get(requested.predecessor);
    if (isActiveOn(pred, date)) {
      org = withDateConvention(pred, dates);
      era = {
        organization: pred.id,
        note: `${requested.shortName} did not exist yet on ${date} (founded ${requested.founded}); this is its predecessor, the ${pred.name} (${pred.founded} to ${pred.dissolved ?? 'now'}).`,
      };
    } else if (date < pred.founded) {
      throw new ConcordError(
        'E_BEFORE_FOUNDING',
        `${requested.shortName} did not exist on ${date}: it was founded on ${requested.founded}, and its predecessor, the ${pred.name}, on ${pred.founded}`,
        {
          path: 'date',
          hint: `Give a date on or after ${pred.founded}.`,
          key: 'beforeFoundingPredecessor',
          values: {
            org: localizedShortName(requested),
            date,
            founded: requested.founded,
            predecessor: localizedName(pred),
            predecessorFounded: pred.founded,
          },
        },
      );
    }
  }
  assertActive(org, date);
  const name = (iso3: string) => ds.countries.get(iso3)?.name ?? iso3;
  const members = membersOn(org, date).map((m) => ({ ...m, name: name(m.iso3) }));
  const partners = partnersOn(org, date).map((p) => ({ ...p, name: name(p.iso3) }));
  const applicants = applicantsOn(org, date).map((p) => ({ ...p, name: name(p.iso3) }));
  const chair = chairOn(org, date);
  const unverified = [
    ...members.filter((m) => !m.verified).map((m) => `membership of ${m.iso3}`),
    ...partners.filter((p) => !p.verified).map((p) => `${p.status} status of ${p.iso3}`),
    ...(chair && !chair.verified ? [`chair ${chair.state} (${chair.summit ?? chair.from})`] : []),
  ];
  return {
    organization: {
      id: org.id,
      name: org.name,
      shortName: org.shortName,
      founded: org.founded,
      dissolved: org.dissolved ?? null,
    },
    requested: requested.id,
    date,
    dates,
    era,
    rule: (() => {
      const r = ruleOn(org, date);
      return { id: r.id, name: r.name, rule: r.rule, description: describeRule(r.rule), source: r.source };
    })(),
    members,
    partners,
    applicants,
    chair: chair?.state ?? null,
    chairDetail: chair
      ? {
          state: chair.state,
          from: chair.from,
          to: chair.to ?? null,
          summit: chair.summit ?? null,
          source: chair.source,
          source2: chair.source2 ?? null,
          verified: chair.verified,
        }
      : null,
    facts: computeFacts(
      ds,
      members.map((m) => m.iso3),
      date,
    ),
    unverified,
  };
}
