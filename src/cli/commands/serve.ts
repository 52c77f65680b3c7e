/**
 * `concord serve [--port 8080] [--host 127.0.0.1] [--store PATH|postgres://…]`: the web lab and its
 * JSON API. The store is a SQLite file in the data directory by default (CONCORD_DATA_DIR, else
 * .concord/), PostgreSQL with a postgres:// URL or DATABASE_URL.
 *
 * At start-up the server creates a session token (valid while it runs), writes it to an
 * owner-only file next to the store (`session-token`, removed at shutdown) and prints the lab's
 * address with the token in the fragment once on standard error — never on standard output, which
 * log collectors keep — unless --quiet. Opening that address lets the browser start sweeps in the
 * session's workspace. Tokens from `concord token create` work as well. The server answers only
 * its own host names (against DNS rebinding) unless --allowed-hosts says otherwise.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { ConcordError } from '../../errors.js';
import { cliRuns } from '../../i18n/messages/cli-runs/index.js';
import {
  buildServer,
  DEFAULT_BODY_LIMIT,
  DEFAULT_COMPUTE_BUDGET_MS,
  DEFAULT_COST_PER_MINUTE,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
} from '../../server/app.js';
import { DEFAULT_QUOTAS } from '../../server/context.js';
import { parseAllowedHosts } from '../../server/guard.js';
import { isPostgresUrl, openStore, storeLocation } from '../../store/open.js';
import { DEFAULT_WORKSPACE } from '../../store/store.js';
import { cliText } from '../i18n.js';
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
  quiet?: boolean;
  allowedHosts?: string;
  budget: string;
  costLimit: string;
  workers?: string;
  maxConcurrentSweeps: string;
  maxRuns: string;
  heartbeatMs?: string;
  staleMs?: string;
}

function int(v: string, name: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConcordError('E_USAGE', `${name} must be an integer from ${min} to ${max}, got "${v}"`, {
      path: name,
      hint: `Give ${name} a whole number from ${min} to ${max}.`,
      key: 'cli.serve.int',
      values: { name, min: String(min), max: String(max), value: v },
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
    .option(
      '--rate-limit <n>',
      'requests per minute per client address (0: no limit)',
      String(DEFAULT_RATE_LIMIT_PER_MINUTE),
    )
    .option('--body-limit <bytes>', 'largest request body', String(DEFAULT_BODY_LIMIT))
    .option('--log', 'log every request (JSON lines on stdout)')
    .option('--quiet', 'do not print the session token (it is in the owner-only file named at start-up)')
    .option(
      '--allowed-hosts <names>',
      "host names to answer besides this machine's own, comma-separated (*.example.org; * for any)",
    )
    .option('--budget <seconds>', 'time budget of one computation', String(DEFAULT_COMPUTE_BUDGET_MS / 1000))
    .option(
      '--cost-limit <ms>',
      'computing per client per minute, in estimated worker milliseconds (0: no limit)',
      String(DEFAULT_COST_PER_MINUTE),
    )
    .option('--workers <n>', 'worker threads for computations (default: every core but one)')
    .option(
      '--max-concurrent-sweeps <n>',
      'sweeps one workspace may run at once',
      String(DEFAULT_QUOTAS.concurrentSweeps),
    )
    .option(
      '--max-runs <n>',
      'runs one workspace may keep in the store',
      String(DEFAULT_QUOTAS.runsPerWorkspace),
    )
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
        computeBudgetMs: int(opts.budget, '--budget', 1, 3600) * 1000,
        costPerMinute: rate === 0 ? 0 : int(opts.costLimit, '--cost-limit', 0, 1e9),
        ...(opts.workers ? { computeThreads: int(opts.workers, '--workers', 1, 256) } : {}),
        quotas: {
          concurrentSweeps: int(opts.maxConcurrentSweeps, '--max-concurrent-sweeps', 1, 1000),
          runsPerWorkspace: int(opts.maxRuns, '--max-runs', 1, 10_000_000),
        },
        ...(opts.allowedHosts ? { allowedHosts: parseAllowedHosts(opts.allowedHosts) } : {}),
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
            key: 'cli.serve.listen',
            values: { host: opts.host, port: String(port), reason: (e as Error).message },
          },
        );
      }
      const base = address.replace('://[::1]', '://localhost');
      const { t } = cliText(io, cliRuns);
      io.out(t('serve.listening', { version: server.ctx.version, base }));
      io.out(t('serve.store', { location: store.location, dialect: store.dialect }));
      if (interrupted.length) io.out(t('serve.interrupted', { count: interrupted.length }));
      let tokenFile: string | null = null;
      if (opts.sessionToken) {
        const token = server.ctx.auth.createSessionToken(opts.workspace);
        // Never on standard output (log collectors keep it): in an owner-only file, and once on
        // the terminal (standard error) unless --quiet.
        const location = storeLocation(opts.store, { cwd: io.cwd, env: io.env });
        const dir = isPostgresUrl(location)
          ? resolve(io.env.CONCORD_DATA_DIR ?? resolve(io.cwd, '.concord'))
          : dirname(location);
        tokenFile = join(dir, 'session-token');
        try {
          rmSync(tokenFile, { force: true });
          writeFileSync(tokenFile, `${token}\n`, { mode: 0o600, flag: 'wx' });
        } catch (e) {
          tokenFile = null;
          io.err(t('serve.tokenFileFailed', { reason: (e as Error).message }));
        }
        io.out(t('serve.lab', { url: `${base}/` }));
        if (tokenFile) io.out(t('serve.tokenFile', { workspace: opts.workspace, file: tokenFile }));
        if (!opts.quiet || !tokenFile) io.err(t('serve.openLab', { url: `${base}/#token=${token}` }));
      } else {
        io.out(t('serve.lab', { url: `${base}/` }));
      }
      io.out(t('serve.api', { url: `${base}/api/docs` }));
      if (!server.webBuilt) {
        io.err(t('serve.webNotBuilt'));
        io.err(t('serve.buildWeb', { build: '`npm run build:web`', serve: '`npx concord serve`' }));
      }
      await new Promise<void>((resolveStop) => {
        const stop = async (signal: string) => {
          io.err(t('serve.stopping', { signal }));
          process.off('SIGINT', onInt);
          process.off('SIGTERM', onTerm);
          await server.close().catch(() => {});
          await store.close().catch(() => {});
          if (tokenFile) rmSync(tokenFile, { force: true });
          resolveStop();
        };
        const onInt = () => void stop('SIGINT');
        const onTerm = () => void stop('SIGTERM');
        process.on('SIGINT', onInt);
        process.on('SIGTERM', onTerm);
      });
    });
}
