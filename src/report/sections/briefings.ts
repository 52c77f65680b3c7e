/**
 * Report section: a briefing per enlargement ("India and Pakistan, 2017", "Iran, 2023", "Belarus,
 * 2024") — balance, capacity, blocking power and alignment before and after on one screen, each
 * figure with what it shows and what it does not, its data table and downloads (./../briefing.ts).
 */
import { type AlignmentResult, alignOrganization } from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
import { isConcordError } from '../../errors.js';
import { comparisonRules, DEFAULT_COMPARISONS } from '../../power/load.js';
import { esc } from '../../util/html.js';
import { BRIEFINGS, type Briefing, briefing, briefingStage, figureCsv } from '../briefing.js';
import { renderBeforeAfter } from '../charts/before-after.js';
import { downloadLinks, htmlTable } from '../html.js';
import { reportT } from '../i18n.js';
import type { ReportContext, ReportSection } from '../report.js';

const fmt = (unit: 'share' | 'index') => (v: number) =>
  unit === 'share' ? `${(v * 100).toFixed(v < 0.01 ? 2 : 1)}%` : v.toFixed(3);

export function briefingsFor(ctx: Pick<ReportContext, 'ds' | 'registry' | 'orgId' | 'date'>): Briefing[] {
  const org = ctx.registry.get(ctx.orgId);
  const ids = BRIEFINGS.filter((b) => {
    try {
      return briefingStage(org, b.id).stage.from <= ctx.date;
    } catch {
      return false;
    }
  }).map((b) => b.id);
  if (!ids.length) return [];
  let alignment: AlignmentResult | null = null;
  try {
    alignment = alignOrganization(loadVoteData(), org, {});
  } catch (e) {
    if (!isConcordError(e)) throw e;
  }
  const rules = comparisonRules(org.rule, [...DEFAULT_COMPARISONS], process.cwd());
  return ids.map((id) => briefing(id, { org, ds: ctx.ds, registry: ctx.registry, rules, alignment }));
}

export function briefingHtml(b: Briefing): string {
  const anchor = `briefing-${b.id}`;
  const figures = b.figures.map((f) => {
    const id = `${anchor}-${f.id}`;
    const svg = renderBeforeAfter({
      id: `${id}-chart`,
      title: f.title,
      description: `${f.shows} ${f.doesNotShow}`,
      rows: f.rows,
      beforeLabel: f.beforeLabel,
      afterLabel: f.afterLabel,
      format: fmt(f.unit),
      ...(f.unit === 'index' ? { max: 1 } : {}),
    });
    const table = htmlTable(
      ['', f.beforeLabel, f.afterLabel],
      f.rows.map((r) => [
        r.label,
        r.before === null ? '–' : fmt(f.unit)(r.before),
        r.after === null ? '–' : fmt(f.unit)(r.after),
      ]),
      { caption: f.title, csv: '' },
    );
    return `<figure class="briefing-figure" id="${esc(id)}">
<figcaption class="before"><strong>${esc(f.title)}</strong> <a class="permalink" href="#${esc(id)}" aria-label="Permalink to this figure">#</a></figcaption>
${svg}
${downloadLinks(`${b.organization.id}-${id}`, svg, figureCsv(f))}
<p class="note"><strong>Shows:</strong> ${esc(f.shows)} <strong>Does not show:</strong> ${esc(f.doesNotShow)}</p>
<details><summary>Data table</summary>${table}</details>
</figure>`;
  });
  return `<article class="briefing" id="${esc(anchor)}" aria-labelledby="${esc(anchor)}-h">
<h3 id="${esc(anchor)}-h">${esc(b.title)} <a class="permalink" href="#${esc(anchor)}" aria-label="Permalink to ${esc(b.title)}">#</a></h3>
<p class="question"><strong>The question:</strong> ${esc(b.question)} <span class="note">(stage of ${esc(b.date)}: ${esc(b.membersBefore.length)} → ${esc(b.membersAfter.length)} members, +${esc(b.joined.join(', '))})</span></p>
<ul class="answer">${b.answer.map((a) => `<li>${esc(a)}</li>`).join('')}</ul>
<div class="briefing-grid">${figures.join('\n')}</div>
${b.notes.length ? `<p class="note">${b.notes.map(esc).join('<br>')}</p>` : ''}
</article>`;
}

export const briefingsSection: ReportSection = {
  id: 'briefings',
  title: 'Enlargement briefings',
  titleIn: (l) => reportT(l)('section.briefings'),
  render(ctx) {
    const bs = briefingsFor(ctx);
    if (!bs.length)
      return { html: '<p class="note">No enlargement briefing for this organization.</p>', summary: [] };
    return {
      html: `<p class="note">One view per enlargement: the balance among the members, the capacity to decide, blocking power and alignment, before and after. ${bs.map((b) => `<a href="#briefing-${esc(b.id)}">${esc(b.title)}</a>`).join(' · ')}</p>\n${bs.map(briefingHtml).join('\n')}`,
      summary: bs.map((b) => `${b.title}: ${b.answer[0] ?? ''}`),
    };
  },
};
