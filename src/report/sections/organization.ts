/**
 * Report section: the organization on the report date — a map fitted to its members and partners,
 * and the table of them.
 */
import type { StatusPeriod } from '../../org/organization.js';
import { snapshot } from '../../org/snapshot.js';
import { esc } from '../../util/html.js';
import { renderMap } from '../charts/map.js';
import { escLinks, htmlTable } from '../html.js';
import { describeRuleIn, localeOf, numbers, punctuation, reportT, statusName, summaryT } from '../i18n.js';
import { orgNames, stateName } from '../names.js';
import type { ReportSection } from '../report.js';

export const organizationSection: ReportSection = {
  id: 'organization',
  title: 'Members and partners',
  titleIn: (l) => reportT(l)('section.organization'),
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const n = numbers(l);
    const sum = summaryT(l);
    const s = snapshot(ctx.registry, ctx.ds, ctx.orgId, ctx.date);
    const short = orgNames(ctx.registry.get(ctx.orgId), l).shortName;
    const status = new Map<string, string>();
    for (const p of s.partners) status.set(p.iso3, p.status);
    for (const a of s.applicants) if (!status.has(a.iso3)) status.set(a.iso3, 'applicant');
    for (const m of s.members) status.set(m.iso3, 'member');
    const map = renderMap(ctx.topology, {
      title: t('organization.map-title', { org: short, date: n.date(s.date) }),
      locale: l,
      names: (iso3) => stateName(ctx.ds.countries, iso3, l),
      status,
      countries: [...ctx.ds.countries.values()],
      // Fitted to the members, partners and applicants (a world map when they span it).
      fit: [...status.keys()],
    });
    const cite = (r: { source: string; source2?: string }) => ({
      html: `<span class="note">${[r.source, r.source2].filter(Boolean).map(escLinks).join('<br>')}</span>`,
    });
    const since = (r: { since: string; precision?: 'year' | 'month' }) =>
      r.precision ? t('organization.since-verified', { since: r.since, precision: r.precision }) : r.since;
    const name = (r: { iso3: string; name: string }) =>
      l === 'en' ? r.name : stateName(ctx.ds.countries, r.iso3, l);
    const rows = [
      ...s.members.map((m) => [m.iso3, name(m), statusName('member', l), since(m), '', cite(m)]),
      ...s.partners.map((p) => [
        p.iso3,
        name(p),
        statusName(p.status, l),
        since(p),
        history(p.history, t),
        cite(p),
      ]),
      ...s.applicants.map((a) => [a.iso3, name(a), statusName('applicant', l), since(a), '', cite(a)]),
    ];
    const P = punctuation(l);
    const unverified = ` <span class="unverified">${esc(t('common.unverified'))}</span>`;
    const html = `${map}
<p>${esc(t('organization.counts', { members: s.members.length, partners: s.partners.length, applicants: s.applicants.length }))}${P.sep}${esc(t('organization.chair', { chair: s.chair ?? t('organization.chair-none') }))}${s.chairDetail && !s.chairDetail.verified ? unverified : ''}${P.stop}${P.gap}${esc(t('organization.rule', { rule: describeRuleIn(s.rule.rule, l) }))}${P.stop}</p>
${htmlTable([t('organization.th.iso3'), t('organization.th.state'), t('organization.th.status'), t('organization.th.since'), t('organization.th.history'), t('common.th.sources')], rows, { caption: t('organization.caption', { date: n.date(s.date) }), lang: l })}
${s.chairDetail ? `<p class="note">${esc(s.chairDetail.summit ? t('organization.chair-until', { state: s.chairDetail.state, summit: s.chairDetail.summit }) : t('organization.chair-state', { state: s.chairDetail.state }))}${P.sep}${esc(t('organization.sources'))} ${[s.chairDetail.source, s.chairDetail.source2].filter(Boolean).map(escLinks).join(', ')}${P.stop}</p>` : ''}
${s.unverified.length ? `<p class="note unverified">${esc(t('organization.unverified', { list: s.unverified.join('; ') }))}${P.stop}</p>` : ''}`;
    return {
      html,
      summary: [
        sum('org.members', { count: s.members.length, ids: s.members.map((m) => m.iso3).join(', ') }),
        sum('org.partners', { count: s.partners.length, ids: s.partners.map((p) => p.iso3).join(', ') }),
        sum('org.chair', { chair: s.chair ?? '', recorded: s.chair ? 'yes' : 'no' }),
      ],
    };
  },
};

/** "observer 2004-06-17 – 2025-09-01; partner since 2025-09-01" (applications left out). */
function history(h: readonly StatusPeriod[], t: ReturnType<typeof reportT>): string {
  const l = t.locale;
  return h
    .filter((p) => p.status !== 'applicant')
    .map((p) =>
      p.to
        ? t('organization.history-period', { status: statusName(p.status, l), from: p.from, to: p.to })
        : t('organization.history-since', { status: statusName(p.status, l), from: p.from }),
    )
    .join('; ');
}
