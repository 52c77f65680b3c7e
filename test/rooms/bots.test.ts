// The bots of unplayed delegations: the consensus bot answers from its coded position; the
// expected-utility bot takes the offers of one round of the model (src/bargaining/eum.ts) from the
// positions as played — checked against a direct run of the model — and answers from where it then
// stands. Players never move with the model.
import { describe, expect, it } from 'vitest';
import { expectedUtility } from '../../src/bargaining/eum.js';
import { readText } from '../../src/data/load.js';
import { botAnswerIn, botDelegations, eumMoves } from '../../src/rooms/bots.js';
import { roomSetup } from '../../src/rooms/setup.js';
import { fold, type RoomEvent, type RoomState } from '../../src/rooms/state.js';
import { parseScenarioText, resolveWithLines } from '../../src/scenario/load.js';

const path = 'scenarios/sco/05-iran-membership-blocked-2019.yaml';
const text = readText(path);
const file = parseScenarioText(text, path);

function room(botModel: 'consensus' | 'eum', extra: RoomEvent[] = []): RoomState {
  const setup = roomSetup(resolveWithLines(file, path, text), file, { botModel });
  const events: RoomEvent[] = [
    { type: 'room.created', data: { setup } },
    { type: 'participant.joined', data: { participant: 'p1', name: 'Ana', delegation: 'RUS' } },
    { type: 'phase.set', data: { phase: 'round', endsAt: null } },
    ...extra,
  ];
  return fold(events.map((e, k) => ({ ...e, seq: k + 1 })));
}

/** One round of the model on the room's played positions, directly. */
function oneRound(s: RoomState, played: Record<string, number>) {
  const issue = s.setup.issues[0]!;
  const ids = s.setup.delegations.map((d) => d.id);
  const x = ids.map((d) => played[d] ?? issue.coded[d]!.position[0]!);
  const r = expectedUtility(
    ids.length,
    x,
    s.setup.delegations.map((d) => d.capability),
    ids.map((d) => issue.coded[d]!.salience[0]!),
    ids.map(() => 1),
    issue.lo[0]!,
    issue.hi[0]!,
    { maxRounds: 1 },
  )!;
  return Object.fromEntries(ids.map((d, a) => [d, r.positions[a]!]));
}

describe('room bots', () => {
  it('consensus bots make no moves and answer from their coded positions', () => {
    const s = room('consensus');
    expect(eumMoves(s)).toEqual([]);
    expect(botDelegations(s)).not.toContain('RUS');
    // Tajikistan sits at the status quo (0): any move makes it worse off.
    expect(botAnswerIn(s, 'TJK', { 'iran-procedure': [40] })).toBe('object');
    expect(botAnswerIn(s, 'PAK', { 'iran-procedure': [40] })).toBe('accept');
  });

  it("eum bots take one round of the model's offers, from the positions as played", () => {
    const amend: RoomEvent = {
      type: 'amendment.sent',
      data: { amendment: 'a1', delegation: 'RUS', participant: 'p1', positions: { 'iran-procedure': [20] } },
    };
    for (const [s, played] of [
      [room('eum'), {}],
      [room('eum', [amend]), { RUS: 20 }],
    ] as const) {
      const expected = oneRound(s, played);
      const moves = eumMoves(s);
      expect(moves.length).toBeGreaterThan(0);
      // Never the player's delegation; each move is the model's position, to a thousandth.
      expect(moves.map((m) => m.delegation)).not.toContain('RUS');
      for (const m of moves) {
        expect(m.positions['iran-procedure']![0]).toBeCloseTo(expected[m.delegation]!, 3);
      }
      // The bots the model leaves where they stand send nothing.
      const issue = s.setup.issues[0]!;
      for (const d of botDelegations(s)) {
        if (moves.some((m) => m.delegation === d)) continue;
        expect(expected[d]).toBeCloseTo(issue.coded[d]!.position[0]!, 6);
      }
    }
    // The player's amendment changes what the model offers the bots.
    expect(eumMoves(room('eum', [amend]))).not.toEqual(eumMoves(room('eum')));
  });

  it('an eum bot answers from where its amendments put it', () => {
    const s0 = room('eum');
    const tjk = eumMoves(s0).find((m) => m.delegation === 'TJK');
    expect(tjk, 'one round of the model moves Tajikistan off 0').toBeDefined();
    const to = tjk!.positions['iran-procedure']![0]!;
    const s = room('eum', [
      {
        type: 'amendment.sent',
        data: { amendment: 'b1', delegation: 'TJK', participant: 'bot', positions: tjk!.positions },
      },
    ]);
    // A text at its new position beats the status quo for it now; under the consensus bot it objects.
    expect(botAnswerIn(s, 'TJK', { 'iran-procedure': [to] })).toBe('accept');
    const c: RoomState = { ...s, botModel: 'consensus' };
    expect(botAnswerIn(c, 'TJK', { 'iran-procedure': [to] })).toBe('object');
  });
});
