/**
 * `concord balance <org> [--measure cinc|gdp|population|milex] [--from Y --to Y] [--pair A,B]
 * [--with ISO3,…] [--without ISO3,…] [--json]`: the balance of power inside an organization per
 * year and at each membership stage (src/balance/).
 */
import { type Command, Option } from 'commander';
import {
  type Balance,
  balance,
  type Distribution,
  MEMBERSHIP_RULE,
  STAGE_RULE,
} from '../../balance/balance.js';
import {
  caveatIn,
  type DescribeContext,
  dataYearNoteIn,
  describeSeries,
  describeStage,
  describeWhatIf,
  pairNoteIn,
  seriesNoteIn,
  yearNoteIn,
} from '../../balance/describe.js';
import type { Concentration } from '../../balance/measures.js';
import {
  BALANCE_OPTION_HELP,
  BalanceYearSchema,
  balanceOptions,
  DEFAULT_MEASURE,
  YEAR_MAX,
  YEAR_MIN,
} from '../../balance/options.js';
import { balanceCsv } from '../../balance/tidy.js';
import { MEASURE_IDS, YARDSTICKS, yardstick } from '../../balance/yardsticks.js';
import { loadDataset } from '../../data/load.js';
import { ConcordError } from '../../errors.js';
import { cliAnalysis } from '../../i18n/messages/cli-analysis/index.js';
import { cliPower } from '../../i18n/messages/cli-power/index.js';
import { report } from '../../i18n/messages/report/index.js';
import { translator } from '../../i18n/translate.js';
import { openOrganization } from '../../org/load.js';
import { organizationName, organizationShortName } from '../../org/names.js';
import type { Organization } from '../../org/schema.js';
import { displayWidth, json, table } from '../../util/format.js';
import { wrapText } from '../../util/wrap.js';
import { type CliText, cliText, type NamespaceKeys } from '../i18n.js';
import type { CliIO } from '../io.js';
import { FORMAT_OPTION_HELP, outputFormat } from '../output.js';

interface Opts {
  measure: string;
  from?: string;
  to?: string;
  pair?: string;
  with?: string;
  add?: string;
  without?: string;
  json?: boolean;
  format?: string;
}

/** A year given on the command line: four digits between 1900 and 2100. */
export function parseYear(input: string, field: string): number {
  const s = input.trim();
  if (!BalanceYearSchema.safeParse(s).success) {
    throw new ConcordError('E_USAGE', `${field}: "${input}" is not a year`, {
      path: field,
      hint: `Give a year between ${YEAR_MIN} and ${YEAR_MAX}, for example 2017.`,
      key: 'cli.balance.notYear',
      values: { field, input },
    });
  }
  return Number(s);
}

function codes(input: string | undefined): string[] {
  return (input ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

export function register(program: Command, io: CliIO): void {
  program
    .command('balance')
    .description(
      "the balance of power inside an organization: members' shares of a yardstick and their concentration, per year and at each enlargement",
    )
    .argument(
      '<org>',
      'organization id (sco, csto, asean, shanghai-five, …) or the path of an organization file',
    )
    .option('--measure <measure>', `yardstick: ${MEASURE_IDS.join(', ')}`, DEFAULT_MEASURE)
    .option('--from <year>', BALANCE_OPTION_HELP.from)
    .option('--to <year>', BALANCE_OPTION_HELP.to)
    .option('--pair <A,B>', BALANCE_OPTION_HELP.pair)
    .option('--with <ISO3,…>', BALANCE_OPTION_HELP.with)
    .addOption(new Option('--add <ISO3,…>', 'same as --with').hideHelp())
    .option('--without <ISO3,…>', BALANCE_OPTION_HELP.without)
    .option('--json', 'print JSON')
    .option('--format <fmt>', FORMAT_OPTION_HELP)
    .action((id: string, opts: Opts) => {
      const fmt = outputFormat(opts);
      const ys = yardstick(opts.measure);
      const { org, registry } = openOrganization(id, io.cwd);
      const pairCodes = opts.pair === undefined ? undefined : codes(opts.pair);
      if (pairCodes && pairCodes.length !== 2) {
        throw new ConcordError('E_USAGE', `--pair: "${opts.pair}" does not name two states`, {
          path: '--pair',
          hint: 'Give two ISO3 codes separated by a comma, e.g. --pair CHN,RUS.',
          key: 'cli.balance.pair',
          values: { pair: opts.pair ?? '' },
        });
      }
      const b = balance(
        org,
        loadDataset(),
        balanceOptions(
          {
            measure: ys.id,
            from: opts.from === undefined ? undefined : parseYear(opts.from, '--from'),
            to: opts.to === undefined ? undefined : parseYear(opts.to, '--to'),
            pair: pairCodes,
            with: [...codes(opts.with), ...codes(opts.add)],
            without: codes(opts.without),
          },
          org,
          registry,
        ),
      );
      if (fmt !== 'text') {
        io.out(fmt === 'csv' ? balanceCsv(b).replace(/\n$/, '') : json(b));
        return;
      }
      const c = cliText(io, cliAnalysis);
      io.out(
        formatBalance(b, c, {
          name: organizationName(org, c.locale),
          short: organizationShortName(org, c.locale),
          shortOf: (other, fallback) =>
            registry.has(other) ? organizationShortName(registry.get(other)!, c.locale) : fallback,
          org,
          predecessor:
            org.predecessor && registry.has(org.predecessor) ? registry.get(org.predecessor) : null,
        }),
      );
    });
}

type AnalysisText = CliText<NamespaceKeys<typeof cliAnalysis>>;

/** The names a balance is printed with (the organization file's own in the locale). */
export interface BalanceNames {
  readonly name: string;
  readonly short: string;
  /** The short name of the organization a founding is compared with, by id. */
  readonly shortOf?: (id: string, fallback: string) => string;
  /** The organization and its predecessor, whose names in the locale the sentences use. */
  readonly org?: Pick<Organization, 'shortName' | 'name' | 'localized'>;
  readonly predecessor?: Pick<Organization, 'shortName' | 'name' | 'localized'> | null;
}

/** "a → b", or "a" when both read the same. */
function arrow(a: string, b: string): string {
  return a === b ? b : `${a} → ${b}`;
}

/**
 * Word-wraps a paragraph at `width` columns, indenting continuation lines: at spaces, and in
 * Chinese between characters (src/util/wrap.ts; wide characters count two columns).
 */
export function wrap(text: string, width = 100, indent = '  '): string {
  return wrapText(text, width, indent);
}

/** The member columns: by the year they first count, then by their figure in that year. */
function memberColumns(b: Balance): string[] {
  const first = new Map<string, { year: number; value: number }>();
  for (const y of b.years) {
    for (const m of y.members) if (!first.has(m)) first.set(m, { year: y.year, value: y.values[m] ?? -1 });
  }
  return [...first]
    .sort((a, c) => a[1].year - c[1].year || c[1].value - a[1].value || a[0].localeCompare(c[0]))
    .map(([m]) => m);
}

/**
 * The balance of power as text in the locale of `c`. The library's sentences (each stage's and the
 * what-if's `sentence`, the `summary`, the year and data-year notes, the pair note and the caveat)
 * are written again in the locale by src/balance/describe.ts, with the states' names in it; English
 * prints the JSON's own text. The sources' titles stay as written.
 */
export function formatBalance(b: Balance, c: AnalysisText, names?: BalanceNames): string {
  const { t } = c;
  const en = c.locale === 'en';
  const rt = translator(report, c.locale);
  const ys = YARDSTICKS[b.measure.id];
  const l = c.locale;
  const dctx: DescribeContext = { org: names?.org ?? b.organization, ys, name: (iso3) => c.country(iso3) };
  const sentence = (s: Balance['stages'][number]) =>
    en
      ? s.sentence
      : describeStage(s, { ...dctx, predecessor: s.comparedWith ? names?.predecessor : null }, l);
  const dataNote = (note: string) => dataYearNoteIn(note, ys.id, ys.noun, l);
  const share = (x: number | null | undefined) => (x == null ? '–' : c.fixed(x * 100, 1));
  const pct = (x: number | null | undefined) => (x == null ? '–' : c.pct(x));
  const f3 = (x: number | null | undefined) => (x == null ? '–' : c.fixed(x, 3));
  const f2 = (x: number | null | undefined) => (x == null ? '–' : c.fixed(x, 2));
  const largest = (k: Concentration | null | undefined) =>
    k ? `${k.largest.iso3} ${pct(k.largest.share)}` : '–';
  const total = (x: number): string => {
    if (en) return ys.formatTotal(x).replace(/ \(.*\)$/, '');
    if (b.measure.id === 'cinc') return c.fixed(x, 4);
    return b.measure.unit === 'current US$' ? t('bal.usd', { value: c.big(x) }) : c.big(x);
  };
  const name = names?.name ?? b.organization.name;
  const short = names?.short ?? b.organization.shortName;
  const lines: string[] = [];
  const [pa, pb] = b.pair ?? ['', ''];
  const pairHead = b.pair ? `${pa}/${pb}` : t('bal.col.pair');
  const outsidePair = t('bal.col.outsidePair', { a: pa, b: pb });
  lines.push(
    t('bal.title', {
      name,
      short,
      measure: en ? b.measure.label : rt(`balance.${b.measure.id}.label`),
      from: String(b.from),
      to: String(b.to),
    }),
  );
  // The membership rule is the library's constant; the report's catalogue has its translation.
  const rule = en || b.membershipRule !== MEMBERSHIP_RULE ? b.membershipRule : rt('balance.rule-31-december');
  lines.push(wrap(t('bal.members', { rule })));
  lines.push(
    wrap(
      b.measure.segments
        ? t('bal.sourceByYear', {
            segments: b.measure.segments
              .map((g) => `${g.firstYear}–${g.lastYear} ${g.source} (${g.unit})`)
              .join(t('bal.separator')),
          })
        : t('bal.source', {
            source: b.measure.source,
            first: String(b.measure.firstYear),
            last: String(b.measure.lastYear),
          }),
    ),
  );

  const cols = memberColumns(b);
  const w = 5;
  lines.push('', t('bal.shares'));
  lines.push(
    table(
      [t('bal.col.year'), t('bal.col.total'), ...cols.map((m) => m.padStart(w)), t('bal.col.note')],
      b.years.map((y) => [
        String(y.year),
        y.total === null ? '–' : total(y.total),
        ...cols.map((m) =>
          (!y.members.includes(m)
            ? '·'
            : y.status === 'missing' && y.values[m] === null
              ? '–'
              : y.values[m] === null
                ? t('bal.noFigure')
                : share(y.shares[m])
          ).padStart(w),
        ),
        y.status === 'complete'
          ? ''
          : t('bal.yearNote', { status: y.status, note: yearNoteIn(y.note ?? '', ys.id, ys.noun, l) }),
      ]),
    ),
  );

  const pw = { t: translator(cliPower, c.locale) };
  const yes = pw.t('power.yes');
  const no = pw.t('power.no');
  lines.push('', t('bal.concentration'));
  lines.push(
    table(
      [
        t('bal.col.year'),
        'N',
        t('bal.col.largest'),
        '>½',
        t('bal.col.hhi'),
        t('bal.col.con'),
        t('bal.col.effN'),
        t('bal.col.second'),
        t('bal.col.ratio'),
        pairHead,
        t('bal.col.outsideTop2'),
        ...(b.pair ? [outsidePair] : []),
      ],
      b.years.map((y) => {
        const k = y.concentration;
        return [
          String(y.year),
          k ? String(k.n) : String(y.members.length),
          largest(k),
          k ? (k.hegemon ? yes : no) : '–',
          f3(k?.hhi),
          f3(k?.con),
          f2(k?.effectiveNumber),
          k ? `${k.second.iso3} ${pct(k.second.share)}` : '–',
          f2(k?.topTwoRatio),
          f2(y.pairRatio),
          pct(k?.outsideTopTwo),
          ...(b.pair ? [pct(y.outsidePair)] : []),
        ];
      }),
    ),
  );

  const stageRule = en || b.stageRule !== STAGE_RULE ? b.stageRule : t('bal.stageRule');
  lines.push('', wrap(t('bal.byStage', { rule: stageRule, short })));
  const dataYearNotes: string[] = [];
  const stageRows: string[][] = [];
  const side = (d: Distribution | null, label: string, newcomers: string): string[] => {
    const k = d?.concentration;
    return [
      label,
      d ? String(d.members.length) : '–',
      largest(k),
      k ? `${k.second.iso3} ${pct(k.second.share)}` : '–',
      f3(k?.hhi),
      f3(k?.con),
      pct(k?.outsideTopTwo),
      ...(b.pair ? [pct(d?.outsidePair)] : []),
      newcomers,
    ];
  };
  const before = t('bal.before');
  const after = t('bal.after');
  for (const s of b.stages) {
    const change =
      s.kind === 'founding'
        ? s.comparedWith
          ? `${names?.shortOf ? names.shortOf(s.comparedWith.id, s.comparedWith.shortName) : s.comparedWith.shortName}${s.joined.length ? ` +${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''}`
          : t('bal.founded')
        : [s.joined.length ? `+${s.joined.join(', ')}` : '', s.left.length ? `−${s.left.join(', ')}` : '']
            .filter(Boolean)
            .join(' ');
    let data = s.dataYear === null ? '–' : String(s.dataYear);
    if (s.dataYearNote) {
      data += '*';
      dataYearNotes.push(`${c.date(s.from)}: ${dataNote(s.dataYearNote)}`);
    }
    const head = [c.date(s.from), change, data];
    const blank = ['', '', ''];
    if (s.before) {
      stageRows.push([
        ...head,
        ...side(s.before, before, s.leftShare === null ? '' : `−${pct(s.leftShare)}`),
      ]);
      stageRows.push([...blank, ...side(s.after, after, s.joinedShare === null ? '' : pct(s.joinedShare))]);
    } else stageRows.push([...head, ...side(s.after, after, '')]);
  }
  lines.push(
    table(
      [
        t('bal.col.stage'),
        t('bal.col.change'),
        t('bal.col.data'),
        t('bal.col.members'),
        'N',
        t('bal.col.largest'),
        t('bal.col.second'),
        t('bal.col.hhi'),
        t('bal.col.con'),
        t('bal.col.outsideTop2'),
        ...(b.pair ? [outsidePair] : []),
        t('bal.col.newcomers'),
      ],
      stageRows,
    ),
  );
  for (const n of dataYearNotes) lines.push(wrap(`* ${n}`));

  lines.push('', t('bal.whatChanged'));
  // The date in 10 columns (an ISO date's), so that the sentence lines up with its continuation.
  const dated = (d: string) => d + ' '.repeat(Math.max(0, 10 - displayWidth(d)));
  for (const s of b.stages) lines.push(wrap(`${dated(c.date(s.from))}  ${sentence(s)}`, 100, '            '));
  if (b.hypothetical) {
    const h = b.hypothetical;
    const bc = h.before?.concentration;
    const ac = h.after?.concentration;
    lines.push(
      '',
      t('bal.whatIf', {
        year: String(h.baseYear),
        change: `${h.add.length ? ` +${h.add.join(', ')}` : ''}${h.remove.length ? ` −${h.remove.join(', ')}` : ''}`,
      }),
    );
    if (bc && ac) {
      lines.push(
        table(
          [
            t('bal.col.data'),
            'N',
            t('bal.col.largest'),
            t('bal.col.hhi'),
            t('bal.col.con'),
            t('bal.col.outsideTop2'),
            t('bal.col.newcomers'),
          ],
          [
            [
              `${h.dataYear}${h.dataYearNote ? '*' : ''}`,
              `${h.before!.members.length} → ${h.after!.members.length}`,
              bc.largest.iso3 === ac.largest.iso3
                ? `${ac.largest.iso3} ${arrow(pct(bc.largest.share), pct(ac.largest.share))}`
                : `${largest(bc)} → ${largest(ac)}`,
              arrow(f3(bc.hhi), f3(ac.hhi)),
              arrow(f3(bc.con), f3(ac.con)),
              arrow(pct(bc.outsideTopTwo), pct(ac.outsideTopTwo)),
              h.joinedShare === null ? '–' : pct(h.joinedShare),
            ],
          ],
        ),
      );
      if (h.dataYearNote) lines.push(wrap(`* ${dataNote(h.dataYearNote)}`));
    }
    lines.push(wrap(en ? h.sentence : describeWhatIf(h, dctx, l)));
  }

  lines.push('', wrap(en ? b.summary : describeSeries(b.years, { ...dctx, pair: b.pair }, l)));
  lines.push(
    '',
    wrap(
      t('bal.legend', {
        pair: pairHead,
        pairNote: pairNoteIn(b.pairNote, dctx.org, ys.id, ys.noun, l),
        outside: b.pair ? t('bal.legendOutsidePair', { a: pa, b: pb }) : '',
      }),
    ),
  );
  for (const n of b.notes)
    lines.push(wrap(pw.t('note', { note: seriesNoteIn(n, dctx.org, ys.id, ys.noun, l) })));
  lines.push(wrap(pw.t('note', { note: caveatIn(ys, l) })));
  return lines.join('\n');
}
