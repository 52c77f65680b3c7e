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
import { reportT } from '../i18n.js';
import type { ReportSection } from '../report.js';

const REFERENCE = 'USA';
/** Bootstrap resamples and null-model permutations of the report's camps. */
export const BOOTSTRAP = 1000;

const f3 = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(3));
const fx = (x: number, d: number) => (Math.abs(x) < 0.5 * 10 ** -d ? 0 : x).toFixed(d);
const pc = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);

export const alignmentSection: ReportSection = {
  id: 'alignment',
  title: 'Alignment in the UN',
  titleIn: (l) => reportT(l)('section.alignment'),
  render(ctx) {
    const org = ctx.registry.get(ctx.orgId);
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
        html: `<p class="note">No alignment figures for ${esc(org.shortName)}: ${esc(e.message)}.</p>`,
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
      title: `Agreement in the UN General Assembly, ${span}: share of identical votes`,
      labels: codes.map(label),
      names: codes.map((s) => r.states.find((x) => x.iso3 === s)!.name),
      values: agreementM,
      domain: [lo, 1],
      format: (x) => (x * 100).toFixed(0),
      italic: new Set([REFERENCE]),
      legend: '% identical votes (0 counted as a vote)',
    });
    const g = campGraph(codes, r.pairs, r.camps.weights);
    const edges = graphEdges(codes, g.weights);
    const network = renderCampsNetwork({
      id: 'alignment-camps',
      title: `Camps of the agreement graph (Louvain, κ weights), ${span}`,
      nodes: codes.map((s, i) => ({
        id: label(s),
        label: r.states[i]!.name,
        camp: r.camps.community[i]!,
        outsider: !memberSet.has(s),
      })),
      edges: edges.map((e) => ({ a: label(e.a), b: label(e.b), weight: e.weight })),
    });
    const orgStages = stages(org).slice(1);
    const series = renderSeries({
      id: 'alignment-cohesion',
      title: `Cohesion of the ${org.shortName} members in the UN General Assembly per year, ${r.window.from}–${ctx.date.slice(0, 4)}`,
      from: r.window.fromYear,
      to: Number(ctx.date.slice(0, 4)),
      series: cohesionSeries(r.cohesion.byYear),
      marks: orgStages
        .filter((s) => s.from <= ctx.date)
        .map((s) => ({
          date: s.from,
          label:
            `${s.joined.length ? `+${s.joined.join(', ')}` : ''}${s.left.length ? ` −${s.left.join(', ')}` : ''}`.trim(),
        })),
      dataEnd: data.meta.lastYear,
      yLabel: 'cohesion (0–1)',
    });
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
          : { html: `<span class="note">${esc(s.note ?? '')}</span>` },
      ]);
    const stageTable = htmlTable(
      [
        'Stage',
        'Change',
        'Before (roll calls)',
        'Old set before',
        'New set before',
        'After (roll calls)',
        'New set after',
        'Old set after',
        'Change (new after − old before)',
      ],
      stageRows,
      { caption: 'Cohesion before and after each membership stage (Agreement Index, mean over roll calls)' },
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
      ['Pair', 'Roll calls', 'Agreement', 'Agreement, yes/no only', 'κ', 'S'],
      pairRows,
      { caption: `Member pairs, ${span}` },
    );
    const campText = r.camps.camps.map((c, i) => `${i + 1}. ${c.map(label).join(', ')}`).join('; ');
    const html = `<p>Who votes with whom in the UN General Assembly, ${span}: ${r.window.rollCalls.toLocaleString('en-US')} roll calls (Voeten, Strezhnev &amp; Bailey to ${esc(data.seam ?? lastData)}, then the UN's own records of recorded votes on adopted resolutions; the data end on ${esc(lastData)}). The members in those years${laterOnly.length ? `, the later members (†: ${esc(laterOnly.join(', '))}, with their votes before they joined)` : ''} and the United States for reference (italic).</p>
${heatmap}
<p class="note">Agreement: share of roll calls on which the two cast the same vote, abstention counted as a vote. To ${esc(data.seam ?? lastData)} the source merges abstention, absence and non-membership into one code 0, counted as a vote, and a state that cast no yes or no vote in a whole session is left out of that session; from then on the UN's records tell abstention from absence, and an absent state is left out of that roll call. See docs/alignment.md. Sources: ${data.meta.sources.map((x) => `${esc(x.title)} (${escLinks(x.url)})`).join('; ')}.</p>
${network}
<p>Camps (Louvain communities of the agreement graph, weights Cohen's κ with negative values set to 0, seed ${r.camps.seed}): ${esc(campText)}; modularity Q = ${fx(r.camps.modularity, 3)}${r.camps.membersModularity !== null ? `; modularity of the partition members | others Q = ${fx(r.camps.membersModularity, 3)}` : ''}.${unc ? ` ${esc(uncertaintySentence(unc))}` : ''}</p>
${series}
<p class="note">Cohesion of the members on each vote's date (a year's value is the mean over its roll calls). The Agreement Index counts 0 (abstention) as a third option; the Rice index uses yes and no only. Marks: membership stages. From ${esc(data.seam ?? lastData)} the roll calls are resolutions voted on as a whole only (no amendment or paragraph votes).</p>
${stageTable}
<p class="note">Old set: the members before the stage; new set: after it. The new set before the stage shows what the change of composition alone does; the old set after it, whether the old members changed. ± is the standard error with roll calls taken as independent, a lower bound.</p>
<details><summary>All member pairs</summary>${pairTable}</details>
${r.notes.length ? `<p class="note">${r.notes.map(esc).join('<br>')}</p>` : ''}`;
    const summary: string[] = [];
    const cr = r.pairs.find((p) => (p.a === 'CHN' && p.b === 'RUS') || (p.a === 'RUS' && p.b === 'CHN'));
    if (cr)
      summary.push(
        `CHN–RUS: same vote on ${pc(cr.agreement)} of ${cr.rollCalls} roll calls ${span} (${pc(cr.agreementYesNo)} of the ${cr.yesNoRollCalls} where both voted yes or no); κ ${f3(cr.kappa)}`,
      );
    summary.push(
      `camps (Louvain, κ weights): ${campText}; Q = ${fx(r.camps.modularity, 3)}${unc ? `, 95% bootstrap interval ${fx(unc.bootstrap.lo, 3)}–${fx(unc.bootstrap.hi, 3)}, null 95th percentile ${fx(unc.null.hi, 3)}: ${unc.strongerThanChance ? 'stronger than chance' : 'no stronger than chance'}` : ''}`,
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
          ? `${what}: cohesion (AI) ${f3(s.before!.oldSet.agreementIndex)} before → ${f3(s.after!.newSet.agreementIndex)} after (${s.change! >= 0 ? '+' : ''}${f3(s.change)} ± ${f3(s.changeSe)}); new set before ${f3(s.before!.newSet.agreementIndex)}, old set after ${f3(s.after!.oldSet.agreementIndex)}`
          : `${what}: ${s.note}`,
      );
    }
    return { html, summary };
  },
};

/** The bootstrap and null-model figures of camps in one plain sentence. */
export function uncertaintySentence(u: CampUncertainty): string {
  const f = (x: number) => (Math.abs(x) < 0.0005 ? 0 : x).toFixed(3);
  return `A bootstrap over roll calls (${u.resamples.toLocaleString('en-US')} resamples, seed ${u.seed}) puts Q between ${f(u.bootstrap.lo)} and ${f(u.bootstrap.hi)} (95%); with the votes of each roll call shuffled among the states (${u.permutations.toLocaleString('en-US')} permutations) Louvain finds Q ${f(u.null.mean)} on average, ${f(u.null.hi)} at the 95th percentile (p = ${u.null.p.toFixed(3)}): ${u.strongerThanChance ? 'the camps are stronger than chance.' : 'the camps are no stronger than chance, and should not be read as blocs.'}`;
}
