/**
 * Report section: the balance of power inside the organization (src/balance/). Members' shares of
 * GDP and of CINC over time as stacked areas with the enlargements marked, the ratio of the two
 * leading members on every yardstick, the concentration index at each stage, and one sentence per
 * stage saying what the change did; population and military expenditure in a fold.
 */
import { type Balance, balance, MEMBERSHIP_RULE, type StageBalance } from '../../balance/balance.js';
import {
  caveatIn,
  type DescribeContext,
  describeSeries,
  describeStage,
  longDate,
  pairNoteIn,
} from '../../balance/describe.js';
import { type MeasureId, YARDSTICKS } from '../../balance/yardsticks.js';
import { isConcordError } from '../../errors.js';
import type { Organization } from '../../org/schema.js';
import { yearOf } from '../../util/dates.js';
import { pct as pctEn } from '../../util/format.js';
import { esc } from '../../util/html.js';
import { renderLines } from '../charts/lines.js';
import { PALETTE, renderStacked } from '../charts/stacked.js';
import { escLinks, htmlTable } from '../html.js';
import { type Locale, localeOf, numbers, punctuation, reportT, rich } from '../i18n.js';
import { orgNames, stateName } from '../names.js';
import type { ReportContext, ReportSection } from '../report.js';

type T = ReturnType<typeof reportT>;
const twoEn = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(2));

/** A yardstick's label and noun in the locale (English: balance/yardsticks.ts's). */
function yardstick(m: MeasureId, t: T): { label: string; noun: string } {
  if (t.locale === 'en') return { label: YARDSTICKS[m].label, noun: YARDSTICKS[m].noun };
  const label = {
    gdp: t('balance.gdp.label'),
    cinc: t('balance.cinc.label'),
    population: t('balance.population.label'),
    milex: t('balance.milex.label'),
  }[m];
  const noun = {
    gdp: t('balance.gdp.noun'),
    cinc: t('balance.cinc.noun'),
    population: t('balance.population.noun'),
    milex: t('balance.milex.noun'),
  }[m];
  return { label, noun };
}

/** The sources' own titles, which stay in English: marked as such in another language. */
const en = (html: string, l: Locale) => (l === 'en' ? html : `<span lang="en">${html}</span>`);

/** Members in the order they first count, then by size in that year: the bands and colours. */
function bandOrder(b: Balance): string[] {
  const first = new Map<string, { year: number; value: number }>();
  for (const y of b.years)
    for (const m of y.members) if (!first.has(m)) first.set(m, { year: y.year, value: y.values[m] ?? -1 });
  return [...first]
    .sort((a, c) => a[1].year - c[1].year || c[1].value - a[1].value || a[0].localeCompare(c[0]))
    .map(([m]) => m);
}

function changeLabel(s: StageBalance, t: T, registry?: ReportContext['registry']): string {
  if (s.kind === 'founding') {
    const pred = s.comparedWith && registry?.has(s.comparedWith.id) ? registry.get(s.comparedWith.id) : null;
    return s.comparedWith
      ? `${t('balance.founded')} (${pred ? orgNames(pred, t.locale).shortName : s.comparedWith.shortName}${s.joined.length ? ` +${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''})`
      : t('balance.founded');
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
  const l = localeOf(ctx);
  const t = reportT(l);
  const n = numbers(l);
  const P = punctuation(l);
  const name = (c: string) => stateName(ctx.ds.countries, c, l);
  const stages = b.stages.filter((s) => s.from <= ctx.date);
  const ys = yardstick(b.measure.id, t);
  const org = ctx.registry.has(b.organization.id) ? ctx.registry.get(b.organization.id) : null;
  const chart = renderStacked({
    id: `balance-${b.measure.id}`,
    title: t('balance.chart-title', {
      org: org ? orgNames(org, l).shortName : b.organization.shortName,
      noun: ys.noun,
      from: b.from,
      to: b.to,
    }),
    bands: bandOrder(b).map((c) => ({ key: c, label: name(c), colour: colours.get(c) ?? '#999' })),
    years: b.years.map((y) => ({ year: y.year, shares: y.concentration ? y.shares : null })),
    marks: stages
      .slice(1)
      .map((s) => ({ year: s.stageYear, label: `${s.stageYear} ${changeLabel(s, t, ctx.registry)}` })),
    locale: l,
  });
  const partial = b.years.filter((y) => y.status === 'partial');
  const day = (d: string) => (l === 'en' ? longDate(d) : n.date(d));
  // The sentences in the report's language (English: the JSON's own).
  const pred =
    org?.predecessor && ctx.registry.has(org.predecessor) ? ctx.registry.get(org.predecessor) : null;
  const dctx: DescribeContext = { org: org ?? b.organization, ys: YARDSTICKS[b.measure.id], name };
  const sentence = (s: StageBalance) =>
    l === 'en' ? s.sentence : describeStage(s, { ...dctx, predecessor: s.comparedWith ? pred : null }, l);
  const summary = l === 'en' ? b.summary : describeSeries(b.years, { ...dctx, pair: b.pair }, l);
  const sentences = stages.map(
    (s) => `<li><strong>${esc(day(s.from))}${P.stop}</strong> ${esc(sentence(s))}</li>`,
  );
  return `<figure>${chart}<figcaption class="note">${esc(summary)}${
    partial.length
      ? ` ${esc(t('balance.partial', { years: partial.map((y) => y.year).join(', '), missing: [...new Set(partial.flatMap((y) => y.missing))].join(', ') }))}`
      : ''
  } ${esc(t('balance.source'))} ${en(escLinks(b.measure.source), l)}${P.stop} ${escLinks(caveatIn(b.measure, l))}</figcaption></figure>
<h3>${esc(t('balance.stage-changes', { noun: ys.noun }))}</h3>
<ul class="balance-stages">${sentences.join('')}</ul>`;
}

export const balanceSection: ReportSection = {
  id: 'balance',
  title: 'Balance of power',
  titleIn: (l) => reportT(l)('section.balance'),
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const n = numbers(l);
    const pct = (x: number | null | undefined) => n.pct(x, 1);
    const two = (x: number | null | undefined) => n.fixed(x, 2);
    const org = ctx.registry.get(ctx.orgId);
    const short = orgNames(org, l).shortName;
    if (yearOf(ctx.date) < yearOf(org.founded)) {
      return {
        html: `<p class="note">${esc(t('balance.before-founding', { org: short, founded: n.date(org.founded) }))}</p>`,
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
        html: `<p class="note">${esc(t('balance.no-yardstick'))}</p>`,
        summary: [],
      };
    }
    // One colour per member across all charts.
    const colours = new Map<string, string>();
    for (const c of bandOrder(gdp ?? available[0]!)) colours.set(c, PALETTE[colours.size % PALETTE.length]!);
    for (const b of available)
      for (const c of bandOrder(b))
        if (!colours.has(c)) colours.set(c, PALETTE[colours.size % PALETTE.length]!);
    const name = (c: string) => stateName(ctx.ds.countries, c, l);
    const [pa, pb] = pair ?? [];

    const rule = available[0]!.membershipRule;
    const intro = `<p>${rich(t, 'balance.intro', {
      org: short,
      rule: l === 'en' ? rule : rule === MEMBERSHIP_RULE ? t('balance.rule-31-december') : rule,
    })}</p>`;

    const blocks: string[] = [];
    for (const m of ['gdp', 'cinc'] as const) {
      const b = all.get(m);
      if (b) blocks.push(`<h3>${esc(yardstick(m, t).label)}</h3>${measureBlock(b, ctx, colours)}`);
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
        label: yardstick(b.measure.id, t).noun,
        colour: ratioColours[b.measure.id],
        points: b.years.map((y) => ({ year: y.year, value: y.pairRatio })),
      }));
      const stageMarks = (gdp ?? available[0]!).stages
        .filter((s) => s.from <= ctx.date)
        .slice(1)
        .map((s) => ({ year: s.stageYear, label: `${s.stageYear}` }));
      const chart = renderLines({
        id: 'balance-ratio',
        title: t('balance.ratio-title', { a: name(pa), b: name(pb), from, to }),
        series,
        from,
        to,
        yLabel: `${pa}/${pb}`,
        reference: { value: 1, label: t('balance.parity') },
        marks: stageMarks,
        locale: l,
      });
      const lastOf = (b: Balance) => [...b.years].reverse().find((y) => y.pairRatio !== null);
      const firstOf = (b: Balance) => b.years.find((y) => y.pairRatio !== null);
      const rows = available.map((b) => {
        const f = firstOf(b);
        const l = lastOf(b);
        return [
          yardstick(b.measure.id, t).label,
          f ? `${two(f.pairRatio)} (${f.year})` : '–',
          l ? `${two(l.pairRatio)} (${l.year})` : '–',
        ];
      });
      ratio = `<h3>${esc(t('balance.pair-heading', { a: name(pa), b: name(pb) }))}</h3>
<figure>${chart}<figcaption class="note">${esc(t('balance.ratio-caption-1', { a: name(pa), b: name(pb) }))} (${esc(gdp ? pairNoteIn(gdp.pairNote, org, 'gdp', YARDSTICKS.gdp.noun, l) : '')})${punctuation(l).stop}${punctuation(l).gap}${esc(t('balance.ratio-caption-2'))}</figcaption></figure>
${htmlTable([t('balance.th.yardstick'), t('balance.th.first-year'), t('balance.th.latest-year')], rows, { caption: t('balance.ratio-table-caption', { pair: `${pa}/${pb}` }), lang: l })}`;
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
        [
          t('balance.th.stage'),
          t('balance.th.change'),
          ...available.map((b) => cap(yardstick(b.measure.id, t).noun)),
        ],
        shown.map((s, i) => [
          nowrap(s.from),
          changeLabel(s, t, ctx.registry),
          ...available.map((b) => cell(b.stages[i]!, f)),
        ]),
        { caption: title, lang: l },
      );
    const stageTables = `${stageTable(t('balance.con-caption'), conCell)}
${stageTable(t('balance.largest-caption'), largestCell)}
<p class="note">${rich(t, 'balance.stage-note')}</p>`;

    const more: string[] = [];
    for (const m of ['population', 'milex'] as const) {
      const b = all.get(m);
      if (b) more.push(`<h3>${esc(yardstick(m, t).label)}</h3>${measureBlock(b, ctx, colours)}`);
    }

    const html = `${intro}
${blocks.join('\n')}
${ratio}
<h3>${esc(t('balance.h.concentration'))}</h3>
${stageTables}
<details><summary>${esc(t('balance.more'))}</summary>${more.join('\n')}</details>`;

    const summary: string[] = [];
    if (gdp) {
      summary.push(gdp.summary);
      for (const s of gdp.stages.filter((x) => x.from <= ctx.date && x.kind !== 'founding')) {
        const b = s.before?.concentration;
        const a = s.after?.concentration;
        if (b && a)
          summary.push(
            `${s.from} ${changeLabel(s, reportT('en'))}: ${b.largest.iso3}'s share of GDP ${pctEn(b.largest.share)} → ${pctEn(s.after!.shares[b.largest.iso3])}, CON ${twoEn(b.con)} → ${twoEn(a.con)} (${s.dataYear} figures)`,
          );
      }
    }
    return { html, summary };
  },
};
