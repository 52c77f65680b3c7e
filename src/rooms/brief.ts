/**
 * A delegation's private brief, generated from the room's scenario: on each issue its coded
 * position and salience, its red line (the texts it would object to under the consensus model:
 * those farther from its position than the status quo), the sources and notes of its coding; its
 * capability; the scenario's sources. English only. Pure.
 */
import type { RoomSetup } from './setup.js';

export interface BriefIssue {
  readonly id: string;
  readonly title: string;
  readonly scale: ReadonlyArray<readonly [number, number]>;
  readonly poles: ReadonlyArray<readonly [string, string] | null>;
  readonly statusQuo: number[] | null;
  readonly proposal: number[] | null;
  readonly rule: string;
  readonly youCanBlock: boolean;
  readonly optOut: boolean;
  /** null: the delegation takes no position on this issue. */
  readonly position: number[] | null;
  readonly salience: number[] | null;
  /**
   * One dimension: the points it prefers to (or likes as much as) the status quo, within the scale;
   * any text outside this range it would object to. Several dimensions: a sentence.
   */
  readonly acceptable: readonly [number, number] | null;
  readonly redLine: string;
  readonly note: string | null;
  readonly source: string | null;
}

export interface Brief {
  readonly delegation: string;
  readonly name: string;
  readonly member: boolean;
  readonly capability: number;
  readonly capabilitySource: string;
  readonly chair: boolean;
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly date: string | null;
    readonly source: string | null;
    readonly note: string | null;
  };
  readonly issues: readonly BriefIssue[];
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function brief(setup: RoomSetup, delegation: string): Brief | null {
  const del = setup.delegations.find((d) => d.id === delegation);
  if (!del) return null;
  return {
    delegation: del.id,
    name: del.name,
    member: del.member,
    capability: del.capability,
    capabilitySource: setup.capabilitySource,
    chair: setup.chair === del.id,
    scenario: {
      id: setup.scenarioId,
      title: setup.title,
      date: setup.date,
      source: setup.source,
      note: setup.note,
    },
    issues: setup.issues.map((i) => {
      const c = i.coded[del.id] ?? null;
      const q = i.statusQuo;
      let acceptable: readonly [number, number] | null = null;
      let redLine: string;
      if (!c) redLine = 'You take no position on this issue; your answer does not count against a text.';
      else if (!q) redLine = 'The issue has no status quo: no text is worse for you than no agreement.';
      else if (i.dims === 1) {
        const r = Math.abs(q[0]! - c.position[0]!);
        acceptable = [Math.max(i.lo[0]!, c.position[0]! - r), Math.min(i.hi[0]!, c.position[0]! + r)];
        redLine =
          r === 0
            ? `You are at the status quo (${fmt(q[0]!)}): any change makes you worse off; object to every other text.`
            : `Object to any text outside [${fmt(acceptable[0])}, ${fmt(acceptable[1])}]: it is farther from your position (${fmt(c.position[0]!)}) than the status quo (${fmt(q[0]!)}).`;
      } else {
        redLine =
          'Object to any text farther from your position than the status quo, distances weighted by your salience on each dimension.';
      }
      return {
        id: i.id,
        title: i.title,
        scale: i.lo.map((lo, d) => [lo, i.hi[d]!] as const),
        poles: i.poles,
        statusQuo: q,
        proposal: i.proposal,
        rule: i.rule,
        youCanBlock: i.veto.includes(del.id),
        optOut: i.optOut,
        position: c?.position ?? null,
        salience: c?.salience ?? null,
        acceptable,
        redLine,
        note: c?.note ?? null,
        source: c?.source ?? null,
      };
    }),
  };
}
