/**
 * What the room's actions append to its log, decided from its state (pure): the events of a new
 * phase (with the expected-utility bots' amendments at a round), of a call (with the bots'
 * answers), the timer after a pause, resume or extension, and where a newcomer sits. The server's
 * routes (src/server/routes/rooms.ts) validate the request, decide with these, and the fold
 * (./state.ts) checks the events before anything is stored.
 */
import { ConcordError } from '../errors.js';
import { botAnswerIn, botDelegations, eumMoves } from './bots.js';
import { currentText, type Phase, type RoomEvent, type RoomState, seated } from './state.js';

/** The events of a move to `phase`: at a new round, the expected-utility bots' offers as amendments. */
export function phaseEvents(
  s: RoomState,
  phase: Phase,
  endsAt: string | null,
  newId: () => string,
): RoomEvent[] {
  const events: RoomEvent[] = [{ type: 'phase.set', data: { phase, endsAt } }];
  if (phase === 'round') {
    for (const m of eumMoves(s)) {
      events.push({
        type: 'amendment.sent',
        data: { amendment: newId(), delegation: m.delegation, participant: 'bot', positions: m.positions },
      });
    }
  }
  return events;
}

/** The events of a call on the current text: it opens, and the bots of unplayed delegations answer at once. */
export function callEvents(s: RoomState, id: string): RoomEvent[] {
  const text = currentText(s);
  const events: RoomEvent[] = [{ type: 'call.opened', data: { call: id, text: text?.id ?? '' } }];
  if (text) {
    for (const d of botDelegations(s)) {
      events.push({
        type: 'answer.given',
        data: { call: id, delegation: d, answer: botAnswerIn(s, d, text.positions), by: 'bot' },
      });
    }
  }
  return events;
}

export type TimerAction = 'pause' | 'resume' | 'extend';

/** The timer after the moderator's `action` at time `now` (ms): a `timer.set` event's data. */
export function timerChange(
  s: RoomState,
  action: TimerAction,
  minutes: number | undefined,
  now: number,
): { endsAt: string | null; remainingMs: number | null } {
  if (action === 'pause') {
    if (!s.endsAt)
      throw new ConcordError('E_CONFLICT', 'no timer is running', {
        path: 'body.action',
        hint: 'Start a phase with minutes, or extend.',
        key: 'server.room.noTimer',
      });
    return { endsAt: null, remainingMs: Math.max(0, Date.parse(s.endsAt) - now) };
  }
  if (action === 'resume') {
    if (s.pausedMs === null)
      throw new ConcordError('E_CONFLICT', 'the timer is not paused', {
        path: 'body.action',
        hint: 'Pause it first.',
        key: 'server.room.notPaused',
      });
    return { endsAt: new Date(now + s.pausedMs).toISOString(), remainingMs: null };
  }
  if (!minutes)
    throw new ConcordError('E_VALIDATION', 'extend needs minutes', {
      path: 'body.minutes',
      hint: 'Give the minutes to add, e.g. { "action": "extend", "minutes": 5 }.',
      key: 'server.room.extendMinutes',
    });
  const add = minutes * 60_000;
  return s.pausedMs !== null
    ? { endsAt: null, remainingMs: s.pausedMs + add }
    : {
        endsAt: new Date(Math.max(now, s.endsAt ? Date.parse(s.endsAt) : now) + add).toISOString(),
        remainingMs: null,
      };
}

/** Each delegation with its players and free seats, in the set-up's order. */
export function delegationSeats(s: RoomState) {
  return s.setup.delegations.map((d) => {
    const players = seated(s, d.id);
    return {
      id: d.id,
      name: d.name,
      member: d.member,
      players,
      free: Math.max(0, s.setup.seatsPerDelegation - players),
    };
  });
}

/**
 * Where a newcomer who names no delegation sits: the first delegation nobody plays (members
 * first), else the one with the fewest players and a free seat; null when every seat is taken.
 */
export function pickDelegation(s: RoomState): string | null {
  const count = (d: string) => seated(s, d);
  const order = [...s.setup.delegations].sort((a, b) => Number(b.member) - Number(a.member));
  const free = order.filter((d) => count(d.id) < s.setup.seatsPerDelegation);
  if (free.length === 0) return null;
  return free.reduce((best, d) => (count(d.id) < count(best.id) ? d : best)).id;
}
