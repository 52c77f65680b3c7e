/** `concord org <id> [--at DATE] [--json]` and `concord orgs`: an organization on a date. */
import type { Command } from 'commander';
import { loadDataset } from '../../data/load.js';
import { cliOrg } from '../../i18n/messages/cli-org/index.js';
import { loadOrganizations, openOrganization } from '../../org/load.js';
import { organizationName, organizationShortName } from '../../org/names.js';
import { dateConvention, type StatusPeriod } from '../../org/organization.js';
import { DATE_CONVENTION_HELP } from '../../org/schema.js';
import { type Snapshot, snapshot } from '../../org/snapshot.js';
import { orgCsv } from '../../org/tidy.js';
import { parseDate, todayIso } from '../../util/dates.js';
import { json, table } from '../../util/format.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
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
    .option('--dates <convention>', DATE_CONVENTION_HELP)
    .option('--json', 'print JSON')
    .option('--format <fmt>', FORMAT_OPTION_HELP)
    .action((id: string, opts: { at?: string; dates?: string; json?: boolean; format?: string }) => {
      const fmt = outputFormat(opts);
      const dates = dateConvention(opts.dates);
      const date = parseDate(opts.at ?? todayIso(), '--at');
      const { org, registry } = openOrganization(id, io.cwd);
      const snap = snapshot(registry, loadDataset(), org.id, date, dates);
      if (fmt === 'csv') return io.out(orgCsv(snap).replace(/\n$/, ''));
      if (fmt === 'json') return io.out(json(snap));
      const c = cliText(io, cliOrg);
      const shown = snap.era ? registry.get(snap.era.organization) : org;
      const era =
        snap.era && c.locale !== 'en'
          ? c.t('org.era', {
              short: organizationShortName(org, c.locale),
              date: c.date(date),
              founded: c.date(org.founded),
              predecessor: organizationName(shown, c.locale),
              from: c.date(shown.founded),
              to: shown.dissolved ? c.date(shown.dissolved) : 'none',
            })
          : undefined;
      io.out(
        formatSnapshot(snap, c, {
          name: organizationName(shown, c.locale),
          short: organizationShortName(shown, c.locale),
          ...(era ? { era } : {}),
        }),
      );
    });

  program
    .command('orgs')
    .description('list the organizations (built-in and those of CONCORD_ORG_PATH)')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const orgs = loadOrganizations().all();
      const c = cliText(io, cliOrg);
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
              [c.t('col.id'), c.t('col.name'), c.t('col.founded'), c.t('col.dissolved'), c.t('col.records')],
              orgs.map((o, i) => {
                const r = rows[i]!;
                return [
                  r.id,
                  organizationName(o, c.locale),
                  c.date(r.founded),
                  r.dissolved ? c.date(r.dissolved) : '',
                  r.records,
                ];
              }),
            ),
      );
    });
}

type OrgText = CliText<NamespaceKeys<typeof cliOrg>>;

/** The snapshot as text in the locale of `c` (English by default: the output Concord has always printed). */
export function formatSnapshot(s: Snapshot, c: OrgText = englishText(), names?: OrgNames): string {
  const { t } = c;
  const en = c.locale === 'en';
  const f = s.facts;
  const stateName = (iso3: string, fallback: string) => (en ? fallback : c.country(iso3));
  const lines: string[] = [];
  lines.push(
    t('org.title', {
      name: names?.name ?? s.organization.name,
      short: names?.short ?? s.organization.shortName,
      date: c.date(s.date),
    }),
  );
  lines.push(s.dates === 'memorandum' ? t('org.datesMemorandum') : t('org.datesDecision'));
  if (s.era) lines.push(t('org.note', { note: en || !names?.era ? s.era.note : names.era }));
  const rule = !en && s.rule.rule === 'consensus' ? t('org.ruleConsensus') : s.rule.description;
  lines.push(
    s.rule.source
      ? t('org.ruleWithSource', { rule, source: s.rule.source.split(' (http')[0]! })
      : t('org.rule', { rule }),
  );
  if (s.chairDetail) {
    const d = s.chairDetail;
    const state = en ? d.state : t('org.stateCode', { name: c.country(d.state), iso3: d.state });
    lines.push(
      (d.summit ? t('org.chairHost', { state, summit: d.summit }) : t('org.chair', { state })) +
        (d.verified ? '' : t('org.unverified')),
    );
  } else lines.push(t('org.noChair'));
  lines.push('', t('org.members', { count: s.members.length }));
  lines.push(
    table(
      [t('col.iso3'), t('col.state'), t('col.since')],
      s.members.map((m) => [m.iso3, stateName(m.iso3, m.name), c.date(m.since) + mark(m)]),
    ),
  );
  if (s.partners.length) {
    lines.push('', t('org.partners', { count: s.partners.length }));
    lines.push(
      table(
        [t('col.iso3'), t('col.state'), t('col.status'), t('col.since'), t('col.history')],
        s.partners.map((p) => [
          p.iso3,
          stateName(p.iso3, p.name),
          statusText(c, p.status),
          c.date(p.since) + mark(p),
          history(p.history, c),
        ]),
      ),
    );
  }
  if (s.applicants.length) {
    const list = s.applicants.map((a) =>
      t('org.applicant', { iso3: en ? a.iso3 : c.country(a.iso3), since: c.date(a.since), mark: mark(a) }),
    );
    lines.push(
      '',
      t('org.applicants', {
        count: s.applicants.length,
        list: list.join(en ? ', ' : c.fmt.locale === 'zh-Hans' ? '、' : ', '),
      }),
    );
  }
  const none = t('facts.none');
  lines.push('', t('facts.title'));
  lines.push(
    table(
      [t('col.measure'), t('col.value'), t('col.share'), t('col.data')],
      [
        [
          t('facts.area'),
          t('facts.km2', { value: c.big(f.areaKm2) }),
          t('facts.ofEurasia', { share: c.pct(f.eurasiaAreaShare) }),
          'world-countries',
        ],
        [
          t('facts.population'),
          c.big(f.population?.value),
          t('facts.ofWorld', { share: c.pct(f.worldPopulationShare) }),
          f.population ? String(f.population.year) : '–',
        ],
        [
          t('facts.gdp'),
          c.big(f.gdpUsd?.value),
          t('facts.ofWorld', { share: c.pct(f.worldGdpShare) }),
          f.gdpUsd ? String(f.gdpUsd.year) : '–',
        ],
        [
          t('facts.cinc'),
          f.cinc ? c.fixed(f.cinc.value, 4) : '–',
          t('facts.ofCapabilities', { share: c.pct(f.cinc?.value) }),
          f.cinc ? String(f.cinc.year) : '–',
        ],
        [
          t('facts.nuclear'),
          String(f.nuclearStates.length),
          (en ? f.nuclearStates.join(', ') : c.fmt.list(f.nuclearStates.map((x) => c.country(x)))) || none,
          t('facts.firstTest', { date: c.date(s.date) }),
        ],
      ],
    ),
  );
  if (f.undeclaredNuclearStates.length)
    lines.push(t('facts.undeclared', { list: f.undeclaredNuclearStates.join(', ') }));
  for (const n of f.notes) lines.push(t('org.note', { note: en ? n : factsNote(c, n) }));
  if (s.unverified.length) lines.push(t('org.unverifiedList', { list: s.unverified.join('; ') }));
  if ([...s.members, ...s.partners].some((m) => m.precision)) lines.push(t('org.precision'));
  return lines.join('\n');
}

/** The organization's own names for the text output (from its file's `localized`), and the era note. */
export interface OrgNames {
  readonly name: string;
  readonly short: string;
  readonly era?: string;
}

let english: OrgText | undefined;
function englishText(): OrgText {
  english ??= cliText({ ...memorylessIO, locale: 'en' }, cliOrg);
  return english;
}
const memorylessIO = { out: () => {}, err: () => {}, isTTY: false, cwd: '.', env: {} };

/** A membership status in the locale ("dialogue partner", «партнёр по диалогу», 对话伙伴). */
export function statusText(c: OrgText, status: string): string {
  const key = `status.${status}`;
  return c.t.has(key) ? c.t(key as never) : status;
}

/**
 * The facts' data notes (src/org/facts.ts writes them in English) in the locale: the four forms it
 * writes are recognised; any other note is printed as written.
 */
function factsNote(c: OrgText, note: string): string {
  const { t } = c;
  const label = (l: string) =>
    l === 'population' ? t('facts.population') : l === 'GDP' ? t('facts.gdpShort') : l;
  let m = /^(\w+): (\d{4}) not available \(the data end in (\d{4})\); (\d{4}) used$/.exec(note);
  if (m) return t('facts.noteEnd', { label: label(m[1]!), year: m[2]!, last: m[3]!, used: m[4]! });
  m = /^(\w+): (\d{4}) not available \(some members lack data for later years\); (\d{4}) used$/.exec(note);
  if (m) return t('facts.noteSome', { label: label(m[1]!), year: m[2]!, used: m[3]! });
  m = /^(\w+): no data at all for (.+) \(left out of the sum\)$/.exec(note);
  if (m) return t('facts.noteMissing', { label: label(m[1]!), list: m[2]! });
  m = /^(\w+): no year at or before (\d{4}) has data for every member$/.exec(note);
  if (m) return t('facts.noteNoYear', { label: label(m[1]!), year: m[2]! });
  return note;
}

/** ` *` for an unverified date, ` †y` / ` †m` for one verified only to the year or month. */
function mark(m: { verified: boolean; precision?: 'year' | 'month' }): string {
  return `${m.verified ? '' : ' *'}${m.precision ? ` †${m.precision[0]}` : ''}`;
}

/** "observer 2004-06-17 – 2025-09-01; partner since 2025-09-01". */
export function history(h: readonly StatusPeriod[], c: OrgText = englishText()): string {
  const { t } = c;
  return h
    .filter((p) => p.status !== 'applicant')
    .map((p) => {
      const decided =
        p.decided && p.decided !== p.from ? t('history.decided', { date: c.date(p.decided) }) : '';
      const status = statusText(c, p.status);
      return p.to
        ? t('history.period', { status, from: c.date(p.from), to: c.date(p.to), decided })
        : t('history.since', { status, from: c.date(p.from), decided });
    })
    .join(t('org.listSeparator'));
}
