/**
 * Server-Sent Events on a hijacked Fastify reply: the security headers already set on the reply are
 * kept, a comment line every 15 s keeps proxies and the socket from timing out, and the stream
 * ends when the client goes away or the server closes it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface EventStream {
  readonly closed: boolean;
  /** With `id`, the browser's EventSource sends it back as Last-Event-ID when it reconnects. */
  send(event: string, data: string, id?: number | string): void;
  close(): void;
  onClose(fn: () => void): void;
}

export function openEventStream(_request: FastifyRequest, reply: FastifyReply, pingMs = 15_000): EventStream {
  reply.hijack();
  const raw = reply.raw;
  const headers: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v as string;
  raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.write(': concord progress stream\n\n');
  const closers: Array<() => void> = [];
  let closed = false;
  const ping = setInterval(() => {
    if (!closed) raw.write(': ping\n\n');
  }, pingMs);
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    for (const f of closers) f();
    raw.end();
  };
  raw.on('close', close);
  return {
    get closed() {
      return closed;
    },
    send(event, data, id) {
      if (closed) return;
      const idLine = id === undefined ? '' : `id: ${String(id).replace(/[\r\n]/g, '')}\n`;
      raw.write(`${idLine}event: ${event}\ndata: ${data.replace(/\n/g, '\ndata: ')}\n\n`);
    },
    close,
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
  };
}
