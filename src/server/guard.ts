/**
 * What stands between the network and the routes: the host names the server answers (against DNS
 * rebinding), the project's error shape for errors Node's HTTP parser raises before any route
 * (header too large, malformed header), the cost-aware rate limit of expensive routes, and the
 * canonical key under which validated inputs are cached.
 */
import { createHash } from 'node:crypto';
import type { Socket } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { ConcordError } from '../errors.js';
import { errorBody } from './errors.js';

// ─── host names ──────────────────────────────────────────────────────────────────────────────

/** The names and addresses of this machine: loopback, its host name, its interfaces' addresses. */
export function ownHostNames(): string[] {
  const names = new Set(['localhost', '127.0.0.1', '::1']);
  const h = hostname().toLowerCase();
  if (h) {
    names.add(h);
    names.add(`${h}.local`);
  }
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) names.add(a.address.toLowerCase());
  }
  return [...names];
}

/** The host name of a Host header, lower case, without port or IPv6 brackets. */
export function hostOf(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  const colon = h.lastIndexOf(':');
  return colon > 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/**
 * Checks a request's Host header against the allowed names (`*.example.org` matches sub-domains).
 * Throws E_FORBIDDEN (403) for any other name: a page on another site that makes its name resolve
 * to this machine (DNS rebinding) cannot reach the API from a browser.
 */
export function checkHost(header: string | undefined, allowed: readonly string[] | 'any'): void {
  if (allowed === 'any') return;
  // HTTP/1.0 clients may send no Host: they are not browsers.
  if (header === undefined || header === '') return;
  const h = hostOf(header);
  const ok = allowed.some((a) => (a.startsWith('*.') ? h.endsWith(a.slice(1)) || h === a.slice(2) : h === a));
  if (!ok) {
    throw new ConcordError(
      'E_FORBIDDEN',
      `this server does not answer to the host name "${h.slice(0, 100)}"`,
      {
        path: 'headers.host',
        hint: 'Use the address the server printed, or start it with `concord serve --allowed-hosts NAME` (or `*` for any name).',
        key: 'server.hostNotAllowed',
        values: { host: h.slice(0, 100) },
      },
    );
  }
}

/** Parses `--allowed-hosts a,b,*.c` (`*`: any name). */
export function parseAllowedHosts(s: string): readonly string[] | 'any' {
  const list = s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  if (list.includes('*')) return 'any';
  return [...new Set([...ownHostNames(), ...list.map((x) => (x.startsWith('*.') ? x : hostOf(x)))])];
}

// ─── errors before any route ─────────────────────────────────────────────────────────────────

/**
 * Fastify's `clientErrorHandler`: errors of Node's HTTP parser (a URL or headers above the size
 * limit: 431; a NUL or other forbidden byte in a header, a malformed request line: 400) answered
 * in the project's error shape, then the connection closed.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let e: ConcordError;
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    e = new ConcordError(
      'E_LIMIT',
      'the request line and headers are larger than the server accepts (16 KiB)',
      {
        path: 'headers',
        hint: 'Send a shorter URL (put large inputs in a POST body) and fewer or shorter headers.',
        key: 'server.headerOverflow',
      },
    );
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    e = new ConcordError('E_TIMEOUT', 'the request was not received in time', {
      hint: 'Send the whole request at once.',
      key: 'server.requestTimeout',
    });
  } else {
    e = new ConcordError('E_USAGE', `malformed HTTP request (${err.code ?? 'parse error'})`, {
      path: 'headers',
      hint: 'Headers may not contain control characters such as NUL, CR or LF.',
      key: 'server.malformedRequest',
      values: { detail: err.code ?? 'parse error' },
    });
  }
  const body = JSON.stringify(errorBody(e));
  if (socket.writable) {
    const reason =
      status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

// ─── the cost-aware rate limit ───────────────────────────────────────────────────────────────

/**
 * A per-client budget of work (estimated worker milliseconds) that refills at `perMinute` per
 * minute: a cheap request costs little, one that asks for a large computation costs what it asks
 * for. A request costing more than the whole budget is charged the whole budget (the caps keep the
 * largest allowed one within it).
 */
export class CostLimiter {
  private readonly buckets = new Map<string, { level: number; at: number }>();

  constructor(readonly perMinute: number) {}

  /** Seconds until `client` has any budget again (0: it has some): checked before parsing a body. */
  spent(client: string, now = Date.now()): number {
    const b = this.buckets.get(client);
    if (this.perMinute <= 0 || !b) return 0;
    const level = b.level + (now - b.at) * (this.perMinute / 60_000);
    return level >= 1 ? 0 : Math.max(1, Math.ceil((1 - level) / (this.perMinute / 60_000) / 1000));
  }

  /** Charges `cost` to `client`: 0 if granted, else the seconds to wait before it would be. */
  take(client: string, cost: number, now = Date.now()): number {
    if (this.perMinute <= 0) return 0;
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(client) ?? { level: this.perMinute, at: now };
    b.level = Math.min(this.perMinute, b.level + (now - b.at) * rate);
    b.at = now;
    const c = Math.min(Math.max(0, cost), this.perMinute);
    if (b.level < c) {
      this.buckets.set(client, b);
      return Math.max(1, Math.ceil((c - b.level) / rate / 1000));
    }
    b.level -= c;
    this.buckets.set(client, b);
    if (this.buckets.size > 10_000) {
      // Forget the clients whose budget is full again.
      for (const [k, v] of this.buckets) {
        if (v.level + (now - v.at) * rate >= this.perMinute) this.buckets.delete(k);
      }
    }
    return 0;
  }
}

// ─── canonical keys ──────────────────────────────────────────────────────────────────────────

/** JSON with object keys sorted at every level: equal inputs give equal text, whatever the order. */
export function canonicalJson(v: unknown): string {
  if (v === undefined) return 'null';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(v as object)
    .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A short key of a route's validated input. */
export function canonicalKey(operationId: string, day: string, input: unknown): string {
  return `${operationId} ${day} ${createHash('sha256').update(canonicalJson(input)).digest('base64url')}`;
}
