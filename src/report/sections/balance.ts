/**
 * Report section: the balance of power inside the organization (src/balance/). Members' shares of
 * GDP and of CINC over time as stacked areas with the enlargements marked, the ratio of the two
 * leading members on every yardstick, the concentration index at each stage, and one sentence per
 * stage saying what the change did; population and military expenditure in a fold.
 */
import { type Balance, balance, type StageBalance } from '../../balance/balance.js';
import { longDate } from '../../balance/describe.js';
import { type MeasureId, YARDSTICKS } from '../../balance/yardsticks.js';
import { isConcordError } from '../../errors.js';
import type { Organization } from '../../org/schema.js';
import { yearOf } from '../../util/dates.js';
import { esc } from '../../util/html.js';
import { renderLines } from '../charts/lines.js';
import { PALETTE, renderStacked } from '../charts/stacked.js';
import { escLinks, htmlTable } from '../html.js';
import { reportT } from '../i18n.js';
import type { ReportContext, ReportSection } from '../report.js';

const pct = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);
const two = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(2));

/** Members in the order they first count, then by size in that year: the bands and colours. */
function bandOrder(b: Balance): string[] {
  const first = new Map<string, { year: number; value: number }>();
  for (const y of b.years)
    for (const m of y.members) if (!first.has(m)) first.set(m, { year: y.year, value: y.values[m] ?? -1 });
  return [...first]
    .sort((a, c) => a[1].year - c[1].year || c[1].value - a[1].value || a[0].localeCompare(c[0]))
    .map(([m]) => m);
}

function changeLabel(s: StageBalance): string {
  if (s.kind === 'founding') {
    return s.comparedWith
      ? `founded (${s.comparedWith.shortName}${s.joined.length ? ` +${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''})`
      : 'founded';
  }
  return [s.joined.length ? `+${s.joined.join(', ')}` : '', s.left.length ? `−${s.left.join(', ')}` : '']
    .filter(Boolean)
    .join(' ');
}

function compute(
  ctx: ReportContext,
  org: Organization,
  measure: MeasureId,
  pair?: [string, string],
): Balance | null {
  const ys = YARDSTICKS[measure];
  const series = ys.series(ctx.ds);
  const to = Math.min(yearOf(ctx.date), series.lastYear);
  try {
    return balance(org, ctx.ds, {
      measure,
      to,
      ...(pair ? { pair } : {}),
      ...(org.predecessor && ctx.registry.has(org.predecessor)
        ? { predecessor: ctx.registry.get(org.predecessor) }
        : {}),
    });
  } catch (e) {
    if (isConcordError(e)) return null;
    throw e;
  }
}

function measureBlock(b: Balance, ctx: ReportContext, colours: Map<string, string>): string {
  const name = (c: string) => ctx.ds.countries.get(c)?.name ?? c;
  const stages = b.stages.filter((s) => s.from <= ctx.date);
  const chart = renderStacked({
    id: `balance-${b.measure.id}`,
    title: `Members' shares of the ${b.organization.shortName}'s ${YARDSTICKS[b.measure.id].noun}, ${b.from}–${b.to} (members on 31 December)`,
    bands: bandOrder(b).map((c) => ({ key: c, label: name(c), colour: colours.get(c) ?? '#999' })),
    years: b.years.map((y) => ({ year: y.year, shares: y.concentration ? y.shares : null })),
    marks: stages.slice(1).map((s) => ({ year: s.stageYear, label: `${s.stageYear} ${changeLabel(s)}` })),
  });
  const partial = b.years.filter((y) => y.status === 'partial');
  const sentences = stages.map(
    (s) => `<li><strong>${esc(longDate(s.from))}.</strong> ${esc(s.sentence)}</li>`,
  );
  return `<figure>${chart}<figcaption class="note">${esc(b.summary)}${
    partial.length
      ? ` Years ${partial.map((y) => y.year).join(', ')} lack figures for ${[...new Set(partial.flatMap((y) => y.missing))].join(', ')}: their shares are of the other members.`
      : ''
  } Source: ${escLinks(b.measure.source)}. ${escLinks(b.measure.caveat)}</figcaption></figure>
<h3>What each stage changed: ${esc(YARDSTICKS[b.measure.id].noun)}</h3>
<ul class="balance-stages">${sentences.join('')}</ul>`;
}

export const balanceSection: ReportSection = {
  id: 'balance',
  title: 'Balance of power',
  titleIn: (l) => reportT(l)('section.balance'),
  render(ctx) {
    const org = ctx.registry.get(ctx.orgId);
    if (yearOf(ctx.date) < yearOf(org.founded)) {
      return {
        html: `<p class="note">${esc(org.shortName)} was founded on ${esc(org.founded)}: no balance of power among its members before then.</p>`,
        summary: [],
      };
    }
    const gdp = compute(ctx, org, 'gdp');
    const pair = gdp?.pair ?? undefined;
    const order: MeasureId[] = ['gdp', 'cinc', 'population', 'milex'];
    const all = new Map<MeasureId, Balance | null>(
      order.map((m) => [m, m === 'gdp' ? gdp : compute(ctx, org, m, pair ?? undefined)]),
    );
    const available = [...all.values()].filter((b): b is Balance => b !== null);
    if (!available.length) {
      return {
        html: '<p class="note">No yardstick has figures for two or more members in the years of the organization.</p>',
        summary: [],
      };
    }
    // One colour per member across all charts.
    const colours = new Map<string, string>();
    for (const c of bandOrder(gdp ?? available[0]!)) colours.set(c, PALETTE[colours.size % PALETTE.length]!);
    for (const b of available)
      for (const c of bandOrder(b))
        if (!colours.has(c)) colours.set(c, PALETTE[colours.size % PALETTE.length]!);
    const name = (c: string) => ctx.ds.countries.get(c)?.name ?? c;
    const [pa, pb] = pair ?? [];

    const intro = `<p>How the members' power is spread inside the ${esc(org.shortName)}: each member's share of the members' total on four yardsticks, and how concentrated those shares are. A year counts the ${esc(available[0]!.membershipRule)}. <strong>CON</strong> is the Ray–Singer concentration index √((HHI − 1/N)/(1 − 1/N)), 0 when all N members are equal and 1 when one holds everything; HHI = Σ share². A member holding more than half outweighs all the others together. Each enlargement is measured on one year's figures — the members before against the members after — so the change is due to the new members alone (docs/balance.md).</p>`;

    const blocks: string[] = [];
    for (const m of ['gdp', 'cinc'] as const) {
      const b = all.get(m);
      if (b) blocks.push(`<h3>${esc(YARDSTICKS[m].label)}</h3>${measureBlock(b, ctx, colours)}`);
    }

    // The ratio of the pair on every yardstick.
    let ratio = '';
    if (pa && pb) {
      const years = available.flatMap((b) => b.years.map((y) => y.year));
      const from = Math.min(...years);
      const to = Math.max(...years);
      const ratioColours: Record<MeasureId, string> = {
        gdp: '#1f77b4',
        cinc: '#d62728',
        population: '#2ca02c',
        milex: '#9467bd',
      };
      const series = available.map((b) => ({
        key: b.measure.id,
        label: YARDSTICKS[b.measure.id].noun,
        colour: ratioColours[b.measure.id],
        points: b.years.map((y) => ({ year: y.year, value: y.pairRatio })),
      }));
      const stageMarks = (gdp ?? available[0]!).stages
        .filter((s) => s.from <= ctx.date)
        .slice(1)
        .map((s) => ({ year: s.stageYear, label: `${s.stageYear}` }));
      const chart = renderLines({
        id: 'balance-ratio',
        title: `${name(pa)} to ${name(pb)}: the ratio of their figures on each yardstick, ${from}–${to}`,
        series,
        from,
        to,
        yLabel: `${pa}/${pb}`,
        reference: { value: 1, label: 'parity' },
        marks: stageMarks,
      });
      const lastOf = (b: Balance) => [...b.years].reverse().find((y) => y.pairRatio !== null);
      const firstOf = (b: Balance) => b.years.find((y) => y.pairRatio !== null);
      const rows = available.map((b) => {
        const f = firstOf(b);
        const l = lastOf(b);
        return [
          YARDSTICKS[b.measure.id].label,
          f ? `${two(f.pairRatio)} (${f.year})` : '–',
          l ? `${two(l.pairRatio)} (${l.year})` : '–',
        ];
      });
      ratio = `<h3>${esc(name(pa))} and ${esc(name(pb))}</h3>
<figure>${chart}<figcaption class="note">The ratio of ${esc(name(pa))}'s figure to ${esc(name(pb))}'s, year by year (${esc(gdp?.pairNote ?? '')}). An enlargement cannot move this ratio; it changes the two members' shares and the weight of the others.</figcaption></figure>
${htmlTable(['Yardstick', 'First year', 'Latest year'], rows, { caption: `${pa}/${pb}: first and latest ratio` })}`;
    }

    // Concentration and the largest share by stage, on every yardstick.
    const ref = gdp ?? available[0]!;
    const shown = ref.stages.filter((s) => s.from <= ctx.date);
    const nowrap = (t: string) => ({ html: `<span style="white-space:nowrap">${esc(t)}</span>` });
    const cell = (st: StageBalance, f: (st: StageBalance) => string) => {
      if (!st.after?.concentration) return '–';
      const dy = st.dataYear !== st.stageYear ? ` (${st.dataYear}*)` : '';
      return nowrap(`${f(st)}${dy}`);
    };
    const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
    const conCell = (st: StageBalance) => {
      const b = st.before?.concentration;
      const a = st.after!.concentration!;
      return b ? `${two(b.con)} → ${two(a.con)}` : two(a.con);
    };
    const largestCell = (st: StageBalance) => {
      const b = st.before?.concentration;
      const a = st.after!.concentration!;
      if (b && b.largest.iso3 === a.largest.iso3)
        return `${a.largest.iso3} ${pct(b.largest.share)} → ${pct(a.largest.share)}`;
      return `${b ? `${b.largest.iso3} ${pct(b.largest.share)} → ` : ''}${a.largest.iso3} ${pct(a.largest.share)}`;
    };
    const stageTable = (title: string, f: (st: StageBalance) => string) =>
      htmlTable(
        ['Stage', 'Change', ...available.map((b) => cap(YARDSTICKS[b.measure.id].noun))],
        shown.map((s, i) => [nowrap(s.from), changeLabel(s), ...available.map((b) => cell(b.stages[i]!, f))]),
        { caption: title },
      );
    const stageTables = `${stageTable('Concentration (CON) at each stage: the members before → after, on one year’s figures', conCell)}
${stageTable('The largest member’s share at each stage: before → after', largestCell)}
<p class="note">Each change is measured on the figures of the stage’s year; * marks an earlier year (named), when the stage’s year has no figures for every state involved (CINC and military expenditure end in 2016). CON is normalised for the number of members, so a small newcomer can raise it while lowering the largest member's share: the shares become more unequal even as the leader's weight falls (HHI, in <code>concord balance</code>, falls).</p>`;

    const more: string[] = [];
    for (const m of ['population', 'milex'] as const) {
      const b = all.get(m);
      if (b) more.push(`<h3>${esc(YARDSTICKS[m].label)}</h3>${measureBlock(b, ctx, colours)}`);
    }

    const html = `${intro}
${blocks.join('\n')}
${ratio}
<h3>Concentration by stage</h3>
${stageTables}
<details><summary>Population and military expenditure</summary>${more.join('\n')}</details>`;

    const summary: string[] = [];
    if (gdp) {
      summary.push(gdp.summary);
      for (const s of gdp.stages.filter((x) => x.from <= ctx.date && x.kind !== 'founding')) {
        const b = s.before?.concentration;
        const a = s.after?.concentration;
        if (b && a)
          summary.push(
            `${s.from} ${changeLabel(s)}: ${b.largest.iso3}'s share of GDP ${pct(b.largest.share)} → ${pct(s.after!.shares[b.largest.iso3])}, CON ${two(b.con)} → ${two(a.con)} (${s.dataYear} figures)`,
          );
      }
    }
    return { html, summary };
  },
};
