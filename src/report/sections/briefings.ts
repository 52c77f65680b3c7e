/**
 * Report section: a briefing per enlargement ("India and Pakistan, 2017", "Iran, 2023", "Belarus,
 * 2024") — balance, capacity, blocking power and alignment before and after on one screen, each
 * figure with what it shows and what it does not, its data table and downloads (./../briefing.ts).
 */
import { type AlignmentResult, alignOrganization } from '../../alignment/analysis.js';
import { loadVoteData } from '../../alignment/load.js';
import { isConcordError } from '../../errors.js';
import { DEFAULT_COMPARISONS } from '../../power/capacity-options.js';
import { comparisonRules } from '../../power/load.js';
import { esc } from '../../util/html.js';
import { BRIEFINGS, type Briefing, briefing, briefingStage, figureCsv } from '../briefing.js';
import { renderBeforeAfter } from '../charts/before-after.js';
import { downloadLinks, htmlTable } from '../html.js';
import { type Locale, localeOf, numbers, punctuation, reportT } from '../i18n.js';
import { stateName as stateNameIn } from '../names.js';
import type { ReportContext, ReportSection } from '../report.js';

/** A figure's values in the locale: shares as percentages, indices with three decimals. */
const fmtIn = (locale: Locale) => {
  const n = numbers(locale);
  return (unit: 'share' | 'index') => (v: number) =>
    unit === 'share' ? n.pct(v, v < 0.01 ? 2 : 1) : n.fixed(v, 3);
};

/** The briefings of the organization on the date, written in `locale` (English by default). */
export function briefingsFor(
  ctx: Pick<ReportContext, 'ds' | 'registry' | 'orgId' | 'date'>,
  locale: Locale = 'en',
): Briefing[] {
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
  const stateName = (c: string, l: Locale) => stateNameIn(ctx.ds.countries, c, l);
  return ids.map((id) =>
    briefing(id, { org, ds: ctx.ds, registry: ctx.registry, rules, alignment, stateName }, locale),
  );
}

export function briefingHtml(b: Briefing, locale: Locale = 'en'): string {
  const t = reportT(locale);
  const n = numbers(locale);
  const fmt = fmtIn(locale);
  const gap = punctuation(locale).gap;
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
      locale,
    });
    const table = htmlTable(
      ['', f.beforeLabel, f.afterLabel],
      f.rows.map((r) => [
        r.label,
        r.before === null ? '–' : fmt(f.unit)(r.before),
        r.after === null ? '–' : fmt(f.unit)(r.after),
      ]),
      { caption: f.title, csv: '', lang: locale },
    );
    return `<figure class="briefing-figure" id="${esc(id)}">
<figcaption class="before"><strong>${esc(f.title)}</strong> <a class="permalink" href="#${esc(id)}" aria-label="${esc(t('briefing.permalink-figure'))}">#</a></figcaption>
${svg}
${downloadLinks(`${b.organization.id}-${id}`, svg, figureCsv(f), locale)}
<p class="note"><strong>${esc(t('briefing.shows'))}</strong>${gap}${esc(f.shows)}${gap}<strong>${esc(t('briefing.does-not-show'))}</strong>${gap}${esc(f.doesNotShow)}</p>
<details><summary>${esc(t('briefing.data-table'))}</summary>${table}</details>
</figure>`;
  });
  return `<article class="briefing" id="${esc(anchor)}" aria-labelledby="${esc(anchor)}-h">
<h3 id="${esc(anchor)}-h">${esc(b.title)} <a class="permalink" href="#${esc(anchor)}" aria-label="${esc(t('briefing.permalink', { title: b.title }))}">#</a></h3>
<p class="question"><strong>${esc(t('briefing.question'))}</strong>${gap}${esc(b.question)}${gap}<span class="note">${esc(t('briefing.stage', { date: n.date(b.date), before: b.membersBefore.length, after: b.membersAfter.length, joined: b.joined.join(', ') }))}</span></p>
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
    const l = localeOf(ctx);
    const t = reportT(l);
    const bs = briefingsFor(ctx, l);
    if (!bs.length) return { html: `<p class="note">${esc(t('briefing.none'))}</p>`, summary: [] };
    // The terminal summary is the CLI's, in English.
    const en = l === 'en' ? bs : briefingsFor(ctx);
    return {
      html: `<p class="note">${esc(t('briefing.intro'))}${punctuation(l).gap}${bs.map((b) => `<a href="#briefing-${esc(b.id)}">${esc(b.title)}</a>`).join(' · ')}</p>\n${bs.map((b) => briefingHtml(b, l)).join('\n')}`,
      summary: en.map((b) => `${b.title}: ${b.answer[0] ?? ''}`),
    };
  },
};
