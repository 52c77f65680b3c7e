/**
 * A registry of organizations by id. Organization files are parsed and checked here (pure); the
 * Node loader in ./load.ts reads the built-in files from data/organizations/.
 */
import type { Dataset } from '../data/dataset.js';
import { ConcordError, type ErrorValues } from '../errors.js';
import { parseAndValidate } from '../util/validate.js';
import { membersOn } from './organization.js';
import { type Organization, OrganizationSchema } from './schema.js';

export class OrganizationRegistry {
  private readonly byId: Map<string, Organization>;

  constructor(orgs: readonly Organization[]) {
    this.byId = new Map(orgs.map((o) => [o.id, o]));
  }

  /** A registry with `org` added (in the place of a known organization with its id). */
  with(org: Organization): OrganizationRegistry {
    return new OrganizationRegistry([...[...this.byId.values()].filter((o) => o.id !== org.id), org]);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  all(): Organization[] {
    return this.ids().map((id) => this.byId.get(id)!);
  }

  has(id: string): boolean {
    return this.byId.has(id.toLowerCase());
  }

  /** The organization with this id; E_UNKNOWN_ORG listing the known ids otherwise. */
  get(id: string): Organization {
    const org = this.byId.get(id.trim().toLowerCase());
    if (org) return org;
    throw new ConcordError('E_UNKNOWN_ORG', `unknown organization "${id}"`, {
      path: 'organization',
      hint: `Known organizations: ${this.ids().join(', ')}. Give the path of an organization file (./my-org.yaml), or add its directory to CONCORD_ORG_PATH (docs/organizations.md).`,
      key: 'unknownOrg',
      values: { id, known: this.ids().join(', ') },
    });
  }
}

/** Parses and validates one organization file; `ds` enables the check of state codes. */
export function parseOrganization(text: string, file: string, ds?: Dataset): Organization {
  const org = parseAndValidate(OrganizationSchema, 'organization', text, file);
  checkOrganization(org, file, ds);
  return org;
}

/** Consistency checks a schema cannot express: known states, ordered intervals, no overlaps. */
export function checkOrganization(org: Organization, file: string, ds?: Dataset): void {
  // key: an `org.check.` message ({file}: {path}: …) and its hint, with `values`.
  const fail = (
    path: string,
    message: string,
    hint: string,
    key: string,
    values: ErrorValues = {},
  ): never => {
    throw new ConcordError('E_VALIDATION', `${file}: ${path}: ${message}`, {
      path,
      hint,
      key,
      values: { file, path, ...values },
    });
  };
  const states = (path: string, code: string) => {
    if (ds && !ds.countries.has(code)) {
      fail(
        path,
        `"${code}" is not the ISO3 code of a UN member state`,
        'Use ISO 3166-1 alpha-3 codes (CHN, RUS, KAZ…).',
        'org.check.unknownState',
        { code },
      );
    }
  };
  org.memberships.forEach((m, i) => {
    states(`memberships[${i}].state`, m.state);
    if (m.to && m.to <= m.from)
      fail(
        `memberships[${i}].to`,
        `${m.to} is not after ${m.from}`,
        'A status ends after it starts.',
        'org.check.statusEnd',
        {
          to: m.to,
          from: m.from,
        },
      );
    if (org.dissolved && m.from >= org.dissolved) {
      fail(
        `memberships[${i}].from`,
        `starts after the dissolution on ${org.dissolved}`,
        'Check the date.',
        'org.check.afterDissolution',
        {
          dissolved: org.dissolved,
        },
      );
    }
    org.memberships.forEach((o, j) => {
      if (j <= i || o.state !== m.state || o.status !== m.status) return;
      const overlap = m.from < (o.to ?? '9999') && o.from < (m.to ?? '9999');
      if (overlap) {
        fail(
          `memberships[${j}]`,
          `${o.state} holds "${o.status}" twice over overlapping periods`,
          'Merge or end one record.',
          'org.check.overlap',
          { state: o.state, status: o.status },
        );
      }
    });
  });
  org.chairs.forEach((c, i) => {
    states(`chairs[${i}].state`, c.state);
    if (c.to && c.to <= c.from)
      fail(
        `chairs[${i}].to`,
        `${c.to} is not after ${c.from}`,
        'A chairmanship ends after it starts.',
        'org.check.chairEnd',
        {
          to: c.to,
          from: c.from,
        },
      );
    const next = org.chairs[i + 1];
    if (next && next.from < (c.to ?? '9999')) {
      fail(
        `chairs[${i + 1}].from`,
        'chairmanships overlap',
        'List chairs in date order, each starting when the last ends.',
        'org.check.chairsOverlap',
      );
    }
  });
  org.rules.forEach((r, i) => {
    if (r.to && r.to <= r.from)
      fail(
        `rules[${i}].to`,
        `${r.to} is not after ${r.from}`,
        'A rule period ends after it starts.',
        'org.check.ruleEnd',
        {
          to: r.to,
          from: r.from,
        },
      );
    const prev = org.rules[i - 1];
    if (prev && (!prev.to || r.from < prev.to)) {
      fail(
        `rules[${i}].from`,
        `rule period "${r.id}" starts before "${prev.id}" ends`,
        'List rule periods in date order, each starting on or after the day the last ends.',
        'org.check.rulesOverlap',
        { id: r.id, previous: prev.id },
      );
    }
    if (org.rules.findIndex((o) => o.id === r.id) !== i)
      fail(
        `rules[${i}].id`,
        `duplicate rule id "${r.id}"`,
        'Give each rule period its own id.',
        'org.check.duplicateRule',
        {
          id: r.id,
        },
      );
    if (!r.votes) return;
    for (const code of Object.keys(r.votes)) states(`rules[${i}].votes.${code}`, code);
    // Every member on every date of the period has its votes: check each member set in it.
    const dates = new Set([r.from]);
    for (const m of org.memberships) {
      for (const d of [m.from, m.to]) if (d && d > r.from && (!r.to || d < r.to)) dates.add(d);
    }
    for (const d of dates) {
      if (d < org.founded || (org.dissolved && d >= org.dissolved)) continue;
      for (const m of membersOn(org, d)) {
        if (r.votes[m.iso3] === undefined) {
          fail(
            `rules[${i}].votes`,
            `${m.iso3} is a member on ${d} but has no votes in rule period "${r.id}"`,
            `Add ${m.iso3} to rules[${i}].votes, or end the period before ${d}.`,
            'org.check.memberWithoutVotes',
            { state: m.iso3, date: d, id: r.id },
          );
        }
      }
    }
  });
  org.events.forEach((e, i) => {
    e.states?.forEach((s, j) => {
      states(`events[${i}].states[${j}]`, s);
    });
  });
}
