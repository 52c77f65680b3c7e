/**
 * Negotiation rooms over HTTP (docs/rooms.md): create a room from a scenario, join it by code, read
 * one's brief, table texts, amend, message, call for consensus, answer, close the call, advance the
 * phases, reveal the briefs, follow the room live (Server-Sent Events, resuming from the last event
 * id), export the log and the played positions, and read the debrief beside every model's forecast.
 *
 * A thin adapter over src/rooms: the route's schema validates the request, src/rooms/actions.ts
 * decides the events, and the room's pure fold (src/rooms/state.ts) checks them before anything is
 * stored, so a refused action (4xx) leaves no trace. The debrief (src/rooms/debrief.ts) is built
 * from forecasts run on the worker pool (the `forecast` computation), never on the event loop.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConcordError } from '../../errors.js';
import { negotiateLocale, parseLocale } from '../../i18n/locale.js';
import {
  callEvents,
  delegationSeats,
  phaseEvents,
  pickDelegation,
  timerChange,
} from '../../rooms/actions.js';
import { brief } from '../../rooms/brief.js';
import { debrief, type ForecastIssue, playedScenario } from '../../rooms/debrief.js';
import { type RoomSetup, roomSetup } from '../../rooms/setup.js';
import {
  type Answer,
  BOT_MODELS,
  type BotModel,
  callView,
  currentText,
  PHASES,
  type Phase,
  playedDelegations,
  playedPositions,
  pointsOf,
  type RoomState,
} from '../../rooms/state.js';
import { parseScenarioText, resolveWithLines } from '../../scenario/load.js';
import { resolveScenario } from '../../scenario/resolve.js';
import { type ScenarioFile, ScenarioFileSchema } from '../../scenario/schema.js';
import type { ResolvedScenario } from '../../scenario/types.js';
import { hashToken, type StoredRoomEvent } from '../../store/store.js';
import type { ServerContext } from '../context.js';
import { atPath } from '../errors.js';
import { renderDebriefHtml } from '../room-print.js';
import {
  type LiveMessage,
  newJoinCode,
  newModeratorToken,
  newParticipantToken,
  normalizeCode,
  type Presence,
  RoomHub,
  type Viewer,
} from '../rooms.js';
import { type AnyRoute, route } from '../route.js';
import { openEventStream } from '../sse.js';
import { builtInScenarios, scenarioCaps } from './scenarios.js';

/** Each event's JSON text, made once for all the sockets of a room (keyed by the event object). */
const frames = new WeakMap<object, string>();

/** Largest message body, bytes of UTF-8. */
export const MESSAGE_MAX_BYTES = 4096;

const RoomParams = z.object({ id: z.string().min(1).max(64).describe('The room id') }).strict();
const CallParams = z
  .object({ id: z.string().min(1).max(64), callId: z.string().min(1).max(64).describe('The call id') })
  .strict();
const BriefParams = z
  .object({
    id: z.string().min(1).max(64),
    delegation: z.string().min(1).max(64).describe('A delegation id'),
  })
  .strict();
const Point = z.union([z.number(), z.array(z.number()).min(1).max(16)]);
const Positions = z
  .record(z.string().min(1).max(200), Point)
  .describe(
    'A point on the scale of each issue of the text: `{ "<issue id>": x }` (an array in several dimensions)',
  );

const RoomSchema = z
  .looseObject({
    id: z.string(),
    phase: z.enum(PHASES as [Phase, ...Phase[]]),
    round: z.number(),
    status: z.enum(['open', 'closed']),
    scenario: z.looseObject({ id: z.string(), title: z.string() }),
    delegations: z.array(z.looseObject({ id: z.string(), players: z.array(z.unknown()), bot: z.boolean() })),
    text: z.unknown(),
    calls: z.array(z.unknown()),
  })
  .describe("The room's state as this viewer may see it");
const CallSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  status: z.enum(['open', 'closed']),
  result: z.enum(['adopted', 'blocked', 'adopted-by-participants']).nullable(),
  objections: z.array(z.string()),
});

// ─── views ─────────────────────────────────────────────────────────────────────────────────

function textView(t: { id: string; by: string; positions: Readonly<Record<string, number[]>>; seq: number }) {
  return { id: t.id, by: t.by, positions: t.positions, seq: t.seq };
}

function canSee(v: Viewer, m: { from: string; to: string | null }): boolean {
  if (m.to === null || v.kind === 'moderator') return true;
  return v.delegation === m.from || v.delegation === m.to;
}

export function roomView(ctx: ServerContext, s: RoomState, v: Viewer) {
  const played = playedDelegations(s);
  const t = currentText(s);
  return {
    id: v.room.id,
    phase: s.phase,
    round: s.round,
    endsAt: s.endsAt,
    status: v.room.status === 'closed' || s.phase === 'closed' ? 'closed' : 'open',
    seq: s.seq,
    scenario: {
      id: s.setup.scenarioId,
      title: s.setup.title,
      date: s.setup.date,
      organization: s.setup.organization,
    },
    chair: s.setup.chair,
    seatsPerDelegation: s.setup.seatsPerDelegation,
    botModel: s.botModel,
    pausedMs: s.pausedMs,
    delegations: s.setup.delegations.map((d) => ({
      id: d.id,
      name: d.name,
      member: d.member,
      players: s.participants.filter((p) => p.delegation === d.id).map((p) => ({ id: p.id, name: p.name })),
      bot: !played.has(d.id),
    })),
    issues: s.setup.issues.map((i) => ({
      id: i.id,
      title: i.title,
      dimensions: i.dimensionIds,
      scale: i.lo.map((lo, d) => [lo, i.hi[d]!]),
      poles: i.poles,
      statusQuo: i.statusQuo,
      proposal: i.proposal,
      rule: i.rule,
      optOut: i.optOut,
    })),
    text: t ? textView(t) : null,
    texts: s.texts.map(textView),
    amendments: s.amendments,
    messages: s.messages.filter((m) => canSee(v, m)),
    calls: s.calls.map(callView),
    revealed: s.revealed,
    connected: ctx.rooms.connected(v.room.id),
    presence: ctx.rooms.presence(v.room.id),
    you:
      v.kind === 'moderator'
        ? { role: 'moderator' }
        : { role: 'participant', id: v.id, delegation: v.delegation, name: v.name },
  };
}

/** An event as a viewer may see it: the set-up reduced to its public part; private messages only to their parties. */
function visibleEvent(e: StoredRoomEvent, v: Viewer, full = false): StoredRoomEvent | null {
  if (e.type === 'room.created' && !full) {
    const setup = (e.data as { setup: RoomSetup }).setup;
    return {
      ...e,
      data: {
        scenario: setup.scenarioId,
        title: setup.title,
        delegations: setup.delegations.map((d) => d.id),
      },
    };
  }
  if (e.type === 'message.sent') {
    const m = e.data as { from: string; to: string | null };
    if (!canSee(v, m)) return null;
  }
  return e;
}

// ─── helpers ───────────────────────────────────────────────────────────────────────────────

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization;
  const m = h ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  if (m) return m[1]!;
  const q = (request.query as { token?: unknown } | undefined)?.token;
  return typeof q === 'string' ? q : null;
}

function viewerOf(
  ctx: ServerContext,
  request: FastifyRequest,
  roomId: string,
  workspace: string | null,
): Promise<Viewer> {
  return ctx.rooms.viewer(roomId, bearer(request), workspace);
}

function needModerator(v: Viewer): asserts v is Extract<Viewer, { kind: 'moderator' }> {
  if (v.kind !== 'moderator') {
    throw new ConcordError('E_FORBIDDEN', 'only the moderator may do this', {
      path: 'headers.authorization',
      hint: 'Send the moderator token of the room.',
      key: 'server.room.moderatorOnly',
    });
  }
}

function needParticipant(v: Viewer): asserts v is Extract<Viewer, { kind: 'participant' }> {
  if (v.kind !== 'participant') {
    throw new ConcordError('E_FORBIDDEN', 'only a participant (a delegation) may do this', {
      path: 'headers.authorization',
      hint: 'Join the room with its code and send the participant token.',
      key: 'server.room.participantOnly',
    });
  }
}

/** The scenario a room is created from, resolved, with its file. */
function scenarioFor(
  ctx: ServerContext,
  scenario: string | ScenarioFile,
): { resolved: ResolvedScenario; file: ScenarioFile } {
  if (typeof scenario === 'string') {
    const b = builtInScenarios().find((x) => x.id === scenario);
    if (!b) {
      throw new ConcordError('E_UNKNOWN_ID', `no built-in scenario "${scenario}"`, {
        path: 'body.scenario',
        hint: 'GET /api/scenarios lists them; or send a scenario file as body.scenario.',
        key: 'server.room.unknownScenario',
        values: { scenario },
      });
    }
    const file = parseScenarioText(b.text, b.file);
    return { resolved: resolveWithLines(file, b.file, b.text), file };
  }
  scenarioCaps(scenario);
  try {
    return {
      resolved: resolveScenario(scenario, { registry: ctx.registry, dataset: ctx.ds, file: 'body.scenario' }),
      file: scenario,
    };
  } catch (e) {
    if (e instanceof ConcordError && e.path && !e.path.startsWith('body'))
      throw atPath(e, `body.scenario.${e.path}`);
    throw e;
  }
}

/** Wrong codes per client address per minute before E_RATE_LIMIT (guessing a 50-bit code is hopeless anyway). */
const WRONG_CODES_PER_MINUTE = 10;
const wrongCodes = new Map<string, number[]>();
function countWrongCode(ip: string): void {
  const at = Date.now();
  const h = (wrongCodes.get(ip) ?? []).filter((t) => t > at - 60_000);
  h.push(at);
  wrongCodes.set(ip, h);
  if (wrongCodes.size > 10_000) wrongCodes.clear();
}
function checkWrongCodes(ip: string): void {
  const h = (wrongCodes.get(ip) ?? []).filter((t) => t > Date.now() - 60_000);
  if (h.length >= WRONG_CODES_PER_MINUTE) {
    throw new ConcordError('E_RATE_LIMIT', 'too many wrong room codes from this address', {
      path: 'body.code',
      hint: 'Wait a minute, and check the code with the moderator.',
      key: 'server.room.wrongCodes',
    });
  }
}

/** The open room a join code names; a wrong code counts towards the address's limit. */
async function openRoomByCode(ctx: ServerContext, code: string, ip: string) {
  checkWrongCodes(ip);
  const room = await ctx.store.roomByCodeHash(hashToken(normalizeCode(code)));
  if (!room) {
    countWrongCode(ip);
    throw new ConcordError('E_NOT_FOUND', 'no room has this code', {
      path: 'body.code',
      hint: 'Check the code with the moderator.',
      key: 'server.room.noSuchCode',
    });
  }
  if (room.status === 'closed') {
    throw new ConcordError('E_CONFLICT', 'the room is closed', {
      path: 'body.code',
      hint: 'Ask the moderator for a new room.',
      key: 'server.room.closed',
    });
  }
  return room;
}

function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function forecast(ctx: ServerContext, file: ScenarioFile): Promise<{ issues: ForecastIssue[] }> {
  return (await ctx.compute.run(
    { operationId: 'forecast', input: { params: undefined, query: {}, body: file } },
    { budgetMs: 20_000 },
  )) as { issues: ForecastIssue[] };
}

/**
 * Sends a viewer the room's events after `after` — those stored, then the live ones, each once and
 * in order, as the viewer may see them — and who is connected whenever it changes. Returns the
 * function that stops it. `end` is called when the viewer must reconnect (it was moved to another
 * delegation, whose private messages it would otherwise not see, or still see the old one's).
 */
async function follow(
  ctx: ServerContext,
  v: Viewer,
  roomId: string,
  after: number,
  sink: {
    event: (e: StoredRoomEvent) => void;
    presence: (p: Presence) => void;
    end: () => void;
  },
): Promise<() => void> {
  let last = after;
  let live = false;
  const pending: LiveMessage[] = [];
  const deliver = (m: LiveMessage) => {
    if (m.kind === 'presence') {
      sink.presence(m.presence);
      return;
    }
    const e = m.event;
    if (e.seq <= last) return;
    last = e.seq;
    const x = visibleEvent(e, v);
    if (x) sink.event(x);
    if (
      v.kind === 'participant' &&
      e.type === 'participant.assigned' &&
      (e.data as { participant: string }).participant === v.id
    )
      sink.end();
  };
  const off = ctx.rooms.subscribe(
    roomId,
    (m) => (live ? deliver(m) : pending.push(m)),
    v.kind === 'moderator' ? 'moderator' : v.id,
  );
  try {
    for (const e of await ctx.store.roomEvents(roomId, last)) deliver({ kind: 'event', event: e });
  } catch (e) {
    off();
    throw e;
  }
  for (const m of pending) if (m.kind === 'event') deliver(m);
  live = true;
  sink.presence(ctx.rooms.presence(roomId));
  return off;
}

// ─── routes ────────────────────────────────────────────────────────────────────────────────

export const routes: AnyRoute[] = [
  route({
    method: 'POST',
    url: '/api/rooms',
    operationId: 'createRoom',
    summary: 'Create a negotiation room from a scenario (you become its moderator)',
    description:
      'Body `{ "scenario": "<built-in scenario id>" }` or a scenario file as `scenario`. The answer holds the join code (shown once: only its hash is stored) and the moderator token.',
    tag: 'rooms',
    access: 'token',
    rateLimitPerMinute: 30,
    body: z
      .object({
        scenario: z
          .union([z.string().min(1).max(200), ScenarioFileSchema])
          .describe('A built-in scenario id, or a scenario file'),
        seatsPerDelegation: z
          .number()
          .int()
          .min(1)
          .max(50)
          .optional()
          .describe('People who may play one delegation (default 4)'),
        botModel: z
          .enum(BOT_MODELS as [BotModel, ...BotModel[]])
          .optional()
          .describe(
            "The model the bots of unplayed delegations play: consensus (default) or eum (the expected-utility model's offers); the moderator may change it later",
          ),
      })
      .strict(),
    response: {
      status: 201,
      description: 'The room, its code and the moderator token',
      schema: z.object({ room: RoomSchema, moderatorToken: z.string() }),
    },
    handler: async ({ ctx, body, workspace }) => {
      const { resolved, file } = scenarioFor(ctx, body.scenario);
      const setup = roomSetup(resolved, file, {
        ...(body.seatsPerDelegation ? { seatsPerDelegation: body.seatsPerDelegation } : {}),
        ...(body.botModel ? { botModel: body.botModel } : {}),
      });
      const id = RoomHub.newId();
      const code = newJoinCode();
      const moderatorToken = newModeratorToken();
      const s = await ctx.rooms.create(
        {
          id,
          workspace: workspace!,
          scenarioId: setup.scenarioId,
          codeHash: hashToken(normalizeCode(code)),
          moderatorHash: hashToken(moderatorToken),
        },
        { type: 'room.created', data: { setup } },
      );
      const room = (await ctx.store.getRoom(id))!;
      return { room: { ...roomView(ctx, s, { kind: 'moderator', room }), code }, moderatorToken };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/join',
    operationId: 'joinRoom',
    summary: 'Join a room with its code and a display name (no account)',
    description:
      'Without `delegation` you get the first delegation nobody plays yet. The participant token is scoped to that delegation of that room and expires when the room closes.',
    tag: 'rooms',
    access: 'public',
    rateLimitPerMinute: 60,
    body: z
      .object({
        code: z.string().min(1).max(40).describe('The join code, as the moderator shows it'),
        name: z.string().trim().min(1).max(80).describe('Your display name'),
        delegation: z.string().min(1).max(64).optional().describe('The delegation (actor id) you play'),
      })
      .strict(),
    response: {
      status: 201,
      description: 'The participant and its token',
      schema: z.object({
        participant: z.looseObject({
          token: z.string(),
          id: z.string(),
          delegation: z.string(),
          roomId: z.string(),
          name: z.string(),
        }),
        room: RoomSchema,
      }),
    },
    handler: async ({ ctx, body, request }) => {
      const room = await openRoomByCode(ctx, body.code, request.ip);
      const token = newParticipantToken();
      const id = randomUUID();
      let delegation = '';
      const s = await ctx.rooms.commit(room.id, (st) => {
        delegation = body.delegation ?? pickDelegation(st) ?? roomFull();
        return {
          events: [{ type: 'participant.joined', data: { participant: id, name: body.name, delegation } }],
          participant: { id, tokenHash: hashToken(token), delegation, name: body.name },
        };
      });
      const v: Viewer = { kind: 'participant', room, id, delegation, name: body.name };
      return {
        participant: { token, id, delegation, roomId: room.id, name: body.name },
        room: roomView(ctx, s, v),
      };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/lookup',
    operationId: 'lookUpRoom',
    summary:
      'What a join code opens: the room, its phase and its delegations with their free seats (before joining)',
    description:
      'So that a participant can pick a delegation. The same limits as a join: wrong codes count towards the limit of wrong codes per address.',
    tag: 'rooms',
    access: 'public',
    rateLimitPerMinute: 60,
    body: z.object({ code: z.string().min(1).max(40).describe('The join code') }).strict(),
    response: {
      description: 'The room',
      schema: z.object({
        room: z.looseObject({
          id: z.string(),
          title: z.string(),
          phase: z.string(),
          delegations: z.array(
            z.looseObject({ id: z.string(), name: z.string(), players: z.number(), free: z.number() }),
          ),
        }),
      }),
    },
    handler: async ({ ctx, body, request }) => {
      const room = await openRoomByCode(ctx, body.code, request.ip);
      const s = await ctx.rooms.state(room.id);
      return {
        room: {
          id: room.id,
          title: s.setup.title,
          date: s.setup.date,
          phase: s.phase,
          chair: s.setup.chair,
          delegations: delegationSeats(s),
        },
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id',
    operationId: 'showRoom',
    summary:
      "A room's state: phase, delegations and who plays them, the tabled text, the calls and their results",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    response: { description: 'The room', schema: z.object({ room: RoomSchema }) },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      return { room: roomView(ctx, await ctx.rooms.state(params.id), v) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id/brief',
    operationId: 'showOwnBrief',
    summary: "Your delegation's private brief (participant token)",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    response: {
      description: 'The brief',
      schema: z.object({ brief: z.looseObject({ delegation: z.string() }) }),
    },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needParticipant(v);
      const s = await ctx.rooms.state(params.id);
      return { brief: brief(s.setup, v.delegation) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id/briefs/:delegation',
    operationId: 'showBrief',
    summary: "A delegation's brief: the moderator's, a participant's own, everyone's once revealed",
    tag: 'rooms',
    access: 'public',
    params: BriefParams,
    response: {
      description: 'The brief',
      schema: z.object({ brief: z.looseObject({ delegation: z.string() }) }),
    },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const s = await ctx.rooms.state(params.id);
      if (v.kind === 'participant' && v.delegation !== params.delegation && !s.revealed) {
        throw new ConcordError(
          'E_FORBIDDEN',
          `the brief of ${params.delegation} is private to that delegation`,
          {
            path: 'params.delegation',
            hint: 'Read your own brief (GET /api/rooms/{id}/brief); the moderator reveals all at the debrief.',
            key: 'server.room.privateBrief',
            values: { delegation: params.delegation },
          },
        );
      }
      const b = brief(s.setup, params.delegation);
      if (!b) {
        throw new ConcordError('E_UNKNOWN_ID', `no delegation "${params.delegation}" in this room`, {
          path: 'params.delegation',
          hint: 'GET /api/rooms/{id} lists the delegations.',
          key: 'server.room.unknownDelegation',
          values: { delegation: params.delegation },
        });
      }
      return { brief: b };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/phase',
    operationId: 'setRoomPhase',
    summary:
      'Advance the room: preparation → round (again for each round) → final-call → debrief → closed (moderator)',
    description:
      'With `minutes`, the phase has a timer (`endsAt`); closing the room expires its participant tokens.',
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    body: z
      .object({
        phase: z.enum(['round', 'final-call', 'debrief', 'closed']),
        minutes: z.number().min(0.1).max(600).optional(),
      })
      .strict(),
    response: { description: 'The room', schema: z.object({ room: RoomSchema }) },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needModerator(v);
      const endsAt = body.minutes ? new Date(Date.now() + body.minutes * 60_000).toISOString() : null;
      const s = await ctx.rooms.commit(params.id, (st) => ({
        events: phaseEvents(st, body.phase, endsAt, randomUUID),
      }));
      const room = (await ctx.store.getRoom(params.id))!;
      return { room: roomView(ctx, s, { kind: 'moderator', room }) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/timer',
    operationId: 'setRoomTimer',
    summary: "Pause, resume or extend the phase's timer (moderator)",
    description:
      '`pause` keeps the time left (`pausedMs`); `resume` runs it again from now; `extend` adds `minutes` (to the time left when paused; a phase without a timer gets one).',
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    body: z
      .object({
        action: z.enum(['pause', 'resume', 'extend']),
        minutes: z.number().min(0.1).max(600).optional().describe('For extend: the minutes to add'),
      })
      .strict(),
    response: { description: 'The room', schema: z.object({ room: RoomSchema }) },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needModerator(v);
      const s = await ctx.rooms.commit(params.id, (st) => ({
        events: [{ type: 'timer.set', data: timerChange(st, body.action, body.minutes, Date.now()) }],
      }));
      return { room: roomView(ctx, s, v) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/assignments',
    operationId: 'assignDelegation',
    summary: 'Move a participant to another delegation (moderator)',
    description:
      "The participant's token then acts for the new delegation (its live channel is closed with 4000, to reconnect as the new one); the delegation it leaves is played by a bot if nobody else plays it.",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    body: z
      .object({
        participant: z.string().min(1).max(64).describe("The participant's id (GET /api/rooms/{id})"),
        delegation: z.string().min(1).max(64).describe('The delegation it is to play'),
      })
      .strict(),
    response: { description: 'The room', schema: z.object({ room: RoomSchema }) },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needModerator(v);
      const s = await ctx.rooms.commit(params.id, () => ({
        events: [
          {
            type: 'participant.assigned',
            data: { participant: body.participant, delegation: body.delegation },
          },
        ],
      }));
      return { room: roomView(ctx, s, v) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/bots',
    operationId: 'setRoomBots',
    summary: 'Choose the model the bots play: consensus or eum (moderator; not while a call is open)',
    description:
      "consensus: a bot accepts a text it prefers to the status quo from its coded position. eum: at the start of each round a bot takes the expected-utility model's offer (one round of the model from the positions as played, announced as an amendment), and answers calls from where it then stands.",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    body: z.object({ model: z.enum(BOT_MODELS as [BotModel, ...BotModel[]]) }).strict(),
    response: { description: 'The room', schema: z.object({ room: RoomSchema }) },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needModerator(v);
      const s = await ctx.rooms.commit(params.id, () => ({
        events: [{ type: 'bots.set', data: { model: body.model } }],
      }));
      return { room: roomView(ctx, s, v) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/texts',
    operationId: 'tableText',
    summary: 'Table a text: a point on each issue of the package (moderator, or the chair delegation)',
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    body: z.object({ positions: Positions }).strict(),
    response: {
      status: 201,
      description: 'The tabled text',
      schema: z.object({ text: z.looseObject({ id: z.string() }) }),
    },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const id = randomUUID();
      const s = await ctx.rooms.commit(params.id, (st) => {
        let by = 'moderator';
        if (v.kind === 'participant') {
          if (st.setup.chair !== v.delegation) {
            throw new ConcordError('E_FORBIDDEN', 'only the moderator or the chair tables texts', {
              path: 'headers.authorization',
              hint: `The chair is ${st.setup.chair ?? 'nobody: the moderator tables'}; send an amendment instead.`,
              key: st.setup.chair ? 'server.room.chairTables' : 'server.room.chairTablesNoChair',
              values: { chair: String(st.setup.chair) },
            });
          }
          ctx.rooms.limit('action', v.id);
          by = v.delegation;
        }
        return {
          events: [{ type: 'text.tabled', data: { text: id, by, positions: pointsOf(body.positions) } }],
        };
      });
      return { text: textView(s.texts.at(-1)!) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/amendments',
    operationId: 'sendAmendment',
    summary: "Propose an amendment: your delegation's point on some issues (participant, during a round)",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    body: z.object({ positions: Positions }).strict(),
    response: {
      status: 201,
      description: 'The amendment',
      schema: z.object({ amendment: z.looseObject({ id: z.string() }) }),
    },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needParticipant(v);
      const id = randomUUID();
      const s = await ctx.rooms.commit(params.id, () => {
        ctx.rooms.limit('action', v.id);
        return {
          events: [
            {
              type: 'amendment.sent',
              data: {
                amendment: id,
                delegation: v.delegation,
                participant: v.id,
                positions: pointsOf(body.positions),
              },
            },
          ],
        };
      });
      return { amendment: s.amendments.at(-1)! };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/messages',
    operationId: 'sendMessage',
    summary: 'Send a message to all, or to one delegation (kept in the log; at most 4 KiB)',
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    body: z
      .object({
        body: z.string().min(1).max(20_000).describe('The message (at most 4,096 bytes of UTF-8)'),
        to: z.string().min(1).max(64).optional().describe('A delegation id; absent: to all'),
      })
      .strict(),
    response: {
      status: 201,
      description: 'The message',
      schema: z.object({ message: z.looseObject({ id: z.string() }) }),
    },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const bytes = Buffer.byteLength(body.body, 'utf8');
      if (bytes > MESSAGE_MAX_BYTES) {
        throw new ConcordError(
          'E_LIMIT',
          `the message has ${bytes} bytes; a room takes at most ${MESSAGE_MAX_BYTES}`,
          {
            path: 'body.body',
            hint: 'Shorten it, or send it in parts.',
            key: 'server.room.messageTooLong',
            values: { bytes: String(bytes), max: String(MESSAGE_MAX_BYTES) },
          },
        );
      }
      const id = randomUUID();
      const s = await ctx.rooms.commit(params.id, () => {
        if (v.kind === 'participant') ctx.rooms.limit('message', v.id);
        return {
          events: [
            {
              type: 'message.sent',
              data: {
                message: id,
                from: v.kind === 'participant' ? v.delegation : 'moderator',
                participant: v.kind === 'participant' ? v.id : null,
                to: body.to ?? null,
                body: body.body,
              },
            },
          ],
        };
      });
      return { message: s.messages.at(-1)! };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/calls',
    operationId: 'callForConsensus',
    summary:
      'Call for consensus on the tabled text (moderator); the bots of unplayed delegations answer at once',
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    response: { status: 201, description: 'The call', schema: z.object({ call: CallSchema }) },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needModerator(v);
      const id = randomUUID();
      const s = await ctx.rooms.commit(params.id, (st) => ({ events: callEvents(st, id) }));
      return { call: callView(s.calls.find((c) => c.id === id)!) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/calls/:callId/answers',
    operationId: 'answerCall',
    summary:
      'Answer a call for your delegation: accept, object or abstain (participant; the last answer counts)',
    tag: 'rooms',
    access: 'public',
    params: CallParams,
    body: z.object({ answer: z.enum(['accept', 'object', 'abstain']) }).strict(),
    response: { status: 201, description: 'The call', schema: z.object({ call: CallSchema }) },
    handler: async ({ ctx, params, request, workspace, body }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needParticipant(v);
      const s = await ctx.rooms.commit(params.id, () => {
        ctx.rooms.limit('action', v.id);
        return {
          events: [
            {
              type: 'answer.given',
              data: {
                call: params.callId,
                delegation: v.delegation,
                answer: body.answer as Answer,
                by: v.id,
              },
            },
          ],
        };
      });
      return { call: callView(s.calls.find((c) => c.id === params.callId)!) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/calls/:callId/close',
    operationId: 'closeCall',
    summary: 'Close a call: its result under the scenario rule (moderator)',
    description:
      'adopted: no veto player objected; blocked: one did; adopted-by-participants: one did, but every issue allows an opt-out and at least two delegations accepted, and they adopt it among themselves. A delegation that has not answered raises no objection.',
    tag: 'rooms',
    access: 'public',
    params: CallParams,
    response: { description: 'The closed call', schema: z.object({ call: CallSchema }) },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needModerator(v);
      const s = await ctx.rooms.commit(params.id, () => ({
        events: [{ type: 'call.closed', data: { call: params.callId } }],
      }));
      return { call: callView(s.calls.find((c) => c.id === params.callId)!) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/rooms/:id/reveal',
    operationId: 'revealBriefs',
    summary: "Reveal every delegation's brief to all (moderator, at the debrief)",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    response: { description: 'The room', schema: z.object({ room: RoomSchema }) },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      needModerator(v);
      const s = await ctx.rooms.commit(params.id, () => ({
        events: [{ type: 'briefs.revealed', data: {} }],
      }));
      return { room: roomView(ctx, s, v) };
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id/events',
    operationId: 'roomEvents',
    summary:
      "The room's live channel: a WebSocket (with `Upgrade: websocket`), else Server-Sent Events; from after the last event seen",
    description:
      'Server-Sent Events: each event has `id:` its sequence number; a reconnecting EventSource sends Last-Event-ID and gets what it missed, then the live events; who is connected comes as `event: presence` (no id). The same URL upgrades to a WebSocket (see `x-websocket`). A browser passes its token as `?token=` (neither EventSource nor WebSocket sends headers). Private messages reach only their two delegations and the moderator.',
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    query: z
      .object({
        token: z.string().max(200).optional(),
        after: z.coerce
          .number()
          .int()
          .min(0)
          .optional()
          .describe('Send the events after this sequence number (the last one seen)'),
      })
      .strict(),
    response: { description: 'An event stream', contentType: 'text/event-stream' },
    handler: async ({ ctx, params, query, request, reply, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const header = Number(request.headers['last-event-id']);
      const after = Number.isInteger(header) && header >= 0 ? header : (query.after ?? 0);
      const stream = openEventStream(request, reply);
      const off = await follow(ctx, v, params.id, after, {
        event: (x) => stream.send(x.type, JSON.stringify(x), x.seq),
        presence: (p) => stream.send('presence', JSON.stringify(p)),
        end: () => stream.close(),
      });
      stream.onClose(off);
      return reply;
    },
    websocket: {
      description:
        'JSON text frames from the server: each logged event as `{ "seq", "type", "data", "at" }` (`type` as in the log: `text.tabled`, `answer.given`…; sequence numbers increase, none twice), then `{ "type": "ready", "seq" }` once the events missed are sent, and `{ "type": "presence", "presence": { "moderator", "participants" } }` whenever who is connected changes. A client sends `{ "type": "ping" }` (answered by `{ "type": "pong" }`) or nothing: actions are the POST endpoints. To resume after a reconnect, open the socket again with `?after=<the last seq seen>`. A refused token is the same 4xx as over HTTP, before the upgrade; the server closes the socket with 4000 when the moderator moves the participant to another delegation (reconnect to see as the new one) and 1008 when a client sends more than 4 KiB or falls more than 1 MiB behind.',
      open: async ({ ctx, params, query, request, workspace }) => {
        const v = await viewerOf(ctx, request, params.id, workspace);
        const after = query.after ?? 0;
        return (socket) => {
          let off: (() => void) | null = null;
          let closed = false;
          const send = (o: unknown) => {
            if (closed || socket.readyState !== socket.OPEN) return;
            // A client that cannot keep up is let go: it reconnects and resumes from its last seq.
            if (socket.bufferedAmount > 1 << 20) {
              socket.close(1008, 'too far behind');
              return;
            }
            // One serialization of an event for all the sockets it goes to (the same object).
            let text = typeof o === 'object' && o !== null ? frames.get(o) : undefined;
            if (text === undefined) {
              text = JSON.stringify(o);
              if (typeof o === 'object' && o !== null) frames.set(o, text);
            }
            socket.send(text);
          };
          const ping = setInterval(() => {
            if (socket.readyState === socket.OPEN) socket.ping();
          }, 15_000);
          socket.on('close', () => {
            closed = true;
            clearInterval(ping);
            off?.();
          });
          socket.on('message', (raw, binary) => {
            let m: { type?: unknown } | null = null;
            try {
              m = binary ? null : (JSON.parse(raw.toString()) as { type?: unknown });
            } catch {
              m = null;
            }
            if (m && m.type === 'ping') send({ type: 'pong' });
          });
          let last = after;
          follow(ctx, v, params.id, after, {
            event: (x) => {
              last = x.seq;
              send(x);
            },
            presence: (p) => send({ type: 'presence', presence: p }),
            end: () => socket.close(4000, 'reassigned'),
          })
            .then((o) => {
              if (closed) o();
              else {
                off = o;
                send({ type: 'ready', seq: last });
              }
            })
            .catch(() => socket.close(1011, 'the room could not be read'));
        };
      },
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id/log',
    operationId: 'exportRoomLog',
    summary: "The room's event log as JSON or CSV (what this viewer may see; the moderator gets all)",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    query: z
      .object({ format: z.enum(['json', 'csv']).optional(), token: z.string().max(200).optional() })
      .strict(),
    response: { description: 'The events', schema: z.object({ events: z.array(z.unknown()) }) },
    handler: async ({ ctx, params, query, request, reply, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const events = (await ctx.store.roomEvents(params.id))
        .map((e) => visibleEvent(e, v, v.kind === 'moderator'))
        .filter((e): e is StoredRoomEvent => e !== null);
      if (query.format === 'csv') {
        const lines = [
          'seq,at,type,data',
          ...events.map((e) => [String(e.seq), e.at, e.type, JSON.stringify(e.data)].map(csvCell).join(',')),
        ];
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="room-${params.id}.csv"`);
        return `${lines.join('\n')}\n`;
      }
      return { events };
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id/scenario',
    operationId: 'exportPlayedScenario',
    summary:
      'The played positions as a scenario file Concord can forecast and sweep (moderator, or anyone at the debrief)',
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    response: { description: 'A scenario file (JSON)', schema: z.looseObject({ id: z.string() }) },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const s = await ctx.rooms.state(params.id);
      needDebrief(v, s);
      return playedScenario(s);
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id/debrief',
    operationId: 'roomDebrief',
    summary:
      "The debrief: the game's outcome beside every model's forecast on the played and the coded positions",
    description:
      "Also the observed outcome where the case has one, who blocked each call and why (their distance to the text against the status quo), the timeline, and each delegation's utility. The forecasts run on the worker pool.",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    response: {
      description: 'The debrief',
      schema: z.looseObject({ outcome: z.unknown(), issues: z.array(z.unknown()) }),
    },
    handler: async ({ ctx, params, request, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const s = await ctx.rooms.state(params.id);
      return debriefOf(ctx, params.id, v, s);
    },
  }),
  route({
    method: 'GET',
    url: '/api/rooms/:id/debrief.html',
    operationId: 'roomDebriefHtml',
    summary:
      'The printable debrief: one self-contained HTML page (no script, nothing fetched), to print or keep',
    description:
      "The outcome beside every model's forecast on the played and the coded positions, who blocked and why, each delegation's utility and the timeline; the moderator's copy (and everyone's once the briefs are revealed) also sets each delegation's played position beside its coded one.",
    tag: 'rooms',
    access: 'public',
    params: RoomParams,
    query: z
      .object({
        token: z.string().max(200).optional(),
        lang: z
          .string()
          .max(20)
          .optional()
          .describe("The page's language: en, ru or zh (default: the request's Accept-Language)"),
      })
      .strict(),
    response: { description: 'The debrief as HTML', contentType: 'text/html' },
    handler: async ({ ctx, params, query, request, reply, workspace }) => {
      const v = await viewerOf(ctx, request, params.id, workspace);
      const s = await ctx.rooms.state(params.id);
      const d = await debriefOf(ctx, params.id, v, s);
      const h = request.headers['accept-language'];
      const locale = query.lang
        ? parseLocale(query.lang, 'lang')
        : negotiateLocale(Array.isArray(h) ? h.join(',') : h);
      const html = renderDebriefHtml(d, s.setup, {
        locale,
        generatedAt: new Date().toISOString(),
        positions: v.kind === 'moderator' || s.revealed ? { played: playedPositions(s) } : null,
        players: s.participants.map((p) => ({ delegation: p.delegation, name: p.name })),
      });
      reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('content-disposition', `inline; filename="debrief-${params.id}.html"`);
      return html;
    },
  }),
];

function needDebrief(v: Viewer, s: RoomState): void {
  if (v.kind === 'moderator' || s.phase === 'debrief' || s.phase === 'closed') return;
  throw new ConcordError('E_FORBIDDEN', 'the debrief opens when the moderator ends the game', {
    path: 'room.phase',
    hint: 'Wait for the debrief phase.',
    key: 'server.room.debriefClosed',
  });
}

/** The debrief, once the viewer may read it; the forecasts on the coded and the played positions run on the pool. */
async function debriefOf(ctx: ServerContext, roomId: string, v: Viewer, s: RoomState) {
  needDebrief(v, s);
  const [coded, asPlayed] = await Promise.all([
    forecast(ctx, s.setup.file),
    forecast(ctx, playedScenario(s)),
  ]);
  return debrief(s, await ctx.store.roomEvents(roomId), coded, asPlayed);
}

function roomFull(): never {
  throw new ConcordError('E_CONFLICT', 'every seat of the room is taken', {
    path: 'body.delegation',
    hint: 'Ask the moderator for another room.',
    key: 'server.room.full',
  });
}
