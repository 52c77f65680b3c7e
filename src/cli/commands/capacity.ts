/**
 * `concord capacity <org> [--rule RULE …] [--add ISO3,…] [--at DATE] [--no-eu] [--json]`: the
 * passage probability and each member's blocking power at every membership stage, under the
 * organization's own rule and comparison rules, next to the EU Council reference band.
 */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { DEFAULT_LOCALE } from '../../i18n/locale.js';
import { reform as reformMessages } from '../../i18n/messages/reform/index.js';
import { translator } from '../../i18n/translate.js';
import { openOrganization } from '../../org/load.js';
import { decisionStages } from '../../org/organization.js';
import { type CapacityResult, capacity, type ReferencePoint } from '../../power/capacity.js';
import { comparisonRules, DEFAULT_COMPARISONS, loadReferenceBand, passageCell } from '../../power/load.js';
import { capacityCsv } from '../../power/tidy.js';
import { NAMED_RULES } from '../../rules/load.js';
import { parseDate } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import { capacityEstimateMs, warnIfLong } from '../estimate.js';
import type { CliIO } from '../io.js';
import { FORMAT_OPTION_HELP, outputFormat } from '../output.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('capacity')
    .description(
      'capacity to decide at each membership stage: passage probability and blocking power under several rules',
    )
    .argument(
      '<org>',
      'organization id (sco, csto, asean, eu-council, …) or the path of an organization file',
    )
    .option(
      '--rule <rule...>',
      `comparison rules: names (${Object.keys(NAMED_RULES).join(', ')}), rule files or inline YAML (default: ${DEFAULT_COMPARISONS.join(', ')})`,
    )
    .option('--add <iso3,…>', 'a hypothetical stage: the latest members plus these states, comma-separated')
    .option('--at <date>', 'the date of the hypothetical stage (its data year), YYYY-MM-DD')
    .option(
      '--unions <blocs>',
      'blocs (a priori unions), e.g. "KAZ,KGZ,TJK,UZB;CHN,RUS": adds Owen and Banzhaf–Owen beside the plain indices, and each bloc\'s power',
    )
    .option('--no-eu', 'leave out the EU Council reference band')
    .option('--json', 'print JSON')
    .option('--format <fmt>', FORMAT_OPTION_HELP)
    .action(
      (
        id: string,
        opts: {
          rule?: string[];
          add?: string;
          at?: string;
          unions?: string;
          eu: boolean;
          json?: boolean;
          format?: string;
        },
      ) => {
        const fmt = outputFormat(opts);
        const { org } = openOrganization(id, io.cwd);
        const rules = comparisonRules(org, opts.rule ?? [...DEFAULT_COMPARISONS], io.cwd);
        const add = opts.add
          ? opts.add
              .split(',')
              .map((s) => s.trim().toUpperCase())
              .filter(Boolean)
          : [];
        const sizes = decisionStages(org)
          .map((s) => s.members.length)
          .filter((n) => n > 0);
        if (add.length && sizes.length) sizes.push(sizes[sizes.length - 1]! + add.length);
        warnIfLong(
          io,
          capacityEstimateMs(sizes, rules.filter((r) => JSON.stringify(r.rule).includes('"sum"')).length),
          `exact power for ${sizes.length} stage(s) of up to ${Math.max(0, ...sizes)} members under ${rules.length} rule(s)`,
          'fewer --rule comparisons or a shorter --add list; for one rule, `concord power --method montecarlo --samples 10000`.',
        );
        const unions = opts.unions
          ? opts.unions
              .split(';')
              .map((g) =>
                g
                  .split(',')
                  .map((x) => x.trim().toUpperCase())
                  .filter(Boolean),
              )
              .filter((g) => g.length)
          : undefined;
        const result = capacity(org, loadDataset(), rules, {
          add,
          ...(unions ? { unions } : {}),
          at: opts.at ? parseDate(opts.at, '--at') : undefined,
        });
        const band = opts.eu ? loadReferenceBand() : [];
        io.out(
          fmt === 'csv'
            ? capacityCsv({ ...result, euReference: band }).replace(/\n$/, '')
            : fmt === 'json'
              ? json({ ...result, euReference: band })
              : formatCapacity(result, band),
        );
      },
    );
}

export function formatCapacity(r: CapacityResult, band: readonly ReferencePoint[]): string {
  const lines: string[] = [];
  lines.push(`Capacity to decide: ${r.organization.name} (${r.organization.shortName})`);
  lines.push(
    'passage probability: the share of the 2^n coalitions of members that carry a decision (Coleman 1971)',
  );
  lines.push('');
  // An organization with its rule over time (the Council of the EU): the period in force.
  const periods = r.stages.some((s) => s.ruleId !== 'default');
  const headers = ['stage', 'members', ...(periods ? ['rule in force'] : []), ...r.rules.map((x) => x.label)];
  const rows = r.stages.map((s) => [
    `${s.from}${s.hypothetical ? ' (hypothetical)' : ''}`,
    `${s.members.length}${s.joined.length ? ` (+${s.joined.join(', ')})` : ''}${s.left.length ? ` (−${s.left.join(', ')})` : ''}`,
    ...(periods ? [s.ruleId] : []),
    ...s.outcomes.map((o) => passageCell(o.passageProbability, o.passageProbabilityFraction)),
  ]);
  lines.push(table(headers, rows));
  if (band.length) {
    lines.push('', 'Reference: the EU Council of Ministers (qualified majority)');
    lines.push(
      table(
        ['council', 'members', 'passage probability', 'literature'],
        band.map((b) => [
          b.shortName,
          String(b.players),
          passageCell(b.passageProbability, b.passageProbabilityFraction),
          b.literature ?? '',
        ]),
      ),
    );
  }
  lines.push('', 'rules:');
  for (const x of r.rules) lines.push(`  ${x.label}: ${x.description}`);
  const last = r.stages[r.stages.length - 1]!;
  lines.push(
    '',
    `Blocking power at ${last.from}${last.hypothetical ? ' (hypothetical)' : ''}: Coleman's power to prevent, the share of winning coalitions a member turns into losing ones by leaving (1 = veto)`,
  );
  lines.push(
    table(
      ['member', ...r.rules.map((x) => x.label)],
      last.members.map((m, i) => [
        m,
        ...last.outcomes.map((o) => {
          const p = o.players[i]!;
          return p.blockingPower === null ? '–' : `${p.blockingPower.toFixed(3)}${p.veto ? ' veto' : ''}`;
        }),
      ]),
    ),
  );
  const withBlocs = last.outcomes.some((o) => o.blocs);
  if (withBlocs) {
    const t = translator(reformMessages, DEFAULT_LOCALE);
    lines.push('', t('blocs.heading', { date: last.from }));
    lines.push(
      table(
        [t('blocs.member'), ...r.rules.map((x) => x.label)],
        last.members.map((m, i) => [
          m,
          ...last.outcomes.map((o) => {
            const b = o.blocs?.players.find((p) => p.id === m);
            const plain = o.players[i]!.penrose;
            const total = o.players.reduce((a, p) => a + p.penrose, 0);
            const banzhaf = total > 0 ? plain / total : 0;
            return b ? `${banzhaf.toFixed(3)} → ${b.banzhafOwenNormalized.toFixed(3)}` : '–';
          }),
        ]),
      ),
    );
    const unions = last.outcomes.find((o) => o.blocs)!.blocs!.unions.filter((u) => u.members.length > 1);
    lines.push('', t('blocs.unions'));
    lines.push(
      table(
        [t('blocs.bloc'), ...r.rules.map((x) => x.label)],
        unions.map((u) => [
          u.members.join(','),
          ...last.outcomes.map((o) => {
            const q = o.blocs?.unions.find((x) => x.members.join() === u.members.join());
            return q ? `${q.banzhaf.toFixed(3)}${q.veto ? ` ${t('blocs.veto')}` : ''}` : '–';
          }),
        ]),
      ),
    );
  }
  const years = Object.entries(last.dataYears)
    .filter(([k]) => k === 'population')
    .map(([k, y]) => `${k} ${y}`);
  if (years.length)
    lines.push(`data: World Bank population of each stage's first year (latest: ${years.join(', ')})`);
  for (const n of new Set(
    r.stages.flatMap((s) =>
      s.notes.filter((x) => x.startsWith('population') || x.startsWith('hypothetical')),
    ),
  ))
    lines.push(`note: ${n}`);
  return lines.join('\n');
}
