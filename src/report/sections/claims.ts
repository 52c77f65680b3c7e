/** Report section: a paper's claims about the organization checked against the data (none: no section). */
import { checkClaims } from '../../claims/check.js';
import type { ClaimsFile } from '../../claims/schema.js';
import { pct } from '../../util/format.js';
import { esc } from '../../util/html.js';
import { htmlTable } from '../html.js';
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
  applies: (ctx) => claimsAbout(ctx).length > 0,
  render(ctx) {
    const about = claimsAbout(ctx);
    const r = checkClaims({ ...ctx.claims, claims: about }, ctx.registry, ctx.ds);
    const table = htmlTable(
      ['Claim', 'The paper says', 'Verdict', 'Deviation', 'Data year', 'Computed'],
      r.claims.map((c) => [
        c.id,
        `“${c.quote}”`,
        { html: `<span class="verdict-${c.verdict.replace(/ /g, '-')}">${esc(c.verdict)}</span>` },
        c.deviation === null ? '–' : `${c.deviation >= 0 ? '+' : ''}${pct(c.deviation)}`,
        c.year ?? '–',
        c.explanation,
      ]),
      { caption: `${r.document.replace(/\s+/g, ' ')}` },
    );
    return {
      html: `${table}<p class="note">Rule: a threshold claim holds if met, approximately if it misses by at most ${pct(r.tolerance.approximately, 0)}; an "about" claim holds within ±${pct(r.tolerance.holds, 0)} and approximately within ±${pct(r.tolerance.approximately, 0)}; a count holds only if exact.</p>`,
      summary: r.claims.map((c) => `${c.id}: ${c.verdict} — ${c.explanation}`),
    };
  },
};
