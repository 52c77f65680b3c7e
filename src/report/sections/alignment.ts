/**
 * Report section: the members' alignment in the UN General Assembly — an agreement heatmap, the
 * camps as a network, and cohesion per year with the enlargements marked, plus cohesion before and
 * after each stage. Measures in src/alignment/ (docs/alignment.md).
 */
import {
  type AlignmentResult,
  alignOrganization,
  campGraph,
  campsUncertaintyOf,
  pairMatrix,
  selectRollCalls,
  windowLabel,
} from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
import { alignmentNoteIn } from '../../alignment/notes.js';
import type { CampUncertainty } from '../../alignment/uncertainty.js';
import { isConcordError } from '../../errors.js';
import { membersOn, stages } from '../../org/organization.js';
import { esc } from '../../util/html.js';
import {
  cohesionSeries,
  graphEdges,
  renderCampsNetwork,
  renderHeatmap,
  renderSeries,
} from '../charts/alignment.js';
import { escLinks, htmlTable } from '../html.js';
import { localeOf, numbers, punctuation, reportT, summaryT } from '../i18n.js';
import { orgNames, stateName } from '../names.js';
import type { ReportSection } from '../report.js';

const REFERENCE = 'USA';
/** Bootstrap resamples and null-model permutations of the report's camps. */
export const BOOTSTRAP = 1000;

// The terminal summary's figures (English).
const f3e = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(3));
const fxe = (x: number, d: number) => (Math.abs(x) < 0.5 * 10 ** -d ? 0 : x).toFixed(d);
const pce = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);

export const alignmentSection: ReportSection = {
  id: 'alignment',
  title: 'Alignment in the UN',
  titleIn: (l) => reportT(l)('section.alignment'),
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const n = numbers(l);
    const P = punctuation(l);
    const f3 = (x: number | null | undefined) => n.fixed(x, 3);
    const fx = (x: number, d: number) => n.fixed(Math.abs(x) < 0.5 * 10 ** -d ? 0 : x, d);
    const pc = (x: number | null | undefined) => n.pct(x, 1);
    const org = ctx.registry.get(ctx.orgId);
    const short = orgNames(org, l).shortName;
    const data = loadVoteData();
    const first = `${data.meta.firstYear}-01-01`;
    const lastData = data.rollCalls.at(-1)!.date;
    const from = org.founded > first ? org.founded : first;
    const end = org.dissolved && org.dissolved < ctx.date ? org.dissolved : ctx.date;
    const to = end < lastData ? end : lastData;
    const later = membersOn(org, ctx.date)
      .map((m) => m.iso3)
      .filter((s) => data.codes.has(s));
    let r: AlignmentResult;
    try {
      r = alignOrganization(data, org, { from, to, with: [...later, REFERENCE] });
    } catch (e) {
      if (!isConcordError(e)) throw e;
      return {
        html: `<p class="note">${esc(t('alignment.none', { org: short }))} <span lang="en">${esc(e.message)}</span>${P.stop}</p>`,
        summary: [`no figures: ${e.message}`],
      };
    }
    const codes = r.states.map((s) => s.iso3);
    const span = windowLabel(r.window);
    const unc = campsUncertaintyOf(
      data,
      codes.filter((c) => r.states.find((s) => s.iso3 === c)!.rollCalls > 0),
      selectRollCalls(data, { from, to }).indices,
      r.camps.modularity,
      { bootstrap: BOOTSTRAP, seed: r.camps.seed },
    );
    const memberSet = new Set(r.states.filter((s) => s.role === 'member').map((s) => s.iso3));
    const laterOnly = codes.filter((s) => !memberSet.has(s) && s !== REFERENCE);
    const label = (s: string) => (laterOnly.includes(s) ? `${s}†` : s);
    const agreementM = pairMatrix(codes, r.pairs, 'agreement');
    const values = agreementM.flat().filter((v): v is number => v !== null);
    const lo = Math.max(0, Math.floor(Math.min(...values) * 10) / 10);
    const heatmap = renderHeatmap({
      id: 'alignment-heatmap',
      title: t('alignment.heatmap-title', { span }),
      labels: codes.map(label),
      names: codes.map((s) =>
        l === 'en' ? r.states.find((x) => x.iso3 === s)!.name : stateName(ctx.ds.countries, s, l),
      ),
      values: agreementM,
      domain: [lo, 1],
      format: (x) => (x * 100).toFixed(0),
      italic: new Set([REFERENCE]),
      legend: t('alignment.heatmap-legend'),
      locale: l,
    });
    const g = campGraph(codes, r.pairs, r.camps.weights);
    const edges = graphEdges(codes, g.weights);
    const network = renderCampsNetwork({
      id: 'alignment-camps',
      title: t('alignment.camps-title', { span }),
      locale: l,
      nodes: codes.map((s, i) => ({
        id: label(s),
        label: l === 'en' ? r.states[i]!.name : stateName(ctx.ds.countries, s, l),
        camp: r.camps.community[i]!,
        outsider: !memberSet.has(s),
      })),
      edges: edges.map((e) => ({ a: label(e.a), b: label(e.b), weight: e.weight })),
    });
    const orgStages = stages(org).slice(1);
    const series = renderSeries({
      id: 'alignment-cohesion',
      title: t('alignment.series-title', { org: short, from: r.window.from, to: ctx.date.slice(0, 4) }),
      from: r.window.fromYear,
      to: Number(ctx.date.slice(0, 4)),
      series: cohesionSeries(r.cohesion.byYear, l),
      locale: l,
      marks: orgStages
        .filter((s) => s.from <= ctx.date)
        .map((s) => ({
          date: s.from,
          label:
            `${s.joined.length ? `+${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''}`.trim(),
        })),
      dataEnd: data.meta.lastYear,
      yLabel: t('alignment.y-label'),
    });
    // The analysis's notes in the language; one the catalogue does not know stays English, marked so.
    const noteHtml = (note: string) => {
      const own = alignmentNoteIn(note, l, short);
      return own === null
        ? `<span class="note" lang="en">${esc(note)}</span>`
        : `<span class="note">${esc(own)}</span>`;
    };
    const nowrap = (t: string) => ({ html: `<span style="white-space:nowrap">${esc(t)}</span>` });
    const stageRows = r.stages
      .filter((s) => s.date <= ctx.date)
      .map((s) => [
        nowrap(s.date),
        `${s.joined.length ? `+${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''}`.trim(),
        s.before ? nowrap(`${s.before.from} – ${s.before.to} (${s.before.rollCalls})`) : '–',
        s.before ? f3(s.before.oldSet.agreementIndex) : '–',
        s.before ? f3(s.before.newSet.agreementIndex) : '–',
        s.after ? nowrap(`${s.after.from} – ${s.after.to} (${s.after.rollCalls})`) : '–',
        s.after ? f3(s.after.newSet.agreementIndex) : '–',
        s.after ? f3(s.after.oldSet.agreementIndex) : '–',
        s.comparable
          ? `${s.change! >= 0 ? '+' : ''}${f3(s.change)} ± ${f3(s.changeSe)}`
          : { html: noteHtml(s.note ?? '') },
      ]);
    const stageTable = htmlTable(
      [
        t('alignment.th.stage'),
        t('alignment.th.change'),
        t('alignment.th.before'),
        t('alignment.th.old-before'),
        t('alignment.th.new-before'),
        t('alignment.th.after'),
        t('alignment.th.new-after'),
        t('alignment.th.old-after'),
        t('alignment.th.difference'),
      ],
      stageRows,
      { caption: t('alignment.stage-caption'), lang: l },
    );
    const pairRows = r.pairs
      .filter((p) => memberSet.has(p.a) && memberSet.has(p.b))
      .sort((a, b) => (b.agreement ?? -1) - (a.agreement ?? -1))
      .map((p) => [
        `${p.a}–${p.b}`,
        p.rollCalls,
        pc(p.agreement),
        pc(p.agreementYesNo),
        f3(p.kappa),
        f3(p.s),
      ]);
    const pairTable = htmlTable(
      [
        t('alignment.th.pair'),
        t('alignment.th.roll-calls'),
        t('alignment.th.agreement'),
        t('alignment.th.agreement-yes-no'),
        'κ',
        'S',
      ],
      pairRows,
      { caption: t('alignment.pairs-caption', { span }), lang: l },
    );
    const campText = r.camps.camps.map((c, i) => `${i + 1}. ${c.map(label).join(', ')}`).join('; ');
    const seam = n.date(data.seam ?? lastData);
    const intro = laterOnly.length
      ? t('alignment.intro-later', {
          span,
          rollCalls: n.int(r.window.rollCalls),
          seam,
          end: n.date(lastData),
          later: laterOnly.join(', '),
        })
      : t('alignment.intro', { span, rollCalls: n.int(r.window.rollCalls), seam, end: n.date(lastData) });
    const campsText = `${t('alignment.camps', { seed: r.camps.seed, camps: campText, q: fx(r.camps.modularity, 3) })}${
      r.camps.membersModularity !== null
        ? t('alignment.members-q', { q: fx(r.camps.membersModularity, 3) })
        : ''
    }${P.stop}${unc ? `${P.gap}${uncertaintySentenceIn(unc, l)}` : ''}`;
    const html = `<p>${esc(intro)}</p>
${heatmap}
<p class="note">${esc(t('alignment.agreement-note', { seam }))} ${esc(t('alignment.sources'))} ${data.meta.sources.map((x) => `${l === 'en' ? esc(x.title) : `<span lang="en">${esc(x.title)}</span>`} (${escLinks(x.url)})`).join('; ')}${P.stop}</p>
${network}
<p>${esc(campsText)}</p>
${series}
<p class="note">${esc(t('alignment.cohesion-note', { seam }))}</p>
${stageTable}
<p class="note">${esc(t('alignment.sets-note'))}</p>
<details><summary>${esc(t('alignment.all-pairs'))}</summary>${pairTable}</details>
${r.notes.length ? `<p class="note">${r.notes.map(noteHtml).join('<br>')}</p>` : ''}`;
    const summary: string[] = [];
    // The terminal summary in the locale (English: as it always read).
    const sum = summaryT(l);
    const en = l === 'en';
    const f3s = (x: number | null | undefined) => (en || x == null ? f3e(x) : n.fixed(x, 3));
    const fxs = (x: number, d: number) => (en ? fxe(x, d) : n.fixed(Math.abs(x) < 0.5 * 10 ** -d ? 0 : x, d));
    const pcs = (x: number | null | undefined) => (en || x == null ? pce(x) : n.pct(x, 1));
    const cr = r.pairs.find((p) => (p.a === 'CHN' && p.b === 'RUS') || (p.a === 'RUS' && p.b === 'CHN'));
    if (cr)
      summary.push(
        sum('alignment.pair', {
          a: 'CHN',
          b: 'RUS',
          agreement: pcs(cr.agreement),
          rollCalls: en ? String(cr.rollCalls) : n.int(cr.rollCalls),
          span: en || !span.includes(' – ') ? span : `${n.date(r.window.from)} – ${n.date(r.window.to)}`,
          yesNo: pcs(cr.agreementYesNo),
          yesNoRollCalls: en ? String(cr.yesNoRollCalls) : n.int(cr.yesNoRollCalls),
          kappa: f3s(cr.kappa),
        }),
      );
    summary.push(
      sum('alignment.camps', {
        camps: campText,
        q: fxs(r.camps.modularity, 3),
        withUncertainty: unc ? 'yes' : 'no',
        lo: unc ? fxs(unc.bootstrap.lo, 3) : '',
        hi: unc ? fxs(unc.bootstrap.hi, 3) : '',
        chance: unc ? fxs(unc.null.hi, 3) : '',
        stronger: unc?.strongerThanChance ? 'yes' : 'no',
      }),
    );
    for (const s of r.stages.filter((x) => x.date <= ctx.date)) {
      const what = [
        s.date,
        s.joined.length ? `+${s.joined.join(', ')}` : '',
        s.left.length ? `−${s.left.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      summary.push(
        s.comparable
          ? sum('alignment.stage', {
              what,
              before: f3s(s.before!.oldSet.agreementIndex),
              after: f3s(s.after!.newSet.agreementIndex),
              change: `${s.change! >= 0 ? '+' : ''}${f3s(s.change)}`,
              se: f3s(s.changeSe),
              newBefore: f3s(s.before!.newSet.agreementIndex),
              oldAfter: f3s(s.after!.oldSet.agreementIndex),
            })
          : `${what}: ${s.note ? (alignmentNoteIn(s.note, l, short) ?? s.note) : s.note}`,
      );
    }
    return { html, summary };
  },
};

/** uncertaintySentence in the report's language (English: exactly uncertaintySentence). */
function uncertaintySentenceIn(u: CampUncertainty, l: ReturnType<typeof localeOf>): string {
  if (l === 'en') return uncertaintySentence(u);
  const n = numbers(l);
  const f = (x: number) => n.fixed(Math.abs(x) < 0.0005 ? 0 : x, 3);
  return reportT(l)(
    u.strongerThanChance ? 'alignment.uncertainty-stronger' : 'alignment.uncertainty-weaker',
    {
      resamples: n.int(u.resamples),
      seed: u.seed,
      lo: f(u.bootstrap.lo),
      hi: f(u.bootstrap.hi),
      permutations: n.int(u.permutations),
      mean: f(u.null.mean),
      p95: f(u.null.hi),
      p: n.fixed(u.null.p, 3),
    },
  );
}

/** The bootstrap and null-model figures of camps in one plain sentence. */
export function uncertaintySentence(u: CampUncertainty): string {
  const f = (x: number) => (Math.abs(x) < 0.0005 ? 0 : x).toFixed(3);
  return `A bootstrap over roll calls (${u.resamples.toLocaleString('en-US')} resamples, seed ${u.seed}) puts Q between ${f(u.bootstrap.lo)} and ${f(u.bootstrap.hi)} (95%); with the votes of each roll call shuffled among the states (${u.permutations.toLocaleString('en-US')} permutations) Louvain finds Q ${f(u.null.mean)} on average, ${f(u.null.hi)} at the 95th percentile (p = ${u.null.p.toFixed(3)}): ${u.strongerThanChance ? 'the camps are stronger than chance.' : 'the camps are no stronger than chance, and should not be read as blocs.'}`;
}
