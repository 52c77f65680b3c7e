/**
 * `concord serve [--port 8080] [--host 127.0.0.1] [--store PATH|postgres://…]`: the web lab and its
 * JSON API. The store is a SQLite file in the data directory by default (CONCORD_DATA_DIR, else
 * .concord/), PostgreSQL with a postgres:// URL or DATABASE_URL.
 *
 * At start-up the server prints the lab's address with a session token in the fragment (never
 * sent to the server in requests' URLs, never stored): opening it lets the browser start sweeps
 * in the session's workspace. Tokens from `concord token create` work as well.
 */
import { type Command, Option } from 'commander';
import { ConcordError } from '../../errors.js';
import { buildServer, DEFAULT_BODY_LIMIT } from '../../server/app.js';
import { openStore } from '../../store/open.js';
import { DEFAULT_WORKSPACE } from '../../store/store.js';
import type { CliIO } from '../io.js';

interface ServeOptions {
  port: string;
  host: string;
  store?: string;
  workspace: string;
  sessionToken: boolean;
  rateLimit: string;
  bodyLimit: string;
  log?: boolean;
  heartbeatMs?: string;
  staleMs?: string;
}

function int(v: string, name: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConcordError('E_USAGE', `${name} must be an integer from ${min} to ${max}, got "${v}"`, {
      path: name,
    });
  }
  return n;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('serve')
    .description('serve the web lab and the JSON API (docs at /api/docs)')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <addr>', 'address to listen on (0.0.0.0 to expose it beyond this machine)', '127.0.0.1')
    .option(
      '--store <path|url>',
      'run store: a SQLite file, or postgres://… (default: DATABASE_URL, else .concord/concord.sqlite)',
    )
    .option('--workspace <name>', 'workspace of the session token', DEFAULT_WORKSPACE)
    .option(
      '--no-session-token',
      'do not create a session token (every write then needs `concord token create`)',
    )
    .option('--rate-limit <n>', 'requests per minute per client address (0: no limit)', '1200')
    .option('--body-limit <bytes>', 'largest request body', String(DEFAULT_BODY_LIMIT))
    .option('--log', 'log every request (JSON lines on stdout)')
    .addOption(new Option('--heartbeat-ms <n>').hideHelp())
    .addOption(new Option('--stale-ms <n>').hideHelp())
    .action(async (opts: ServeOptions) => {
      const port = int(opts.port, '--port', 0, 65535);
      const rate = int(opts.rateLimit, '--rate-limit', 0, 10_000_000);
      const bodyLimit = int(opts.bodyLimit, '--body-limit', 1024, 1024 * 1024 * 1024);
      const store = await openStore(opts.store, { cwd: io.cwd, env: io.env });
      const server = await buildServer({
        store,
        rateLimitPerMinute: rate,
        bodyLimit,
        logger: opts.log ? { level: 'info' } : { level: 'error' },
        ...(opts.heartbeatMs ? { heartbeatMs: int(opts.heartbeatMs, '--heartbeat-ms', 10, 600_000) } : {}),
        ...(opts.staleMs ? { staleMs: int(opts.staleMs, '--stale-ms', 10, 86_400_000) } : {}),
      });
      const interrupted = await server.ctx.jobs.startWatchdog();
      let address: string;
      try {
        address = await server.app.listen({ port, host: opts.host });
      } catch (e) {
        await server.close();
        await store.close();
        throw new ConcordError(
          'E_UNAVAILABLE',
          `cannot listen on ${opts.host}:${port}: ${(e as Error).message}`,
          {
            hint: 'Choose another port with --port, or stop the program that uses this one.',
            cause: e,
          },
        );
      }
      const base = address.replace('://[::1]', '://localhost');
      io.out(`Concord ${server.ctx.version} listening on ${base}`);
      io.out(`store: ${store.location} (${store.dialect})`);
      if (interrupted.length)
        io.out(
          `marked ${interrupted.length} run(s) of a stopped process as interrupted: resume them from the Runs page`,
        );
      if (opts.sessionToken) {
        const token = server.ctx.auth.createSessionToken(opts.workspace);
        io.out(`lab: ${base}/#token=${token}`);
        io.out(`  (a session token for workspace "${opts.workspace}", valid while this server runs)`);
      } else {
        io.out(`lab: ${base}/`);
      }
      io.out(`API: ${base}/api/docs`);
      if (!server.webBuilt) {
        io.err('note: the web lab is not built in this checkout, so / shows instructions only.');
        io.err('      Build it with `npm run build:web`, then restart `npx concord serve`.');
      }
      await new Promise<void>((resolveStop) => {
        const stop = async (signal: string) => {
          io.err(`${signal}: stopping (running sweeps are marked interrupted and can be resumed)`);
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          await server.close().catch(() => {});
          await store.close().catch(() => {});
          resolveStop();
        };
        const onInt = () => void stop('SIGINT');
        const onTerm = () => void stop('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
      });
    });
}
