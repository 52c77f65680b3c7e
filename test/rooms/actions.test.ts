// What the room's actions append, decided from its state (src/rooms/actions.ts): the timer after a
// pause, resume or extension, where a newcomer sits, the seats of each delegation, and a call with
// the bots' answers — each checked against the fold that then accepts the events.
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/data/load.js';
import { callEvents, delegationSeats, pickDelegation, timerChange } from '../../src/rooms/actions.js';
import { roomSetup } from '../../src/rooms/setup.js';
import { apply, fold, type RoomEvent, type RoomState } from '../../src/rooms/state.js';
import { parseScenarioText, resolveWithLines } from '../../src/scenario/load.js';

const path = 'scenarios/sco/05-iran-membership-blocked-2019.yaml';
const text = readText(path);
const file = parseScenarioText(text, path);
const setup = { ...roomSetup(resolveWithLines(file, path, text), file), seatsPerDelegation: 1 };

const play = (events: RoomEvent[]): RoomState => fold(events.map((e, k) => ({ ...e, seq: k + 1 })));
const created: RoomEvent = { type: 'room.created', data: { setup } };
const joined = (p: string, d: string): RoomEvent => ({
  type: 'participant.joined',
  data: { participant: p, name: p, delegation: d },
});
const round = (endsAt: string | null): RoomEvent => ({ type: 'phase.set', data: { phase: 'round', endsAt } });

describe('the timer', () => {
  const now = Date.parse('2026-01-01T10:00:00.000Z');

  it('pauses with the time left, resumes from now, and extends a running or a paused timer', () => {
    const running = play([created, round('2026-01-01T10:05:00.000Z')]);
    const paused = timerChange(running, 'pause', undefined, now);
    expect(paused).toEqual({ endsAt: null, remainingMs: 300_000 });
    const s = apply(running, { type: 'timer.set', data: paused }, 3);
    expect(timerChange(s, 'resume', undefined, now + 1000)).toEqual({
      endsAt: '2026-01-01T10:05:01.000Z',
      remainingMs: null,
    });
    expect(timerChange(s, 'extend', 2, now)).toEqual({ endsAt: null, remainingMs: 420_000 });
    expect(timerChange(running, 'extend', 2, now)).toEqual({
      endsAt: '2026-01-01T10:07:00.000Z',
      remainingMs: null,
    });
  });

  it('gives a phase without a timer one from now, and refuses what cannot be done', () => {
    const none = play([created, round(null)]);
    expect(timerChange(none, 'extend', 1, now)).toEqual({
      endsAt: '2026-01-01T10:01:00.000Z',
      remainingMs: null,
    });
    expect(() => timerChange(none, 'pause', undefined, now)).toThrow(
      expect.objectContaining({ code: 'E_CONFLICT', key: 'server.room.noTimer' }),
    );
    expect(() => timerChange(none, 'resume', undefined, now)).toThrow(
      expect.objectContaining({ code: 'E_CONFLICT', key: 'server.room.notPaused' }),
    );
    expect(() => timerChange(none, 'extend', undefined, now)).toThrow(
      expect.objectContaining({ code: 'E_VALIDATION', path: 'body.minutes' }),
    );
  });
});

describe('seats', () => {
  it('seats a newcomer at an unplayed member delegation first, and nowhere once every seat is taken', () => {
    const members = setup.delegations.filter((d) => d.member).map((d) => d.id);
    let s = play([created]);
    expect(pickDelegation(s)).toBe(members[0]);
    const seen: string[] = [];
    for (let k = 0; k < setup.delegations.length; k++) {
      const d = pickDelegation(s)!;
      seen.push(d);
      s = apply(s, joined(`p${k}`, d), s.seq + 1);
    }
    expect(new Set(seen).size).toBe(setup.delegations.length);
    expect(seen.slice(0, members.length)).toEqual(members);
    expect(pickDelegation(s)).toBeNull();
    expect(delegationSeats(s).every((d) => d.players === 1 && d.free === 0)).toBe(true);
  });
});

describe('a call', () => {
  it('opens on the current text, and the bots of the unplayed delegations answer at once', () => {
    const s = play([
      created,
      joined('p1', 'CHN'),
      round(null),
      { type: 'text.tabled', data: { text: 't1', by: 'moderator', positions: { 'iran-procedure': [100] } } },
    ]);
    const events = callEvents(s, 'c1');
    expect(events[0]).toEqual({ type: 'call.opened', data: { call: 'c1', text: 't1' } });
    const answered = events.slice(1).map((e) => (e.data as { delegation: string }).delegation);
    expect(answered).toEqual(setup.delegations.map((d) => d.id).filter((d) => d !== 'CHN'));
    let next = s;
    for (const e of events) next = apply(next, e, next.seq + 1);
    expect(Object.keys(next.calls[0]!.answers)).toHaveLength(answered.length);
  });
});
