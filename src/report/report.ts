/**
 * The report: a self-contained HTML file (inline CSS and SVG, no scripts, no network) built from
 * sections, plus a terminal summary. A section is a module in ./sections/ that renders HTML and a
 * few summary lines from the shared context; later capabilities plug in by adding a section to the
 * list in ./sections/index.ts.
 */
import type { Topology } from 'topojson-specification';
import type { ClaimsFile } from '../claims/schema.js';
import type { Dataset } from '../data/dataset.js';
import type { Locale } from '../i18n/locale.js';
import type { OrganizationRegistry } from '../org/registry.js';
import type { IsoDate } from '../util/dates.js';
import { esc } from '../util/html.js';
import { escLinks, withChartDownloads } from './html.js';
import { localeOf, numbers, reportT } from './i18n.js';
import { orgNames } from './names.js';

export interface ReportContext {
  readonly ds: Dataset;
  readonly registry: OrganizationRegistry;
  readonly orgId: string;
  readonly date: IsoDate;
  readonly topology: Topology;
  readonly claims: ClaimsFile;
  /** True when the user gave the claims file: its claims show even if it names no organization. */
  readonly claimsGiven?: boolean;
  readonly version: string;
  readonly generatedAt: string;
  /** The language the report is written in (English when absent). */
  readonly locale?: Locale;
}

export interface SectionOutput {
  readonly html: string;
  /** Lines for the terminal summary. */
  readonly summary: readonly string[];
}

export interface ReportSection {
  readonly id: string;
  /** The title in English (the JSON list of sections keeps it; the terminal summary prints `titleIn`). */
  readonly title: string;
  /** The title in a locale (from the section's catalogue); absent: `title` in every language. */
  titleIn?(locale: Locale): string;
  /** False when the section has no content for the organization: the report leaves it out. */
  applies?(ctx: ReportContext): boolean;
  render(ctx: ReportContext): SectionOutput | Promise<SectionOutput>;
}

export interface RenderedReport {
  readonly html: string;
  readonly summary: string;
  readonly sections: ReadonlyArray<{ id: string; title: string }>;
}

const CSS = `
:root { --ink:#1d2733; --muted:#5b6672; --line:#d8dee4; --accent:#1f4e9c; }
* { box-sizing: border-box; }
html:lang(zh-Hans) body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", system-ui, sans-serif; line-height: 1.65; }
html:lang(ru) body { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif; hyphens: auto; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); margin: 0; background: #fff; overflow-wrap: break-word; }
header { background: #12324f; color: #fff; padding: 1.5rem 2rem; }
header h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
header p { margin: 0; color: #d5e2ee; }
nav.toc { padding: .6rem 2rem; border-bottom: 1px solid var(--line); background: #f7f9fb; }
nav.toc h2 { font-size: 1rem; border: 0; margin: 0 0 .2rem; padding: 0; }
nav.toc ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .1rem 1.2rem; counter-reset: toc; }
nav.toc li { counter-increment: toc; }
nav.toc li::before { content: counter(toc) ". "; color: var(--muted); }
nav.toc a { color: var(--accent); text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem 3rem; }
section { margin: 2rem 0; }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
a.permalink { color: var(--muted); text-decoration: none; font-weight: 400; margin-left: .4rem; font-size: .85em; }
a.permalink:hover, a.permalink:focus { color: var(--accent); text-decoration: underline; }
svg { width: 100%; height: auto; display: block; }
figure { margin: 1rem 0; }
.table-scroll { max-width: 100%; overflow-x: auto; margin: .8rem 0; }
.table-scroll:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
table { border-collapse: collapse; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
td { max-width: 36rem; }
th { background: #eef2f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.verdict-holds { color: #176b2c; font-weight: 600; }
.verdict-approximately { color: #8a5a00; font-weight: 600; }
.verdict-does-not-hold { color: #a3161b; font-weight: 600; }
.note { color: var(--muted); font-size: .9rem; }
.unverified { color: #8a5a00; }
.downloads { font-size: .85rem; margin: .2rem 0 .6rem; }
.briefing-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(440px, 100%), 1fr)); gap: .6rem 1.2rem; }
.briefing-figure { margin: .4rem 0; min-width: 0; }
.briefing-figure svg { max-width: 640px; }
.question { font-size: 1.02rem; }
ul.answer { margin: .3rem 0 .8rem; }
.downloads a { margin-right: .8rem; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding: 1rem 2rem; }
@media (max-width: 700px) {
  header, nav.toc, footer { padding-left: 1rem; padding-right: 1rem; }
  main { padding: .5rem 1rem 2rem; }
  nav.toc ol { display: block; }
}
@media print {
  body { font-size: 10.5pt; }
  header { background: none; color: var(--ink); padding: 0 0 .5rem; border-bottom: 2px solid var(--accent); }
  header p { color: var(--muted); }
  nav.toc { background: none; padding: .5rem 0; border: 0; }
  main { max-width: none; padding: 0; }
  section { break-before: page; margin: 0; }
  article.briefing:not(:first-of-type) { break-before: page; }
  nav.toc ol { display: block; }
  .briefing-grid { display: block; }
  details > summary { display: none; }
  h2, h3, caption, figcaption.before { break-after: avoid; page-break-after: avoid; }
  h2, h3 { break-inside: avoid; }
  figure, svg, tr, .keep { break-inside: avoid; page-break-inside: avoid; }
  .table-scroll { overflow: visible; }
  thead { display: table-header-group; }
  a.permalink, .downloads { display: none; }
  a { color: var(--ink); text-decoration: none; }
}
`;

export async function renderReport(
  sections: readonly ReportSection[],
  ctx: ReportContext,
): Promise<RenderedReport> {
  const rendered: Array<{ section: ReportSection; out: SectionOutput }> = [];
  for (const s of sections) {
    if (s.applies && !s.applies(ctx)) continue;
    rendered.push({ section: s, out: await s.render(ctx) });
  }
  const locale = localeOf(ctx);
  const t = reportT(locale);
  const n = numbers(locale);
  const titleOf = (s: ReportSection) => (s.titleIn ? s.titleIn(locale) : s.title);
  const org = orgNames(ctx.registry.get(ctx.orgId), locale);
  const title = t('frame.title', { name: org.name, short: org.shortName });
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>
<header><h1>${esc(org.name)} (${esc(org.shortName)})</h1><p>${esc(t('frame.byline', { date: n.date(ctx.date), generated: ctx.generatedAt, version: ctx.version }))}</p></header>
<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">${esc(t('frame.contents'))}</h2><ol>${rendered.map(({ section }) => `<li><a href="#${esc(section.id)}">${esc(titleOf(section))}</a></li>`).join('')}</ol></nav>
<main>
${rendered.map(({ section, out }) => `<section id="${esc(section.id)}" aria-labelledby="${esc(section.id)}-h"><h2 id="${esc(section.id)}-h">${esc(titleOf(section))}<a class="permalink" href="#${esc(section.id)}" aria-label="${esc(t('frame.permalink', { title: titleOf(section) }))}">#</a></h2>\n${withChartDownloads(out.html, `${ctx.orgId}-${section.id}`, locale)}\n</section>`).join('\n')}
</main>
<footer>${escLinks(t('frame.footer'))}</footer>
</body></html>
`;
  // The terminal summary: its head and the sections' titles in the locale; the sections' own
  // summary lines are still English.
  const summary = [
    t('frame.summaryHead', { name: org.name, short: org.shortName, date: n.date(ctx.date) }),
    ...rendered.flatMap(({ section, out }) =>
      out.summary.length ? ['', titleOf(section), ...out.summary.map((l) => `  ${l}`)] : [],
    ),
  ].join('\n');
  return {
    html,
    summary,
    sections: rendered.map(({ section }) => ({ id: section.id, title: section.title })),
  };
}
