// The room as a pure fold over its events: replaying a log gives the same state; a refused event
// throws (so the server stores nothing); call results under consensus and with an opt-out; bots
// answer by the consensus model's preferences; briefs hold one delegation's coding only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/data/load.js';
import { brief } from '../../src/rooms/brief.js';
import { botAnswer, roomSetup } from '../../src/rooms/setup.js';
import { apply, decide, fold, type RoomEvent, type RoomState } from '../../src/rooms/state.js';
import { parseScenarioText, resolveWithLines } from '../../src/scenario/load.js';

const path = 'scenarios/sco/05-iran-membership-blocked-2019.yaml';
const text = readText(path);
const file = parseScenarioText(text, path);
const setup = roomSetup(resolveWithLines(file, path, text), file);

function play(events: RoomEvent[]): RoomState {
  return fold(events.map((e, k) => ({ ...e, seq: k + 1 })));
}

const created: RoomEvent = { type: 'room.created', data: { setup } };
const joined = (p: string, d: string): RoomEvent => ({
  type: 'participant.joined',
  data: { participant: p, name: p, delegation: d },
});

describe('the room fold', () => {
  it('plays a round to a blocked call: one objection of a member blocks under consensus', () => {
    const s = play([
      created,
      joined('p1', 'TJK'),
      { type: 'phase.set', data: { phase: 'round', endsAt: null } },
      { type: 'text.tabled', data: { text: 't1', by: 'moderator', positions: { 'iran-procedure': [100] } } },
      { type: 'call.opened', data: { call: 'c1', text: 't1' } },
      { type: 'answer.given', data: { call: 'c1', delegation: 'TJK', answer: 'object', by: 'p1' } },
      { type: 'answer.given', data: { call: 'c1', delegation: 'RUS', answer: 'accept', by: 'bot' } },
      { type: 'call.closed', data: { call: 'c1' } },
    ]);
    expect(s.calls[0]).toMatchObject({
      status: 'closed',
      result: 'blocked',
      objections: ['TJK'],
      blockers: ['TJK'],
    });
    expect(s.round).toBe(1);
    expect(s.seq).toBe(8);
  });

  it('refuses what the state does not allow', () => {
    const base = play([created, { type: 'phase.set', data: { phase: 'round', endsAt: null } }]);
    const bad: Array<[RoomEvent, string]> = [
      [
        { type: 'text.tabled', data: { text: 't', by: 'moderator', positions: { 'iran-procedure': [101] } } },
        'E_VALIDATION',
      ],
      [
        { type: 'text.tabled', data: { text: 't', by: 'moderator', positions: { nope: [1] } } },
        'E_UNKNOWN_ID',
      ],
      [{ type: 'call.opened', data: { call: 'c', text: 'none' } }, 'E_CONFLICT'],
      [
        { type: 'answer.given', data: { call: 'none', delegation: 'RUS', answer: 'accept', by: 'x' } },
        'E_UNKNOWN_ID',
      ],
      [{ type: 'phase.set', data: { phase: 'preparation', endsAt: null } }, 'E_CONFLICT'],
      [joined('p', 'XXX'), 'E_UNKNOWN_ID'],
    ];
    for (const [e, code] of bad)
      expect(() => apply(base, e, base.seq + 1)).toThrow(expect.objectContaining({ code }));
    // Seats: a delegation has at most seatsPerDelegation players.
    let s = base;
    for (let k = 0; k < setup.seatsPerDelegation; k++) s = apply(s, joined(`p${k}`, 'KAZ'), s.seq + 1);
    expect(() => apply(s, joined('late', 'KAZ'), s.seq + 1)).toThrow(
      expect.objectContaining({ code: 'E_CONFLICT' }),
    );
    // After a call closes, no answer.
    s = apply(
      s,
      { type: 'text.tabled', data: { text: 't', by: 'moderator', positions: { 'iran-procedure': [50] } } },
      s.seq + 1,
    );
    s = apply(s, { type: 'call.opened', data: { call: 'c', text: 't' } }, s.seq + 1);
    s = apply(s, { type: 'call.closed', data: { call: 'c' } }, s.seq + 1);
    expect(() =>
      apply(
        s,
        { type: 'answer.given', data: { call: 'c', delegation: 'KAZ', answer: 'object', by: 'p0' } },
        s.seq + 1,
      ),
    ).toThrow(expect.objectContaining({ code: 'E_CONFLICT' }));
    // Closed: nothing more.
    s = apply(s, { type: 'phase.set', data: { phase: 'closed', endsAt: null } }, s.seq + 1);
    expect(() => apply(s, joined('x', 'RUS'), s.seq + 1)).toThrow(
      expect.objectContaining({ code: 'E_CONFLICT' }),
    );
  });

  it('decides under the rule: silence and abstention do not block; an opt-out lets two accepters adopt', () => {
    const text = { id: 't', by: 'moderator', positions: { 'iran-procedure': [60] }, seq: 1 };
    expect(
      decide(setup, text, { RUS: { answer: 'accept', by: 'x' }, KAZ: { answer: 'abstain', by: 'y' } }).result,
    ).toBe('adopted');
    const optOut = { ...setup, issues: setup.issues.map((i) => ({ ...i, optOut: true })) };
    const answers = {
      RUS: { answer: 'accept' as const, by: 'a' },
      CHN: { answer: 'accept' as const, by: 'b' },
      TJK: { answer: 'object' as const, by: 'c' },
    };
    expect(decide(optOut, text, answers)).toMatchObject({
      result: 'adopted-by-participants',
      participants: ['CHN', 'RUS'].sort(
        (a, b) =>
          setup.delegations.findIndex((d) => d.id === a) - setup.delegations.findIndex((d) => d.id === b),
      ),
      blockers: ['TJK'],
    });
    expect(decide(optOut, text, { RUS: answers.RUS, TJK: answers.TJK }).result).toBe('blocked');
    expect(decide(setup, text, answers).result).toBe('blocked');
  });

  it('gives the same state however the log is replayed (fold is deterministic and order-bound)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('accept', 'object', 'abstain'), { minLength: 1, maxLength: 8 }),
        (answers) => {
          const ds = setup.delegations.map((d) => d.id);
          const events: RoomEvent[] = [
            created,
            { type: 'phase.set', data: { phase: 'round', endsAt: null } },
            {
              type: 'text.tabled',
              data: { text: 't', by: 'moderator', positions: { 'iran-procedure': [70] } },
            },
            { type: 'call.opened', data: { call: 'c', text: 't' } },
            ...answers.map(
              (a, k): RoomEvent => ({
                type: 'answer.given',
                data: { call: 'c', delegation: ds[k % ds.length]!, answer: a as 'accept', by: 'x' },
              }),
            ),
            { type: 'call.closed', data: { call: 'c' } },
          ];
          const a = play(events);
          const b = play(JSON.parse(JSON.stringify(events)));
          expect(b).toEqual(a);
          // The result is blocked exactly when the last answer of some member is "object".
          const last = new Map<string, string>();
          for (const [k, x] of answers.entries()) last.set(ds[k % ds.length]!, x);
          expect(a.calls[0]!.result).toBe([...last.values()].includes('object') ? 'blocked' : 'adopted');
        },
      ),
    );
  });
});

describe('bots and briefs', () => {
  it('a bot accepts what it prefers to the status quo under the consensus model', () => {
    // Status quo 0 (application pending). TJK sits at 0: it objects to any move; RUS (100) accepts.
    expect(botAnswer(setup, 'TJK', { 'iran-procedure': [100] })).toBe('object');
    expect(botAnswer(setup, 'RUS', { 'iran-procedure': [100] })).toBe('accept');
    // KAZ at 50: 100 is as far as 0 is: indifferent, abstains; 60 it prefers.
    expect(botAnswer(setup, 'KAZ', { 'iran-procedure': [100] })).toBe('abstain');
    expect(botAnswer(setup, 'KAZ', { 'iran-procedure': [60] })).toBe('accept');
  });

  it('a brief holds its delegation coding, red line and sources', () => {
    const b = brief(setup, 'KAZ')!;
    const i = b.issues[0]!;
    expect(i.position).toEqual([50]);
    expect(i.salience).toEqual([0.3]);
    expect(i.acceptable).toEqual([0, 100]);
    expect(i.youCanBlock).toBe(true);
    expect(brief(setup, 'TJK')!.issues[0]!.source).toMatch(/^https:/);
    expect(brief(setup, 'NOPE')).toBeNull();
  });
});
