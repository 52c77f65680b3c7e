/**
 * Report section: the capacity to decide across the membership stages — passage probability by
 * stage and rule (with the EU Council reference band), and each member's blocking power (Coleman's
 * power to prevent) on the report date under each rule.
 */

import { capacity } from '../../power/capacity.js';
import { comparisonRules, DEFAULT_COMPARISONS, loadReferenceBand, passageCell } from '../../power/load.js';
import { esc } from '../../util/html.js';
import { MAJORITY_PARITY_NOTE, renderBlockingChart, renderPassageChart } from '../charts/capacity.js';
import { htmlTable } from '../html.js';
import type { ReportSection } from '../report.js';

export const capacitySection: ReportSection = {
  id: 'capacity',
  title: 'Capacity to decide',
  render(ctx) {
    const org = ctx.registry.get(ctx.orgId);
    const rules = comparisonRules(org, [...DEFAULT_COMPARISONS], process.cwd());
    const full = capacity(org, ctx.ds, rules);
    const stages = full.stages.filter((s) => s.from <= ctx.date);
    if (!stages.length) return { html: '<p>No membership stage before the report date.</p>', summary: [] };
    const band = loadReferenceBand();
    const labels = stages.map((s) => `${s.from.slice(0, 4)} (${s.members.length})`);
    const passage = renderPassageChart({
      title: `${org.shortName}: passage probability by membership stage and decision rule`,
      stages: labels,
      series: full.rules.map((r, k) => ({
        label: r.label,
        values: stages.map((s) => s.outcomes[k]!.passageProbability),
      })),
      references: band.map((b) => ({
        label: b.id === 'eec-1958' ? 'EEC-6 1958' : b.id === 'eu27-nice' ? 'EU-27 Nice' : 'EU-27 Lisbon',
        value: b.passageProbability,
      })),
    });
    const last = stages[stages.length - 1]!;
    const blocking = renderBlockingChart({
      title: `${org.shortName} on ${ctx.date}: blocking power of each member (Coleman's power to prevent) by rule`,
      members: last.members,
      series: full.rules.map((r, k) => ({
        label: r.label,
        values: last.outcomes[k]!.players.map((p) => p.blockingPower),
      })),
    });
    const passageTable = htmlTable(
      ['Stage', 'Members', ...full.rules.map((r) => r.label)],
      stages.map((s) => [
        s.from,
        `${s.members.length}${s.joined.length ? ` (+${s.joined.join(', ')})` : ''}${s.left.length ? ` (−${s.left.join(', ')})` : ''}`,
        ...s.outcomes.map((o) => passageCell(o.passageProbability, o.passageProbabilityFraction)),
      ]),
      { caption: 'Passage probability: the share of all coalitions of members that carry a decision' },
    );
    const bandTable = htmlTable(
      ['Council', 'Members', 'Passage probability', 'Literature'],
      band.map((b) => [
        b.shortName,
        b.players,
        passageCell(b.passageProbability, b.passageProbabilityFraction),
        b.literature ?? '',
      ]),
      { caption: 'Reference band: the EU Council of Ministers under qualified majority' },
    );
    const blockingTable = htmlTable(
      ['Member', ...full.rules.map((r) => r.label)],
      last.members.map((m, i) => [
        m,
        ...last.outcomes.map((o) => {
          const p = o.players[i]!;
          return p.blockingPower === null ? '–' : `${p.blockingPower.toFixed(3)}${p.veto ? ' (veto)' : ''}`;
        }),
      ]),
      { caption: `Blocking power on ${ctx.date} (stage from ${last.from})` },
    );
    const own = stages.map((s) => s.outcomes[0]!);
    const html = `<p>Under ${esc(full.rules[0]!.label.replace(' (own rule)', ''))} every member can block alone. The <em>passage probability</em> — Coleman's power of the collectivity to act, the share of the 2<sup>n</sup> possible coalitions of members that carry a decision — measures how easily the organization can decide anything at all; the <em>blocking power</em> of a member — Coleman's power to prevent — is the share of winning coalitions that the member turns into losing ones by leaving (1 = a veto). All values are exact (<code>concord capacity ${esc(org.id)}</code>; rules and algorithms in docs/rules.md).</p>
${passage}
${passageTable}
${bandTable}
${blocking}
${blockingTable}
<p class="note">Population-weighted rules use the World Bank population of each stage's first year. Comparison rules: simple majority (more than half of the members), two-thirds (at least 2/3 of the members), double majority (more than half of the members representing more than half of the members' population). ${esc(MAJORITY_PARITY_NOTE)}</p>`;
    return {
      html,
      summary: [
        `passage probability under ${full.rules[0]!.label}: ${own.map((o) => o.passageProbabilityFraction ?? o.passageProbability.toFixed(4)).join(' → ')}`,
        `${full.rules
          .slice(1)
          .map((r, k) => `${r.label} ${(last.outcomes[k + 1]!.passageProbability * 100).toFixed(1)}%`)
          .join(', ')} (${last.from})`,
        `EU Council reference: ${band.map((b) => `${b.id} ${(b.passageProbability * 100).toFixed(1)}%`).join(', ')}`,
      ],
    };
  },
};
