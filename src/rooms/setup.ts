/**
 * A negotiation room's set-up: what the room keeps of its scenario in its first event, so that the
 * room's state, its briefs and its bots are pure functions of the event log (no re-resolution of
 * the scenario after a restart, nothing that changes when the library's data change).
 *
 * Only collegial rules (consensus, consensus-minus: the winning coalitions are those holding every
 * veto player) are played in rooms: a call's result is then decided by who objects. Pure, no I/O.
 */
import { ConcordError } from '../errors.js';
import type { ScenarioFile } from '../scenario/schema.js';
import type { ResolvedScenario } from '../scenario/types.js';

export interface RoomDelegation {
  readonly id: string;
  readonly name: string;
  readonly member: boolean;
  /** Capability share (sum 1 over the delegations). */
  readonly capability: number;
}

export interface CodedPosition {
  readonly position: number[];
  readonly salience: number[];
  readonly note: string | null;
  readonly source: string | null;
}

export interface RoomIssue {
  readonly id: string;
  readonly title: string;
  readonly dims: number;
  readonly dimensionIds: readonly string[];
  readonly lo: number[];
  readonly hi: number[];
  readonly poles: ReadonlyArray<readonly [string, string] | null>;
  readonly statusQuo: number[] | null;
  readonly proposal: number[] | null;
  readonly optOut: boolean;
  readonly rule: string;
  /** Delegations whose objection blocks (every member under consensus). */
  readonly veto: readonly string[];
  /** Coded positions by delegation (absent: takes no position). Private: briefs and bots only. */
  readonly coded: Readonly<Record<string, CodedPosition>>;
  readonly observed: { readonly adopted: boolean | null; readonly position: number[] | null } | null;
  readonly note: string | null;
  readonly source: string | null;
}

export interface RoomSetup {
  readonly scenarioId: string;
  readonly title: string;
  readonly date: string | null;
  readonly organization: string | null;
  readonly chair: string | null;
  readonly delegations: readonly RoomDelegation[];
  readonly issues: readonly RoomIssue[];
  /** People who may play one delegation at once. */
  readonly seatsPerDelegation: number;
  /** The model the bots of unplayed delegations answer with at first (the moderator may change it). */
  readonly botModel: 'consensus' | 'eum';
  readonly capabilitySource: string;
  readonly note: string | null;
  readonly source: string | null;
  /** The scenario file as given (for the export of the played positions). */
  readonly file: ScenarioFile;
}

export const DEFAULT_SEATS = 4;

export function roomSetup(
  s: ResolvedScenario,
  file: ScenarioFile,
  o: { seatsPerDelegation?: number; botModel?: 'consensus' | 'eum' } = {},
): RoomSetup {
  const ids = s.actors.map((a) => a.id);
  for (const i of s.issues) {
    if (!i.rule.collegial) {
      throw new ConcordError(
        'E_UNSUPPORTED',
        `issue "${i.id}" is decided by ${i.rule.description}; rooms play collegial rules only (consensus, consensus-minus)`,
        {
          path: `body.scenario`,
          hint: 'Choose a scenario decided by consensus, as every SCO case is.',
          key: 'rooms.notCollegial',
          values: { id: i.id, rule: i.rule.description },
        },
      );
    }
  }
  return {
    scenarioId: s.id,
    title: s.title,
    date: s.date,
    organization: s.organization?.id ?? null,
    chair: s.chair >= 0 ? ids[s.chair]! : null,
    delegations: s.actors.map((a, k) => ({
      id: a.id,
      name: a.name,
      member: a.member,
      capability: s.capability[k]!,
    })),
    issues: s.issues.map((i) => {
      const coded: Record<string, CodedPosition> = {};
      ids.forEach((id, a) => {
        if (!i.has[a]) return;
        const n = i.positionNotes[a];
        coded[id] = {
          position: Array.from(i.position.subarray(a * i.dims, (a + 1) * i.dims)),
          salience: Array.from(i.salience.subarray(a * i.dims, (a + 1) * i.dims)),
          note: n?.note ?? null,
          source: n?.source ?? null,
        };
      });
      return {
        id: i.id,
        title: i.title,
        dims: i.dims,
        dimensionIds: i.dimensionIds,
        lo: Array.from(i.lo),
        hi: Array.from(i.hi),
        poles: i.poles,
        statusQuo: i.statusQuo ? Array.from(i.statusQuo) : null,
        proposal: i.proposal ? Array.from(i.proposal) : null,
        optOut: i.optOut,
        rule: i.rule.description,
        veto: ids.filter((_, a) => i.rule.veto[a] === 1 && i.has[a] === 1),
        coded,
        observed: i.observed
          ? {
              adopted: i.observed.adopted,
              position: i.observed.position ? Array.from(i.observed.position) : null,
            }
          : null,
        note: i.note,
        source: i.source,
      };
    }),
    seatsPerDelegation: o.seatsPerDelegation ?? DEFAULT_SEATS,
    botModel: o.botModel ?? 'consensus',
    capabilitySource: s.capabilitySource,
    note: s.note,
    source: s.source,
    file,
  };
}

/**
 * A delegation's distance from a package (salience-weighted, each dimension rescaled to [0, 1] by
 * its scale, summed over the issues of the package on which it takes a position): the consensus
 * model's preferences (src/spatial/space.ts), added up over the issues of a package.
 */
export function packageDistance(
  setup: RoomSetup,
  delegation: string,
  positions: Readonly<Record<string, readonly number[]>>,
): number {
  let total = 0;
  for (const issue of setup.issues) {
    const z = positions[issue.id];
    const c = issue.coded[delegation];
    if (!z || !c) continue;
    let d2 = 0;
    for (let d = 0; d < issue.dims; d++) {
      const v = (z[d]! - c.position[d]!) / (issue.hi[d]! - issue.lo[d]!);
      d2 += c.salience[d]! * v * v;
    }
    total += Math.sqrt(d2);
  }
  return total;
}

/** The status quo on the issues of a package (issues without one are left out). */
export function statusQuoOf(
  setup: RoomSetup,
  positions: Readonly<Record<string, readonly number[]>>,
): Record<string, number[]> {
  const q: Record<string, number[]> = {};
  for (const issue of setup.issues) if (positions[issue.id] && issue.statusQuo) q[issue.id] = issue.statusQuo;
  return q;
}

/**
 * The bot's answer under the consensus model: accept a text it strictly prefers to the status quo,
 * object to one it strictly likes less, abstain when indifferent (or when it takes no position).
 */
export function botAnswer(
  setup: RoomSetup,
  delegation: string,
  positions: Readonly<Record<string, readonly number[]>>,
): 'accept' | 'object' | 'abstain' {
  const onText: Record<string, readonly number[]> = {};
  for (const id of Object.keys(positions)) {
    const issue = setup.issues.find((i) => i.id === id);
    if (issue?.statusQuo) onText[id] = positions[id]!;
  }
  const dy = packageDistance(setup, delegation, onText);
  const dq = packageDistance(setup, delegation, statusQuoOf(setup, onText));
  if (dy < dq - 1e-9) return 'accept';
  if (dy > dq + 1e-9) return 'object';
  return 'abstain';
}
