/**
 * `concord balance <org> [--measure cinc|gdp|population|milex] [--from Y --to Y] [--pair A,B]
 * [--with ISO3,…] [--without ISO3,…] [--json]`: the balance of power inside an organization per
 * year and at each membership stage (src/balance/).
 */
import { type Command, Option } from 'commander';
import { type Balance, balance, type Distribution } from '../../balance/balance.js';
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
import { openOrganization } from '../../org/load.js';
import { json, table } from '../../util/format.js';
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
      io.out(fmt === 'csv' ? balanceCsv(b).replace(/\n$/, '') : fmt === 'json' ? json(b) : formatBalance(b));
    });
}

const share = (x: number | null | undefined) => (x == null ? '–' : (x * 100).toFixed(1));
const pct = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);
const f3 = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(3));
const f2 = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(2));

/** "a → b", or "a" when both read the same. */
function arrow(a: string, b: string): string {
  return a === b ? b : `${a} → ${b}`;
}

/** Word-wraps a paragraph at `width`, indenting continuation lines. */
export function wrap(text: string, width = 100, indent = '  '): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
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

function largest(c: Concentration | null | undefined): string {
  return c ? `${c.largest.iso3} ${pct(c.largest.share)}` : '–';
}

export function formatBalance(b: Balance): string {
  const ys = YARDSTICKS[b.measure.id];
  const lines: string[] = [];
  const [pa, pb] = b.pair ?? ['', ''];
  const pairHead = b.pair ? `${pa}/${pb}` : 'pair';
  lines.push(
    `Balance of power in the ${b.organization.name} (${b.organization.shortName}): ${b.measure.label}, ${b.from}–${b.to}`,
  );
  lines.push(wrap(`Members counted: the ${b.membershipRule}.`));
  lines.push(
    wrap(
      b.measure.segments
        ? `Source by year: ${b.measure.segments.map((g) => `${g.firstYear}–${g.lastYear} ${g.source} (${g.unit})`).join('; ')}. Shares are of the members' total.`
        : `Source: ${b.measure.source} (${b.measure.firstYear}–${b.measure.lastYear}). Shares are of the members' total.`,
    ),
  );

  const cols = memberColumns(b);
  const w = 5;
  lines.push('', "Shares of the members' total, %  (· not a member; n/a no figure)");
  lines.push(
    table(
      ['year', 'total', ...cols.map((c) => c.padStart(w)), 'note'],
      b.years.map((y) => [
        String(y.year),
        y.total === null ? '–' : ys.formatTotal(y.total).replace(/ \(.*\)$/, ''),
        ...cols.map((c) =>
          (!y.members.includes(c)
            ? '·'
            : y.status === 'missing' && y.values[c] === null
              ? '–'
              : y.values[c] === null
                ? 'n/a'
                : share(y.shares[c])
          ).padStart(w),
        ),
        y.status === 'complete' ? '' : `${y.status}: ${y.note}`,
      ]),
    ),
  );

  lines.push('', 'Concentration');
  lines.push(
    table(
      [
        'year',
        'N',
        'largest',
        '>½',
        'HHI',
        'CON',
        'eff. N',
        'second',
        '1st/2nd',
        pairHead,
        'outside top 2',
        ...(b.pair ? [`outside ${pa}+${pb}`] : []),
      ],
      b.years.map((y) => {
        const c = y.concentration;
        return [
          String(y.year),
          c ? String(c.n) : String(y.members.length),
          largest(c),
          c ? (c.hegemon ? 'yes' : 'no') : '–',
          f3(c?.hhi),
          f3(c?.con),
          f2(c?.effectiveNumber),
          c ? `${c.second.iso3} ${pct(c.second.share)}` : '–',
          f2(c?.topTwoRatio),
          f2(y.pairRatio),
          pct(c?.outsideTopTwo),
          ...(b.pair ? [pct(y.outsidePair)] : []),
        ];
      }),
    ),
  );

  lines.push(
    '',
    wrap(
      `By membership stage (${b.stageRule}; the ${b.organization.shortName}'s founding is compared with its predecessor where there is one)`,
    ),
  );
  const dataYearNotes: string[] = [];
  const stageRows: string[][] = [];
  const side = (d: Distribution | null, label: string, newcomers: string): string[] => {
    const c = d?.concentration;
    return [
      label,
      d ? String(d.members.length) : '–',
      largest(c),
      c ? `${c.second.iso3} ${pct(c.second.share)}` : '–',
      f3(c?.hhi),
      f3(c?.con),
      pct(c?.outsideTopTwo),
      ...(b.pair ? [pct(d?.outsidePair)] : []),
      newcomers,
    ];
  };
  for (const s of b.stages) {
    const change =
      s.kind === 'founding'
        ? s.comparedWith
          ? `${s.comparedWith.shortName}${s.joined.length ? ` +${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''}`
          : 'founded'
        : [s.joined.length ? `+${s.joined.join(', ')}` : '', s.left.length ? `−${s.left.join(', ')}` : '']
            .filter(Boolean)
            .join(' ');
    let data = s.dataYear === null ? '–' : String(s.dataYear);
    if (s.dataYearNote) {
      data += '*';
      dataYearNotes.push(`${s.from}: ${s.dataYearNote}`);
    }
    const head = [s.from, change, data];
    const blank = ['', '', ''];
    if (s.before) {
      stageRows.push([
        ...head,
        ...side(s.before, 'before', s.leftShare === null ? '' : `−${pct(s.leftShare)}`),
      ]);
      stageRows.push([...blank, ...side(s.after, 'after', s.joinedShare === null ? '' : pct(s.joinedShare))]);
    } else stageRows.push([...head, ...side(s.after, 'after', '')]);
  }
  lines.push(
    table(
      [
        'stage',
        'change',
        'data',
        'members',
        'N',
        'largest',
        'second',
        'HHI',
        'CON',
        'outside top 2',
        ...(b.pair ? [`outside ${pa}+${pb}`] : []),
        'newcomers',
      ],
      stageRows,
    ),
  );
  for (const n of dataYearNotes) lines.push(wrap(`* ${n}`));

  lines.push('', 'What changed');
  for (const s of b.stages) lines.push(wrap(`${s.from}  ${s.sentence}`, 100, '            '));
  if (b.hypothetical) {
    const h = b.hypothetical;
    const bc = h.before?.concentration;
    const ac = h.after?.concentration;
    lines.push(
      '',
      `What if (members of 31 December ${h.baseYear}${h.add.length ? ` +${h.add.join(', ')}` : ''}${h.remove.length ? ` −${h.remove.join(', ')}` : ''})`,
    );
    if (bc && ac) {
      lines.push(
        table(
          ['data', 'N', 'largest', 'HHI', 'CON', 'outside top 2', 'newcomers'],
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
      if (h.dataYearNote) lines.push(wrap(`* ${h.dataYearNote}`));
    }
    lines.push(wrap(h.sentence));
  }

  lines.push('', wrap(b.summary));
  lines.push(
    '',
    wrap(
      `HHI = Σ share² (Herfindahl–Hirschman); CON = √((HHI − 1/N)/(1 − 1/N)) (Ray & Singer 1973), 0 for equal shares, 1 for one member holding all; eff. N = 1/HHI; >½: the largest member outweighs all the others together; ${pairHead}: ratio of the two members' figures (${b.pairNote}); outside top 2${b.pair ? ` / outside ${pa}+${pb}` : ''}: the other members' share; newcomers: their share of the enlarged total. See docs/balance.md.`,
    ),
  );
  for (const n of b.notes) lines.push(wrap(`note: ${n}`));
  lines.push(wrap(`note: ${ys.caveat}`));
  return lines.join('\n');
}
