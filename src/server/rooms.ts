/**
 * The server's side of negotiation rooms (src/rooms/): who a room token belongs to, the rooms'
 * states (a fold over their stored logs, kept in memory and rebuilt from the store after a
 * restart), the writes (each action checked by the fold first, so a refused action stores
 * nothing, then appended in one transaction), the live listeners (SSE), and the per-participant
 * limits on messages.
 *
 * Writes to one room are serialized in this process; across processes (several servers on one
 * PostgreSQL store) the log's primary key (room, seq) refuses a second writer of a seq, and the
 * loser re-reads the log and decides again.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { ConcordError } from '../errors.js';
import { apply, type RoomEvent, type RoomState, replay } from '../rooms/state.js';
import {
  hashToken,
  type NewRoomParticipant,
  type RoomRecord,
  type RunStore,
  type StoredRoomEvent,
} from '../store/store.js';

/** Crockford's base32 without I, L, O, U: 5 bits a character. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters: 50 bits from the system's cryptographic generator. */
export const CODE_LENGTH = 10;

export function newJoinCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let s = '';
  for (const b of bytes) s += CODE_ALPHABET[b & 31];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** The code as typed (lower case, spaces, dashes, O for 0, I/L for 1) in canonical form. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const newModeratorToken = () => `cm_${randomBytes(24).toString('base64url')}`;
export const newParticipantToken = () => `cp_${randomBytes(24).toString('base64url')}`;

/** Is this bearer token a room token (handled here, not by the workspace tokens)? */
export function isRoomToken(token: string): boolean {
  return token.startsWith('cm_') || token.startsWith('cp_');
}

export type Viewer =
  | { readonly kind: 'moderator'; readonly room: RoomRecord }
  | {
      readonly kind: 'participant';
      readonly room: RoomRecord;
      readonly id: string;
      readonly delegation: string;
      readonly name: string;
    };

export type LiveEvent = StoredRoomEvent;

/** Who is connected to a room's live channel (not logged: it changes with every tab). */
export interface Presence {
  /** Open connections of the moderator. */
  readonly moderator: number;
  /** Participants with at least one open connection, by id. */
  readonly participants: readonly string[];
}

/** What a live listener receives: a logged event, or a change of who is connected. */
export type LiveMessage =
  | { readonly kind: 'event'; readonly event: LiveEvent }
  | { readonly kind: 'presence'; readonly presence: Presence };

interface Listener {
  readonly fn: (m: LiveMessage) => void;
  /** 'moderator', or the participant's id. */
  readonly who: string;
}

/** Sliding-window limit: at most `max` actions per `windowMs` per key. */
class Window {
  private readonly hits = new Map<string, number[]>();
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}
  /** 0 when allowed (and counted), else the seconds to wait. */
  take(key: string, at = Date.now()): number {
    const h = (this.hits.get(key) ?? []).filter((t) => t > at - this.windowMs);
    if (h.length >= this.max) {
      this.hits.set(key, h);
      return Math.max(1, Math.ceil((h[0]! + this.windowMs - at) / 1000));
    }
    h.push(at);
    this.hits.set(key, h);
    if (this.hits.size > 10_000) {
      for (const [k, v] of this.hits) if (v.every((t) => t <= at - this.windowMs)) this.hits.delete(k);
    }
    return 0;
  }
}

export interface RoomLimits {
  /** Messages per participant per 10 s (default 10). */
  readonly messagesPer10s: number;
  /** Other actions (amendments, answers) per participant per 10 s (default 30). */
  readonly actionsPer10s: number;
}

export class RoomHub {
  private readonly states = new Map<string, RoomState>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly messages: Window;
  private readonly actions: Window;

  constructor(
    readonly store: RunStore,
    limits: Partial<RoomLimits> = {},
  ) {
    this.messages = new Window(limits.messagesPer10s ?? 10, 10_000);
    this.actions = new Window(limits.actionsPer10s ?? 30, 10_000);
  }

  /** Throws E_RATE_LIMIT when a participant sends too much. */
  limit(kind: 'message' | 'action', participant: string): void {
    const wait = (kind === 'message' ? this.messages : this.actions).take(participant);
    if (wait > 0) {
      throw kind === 'message'
        ? new ConcordError('E_RATE_LIMIT', 'too many messages from this participant', {
            path: 'headers.authorization',
            hint: `Wait ${wait} s.`,
            key: 'server.room.tooManyMessages',
            values: { wait: String(wait) },
          })
        : new ConcordError('E_RATE_LIMIT', 'too many actions from this participant', {
            path: 'headers.authorization',
            hint: `Wait ${wait} s.`,
            key: 'server.room.tooManyActions',
            values: { wait: String(wait) },
          });
    }
  }

  /** Who a room token (or a workspace) is for room `roomId`; E_AUTH / E_FORBIDDEN / E_NOT_FOUND. */
  async viewer(roomId: string, token: string | null, workspace: string | null): Promise<Viewer> {
    const room = await this.store.getRoom(roomId);
    if (!room) {
      throw new ConcordError('E_NOT_FOUND', `no room "${roomId}"`, {
        path: 'params.id',
        hint: 'Check the room id (the answer of POST /api/rooms or /api/rooms/join).',
        key: 'server.room.notFound',
        values: { roomId },
      });
    }
    if (token?.startsWith('cm_')) {
      const r = await this.store.roomByModeratorHash(hashToken(token));
      if (!r) throw unknownToken();
      if (r.id !== roomId) throw otherRoom();
      return { kind: 'moderator', room };
    }
    if (token?.startsWith('cp_')) {
      const p = await this.store.roomParticipant(hashToken(token));
      if (!p) throw unknownToken();
      if (p.roomId !== roomId) throw otherRoom();
      // The delegation is the room's (the moderator may have moved the participant since the join).
      const st = await this.state(roomId);
      const delegation = st.participants.find((x) => x.id === p.id)?.delegation ?? p.delegation;
      if (room.status === 'closed') {
        throw new ConcordError('E_AUTH', 'the room is closed: its participant tokens have expired', {
          path: 'headers.authorization',
          hint: 'Ask the moderator for the debrief export.',
          key: 'server.room.closedTokens',
        });
      }
      return { kind: 'participant', room, id: p.id, delegation, name: p.name };
    }
    if (workspace && workspace === room.workspace) return { kind: 'moderator', room };
    if (workspace) throw otherRoom();
    throw new ConcordError('E_AUTH', 'this endpoint needs a room token', {
      path: 'headers.authorization',
      hint: 'Send Authorization: Bearer <token>, the moderator token or a participant token of this room.',
      key: 'server.room.needsToken',
    });
  }

  /** The room's state (folded from the store on first use, then kept). */
  async state(roomId: string): Promise<RoomState> {
    const s = this.states.get(roomId);
    if (s) return s;
    return this.reload(roomId);
  }

  private async reload(roomId: string): Promise<RoomState> {
    const s = replay(await this.store.roomEvents(roomId));
    if (!s)
      throw new ConcordError('E_NOT_FOUND', `no room "${roomId}"`, {
        path: 'params.id',
        key: 'server.room.noEvents',
        values: { roomId },
      });
    this.states.set(roomId, s);
    return s;
  }

  /** Records the first event of a new room. */
  async create(
    room: { id: string; workspace: string; scenarioId: string; codeHash: string; moderatorHash: string },
    first: RoomEvent,
  ): Promise<RoomState> {
    const s = apply(null, first, 1);
    await this.store.createRoom({ ...room, first });
    this.states.set(room.id, s);
    this.emit(room.id, [{ seq: 1, type: first.type, data: first.data, at: new Date().toISOString() }]);
    return s;
  }

  /**
   * Decides and appends: `decide` sees the current state and returns the events to append (checked
   * by the fold, in order; a refusal throws before anything is stored). Returns the new state.
   */
  async commit(
    roomId: string,
    decide: (s: RoomState) => { events: RoomEvent[]; participant?: NewRoomParticipant },
  ): Promise<RoomState> {
    const prev = this.locks.get(roomId) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(() => this.commitNow(roomId, decide));
    this.locks.set(roomId, run);
    try {
      return await run;
    } finally {
      if (this.locks.get(roomId) === run) this.locks.delete(roomId);
    }
  }

  private async commitNow(
    roomId: string,
    decide: (s: RoomState) => { events: RoomEvent[]; participant?: NewRoomParticipant },
  ): Promise<RoomState> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const s = await this.state(roomId);
      const { events, participant } = decide(s);
      let next = s;
      for (const [k, e] of events.entries()) next = apply(next, e, s.seq + 1 + k);
      const close = next.phase === 'closed' && s.phase !== 'closed';
      const ok = await this.store.appendRoomEvents(roomId, s.seq + 1, events, {
        ...(participant ? { participant } : {}),
        close,
      });
      if (!ok) {
        // Another process wrote first: read the log again and decide on what it now says.
        await this.reload(roomId);
        continue;
      }
      this.states.set(roomId, next);
      const at = new Date().toISOString();
      this.emit(
        roomId,
        events.map((e, k) => ({ seq: s.seq + 1 + k, type: e.type, data: e.data, at })),
      );
      return next;
    }
    throw new ConcordError('E_CONFLICT', 'the room is busy: too many writers at once', {
      path: 'room',
      hint: 'Retry.',
      key: 'server.room.busy',
    });
  }

  /**
   * Listens to a room's live events; `who` ('moderator' or a participant id) counts in its
   * presence, which every listener is told about when it changes.
   */
  subscribe(roomId: string, fn: (m: LiveMessage) => void, who = 'moderator'): () => void {
    let set = this.listeners.get(roomId);
    if (!set) {
      set = new Set();
      this.listeners.set(roomId, set);
    }
    const l: Listener = { fn, who };
    const before = this.presenceKey(roomId);
    set.add(l);
    if (this.presenceKey(roomId) !== before) this.announce(roomId);
    let off = false;
    return () => {
      if (off) return;
      off = true;
      const was = this.presenceKey(roomId);
      set!.delete(l);
      if (set!.size === 0) this.listeners.delete(roomId);
      else if (this.presenceKey(roomId) !== was) this.announce(roomId);
    };
  }

  /** Who is connected to a room (the moderator console's "who is connected"). */
  presence(roomId: string): Presence {
    const set = this.listeners.get(roomId);
    let moderator = 0;
    const participants = new Set<string>();
    for (const l of set ?? []) {
      if (l.who === 'moderator') moderator++;
      else participants.add(l.who);
    }
    return { moderator, participants: [...participants].sort() };
  }

  /** Open live connections of a room. */
  connected(roomId: string): number {
    return this.listeners.get(roomId)?.size ?? 0;
  }

  private presenceKey(roomId: string): string {
    const p = this.presence(roomId);
    return `${p.moderator > 0}|${p.participants.join(',')}`;
  }

  private announce(roomId: string): void {
    const set = this.listeners.get(roomId);
    if (!set) return;
    const m: LiveMessage = { kind: 'presence', presence: this.presence(roomId) };
    for (const l of [...set]) l.fn(m);
  }

  private emit(roomId: string, events: LiveEvent[]): void {
    const set = this.listeners.get(roomId);
    if (!set) return;
    for (const event of events) for (const l of [...set]) l.fn({ kind: 'event', event });
  }

  static newId(): string {
    return randomUUID();
  }
}

function unknownToken(): ConcordError {
  return new ConcordError('E_AUTH', 'the room token is unknown', {
    path: 'headers.authorization',
    hint: 'Join again with the room code.',
    key: 'server.room.unknownToken',
  });
}

function otherRoom(): ConcordError {
  return new ConcordError('E_FORBIDDEN', 'this token is for another room', {
    path: 'headers.authorization',
    hint: 'Use the token you got for this room.',
    key: 'server.room.otherRoom',
  });
}
