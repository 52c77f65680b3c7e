/**
 * The Council of the EU on a date, as a DEU table needs it: who the member states are, their
 * weighted votes and the qualified-majority thresholds, turned into a rule of the rule language over
 * per-actor fields (`member`, `votes`, `ep`, `population`). Pure: the eras are data given by the
 * caller (src/scenario/load.ts reads them from the Council of the EU organization file).
 *
 *   weights era       { sum: votes, atLeast: Q }
 *   Nice (2004-11-01) all of: Q weighted votes, a majority of the members, 62% of the population
 *   Lisbon (2014-11-01) 55% of the members with 65% of the population, or all but three members
 *                     (a blocking minority needs at least four)
 *   unanimity         every member state
 *   codecision        …and the European Parliament (field `ep`)
 *
 * The Commission proposes and has no vote (`member` 0, `votes` 0). Members' populations come from the
 * data on the date (World Bank); non-members and the institutions get population 0.
 */
import type { Rule } from '../../rules/schema.js';

export interface CouncilEra {
  readonly id: string;
  readonly name: string;
  /** First and last day in force (ISO), `to` null for open-ended. */
  readonly from: string;
  readonly to: string | null;
  readonly members: readonly string[];
  /** Weighted votes per member; null under Lisbon's double majority. */
  readonly votes: Readonly<Record<string, number>> | null;
  readonly qmv:
    | { readonly kind: 'weights'; readonly votes: number }
    | { readonly kind: 'nice'; readonly votes: number; readonly members: number; readonly population: number }
    | {
        readonly kind: 'lisbon';
        readonly membersShare: number;
        readonly population: number;
        readonly blockingMinimum: number;
      };
  /** Stand-in weights for `--capabilities votes` when the era has none (Lisbon). */
  readonly capabilityVotes?: Readonly<Record<string, number>>;
  readonly source: string;
}

/** The group key of an issue: the era, and under population criteria the year of the data. */
export function eraKey(era: CouncilEra, date: string): string {
  return era.qmv.kind === 'weights' ? era.id : `${era.id}-${date.slice(0, 4)}`;
}

/** The rule fields of an actor in an era. */
export function eraFields(era: CouncilEra, id: string): Record<string, number> {
  const member = era.members.includes(id);
  const f: Record<string, number> = {
    member: member ? 1 : 0,
    votes: member && era.votes ? (era.votes[id] ?? 0) : 0,
    ep: id === 'EP' ? 1 : 0,
  };
  if (!member && era.qmv.kind !== 'weights') f.population = 0;
  return f;
}

/** `--capabilities votes`: a member's votes; the Commission and Parliament the members' mean. */
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
  const n = era.members.length;
  let council: Rule;
  if (kind === 'unanimity') council = { sum: 'member', atLeast: n };
  else if (era.qmv.kind === 'weights') council = { sum: 'votes', atLeast: era.qmv.votes };
  else if (era.qmv.kind === 'nice')
    council = {
      all: [
        { sum: 'votes', atLeast: era.qmv.votes },
        { sum: 'member', atLeast: era.qmv.members },
        { sum: 'population', atLeastShare: era.qmv.population },
      ],
    };
  else
    council = {
      any: [
        {
          all: [
            { sum: 'member', atLeastShare: era.qmv.membersShare },
            { sum: 'population', atLeastShare: era.qmv.population },
          ],
        },
        { sum: 'member', atLeast: n - era.qmv.blockingMinimum + 1 },
      ],
    };
  return codecision ? { all: [council, { sum: 'ep', atLeast: 1 }] } : council;
}

/** The era in force on a date, or null. */
export function eraOn(eras: readonly CouncilEra[], date: string): CouncilEra | null {
  return eras.find((e) => e.from <= date && (e.to === null || date <= e.to)) ?? null;
}
