/**
 * Report section: the members' alignment in the UN General Assembly — an agreement heatmap, the
 * camps as a network, and cohesion per year with the enlargements marked, plus cohesion before and
 * after each stage. Measures in src/alignment/ (docs/alignment.md).
 */
import { type AlignmentResult, alignOrganization, campGraph, pairMatrix } from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
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
import { htmlTable } from '../html.js';
import type { ReportSection } from '../report.js';

const REFERENCE = 'USA';

const f3 = (x: number | null | undefined) => (x == null ? '–' : x.toFixed(3));
const fx = (x: number, d: number) => (Math.abs(x) < 0.5 * 10 ** -d ? 0 : x).toFixed(d);
const pc = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);

export const alignmentSection: ReportSection = {
  id: 'alignment',
  title: 'Alignment in the UN',
  render(ctx) {
    const org = ctx.registry.get(ctx.orgId);
    const data = loadVoteData();
    const from = Math.max(Number(org.founded.slice(0, 4)), data.meta.firstYear);
    const end = org.dissolved && org.dissolved < ctx.date ? org.dissolved : ctx.date;
    const to = Math.min(Number(end.slice(0, 4)), data.meta.lastYear);
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
    const memberSet = new Set(r.states.filter((s) => s.role === 'member').map((s) => s.iso3));
    const laterOnly = codes.filter((s) => !memberSet.has(s) && s !== REFERENCE);
    const label = (s: string) => (laterOnly.includes(s) ? `${s}†` : s);
    const agreementM = pairMatrix(codes, r.pairs, 'agreement');
    const values = agreementM.flat().filter((v): v is number => v !== null);
    const lo = Math.max(0, Math.floor(Math.min(...values) * 10) / 10);
    const heatmap = renderHeatmap({
      id: 'alignment-heatmap',
      title: `Agreement in the UN General Assembly, ${r.window.from}–${r.window.to}: share of identical votes`,
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
      title: `Camps of the agreement graph (Louvain, κ weights), ${r.window.from}–${r.window.to}`,
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
      from: r.window.from,
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
      { caption: `Member pairs, ${r.window.from}–${r.window.to}` },
    );
    const campText = r.camps.camps.map((c, i) => `${i + 1}. ${c.map(label).join(', ')}`).join('; ');
    const html = `<p>Who votes with whom in the UN General Assembly, ${r.window.from}–${r.window.to}: ${r.window.rollCalls.toLocaleString('en-US')} roll calls (Voeten, Strezhnev &amp; Bailey; the data end on ${esc(data.rollCalls.at(-1)!.date)}). The members in those years${laterOnly.length ? `, the later members (†: ${esc(laterOnly.join(', '))}, with their votes before they joined)` : ''} and the United States for reference (italic).</p>
${heatmap}
<p class="note">Agreement: share of roll calls on which the two cast the same vote, counting the merged code 0 (abstention, absence, or non-membership in this copy of the data) as a vote; a state that cast no yes or no vote in a whole session is left out of that session. See docs/alignment.md.</p>
${network}
<p>Camps (Louvain communities of the agreement graph, weights Cohen's κ with negative values set to 0, seed ${r.camps.seed}): ${esc(campText)}; modularity Q = ${fx(r.camps.modularity, 3)}${r.camps.membersModularity !== null ? `; modularity of the partition members | others Q = ${fx(r.camps.membersModularity, 3)}` : ''}.</p>
${series}
<p class="note">Cohesion of the members on each vote's date (a year's value is the mean over its roll calls). The Agreement Index counts 0 as a third option; the Rice index uses yes and no only. Marks: membership stages; stages after ${data.meta.lastYear} cannot be compared with votes.</p>
${stageTable}
<p class="note">Old set: the members before the stage; new set: after it. The new set before the stage shows what the change of composition alone does; the old set after it, whether the old members changed. ± is the standard error with roll calls taken as independent, a lower bound.</p>
<details><summary>All member pairs</summary>${pairTable}</details>
${r.notes.length ? `<p class="note">${r.notes.map(esc).join('<br>')}</p>` : ''}`;
    const summary: string[] = [];
    const cr = r.pairs.find((p) => (p.a === 'CHN' && p.b === 'RUS') || (p.a === 'RUS' && p.b === 'CHN'));
    if (cr)
      summary.push(
        `CHN–RUS: same vote on ${pc(cr.agreement)} of ${cr.rollCalls} roll calls ${r.window.from}–${r.window.to} (${pc(cr.agreementYesNo)} of the ${cr.yesNoRollCalls} where both voted yes or no); κ ${f3(cr.kappa)}`,
      );
    summary.push(`camps (Louvain, κ weights): ${campText}; Q = ${fx(r.camps.modularity, 3)}`);
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
