/**
 * Loaded into a benchmarked `concord serve` with `node --import` (bench only, never by the
 * product): answers the benchmark's questions over the IPC channel of the child process.
 * - `{ q: 'eld-reset' }`: starts a new event-loop delay histogram (perf_hooks, 10 ms resolution
 *   is too coarse for a 50 ms target, so 1 ms).
 * - `{ q: 'stats', gc?: true }`: the histogram since the last reset (ms), the process's memory
 *   (after a full collection when asked and the process runs with --expose-gc), and its
 *   threads (from /proc: the worker pool's idle threads count there).
 * The channel is unref'd so that it never keeps the server alive at shutdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

export interface ProbeStats {
  readonly eld: {
    readonly count: number;
    readonly mean: number;
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly p999: number;
    readonly max: number;
    /** Counts of delays by bucket (ms upper bounds), for the histogram printed by the bench. */
    readonly buckets: ReadonlyArray<readonly [number, number]>;
  };
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  readonly externalMiB: number;
  readonly arrayBuffersMiB: number;
  readonly mallocedMiB: number;
  readonly threads: number;
  /** The threads by name (/proc/self/task/N/comm): node's own, libuv's, and the workers'. */
  readonly threadNames: string;
  /** Resident memory by kind of mapping (/proc/self/smaps): brk heap, anonymous, files (MiB). */
  readonly maps: { readonly brk: number; readonly anon: number; readonly file: number };
}

const MiB = 1024 * 1024;
let h: IntervalHistogram = monitorEventLoopDelay({ resolution: 1 });
h.enable();

const BOUNDS = [2, 5, 10, 20, 30, 50, 75, 100, 200, 500, Number.POSITIVE_INFINITY];

function threadNames(): string {
  const n = new Map<string, number>();
  try {
    for (const t of readdirSync('/proc/self/task')) {
      const name = readFileSync(`/proc/self/task/${t}/comm`, 'utf8').trim();
      n.set(name, (n.get(name) ?? 0) + 1);
    }
  } catch {
    return '';
  }
  return [...n].map(([k, v]) => `${k}×${v}`).join(' ');
}

function maps(): ProbeStats['maps'] {
  const out = { brk: 0, anon: 0, file: 0 };
  try {
    let kind: keyof typeof out = 'anon';
    for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$/.exec(line);
      if (head) {
        const name = head[1]!;
        kind = name === '[heap]' ? 'brk' : name.startsWith('/') ? 'file' : 'anon';
        continue;
      }
      const rss = /^Rss:\s+(\d+) kB/.exec(line);
      if (rss) out[kind] += Number(rss[1]) / 1024;
    }
  } catch {
    // not Linux
  }
  return out;
}

function stats(): ProbeStats {
  const ms = (ns: number) => ns / 1e6;
  // The histogram samples every `resolution` ms and records how late the timer fired: bucket the
  // recorded percentiles into counts (the histogram keeps its own buckets; this reads them back).
  const counts = new Map<number, number>();
  let prev = 0;
  for (const [pct, ns] of h.percentiles) {
    const v = ms(ns);
    const bound = BOUNDS.find((b) => v <= b)!;
    const n = Math.round(((pct - prev) / 100) * h.count);
    prev = pct;
    counts.set(bound, (counts.get(bound) ?? 0) + n);
  }
  const mem = process.memoryUsage();
  const threads = Number(
    /Threads:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? Number.NaN,
  );
  return {
    eld: {
      count: h.count,
      mean: ms(h.mean),
      p50: ms(h.percentile(50)),
      p90: ms(h.percentile(90)),
      p99: ms(h.percentile(99)),
      p999: ms(h.percentile(99.9)),
      max: ms(h.max),
      buckets: BOUNDS.map((b) => [b, counts.get(b) ?? 0] as const),
    },
    rssMiB: mem.rss / MiB,
    heapUsedMiB: mem.heapUsed / MiB,
    heapTotalMiB: mem.heapTotal / MiB,
    externalMiB: mem.external / MiB,
    arrayBuffersMiB: mem.arrayBuffers / MiB,
    mallocedMiB: getHeapStatistics().malloced_memory / MiB,
    threads,
    threadNames: threadNames(),
    maps: maps(),
  };
}

if (process.send) {
  process.channel?.unref();
  process.on('message', (m: { q?: string; gc?: boolean }) => {
    if (m.q === 'eld-reset') {
      h.disable();
      h = monitorEventLoopDelay({ resolution: 1 });
      h.enable();
      process.send!({ q: m.q, ok: true });
    } else if (m.q === 'stats') {
      const g = (globalThis as { gc?: () => void }).gc;
      if (m.gc && g) g();
      process.send!({ q: m.q, stats: stats() });
    }
  });
}
