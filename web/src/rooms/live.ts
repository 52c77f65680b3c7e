/**
 * A negotiation room in the lab: the room tokens this tab holds (sessionStorage, one per room), the
 * room's API with that token, and the live channel — a WebSocket on the room's events URL, falling
 * back to Server-Sent Events when the socket cannot be opened (a proxy that refuses upgrades), and
 * reconnecting after any drop from the last event seen (`?after=` / Last-Event-ID), so that a
 * server restart loses nothing and no event is shown twice.
 */
import { api, readSse } from '../api.js';

export type Role = 'moderator' | 'participant';

export interface RoomSession {
  readonly role: Role;
  readonly token: string;
  /** The join code (the moderator's tab: the code is shown once, at creation). */
  readonly code?: string;
  readonly name?: string;
}

const KEY = (id: string) => `concord.room.${id}`;

export function getRoomSession(id: string): RoomSession | null {
  try {
    const v = sessionStorage.getItem(KEY(id));
    return v ? (JSON.parse(v) as RoomSession) : null;
  } catch {
    return null;
  }
}

export function setRoomSession(id: string, s: RoomSession | null): void {
  if (s) sessionStorage.setItem(KEY(id), JSON.stringify(s));
  else sessionStorage.removeItem(KEY(id));
}

/** A moderator link (`#moderator=cm_…`) opened in this tab: keep its token, take it out of the address. */
export function takeModeratorFromFragment(id: string): void {
  const m = /(?:^#|&)moderator=(cm_[A-Za-z0-9_-]{8,200})/.exec(window.location.hash);
  if (!m) return;
  setRoomSession(id, { role: 'moderator', token: m[1]! });
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** The room's API with the tab's room token. */
export function roomApi<T>(id: string | null, path: string, o: { method?: string; body?: unknown } = {}) {
  const token = id ? getRoomSession(id)?.token : undefined;
  return api<T>(path, { ...o, ...(token ? { token } : {}) });
}

// ─── the room as the API shows it ─────────────────────────────────────────────────────────

export interface Player {
  id: string;
  name: string;
}
export interface RoomDelegation {
  id: string;
  name: string;
  member: boolean;
  players: Player[];
  bot: boolean;
}
export interface RoomIssue {
  id: string;
  title: string;
  dimensions: string[];
  scale: Array<[number, number]>;
  poles: Array<[string, string] | null>;
  statusQuo: number[] | null;
  proposal: number[] | null;
  rule: string;
  optOut: boolean;
}
export interface RoomText {
  id: string;
  by: string;
  positions: Record<string, number[]>;
  seq: number;
}
export interface RoomCall {
  id: string;
  text: string;
  status: 'open' | 'closed';
  answers: Record<string, { answer: 'accept' | 'object' | 'abstain'; by: string }>;
  result: 'adopted' | 'blocked' | 'adopted-by-participants' | null;
  objections: string[];
  blockers: string[];
  participants: string[] | null;
}
export interface Presence {
  moderator: number;
  participants: string[];
}
export interface Room {
  id: string;
  phase: 'preparation' | 'round' | 'final-call' | 'debrief' | 'closed';
  round: number;
  endsAt: string | null;
  pausedMs: number | null;
  status: 'open' | 'closed';
  seq: number;
  scenario: { id: string; title: string; date: string | null; organization: string | null };
  chair: string | null;
  seatsPerDelegation: number;
  botModel: 'consensus' | 'eum';
  delegations: RoomDelegation[];
  issues: RoomIssue[];
  text: RoomText | null;
  texts: RoomText[];
  amendments: Array<{
    id: string;
    delegation: string;
    participant: string;
    positions: Record<string, number[]>;
    seq: number;
  }>;
  messages: Array<{ id: string; from: string; to: string | null; body: string; seq: number }>;
  calls: RoomCall[];
  revealed: boolean;
  presence: Presence;
  code?: string;
  you: { role: 'moderator' } | { role: 'participant'; id: string; delegation: string; name: string };
}

export interface LogEvent {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  at: string;
}

export type Transport = 'websocket' | 'sse';
export interface LiveStatus {
  state: 'connecting' | 'live' | 'reconnecting';
  transport: Transport | null;
  /** The last event seen (the channel resumes after it). */
  last: number;
}

export interface LiveHandlers {
  onEvent(e: LogEvent): void;
  onPresence(p: Presence): void;
  onStatus(s: LiveStatus): void;
  /** A refusal the channel cannot get past (the token expired, another room's token). */
  onFatal(message: string): void;
}

/**
 * Follows a room live until the returned function is called. Events arrive once each, in order:
 * the channel remembers the last sequence number and every reconnect asks for what came after.
 */
export function followRoom(
  id: string,
  token: string,
  h: LiveHandlers,
  o: { after?: number } = {},
): () => void {
  let last = o.after ?? 0;
  let stopped = false;
  let failedSockets = 0;
  let wait = 250;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let socket: WebSocket | null = null;
  let sse: AbortController | null = null;
  const base = `/api/rooms/${encodeURIComponent(id)}/events`;

  const deliver = (e: LogEvent) => {
    if (e.seq <= last) return;
    last = e.seq;
    h.onEvent(e);
  };
  const again = () => {
    if (stopped) return;
    h.onStatus({ state: 'reconnecting', transport: null, last });
    timer = setTimeout(connect, wait);
    wait = Math.min(wait * 2, 4000);
  };
  const connected = (transport: Transport) => {
    wait = 250;
    h.onStatus({ state: 'live', transport, last });
  };

  function openSocket() {
    const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    const url = `${proto}//${window.location.host}${base}?token=${encodeURIComponent(token)}&after=${last}`;
    let opened = false;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      opened = true;
      failedSockets = 0;
    };
    ws.onmessage = (m) => {
      let f: { type?: string; seq?: number; presence?: Presence } & Partial<LogEvent>;
      try {
        f = JSON.parse(String(m.data));
      } catch {
        return;
      }
      if (f.type === 'ready') connected('websocket');
      else if (f.type === 'presence' && f.presence) h.onPresence(f.presence);
      else if (typeof f.seq === 'number' && f.type) deliver(f as LogEvent);
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      if (stopped) return;
      if (!opened) failedSockets++;
      again();
    };
  }

  async function openSse() {
    const ac = new AbortController();
    sse = ac;
    try {
      const res = await fetch(base, {
        headers: {
          accept: 'text/event-stream',
          authorization: `Bearer ${token}`,
          'last-event-id': String(last),
        },
        signal: ac.signal,
      });
      if (res.status === 401 || res.status === 403 || res.status === 404) {
        const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
        stopped = true;
        h.onFatal(body.error?.message ?? `HTTP ${res.status}`);
        return;
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      connected('sse');
      await readSse(res.body, (event, data) => {
        const d = JSON.parse(data);
        if (event === 'presence') h.onPresence(d as Presence);
        else if (typeof d.seq === 'number') deliver(d as LogEvent);
      });
    } catch {
      // dropped: reconnect below
    } finally {
      if (sse === ac) sse = null;
    }
    // After the fallback fails too, the next attempt tries the socket again.
    failedSockets = 0;
    again();
  }

  function connect() {
    timer = null;
    if (stopped) return;
    h.onStatus({ state: 'connecting', transport: null, last });
    // Two sockets in a row that never opened: the way to the server refuses WebSockets.
    if (failedSockets >= 2 || typeof WebSocket === 'undefined') void openSse();
    else openSocket();
  }

  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    socket?.close();
    sse?.abort();
  };
}
