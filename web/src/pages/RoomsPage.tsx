/**
 * Negotiation rooms (docs/rooms.md): start a room from any scenario (shipped, or uploaded into the
 * workspace), join one by its code, and play it live — the moderator's console (who is connected,
 * the timer, the tabled text, the answers as they come; pause, extend, reveal, close; phases,
 * delegations, the bots' model) and the participant's view (its own brief; amend, message, answer
 * the calls). Both follow the room over its live channel (../rooms/live.ts: a WebSocket, else
 * Server-Sent Events, resuming from the last event seen) and show the debrief at the end.
 */
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { labRooms } from '../../../src/i18n/messages/lab-rooms/index.js';
import type { Namespace, Translate } from '../../../src/i18n/translate.js';
import { api, download } from '../api.js';
import { ErrorNote } from '../components/Notice.js';
import type { Uploaded } from '../components/ScenarioUpload.js';
import { TableBox } from '../components/TableBox.js';
import { useLab } from '../context.js';
import { useApi } from '../hooks.js';
import { rich, useFormat, useT } from '../i18n.js';
import {
  followRoom,
  getRoomSession,
  type LiveStatus,
  type LogEvent,
  type Presence,
  type Room,
  type RoomIssue,
  roomApi,
  setRoomSession,
  takeModeratorFromFragment,
} from '../rooms/live.js';
import { navigate, useSearch, useTitle } from '../router.js';

interface ScenarioSummary {
  id: string;
  title: string;
  date: string | null;
  organization?: string | null;
}

type Keys = typeof labRooms extends Namespace<infer K> ? K : never;
type T = Translate<Keys>;
type PhaseName = Room['phase'];
const PHASES: readonly string[] = ['preparation', 'round', 'final-call', 'debrief', 'closed'];
const phaseName = (t: T, p: string) => (PHASES.includes(p) ? t(`phase.${p as PhaseName}`) : p);

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/\.?0+$/, ''));
const point = (z: readonly number[] | null | undefined) => (z ? z.map(fmt).join(', ') : '—');

export function RoomsPage() {
  const search = useSearch();
  const id = search.get('room');
  useMemo(() => {
    if (id) takeModeratorFromFragment(id);
  }, [id]);
  const t = useT(labRooms);
  const [n, setN] = useState(0);
  const session = id ? getRoomSession(id) : null;
  void n;
  if (!id) return <RoomsHome />;
  if (!session)
    return (
      <>
        <h1 tabIndex={-1}>{t('join.title')}</h1>
        <p className="muted">{t('join.noSeat')}</p>
        <JoinForm onJoined={() => setN((x) => x + 1)} />
      </>
    );
  return session.role === 'moderator' ? (
    <ModeratorConsole id={id} token={session.token} code={session.code ?? null} />
  ) : (
    <ParticipantView id={id} token={session.token} />
  );
}

// ─── start and join ───────────────────────────────────────────────────────────────────────

function RoomsHome() {
  const t = useT(labRooms);
  useTitle(t('title'));
  return (
    <>
      <h1 tabIndex={-1}>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="grid-2">
        <StartRoom />
        <section className="panel" aria-labelledby="join-h">
          <h2 id="join-h">{t('join.title')}</h2>
          <JoinForm />
        </section>
      </div>
    </>
  );
}

function StartRoom() {
  const t = useT(labRooms);
  const { workspace } = useLab();
  const search = useSearch();
  const list = useApi<{ scenarios: ScenarioSummary[] }>('/api/scenarios');
  const uploads = useApi<{ scenarios: Uploaded[] }>(workspace ? '/api/workspace/scenarios' : null, [
    workspace,
  ]);
  const [scenario, setScenario] = useState(search.get('scenario') ?? 'sco-iran-membership-2019');
  const [bots, setBots] = useState<'consensus' | 'eum'>('consensus');
  const [seats, setSeats] = useState(4);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      let body: unknown = scenario;
      if (scenario.startsWith('upload:')) {
        const up = await api<{ scenario: unknown }>(
          `/api/workspace/scenarios/${encodeURIComponent(scenario.slice(7))}`,
        );
        body = up.scenario;
      }
      const r = await api<{ room: Room & { code: string }; moderatorToken: string }>('/api/rooms', {
        method: 'POST',
        body: { scenario: body, botModel: bots, seatsPerDelegation: seats },
      });
      setRoomSession(r.room.id, { role: 'moderator', token: r.moderatorToken, code: r.room.code });
      navigate(`/rooms?room=${encodeURIComponent(r.room.id)}`);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="start-h">
      <h2 id="start-h">{t('start.title')}</h2>
      {!workspace ? (
        <p className="note" role="status">
          {t('start.needToken')}
        </p>
      ) : null}
      <form id="room-start" className="controls" onSubmit={submit}>
        <label>
          {t('start.scenario')}{' '}
          <select className="wide-select" value={scenario} onChange={(e) => setScenario(e.target.value)}>
            <optgroup label={t('start.shipped')}>
              {(list.data?.scenarios ?? [{ id: scenario, title: scenario, date: null }]).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                  {s.date ? ` (${s.date.slice(0, 4)})` : ''}
                </option>
              ))}
            </optgroup>
            {uploads.data?.scenarios.length ? (
              <optgroup label={t('start.uploaded')}>
                {uploads.data.scenarios.map((u) => (
                  <option key={u.id} value={`upload:${u.id}`}>
                    {u.title ?? u.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </label>
        <label>
          {t('start.bots')}{' '}
          <select value={bots} onChange={(e) => setBots(e.target.value as 'consensus' | 'eum')}>
            <option value="consensus">{t('start.bots.consensus')}</option>
            <option value="eum">{t('start.bots.eum')}</option>
          </select>
        </label>
        <CountField label={t('start.seats')} max={50} value={seats} onChange={setSeats} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || !workspace}>
            {t('start.title')}
          </button>
        </div>
      </form>
      <ErrorNote error={error ?? list.error} />
    </section>
  );
}

interface Lookup {
  id: string;
  title: string;
  phase: string;
  chair: string | null;
  delegations: Array<{ id: string; name: string; member: boolean; players: number; free: number }>;
}

function JoinForm({ onJoined }: { onJoined?: () => void }) {
  const t = useT(labRooms);
  const search = useSearch();
  const [code, setCode] = useState(search.get('code') ?? '');
  const [name, setName] = useState('');
  const [room, setRoom] = useState<Lookup | null>(null);
  const [delegation, setDelegation] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const look = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ room: Lookup }>('/api/rooms/lookup', { method: 'POST', body: { code } });
      setRoom(r.room);
    } catch (err) {
      setError(err as Error);
    }
  };
  const join = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await api<{ participant: { token: string; roomId: string; delegation: string } }>(
        '/api/rooms/join',
        { method: 'POST', body: { code, name, ...(delegation ? { delegation } : {}) } },
      );
      setRoomSession(r.participant.roomId, { role: 'participant', token: r.participant.token, name });
      navigate(`/rooms?room=${encodeURIComponent(r.participant.roomId)}`);
      onJoined?.();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <>
      {!room ? (
        <form id="room-join" className="controls" onSubmit={look}>
          <label>
            {t('join.code')}{' '}
            <input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder={t('join.placeholder')}
              autoComplete="off"
              required
              maxLength={40}
            />
          </label>
          <div className="button-row">
            <button type="submit">{t('join.find')}</button>
          </div>
        </form>
      ) : (
        <form id="room-join-seat" className="controls" onSubmit={join}>
          <p>
            <strong>{room.title}</strong> · {phaseName(t, room.phase)}
          </p>
          <label>
            {t('join.name')}{' '}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
          </label>
          <label>
            {t('join.delegation')}{' '}
            <select value={delegation} onChange={(e) => setDelegation(e.target.value)}>
              <option value="">{t('join.firstFree')}</option>
              {room.delegations.map((d) => (
                <option key={d.id} value={d.id} disabled={d.free === 0}>
                  {d.name} ({d.id}){d.players ? t('join.playing', { count: d.players }) : ''}
                  {d.free === 0 ? t('join.full') : ''}
                </option>
              ))}
            </select>
          </label>
          <div className="button-row">
            <button type="submit" className="primary">
              {t('join.submit')}
            </button>
            <button type="button" onClick={() => setRoom(null)}>
              {t('join.another')}
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error} />
    </>
  );
}

// ─── the live room ────────────────────────────────────────────────────────────────────────

interface Live {
  room: Room | null;
  events: LogEvent[];
  presence: Presence | null;
  status: LiveStatus;
  error: Error | null;
  fatal: string | null;
  reload: () => void;
}

/** What stops the live room (the connection is lost for good), then the last refused action or read. */
function LiveAlerts({ live, error }: { live: Live; error: Error | null }) {
  return (
    <>
      {live.fatal ? (
        <div className="note error" role="alert">
          {live.fatal}
        </div>
      ) : null}
      <ErrorNote error={error ?? live.error} />
    </>
  );
}

/** The room's state, refreshed after every live event, and the events as they came. */
function useRoom(id: string, token: string): Live {
  const [room, setRoom] = useState<Room | null>(null);
  const [events, setEvents] = useState<LogEvent[]>([]);
  const [presence, setPresence] = useState<Presence | null>(null);
  const [status, setStatus] = useState<LiveStatus>({ state: 'connecting', transport: null, last: 0 });
  const [error, setError] = useState<Error | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reload = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      roomApi<{ room: Room }>(id, `/api/rooms/${encodeURIComponent(id)}`)
        .then((r) => {
          setRoom(r.room);
          setError(null);
        })
        .catch((e: Error) => setError(e));
    }, 40);
  }, [id]);
  useEffect(() => {
    setEvents([]);
    reload();
    const stop = followRoom(id, token, {
      onEvent: (e) => {
        setEvents((l) => [...l, e]);
        reload();
      },
      onPresence: setPresence,
      onStatus: (s) => {
        setStatus(s);
        if (s.state === 'live') reload();
      },
      onFatal: setFatal,
    });
    return () => {
      stop();
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [id, token, reload]);
  return { room, events, presence: presence ?? room?.presence ?? null, status, error, fatal, reload };
}

function ConnectionStatus({ status }: { status: LiveStatus }) {
  const t = useT(labRooms);
  const text =
    status.state === 'live'
      ? t('conn.live', { transport: status.transport ?? 'sse' })
      : status.state === 'connecting'
        ? t('conn.connecting')
        : t('conn.reconnecting', { last: status.last });
  return (
    <span className={`status ${status.state === 'live' ? 's-complete' : 's-pending'}`} id="room-connection">
      {text}
    </span>
  );
}

/** The phase's timer, counting down each second (not announced by screen readers while it ticks). */
function Timer({ room }: { room: Room }) {
  const t = useT(labRooms);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!room.endsAt) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [room.endsAt]);
  const mmss = (ms: number) => {
    const s = Math.max(0, Math.round(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };
  let text = t('timer.none');
  if (room.pausedMs !== null) text = t('timer.paused', { left: mmss(room.pausedMs) });
  else if (room.endsAt) {
    const left = Date.parse(room.endsAt) - now;
    text = left > 0 ? t('timer.left', { left: mmss(left) }) : t('timer.up');
  }
  return (
    <span role="timer" aria-live="off" id="room-timer">
      {text}
    </span>
  );
}

function delegationName(t: T, room: Room, id: string | null): string {
  if (id === null) return t('who.all');
  if (id === 'moderator') return t('who.moderator');
  return room.delegations.find((d) => d.id === id)?.name ?? id;
}

function positionsText(room: Room, p: Record<string, number[]>): string {
  return Object.entries(p)
    .map(([i, z]) => `${room.issues.find((x) => x.id === i)?.title ?? i}: ${point(z)}`)
    .join('; ');
}

/** One event of the log in words. */
function describe(t: T, room: Room, e: LogEvent): string {
  const d = e.data as Record<string, unknown> & { positions?: Record<string, number[]> };
  const who = (x: unknown) => delegationName(t, room, (x as string) ?? null);
  const text = () => positionsText(room, d.positions ?? {});
  const answer = (a: unknown) =>
    a === 'accept' || a === 'object' || a === 'abstain' ? t(`answer.${a}`) : String(a);
  switch (e.type) {
    case 'room.created':
      return t('event.created');
    case 'participant.joined':
      return t('event.joined', { name: String(d.name), delegation: who(d.delegation) });
    case 'participant.assigned':
      return t('event.assigned', { delegation: who(d.delegation) });
    case 'phase.set':
      return d.endsAt
        ? t('event.phaseUntil', {
            phase: phaseName(t, String(d.phase)),
            until: String(d.endsAt).slice(11, 16),
          })
        : t('event.phase', { phase: phaseName(t, String(d.phase)) });
    case 'timer.set':
      return d.endsAt ? t('event.timerRuns') : t('event.timerPaused');
    case 'text.tabled':
      return t('event.tabled', { by: who(d.by), text: text() });
    case 'amendment.sent':
      return d.participant === 'bot'
        ? t('event.amendmentBot', { delegation: who(d.delegation), text: text() })
        : t('event.amendment', { delegation: who(d.delegation), text: text() });
    case 'message.sent':
      return t('event.message', { from: who(d.from), to: who(d.to), body: String(d.body) });
    case 'call.opened':
      return t('event.callOpened');
    case 'answer.given':
      return d.by === 'bot'
        ? t('event.answerBot', { delegation: who(d.delegation), answer: answer(d.answer) })
        : t('event.answer', { delegation: who(d.delegation), answer: answer(d.answer) });
    case 'call.closed': {
      const c = room.calls.find((x) => x.id === d.call);
      if (!c?.result) return t('event.callClosed');
      const result = t(`result.${c.result}`);
      return c.blockers.length
        ? t('event.callBlocked', { result, blockers: c.blockers.map((b) => who(b)).join(', ') })
        : t('event.callResult', { result });
    }
    case 'briefs.revealed':
      return t('event.revealed');
    case 'bots.set':
      return t('event.bots', { model: String(d.model) });
    default:
      return e.type;
  }
}

function Feed({ room, events }: { room: Room; events: LogEvent[] }) {
  const t = useT(labRooms);
  const last = events.at(-1);
  return (
    <section className="panel" aria-labelledby="feed-h">
      <h2 id="feed-h">{t('feed.title')}</h2>
      <p aria-live="polite" className="small" id="room-latest">
        {last ? describe(t, room, last) : ''}
      </p>
      <TableBox className="scroll" label={t('feed.table')}>
        <ol className="room-feed" reversed>
          {[...events].reverse().map((e) => (
            <li key={e.seq}>
              <span className="muted small">
                #{e.seq} {e.at.slice(11, 19)}
              </span>{' '}
              {describe(t, room, e)}
            </li>
          ))}
        </ol>
      </TableBox>
    </section>
  );
}

/** A point on each issue: one number input per dimension, within the issue's scale. */
function PositionsForm({
  room,
  id,
  initial,
  submitLabel,
  onSubmit,
  disabled,
}: {
  room: Room;
  id: string;
  initial: (i: RoomIssue) => number[] | null;
  submitLabel: string;
  onSubmit: (p: Record<string, number[]>) => Promise<void>;
  disabled?: boolean;
}) {
  const [values, setValues] = useState<Record<string, string[]>>({});
  const [include, setInclude] = useState<Record<string, boolean>>({});
  const cellOf = (i: RoomIssue, d: number) => values[i.id]?.[d] ?? String(initial(i)?.[d] ?? i.scale[d]![0]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p: Record<string, number[]> = {};
    for (const i of room.issues) {
      if (include[i.id] === false) continue;
      p[i.id] = i.dimensions.map((_, d) => Number(cellOf(i, d)));
    }
    await onSubmit(p);
  };
  return (
    <form id={id} className="controls" onSubmit={submit}>
      {room.issues.map((i) => (
        <fieldset key={i.id} className="room-issue">
          <legend>
            {room.issues.length > 1 ? (
              <label>
                <input
                  type="checkbox"
                  checked={include[i.id] !== false}
                  onChange={(e) => setInclude({ ...include, [i.id]: e.target.checked })}
                />{' '}
                {i.title}
              </label>
            ) : (
              i.title
            )}
          </legend>
          {i.dimensions.map((dim, d) => (
            <label key={dim} className="slider-row">
              <span className="small">
                {i.dimensions.length > 1 ? `${dim}: ` : ''}
                {i.poles[d]
                  ? `${i.poles[d]![0]} (${fmt(i.scale[d]![0])}) … ${i.poles[d]![1]} (${fmt(i.scale[d]![1])})`
                  : `${fmt(i.scale[d]![0])} … ${fmt(i.scale[d]![1])}`}
              </span>
              <input
                type="number"
                step="any"
                min={i.scale[d]![0]}
                max={i.scale[d]![1]}
                value={cellOf(i, d)}
                aria-label={`${i.title}${i.dimensions.length > 1 ? ` (${dim})` : ''}`}
                disabled={include[i.id] === false}
                onChange={(e) => {
                  const row = [...(values[i.id] ?? i.dimensions.map((_, k) => cellOf(i, k)))];
                  row[d] = e.target.value;
                  setValues({ ...values, [i.id]: row });
                }}
              />
            </label>
          ))}
        </fieldset>
      ))}
      <div className="button-row">
        <button type="submit" className="primary" disabled={disabled}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

function TabledText({ room }: { room: Room }) {
  const t = useT(labRooms);
  if (!room.text) return <p id="room-text">{t('text.none')}</p>;
  return (
    <dl id="room-text" className="room-text">
      {Object.entries(room.text.positions).map(([i, z]) => {
        const issue = room.issues.find((x) => x.id === i);
        return (
          <div key={i}>
            <dt>{issue?.title ?? i}</dt>
            <dd>
              <strong>{point(z)}</strong>
              <span className="muted small">
                {t('text.detail', {
                  statusQuo: point(issue?.statusQuo),
                  by: delegationName(t, room, room.text!.by),
                })}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function CallResults({ room }: { room: Room }) {
  const t = useT(labRooms);
  const closed = room.calls.filter((c) => c.status === 'closed');
  if (!closed.length) return null;
  return (
    <>
      <h3>{t('calls.title')}</h3>
      <ol id="room-calls">
        {closed.map((c) => {
          const text = room.texts.find((x) => x.id === c.text);
          return (
            <li key={c.id}>
              <strong className={c.result === 'blocked' ? 'error' : ''}>
                {c.result ? t(`result.${c.result}`) : ''}
              </strong>
              {text ? ` — ${positionsText(room, text.positions)}` : ''}
              {c.blockers.length
                ? t('calls.blockedBy', { list: c.blockers.map((b) => delegationName(t, room, b)).join(', ') })
                : ''}
              {c.objections.length > c.blockers.length
                ? t('calls.objections', {
                    list: c.objections.map((b) => delegationName(t, room, b)).join(', '),
                  })
                : ''}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function Messages({
  room,
  onSend,
  own,
}: {
  room: Room;
  onSend: (body: string, to: string | null) => Promise<void>;
  own: string | null;
}) {
  const t = useT(labRooms);
  const [body, setBody] = useState('');
  const [to, setTo] = useState('');
  const playing = room.phase === 'preparation' || room.phase === 'round' || room.phase === 'final-call';
  return (
    <section className="panel" aria-labelledby="msg-h">
      <h2 id="msg-h">{t('msg.title')}</h2>
      <TableBox className="scroll" label={t('msg.table')}>
        <ul className="room-messages" id="room-messages">
          {room.messages.length === 0 ? <li className="muted">{t('msg.none')}</li> : null}
          {room.messages.map((m) => (
            <li key={m.id}>
              <strong>{delegationName(t, room, m.from)}</strong>
              {m.to ? (
                <span className="muted">{t('msg.private', { to: delegationName(t, room, m.to) })}</span>
              ) : null}
              : {m.body}
            </li>
          ))}
        </ul>
      </TableBox>
      <form
        id="room-message"
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          await onSend(body, to || null);
          setBody('');
        }}
      >
        <label>
          {t('msg.label')}{' '}
          <input value={body} onChange={(e) => setBody(e.target.value)} required maxLength={4096} />
        </label>{' '}
        <label>
          {t('msg.to')}{' '}
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('who.all')}</option>
            {room.delegations
              .filter((d) => d.id !== own)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
          </select>
        </label>{' '}
        <button type="submit" disabled={!playing}>
          {t('msg.send')}
        </button>
      </form>
    </section>
  );
}

/** Runs an action, keeping its error for the page to show. */
function useAction(): [Error | null, (f: () => Promise<unknown>) => Promise<void>] {
  const [error, setError] = useState<Error | null>(null);
  const run = useCallback(async (f: () => Promise<unknown>) => {
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(e as Error);
    }
  }, []);
  return [error, run];
}

// ─── the moderator's console ──────────────────────────────────────────────────────────────

function ModeratorConsole({ id, token, code }: { id: string; token: string; code: string | null }) {
  const t = useT(labRooms);
  const live = useRoom(id, token);
  const { room } = live;
  useTitle(room ? t('mod.title', { title: room.scenario.title }) : t('room'));
  const [error, run] = useAction();
  const [minutes, setMinutes] = useState(10);
  const [mover, setMover] = useState('');
  const [target, setTarget] = useState('');
  const post = (path: string, body?: unknown) =>
    run(async () => {
      await roomApi(id, `/api/rooms/${encodeURIComponent(id)}${path}`, {
        method: 'POST',
        ...(body !== undefined ? { body } : {}),
      });
      live.reload();
    });
  if (!room)
    return (
      <>
        <h1 tabIndex={-1}>{t('room')}</h1>
        {live.fatal ? (
          <div className="note error" role="alert">
            {live.fatal}
          </div>
        ) : (
          <p>{t('loading')}</p>
        )}
        <ErrorNote error={live.error} />
      </>
    );
  const open = room.calls.find((c) => c.status === 'open') ?? null;
  const connected = new Set(live.presence?.participants ?? []);
  const players = room.delegations.flatMap((d) => d.players.map((p) => ({ ...p, delegation: d.id })));
  const playing = room.phase !== 'debrief' && room.phase !== 'closed';
  const joinLink = code ? `${window.location.origin}/rooms?code=${encodeURIComponent(code)}` : null;
  const moderatorLink = `${window.location.origin}/rooms?room=${id}#moderator=${token}`;
  return (
    <>
      <h1 tabIndex={-1}>{t('mod.title', { title: room.scenario.title })}</h1>
      <p className="room-status">
        <span id="room-phase">
          {room.phase === 'round' ? t('phase.roundN', { round: room.round }) : phaseName(t, room.phase)}
        </span>{' '}
        · <Timer room={room} /> · <ConnectionStatus status={live.status} />
        {code ? (
          <>
            {' '}
            · {t('mod.code')}{' '}
            <strong className="mono room-code" id="room-code">
              {code}
            </strong>
          </>
        ) : null}
      </p>
      {joinLink ? (
        <p className="small muted">
          {rich(t('mod.help', { link: '\u0000link\u0000', secret: '\u0000secret\u0000' }), {
            link: <code>{joinLink}</code>,
            secret: <code className="room-secret">{moderatorLink}</code>,
          })}
        </p>
      ) : null}
      <LiveAlerts live={live} error={error} />
      <div className="grid-2">
        <div>
          <section className="panel" aria-labelledby="game-h">
            <h2 id="game-h">{t('game.title')}</h2>
            <div className="button-row" id="room-phase-controls">
              <CountField label={t('game.minutes')} max={600} value={minutes} onChange={setMinutes} />
              <button
                type="button"
                className="primary"
                disabled={!playing || room.phase === 'final-call' || !!open}
                onClick={() => post('/phase', { phase: 'round', minutes })}
              >
                {t('game.startRound', { round: room.round + 1 })}
              </button>
              <button
                type="button"
                disabled={!playing || room.phase === 'final-call' || room.phase === 'preparation' || !!open}
                onClick={() => post('/phase', { phase: 'final-call', minutes })}
              >
                {t('game.finalCall')}
              </button>
              <button
                type="button"
                disabled={room.phase === 'debrief' || room.phase === 'closed' || !!open}
                onClick={() => post('/phase', { phase: 'debrief' })}
              >
                {t('game.debrief')}
              </button>
              <button
                type="button"
                className="danger"
                disabled={room.phase === 'closed'}
                onClick={() => {
                  if (window.confirm(t('game.closeConfirm'))) void post('/phase', { phase: 'closed' });
                }}
              >
                {t('game.close')}
              </button>
            </div>
            <div className="button-row" id="room-timer-controls">
              <button
                type="button"
                disabled={!room.endsAt}
                onClick={() => post('/timer', { action: 'pause' })}
              >
                {t('timer.pause')}
              </button>
              <button
                type="button"
                disabled={room.pausedMs === null}
                onClick={() => post('/timer', { action: 'resume' })}
              >
                {t('timer.resume')}
              </button>
              <button
                type="button"
                disabled={!playing}
                onClick={() => post('/timer', { action: 'extend', minutes: 5 })}
              >
                {t('timer.extend')}
              </button>
            </div>
            <div className="button-row">
              <label>
                {t('bots.label')}{' '}
                <select
                  value={room.botModel}
                  disabled={!playing || !!open}
                  onChange={(e) => void post('/bots', { model: e.target.value })}
                >
                  <option value="consensus">{t('bots.consensus')}</option>
                  <option value="eum">{t('bots.eum')}</option>
                </select>
              </label>
            </div>
          </section>
          <section className="panel" aria-labelledby="text-h">
            <h2 id="text-h">{t('table.title')}</h2>
            <TabledText room={room} />
            <div className="button-row">
              <button
                type="button"
                className="primary"
                id="room-call"
                disabled={!room.text || !!open || (room.phase !== 'round' && room.phase !== 'final-call')}
                onClick={() => post('/calls')}
              >
                {t('call.button')}
              </button>
              <button
                type="button"
                id="room-close-call"
                disabled={!open}
                onClick={() => open && post(`/calls/${encodeURIComponent(open.id)}/close`)}
              >
                {t('call.close')}
              </button>
            </div>
            {open ? <p role="status">{t('call.open')}</p> : null}
            <h3>{t('table.form')}</h3>
            <PositionsForm
              room={room}
              id="room-table"
              initial={(i) => room.text?.positions[i.id] ?? i.proposal ?? i.statusQuo}
              submitLabel={t('table.submit')}
              disabled={!!open || (room.phase !== 'round' && room.phase !== 'final-call')}
              onSubmit={(positions) => post('/texts', { positions })}
            />
            <CallResults room={room} />
          </section>
        </div>
        <div>
          <section className="panel" aria-labelledby="dels-h">
            <h2 id="dels-h">{t('dels.title')}</h2>
            <TableBox label={t('dels.table')}>
              <table id="room-delegations">
                <thead>
                  <tr>
                    <th scope="col">{t('col.delegation')}</th>
                    <th scope="col">{t('col.playedBy')}</th>
                    <th scope="col">{open ? t('col.answer') : t('col.lastAnswer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {room.delegations.map((d) => {
                    const call = open ?? room.calls.at(-1);
                    const a = call?.answers[d.id];
                    return (
                      <tr key={d.id} data-delegation={d.id}>
                        <th scope="row">
                          {d.name} <span className="muted small">{d.id}</span>
                        </th>
                        <td>
                          {d.bot
                            ? t('dels.bot', { model: room.botModel })
                            : d.players.map((p) => (
                                <span key={p.id} className="nowrap">
                                  <span
                                    className={`dot ${connected.has(p.id) ? 'on' : 'off'}`}
                                    aria-hidden="true"
                                  />
                                  {p.name}
                                  <span className="sr-only">
                                    {connected.has(p.id) ? t('dels.connected') : t('dels.away')}
                                  </span>{' '}
                                </span>
                              ))}
                        </td>
                        <td className={a?.answer === 'object' ? 'error' : ''}>
                          {a
                            ? a.by === 'bot'
                              ? t('answer.byBot', { answer: t(`answer.${a.answer}`) })
                              : t(`answer.${a.answer}`)
                            : call
                              ? '—'
                              : ''}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableBox>
            <p className="small muted" id="room-presence">
              {t('presence', {
                connected: connected.size,
                players: players.length,
                moderator: live.presence?.moderator ?? 0,
              })}
            </p>
            {players.length ? (
              <form
                className="inline-form"
                id="room-assign"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (mover && target) void post('/assignments', { participant: mover, delegation: target });
                }}
              >
                <label>
                  {t('assign.move')}{' '}
                  <select value={mover} onChange={(e) => setMover(e.target.value)}>
                    <option value="">{t('assign.player')}</option>
                    {players.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({p.delegation})
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <label>
                  {t('assign.to')}{' '}
                  <select value={target} onChange={(e) => setTarget(e.target.value)}>
                    <option value="">{t('assign.delegation')}</option>
                    {room.delegations.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </label>{' '}
                <button type="submit" disabled={!mover || !target || !!open}>
                  {t('assign.move')}
                </button>
              </form>
            ) : (
              <p>{t('assign.nobody')}</p>
            )}
          </section>
          <Amendments room={room} />
          <Messages
            room={room}
            own={null}
            onSend={(body, to) => post('/messages', { body, ...(to ? { to } : {}) })}
          />
        </div>
      </div>
      <Feed room={room} events={live.events} />
      <section className="panel" aria-labelledby="debrief-h">
        <h2 id="debrief-h">{t('debrief.title')}</h2>
        <div className="button-row">
          <button
            type="button"
            disabled={room.phase !== 'debrief' || room.revealed}
            onClick={() => post('/reveal')}
          >
            {room.revealed ? t('debrief.revealed') : t('debrief.reveal')}
          </button>
          <Downloads id={id} token={token} />
        </div>
        {room.phase === 'debrief' || room.phase === 'closed' ? (
          <DebriefView id={id} seq={room.seq} />
        ) : (
          <p>{t('debrief.later')}</p>
        )}
      </section>
    </>
  );
}

function Amendments({ room }: { room: Room }) {
  const t = useT(labRooms);
  return (
    <section className="panel" aria-labelledby="amend-list-h">
      <h2 id="amend-list-h">{t('amend.title')}</h2>
      {room.amendments.length === 0 ? (
        <p>{t('amend.none')}</p>
      ) : (
        <TableBox className="scroll" label={t('amend.title')}>
          <ul id="room-amendments">
            {[...room.amendments].reverse().map((a) => (
              <li key={a.id}>
                <strong>{delegationName(t, room, a.delegation)}</strong>
                {a.participant === 'bot' ? t('amend.bot') : ''}: {positionsText(room, a.positions)}
              </li>
            ))}
          </ul>
        </TableBox>
      )}
    </section>
  );
}

function Downloads({ id, token }: { id: string; token: string }) {
  const t = useT(labRooms);
  const [error, run] = useAction();
  const base = `/api/rooms/${encodeURIComponent(id)}`;
  return (
    <>
      <button
        type="button"
        onClick={() => run(() => download(`${base}/debrief.html`, `debrief-${id}.html`, token))}
      >
        {t('dl.print')}
      </button>
      <button
        type="button"
        onClick={() => run(() => download(`${base}/log?format=json`, `room-${id}.json`, token))}
      >
        {t('dl.json')}
      </button>
      <button
        type="button"
        onClick={() => run(() => download(`${base}/log?format=csv`, `room-${id}.csv`, token))}
      >
        {t('dl.csv')}
      </button>
      <button
        type="button"
        onClick={() => run(() => download(`${base}/scenario`, `room-${id}-played.json`, token))}
      >
        {t('dl.scenario')}
      </button>
      <ErrorNote error={error} />
    </>
  );
}

// ─── the debrief ──────────────────────────────────────────────────────────────────────────

interface Debrief {
  title: string;
  outcome: { adopted: string; positions: Record<string, number[] | null>; participants: string[] | null };
  issues: Array<{
    id: string;
    title: string;
    statusQuo: number[] | null;
    game: number[] | null;
    observed: { adopted: boolean | null; position: number[] | null } | null;
    forecasts: {
      played: Record<string, { outcome: unknown; adopted: unknown }>;
      coded: Record<string, { outcome: unknown; adopted: unknown }>;
    };
  }>;
  calls: Array<{
    id: string;
    result: string | null;
    positions: Record<string, number[]>;
    blockers: string[];
    why: Array<{ delegation: string; by: string; distanceToText: number; distanceToStatusQuo: number }>;
  }>;
  utilities: Array<{ delegation: string; played: boolean; utility: number; gain: number }>;
}

function modelValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return fmt(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' ? fmt(x) : String(x))).join(', ');
  return String(v);
}

function DebriefView({ id, seq }: { id: string; seq: number }) {
  const t = useT(labRooms);
  const [data, setData] = useState<Debrief | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    void seq;
    roomApi<Debrief>(id, `/api/rooms/${encodeURIComponent(id)}/debrief`)
      .then(setData)
      .catch((e: Error) => setError(e));
  }, [id, seq]);
  if (error) return <ErrorNote error={error} />;
  if (!data) return <p>{t('debrief.computing')}</p>;
  const outcome = data.outcome.adopted;
  return (
    <div id="room-debrief">
      <p>
        {t('debrief.outcome')}{' '}
        <strong>
          {outcome === 'adopted' || outcome === 'blocked' || outcome === 'adopted-by-participants'
            ? t(`result.${outcome}`)
            : t('debrief.nothing')}
        </strong>
      </p>
      {data.issues.map((i) => {
        const models = [...new Set([...Object.keys(i.forecasts.played), ...Object.keys(i.forecasts.coded)])];
        return (
          <TableBox key={i.id} label={t('debrief.forecastsOn', { issue: i.title })}>
            <table className="room-debrief-issue">
              <caption>
                {t('debrief.caption', { issue: i.title, game: point(i.game), statusQuo: point(i.statusQuo) })}
                {i.observed
                  ? i.observed.position
                    ? t('debrief.observedAt', {
                        adopted: i.observed.adopted === null ? 'unknown' : i.observed.adopted ? 'yes' : 'no',
                        position: point(i.observed.position),
                      })
                    : t('debrief.observed', {
                        adopted: i.observed.adopted === null ? 'unknown' : i.observed.adopted ? 'yes' : 'no',
                      })
                  : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('col.model')}</th>
                  <th scope="col">{t('col.played')}</th>
                  <th scope="col">{t('col.coded')}</th>
                </tr>
              </thead>
              <tbody>
                {models.map((m) => (
                  <tr key={m}>
                    <th scope="row">{m}</th>
                    <td className="num">{modelValue(i.forecasts.played[m]?.outcome)}</td>
                    <td className="num">{modelValue(i.forecasts.coded[m]?.outcome)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        );
      })}
      <h3>{t('debrief.blocked')}</h3>
      {data.calls.filter((c) => c.blockers.length).length === 0 ? (
        <p>{t('debrief.noBlock')}</p>
      ) : (
        <ul>
          {data.calls
            .filter((c) => c.blockers.length)
            .flatMap((c) =>
              c.why.map((w) => (
                <li key={`${c.id}-${w.delegation}`}>
                  {t('debrief.why', {
                    delegation: w.delegation,
                    by: w.by,
                    text: fmt(w.distanceToText),
                    statusQuo: fmt(w.distanceToStatusQuo),
                    asBrief: w.distanceToText > w.distanceToStatusQuo ? 'yes' : 'no',
                  })}
                </li>
              )),
            )}
        </ul>
      )}
      <h3>{t('debrief.utility')}</h3>
      <TableBox label={t('debrief.utilities')}>
        <table id="room-utilities">
          <thead>
            <tr>
              <th scope="col">{t('col.delegation')}</th>
              <th scope="col">{t('col.playedBy')}</th>
              <th scope="col">{t('col.utility')}</th>
              <th scope="col">{t('col.gain')}</th>
            </tr>
          </thead>
          <tbody>
            {data.utilities.map((u) => (
              <tr key={u.delegation}>
                <th scope="row">{u.delegation}</th>
                <td>{u.played ? t('debrief.people') : t('debrief.bot')}</td>
                <td className="num">{fmt(u.utility)}</td>
                <td className="num">{fmt(u.gain)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </div>
  );
}

// ─── the participant's view ───────────────────────────────────────────────────────────────

interface Brief {
  delegation: string;
  name: string;
  capability: number;
  capabilitySource: string;
  chair: boolean;
  scenario: { title: string; date: string | null; source: string | null; note: string | null };
  issues: Array<{
    id: string;
    title: string;
    scale: Array<[number, number]>;
    poles: Array<[string, string] | null>;
    statusQuo: number[] | null;
    proposal: number[] | null;
    rule: string;
    youCanBlock: boolean;
    optOut: boolean;
    position: number[] | null;
    salience: number[] | null;
    redLine: string;
    note: string | null;
    source: string | null;
  }>;
}

function BriefView({ brief }: { brief: Brief }) {
  const t = useT(labRooms);
  const n = useFormat();
  return (
    <div id="room-brief">
      <p>
        {t('brief.head', {
          name: brief.name,
          id: brief.delegation,
          share: n.percent(brief.capability, 1),
          source: brief.capabilitySource,
        })}
        {brief.chair ? t('brief.chair') : ''}
      </p>
      {brief.issues.map((i) => (
        <section key={i.id} className="room-brief-issue" aria-label={i.title}>
          <h3>{i.title}</h3>
          <dl>
            <dt>{t('brief.scale')}</dt>
            <dd>
              {i.scale.map(([lo, hi], d) => (
                <span key={i.poles[d]?.join('|') ?? `${lo}…${hi}`}>
                  {i.poles[d]
                    ? `${i.poles[d]![0]} (${fmt(lo)}) … ${i.poles[d]![1]} (${fmt(hi)})`
                    : `${fmt(lo)} … ${fmt(hi)}`}
                </span>
              ))}
            </dd>
            <dt>{t('brief.sqProposal')}</dt>
            <dd>
              {point(i.statusQuo)} · {point(i.proposal)}
            </dd>
            <dt>{t('brief.position')}</dt>
            <dd>
              <strong>{point(i.position)}</strong> · {point(i.salience)}
            </dd>
            <dt>{t('brief.redLine')}</dt>
            <dd>{i.redLine}</dd>
            <dt>{t('brief.rule')}</dt>
            <dd>
              {i.rule}; {i.youCanBlock ? t('brief.canBlock') : t('brief.cannotBlock')}
              {i.optOut ? t('brief.optOut') : ''}
            </dd>
            {i.note ? (
              <>
                <dt>{t('brief.note')}</dt>
                <dd>
                  {i.note}
                  {i.source ? <span className="muted small"> — {i.source}</span> : null}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ))}
      {brief.scenario.source ? (
        <p className="small muted">{t('brief.source', { source: brief.scenario.source })}</p>
      ) : null}
    </div>
  );
}

function ParticipantView({ id, token }: { id: string; token: string }) {
  const t = useT(labRooms);
  const live = useRoom(id, token);
  const { room } = live;
  const [brief, setBrief] = useState<Brief | null>(null);
  const [briefError, setBriefError] = useState<Error | null>(null);
  const [error, run] = useAction();
  const you = room?.you.role === 'participant' ? room.you : null;
  useTitle(room && you ? `${delegationName(t, room, you.delegation)}: ${room.scenario.title}` : t('room'));
  const delegation = you?.delegation ?? null;
  useEffect(() => {
    if (!delegation) return;
    roomApi<{ brief: Brief }>(id, `/api/rooms/${encodeURIComponent(id)}/brief`)
      .then((r) => setBrief(r.brief))
      .catch((e: Error) => setBriefError(e));
  }, [id, delegation]);
  const post = (path: string, body?: unknown) =>
    run(async () => {
      await roomApi(id, `/api/rooms/${encodeURIComponent(id)}${path}`, {
        method: 'POST',
        ...(body !== undefined ? { body } : {}),
      });
      live.reload();
    });
  if (!room || !you)
    return (
      <>
        <h1 tabIndex={-1}>{t('room')}</h1>
        {live.fatal ? (
          <div className="note error" role="alert">
            {live.fatal}{' '}
            <button
              type="button"
              className="link"
              onClick={() => {
                setRoomSession(id, null);
                navigate('/rooms');
              }}
            >
              {t('join.again')}
            </button>
          </div>
        ) : (
          <p>{t('loading')}</p>
        )}
        <ErrorNote error={live.error} />
      </>
    );
  const open = room.calls.find((c) => c.status === 'open') ?? null;
  const mine = open?.answers[you.delegation];
  const isChair = room.chair === you.delegation;
  return (
    <>
      <h1 tabIndex={-1}>
        {delegationName(t, room, you.delegation)}: {room.scenario.title}
      </h1>
      <p className="room-status">
        {you.name} ·{' '}
        <span id="room-phase">
          {room.phase === 'round' ? t('phase.roundN', { round: room.round }) : phaseName(t, room.phase)}
        </span>{' '}
        · <Timer room={room} /> · <ConnectionStatus status={live.status} />
      </p>
      <LiveAlerts live={live} error={error} />
      <div className="grid-2">
        <div>
          <section className="panel" aria-labelledby="table-h">
            <h2 id="table-h">{t('table.title')}</h2>
            <TabledText room={room} />
            {open ? (
              <fieldset className="room-answer">
                <legend>
                  <h3 id="answer-h">{t('p.answerTitle')}</h3>
                </legend>
                <div className="button-row" id="room-answers">
                  {(['accept', 'object', 'abstain'] as const).map((a) => (
                    <button
                      key={a}
                      type="button"
                      className={a === 'object' ? 'danger' : a === 'accept' ? 'primary' : ''}
                      aria-pressed={mine?.answer === a}
                      onClick={() => post(`/calls/${encodeURIComponent(open.id)}/answers`, { answer: a })}
                    >
                      {t(`answer.${a}`)}
                    </button>
                  ))}
                </div>
                <p className="small" role="status">
                  {mine ? t('p.answered', { answer: t(`answer.${mine.answer}`) }) : t('p.notAnswered')}
                </p>
              </fieldset>
            ) : null}
            <CallResults room={room} />
          </section>
          <section className="panel" aria-labelledby="amend-h">
            <h2 id="amend-h">{isChair ? t('amend.formChair') : t('amend.form')}</h2>
            {room.phase !== 'round' ? <p>{t('amend.onlyRound')}</p> : null}
            <PositionsForm
              room={room}
              id="room-amend"
              initial={(i) =>
                brief?.issues.find((x) => x.id === i.id)?.position ?? room.text?.positions[i.id] ?? null
              }
              submitLabel={t('amend.submit')}
              disabled={room.phase !== 'round'}
              onSubmit={(positions) => post('/amendments', { positions })}
            />
            {isChair ? (
              <div className="button-row">
                <button
                  type="button"
                  disabled={!room.amendments.some((a) => a.delegation === you.delegation) || !!open}
                  onClick={() => {
                    const last = [...room.amendments].reverse().find((a) => a.delegation === you.delegation);
                    if (last) void post('/texts', { positions: last.positions });
                  }}
                >
                  {t('amend.tableMine')}
                </button>
              </div>
            ) : null}
          </section>
          <Messages
            room={room}
            own={you.delegation}
            onSend={(body, to) => post('/messages', { body, ...(to ? { to } : {}) })}
          />
        </div>
        <div>
          <section className="panel" aria-labelledby="brief-h">
            <h2 id="brief-h">{t('brief.title')}</h2>
            <ErrorNote error={briefError} />
            {brief ? <BriefView brief={brief} /> : <p>{t('brief.loading')}</p>}
          </section>
          <section className="panel" aria-labelledby="others-h">
            <h2 id="others-h">{t('p.others')}</h2>
            <ul id="room-delegation-list">
              {room.delegations.map((d) => (
                <li key={d.id}>
                  {d.name}
                  {d.id === you.delegation ? t('p.you') : ''}:{' '}
                  {d.bot ? t('p.bot') : d.players.map((p) => p.name).join(', ')}
                  {room.revealed && d.id !== you.delegation ? <OtherBrief id={id} delegation={d.id} /> : null}
                </li>
              ))}
            </ul>
          </section>
          <Amendments room={room} />
        </div>
      </div>
      <Feed room={room} events={live.events} />
      {room.phase === 'debrief' || room.phase === 'closed' ? (
        <section className="panel" aria-labelledby="pdebrief-h">
          <h2 id="pdebrief-h">{t('debrief.title')}</h2>
          <div className="button-row">
            <Downloads id={id} token={token} />
          </div>
          <DebriefView id={id} seq={room.seq} />
        </section>
      ) : null}
    </>
  );
}

/** Another delegation's brief, once the moderator has revealed them. */
function OtherBrief({ id, delegation }: { id: string; delegation: string }) {
  const t = useT(labRooms);
  const [open, setOpen] = useState(false);
  const [brief, setBrief] = useState<Brief | null>(null);
  const [error, setError] = useState<Error | null>(null);
  return (
    <>
      {' '}
      <button
        type="button"
        className="link"
        aria-expanded={open}
        onClick={() => {
          setOpen(!open);
          if (!brief)
            roomApi<{ brief: Brief }>(
              id,
              `/api/rooms/${encodeURIComponent(id)}/briefs/${encodeURIComponent(delegation)}`,
            )
              .then((r) => setBrief(r.brief))
              .catch((e: Error) => setError(e));
        }}
      >
        {t('p.itsBrief')}
      </button>
      {open ? brief ? <BriefView brief={brief} /> : <ErrorNote error={error} /> : null}
    </>
  );
}

/** A number from 1 to `max` in a labelled field (what is typed is kept in the range). */
function CountField(p: { label: string; max: number; value: number; onChange: (n: number) => void }) {
  return (
    <label>
      {p.label}{' '}
      <input
        type="number"
        min={1}
        max={p.max}
        value={p.value}
        onChange={(e) => p.onChange(Math.max(1, Math.min(p.max, Number(e.target.value) || 1)))}
      />
    </label>
  );
}
