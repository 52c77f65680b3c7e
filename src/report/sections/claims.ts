/** Report section: the seed paper's claims checked against the data. */
import { checkClaims } from '../../claims/check.js';
import { pct } from '../../util/format.js';
import { esc } from '../../util/html.js';
import { htmlTable } from '../html.js';
import type { ReportSection } from '../report.js';

export const claimsSection: ReportSection = {
  id: 'claims',
  title: 'Claim check',
  render(ctx) {
    const r = checkClaims(ctx.claims, ctx.registry, ctx.ds);
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
