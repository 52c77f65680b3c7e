/** `concord org <id> [--at DATE] [--json]` and `concord orgs`: an organization on a date. */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { loadOrganizations, openOrganization } from '../../org/load.js';
import { dateConvention, type StatusPeriod } from '../../org/organization.js';
import { type Snapshot, snapshot } from '../../org/snapshot.js';
import { orgCsv } from '../../org/tidy.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { big, json, pct, table } from '../../util/format.js';
import type { CliIO } from '../io.js';
import { FORMAT_OPTION_HELP, outputFormat } from '../output.js';

export function register(program: Command, io: CliIO): void {
  program
    .command('org')
    .description('an organization on a date: members, partners, chair and aggregate facts')
    .argument(
      '<org>',
      'organization id (sco, csto, asean, eu-council, …) or the path of an organization file',
    )
    .option('--at <date>', 'the date, YYYY-MM-DD (default: today)')
    .option(
      '--dates <convention>',
      'which date a status counts from: memorandum (default: the memorandum that brought it into force) or decision (the summit that agreed it)',
    )
    .option('--json', 'print JSON')
    .option('--format <fmt>', FORMAT_OPTION_HELP)
    .action((id: string, opts: { at?: string; dates?: string; json?: boolean; format?: string }) => {
      const fmt = outputFormat(opts);
      const dates = dateConvention(opts.dates);
      const date = parseDate(opts.at ?? todayIso(), '--at');
      const { org, registry } = openOrganization(id, io.cwd);
      const snap = snapshot(registry, loadDataset(), org.id, date, dates);
      io.out(
        fmt === 'csv' ? orgCsv(snap).replace(/\n$/, '') : fmt === 'json' ? json(snap) : formatSnapshot(snap),
      );
    });

  program
    .command('orgs')
    .description('list the organizations (built-in and those of CONCORD_ORG_PATH)')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const orgs = loadOrganizations().all();
      const rows = orgs.map((o) => ({
        id: o.id,
        name: o.name,
        founded: o.founded,
        dissolved: o.dissolved ?? null,
        records: o.memberships.length,
      }));
      io.out(
        opts.json
          ? json(rows)
          : table(
              ['id', 'name', 'founded', 'dissolved', 'records'],
              rows.map((r) => [r.id, r.name, r.founded, r.dissolved ?? '', r.records]),
            ),
      );
    });
}

export function formatSnapshot(s: Snapshot): string {
  const f = s.facts;
  const lines: string[] = [];
  lines.push(`${s.organization.name} (${s.organization.shortName}) on ${s.date}`);
  lines.push(
    s.dates === 'memorandum'
      ? 'status dates: from the memorandum that brought each status into force, where there is one (--dates decision: from the summit decision)'
      : 'status dates: from the summit decision, where there is one (--dates memorandum, the default: from the memorandum)',
  );
  if (s.era) lines.push(`note: ${s.era.note}`);
  lines.push(`rule: ${s.rule.description}${s.rule.source ? ` — ${s.rule.source.split(' (http')[0]}` : ''}`);
  if (s.chairDetail) {
    const c = s.chairDetail;
    lines.push(
      `chair: ${c.state}${c.summit ? ` (host of ${c.summit})` : ''}${c.verified ? '' : ' [unverified]'}`,
    );
  } else lines.push('chair: not recorded for this date');
  lines.push('', `Members (${s.members.length})`);
  lines.push(
    table(
      ['iso3', 'state', 'since'],
      s.members.map((m) => [m.iso3, m.name, m.since + mark(m)]),
    ),
  );
  if (s.partners.length) {
    lines.push('', `Partners (${s.partners.length})`);
    lines.push(
      table(
        ['iso3', 'state', 'status', 'since', 'history'],
        s.partners.map((p) => [p.iso3, p.name, p.status, p.since + mark(p), history(p.history)]),
      ),
    );
  }
  if (s.applicants.length) {
    lines.push(
      '',
      `Applicants (${s.applicants.length}): ${s.applicants.map((a) => `${a.iso3} (since ${a.since}${mark(a)})`).join(', ')}`,
    );
  }
  lines.push('', 'Facts of the member states');
  lines.push(
    table(
      ['measure', 'value', 'share', 'data'],
      [
        ['area', `${big(f.areaKm2)} km²`, `${pct(f.eurasiaAreaShare)} of Eurasia`, 'world-countries'],
        [
          'population',
          big(f.population?.value),
          `${pct(f.worldPopulationShare)} of world`,
          f.population ? String(f.population.year) : '–',
        ],
        [
          'GDP (current US$)',
          big(f.gdpUsd?.value),
          `${pct(f.worldGdpShare)} of world`,
          f.gdpUsd ? String(f.gdpUsd.year) : '–',
        ],
        [
          'CINC (sum)',
          f.cinc ? f.cinc.value.toFixed(4) : '–',
          `${pct(f.cinc?.value)} of world capabilities`,
          f.cinc ? String(f.cinc.year) : '–',
        ],
        [
          'nuclear-weapon states',
          String(f.nuclearStates.length),
          f.nuclearStates.join(', ') || 'none',
          `first test ≤ ${s.date}`,
        ],
      ],
    ),
  );
  if (f.undeclaredNuclearStates.length)
    lines.push(`undeclared nuclear arsenals: ${f.undeclaredNuclearStates.join(', ')}`);
  for (const n of f.notes) lines.push(`note: ${n}`);
  if (s.unverified.length) lines.push(`* unverified (needs a second source): ${s.unverified.join('; ')}`);
  if ([...s.members, ...s.partners].some((m) => m.precision))
    lines.push("† date verified only to the year (y) or the month (m); see the record's note");
  return lines.join('\n');
}

/** ` *` for an unverified date, ` †y` / ` †m` for one verified only to the year or month. */
function mark(m: { verified: boolean; precision?: 'year' | 'month' }): string {
  return `${m.verified ? '' : ' *'}${m.precision ? ` †${m.precision[0]}` : ''}`;
}

/** "observer 2004-06-17 – 2025-09-01; partner since 2025-09-01". */
export function history(h: readonly StatusPeriod[]): string {
  return h
    .filter((p) => p.status !== 'applicant')
    .map((p) => {
      const dec = p.decided && p.decided !== p.from ? ` (decided ${p.decided})` : '';
      return p.to ? `${p.status} ${p.from} – ${p.to}${dec}` : `${p.status} since ${p.from}${dec}`;
    })
    .join('; ');
}
