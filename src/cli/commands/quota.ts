/**
 * `concord quota FILE|--org ID [--at DATE] [--weight FIELD] [--from Q1 --to Q2 --step S] [--jumps]
 * [--criterion FIELD] [--index NAME,…] [--format table|json|csv]`: power and passage probability against the quota of
 * a weighted game, with the quotas where the winning coalitions change and the square-root rule's
 * optimal quota.
 */

import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { cliDesign } from '../../i18n/messages/cli-design/index.js';
import { labQuota } from '../../i18n/messages/lab-quota/index.js';
import { translator } from '../../i18n/translate.js';
import { loadOrganizations } from '../../org/load.js';
import { organizationShortName } from '../../org/names.js';
import { resolveGame } from '../../org/players.js';
import {
  DEFAULT_QUOTA_WEIGHT,
  QUOTA_OPTION_HELP,
  quotaIndexHelp,
  quotaWeightHelp,
} from '../../power/options.js';
import { QUOTA_INDICES, type QuotaSweep, quotaSweep } from '../../power/quota.js';
import {
  orgWeightedInput,
  parseQuotaIndices,
  QUOTA_FIELD,
  quotaCsv,
  type WeightedInput,
  weightedInput,
} from '../../power/quota-input.js';
import { builtinGames, readGameFile, readRule } from '../../rules/load.js';
import type { Rule } from '../../rules/schema.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import type { CliIO } from '../io.js';

const FORMATS = ['table', 'json', 'csv'] as const;

export function register(program: Command, io: CliIO): void {
  program
    .command('quota')
    .description(
      'power and passage probability against the quota of a weighted game: every quota, the jumps, the square-root optimal quota',
    )
    .argument('[file]', `a game file, or a built-in game: ${builtinGames().join(', ')}`)
    .option('--org <id>', "an organization's members as the players (instead of a file)")
    .option('--at <date>', 'the date for --org, YYYY-MM-DD (default: today)')
    .option('--weight <field>', quotaWeightHelp('--org'))
    .option(
      '--rule <rule>',
      'with a game file: another rule with one summed criterion (a name, a file or inline YAML)',
    )
    .option('--criterion <field>', QUOTA_OPTION_HELP.criterion)
    .option('--from <q>', QUOTA_OPTION_HELP.from)
    .option('--to <q>', QUOTA_OPTION_HELP.to)
    .option('--step <s>', QUOTA_OPTION_HELP.step)
    .option('--jumps', QUOTA_OPTION_HELP.jumps)
    .option('--index <names>', quotaIndexHelp(QUOTA_INDICES))
    .option('--format <format>', 'table | json | csv (default table)')
    .option('--json', 'print JSON (same as --format json)')
    .action(
      (
        file: string | undefined,
        opts: {
          org?: string;
          at?: string;
          weight?: string;
          rule?: string;
          criterion?: string;
          from?: string;
          to?: string;
          step?: string;
          jumps?: boolean;
          index?: string;
          format?: string;
          json?: boolean;
        },
      ) => {
        if (!file === !opts.org)
          throw new ConcordError(
            'E_USAGE',
            file ? 'give a game file or --org, not both' : 'give a game file or --org',
            {
              path: file ? '--org' : 'file',
              hint: 'Example: concord quota eec-1958, or concord quota --org sco --weight population.',
              key: 'cli.quota.fileOrOrg',
              values: { both: file ? 'yes' : 'no' },
            },
          );
        const format = opts.json ? 'json' : (opts.format ?? 'table');
        if (!(FORMATS as readonly string[]).includes(format))
          throw new ConcordError('E_USAGE', `--format: "${format}" is not a format`, {
            path: '--format',
            hint: `Use one of ${FORMATS.join(', ')}.`,
            key: 'cli.quota.notFormat',
            values: { format, formats: FORMATS.join(', ') },
          });
        const indices = parseQuotaIndices(opts.index);
        const rule = opts.rule ? readRule(opts.rule, io.cwd).rule : undefined;
        const input = file
          ? fileInput(file, io.cwd, rule, opts.criterion)
          : orgWeightedInput(
              opts.org!,
              parseDate(opts.at ?? todayIso(), '--at'),
              opts.weight ?? DEFAULT_QUOTA_WEIGHT,
              loadOrganizations,
              loadDataset,
            );
        const int = (s: string | undefined, path: string) => {
          if (s === undefined) return undefined;
          const v = Number(s);
          if (!Number.isInteger(v))
            throw new ConcordError('E_USAGE', `${path}: "${s}" is not a whole number`, {
              path,
              hint: `Quotas are whole numbers of ${input.unit} from 1 to ${input.weights.reduce((a, b) => a + b, 0)}.`,
              key: 'cli.quota.notWhole',
              values: {
                path,
                value: s,
                unit: input.unit,
                total: String(input.weights.reduce((a, b) => a + b, 0)),
              },
            });
          return v;
        };
        const sweep = quotaSweep(input.ids, input.weights, {
          from: int(opts.from, '--from'),
          to: int(opts.to, '--to'),
          step: int(opts.step, '--step'),
          jumpsOnly: opts.jumps,
          indices,
        });
        if (format === 'json')
          io.out(json({ game: input.label, unit: input.unit, ownQuota: input.ownQuota, ...sweep }));
        else if (format === 'csv') io.out(quotaCsv(sweep));
        else {
          const c = cliText(io, cliDesign);
          // A game drawn from an organization: its name in the locale (a game file's name stays as written).
          const registry = opts.org && c.locale !== 'en' ? loadOrganizations() : null;
          const label = registry?.has(opts.org!)
            ? c.t('quota.orgLabel', {
                short: organizationShortName(registry.get(opts.org!)!, c.locale),
                date: c.date(opts.at ?? todayIso()),
              })
            : input.label;
          io.out(formatQuota(sweep, { ...input, label }, c));
        }
      },
    );
}

function fileInput(
  file: string,
  cwd: string,
  rule: Rule | undefined,
  criterion: string | undefined,
): WeightedInput {
  const g = readGameFile(file, cwd);
  const game = resolveGame(g.file, g.name, loadOrganizations(), loadDataset(), { rule });
  return weightedInput(game, 'rule', criterion ? { field: criterion, path: '--criterion' } : undefined);
}

type DesignText = CliText<NamespaceKeys<typeof cliDesign>>;

/** The units Concord gives a weighted game drawn from an organization (a rule file's own criterion label stays as written). */
const UNITS: Record<string, 'population' | 'gdp' | 'members'> = {
  'population (millions)': 'population',
  'GDP (billion USD)': 'gdp',
  members: 'members',
};

/** Power against the quota as text in the locale of `c`. */
export function formatQuota(s: QuotaSweep, input: WeightedInput, c: DesignText): string {
  const { t, fmt, locale } = c;
  const en = locale === 'en';
  const lq = translator(labQuota, locale);
  const f4 = (x: number | null | undefined) =>
    x === null || x === undefined ? '–' : en ? x.toFixed(4) : fmt.fixed(x, 4);
  const p2 = (x: number) => (en ? `${(x * 100).toFixed(2)}%` : fmt.percent(x, 2));
  const unit = en || !UNITS[input.unit] ? input.unit : t('quota.unit', { unit: UNITS[input.unit]! });
  const lines: string[] = [];
  lines.push(
    t('quota.players', { label: input.label, count: s.n, n: String(s.n), total: String(s.total), unit }),
  );
  if (input.ownQuota !== null) lines.push(t('quota.own', { quota: String(input.ownQuota) }));
  lines.push(
    t('quota.squareRoot', {
      relative: p2(s.squareRootQuota.relative),
      quota: String(s.squareRootQuota.quota),
      source: s.squareRootQuota.source,
    }),
  );
  lines.push(
    t('quota.jumps', {
      count: s.jumps.length,
      n: String(s.jumps.length),
      list: s.jumps.length <= 40 ? s.jumps.join(', ') : '',
      listed: s.jumps.length <= 40 ? 'yes' : 'no',
    }),
  );
  for (const idx of s.indices) {
    lines.push('', t('quota.byQuota', { index: en ? idx : lq(`index.${idx}` as 'index.banzhaf') }));
    const rows = s.quotas.map((r) => [
      `${r.quota}${r.quota === input.ownQuota ? '=' : ''}${r.quota === s.squareRootQuota.quota ? '*' : ''}${r.jump ? '^' : ''}`,
      p2(r.passageProbability),
      ...r.players.map((p) => f4(p[QUOTA_FIELD[idx]])),
    ]);
    lines.push(
      table([t('quota.col.quota'), t('quota.col.passage'), ...s.quotas[0]!.players.map((p) => p.id)], rows),
    );
  }
  return lines.join('\n');
}
