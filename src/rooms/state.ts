/**
 * A negotiation room as an append-only event log, and its state as a pure fold over the events.
 * `apply(state, event)` both checks an event against the state (throwing a ConcordError, so that a
 * refused action stores nothing) and returns the next state; replaying the stored log with the
 * same function rebuilds the room after a restart exactly as it was.
 *
 * Decision at a call (docs/rooms.md): each delegation's answer is the last one any of its players
 * (or its bot) gave; a delegation that has not answered when the call closes raises no objection
 * (the silence procedure). Under the scenario's collegial rule one objection of a veto player
 * blocks; when every issue of the text allows an opt-out, the delegations that accepted adopt the
 * text among themselves if there are at least two of them.
 */
import { ConcordError, type ErrorValues } from '../errors.js';
import type { RoomSetup } from './setup.js';

export type Phase = 'preparation' | 'round' | 'final-call' | 'debrief' | 'closed';
export const PHASES: readonly Phase[] = ['preparation', 'round', 'final-call', 'debrief', 'closed'];
export type Answer = 'accept' | 'object' | 'abstain';
export type CallResult = 'adopted' | 'blocked' | 'adopted-by-participants';
/** Who acts: the moderator, or a delegation (by one of its participants, or its bot). */
export type Author =
  | { readonly kind: 'moderator' }
  | { readonly kind: 'participant'; readonly id: string }
  | { readonly kind: 'bot' };

export type RoomEvent =
  | { readonly type: 'room.created'; readonly data: { readonly setup: RoomSetup } }
  | {
      readonly type: 'participant.joined';
      readonly data: { readonly participant: string; readonly name: string; readonly delegation: string };
    }
  | {
      readonly type: 'phase.set';
      readonly data: { readonly phase: Phase; readonly endsAt: string | null };
    }
  | {
      readonly type: 'text.tabled';
      readonly data: {
        readonly text: string;
        readonly by: string;
        readonly positions: Record<string, number[]>;
      };
    }
  | {
      readonly type: 'amendment.sent';
      readonly data: {
        readonly amendment: string;
        readonly delegation: string;
        readonly participant: string;
        readonly positions: Record<string, number[]>;
      };
    }
  | {
      readonly type: 'message.sent';
      readonly data: {
        readonly message: string;
        readonly from: string;
        readonly participant: string | null;
        readonly to: string | null;
        readonly body: string;
      };
    }
  | { readonly type: 'call.opened'; readonly data: { readonly call: string; readonly text: string } }
  | {
      readonly type: 'answer.given';
      readonly data: {
        readonly call: string;
        readonly delegation: string;
        readonly answer: Answer;
        /** The participant's id, or "bot". */
        readonly by: string;
      };
    }
  | { readonly type: 'call.closed'; readonly data: { readonly call: string } }
  | { readonly type: 'briefs.revealed'; readonly data: Record<string, never> }
  | {
      /** The moderator pauses, resumes or extends the phase's timer (absolute times, decided by the server). */
      readonly type: 'timer.set';
      readonly data: { readonly endsAt: string | null; readonly remainingMs: number | null };
    }
  | {
      /** The moderator moves a participant to another delegation. */
      readonly type: 'participant.assigned';
      readonly data: { readonly participant: string; readonly delegation: string };
    }
  | {
      /** The moderator chooses the model the bots of unplayed delegations answer with. */
      readonly type: 'bots.set';
      readonly data: { readonly model: BotModel };
    };

/** The models a bot can play (docs/rooms.md, "Bots"). */
export type BotModel = 'consensus' | 'eum';
export const BOT_MODELS: readonly BotModel[] = ['consensus', 'eum'];

export type RoomEventType = RoomEvent['type'];

export interface TextState {
  readonly id: string;
  readonly by: string;
  readonly positions: Readonly<Record<string, number[]>>;
  readonly seq: number;
}

export interface CallState {
  readonly id: string;
  readonly text: string;
  readonly status: 'open' | 'closed';
  /** Each delegation's answer (the last given) and who gave it. */
  readonly answers: Readonly<Record<string, { readonly answer: Answer; readonly by: string }>>;
  readonly result: CallResult | null;
  /** Delegations that objected (closed calls). */
  readonly objections: readonly string[];
  /** Of those, the ones whose objection blocks under the rule. */
  readonly blockers: readonly string[];
  /** adopted-by-participants: the delegations that adopt the text among themselves. */
  readonly participants: readonly string[] | null;
  readonly openedSeq: number;
  readonly closedSeq: number | null;
}

export interface ParticipantState {
  readonly id: string;
  readonly name: string;
  readonly delegation: string;
}

export interface RoomState {
  readonly setup: RoomSetup;
  readonly seq: number;
  readonly phase: Phase;
  /** Rounds begun so far (the current round's number while in a round). */
  readonly round: number;
  readonly endsAt: string | null;
  /** While the timer is paused: the time that was left (ms); endsAt is then null. */
  readonly pausedMs: number | null;
  readonly botModel: BotModel;
  readonly participants: readonly ParticipantState[];
  readonly texts: readonly TextState[];
  readonly amendments: ReadonlyArray<{
    readonly id: string;
    readonly delegation: string;
    readonly participant: string;
    readonly positions: Readonly<Record<string, number[]>>;
    readonly seq: number;
  }>;
  readonly messages: ReadonlyArray<{
    readonly id: string;
    readonly from: string;
    readonly to: string | null;
    readonly body: string;
    readonly seq: number;
  }>;
  readonly calls: readonly CallState[];
  readonly revealed: boolean;
}

/** A refusal: `key` (and `values`) name its message in the errors catalogue, worded as `message`. */
const fail = (
  code: 'E_CONFLICT' | 'E_VALIDATION' | 'E_UNKNOWN_ID' | 'E_LIMIT',
  message: string,
  path: string,
  hint: string,
  key: string,
  values?: ErrorValues,
) => new ConcordError(code, message, { path, hint, key, ...(values ? { values } : {}) });

export function delegationOf(s: RoomState, participant: string): string | null {
  return s.participants.find((p) => p.id === participant)?.delegation ?? null;
}

export function playedDelegations(s: RoomState): Set<string> {
  return new Set(s.participants.map((p) => p.delegation));
}

/** The room's current text: the last tabled. */
export function currentText(s: RoomState): TextState | null {
  return s.texts.at(-1) ?? null;
}

export function openCall(s: RoomState): CallState | null {
  return s.calls.find((c) => c.status === 'open') ?? null;
}

/** How many participants play a delegation now. */
export function seated(s: RoomState, delegation: string): number {
  return s.participants.filter((p) => p.delegation === delegation).length;
}

/** A call as the room shows it (without the sequence numbers it was opened and closed at). */
export function callView(c: CallState) {
  return {
    id: c.id,
    text: c.text,
    status: c.status,
    answers: c.answers,
    result: c.result,
    objections: c.objections,
    blockers: c.blockers,
    participants: c.participants,
  };
}

/** A text's positions as arrays (a number is a point in one dimension). */
export function pointsOf(
  positions: Readonly<Record<string, number | readonly number[]>>,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [id, v] of Object.entries(positions)) out[id] = typeof v === 'number' ? [v] : [...v];
  return out;
}

/** The delegation `id` of the room, or E_UNKNOWN_ID naming the others. */
function knownDelegation(s: RoomState, id: string) {
  const del = s.setup.delegations.find((x) => x.id === id);
  if (!del) {
    throw fail(
      'E_UNKNOWN_ID',
      `no delegation "${id}" in this room`,
      'body.delegation',
      `The delegations are ${s.setup.delegations.map((x) => x.id).join(', ')}.`,
      'rooms.unknownDelegation',
      { delegation: id, delegations: s.setup.delegations.map((x) => x.id).join(', ') },
    );
  }
  return del;
}

/** The call `id` of the room, or E_UNKNOWN_ID. */
function knownCall(s: RoomState, id: string): CallState {
  const call = s.calls.find((c) => c.id === id);
  if (!call)
    throw fail(
      'E_UNKNOWN_ID',
      `no call "${id}" in this room`,
      'params.callId',
      'GET /api/rooms/{id} lists the calls.',
      'rooms.unknownCall',
      { call: id },
    );
  return call;
}

/** E_CONFLICT while a call is open (`path`: what the refused action set). */
function noOpenCall(s: RoomState, path: string): void {
  if (openCall(s))
    throw fail('E_CONFLICT', 'a call is open', path, 'Close the call first.', 'rooms.callOpen');
}

/** Checks a text's positions against the issues' scales; returns them as arrays. */
export function checkPositions(
  setup: RoomSetup,
  positions: Readonly<Record<string, number | number[]>>,
  path: string,
): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const points = pointsOf(positions);
  const keys = Object.keys(points);
  if (keys.length === 0) {
    throw fail(
      'E_VALIDATION',
      'the text has no positions',
      path,
      'Give a point on at least one issue.',
      'rooms.noPositions',
    );
  }
  for (const id of keys) {
    const issue = setup.issues.find((i) => i.id === id);
    if (!issue) {
      throw fail(
        'E_UNKNOWN_ID',
        `no issue "${id}" in this room`,
        `${path}.${id}`,
        `The issues are ${setup.issues.map((i) => i.id).join(', ')}.`,
        'rooms.unknownIssue',
        { id, issues: setup.issues.map((i) => i.id).join(', ') },
      );
    }
    const z = points[id]!;
    if (z.length !== issue.dims) {
      throw fail(
        'E_VALIDATION',
        `issue "${id}" has ${issue.dims} dimension(s); the text gives ${z.length}`,
        `${path}.${id}`,
        'Give one number per dimension.',
        'rooms.dimensions',
        { id, dims: issue.dims, given: z.length },
      );
    }
    z.forEach((x, d) => {
      if (!Number.isFinite(x) || x < issue.lo[d]! || x > issue.hi[d]!) {
        throw fail(
          'E_VALIDATION',
          `${x} is outside the scale [${issue.lo[d]}, ${issue.hi[d]}] of issue "${id}"${issue.dims > 1 ? ` (dimension ${issue.dimensionIds[d]})` : ''}`,
          `${path}.${id}`,
          'Give a point on the issue scale.',
          issue.dims > 1 ? 'rooms.outsideScaleDim' : 'rooms.outsideScale',
          {
            x: String(x),
            lo: String(issue.lo[d]),
            hi: String(issue.hi[d]),
            id,
            dimension: String(issue.dimensionIds[d]),
          },
        );
      }
    });
    out[id] = z;
  }
  return out;
}

/** The result of a call from its answers, under the set-up's rule (pure). */
export function decide(
  setup: RoomSetup,
  text: TextState,
  answers: CallState['answers'],
): { result: CallResult; objections: string[]; blockers: string[]; participants: string[] | null } {
  const issues = setup.issues.filter((i) => text.positions[i.id]);
  const veto = new Set(issues.flatMap((i) => i.veto));
  const order = setup.delegations.map((d) => d.id);
  const objections = order.filter((d) => answers[d]?.answer === 'object');
  const blockers = objections.filter((d) => veto.has(d));
  if (blockers.length === 0) return { result: 'adopted', objections, blockers, participants: null };
  const accepters = order.filter((d) => answers[d]?.answer === 'accept');
  if (issues.length > 0 && issues.every((i) => i.optOut) && accepters.length >= 2) {
    return { result: 'adopted-by-participants', objections, blockers, participants: accepters };
  }
  return { result: 'blocked', objections, blockers, participants: null };
}

function initial(setup: RoomSetup): RoomState {
  return {
    setup,
    seq: 1,
    phase: 'preparation',
    round: 0,
    endsAt: null,
    pausedMs: null,
    botModel: setup.botModel ?? 'consensus',
    participants: [],
    texts: [],
    amendments: [],
    messages: [],
    calls: [],
    revealed: false,
  };
}

const PLAYING: readonly Phase[] = ['preparation', 'round', 'final-call'];

/**
 * The next state after `event` (stored at `seq`), or a ConcordError when the room refuses it. A
 * pure function: replaying a log gives the same state every time.
 */
export function apply(s: RoomState | null, e: RoomEvent, seq: number): RoomState {
  if (e.type === 'room.created') {
    if (s)
      throw fail('E_CONFLICT', 'the room exists already', 'body', 'Create another room.', 'rooms.exists');
    return initial(e.data.setup);
  }
  if (!s)
    throw fail(
      'E_CONFLICT',
      'the log does not begin with room.created',
      'events',
      'Replay a whole log.',
      'rooms.noCreation',
    );
  if (s.phase === 'closed') {
    throw fail(
      'E_CONFLICT',
      'the room is closed',
      'room',
      'Create a new room to play again.',
      'rooms.closed',
    );
  }
  const next = { ...s, seq };
  const d = e.data;
  switch (e.type) {
    case 'participant.joined': {
      const del = knownDelegation(s, e.data.delegation);
      if (seated(s, del.id) >= s.setup.seatsPerDelegation) {
        throw fail(
          'E_CONFLICT',
          `every seat of delegation ${del.id} is taken (${s.setup.seatsPerDelegation})`,
          'body.delegation',
          'Choose another delegation.',
          'rooms.seatsTaken',
          { delegation: del.id, seats: String(s.setup.seatsPerDelegation) },
        );
      }
      if (s.phase === 'debrief')
        throw fail('E_CONFLICT', 'the game is over', 'room', 'Read the debrief instead.', 'rooms.overJoin');
      return {
        ...next,
        participants: [...s.participants, { id: e.data.participant, name: e.data.name, delegation: del.id }],
      };
    }
    case 'phase.set': {
      const to = e.data.phase;
      if (PHASES.indexOf(to) < PHASES.indexOf(s.phase) || (to === s.phase && to !== 'round')) {
        throw fail(
          'E_CONFLICT',
          `the room cannot go from ${s.phase} back to ${to}`,
          'body.phase',
          'Phases go preparation → round (repeatable) → final-call → debrief → closed.',
          'rooms.phaseBack',
          { from: s.phase, to },
        );
      }
      if (to !== 'closed') noOpenCall(s, 'body.phase');
      return {
        ...next,
        phase: to,
        round: to === 'round' ? s.round + 1 : s.round,
        endsAt: e.data.endsAt,
        pausedMs: null,
      };
    }
    case 'text.tabled': {
      if (!PLAYING.includes(s.phase) || s.phase === 'preparation') {
        throw fail(
          'E_CONFLICT',
          `no text can be tabled in the ${s.phase} phase`,
          'room.phase',
          'Start a round first.',
          'rooms.noTabling',
          { phase: s.phase },
        );
      }
      if (openCall(s))
        throw fail(
          'E_CONFLICT',
          'a call is open on the current text',
          'room',
          'Close the call first.',
          'rooms.callOpenOnText',
        );
      checkPositions(s.setup, e.data.positions, 'body.positions');
      return {
        ...next,
        texts: [...s.texts, { id: e.data.text, by: e.data.by, positions: e.data.positions, seq }],
      };
    }
    case 'amendment.sent': {
      if (s.phase !== 'round')
        throw fail(
          'E_CONFLICT',
          'amendments are sent during a round',
          'room.phase',
          'Wait for the next round.',
          'rooms.amendmentsInRound',
        );
      checkPositions(s.setup, e.data.positions, 'body.positions');
      return {
        ...next,
        amendments: [
          ...s.amendments,
          {
            id: e.data.amendment,
            delegation: e.data.delegation,
            participant: e.data.participant,
            positions: e.data.positions,
            seq,
          },
        ],
      };
    }
    case 'message.sent': {
      if (!PLAYING.includes(s.phase))
        throw fail(
          'E_CONFLICT',
          'the game is over',
          'room.phase',
          'Messages are for the game.',
          'rooms.overMessage',
        );
      if (e.data.to !== null && !s.setup.delegations.some((x) => x.id === e.data.to)) {
        throw fail(
          'E_UNKNOWN_ID',
          `no delegation "${e.data.to}" in this room`,
          'body.to',
          'Send to a delegation of the room, or to all (no "to").',
          'rooms.unknownRecipient',
          { to: String(e.data.to) },
        );
      }
      return {
        ...next,
        messages: [
          ...s.messages,
          { id: e.data.message, from: e.data.from, to: e.data.to, body: e.data.body, seq },
        ],
      };
    }
    case 'call.opened': {
      if (s.phase !== 'round' && s.phase !== 'final-call') {
        throw fail(
          'E_CONFLICT',
          `no call in the ${s.phase} phase`,
          'room.phase',
          'Start a round or the final call.',
          'rooms.noCall',
          { phase: s.phase },
        );
      }
      if (openCall(s))
        throw fail(
          'E_CONFLICT',
          'a call is open already',
          'room',
          'Close it first.',
          'rooms.callOpenAlready',
        );
      const text = currentText(s);
      if (!text || text.id !== e.data.text)
        throw fail(
          'E_CONFLICT',
          'there is no tabled text to call on',
          'room',
          'Table a text first.',
          'rooms.noTextToCall',
        );
      const call: CallState = {
        id: e.data.call,
        text: text.id,
        status: 'open',
        answers: {},
        result: null,
        objections: [],
        blockers: [],
        participants: null,
        openedSeq: seq,
        closedSeq: null,
      };
      return { ...next, calls: [...s.calls, call] };
    }
    case 'answer.given': {
      const call = knownCall(s, e.data.call);
      if (call.status !== 'open')
        throw fail(
          'E_CONFLICT',
          `call ${call.id} is closed`,
          'params.callId',
          'Answer the next call.',
          'rooms.callClosed',
          { call: call.id },
        );
      const calls = s.calls.map((c) =>
        c.id === call.id
          ? { ...c, answers: { ...c.answers, [e.data.delegation]: { answer: e.data.answer, by: e.data.by } } }
          : c,
      );
      return { ...next, calls };
    }
    case 'call.closed': {
      const call = knownCall(s, e.data.call);
      if (call.status !== 'open')
        throw fail(
          'E_CONFLICT',
          `call ${call.id} is closed already`,
          'params.callId',
          'Nothing to do.',
          'rooms.callClosedAlready',
          { call: call.id },
        );
      const text = s.texts.find((t) => t.id === call.text)!;
      const r = decide(s.setup, text, call.answers);
      const calls = s.calls.map((c) =>
        c.id === call.id ? { ...c, status: 'closed' as const, ...r, closedSeq: seq } : c,
      );
      return { ...next, calls };
    }
    case 'timer.set': {
      if (!PLAYING.includes(s.phase) && s.phase !== 'debrief')
        throw fail('E_CONFLICT', 'the game is over', 'room.phase', 'No timer runs now.', 'rooms.overTimer');
      const { endsAt, remainingMs } = e.data;
      if ((endsAt === null) === (remainingMs === null)) {
        throw fail(
          'E_VALIDATION',
          'a timer either runs (endsAt) or is paused (remainingMs)',
          'body',
          'Give one of the two.',
          'rooms.timerState',
        );
      }
      return { ...next, endsAt, pausedMs: remainingMs };
    }
    case 'participant.assigned': {
      const p = s.participants.find((x) => x.id === e.data.participant);
      if (!p)
        throw fail(
          'E_UNKNOWN_ID',
          `no participant "${e.data.participant}" in this room`,
          'body.participant',
          'GET /api/rooms/{id} lists the players of each delegation.',
          'rooms.unknownParticipant',
          { participant: e.data.participant },
        );
      const del = knownDelegation(s, e.data.delegation);
      if (p.delegation === del.id) return next;
      if (seated(s, del.id) >= s.setup.seatsPerDelegation) {
        throw fail(
          'E_CONFLICT',
          `every seat of delegation ${del.id} is taken (${s.setup.seatsPerDelegation})`,
          'body.delegation',
          'Move someone out first, or choose another delegation.',
          'rooms.seatsTakenMove',
          { delegation: del.id, seats: String(s.setup.seatsPerDelegation) },
        );
      }
      noOpenCall(s, 'body');
      return {
        ...next,
        participants: s.participants.map((x) => (x.id === p.id ? { ...x, delegation: del.id } : x)),
      };
    }
    case 'bots.set': {
      if (!BOT_MODELS.includes(e.data.model))
        throw fail(
          'E_VALIDATION',
          `no bot model "${e.data.model}"`,
          'body.model',
          'Use consensus or eum.',
          'rooms.unknownBot',
          { model: e.data.model },
        );
      noOpenCall(s, 'body');
      return { ...next, botModel: e.data.model };
    }
    case 'briefs.revealed':
      if (s.phase !== 'debrief')
        throw fail(
          'E_CONFLICT',
          'briefs are revealed at the debrief',
          'room.phase',
          'Advance to the debrief first.',
          'rooms.revealAtDebrief',
        );
      void d;
      return { ...next, revealed: true };
  }
}

/** The state after a log (events in seq order), or null when the log is empty. */
export function replay(
  events: ReadonlyArray<{ readonly seq: number; readonly type: string; readonly data: unknown }>,
): RoomState | null {
  let s: RoomState | null = null;
  for (const e of events) s = apply(s, e as RoomEvent, e.seq);
  return s;
}

/** The state after a whole log (events in seq order). */
export function fold(
  events: ReadonlyArray<{ readonly seq: number; readonly type: string; readonly data: unknown }>,
): RoomState {
  const s = replay(events);
  if (!s)
    throw fail('E_CONFLICT', 'the room has no events', 'room', 'The room was not created.', 'rooms.noEvents');
  return s;
}

/** The outcome of the game: the text of the last call that adopted one, else the status quo. */
export function finalOutcome(s: RoomState): {
  call: CallState | null;
  positions: Record<string, number[]> | null;
} {
  const adopted = [...s.calls].reverse().find((c) => c.status === 'closed' && c.result !== 'blocked');
  if (!adopted) return { call: null, positions: null };
  return { call: adopted, positions: { ...s.texts.find((t) => t.id === adopted.text)!.positions } };
}

/** Each delegation's played positions: its coded position, replaced by its last amendment per issue. */
export function playedPositions(s: RoomState): Record<string, Record<string, number[]>> {
  const out: Record<string, Record<string, number[]>> = {};
  for (const issue of s.setup.issues) {
    out[issue.id] = {};
    for (const [d, c] of Object.entries(issue.coded)) out[issue.id]![d] = [...c.position];
  }
  for (const a of s.amendments)
    for (const [i, z] of Object.entries(a.positions)) out[i]![a.delegation] = [...z];
  return out;
}
