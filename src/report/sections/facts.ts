/** Report section: the aggregate facts of the member states on the date and at each membership stage. */
import { computeFacts } from '../../org/facts.js';
import { stages } from '../../org/organization.js';
import { snapshot } from '../../org/snapshot.js';
import { esc } from '../../util/html.js';
import { htmlTable } from '../html.js';
import { localeOf, numbers, reportT, summaryT } from '../i18n.js';
import { factNoteIn } from '../notes.js';
import type { ReportSection } from '../report.js';

export const factsSection: ReportSection = {
  id: 'facts',
  title: 'Facts',
  titleIn: (l) => reportT(l)('section.facts'),
  render(ctx) {
    const l = localeOf(ctx);
    const t = reportT(l);
    const { big, pct, fixed } = numbers(l);
    const sum = summaryT(l);
    const s = snapshot(ctx.registry, ctx.ds, ctx.orgId, ctx.date);
    const f = s.facts;
    const now = htmlTable(
      [t('facts.th.measure'), t('facts.th.value'), t('facts.th.share'), t('facts.th.data-year')],
      [
        [
          t('facts.area'),
          t('facts.km2', { value: big(f.areaKm2) }),
          t('facts.of-eurasia', { share: pct(f.eurasiaAreaShare) }),
          '–',
        ],
        [
          t('facts.population-row'),
          big(f.population?.value),
          t('facts.of-world', { share: pct(f.worldPopulationShare) }),
          f.population?.year ?? '–',
        ],
        [
          t('facts.gdp'),
          big(f.gdpUsd?.value),
          t('facts.of-world', { share: pct(f.worldGdpShare) }),
          f.gdpUsd?.year ?? '–',
        ],
        [
          t('facts.cinc-sum'),
          f.cinc ? fixed(f.cinc.value, 4) : '–',
          t('facts.of-world-capabilities', { share: pct(f.cinc?.value) }),
          f.cinc?.year ?? '–',
        ],
        [
          t('facts.nuclear-states'),
          f.nuclearStates.length,
          f.nuclearStates.join(', ') || t('facts.none'),
          ctx.date.slice(0, 4),
        ],
      ],
      { caption: t('facts.caption', { date: numbers(l).date(ctx.date) }), lang: l },
    );
    const org = ctx.registry.get(ctx.orgId);
    const rows = stages(org)
      .filter((st) => st.from <= ctx.date)
      .map((st) => {
        const g = computeFacts(ctx.ds, st.members, st.from);
        return [
          st.from,
          st.members.length,
          st.from === org.founded ? t('facts.founding') : `+${st.joined.join(', ')}`,
          big(g.areaKm2),
          pct(g.eurasiaAreaShare),
          `${pct(g.worldPopulationShare)} (${g.population?.year ?? '–'})`,
          `${pct(g.worldGdpShare)} (${g.gdpUsd?.year ?? '–'})`,
          g.cinc ? `${fixed(g.cinc.value, 3)} (${g.cinc.year})` : '–',
          g.nuclearStates.length,
        ];
      });
    const byStage = htmlTable(
      [
        t('facts.th.stage'),
        t('facts.th.members'),
        t('facts.th.change'),
        t('facts.th.area'),
        t('facts.th.of-eurasia'),
        t('facts.th.of-world-population'),
        t('facts.th.of-world-gdp'),
        t('facts.th.cinc'),
        t('facts.th.nuclear'),
      ],
      rows,
      { caption: t('facts.stages-caption'), lang: l },
    );
    return {
      html: `${now}${f.notes.length ? `<p class="note">${f.notes.map((x) => esc(factNoteIn(x, l))).join('<br>')}</p>` : ''}\n${byStage}
<p class="note">${esc(t('facts.note'))}</p>`,
      // The terminal summary stays in English (the CLI's own language option prints it).
      summary: [
        sum('facts.area', { area: big(f.areaKm2), share: pct(f.eurasiaAreaShare) }),
        sum('facts.population', {
          value: big(f.population?.value),
          year: String(f.population?.year ?? '–'),
          share: pct(f.worldPopulationShare),
        }),
        sum('facts.gdp', {
          value: big(f.gdpUsd?.value),
          year: String(f.gdpUsd?.year ?? '–'),
          share: pct(f.worldGdpShare),
        }),
        sum('facts.cinc', {
          value: f.cinc ? fixed(f.cinc.value, 3) : '–',
          year: String(f.cinc?.year ?? '–'),
          states: f.nuclearStates.join(', '),
          hasStates: f.nuclearStates.length ? 'yes' : 'no',
        }),
      ],
    };
  },
};
