/**
 * `concord report --lang ru` and `--lang zh` write full reports (issue 16): the lang attribute,
 * every section of the English report, no English heading, caption, table header, chart title or
 * legend left in the translated sections, no `namespace:key` fallback marker, the map's legend
 * and the claim check in the language; and the catalogues hold no markup but the tags `rich()`
 * keeps (their text goes into the HTML unescaped).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from '../../src/i18n/messages/report/index.js';
import { reportCharts } from '../../src/i18n/messages/report-charts/index.js';
import { reportForecasts } from '../../src/i18n/messages/report-forecasts/index.js';
import { runCli } from '../helpers/cli.js';

const SECTIONS = [
  'organization',
  'timeline',
  'facts',
  'claims',
  'capacity',
  'reform',
  'forecasts',
  'sweeps',
  'balance',
  'alignment',
  'fragmentation',
  'briefings',
];

/** Sections whose prose is not translated yet (each must still show English; the list only shrinks). */
const PENDING: string[] = [];

/** Latin words that are the same in every language: codes, units, sources' and models' names. */
const ALLOW =
  /^(ISO3|CSV|SVG|CINC|HHI|CON|MAE|GDP|USA|COW|WDI|EEC|EU|Concord|concord|capacity|forecast|FILE|capability-sensitivity|independent|false|docs|rules|md|models|scenarios|sco|yaml|data|organizations|Nice|Lisbon|Coleman|SIPRI|Louvain|Hix|Noury|Roland|Voeten|Strezhnev|Bailey|Nurimbetov|n|KTAB|Brier|passage|veto|bloc-veto|maxshare|banzhaf|cannot-pass-alone|quota|eec-)$/;

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The text of an element's content, without the parts the case files and data give in English. */
function text(html: string): string {
  return decode(
    html
      .replace(/<span lang="en">[\s\S]*?<\/span>/g, ' ')
      .replace(/<a [^>]*>[\s\S]*?<\/a>/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

/** English words (three letters or more, not an allowed code) in a text. */
function english(s: string): string[] {
  // ISO3 codes of states (CHN, RUS…) are the same in every language.
  return (s.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []).filter((w) => !ALLOW.test(w) && !/^[A-Z]{3}$/.test(w));
}

/** Headings, captions, table headers, figure captions, chart titles and legends of a section. */
function labels(section: string): string[] {
  const out: string[] = [];
  for (const tag of ['h2', 'h3', 'caption', 'th', 'summary']) {
    for (const m of section.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g')))
      out.push(text(m[1]!));
  }
  for (const m of section.matchAll(/<svg\b[\s\S]*?<\/svg>/g)) {
    // Text the case files give in English (titles, poles) is marked lang="en" and left out.
    const svg = m[0].replace(/<(text|title)\b[^>]*\slang="en"[^>]*>[^<]*<\/\1>/g, '');
    const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1] ?? '';
    out.push(text(title));
    for (const g of svg.matchAll(/<g class="legend">([\s\S]*?)<\/g>(?=\s*<g|\s*<text|\s*$)/g))
      out.push(text(g[1]!));
    // Axis titles and row labels: <text> that is not a number, a code or a date.
    for (const tx of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) out.push(text(tx[1]!));
  }
  return out;
}

function sectionsOf(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<section id="([\w-]+)"[\s\S]*?<\/section>/g)) out.set(m[1]!, m[0]);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'concord-report-i18n-'));

describe.each([
  { lang: 'ru', attr: 'ru', script: /[\u0400-\u04ff]/, member: 'государство-член', holds: 'верно' },
  { lang: 'zh', attr: 'zh-Hans', script: /[\u4e00-\u9fff]/, member: '成员国', holds: '成立' },
])('concord report --lang $lang', async ({ lang, attr, script, member, holds }) => {
  const out = join(dir, `sco-${lang}.html`);
  const r = await runCli(['report', '--lang', lang, '--at', '2026-11-29', '--out', out]);
  const html = r.code === 0 ? readFileSync(out, 'utf8') : '';
  const sections = sectionsOf(html);

  it('writes the report with the lang attribute', () => {
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(html.startsWith(`<!doctype html>\n<html lang="${attr}">`)).toBe(true);
  });

  it('has every section of the English report, its title in the language', () => {
    expect([...sections.keys()]).toEqual(SECTIONS);
    for (const [id, s] of sections) {
      const h2 = /<h2[^>]*>([^<]*)/.exec(s)![1]!;
      expect(h2, id).toMatch(script);
      expect(english(h2), id).toEqual([]);
    }
    expect(english(text(/<nav class="toc"[\s\S]*?<\/nav>/.exec(html)![0]))).toEqual([]);
  });

  it('leaves no catalogue key unresolved', () => {
    expect(html).not.toMatch(/\breport(-charts|-forecasts)?:[a-z][\w-]*\.[\w.-]+/);
  });

  it('translates the map legend, the membership table and the claim check', () => {
    const org = sections.get('organization')!;
    const map = /<svg id="map"[\s\S]*?<\/svg>/.exec(org)![0];
    const legend = [
      ...map.matchAll(/<g transform="translate\([^)]*\)"><rect[^>]*\/><text[^>]*>([^<]*)<\/text><\/g>/g),
    ].map((m) => m[1]);
    expect(legend).toContain(member);
    for (const l of legend) expect(english(l!), l).toEqual([]);
    // State names in the language (16a's countryName): Kyrgyzstan as the SCO writes it.
    expect(org).toContain(lang === 'ru' ? 'Кыргызстан' : '吉尔吉斯斯坦');
    const claims = sections.get('claims')!;
    expect(claims).toContain(holds);
    expect(claims).not.toMatch(/>holds<|does not hold|claimed (more than|about)/);
  });

  it('leaves no English heading, caption, table header, chart title or legend in the translated sections', () => {
    const left: string[] = [];
    for (const [id, s] of sections) {
      if (PENDING.includes(id)) continue;
      // The claim table's caption is the paper's citation, in the paper's language.
      const own = id === 'claims' ? s.replace(/<caption>[\s\S]*?<\/caption>/, '') : s;
      // Titles of the case files (marked lang="en" where the section shows them) may recur in a
      // chart's title.
      const data = [...s.matchAll(/<span lang="en">([^<]*)<\/span>/g)]
        .map((m) => decode(m[1]!))
        .filter((x) => x.length > 3);
      for (const label of labels(own)) {
        const l = data.reduce((acc, d) => acc.split(d).join(' '), label);
        const w = english(l);
        if (w.length) left.push(`${id}: ${l.trim().slice(0, 80)} [${w.join(' ')}]`);
      }
    }
    expect(left).toEqual([]);
  });

  it('lists as pending only sections that still show English', () => {
    const done = PENDING.filter((id) => !labels(sections.get(id) ?? '').some((l) => english(l).length));
    expect(done).toEqual([]);
  });

  it('writes the briefings and the balance sentences, their notes and answers, in the language', () => {
    // Every word of the briefings (charts aside: their labels are checked above), and the balance
    // section's sentences (src/balance/describe.ts in the locale), with no lang="en" span left.
    const prose = (html: string) => text(html.replace(/<svg\b[\s\S]*?<\/svg>/g, ' '));
    const briefings = sections.get('briefings')!;
    expect(briefings).not.toContain('lang="en"');
    expect(english(prose(briefings))).toEqual([]);
    const balance = sections.get('balance')!;
    const sentences = [...balance.matchAll(/<ul class="balance-stages">([\s\S]*?)<\/ul>/g)].map((m) => m[1]!);
    expect(sentences.length).toBeGreaterThanOrEqual(4);
    for (const s of sentences) {
      expect(s).not.toContain('lang="en"');
      expect(english(prose(s))).toEqual([]);
      expect(prose(s)).toMatch(script);
    }
    const captions = [...balance.matchAll(/<figcaption class="note">([\s\S]*?)<\/figcaption>/g)].map(
      (m) => m[1]!,
    );
    // The series' sentence opens each caption, in the language; only the source's title stays English.
    for (const c of captions)
      expect(english(prose(c.split('<span lang="en">')[0]!)), c.slice(0, 80)).toEqual([]);
  });

  it('writes numbers and dates in the language', () => {
    const byline = /<header>[\s\S]*?<\/header>/.exec(html)![0];
    expect(byline).toContain(lang === 'ru' ? '29 ноября 2026 г.' : '2026年11月29日');
    if (lang === 'ru') expect(sections.get('capacity')).toMatch(/\d,\d+\u00a0%/);
  });

  it('explains each case, and notes the alignment analysis, in the language (no English left, marked or not)', () => {
    const forecasts = sections.get('forecasts')!;
    // the first plain <p> of a case's figure (after its chart and download links) is the explanation
    const figures = [...forecasts.matchAll(/<figure class="case">[\s\S]*?<p>([\s\S]*?)<\/p>/g)];
    expect(figures.length).toBeGreaterThan(20);
    for (const m of figures) {
      // the explanation, before the observed outcome's source (a note the case file gives)
      const line = m[1]!.split('<span class="note">')[0]!;
      expect(line, line).not.toContain('lang="en"');
      expect(line, line).toMatch(script);
      // issue and package ids (admit-india) are codes, as the case file writes them
      const words = english(text(line).replace(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g, ' '));
      expect(words, line).toEqual([]);
    }
    const alignment = sections.get('alignment')!;
    expect(alignment).not.toMatch(/<span class="note" lang="en">(?!topics of the roll calls)/);
  });
});

describe('the report catalogues', () => {
  it('hold no markup but the tags rich() keeps, and no raw ampersand', () => {
    const bad: string[] = [];
    for (const ns of [report, reportCharts, reportForecasts])
      for (const [locale, messages] of Object.entries(ns.catalogues))
        for (const [key, m] of Object.entries(messages)) {
          const tags = m.replace(/<\/?(em|strong|code|sup|b)>/g, '');
          // Only messages with tags go into the HTML as they are (rich()); the others are escaped.
          if (/[<>]/.test(tags) || (tags !== m && /&(?![a-z]+;)/.test(m)))
            bad.push(`${ns.name} ${locale} ${key}`);
        }
    expect(bad).toEqual([]);
  });
});
