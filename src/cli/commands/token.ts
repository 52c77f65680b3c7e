/**
 * `concord token create --workspace W [--label L]`, `concord token list`, `concord token revoke ID`:
 * bearer tokens for the HTTP API. A token grants one workspace; only its SHA-256 hash is stored,
 * and the secret is printed once.
 */
import type { Command } from 'commander';
import { ConcordError } from '../../errors.js';
import { cliStore } from '../../i18n/messages/cli-store/index.js';
import { parseDate } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import { cliText } from '../i18n.js';
import type { CliIO } from '../io.js';
import { withStore } from '../store.js';

/** `--expires`: a duration from now (90m, 12h, 30d, 8w) or a date (the token ends at its start, UTC). */
export function expiryOf(s: string, now = Date.now()): string {
  const m = /^(\d{1,6})([mhdw])$/.exec(s.trim());
  if (m) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
    const n = Number(m[1]);
    if (n > 0 && n * unit <= 10 * 366 * 86_400_000) return new Date(now + n * unit).toISOString();
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(s.trim())) {
    const d = parseDate(s, '--expires');
    const t = Date.parse(`${d}T00:00:00Z`);
    if (t > now) return new Date(t).toISOString();
    throw new ConcordError('E_VALIDATION', `--expires: ${d} is not in the future`, {
      path: '--expires',
      hint: 'Give a later date, or a duration such as 30d.',
      key: 'cli.token.expiresPast',
      values: { date: d },
    });
  }
  throw new ConcordError(
    'E_USAGE',
    `--expires: "${s}" is not a duration (90m, 12h, 30d, 8w; at most 10 years) or a date`,
    {
      path: '--expires',
      hint: 'For example --expires 30d or --expires 2027-06-30.',
      key: 'cli.token.badExpires',
      values: { input: s },
    },
  );
}

export function register(program: Command, io: CliIO): void {
  const token = program.command('token').description('bearer tokens for the HTTP API (one workspace each)');
  const storeOpt = [
    '--store <path|url>',
    'run store (default: DATABASE_URL, else .concord/concord.sqlite)',
  ] as const;

  token
    .command('create')
    .description('create a token for a workspace and print it (once: only its hash is kept)')
    .requiredOption('--workspace <name>', 'the workspace the token grants (created if new)')
    .option('--label <text>', 'a note to recognise the token by')
    .option('--expires <when>', 'when the token stops working: 90m, 12h, 30d, 8w, or a date YYYY-MM-DD')
    .option(...storeOpt)
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        workspace: string;
        label?: string;
        expires?: string;
        store?: string;
        json?: boolean;
      }) => {
        const expiresAt = opts.expires ? expiryOf(opts.expires) : null;
        await withStore(io, opts.store, async (store) => {
          const t = await store.createToken(opts.workspace, opts.label ?? null, expiresAt);
          if (opts.json) io.out(json({ id: t.id, workspace: opts.workspace, token: t.token, expiresAt }));
          else {
            io.out(t.token);
            const c = cliText(io, cliStore);
            const about = { id: t.id, workspace: opts.workspace, location: store.location };
            io.err(
              expiresAt
                ? c.t('token.created', { ...about, expires: expiresAt })
                : c.t('token.createdNoExpiry', about),
            );
            io.err(c.t('token.secret', { header: '`Authorization: Bearer <token>`' }));
            io.err(c.t('token.lab'));
          }
        });
      },
    );

  token
    .command('list')
    .description('list the tokens (ids, workspaces, labels; never the secrets)')
    .option('--workspace <name>', 'only this workspace')
    .option(...storeOpt)
    .option('--json', 'print JSON')
    .action(async (opts: { workspace?: string; store?: string; json?: boolean }) => {
      await withStore(io, opts.store, async (store) => {
        const rows = await store.listTokens(opts.workspace);
        if (opts.json) io.out(json(rows));
        else {
          const { t } = cliText(io, cliStore);
          io.out(
            table(
              [
                t('token.col.id'),
                t('token.col.workspace'),
                t('token.col.label'),
                t('token.col.created'),
                t('token.col.expires'),
                t('token.col.revoked'),
              ],
              rows.map((r) => [
                r.id,
                r.workspace,
                r.label ?? '',
                r.created_at,
                r.expires_at ?? '',
                r.revoked_at ?? '',
              ]),
            ),
          );
        }
      });
    });

  token
    .command('revoke')
    .description('revoke a token by its id')
    .argument('<id>', 'the token id (from `concord token list`)')
    .option(...storeOpt)
    .action(async (id: string, opts: { store?: string }) => {
      await withStore(io, opts.store, async (store) => {
        if (!(await store.revokeToken(id))) {
          throw new ConcordError('E_UNKNOWN_ID', `no token ${id}`, {
            path: 'id',
            hint: '`concord token list` shows the ids.',
            key: 'cli.token.unknown',
            values: { id },
          });
        }
        io.out(cliText(io, cliStore).t('token.revoked', { id }));
      });
    });
}
