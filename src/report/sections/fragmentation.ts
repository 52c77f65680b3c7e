/**
 * Report section "Did enlargement fragment the SCO?": the seed paper's warning tested on the UN
 * General Assembly votes for each enlargement (2017, 2023, 2024): cohesion before and after with
 * its composition split, the camps of the enlarged set with their bootstrap interval and the
 * null model, and the China–Russia agreement per year. Every sentence is computed from the figures.
 */
import { type AlignmentResult, alignOrganization, type StageComparison } from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
import type { CampUncertainty } from '../../alignment/uncertainty.js';
import { isConcordError } from '../../errors.js';
import { esc } from '../../util/html.js';
import { renderSeries } from '../charts/alignment.js';
import { htmlTable } from '../html.js';
import { reportT } from '../i18n.js';
import type { ReportSection } from '../report.js';
import { BOOTSTRAP } from './alignment.js';

const f3 = (x: number | null | undefined) => (x == null ? '–' : (Math.abs(x) < 0.0005 ? 0 : x).toFixed(3));
const sg = (x: number) => `${x >= 0 ? '+' : '−'}${f3(Math.abs(x))}`;
const pc = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);

/** "fell", "rose" or "did not change measurably" (beyond two standard errors, roll calls independent). */
function direction(change: number, se: number | null): string {
  if (se !== null && Math.abs(change) <= 2 * se) return 'did not change beyond two standard errors';
  return change < 0 ? 'fell' : 'rose';
}

function campsText(u: CampUncertainty | null, camps: readonly string[][], q: number): string {
  const base = `${camps.map((c) => c.join(' ')).join(' | ')} (Q ${f3(q)}`;
  if (!u) return `${base})`;
  return `${base}, 95% interval ${f3(u.bootstrap.lo)}–${f3(u.bootstrap.hi)}; chance: ${f3(u.null.hi)} at the 95th percentile) — ${u.strongerThanChance ? 'stronger than chance' : 'no stronger than chance'}`;
}

function stageSentence(s: StageComparison): string {
  const what = s.joined.length ? `+${s.joined.join(', ')}` : `−${s.left.join(', ')}`;
  if (!s.comparable || !s.before || !s.after || s.change === null)
    return `${s.date} (${what}): ${s.note ?? 'not comparable'}.`;
  const sp = s.split!;
  const main = `${s.date} (${what}): the members' cohesion (Agreement Index) ${direction(s.change, s.changeSe)}, from ${f3(s.before.oldSet.agreementIndex)} for the ${s.membersBefore.length} before to ${f3(s.after.newSet.agreementIndex)} for the ${s.membersAfter.length} after (${sg(s.change)} ± ${f3(s.changeSe)}).`;
  const why =
    s.changeSe !== null && Math.abs(s.change) <= 2 * s.changeSe
      ? ` Split: composition ${sg(sp.composition)} (the ${s.membersAfter.length} voted at ${f3(s.before.newSet.agreementIndex)} before the stage), behaviour ${sg(sp.behaviour)}.`
      : Math.abs(sp.composition) < Math.abs(sp.behaviour)
        ? ` Most of it is behaviour, not composition: the ${s.membersAfter.length} already voted at ${f3(s.before.newSet.agreementIndex)} before the stage (composition ${sg(sp.composition)}), and the same states moved by ${sg(sp.behaviour)} after it.`
        : ` Most of it is composition: the ${s.membersAfter.length} voted at ${f3(s.before.newSet.agreementIndex)} before the stage (composition ${sg(sp.composition)}; behaviour after it ${sg(sp.behaviour)}).`;
  const u = s.after.newCampsUncertainty;
  const camps = u
    ? ` Camps of the enlarged set after the stage: ${u.strongerThanChance ? 'stronger than chance' : 'no stronger than chance'} (Q ${f3(u.observed)}, 95% interval ${f3(u.bootstrap.lo)}–${f3(u.bootstrap.hi)}, chance ${f3(u.null.hi)}).`
    : '';
  const scope =
    s.scope === 'resolutions'
      ? ' Compared on resolutions voted on as a whole (the periods cross the change of source).'
      : '';
  return main + why + camps + scope;
}

export const fragmentationSection: ReportSection = {
  id: 'fragmentation',
  title: 'Did enlargement fragment the SCO?',
  titleIn: (l) => reportT(l)('section.fragmentation'),
  // The seed paper's warning is about the SCO and its enlargements.
  applies: (ctx) => ctx.orgId === 'sco',
  render(ctx) {
    const org = ctx.registry.get(ctx.orgId);
    const data = loadVoteData();
    const lastData = data.rollCalls.at(-1)!.date;
    const first = `${data.meta.firstYear}-01-01`;
    const from = org.founded > first ? org.founded : first;
    const end = org.dissolved && org.dissolved < ctx.date ? org.dissolved : ctx.date;
    const to = end < lastData ? end : lastData;
    let r: AlignmentResult;
    try {
      r = alignOrganization(data, org, { from, to, bootstrap: BOOTSTRAP });
    } catch (e) {
      if (!isConcordError(e)) throw e;
      return {
        html: `<p class="note">No figures for ${esc(org.shortName)}: ${esc(e.message)}.</p>`,
        summary: [`no figures: ${e.message}`],
      };
    }
    const st = r.stages.filter((s) => s.date <= ctx.date && s.joined.length);
    if (!st.length)
      return {
        html: `<p class="note">${esc(org.shortName)} has had no enlargement in the data.</p>`,
        summary: [],
      };
    const rows = st.flatMap((s) =>
      (
        [
          ['before', s.before],
          ['after', s.after],
        ] as const
      ).map(([label, p]) => [
        label === 'before' ? `${s.date} +${s.joined.join(', ')}` : '',
        label,
        p ? `${p.from} – ${p.to}` : '–',
        p ? p.rollCalls : '–',
        p ? f3(p.oldSet.agreementIndex) : '–',
        p ? f3(p.newSet.agreementIndex) : '–',
        p ? campsText(p.newCampsUncertainty, p.newCamps.camps, p.newCamps.modularity) : '–',
      ]),
    );
    const table = htmlTable(
      [
        'Stage',
        '',
        'Period',
        'Roll calls',
        'Old set (members before)',
        'New set (members after)',
        'Camps of the new set (bootstrap, chance)',
      ],
      rows,
      {
        caption:
          'Cohesion (Agreement Index, mean over roll calls) of the old and the new member set, before and after each enlargement',
      },
    );
    const splitRows = st
      .filter((s) => s.split)
      .map((s) => [
        `${s.date} +${s.joined.join(', ')}`,
        `${sg(s.change!)} ± ${f3(s.changeSe)}`,
        sg(s.split!.composition),
        sg(s.split!.behaviour),
        s.scope,
      ]);
    const splitTable = htmlTable(
      [
        'Stage',
        'Change (new after − old before)',
        'of which composition',
        'of which behaviour',
        'roll calls',
      ],
      splitRows,
      {
        caption:
          'The composition split: composition = new set before − old set before (the new members alone); behaviour = new set after − new set before (the same states after the stage)',
      },
    );
    const p = r.pairByYear;
    const crChart = p
      ? renderSeries({
          id: 'fragmentation-chn-rus',
          title: `${p.a}–${p.b} agreement in the UN General Assembly per year, ${r.window.fromYear}–${r.window.toYear}`,
          from: r.window.fromYear,
          to: r.window.toYear,
          series: [
            {
              key: 'agreement',
              label: 'share of identical votes (abstention a vote)',
              points: p.years.map((y) => ({ year: y.year, value: y.agreement })),
            },
            {
              key: 'agreementYesNo',
              label: 'on the roll calls where both voted yes or no',
              points: p.years.map((y) => ({ year: y.year, value: y.agreementYesNo })),
            },
          ],
          marks: st.map((s) => ({ date: s.date, label: `+${s.joined.join(', ')}` })),
          dataEnd: r.window.toYear,
          yLabel: 'agreement (0–1)',
        })
      : '';
    const crTable = p
      ? htmlTable(
          ['Year', 'Roll calls', 'Agreement', 'Yes/no only', 'κ', 'Source'],
          p.years.map((y) => [
            String(y.year),
            y.rollCalls,
            pc(y.agreement),
            pc(y.agreementYesNo),
            f3(y.kappa),
            y.source === 'un' ? 'UN records' : y.source === 'voeten' ? 'Voeten' : (y.source ?? '–'),
          ]),
          { caption: `${p.a}–${p.b} agreement per year` },
        )
      : '';
    const fell = st.filter((s) => s.change !== null && s.changeSe !== null && s.change < -2 * s.changeSe);
    const rose = st.filter((s) => s.change !== null && s.changeSe !== null && s.change > 2 * s.changeSe);
    const lastAfter = st.at(-1)?.after;
    const lastCamps = lastAfter ? lastAfter.newCamps.camps.map((c) => c.join(' ')).join(' | ') : '';
    const chance = st.filter(
      (s) => s.after?.newCampsUncertainty && !s.after.newCampsUncertainty.strongerThanChance,
    );
    const answer = `On ${r.window.rollCalls.toLocaleString('en-US')} UN General Assembly roll calls (${esc(r.window.from)} – ${esc(r.window.to)}), cohesion fell measurably after ${fell.length} of the ${st.length} enlargements${fell.length ? ` (${fell.map((s) => s.date.slice(0, 4)).join(', ')})` : ''} and rose after ${rose.length}${rose.length ? ` (${rose.map((s) => s.date.slice(0, 4)).join(', ')})` : ''}; ${chance.length ? `the camps of the enlarged set were no stronger than chance after ${chance.length} (${chance.map((s) => s.date.slice(0, 4)).join(', ')})` : `the camps of the enlarged set were stronger than chance after every one${lastCamps ? ` (after the last: ${lastCamps})` : ''}`}. UN votes measure alignment on world affairs, not cooperation inside the SCO: read them as one indicator of the "tactical alliances" the warning names.`;
    const html = `<p>The seed paper warns that "the growing of member states' numbers without addressing the institutional gaps may lead the SCO to the fragmentation, provoking the emergence of 'tactical alliances' within itself" (Nurimbetov 2021). If enlargement fragments the organization, the members' votes in the UN General Assembly should agree less after each enlargement, the enlarged set should split into camps stronger than chance, and the founding pair, China and Russia, should drift apart.</p>
<p><strong>${answer}</strong></p>
<ul>${st.map((s) => `<li>${esc(stageSentence(s))}</li>`).join('')}</ul>
${table}
${splitTable}
<p class="note">± is the standard error with roll calls taken as independent, a lower bound. Camps: Louvain communities of the κ agreement graph; the bootstrap resamples roll calls (${BOOTSTRAP.toLocaleString('en-US')} times, seed 1); the null model shuffles each roll call's votes among the states taking part (${BOOTSTRAP.toLocaleString('en-US')} permutations) and gives the modularity Louvain finds by chance. Where a stage's periods cross ${esc(data.seam ?? '')} (Voeten's data to the UN's records), both are compared on resolutions voted on as a whole. See docs/alignment.md.</p>
${crChart}
<details><summary>${p ? `${esc(p.a)}–${esc(p.b)} agreement per year` : ''}</summary>${crTable}</details>`;
    const summary = [answer.replace(/<[^>]+>/g, ''), ...st.map(stageSentence)];
    if (p) {
      const last = p.years.filter((y) => y.agreement !== null).at(-1);
      const firstY = p.years.find((y) => y.agreement !== null);
      if (firstY && last)
        summary.push(
          `${p.a}–${p.b}: same vote on ${pc(firstY.agreement)} of the roll calls of ${firstY.year} and ${pc(last.agreement)} of ${last.year}`,
        );
    }
    return { html, summary };
  },
};
