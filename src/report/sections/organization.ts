/**
 * Report section: the organization on the report date — a map fitted to its members and partners,
 * and the table of them.
 */
import type { StatusPeriod } from '../../org/organization.js';
import { snapshot } from '../../org/snapshot.js';
import { esc } from '../../util/html.js';
import { renderMap } from '../charts/map.js';
import { escLinks, htmlTable } from '../html.js';
import type { ReportSection } from '../report.js';

export const organizationSection: ReportSection = {
  id: 'organization',
  title: 'Members and partners',
  render(ctx) {
    const s = snapshot(ctx.registry, ctx.ds, ctx.orgId, ctx.date);
    const status = new Map<string, string>();
    for (const p of s.partners) status.set(p.iso3, p.status);
    for (const a of s.applicants) if (!status.has(a.iso3)) status.set(a.iso3, 'applicant');
    for (const m of s.members) status.set(m.iso3, 'member');
    const map = renderMap(ctx.topology, {
      title: `${s.organization.shortName} members and partners on ${s.date}`,
      status,
      countries: [...ctx.ds.countries.values()],
      // Fitted to the members, partners and applicants (a world map when they span it).
      fit: [...status.keys()],
    });
    const cite = (r: { source: string; source2?: string }) => ({
      html: `<span class="note">${[r.source, r.source2].filter(Boolean).map(escLinks).join('<br>')}</span>`,
    });
    const since = (r: { since: string; precision?: 'year' | 'month' }) =>
      r.precision ? `${r.since} (${r.precision} verified)` : r.since;
    const rows = [
      ...s.members.map((m) => [m.iso3, m.name, 'member', since(m), '', cite(m)]),
      ...s.partners.map((p) => [p.iso3, p.name, p.status, since(p), history(p.history), cite(p)]),
      ...s.applicants.map((a) => [a.iso3, a.name, 'applicant', since(a), '', cite(a)]),
    ];
    const html = `${map}
<p>${s.members.length} members, ${s.partners.length} partners${s.applicants.length ? `, ${s.applicants.length} applicants` : ''}; chair: ${esc(s.chair ?? 'not recorded')}${s.chairDetail && !s.chairDetail.verified ? ' <span class="unverified">(unverified)</span>' : ''}. Decision rule: ${esc(s.rule.description)}.</p>
${htmlTable(['ISO3', 'State', 'Status', 'Since', 'History', 'Sources'], rows, { caption: `Status on ${s.date} (a status counts from the memorandum that brought it into force, where there is one)` })}
${s.chairDetail ? `<p class="note">Chair: ${esc(s.chairDetail.state)}${s.chairDetail.summit ? `, until ${esc(s.chairDetail.summit)}` : ''}; sources: ${[s.chairDetail.source, s.chairDetail.source2].filter(Boolean).map(escLinks).join(', ')}.</p>` : ''}
${s.unverified.length ? `<p class="note unverified">Unverified records: ${esc(s.unverified.join('; '))}.</p>` : ''}`;
    return {
      html,
      summary: [
        `${s.members.length} members: ${s.members.map((m) => m.iso3).join(', ')}`,
        `${s.partners.length} partners: ${s.partners.map((p) => p.iso3).join(', ')}`,
        `chair: ${s.chair ?? 'not recorded'}`,
      ],
    };
  },
};

/** "observer 2004-06-17 – 2025-09-01; partner since 2025-09-01" (applications left out). */
function history(h: readonly StatusPeriod[]): string {
  return h
    .filter((p) => p.status !== 'applicant')
    .map((p) => (p.to ? `${p.status} ${p.from} – ${p.to}` : `${p.status} since ${p.from}`))
    .join('; ');
}
