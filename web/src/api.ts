/** The lab's client of the Concord API: JSON calls with the workspace token, and progress streams. */
import { getToken } from './auth.js';
import { currentLocale } from './i18n.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string | null,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function headers(extra: Record<string, string> = {}, own?: string): Record<string, string> {
  const token = own ?? getToken();
  return {
    accept: 'application/json',
    'accept-language': currentLocale(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...extra,
  };
}

async function fail(res: Response): Promise<never> {
  let body: { error?: { code?: string; message?: string; path?: string | null; hint?: string } } = {};
  try {
    body = await res.json();
  } catch {
    // not JSON: keep the status
  }
  const e = body.error ?? {};
  throw new ApiError(
    res.status,
    e.code ?? `HTTP_${res.status}`,
    e.message ?? res.statusText,
    e.path ?? null,
    e.hint,
  );
}

export async function api<T>(
  path: string,
  o: { method?: string; body?: unknown; signal?: AbortSignal; token?: string } = {},
): Promise<T> {
  const res = await fetch(path, {
    method: o.method ?? 'GET',
    headers: headers(o.body !== undefined ? { 'content-type': 'application/json' } : {}, o.token),
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
  if (!res.ok) await fail(res);
  return (await res.json()) as T;
}

/** Downloads a file from the API (with the token, which a plain link could not send). */
export async function download(path: string, filename: string, token?: string): Promise<void> {
  const res = await fetch(path, { headers: headers({ accept: '*/*' }, token) });
  if (!res.ok) await fail(res);
  saveFile(await res.blob(), filename);
}

/** Saves what the page made or fetched as a file, by a link clicked for the user. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Reads a Server-Sent Events stream with fetch (EventSource cannot send the Authorization header),
 * calling `onEvent` for each event until the stream ends or `signal` aborts.
 */
export async function streamEvents(
  path: string,
  onEvent: (event: string, data: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const res = await fetch(path, { headers: headers({ accept: 'text/event-stream' }), signal });
  if (!res.ok) await fail(res);
  await readSse(res.body!, onEvent);
}

/** Reads a Server-Sent Events body, calling `onEvent` for each event with data, until it ends. */
export async function readSse(
  body: ReadableStream<BufferSource>,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value;
    let end = buf.indexOf('\n\n');
    while (end >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(event, data.join('\n'));
      end = buf.indexOf('\n\n');
    }
  }
}
