/**
 * `concord capacity <org> [--rule RULE …] [--add ISO3,…] [--at DATE] [--no-eu] [--json]`: the
 * passage probability and each member's blocking power at every membership stage, under the
 * organization's own rule and comparison rules, next to the EU Council reference band.
 */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { cliPower } from '../../i18n/messages/cli-power/index.js';
import { reform as reformMessages } from '../../i18n/messages/reform/index.js';
import { translator } from '../../i18n/translate.js';
import { openOrganization } from '../../org/load.js';
import { organizationName, organizationShortName } from '../../org/names.js';
import { decisionStages } from '../../org/organization.js';
import { type CapacityResult, capacity, type ReferencePoint } from '../../power/capacity.js';
import {
  CAPACITY_OPTION_HELP,
  capacityOptions,
  DEFAULT_COMPARISONS,
  splitBlocs,
  splitCodes,
} from '../../power/capacity-options.js';
import { comparisonRules, loadReferenceBand, passageCell } from '../../power/load.js';
import { capacityCsv } from '../../power/tidy.js';
import { json, table } from '../../util/format.js';
import { capacityEstimateMs, warnIfLong } from '../estimate.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import { type CliIO, localeOf } from '../io.js';
import { FORMAT_OPTION_HELP, outputFormat } from '../output.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('capacity')
    .description(CAPACITY_OPTION_HELP.summary)
    .argument(
      '<org>',
      'organization id (sco, csto, asean, eu-council, …) or the path of an organization file',
    )
    .option('--rule <rule...>', CAPACITY_OPTION_HELP.rule)
    .option('--add <iso3,…>', CAPACITY_OPTION_HELP.add)
    .option('--at <date>', CAPACITY_OPTION_HELP.at)
    .option('--unions <blocs>', CAPACITY_OPTION_HELP.unions)
    .option('--no-eu', CAPACITY_OPTION_HELP.noEu)
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
        const add = opts.add ? splitCodes(opts.add) : [];
        const sizes = decisionStages(org)
          .map((s) => s.members.length)
          .filter((n) => n > 0);
        if (add.length && sizes.length) sizes.push(sizes[sizes.length - 1]! + add.length);
        const pt = cliText(io, cliPower).t;
        warnIfLong(
          io,
          capacityEstimateMs(sizes, rules.filter((r) => JSON.stringify(r.rule).includes('"sum"')).length),
          pt('long.capacity', { stages: sizes.length, members: Math.max(0, ...sizes), rules: rules.length }),
          pt('long.capacityFaster'),
        );
        const result = capacity(
          org,
          loadDataset(),
          rules,
          capacityOptions(
            { add, at: opts.at, unions: opts.unions ? splitBlocs(opts.unions) : undefined },
            (field) => `--${field}`,
          ),
        );
        const band = opts.eu ? loadReferenceBand() : [];
        io.out(
          fmt === 'csv'
            ? capacityCsv({ ...result, euReference: band }).replace(/\n$/, '')
            : fmt === 'json'
              ? json({ ...result, euReference: band })
              : formatCapacity(result, band, cliText(io, cliPower), {
                  name: organizationName(org, localeOf(io)),
                  short: organizationShortName(org, localeOf(io)),
                }),
        );
      },
    );
}

type PowerText = CliText<NamespaceKeys<typeof cliPower>>;

/** The capacity table in the locale of `c` (the rules' labels and the data notes are the library's, in English). */
export function formatCapacity(
  r: CapacityResult,
  band: readonly ReferencePoint[],
  c: PowerText,
  names?: { readonly name: string; readonly short: string },
): string {
  const { t } = c;
  const en = c.locale === 'en';
  const cell = (p: number, fraction: string | null) =>
    en ? passageCell(p, fraction) : localCell(c, p, fraction);
  const stage = (s: { from: string; hypothetical?: boolean }) =>
    s.hypothetical ? t('cap.stageHypothetical', { date: c.date(s.from) }) : c.date(s.from);
  const lines: string[] = [];
  lines.push(
    t('cap.title', {
      name: names?.name ?? r.organization.name,
      short: names?.short ?? r.organization.shortName,
    }),
  );
  lines.push(t('cap.passage'));
  lines.push('');
  // An organization with its rule over time (the Council of the EU): the period in force.
  const periods = r.stages.some((s) => s.ruleId !== 'default');
  const headers = [
    t('cap.col.stage'),
    t('cap.col.members'),
    ...(periods ? [t('cap.col.ruleInForce')] : []),
    ...r.rules.map((x) => x.label),
  ];
  const rows = r.stages.map((s) => [
    stage(s),
    `${s.members.length}${s.joined.length ? ` (+${s.joined.join(', ')})` : ''}${s.left.length ? ` (−${s.left.join(', ')})` : ''}`,
    ...(periods ? [s.ruleId] : []),
    ...s.outcomes.map((o) => cell(o.passageProbability, o.passageProbabilityFraction)),
  ]);
  lines.push(table(headers, rows));
  if (band.length) {
    lines.push('', t('cap.reference'));
    lines.push(
      table(
        [t('cap.col.council'), t('cap.col.members'), t('cap.col.passage'), t('cap.col.literature')],
        band.map((b) => [
          b.shortName,
          String(b.players),
          cell(b.passageProbability, b.passageProbabilityFraction),
          b.literature ?? '',
        ]),
      ),
    );
  }
  lines.push('', t('cap.rules'));
  for (const x of r.rules) lines.push(`  ${x.label}: ${x.description}`);
  const last = r.stages[r.stages.length - 1]!;
  lines.push('', t('cap.blocking', { date: stage(last) }));
  lines.push(
    table(
      [t('cap.col.member'), ...r.rules.map((x) => x.label)],
      last.members.map((m, i) => [
        m,
        ...last.outcomes.map((o) => {
          const p = o.players[i]!;
          if (p.blockingPower === null) return '–';
          const value = c.fixed(p.blockingPower, 3);
          return p.veto ? t('cap.veto', { value }) : value;
        }),
      ]),
    ),
  );
  const withBlocs = last.outcomes.some((o) => o.blocs);
  if (withBlocs) {
    const rf = { t: translator(reformMessages, c.locale) };
    lines.push('', rf.t('blocs.heading', { date: c.date(last.from) }));
    lines.push(
      table(
        [rf.t('blocs.member'), ...r.rules.map((x) => x.label)],
        last.members.map((m, i) => [
          m,
          ...last.outcomes.map((o) => {
            const b = o.blocs?.players.find((p) => p.id === m);
            const plain = o.players[i]!.penrose;
            const total = o.players.reduce((a, p) => a + p.penrose, 0);
            const banzhaf = total > 0 ? plain / total : 0;
            return b ? `${c.fixed(banzhaf, 3)} → ${c.fixed(b.banzhafOwenNormalized, 3)}` : '–';
          }),
        ]),
      ),
    );
    const unions = last.outcomes.find((o) => o.blocs)!.blocs!.unions.filter((u) => u.members.length > 1);
    lines.push('', rf.t('blocs.unions'));
    lines.push(
      table(
        [rf.t('blocs.bloc'), ...r.rules.map((x) => x.label)],
        unions.map((u) => [
          u.members.join(','),
          ...last.outcomes.map((o) => {
            const q = o.blocs?.unions.find((x) => x.members.join() === u.members.join());
            return q ? `${c.fixed(q.banzhaf, 3)}${q.veto ? ` ${rf.t('blocs.veto')}` : ''}` : '–';
          }),
        ]),
      ),
    );
  }
  const year = last.dataYears.population;
  if (year !== undefined) lines.push(t('cap.data', { year: String(year) }));
  for (const n of new Set(
    r.stages.flatMap((s) =>
      s.notes.filter((x) => x.startsWith('population') || x.startsWith('hypothetical')),
    ),
  ))
    lines.push(t('note', { note: n }));
  return lines.join('\n');
}

/** A passage probability in the locale: "1/64 = 1,56 %" (the fraction kept when short, as in English). */
export function localCell(c: PowerText, p: number, fraction: string | null): string {
  const pct = c.fmt.percent(p, p < 0.01 ? 3 : 2);
  return fraction && fraction.length <= 12 ? `${fraction} = ${pct}` : pct;
}
