/**
 * The report: a self-contained HTML file (inline CSS and SVG, no scripts, no network) built from
 * sections, plus a terminal summary. A section is a module in ./sections/ that renders HTML and a
 * few summary lines from the shared context; later capabilities plug in by adding a section to the
 * list in ./sections/index.ts.
 */
import type { Topology } from 'topojson-specification';
import type { ClaimsFile } from '../claims/schema.js';
import type { Dataset } from '../data/dataset.js';
import type { OrganizationRegistry } from '../org/registry.js';
import type { IsoDate } from '../util/dates.js';
import { esc, escLinks } from './html.js';

export interface ReportContext {
  readonly ds: Dataset;
  readonly registry: OrganizationRegistry;
  readonly orgId: string;
  readonly date: IsoDate;
  readonly topology: Topology;
  readonly claims: ClaimsFile;
  readonly version: string;
  readonly generatedAt: string;
}

export interface SectionOutput {
  readonly html: string;
  /** Lines for the terminal summary. */
  readonly summary: readonly string[];
}

export interface ReportSection {
  readonly id: string;
  readonly title: string;
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
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0; background: #fff; }
header { background: #12324f; color: #fff; padding: 1.5rem 2rem; }
header h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
header p { margin: 0; color: #d5e2ee; }
nav { padding: .6rem 2rem; border-bottom: 1px solid var(--line); background: #f7f9fb; position: sticky; top: 0; }
nav a { margin-right: 1rem; color: var(--accent); text-decoration: none; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem 3rem; }
section { margin: 2rem 0; }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
svg { width: 100%; height: auto; display: block; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict-holds { color: #176b2c; font-weight: 600; }
.verdict-approximately { color: #8a5a00; font-weight: 600; }
.verdict-does-not-hold { color: #a3161b; font-weight: 600; }
.note { color: var(--muted); font-size: .9rem; }
.unverified { color: #8a5a00; }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding: 1rem 2rem; }
`;

export async function renderReport(
  sections: readonly ReportSection[],
  ctx: ReportContext,
): Promise<RenderedReport> {
  const rendered: Array<{ section: ReportSection; out: SectionOutput }> = [];
  for (const s of sections) rendered.push({ section: s, out: await s.render(ctx) });
  const org = ctx.registry.get(ctx.orgId);
  const title = `${org.name} (${org.shortName}) — Concord report`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>
<header><h1>${esc(org.name)} (${esc(org.shortName)})</h1><p>Concord report as of ${esc(ctx.date)} · generated ${esc(ctx.generatedAt)} · Concord ${esc(ctx.version)}</p></header>
<nav aria-label="Sections">${rendered.map(({ section }) => `<a href="#${esc(section.id)}">${esc(section.title)}</a>`).join('')}</nav>
<main>
${rendered.map(({ section, out }) => `<section id="${esc(section.id)}" aria-labelledby="${esc(section.id)}-h"><h2 id="${esc(section.id)}-h">${esc(section.title)}</h2>\n${out.html}\n</section>`).join('\n')}
</main>
<footer>Data: World Bank WDI (population, GDP; ODC-PDDL), Correlates of War NMC 6.0 (CINC; military expenditure before 1992), ${escLinks('SIPRI Military Expenditure Database 2025, https://www.sipri.org/databases/milex (military expenditure 1992–2024; non-commercial fair use)')}, ${escLinks("Voeten, Strezhnev & Bailey's UN General Assembly voting data, https://doi.org/10.7910/DVN/LEJUQZ (1946–2019), and the United Nations' records of recorded votes, https://github.com/UNxml/GAresolutions (2019–2026)")}, world-countries (areas; ODbL), Natural Earth via world-atlas (boundaries), Arms Control Association (nuclear tests); organization records with their two sources in data/organizations/. Items marked unverified still need a second source.</footer>
</body></html>
`;
  const summary = [
    `${org.name} (${org.shortName}) as of ${ctx.date}`,
    ...rendered.flatMap(({ section, out }) =>
      out.summary.length ? ['', `${section.title}`, ...out.summary.map((l) => `  ${l}`)] : [],
    ),
  ].join('\n');
  return {
    html,
    summary,
    sections: rendered.map(({ section }) => ({ id: section.id, title: section.title })),
  };
}
