/**
 * The consensus (spatial) model of one issue: what a rule lets an agenda setter get from the status
 * quo, who blocks the tabled proposal, and — with an opt-out — who goes ahead without the others.
 *
 * Preferences: Euclidean, weighted by salience (see ./line.ts for one dimension, ./space.ts for
 * several). Three modes:
 *
 *  - take it or leave it (`amendable: false`): the outcome is the tabled proposal y if the actors
 *    who weakly prefer y to the status quo q form a winning coalition, else q. Under consensus, y
 *    passes unless some member strictly prefers q (an indifferent member does not block).
 *  - agenda setter (`amendable: true`, Romer & Rosenthal 1978): the setter — the proposer, or the
 *    chair when no proposer is named — proposes the point of the win-set W(q) closest to its own
 *    ideal point; the others accept it because it beats q under the rule. Nothing changes when q is
 *    in the core (under unanimity: when members stand on both sides of q).
 *  - opt-out (`optOut: true`): if y passes under the rule, everyone adopts it; otherwise the
 *    members who strictly prefer y to q take part and adopt y among themselves, which happens when
 *    at least two members, the proposer included, take part (the SCO's "interested member states").
 *
 * Blockers of the tabled proposal are the actors who strictly prefer q to it. Properties (tested):
 * under a collegial rule no veto player is worse off than under q; the outcome lies in the range of
 * the positions or at q; relabelling the actors changes nothing.
 */
import type { ResolvedIssue } from '../scenario/types.js';
import {
  closestPoint,
  core,
  type Interval,
  inside,
  type LineInput,
  LineWorkspace,
  passes,
  preference,
  tolerance,
  winSet,
} from './line.js';
import { isActive, issueSpace, paretoOptimal, preferenceN, SpaceWorkspace, setterChoiceN } from './space.js';

export type ConsensusMode = 'take-it-or-leave-it' | 'agenda-setter' | 'opt-out';

export interface ConsensusResult {
  readonly mode: ConsensusMode;
  /** The forecast point (scale units; one number per dimension), or null when it cannot be computed. */
  readonly outcome: Float64Array | null;
  /** Something is adopted: the outcome moves the status quo (for an opt-out, among the participants). */
  readonly adopted: boolean | null;
  /** Whether the tabled proposal, as tabled, beats the status quo under the rule (null: no proposal). */
  readonly proposalPasses: boolean | null;
  /** Actors who strictly prefer the status quo to the tabled proposal. */
  readonly blockers: readonly number[];
  /** Actors who strictly prefer the tabled proposal to the status quo. */
  readonly supporters: readonly number[];
  /** Opt-out only: who takes part / stays out. Null for other issues. */
  readonly participants: readonly number[] | null;
  readonly nonParticipants: readonly number[] | null;
  /** The agenda setter used (−1: none). */
  readonly setter: number;
  /** One dimension: W(q) ∩ scale as closed intervals. Null in several dimensions. */
  readonly winSet: readonly Interval[] | null;
  /** One dimension: the core of the rule. Null in several dimensions (see coreNote). */
  readonly core: readonly Interval[] | null;
  /**
   * Whether the status quo is in the core. In several dimensions, under a unanimity-type rule: whether
   * it is in the Pareto set of the veto players' ideal points (../spatial/space.ts paretoOptimal);
   * null under other rules in several dimensions.
   */
  readonly statusQuoInCore: boolean | null;
  readonly note: string | null;
}

export class ConsensusWorkspace {
  readonly line = new LineWorkspace();
  readonly space = new SpaceWorkspace();
  active: Uint8Array = new Uint8Array(0);
  x: Float64Array = new Float64Array(0);

  ensure(n: number): void {
    if (this.active.length !== n) {
      this.active = new Uint8Array(n);
      this.x = new Float64Array(n);
    }
  }
}

const shared = new ConsensusWorkspace();

interface Common {
  readonly mode: ConsensusMode;
  readonly blockers: readonly number[];
  readonly supporters: readonly number[];
  readonly winSet: readonly Interval[] | null;
  readonly core: readonly Interval[] | null;
  readonly statusQuoInCore: boolean | null;
  readonly setter: number;
}

/** One object shape for every result (object spread is slow in V8's hot paths). */
function result(
  c: Common,
  outcome: Float64Array | null,
  adopted: boolean | null,
  proposalPasses: boolean | null,
  participants: readonly number[] | null,
  nonParticipants: readonly number[] | null,
  note: string | null,
): ConsensusResult {
  return {
    mode: c.mode,
    outcome,
    adopted,
    proposalPasses,
    blockers: c.blockers,
    supporters: c.supporters,
    participants,
    nonParticipants,
    setter: c.setter,
    winSet: c.winSet,
    core: c.core,
    statusQuoInCore: c.statusQuoInCore,
    note,
  };
}

/** A result without an outcome, `note` saying why. */
function noOutcome(c: Common, proposalPasses: boolean | null, note: string): ConsensusResult {
  return result(c, null, null, proposalPasses, null, null, note);
}

const NO_SETTER = 'no agenda setter: name a proposer or a chair';

/** The consensus model on one issue. Throws nothing: an issue without a status quo gets a note. */
export function consensusModel(
  issue: ResolvedIssue,
  n: number,
  ws: ConsensusWorkspace = shared,
): ConsensusResult {
  const q = issue.statusQuo;
  const mode: ConsensusMode = issue.optOut
    ? 'opt-out'
    : issue.amendable
      ? 'agenda-setter'
      : 'take-it-or-leave-it';
  if (!q) {
    return empty(mode, issue.setter, 'the consensus model needs a status quo: give `statusQuo`');
  }
  return issue.dims === 1 ? line(issue, n, q[0]!, mode, ws) : space(issue, n, q, mode, ws);
}

function empty(mode: ConsensusMode, setter: number, note: string): ConsensusResult {
  return {
    mode,
    outcome: null,
    adopted: null,
    proposalPasses: null,
    blockers: [],
    supporters: [],
    participants: null,
    nonParticipants: null,
    setter,
    winSet: null,
    core: null,
    statusQuoInCore: null,
    note,
  };
}

function line(
  issue: ResolvedIssue,
  n: number,
  q: number,
  mode: ConsensusMode,
  ws: ConsensusWorkspace,
): ConsensusResult {
  ws.ensure(n);
  const { active, x } = ws;
  for (let i = 0; i < n; i++) {
    x[i] = issue.position[i]!;
    active[i] = issue.has[i] === 1 && issue.salience[i]! > 0 ? 1 : 0;
  }
  const lo = issue.lo[0]!;
  const hi = issue.hi[0]!;
  const eps = tolerance(lo, hi);
  const inp: LineInput = { n, x, active, lo, hi, rule: issue.rule };
  const W = winSet(inp, ws.line, q);
  const C = core(inp, ws.line);
  const qInCore = inside(C, q, eps);
  const y = issue.proposal ? issue.proposal[0]! : null;
  const blockers: number[] = [];
  const supporters: number[] = [];
  let proposalPasses: boolean | null = null;
  if (y !== null) {
    for (let i = 0; i < n; i++) {
      if (active[i] === 0) continue;
      const p = preference(x[i]!, q, y, eps);
      if (p < 0) blockers.push(i);
      else if (p > 0) supporters.push(i);
    }
    proposalPasses = Math.abs(y - q) > eps && passes(inp, ws.line, q, y);
  }
  const base = {
    mode,
    blockers,
    supporters,
    winSet: W,
    core: C,
    statusQuoInCore: qInCore,
    setter: issue.setter,
  };
  if (mode === 'take-it-or-leave-it') {
    const out = proposalPasses ? y! : q;
    return result(base, Float64Array.of(out), proposalPasses, proposalPasses, null, null, null);
  }
  if (mode === 'opt-out') {
    return optOut(
      issue,
      n,
      q,
      y!,
      base,
      proposalPasses!,
      supporters,
      Float64Array.of(y!),
      Float64Array.of(q),
    );
  }
  // Agenda setter.
  const s = issue.setter;
  if (s < 0) {
    return noOutcome(base, proposalPasses, NO_SETTER);
  }
  const out = active[s] === 1 ? closestPoint(W, x[s]!, q) : q;
  return result(
    base,
    Float64Array.of(out),
    Math.abs(out - q) > eps,
    proposalPasses,
    null,
    null,
    active[s] === 1 ? null : 'the agenda setter takes no position (or has salience 0): it proposes nothing',
  );
}

function optOut(
  issue: ResolvedIssue,
  n: number,
  q: number | Float64Array,
  _y: number | Float64Array,
  base: Omit<
    ConsensusResult,
    'outcome' | 'adopted' | 'proposalPasses' | 'participants' | 'nonParticipants' | 'note'
  >,
  proposalPasses: boolean,
  supporters: readonly number[],
  yOut: Float64Array,
  qOut: Float64Array,
): ConsensusResult {
  void q;
  const everyone: number[] = [];
  for (let i = 0; i < n; i++) everyone.push(i);
  if (proposalPasses) {
    return result(base, yOut, true, proposalPasses, everyone, [], null);
  }
  const participants = supporters.slice();
  const ok = participants.length >= 2 && participants.includes(issue.proposer);
  const set = new Set(participants);
  return result(
    base,
    ok ? yOut : qOut,
    ok,
    proposalPasses,
    participants,
    everyone.filter((i) => !set.has(i)),
    ok
      ? null
      : participants.includes(issue.proposer)
        ? 'fewer than two members take part'
        : 'the proposer does not prefer its proposal to the status quo',
  );
}

function space(
  issue: ResolvedIssue,
  n: number,
  q: Float64Array,
  mode: ConsensusMode,
  ws: ConsensusWorkspace,
): ConsensusResult {
  const inp = issueSpace(issue, n);
  const rule = issue.rule;
  const y = issue.proposal;
  const blockers: number[] = [];
  const supporters: number[] = [];
  let proposalPasses: boolean | null = null;
  const coalition = new Array<boolean>(n);
  if (y) {
    for (let i = 0; i < n; i++) {
      const p = preferenceN(inp, i, q, y);
      if (p < 0) blockers.push(i);
      else if (p > 0) supporters.push(i);
      coalition[i] = p >= 0;
    }
    let differs = false;
    for (let d = 0; d < issue.dims; d++)
      if (Math.abs(y[d]! - q[d]!) > tolerance(issue.lo[d]!, issue.hi[d]!)) differs = true;
    proposalPasses = differs && rule.passable && rule.test(coalition);
  }
  const base = {
    mode,
    blockers,
    supporters,
    winSet: null,
    core: null,
    statusQuoInCore: rule.collegial && rule.passable ? paretoOptimal(inp, rule.veto, q) : null,
    setter: issue.setter,
  };
  if (mode === 'take-it-or-leave-it') {
    return result(
      base,
      proposalPasses ? y!.slice() : q.slice(),
      proposalPasses,
      proposalPasses,
      null,
      null,
      null,
    );
  }
  if (mode === 'opt-out')
    return optOut(issue, n, q, y!, base, proposalPasses!, supporters, y!.slice(), q.slice());
  const s = issue.setter;
  if (s < 0) {
    return noOutcome(base, proposalPasses, NO_SETTER);
  }
  if (!rule.collegial) {
    return noOutcome(
      base,
      proposalPasses,
      `in ${issue.dims} dimensions the agenda-setter outcome is computed only under unanimity-type rules (the win-set of other rules is not convex and majority rule has no core)`,
    );
  }
  if (!isActive(inp, s)) {
    return result(
      base,
      q.slice(),
      false,
      proposalPasses,
      null,
      null,
      'the agenda setter takes no position: it proposes nothing',
    );
  }
  const out = setterChoiceN(inp, ws.space, rule.veto, s, q);
  let moved = false;
  for (let d = 0; d < issue.dims; d++) {
    const eps = 1e-6 * (issue.hi[d]! - issue.lo[d]!);
    if (Math.abs(out[d]! - q[d]!) > eps) moved = true;
    else out[d] = q[d]!;
  }
  return result(
    base,
    out,
    moved,
    proposalPasses,
    null,
    null,
    'several dimensions: the core of unanimity is the Pareto set of the ideal points; the setter outcome is computed numerically (Dykstra, tolerance 1e-6 of the scale)',
  );
}
