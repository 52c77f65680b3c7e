/** Report section: a paper's claims about the organization checked against the data (none: no section). */
import { checkClaims } from '../../claims/check.js';
import type { ClaimsFile } from '../../claims/schema.js';
import { esc } from '../../util/html.js';
import { htmlTable } from '../html.js';
import { localeOf, numbers, reportT } from '../i18n.js';
import type { ReportContext, ReportSection } from '../report.js';

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
    // The explanations in the report's language (the terminal summary keeps the English).
    const r = checkClaims({ ...ctx.claims, claims: about }, ctx.registry, ctx.ds, l);
    const rEn = l === 'en' ? r : checkClaims({ ...ctx.claims, claims: about }, ctx.registry, ctx.ds);
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
        c.explanation,
      ]),
      { caption: `${r.document.replace(/\s+/g, ' ')}`, lang: l },
    );
    return {
      html: `${table}<p class="note">${esc(t('claims.rule', { approximately: pct(r.tolerance.approximately, 0), holds: pct(r.tolerance.holds, 0) }))}</p>`,
      summary: rEn.claims.map((c) => `${c.id}: ${c.verdict} — ${c.explanation}`),
    };
  },
};
