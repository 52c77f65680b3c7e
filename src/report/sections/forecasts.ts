/**
 * Report section: the SCO cases (scenarios/sco/) — per issue a chart of the members' positions,
 * the status quo, the core, every model's forecast and the observed outcome, with the consensus
 * model's explanation and the case file's notes on misses — and the backtest table.
 */
import { backtest } from '../../bargaining/backtest.js';
import {
  ADOPTION_RULE,
  forecastAll,
  forecastJson,
  MODEL_NAMES,
  MODEL_TITLES,
  modelOutcome,
} from '../../bargaining/forecast.js';
import { loadOrganizationCases } from '../../scenario/load.js';
import { pct } from '../../util/format.js';
import { esc } from '../../util/html.js';
import { MODEL_COLOURS } from '../../util/palette.js';
import { renderIssueLine } from '../charts/issue-line.js';
import { escLinks, htmlTable } from '../html.js';
import type { ReportSection } from '../report.js';

export const forecastsSection: ReportSection = {
  id: 'forecasts',
  title: 'Forecasts',
  // The organization's own cases (scenarios/<id>/); none: no section.
  applies: (ctx) => loadOrganizationCases(ctx.orgId).length > 0,
  render(ctx) {
    const cases = loadOrganizationCases(ctx.orgId);
    const short = ctx.registry.get(ctx.orgId).shortName;
    const scenarios = cases.map((c) => c.scenario);
    const bt = backtest(scenarios);
    const fmt = (v: number | null | undefined) =>
      v === null || v === undefined ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1);
    const scores = htmlTable(
      [
        'Model',
        'Mean absolute error (0–100)',
        'Cases',
        'Adoption calls right',
        'Calls',
        'Participation calls right',
        'Calls',
      ],
      MODEL_NAMES.map((m) => {
        const s = bt.models[m]!;
        return [
          { html: `<span style="color:${MODEL_COLOURS[m]}">●</span> ${esc(MODEL_TITLES[m])}` },
          s.mae === undefined ? '–' : s.mae.toFixed(1),
          s.n.mae,
          s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy),
          s.n.adoption,
          s.participantAccuracy === undefined ? '–' : pct(s.participantAccuracy),
          s.n.participants,
        ];
      }),
      {
        caption: `Backtest on the ${scenarios.length} ${short} decisions (${bt.cases.length} issues with an observed outcome)`,
      },
    );
    const perCase = htmlTable(
      ['Case', 'Observed', ...MODEL_NAMES],
      bt.cases.map((c) => [
        `${c.scenario} / ${c.issue}`,
        `${fmt(c.observed.position as number)}${c.observed.adopted === null ? '' : c.observed.adopted ? ' (adopted)' : ' (not adopted)'}`,
        ...MODEL_NAMES.map((m) => {
          const r = c.models[m];
          if (!r || r.outcome === null) return '–';
          const mark = r.adoptionRight === null ? '' : r.adoptionRight ? ' ✓' : ' ✗';
          return `${fmt(r.outcome as number)} (${fmt(r.error)})${mark}`;
        }),
      ]),
      {
        caption: `Forecast (absolute error on 0–100) per case; ✓/✗: the adoption call was right/wrong (${ADOPTION_RULE})`,
      },
    );
    const charts = cases
      .map(({ scenario: s, file }) => {
        const fs = forecastAll(s);
        const j = forecastJson(s, fs);
        return fs
          .map((f, k) => {
            const is = f.issue;
            if (is.dims !== 1) return '';
            const blockers = new Set(f.consensus?.blockers ?? []);
            const svg = renderIssueLine({
              id: `case-${s.id}-${is.id}`,
              title: `${s.title}: ${is.title}`,
              lo: is.lo[0]!,
              hi: is.hi[0]!,
              poles: is.poles[0],
              actors: s.actors.flatMap((a, i) =>
                is.has[i]
                  ? [
                      {
                        id: a.id,
                        position: is.position[i]!,
                        capability: s.capability[i]!,
                        blocks: blockers.has(i),
                      },
                    ]
                  : [],
              ),
              statusQuo: is.statusQuo ? is.statusQuo[0]! : null,
              proposal: is.proposal ? is.proposal[0]! : null,
              core: f.consensus?.core ?? null,
              winSet: f.consensus?.winSet ?? null,
              models: MODEL_NAMES.map((m) => ({ name: m, outcome: modelOutcome(f, m)?.[0] ?? null })),
              observed: is.observed?.position ? is.observed.position[0]! : null,
            });
            const notes = Object.entries(is.modelNotes)
              .map(([m, t]) => `<li><strong>${esc(m)}</strong>: ${esc(t)}</li>`)
              .join('');
            return `<figure class="case">
<figcaption><strong>${esc(s.title)}</strong> — ${esc(is.title)} <span class="note">(${esc(s.date ?? '')}; ${esc(is.rule.description)}; ${is.optOut ? 'opt-out allowed' : is.amendable ? 'amendable' : 'take it or leave it'}; file ${esc(file)})</span></figcaption>
${svg}
<p>${esc(j.issues[k]!.explanation)}.${is.observed?.source ? ` <span class="note">Observed: ${escLinks(is.observed.source)}</span>` : ''}</p>
${notes ? `<ul class="note">${notes}</ul>` : ''}
</figure>`;
          })
          .join('\n');
      })
      .join('\n');
    const legend = `<p class="note">Each chart: members' positions (dot area grows with the capability share; red: blocks the tabled proposal), the status quo (◆) and the proposal (▽), the core of the rule (green) and the win-set of the status quo (light blue), each model's forecast on its own row, and the observed outcome (★, dashed line). Positions and saliences are the coding in scenarios/${esc(ctx.orgId)}/*.yaml, each with its rationale and source; capabilities are GDP shares on the decision date. Models: docs/models.md.</p>`;
    const summary = [
      `${scenarios.length} ${short} cases, ${bt.cases.length} issues with an observed outcome`,
      ...MODEL_NAMES.map((m) => {
        const s = bt.models[m]!;
        return `${m}: MAE ${s.mae === undefined ? '–' : s.mae.toFixed(1)}, adoption calls ${s.adoptionAccuracy === undefined ? '–' : pct(s.adoptionAccuracy)} right`;
      }),
    ];
    return {
      html: `${legend}\n${scores}\n${charts}\n<h3>Every case</h3>\n${perCase}`,
      summary,
    };
  },
};
