/**
 * `concord reform <org> --constraint C … [--at DATE] [--add ISO3,…] [--unions BLOCS] [--rank R]
 * [--top N] [--json|--format csv]`: the rules of a documented family (src/power/reform.ts,
 * docs/reform.md) that satisfy the constraints, ranked, with their figures at every stage.
 */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';
import { reform as reformMessages } from '../../i18n/messages/reform/index.js';
import { translator } from '../../i18n/translate.js';
import { openOrganization } from '../../org/load.js';
import {
  assertFeasible,
  CONSTRAINT_HELP,
  DEFAULT_REFORM_RANK,
  FAMILY_DESCRIPTION,
  parseConstraint,
  REFORM_CSV_COLUMNS,
  REFORM_RANK_HELP,
  REFORM_RANKS,
  type ReformRank,
  type ReformResult,
  reform,
  reformRows,
} from '../../power/reform.js';
import { reformRuleLabel } from '../../power/reform-labels.js';
import { toCsv } from '../../util/csv.js';
import { parseDate } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import type { CliIO } from '../io.js';
import { FORMAT_OPTION_HELP, outputFormat } from '../output.js';

export function parseBlocs(spec: string, path = '--unions'): string[][] {
  const groups = spec
    .split(';')
    .map((g) =>
      g
        .split(',')
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    )
    .filter((g) => g.length);
  if (!groups.length)
    throw new ConcordError('E_USAGE', `${path}: no bloc given`, {
      path,
      hint: 'Give blocs as comma-separated codes, blocs separated by ";", e.g. --unions "KAZ,KGZ,TJK,UZB;CHN,RUS".',
      key: 'cli.reform.noBloc',
      values: { path },
    });
  return groups;
}

export function register(program: Command, io: CliIO): void {
  program
    .command('reform')
    .description(
      'reform explorer: the rules of a documented family that satisfy your constraints, ranked, with their figures at every stage',
    )
    .argument('<org>', 'organization id (sco, asean, …) or the path of an organization file')
    .option('--constraint <c...>', `constraints, each one of: ${CONSTRAINT_HELP}`)
    .option(
      '--at <date>',
      'the stage whose members the constraints are checked on (default: the latest), YYYY-MM-DD',
    )
    .option(
      '--add <iso3,…>',
      'a hypothetical stage: the members on --at plus these states; constraints are checked there too',
    )
    .option(
      '--unions <blocs>',
      'blocs for the bloc-veto rules of the family, e.g. "KAZ,KGZ,TJK,UZB;CHN,RUS" (default: the lists of veto and bloc-veto constraints)',
    )
    .option(
      '--rank <criterion>',
      `ranking: ${REFORM_RANKS.map((r) => `${r} (${REFORM_RANK_HELP[r]})`).join('; ')}`,
      DEFAULT_REFORM_RANK,
    )
    .option('--top <n>', 'rules shown in the table (JSON and CSV give all)', '20')
    .option('--json', 'print JSON')
    .option('--format <fmt>', FORMAT_OPTION_HELP)
    .action(
      (
        id: string,
        opts: {
          constraint?: string[];
          at?: string;
          add?: string;
          unions?: string;
          rank: string;
          top: string;
          json?: boolean;
          format?: string;
        },
      ) => {
        const fmt = outputFormat(opts);
        if (!(REFORM_RANKS as readonly string[]).includes(opts.rank))
          throw new ConcordError('E_USAGE', `--rank: "${opts.rank}" is not a ranking`, {
            path: '--rank',
            hint: `Use one of: ${REFORM_RANKS.join(', ')}.`,
            key: 'cli.reform.badRank',
            values: { rank: opts.rank, ranks: REFORM_RANKS.join(', ') },
          });
        const top = Number(opts.top);
        if (!Number.isInteger(top) || top < 1)
          throw new ConcordError('E_USAGE', `--top: "${opts.top}" is not a positive whole number`, {
            path: '--top',
            hint: 'Give the number of rules to show, e.g. --top 10.',
            key: 'cli.reform.badTop',
            values: { top: opts.top },
          });
        const constraints = (opts.constraint ?? []).map((c, i) => parseConstraint(c, `--constraint[${i}]`));
        const { org } = openOrganization(id, io.cwd);
        const add = opts.add
          ? opts.add
              .split(',')
              .map((s) => s.trim().toUpperCase())
              .filter(Boolean)
          : [];
        const result = reform(org, loadDataset(), {
          constraints,
          add,
          rank: opts.rank as ReformRank,
          ...(opts.at ? { at: parseDate(opts.at, '--at') } : {}),
          ...(opts.unions ? { blocs: parseBlocs(opts.unions) } : {}),
        });
        assertFeasible(result);
        io.out(
          fmt === 'csv'
            ? toCsv(REFORM_CSV_COLUMNS, reformRows(result)).replace(/\n$/, '')
            : fmt === 'json'
              ? json(result)
              : formatReform(result, top),
        );
      },
    );
}

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(x < 0.01 ? 3 : 2)}%`);

export function formatReform(r: ReformResult, top = 20, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator(reformMessages, locale);
  const lines: string[] = [];
  lines.push(t('cli.title', { name: r.organization.name, shortName: r.organization.shortName }));
  lines.push(
    t('cli.checkedAt', {
      stages: r.stages
        .filter((s) => s.checked)
        .map((s) => (s.hypothetical ? t('cli.hypothetical', { added: s.joined.join(', ') }) : s.from))
        .join(' + '),
    }),
  );
  if (!r.constraints.length) lines.push(t('cli.none'));
  for (const c of r.constraints)
    lines.push(t('cli.met', { text: c.text, count: c.satisfiedBy, distinct: r.family.distinct }));
  lines.push(t('cli.kept', { count: r.rules.length, rank: r.rankBy, help: t(`rank.${r.rankBy}`) }), '');
  const at = r.stages.findIndex((s) => s.from === r.at && !s.hypothetical);
  const stageHead = (i: number) => {
    const s = r.stages[i]!;
    return `${s.hypothetical ? `+${s.joined.join(',')}` : s.from.slice(0, 4)} (${s.members.length})${s.checked ? '*' : ''}`;
  };
  const shown = r.rules.slice(0, top);
  lines.push(
    table(
      [
        t('col.rank'),
        t('col.rule'),
        ...r.stages.map((_, i) => stageHead(i)),
        t('col.maxShare'),
        t('col.vetoes'),
      ],
      shown.map((x) => {
        const f = x.stages[at]!;
        return [
          String(x.rank),
          reformRuleLabel(t, x.parts),
          ...x.stages.map((s) => pct(s.passageProbability)),
          f.maxShare ? `${f.maxShare.id} ${(100 * f.maxShare.banzhaf).toFixed(1)}%` : '–',
          f.vetoes.length === r.stages[at]!.members.length
            ? t('vetoes.all')
            : f.vetoes.join(' ') || t('vetoes.none'),
        ];
      }),
    ),
  );
  if (r.rules.length > shown.length)
    lines.push(t('cli.more', { count: r.rules.length - shown.length, all: r.rules.length }));
  lines.push('', t('cli.columns', { date: r.at }));
  const eq = shown.filter((x) => x.equivalent.length);
  if (eq.length) {
    lines.push(t('cli.same'));
    for (const x of eq) lines.push(`  #${x.rank} ${x.id} = ${x.equivalent.join(', ')}`);
  }
  lines.push(t('cli.family', { rules: r.family.rules, distinct: r.family.distinct }));
  lines.push(`  ${FAMILY_DESCRIPTION}`);
  return lines.join('\n');
}
