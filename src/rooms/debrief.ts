/**
 * After the game (docs/rooms.md, "Debrief"): the played positions as a scenario file Concord can
 * forecast and sweep, and the debrief, the game's outcome beside the models' forecasts on the
 * played and the coded positions, who blocked each call and why, the timeline and each
 * delegation's utility. Pure: the forecasts are given (the server runs them on its worker pool).
 */
import type { ScenarioFile } from '../scenario/schema.js';
import { packageDistance } from './setup.js';
import { callView, finalOutcome, playedDelegations, playedPositions, type RoomState } from './state.js';

/** One issue of a forecast (the `forecast` computation's answer): each model's outcome. */
export interface ForecastIssue {
  id: string;
  models: Record<string, { outcome: unknown; adopted?: unknown; blockers?: unknown }>;
}

/** A logged event as the store gives it back. */
export interface LoggedEvent {
  readonly seq: number;
  readonly type: string;
  readonly data: unknown;
  readonly at: string;
}

/** The played positions as a scenario file: each delegation's last amendment replaces its coded position. */
export function playedScenario(s: RoomState): ScenarioFile {
  const played = playedPositions(s);
  const moved = new Set(
    s.amendments.flatMap((a) => Object.keys(a.positions).map((i) => `${i}\u0000${a.delegation}`)),
  );
  const file = structuredClone(s.setup.file) as ScenarioFile & {
    issues: Array<{ id: string; positions: Record<string, unknown> }>;
  };
  for (const issue of file.issues) {
    for (const [d, z] of Object.entries(played[issue.id] ?? {})) {
      if (!moved.has(`${issue.id}\u0000${d}`)) continue;
      const old = issue.positions[d] as
        | { salience: number | number[]; note?: string; source?: string }
        | null
        | undefined;
      const position = z.length === 1 ? z[0]! : z;
      issue.positions[d] = {
        position,
        salience: old?.salience ?? 0.5,
        note: `played in a Concord room (last amendment)${old?.note ? `; coded: ${old.note}` : ''}`,
        ...(old?.source ? { source: old.source } : {}),
      };
    }
  }
  return {
    ...file,
    id: `${s.setup.scenarioId}-played`,
    title: `${s.setup.title} (as played)`,
  } as ScenarioFile;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The debrief of a room from its state, its log and the forecasts on the coded and the played positions. */
export function debrief(
  s: RoomState,
  log: readonly LoggedEvent[],
  coded: { issues: ForecastIssue[] },
  asPlayed: { issues: ForecastIssue[] },
) {
  const { call, positions } = finalOutcome(s);
  const outcome: Record<string, number[] | null> = {};
  for (const i of s.setup.issues) outcome[i.id] = positions?.[i.id] ?? i.statusQuo;
  const known = Object.fromEntries(
    Object.entries(outcome).filter((e): e is [string, number[]] => e[1] !== null),
  );
  const sq: Record<string, number[]> = {};
  for (const i of s.setup.issues) if (i.statusQuo && known[i.id]) sq[i.id] = i.statusQuo;
  const at = new Map(log.map((e) => [e.seq, e.at]));
  return {
    room: s.setup.scenarioId,
    title: s.setup.title,
    outcome: {
      adopted: call ? call.result : 'nothing adopted',
      call: call?.id ?? null,
      participants: call?.participants ?? null,
      positions: outcome,
    },
    issues: s.setup.issues.map((i) => {
      const c = coded.issues.find((x) => x.id === i.id);
      const p = asPlayed.issues.find((x) => x.id === i.id);
      const models = (f: ForecastIssue | undefined) =>
        Object.fromEntries(
          Object.entries(f?.models ?? {}).map(([m, r]) => [
            m,
            { outcome: r.outcome, adopted: r.adopted ?? null },
          ]),
        );
      return {
        id: i.id,
        title: i.title,
        statusQuo: i.statusQuo,
        game: outcome[i.id],
        observed: i.observed,
        forecasts: { played: models(p), coded: models(c) },
      };
    }),
    calls: s.calls.map((c) => {
      const text = s.texts.find((t) => t.id === c.text)!;
      const tq: Record<string, number[]> = {};
      for (const i of s.setup.issues) if (i.statusQuo && text.positions[i.id]) tq[i.id] = i.statusQuo;
      return {
        ...callView(c),
        positions: text.positions,
        why: c.blockers.map((d) => ({
          delegation: d,
          by: c.answers[d]?.by === 'bot' ? 'bot' : 'player',
          distanceToText: round(packageDistance(s.setup, d, text.positions)),
          distanceToStatusQuo: round(packageDistance(s.setup, d, tq)),
        })),
      };
    }),
    timeline: log
      .filter((e) =>
        ['phase.set', 'text.tabled', 'amendment.sent', 'call.opened', 'answer.given', 'call.closed'].includes(
          e.type,
        ),
      )
      .map((e) => ({ seq: e.seq, at: at.get(e.seq), type: e.type, data: e.data })),
    utilities: s.setup.delegations.map((d) => {
      const dOut = packageDistance(s.setup, d.id, known);
      const dSq = packageDistance(s.setup, d.id, sq);
      return {
        delegation: d.id,
        played: playedDelegations(s).has(d.id),
        /** Minus the salience-weighted distance of the outcome from the coded position (0 best). */
        utility: round(-dOut),
        /** The gain over the status quo (positive: the outcome is closer to its brief than no agreement). */
        gain: round(dSq - dOut),
      };
    }),
  };
}
