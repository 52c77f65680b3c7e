/**
 * `concord reform <org> --constraint C … [--at DATE] [--add ISO3,…] [--unions BLOCS] [--rank R]
 * [--top N] [--json|--format csv]`: the rules of a documented family (src/power/reform.ts,
 * docs/reform.md) that satisfy the constraints, ranked, with their figures at every stage.
 */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { openOrganization } from '../../org/load.js';
import {
  assertFeasible,
  CONSTRAINT_HELP,
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
      'passage',
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
          });
        const top = Number(opts.top);
        if (!Number.isInteger(top) || top < 1)
          throw new ConcordError('E_USAGE', `--top: "${opts.top}" is not a positive whole number`, {
            path: '--top',
            hint: 'Give the number of rules to show, e.g. --top 10.',
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

export function formatReform(r: ReformResult, top = 20): string {
  const lines: string[] = [];
  lines.push(`Reform explorer: ${r.organization.name} (${r.organization.shortName})`);
  lines.push(
    `constraints checked at ${r.stages
      .filter((s) => s.checked)
      .map((s) => (s.hypothetical ? `the hypothetical stage (+${s.joined.join(', ')})` : s.from))
      .join(' and ')}:`,
  );
  if (!r.constraints.length) lines.push('  none: every rule of the family is listed');
  for (const c of r.constraints)
    lines.push(`  ${c.text}: met by ${c.satisfiedBy} of the ${r.family.distinct} distinct rules`);
  lines.push(`${r.rules.length} rule(s) meet every constraint; ranked by ${r.rankBy} (${r.rankHelp})`, '');
  const at = r.stages.findIndex((s) => s.from === r.at && !s.hypothetical);
  const stageHead = (i: number) => {
    const s = r.stages[i]!;
    return `${s.hypothetical ? `+${s.joined.join(',')}` : s.from.slice(0, 4)} (${s.members.length})${s.checked ? '*' : ''}`;
  };
  const shown = r.rules.slice(0, top);
  lines.push(
    table(
      ['#', 'rule', ...r.stages.map((_, i) => stageHead(i)), 'largest Banzhaf share', 'vetoes'],
      shown.map((x) => {
        const f = x.stages[at]!;
        return [
          String(x.rank),
          x.label,
          ...x.stages.map((s) => pct(s.passageProbability)),
          f.maxShare ? `${f.maxShare.id} ${(100 * f.maxShare.banzhaf).toFixed(1)}%` : '–',
          f.vetoes.length === r.stages[at]!.members.length ? 'all' : f.vetoes.join(' ') || 'none',
        ];
      }),
    ),
  );
  if (r.rules.length > shown.length)
    lines.push(`… and ${r.rules.length - shown.length} more (--top ${r.rules.length}, or --json)`);
  lines.push(
    '',
    'columns by stage: passage probability, the share of the 2^n coalitions of members that carry a decision (Coleman 1971); * = constraints checked there; the last two columns at the stage on ' +
      r.at,
  );
  const eq = shown.filter((x) => x.equivalent.length);
  if (eq.length) {
    lines.push('same figures at every stage:');
    for (const x of eq) lines.push(`  #${x.rank} ${x.id} = ${x.equivalent.join(', ')}`);
  }
  lines.push(`family: ${r.family.rules} rules, ${r.family.distinct} with distinct figures (docs/reform.md):`);
  lines.push(`  ${FAMILY_DESCRIPTION}`);
  return lines.join('\n');
}
