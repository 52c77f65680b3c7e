/**
 * The bots that play the delegations nobody plays (docs/rooms.md, "Bots"). Pure functions of the
 * room's state.
 *
 * - **consensus**: answers a call from its coded position: accepts a text it strictly prefers to
 *   the status quo, objects to one it strictly likes less, abstains when indifferent (the consensus
 *   model's preferences, `botAnswer` in ./setup.ts).
 * - **eum**: takes the expected-utility model's offers (Bueno de Mesquita's model as reconstructed
 *   by Scholz, Calbert & Smith 2011; src/bargaining/eum.ts). When a round begins, the model runs one
 *   round of bargaining from the positions as played so far (the people's last amendments
 *   included, so the model answers what the players did), and each bot moves to the offer it
 *   accepts there, announced as an amendment. At a call it answers like the consensus bot, but from
 *   where it now stands. The model is one-dimensional: on an issue in several dimensions the bot
 *   keeps its position.
 */
import { expectedUtility } from '../bargaining/eum.js';
import { botAnswer, type RoomSetup } from './setup.js';
import { type Answer, playedDelegations, playedPositions, type RoomState } from './state.js';

/** Moves smaller than this fraction of an issue's scale are no move (no amendment is sent). */
const MOVE_TOLERANCE = 1e-6;

/** The delegations the bots play: those nobody has joined. */
export function botDelegations(s: RoomState): string[] {
  const played = playedDelegations(s);
  return s.setup.delegations.map((d) => d.id).filter((d) => !played.has(d));
}

/** The set-up with each delegation's coded position replaced by where it stands now (per issue). */
function standing(setup: RoomSetup, at: Record<string, Record<string, number[]>>): RoomSetup {
  return {
    ...setup,
    issues: setup.issues.map((i) => {
      const coded: Record<string, RoomSetup['issues'][number]['coded'][string]> = {};
      for (const [d, c] of Object.entries(i.coded))
        coded[d] = { ...c, position: at[i.id]?.[d] ?? c.position };
      return { ...i, coded };
    }),
  };
}

/** A bot's answer to a text under the room's bot model. */
export function botAnswerIn(
  s: RoomState,
  delegation: string,
  positions: Readonly<Record<string, readonly number[]>>,
): Answer {
  if (s.botModel === 'eum') return botAnswer(standing(s.setup, playedPositions(s)), delegation, positions);
  return botAnswer(s.setup, delegation, positions);
}

/**
 * The EUM bots' offers taken at the start of a round: for each bot delegation, the issues on which
 * one round of the expected-utility model moves it, with its new position. Empty for consensus bots.
 */
export function eumMoves(s: RoomState): Array<{ delegation: string; positions: Record<string, number[]> }> {
  if (s.botModel !== 'eum') return [];
  const bots = botDelegations(s);
  if (bots.length === 0) return [];
  const played = playedPositions(s);
  const ids = s.setup.delegations.map((d) => d.id);
  const capability = s.setup.delegations.map((d) => d.capability);
  const eumOptions = (s.setup.file as { modelOptions?: { eum?: Record<string, unknown> } }).modelOptions?.eum;
  const moves = new Map<string, Record<string, number[]>>();
  for (const issue of s.setup.issues) {
    if (issue.dims !== 1) continue;
    const n = ids.length;
    const x = new Float64Array(n);
    const sal = new Float64Array(n);
    const has = new Uint8Array(n);
    ids.forEach((d, a) => {
      const c = issue.coded[d];
      if (!c) return;
      x[a] = played[issue.id]?.[d]?.[0] ?? c.position[0]!;
      sal[a] = c.salience[0]!;
      has[a] = 1;
    });
    const r = expectedUtility(n, x, capability, sal, has, issue.lo[0]!, issue.hi[0]!, {
      ...(eumOptions ?? {}),
      maxRounds: 1,
    });
    if (!r) continue;
    const range = issue.hi[0]! - issue.lo[0]!;
    for (const d of bots) {
      const a = ids.indexOf(d);
      if (!has[a]) continue;
      const to = r.positions[a]!;
      if (!Number.isFinite(to) || Math.abs(to - x[a]!) <= MOVE_TOLERANCE * range) continue;
      // Rounded to a thousandth of the scale: an amendment is a point a person could have typed.
      const rounded = Math.min(issue.hi[0]!, Math.max(issue.lo[0]!, Math.round(to * 1000) / 1000));
      const m = moves.get(d) ?? {};
      m[issue.id] = [rounded];
      moves.set(d, m);
    }
  }
  return bots.filter((d) => moves.has(d)).map((d) => ({ delegation: d, positions: moves.get(d)! }));
}
