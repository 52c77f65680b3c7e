/** Report section: the aggregate facts of the member states on the date and at each membership stage. */
import { computeFacts } from '../../org/facts.js';
import { stages } from '../../org/organization.js';
import { snapshot } from '../../org/snapshot.js';
import { big, pct } from '../../util/format.js';
import { esc } from '../../util/html.js';
import { htmlTable } from '../html.js';
import type { ReportSection } from '../report.js';

export const factsSection: ReportSection = {
  id: 'facts',
  title: 'Facts',
  render(ctx) {
    const s = snapshot(ctx.registry, ctx.ds, ctx.orgId, ctx.date);
    const f = s.facts;
    const now = htmlTable(
      ['Measure', 'Value', 'Share', 'Data year'],
      [
        ['Area', `${big(f.areaKm2)} km²`, `${pct(f.eurasiaAreaShare)} of Eurasia`, '–'],
        [
          'Population',
          big(f.population?.value),
          `${pct(f.worldPopulationShare)} of world`,
          f.population?.year ?? '–',
        ],
        ['GDP, current US$', big(f.gdpUsd?.value), `${pct(f.worldGdpShare)} of world`, f.gdpUsd?.year ?? '–'],
        [
          'CINC (sum)',
          f.cinc ? f.cinc.value.toFixed(4) : '–',
          `${pct(f.cinc?.value)} of world capabilities`,
          f.cinc?.year ?? '–',
        ],
        [
          'Nuclear-weapon states',
          f.nuclearStates.length,
          f.nuclearStates.join(', ') || 'none',
          ctx.date.slice(0, 4),
        ],
      ],
      { caption: `Member states on ${ctx.date}` },
    );
    const org = ctx.registry.get(ctx.orgId);
    const rows = stages(org)
      .filter((st) => st.from <= ctx.date)
      .map((st) => {
        const g = computeFacts(ctx.ds, st.members, st.from);
        return [
          st.from,
          st.members.length,
          st.from === org.founded ? 'founding' : `+${st.joined.join(', ')}`,
          big(g.areaKm2),
          pct(g.eurasiaAreaShare),
          `${pct(g.worldPopulationShare)} (${g.population?.year ?? '–'})`,
          `${pct(g.worldGdpShare)} (${g.gdpUsd?.year ?? '–'})`,
          g.cinc ? `${g.cinc.value.toFixed(3)} (${g.cinc.year})` : '–',
          g.nuclearStates.length,
        ];
      });
    const byStage = htmlTable(
      [
        'Stage',
        'Members',
        'Change',
        'Area km²',
        'of Eurasia',
        'of world population',
        'of world GDP',
        'CINC',
        'Nuclear',
      ],
      rows,
      { caption: 'At each membership stage (figures for the year of the stage)' },
    );
    return {
      html: `${now}${f.notes.length ? `<p class="note">${f.notes.map(esc).join('<br>')}</p>` : ''}\n${byStage}
<p class="note">Eurasia: the UN member states placed in Europe or Asia by the UN M49 geoscheme, each counted whole (docs/data.md). World totals: World Bank aggregate WLD. CINC: Correlates of War, the members' share of world material capabilities.</p>`,
      summary: [
        `area ${big(f.areaKm2)} km² (${pct(f.eurasiaAreaShare)} of Eurasia)`,
        `population ${big(f.population?.value)} in ${f.population?.year ?? '–'} (${pct(f.worldPopulationShare)} of the world)`,
        `GDP US$${big(f.gdpUsd?.value)} in ${f.gdpUsd?.year ?? '–'} (${pct(f.worldGdpShare)} of the world)`,
        `CINC ${f.cinc ? f.cinc.value.toFixed(3) : '–'} in ${f.cinc?.year ?? '–'}; nuclear-weapon states: ${f.nuclearStates.join(', ') || 'none'}`,
      ],
    };
  },
};
