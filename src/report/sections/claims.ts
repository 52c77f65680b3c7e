/** Report section: a paper's claims about the organization checked against the data (none: no section). */
import { type ClaimResult, checkClaims } from '../../claims/check.js';
import type { ClaimsFile } from '../../claims/schema.js';
import { esc } from '../../util/html.js';
import { htmlTable } from '../html.js';
import { localeOf, numbers, reportT } from '../i18n.js';
import type { ReportContext, ReportSection } from '../report.js';

type T = ReturnType<typeof reportT>;

/** A claimed or computed figure in the locale (English: claims/check.ts's formatMeasure). */
function measureIn(m: ClaimResult['measure'], x: number, t: T): string {
  const n = numbers(t.locale);
  if (m === 'eurasiaAreaShare' || m === 'worldPopulationShare' || m === 'worldGdpShare' || m === 'cinc')
    return n.pct(x, 1);
  // Chinese counts in 万 and 亿, not in millions and billions: the whole quantity, compacted.
  const zh = t.locale === 'zh-Hans';
  if (m === 'areaKm2') return t('claims.million-km2', { value: zh ? n.big(x) : n.fixed(x / 1e6, 2) });
  if (m === 'population') return t('claims.billion', { value: zh ? n.big(x) : n.fixed(x / 1e9, 3) });
  if (m === 'gdpUsd') return t('claims.trillion-usd', { value: zh ? n.big(x) : n.fixed(x / 1e12, 2) });
  return n.int(x);
}

/**
 * The explanation of a verdict in the locale. English keeps claims/check.ts's sentence; Russian and
 * Chinese rebuild it from the result's fields (and the nuclear-weapon states named in its tail).
 */
export function explanationIn(c: ClaimResult, t: T): string {
  if (t.locale === 'en') return c.explanation;
  if (c.computed === null)
    return t('claims.no-data', { measure: c.measure, date: numbers(t.locale).date(c.date) });
  let out = t('claims.claimed-computed', {
    comparison: c.comparison,
    claimed: measureIn(c.measure, c.claimed, t),
    computed: measureIn(c.measure, c.computed, t),
  });
  if (c.year) out += ` ${t('claims.data-year', { year: c.year })}`;
  if (c.measure === 'nuclearStates') {
    const differs =
      /; the paper's list differs: (?:named but not nuclear: ([A-Z, ]+?))?(?: ?nuclear but not named: ([A-Z, ]+?))?(?= \(undeclared|$)/.exec(
        c.explanation,
      );
    const asNamed = /: ([A-Z, ]+), as named/.exec(c.explanation);
    const undeclared = / \(undeclared: ([A-Z, ]+)\)$/.exec(c.explanation);
    if (differs) {
      const parts = [
        differs[1] ? t('claims.named-not-nuclear', { list: differs[1] }) : '',
        differs[2] ? t('claims.nuclear-not-named', { list: differs[2] }) : '',
      ].filter(Boolean);
      out += `${t('claims.list-differs')} ${parts.join('; ')}`;
    } else if (asNamed) out += t('claims.as-named', { list: asNamed[1]! });
    if (undeclared) out += ` ${t('claims.undeclared', { list: undeclared[1]! })}`;
  }
  return out;
}

/**
 * The claims about the report's organization (a claim's own organization, else the file's); a
 * claims file the user gave that names no organization (a group of states) counts whole.
 */
export function claimsAbout(ctx: ReportContext): ClaimsFile['claims'] {
  return ctx.claims.claims.filter(
    (c) =>
      (c.organization ?? ctx.claims.organization)?.toLowerCase() === ctx.orgId ||
      (ctx.claimsGiven === true && !c.organization && !ctx.claims.organization),
  );
}

export const claimsSection: ReportSection = {
  id: 'claims',
  title: 'Claim check',
  titleIn: (l) => reportT(l)('section.claims'),
  applies: (ctx) => claimsAbout(ctx).length > 0,
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const { pct } = numbers(l);
    const about = claimsAbout(ctx);
    const r = checkClaims({ ...ctx.claims, claims: about }, ctx.registry, ctx.ds);
    const table = htmlTable(
      [
        t('claims.th.claim'),
        t('claims.th.quote'),
        t('claims.th.verdict'),
        t('claims.th.deviation'),
        t('claims.th.data-year'),
        t('claims.th.computed'),
      ],
      r.claims.map((c) => [
        c.id,
        `“${c.quote}”`,
        {
          html: `<span class="verdict-${c.verdict.replace(/ /g, '-')}">${esc(t('claims.verdict', { verdict: c.verdict }))}</span>`,
        },
        c.deviation === null ? '–' : `${c.deviation >= 0 ? '+' : ''}${pct(c.deviation)}`,
        c.year ?? '–',
        explanationIn(c, t),
      ]),
      { caption: `${r.document.replace(/\s+/g, ' ')}`, lang: l },
    );
    return {
      html: `${table}<p class="note">${esc(t('claims.rule', { approximately: pct(r.tolerance.approximately, 0), holds: pct(r.tolerance.holds, 0) }))}</p>`,
      summary: r.claims.map((c) => `${c.id}: ${c.verdict} — ${c.explanation}`),
    };
  },
};
